// Tier progress: counting the references that qualify, their review dates, and each tier's
// requirements against the partner's scorecard.
#include "core/progress/tier_progress.h"

#include <algorithm>

#include "core/model/date.h"

namespace reftier {

namespace {

// Why a reference does not count, or nullopt when it does. Duplicates are judged by
// is_duplicate, so the first copy of a pair still counts.
std::optional<NotCounted> why_not_counted(const Reference& reference, const DocumentCheck& check,
                                          std::size_t index) {
    if (reference.status == Status::Draft) return NotCounted::Draft;
    if (reference.status == Status::Rejected) return NotCounted::Rejected;
    if (index < check.is_duplicate.size() && check.is_duplicate[index])
        return NotCounted::Duplicate;
    if (index < check.has_error.size() && check.has_error[index]) return NotCounted::NotQualifying;
    return std::nullopt;
}

// ACE Pipeline Manager references are previously launched opportunities: they count as soon as
// they are submitted, with no review wait.
bool counts_as_approved_now(const Reference& reference) {
    if (reference.status == Status::Approved) return true;
    return reference.channel == Channel::AcePipelineManager &&
           reference.status == Status::Submitted;
}

RequirementStatus requirement_status(const TierRequirement& requirement,
                                     const Scorecard& scorecard) {
    RequirementStatus status;
    status.id = requirement.id;
    status.name = requirement.name;
    status.required = requirement.required;
    if (const auto it = scorecard.find(requirement.id); it != scorecard.end())
        status.have = it->second;
    status.met = status.have && *status.have >= status.required;
    status.missing = std::max(0, status.required - status.have.value_or(0));
    return status;
}

} // namespace

const TierStatus* TierProgress::next() const {
    for (const TierStatus& tier : tiers)
        if (next_tier && tier.name == *next_tier) return &tier;
    return nullptr;
}

TierProgress compute_tier_progress(const Document& document, const DocumentCheck& check,
                                   const RuleSet& rules, Date today) {
    TierProgress progress;
    progress.rule_set_id = rules.id;
    for (std::size_t i = 0; i < document.references.size(); ++i) {
        const Reference& reference = document.references[i];
        if (const auto reason = why_not_counted(reference, check, i)) {
            progress.excluded.push_back({i, *reason});
            continue;
        }
        if (counts_as_approved_now(reference)) {
            ++progress.approved;
            continue;
        }
        // Submitted through the Public References Tool. Without a submission date the review
        // is assumed to start today: still pending, just with a later estimate.
        const Date expected =
            add_business_days(reference.submitted_on.value_or(today), rules.review_business_days);
        progress.pending_references.push_back({i, expected, expected < today});
        if (expected < today) ++progress.overdue;
    }
    std::stable_sort(progress.pending_references.begin(), progress.pending_references.end(),
                     [](const PendingReference& a, const PendingReference& b) {
                         return a.expected < b.expected;
                     });
    progress.pending = static_cast<int>(progress.pending_references.size());

    bool below_reached = true; // the ladder so far: every existing tier below is reached
    for (const TierRule& tier : rules.tiers) {
        TierStatus status;
        status.name = tier.name;
        status.required = tier.required;
        status.approved = progress.approved;
        status.pending = progress.pending;
        if (tier.required) {
            status.missing = std::max(0, *tier.required - progress.approved);
            status.to_find = std::max(0, status.missing - progress.pending);
            status.references_met = status.missing == 0;
            for (const TierRequirement& requirement : tier.requirements) {
                status.requirements.push_back(
                    requirement_status(requirement, document.partner.scorecard));
                status.requirements_met &= status.requirements.back().met;
            }
            // The reference part arrives with the missing-th earliest decision, if there are
            // that many pending.
            if (!status.references_met && status.to_find == 0) {
                const Date expected = progress.pending_references[status.missing - 1].expected;
                status.expected_date = expected;
                status.expected_overdue = expected < today;
            }
            status.reached = below_reached && status.references_met && status.requirements_met;
            below_reached = status.reached;
            if (status.reached) {
                progress.current_tier = tier.name;
            } else if (!progress.next_tier) {
                progress.next_tier = tier.name;
                progress.next_tier_expected = status.expected_date;
                progress.next_tier_expected_overdue = status.expected_overdue;
            }
        }
        progress.tiers.push_back(std::move(status));
    }
    return progress;
}

} // namespace reftier
