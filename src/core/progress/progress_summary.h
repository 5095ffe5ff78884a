// "Copy summary": tier progress and open problems as Markdown, for an email to the team.
// Built only from the document and the results the other checks already computed.
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

} // namespace reftier
