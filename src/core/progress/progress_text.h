// Tier progress in words, for the app, the CLI and the summary alike: the view only shows these
// lines, so what a tier needs, what holds the next one back and what to do about late reviews
// is said the same way everywhere.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/model.h"
#include "core/progress/tier_progress.h"

namespace reftier {

// "1 business day", "5 business days": the review time of a rule set.
std::string business_days_text(int days);

// The reference part of one tier: "No public references required", "7 approved, 6 required:
// met", "7 of 10 approved; the 9 pending would cover the 3 still needed, expected 2026-12-08",
// "2 of 10 approved, 1 pending: 7 more to find". An expected date before today is never shown
// as if it were still ahead: "..., due by 2026-11-24: overdue".
std::string references_text(const TierStatus& tier);

// One requirement: "Launched Opportunities: 3 of 20, 17 more", "...: 20 of 20, met",
// "...: not entered (20 required): enter it from your Partner Scorecard".
std::string requirement_text(const RequirementStatus& requirement);

// What keeps a tier from being reached, one item each: "3 more approved references (9 pending
// would cover them)", "17 more Launched Opportunities", "Monthly Recurring Revenue Minimum
// (not entered)". Empty when the tier's own rules are met.
std::vector<std::string> holding_back(const TierStatus& tier);

// The headline under the current tier: "Next: Advanced, expected 2026-12-08 if the pending
// references are approved on time", "Next: Advanced, held back by 17 more Launched
// Opportunities", "Next: Premier needs 4 more references than are pending", "Next: Premier is
// waiting on overdue reviews (due by 2026-11-24)", "Premier is the highest tier here".
std::string next_tier_text(const TierProgress& progress);

// When reviews are past their date: how many, the review time, and the APN's advice (the seed:
// contact your APN representative about issues with public reference submissions).
std::optional<std::string> overdue_advice(const TierProgress& progress, const RuleSet& rules);

// "Pending review (Public References Tool, 5 business days)".
std::string pending_heading(const RuleSet& rules);

// "Source: <source>. Not verified against an AWS document: compare with your Partner Scorecard."
std::string source_text(const RuleSet& rules);

// Set when the rule set is for the other path than the partner's: a Technology partner should
// not be measured against Consulting tiers without a word.
std::optional<std::string> path_mismatch_text(const PartnerProfile& partner, const RuleSet& rules);

// "draft, not submitted yet", "rejected by the reviewer", ...
std::string not_counted_text(NotCounted reason);

} // namespace reftier
