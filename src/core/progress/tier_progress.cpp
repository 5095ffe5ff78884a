#include "core/progress/tier_progress.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "core/model/date.h"
#include "core/model/enum_names.h"

namespace reftier {

namespace {

using nlohmann::json;

// add_business_days walks day by day, so a typo like 500000 must not reach it.
constexpr long long kMaxReviewBusinessDays = 260; // about one year
constexpr long long kMaxRequiredReferences = 100000;

// Without the file name: callers say which file they read ("tier_rules.json: ...").
void add_error(std::vector<std::string>& errors, std::string_view key, std::string_view problem) {
    std::string text(key);
    text += " ";
    text += problem;
    errors.push_back(std::move(text));
}

std::string in_quotes(std::string_view text) {
    std::string quoted = "\"";
    quoted += text;
    quoted += '"';
    return quoted;
}

// "\"consulting\" or \"technology\"", from the one table of enum spellings.
std::string path_choices() {
    std::string text;
    for (const auto& name : kPartnerPathNames) {
        if (!text.empty()) text += " or ";
        text += in_quotes(name.json);
    }
    return text;
}

// Integers only: 2.0 and "2" are refused so a typo is reported rather than guessed at.
std::optional<long long> whole_number(const json& value) {
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(std::numeric_limits<long long>::max()))
            return std::nullopt;
        return static_cast<long long>(number);
    }
    if (value.is_number_integer()) return value.get<std::int64_t>();
    return std::nullopt;
}

std::optional<std::string> read_non_empty_string(const json& object, const char* member,
                                                 const std::string& key,
                                                 std::vector<std::string>& errors) {
    const auto it = object.find(member);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
        add_error(errors, key, "must be a non-empty string");
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::optional<TierRule> read_tier(const json& tier, const std::string& key,
                                  std::vector<std::string>& errors) {
    if (!tier.is_object()) {
        add_error(errors, key, "must be an object with name and required");
        return std::nullopt;
    }
    const auto name = read_non_empty_string(tier, "name", key + ".name", errors);
    const std::string required_key = key + ".required";
    const auto required_it = tier.find("required");
    if (required_it == tier.end()) {
        add_error(errors, required_key, "is missing (a whole number, or null for n/a)");
        return std::nullopt;
    }
    TierRule rule;
    if (!required_it->is_null()) {
        const auto required = whole_number(*required_it);
        if (!required) {
            add_error(errors, required_key, "must be a whole number or null");
            return std::nullopt;
        }
        if (*required < 0 || *required > kMaxRequiredReferences) {
            add_error(errors, required_key,
                      "must be from 0 to " + std::to_string(kMaxRequiredReferences));
            return std::nullopt;
        }
        rule.required = static_cast<int>(*required);
    }
    if (!name) return std::nullopt;
    rule.name = *name;
    return rule;
}

// Tiers go lowest first: names are unique and requirements never go down.
std::vector<TierRule> read_tiers(const json& rule_set, const std::string& key,
                                 std::vector<std::string>& errors) {
    const std::string tiers_key = key + ".tiers";
    const auto tiers_it = rule_set.find("tiers");
    if (tiers_it == rule_set.end() || !tiers_it->is_array() || tiers_it->empty()) {
        add_error(errors, tiers_key, "must be a non-empty list of tiers, lowest first");
        return {};
    }
    std::vector<TierRule> tiers;
    std::optional<int> previous_required;
    for (std::size_t i = 0; i < tiers_it->size(); ++i) {
        const std::string tier_key = tiers_key + "[" + std::to_string(i) + "]";
        auto tier = read_tier((*tiers_it)[i], tier_key, errors);
        if (!tier) continue;
        const bool repeated = std::any_of(tiers.begin(), tiers.end(), [&](const TierRule& other) {
            return other.name == tier->name;
        });
        if (repeated) add_error(errors, tier_key + ".name", "repeats " + in_quotes(tier->name));
        if (tier->required && previous_required && *tier->required < *previous_required)
            add_error(errors, tier_key + ".required",
                      "must not be less than the tier before it (" +
                          std::to_string(*previous_required) + ")");
        if (tier->required) previous_required = tier->required;
        tiers.push_back(std::move(*tier));
    }
    return tiers;
}

std::optional<RuleSet> read_rule_set(const json& rule_set, const std::string& key,
                                     std::vector<std::string>& errors) {
    if (!rule_set.is_object()) {
        add_error(errors, key, "must be an object");
        return std::nullopt;
    }
    const std::size_t errors_before = errors.size();
    RuleSet result;
    result.id = read_non_empty_string(rule_set, "id", key + ".id", errors).value_or("");
    result.name = read_non_empty_string(rule_set, "name", key + ".name", errors).value_or("");

    const auto path_it = rule_set.find("path");
    const auto path = path_it != rule_set.end() && path_it->is_string()
                          ? from_json_name<PartnerPath>(path_it->get_ref<const std::string&>())
                          : std::nullopt;
    if (path)
        result.path = *path;
    else
        add_error(errors, key + ".path", "must be " + path_choices());

    const auto days_it = rule_set.find("review_business_days");
    const auto days = days_it != rule_set.end() ? whole_number(*days_it) : std::nullopt;
    if (days && *days >= 0 && *days <= kMaxReviewBusinessDays)
        result.review_business_days = static_cast<int>(*days);
    else
        add_error(errors, key + ".review_business_days",
                  "must be a whole number from 0 to " + std::to_string(kMaxReviewBusinessDays));

    result.tiers = read_tiers(rule_set, key, errors);
    if (errors.size() != errors_before) return std::nullopt;
    return result;
}

// `sets_complete` is false when a rule set failed to load: its default is then not judged, so
// one broken rule set is not reported twice.
std::vector<RuleSetDefault> read_defaults(const json& data, const std::vector<RuleSet>& sets,
                                          bool sets_complete, std::vector<std::string>& errors) {
    const auto defaults_it = data.find("default");
    if (defaults_it == data.end() || !defaults_it->is_object()) {
        add_error(errors, "default", "must be an object naming a rule set id per path");
        return {};
    }
    std::vector<RuleSetDefault> defaults;
    for (const auto& name : kPartnerPathNames) {
        const bool path_has_sets = std::any_of(
            sets.begin(), sets.end(), [&](const RuleSet& set) { return set.path == name.value; });
        const std::string key = "default." + std::string(name.json);
        const auto id_it = defaults_it->find(std::string(name.json));
        if (id_it == defaults_it->end()) {
            if (path_has_sets) add_error(errors, key, "is missing");
            continue;
        }
        if (!sets_complete) continue;
        const RuleSet* set = id_it->is_string()
                                 ? find_rule_set(sets, id_it->get_ref<const std::string&>())
                                 : nullptr;
        if (!set || set->path != name.value) {
            add_error(errors, key, "must be the id of a " + std::string(name.json) + " rule set");
            continue;
        }
        defaults.push_back({name.value, set->id});
    }
    for (const auto& item : defaults_it->items())
        if (!from_json_name<PartnerPath>(item.key()))
            add_error(errors, "default." + item.key(), "is not a path; use " + path_choices());
    return defaults;
}

// Why a reference does not count, or nullopt when it does. Duplicate findings carry
// related_id and are left to is_duplicate, so the first copy of a pair still counts.
std::optional<NotCounted> why_not_counted(const Reference& reference, const DocumentCheck& check,
                                          std::size_t index) {
    if (reference.status == Status::Draft) return NotCounted::Draft;
    if (reference.status == Status::Rejected) return NotCounted::Rejected;
    if (index < check.is_duplicate.size() && check.is_duplicate[index])
        return NotCounted::Duplicate;
    if (index < check.reference_findings.size()) {
        for (const Finding& finding : check.reference_findings[index])
            if (finding.severity == Severity::Error && finding.related_id.empty())
                return NotCounted::NotQualifying;
    }
    return std::nullopt;
}

// ACE Pipeline Manager references are previously launched opportunities: they count as soon as
// they are submitted, with no review wait.
bool counts_as_approved_now(const Reference& reference) {
    if (reference.status == Status::Approved) return true;
    return reference.channel == Channel::AcePipelineManager &&
           reference.status == Status::Submitted;
}

} // namespace

