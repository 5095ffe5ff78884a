// Tier progress (PRODUCT.md "Tier progress"): how many distinct qualifying references are
// approved now, which are pending and when each is expected, what is missing per tier, the
// current tier and when the next one is expected. Rule sets are data (assets/tier_rules.json).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/checks/reference_check.h"
#include "core/model/model.h"

namespace reftier {

struct TierRule {
    std::string name;            // "Select"
    std::optional<int> required; // nullopt: the tier does not exist on this path ("n/a")
};

struct RuleSet {
    std::string id;   // "apn-2019-consulting"
    std::string name; // "APN 2019, Consulting Partner"
    PartnerPath path = PartnerPath::Consulting;
    int review_business_days = 5; // Public References Tool review time
    std::vector<TierRule> tiers;  // lowest first
};

// The rule set a new document on `path` starts with (tier_rules.json "default").
struct RuleSetDefault {
    PartnerPath path = PartnerPath::Consulting;
    std::string rule_set_id;
};

struct RuleSetsLoad {
    std::vector<RuleSet> rule_sets;       // empty when there are errors: all or nothing
    std::vector<RuleSetDefault> defaults; // one per path that has rule sets
    // "rule_sets[1].tiers[2].required must be a whole number or null"; callers name the file
    std::vector<std::string> errors;
};
RuleSetsLoad load_rule_sets(const nlohmann::json& data);
RuleSetsLoad load_rule_sets_text(std::string_view json_text);
const RuleSet* find_rule_set(const std::vector<RuleSet>& sets, std::string_view id);
const RuleSet* default_rule_set(const RuleSetsLoad& load, PartnerPath path);

struct PendingReference {
    std::size_t index = 0; // into Document::references
    Date expected;         // submitted_on + review days, in business days
    bool overdue = false;  // expected is before today
};

struct TierStatus {
    std::string name;
    std::optional<int> required;
    int approved = 0; // counted toward this tier (same for every tier)
    int pending = 0;
    int missing = 0; // max(0, required - approved)
    bool reached = false;
    // When the tier is expected if the pending references are approved on time; nullopt when
    // reached already or when pending ones cannot close the gap.
    std::optional<Date> expected_date;
    // expected_date is before today: a review is late. The date is kept as computed (not moved
    // to today) so the app can say how late.
    bool expected_overdue = false;
};

// Why a reference does not count, for "what is still needed" texts.
enum class NotCounted { Draft, Rejected, Duplicate, NotQualifying };

struct ExcludedReference {
    std::size_t index = 0;
    NotCounted reason = NotCounted::Draft;
};

struct TierProgress {
    std::string rule_set_id;
    std::string current_tier;             // highest reached; empty when none is
    std::optional<std::string> next_tier; // lowest not reached (that exists on this path)
    std::optional<Date> next_tier_expected;
    bool next_tier_expected_overdue = false;
    int approved = 0;
    int pending = 0;
    std::vector<TierStatus> tiers;
    std::vector<PendingReference> pending_references; // sorted by expected date
    std::vector<ExcludedReference> excluded;
};

// `check` must be check_references(document.references) (passed in so callers that already
// have it do not pay twice). A reference does not qualify when it has an error finding other
// than a duplicate one (duplicates carry related_id and are judged by is_duplicate, so the first
// copy still counts).
TierProgress compute_tier_progress(const Document& document, const DocumentCheck& check,
                                   const RuleSet& rules, Date today);

} // namespace reftier
