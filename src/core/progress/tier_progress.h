// Tier progress (docs/format.md "Tier progress"): how many distinct qualifying references are
// approved now, which are pending and when each is expected, each tier's other requirements
// counted from the partner's scorecard, the current tier and what holds the next one back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/checks/reference_check.h"
#include "core/model/model.h"
#include "core/progress/rule_sets.h"

namespace reftier {

struct PendingReference {
    std::size_t index = 0; // into Document::references
    Date expected;         // submitted_on + review days, in business days
    bool overdue = false;  // expected is before today
};

// One requirement of a tier beside the references, against the partner's scorecard.
struct RequirementStatus {
    std::string id;
    std::string name;
    int required = 0;
    std::optional<int> have; // the scorecard's count; nullopt: not entered, so not met
    bool met = false;
    int missing = 0; // required - have, or required when not entered
};

struct TierStatus {
    std::string name;
    std::optional<int> required; // references; nullopt: the tier does not exist on this path
    int approved = 0;            // counted toward this tier (same for every tier)
    int pending = 0;
    int missing = 0; // references still to be approved: max(0, required - approved)
    int to_find = 0; // missing ones that no pending reference would cover
    bool references_met = false;
    std::vector<RequirementStatus> requirements;
    bool requirements_met = true;
    // Tiers are a ladder: reached when its references and every requirement are met and the
    // tier below (that exists) is reached too.
    bool reached = false;
    // When the reference part is expected complete if the pending references are approved on
    // time; nullopt when met already or when pending ones cannot close the gap.
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
    int overdue = 0; // pending reviews past their expected date
    std::vector<TierStatus> tiers;
    std::vector<PendingReference> pending_references; // sorted by expected date
    std::vector<ExcludedReference> excluded;

    const TierStatus* next() const; // the status of next_tier, or nullptr
};

// `check` must be check_references(document.references) (passed in so callers that already
// have it do not pay twice). A reference does not qualify when it has an error finding of its
// own (has_error); duplicates are judged by is_duplicate, so the first copy still counts.
// Requirements are counted from document.partner.scorecard.
TierProgress compute_tier_progress(const Document& document, const DocumentCheck& check,
                                   const RuleSet& rules, Date today);

} // namespace reftier
