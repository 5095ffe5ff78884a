// How messages and titles name a reference or an account to a person: by its customer and
// title, or its name, never by the internal id alone ("Saved r-0016" said nothing, issue 18).
#pragma once

#include <string>

#include "core/model/model.h"

namespace reftier {

// Acme Retail, "DevOps and Cloud Culture Drive Velocity in Retail" (the title cut to a readable
// length); the id where the reference has neither customer nor title yet.
std::string reference_name(const Reference& reference);
// Org management (111122223333), or the id alone when the account has no name.
std::string account_name(const Account& account);

} // namespace reftier
