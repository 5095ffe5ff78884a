// A reference or an account named for a person: customer and title, or name and id.
#include "core/model/reference_name.h"

#include "core/text/utf8_text.h"

namespace reftier {

std::string reference_name(const Reference& reference) {
    if (reference.customer.empty() && reference.title.empty()) return reference.id;
    const std::string customer = reference.customer.empty() ? "(no customer)" : reference.customer;
    if (reference.title.empty()) return customer;
    return customer + ", " + quote_for_message(reference.title);
}

std::string account_name(const Account& account) {
    return account.name.empty() ? account.id : account.name + " (" + account.id + ")";
}

} // namespace reftier