RuleSetsLoad load_rule_sets(const json& data) {
    RuleSetsLoad load;
    if (!data.is_object()) {
        add_error(load.errors, "top level", "must be an object with rule_sets and default");
        return load;
    }
    const auto sets_it = data.find("rule_sets");
    if (sets_it == data.end() || !sets_it->is_array() || sets_it->empty()) {
        add_error(load.errors, "rule_sets", "must be a non-empty list of rule sets");
        return load;
    }
    for (std::size_t i = 0; i < sets_it->size(); ++i) {
        const std::string key = "rule_sets[" + std::to_string(i) + "]";
        auto set = read_rule_set((*sets_it)[i], key, load.errors);
        if (!set) continue;
        if (find_rule_set(load.rule_sets, set->id)) {
            add_error(load.errors, key + ".id", "repeats " + in_quotes(set->id));
            continue;
        }
        load.rule_sets.push_back(std::move(*set));
    }
    load.defaults = read_defaults(data, load.rule_sets, load.errors.empty(), load.errors);
    if (!load.errors.empty()) {
        load.rule_sets.clear();
        load.defaults.clear();
    }
    return load;
}

RuleSetsLoad load_rule_sets_text(std::string_view json_text) {
    const json data = json::parse(json_text, nullptr, false);
    if (data.is_discarded()) {
        RuleSetsLoad load;
        add_error(load.errors, "text", "is not valid JSON");
        return load;
    }
    return load_rule_sets(data);
}

const RuleSet* find_rule_set(const std::vector<RuleSet>& sets, std::string_view id) {
    for (const RuleSet& set : sets)
        if (set.id == id) return &set;
    return nullptr;
}

const RuleSet* default_rule_set(const RuleSetsLoad& load, PartnerPath path) {
    for (const RuleSetDefault& entry : load.defaults)
        if (entry.path == path) return find_rule_set(load.rule_sets, entry.rule_set_id);
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
    }
    std::stable_sort(progress.pending_references.begin(), progress.pending_references.end(),
                     [](const PendingReference& a, const PendingReference& b) {
                         return a.expected < b.expected;
                     });
    progress.pending = static_cast<int>(progress.pending_references.size());

    for (const TierRule& tier : rules.tiers) {
        TierStatus status;
        status.name = tier.name;
        status.required = tier.required;
        status.approved = progress.approved;
        status.pending = progress.pending;
        if (tier.required) {
            status.missing = std::max(0, *tier.required - progress.approved);
            status.reached = status.missing == 0;
            // The tier arrives with the missing-th earliest decision, if there are that many.
            if (!status.reached && status.missing <= progress.pending) {
                const Date expected = progress.pending_references[status.missing - 1].expected;
                status.expected_date = expected;
                status.expected_overdue = expected < today;
            }
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
