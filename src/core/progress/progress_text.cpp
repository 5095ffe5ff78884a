// Tier progress in words: each sentence built from the computed figures only.
#include "core/progress/progress_text.h"

#include "core/model/date.h"
#include "core/model/enum_names.h"

namespace reftier {

namespace {

std::string count_text(int count, const char* singular, const char* plural) {
    return std::to_string(count) + " " + (count == 1 ? singular : plural);
}

// "a, b and c"
std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
        text += items[i];
    }
    return text;
}

// ", expected 2026-12-08" or ", due by 2026-11-24: overdue".
std::string expected_text(const std::optional<Date>& date, bool overdue) {
    if (!date) return "";
    return (overdue ? ", due by " : ", expected ") + format_iso_date(*date) +
           (overdue ? ": overdue" : "");
}

// The reference part of what holds a tier back.
std::string references_needed_text(const TierStatus& tier) {
    const std::string more =
        count_text(tier.missing, "more approved reference", "more approved references");
    if (tier.to_find == 0)
        return more + " (" + std::to_string(tier.pending) + " pending would cover " +
               (tier.missing == 1 ? "it" : "them") + ")";
    return tier.pending > 0 ? more + " (" + std::to_string(tier.pending) + " pending)" : more;
}

} // namespace

std::string business_days_text(int days) {
    return count_text(days, "business day", "business days");
}

std::string references_text(const TierStatus& tier) {
    if (!tier.required) return "not available on this path";
    const int required = *tier.required;
    if (required == 0) return "No public references required";
    if (tier.references_met)
        return std::to_string(tier.approved) + " approved, " + std::to_string(required) +
               " required: met";
    const std::string approved =
        std::to_string(tier.approved) + " of " + std::to_string(required) + " approved";
    if (tier.to_find == 0)
        return approved + "; the " + std::to_string(tier.pending) + " pending would cover the " +
               std::to_string(tier.missing) + " still needed" +
               expected_text(tier.expected_date, tier.expected_overdue);
    return approved + ", " + std::to_string(tier.pending) +
           " pending: " + std::to_string(tier.to_find) + " more to find";
}

std::string requirement_text(const RequirementStatus& requirement) {
    const std::string required = std::to_string(requirement.required);
    if (!requirement.have)
        return requirement.name + ": not entered (" + required +
               " required): enter it from your Partner Scorecard";
    const std::string figures = std::to_string(*requirement.have) + " of " + required;
    if (requirement.met) return requirement.name + ": " + figures + ", met";
    return requirement.name + ": " + figures + ", " + std::to_string(requirement.missing) + " more";
}

std::vector<std::string> holding_back(const TierStatus& tier) {
    std::vector<std::string> items;
    if (!tier.required) return items;
    if (!tier.references_met) items.push_back(references_needed_text(tier));
    for (const RequirementStatus& requirement : tier.requirements) {
        if (requirement.met) continue;
        items.push_back(requirement.have
                            ? std::to_string(requirement.missing) + " more " + requirement.name
                            : requirement.name + " (not entered)");
    }
    return items;
}

std::string next_tier_text(const TierProgress& progress) {
    const TierStatus* next = progress.next();
    if (!next) {
        return progress.current_tier.empty()
                   ? "No tier of this rule set applies to this path"
                   : progress.current_tier + " is the highest tier of this rule set";
    }
    const std::string head = "Next: " + next->name;
    if (!next->requirements_met) return head + ", held back by " + joined(holding_back(*next));
    if (next->references_met) return head; // only the tier below holds it back (not reached)
    if (next->to_find > 0)
        return head + " needs " +
               count_text(next->to_find, "more reference than is", "more references than are") +
               " pending";
    if (next->expected_overdue)
        return head + " is waiting on overdue reviews: its references were due by " +
               format_iso_date(*next->expected_date);
    return head + ", expected " + format_iso_date(*next->expected_date) +
           " if the pending references are approved on time";
}

std::optional<std::string> overdue_advice(const TierProgress& progress, const RuleSet& rules) {
    if (progress.overdue == 0) return std::nullopt;
    // The advice is the seed's (APN blog, "Next Steps"): "Contact your APN representative with
    // any additional questions you might have about public reference options, or issues
    // related to public reference submissions."
    return count_text(progress.overdue, "review is", "reviews are") + " past the " +
           business_days_text(rules.review_business_days) +
           " a Public References Tool review takes. Contact your APN representative about " +
           (progress.overdue == 1 ? "it" : "them") +
           ": AWS asks partners to raise issues with public reference submissions there.";
}

std::string pending_heading(const RuleSet& rules) {
    return "Pending review (Public References Tool, " +
           business_days_text(rules.review_business_days) + ")";
}

std::string source_text(const RuleSet& rules) {
    return "Source: " + rules.source +
           (rules.verified ? ". Checked against an AWS document."
                           : ". Not verified against an AWS document: compare with your "
                             "Partner Scorecard.");
}

std::optional<std::string> path_mismatch_text(const PartnerProfile& partner, const RuleSet& rules) {
    if (partner.path == rules.path) return std::nullopt;
    return "\"" + rules.name + "\" is a rule set for " + std::string(to_label(rules.path)) +
           " partners, but your path is " + std::string(to_label(partner.path)) +
           ": choose a rule set in Partner > Rule set.";
}

std::string not_counted_text(NotCounted reason) {
    switch (reason) {
    case NotCounted::Draft:
        return "draft, not submitted yet";
    case NotCounted::Rejected:
        return "rejected by the reviewer";
    case NotCounted::Duplicate:
        return "duplicate of another reference";
    case NotCounted::NotQualifying:
        return "has errors the reviewer would reject";
    }
    return "";
}

} // namespace reftier
