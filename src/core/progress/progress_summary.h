// "Copy summary": tier progress and open problems as Markdown, for an email to the team, and
// one reference as a Markdown line ("Copy as Markdown line"). Built only from the document and
// the results the other checks already computed.
#pragma once

#include <string>

#include "core/checks/account_check.h"
#include "core/checks/reference_check.h"
#include "core/model/model.h"
#include "core/progress/tier_progress.h"

namespace reftier {

std::string progress_summary_markdown(const Document& document, const RuleSet& rules,
                                      const TierProgress& progress, const DocumentCheck& check,
                                      const AccountReport& accounts, Date today);

// "[Title](URL), Customer": the title linked to its page; user text escaped, so a name cannot
// turn into formatting, and a ")" or a space in the URL cannot end the link early.
std::string reference_markdown_line(const Reference& reference);

} // namespace reftier
