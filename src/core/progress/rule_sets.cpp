// The rule sets that apply to a document, the partner's choice among them, and the partner's
// own rule set copied from a shipped one.
#include "core/progress/rule_sets.h"

#include <algorithm>
#include <charconv>

#include "core/model/date.h"
#include "core/model/enum_names.h"

namespace reftier {

RuleSetsLoad load_rule_sets_text(std::string_view json_text) {
    RuleSetFile file = read_rule_set_file(json_text);
    RuleSetsLoad load;
    load.rule_sets = std::move(file.rule_sets);
    load.defaults = std::move(file.defaults);
    for (const ReadError& error : file.errors) load.errors.push_back(to_string(error));
    return load;
}

const RuleSet* find_rule_set(const std::vector<RuleSet>& sets, std::string_view id) {
    for (const RuleSet& set : sets)
        if (set.id == id) return &set;
    return nullptr;
}

const RuleSet* default_rule_set(const std::vector<RuleSet>& sets,
                                const std::vector<RuleSetDefault>& defaults, PartnerPath path) {
    for (const RuleSetDefault& entry : defaults)
        if (entry.path == path) return find_rule_set(sets, entry.rule_set_id);
    return nullptr;
}

const RuleSet* default_rule_set(const RuleSetsLoad& load, PartnerPath path) {
    return default_rule_set(load.rule_sets, load.defaults, path);
}

std::vector<RuleSet> rule_sets_with(const std::vector<RuleSet>& shipped,
                                    const std::vector<RuleSet>& own) {
    std::vector<RuleSet> sets = shipped;
    for (const RuleSet& set : own) {
        const auto same = std::find_if(sets.begin(), sets.end(),
                                       [&](const RuleSet& s) { return s.id == set.id; });
        if (same != sets.end())
            *same = set;
        else
            sets.push_back(set);
    }
    return sets;
}

const RuleSet* active_rule_set(const std::vector<RuleSet>& sets,
                               const std::vector<RuleSetDefault>& defaults,
                               const PartnerProfile& partner) {
    if (const RuleSet* set = find_rule_set(sets, partner.rule_set)) return set;
    if (const RuleSet* set = default_rule_set(sets, defaults, partner.path)) return set;
    for (const RuleSet& set : sets)
        if (set.path == partner.path) return &set;
    return sets.empty() ? nullptr : &sets.front();
}

PathChange change_path(const PartnerProfile& partner, PartnerPath path,
                       const std::vector<RuleSet>& sets,
                       const std::vector<RuleSetDefault>& defaults) {
    PathChange change{partner, ""};
    change.partner.path = path;
    const RuleSet* current = active_rule_set(sets, defaults, partner);
    if (!current || current->path == path) return change;
    const RuleSet* next = default_rule_set(sets, defaults, path);
    const std::string path_label(to_label(path));
    if (!next) {
        change.note = "No rule set is shipped for " + path_label + " partners; \"" + current->name +
                      "\" stays in use.";
        return change;
    }
    change.partner.rule_set = next->id;
    change.note = "Rule set changed to \"" + next->name + "\", the default for " + path_label +
                  " partners (\"" + current->name + "\" is for " +
                  std::string(to_label(current->path)) + " partners).";
    return change;
}

RuleSet scorecard_copy(const RuleSet& base, const std::vector<RuleSet>& sets, Date today) {
    RuleSet copy = base;
    copy.id = "our-scorecard";
    for (int n = 2; find_rule_set(sets, copy.id); ++n)
        copy.id = "our-scorecard-" + std::to_string(n);
    copy.name = "Our scorecard, copied " + format_iso_date(today);
    copy.source = "Partner Scorecard in Partner Central (copied from \"" + base.name + "\")";
    copy.verified = false;
    copy.unknown_fields = nullptr;
    return copy;
}

std::vector<TierRequirement> known_requirements(const std::vector<RuleSet>& sets) {
    std::vector<TierRequirement> known;
    for (const RuleSet& set : sets) {
        for (const TierRule& tier : set.tiers) {
            for (const TierRequirement& requirement : tier.requirements) {
                const bool seen = std::any_of(known.begin(), known.end(), [&](const auto& k) {
                    return k.id == requirement.id;
                });
                if (seen) continue;
                TierRequirement choice = requirement;
                choice.unknown_fields = nullptr;
                known.push_back(std::move(choice));
            }
        }
    }
    return known;
}

std::vector<ReadError> rule_set_problems(const RuleSet& rule_set, const PartnerProfile& partner) {
    Document probe;
    probe.partner = partner;
    probe.rule_sets.push_back(rule_set);
    return read_document(write_document(probe, -1)).errors;
}

} // namespace reftier

namespace reftier {

namespace {

// The number after `prefix` ("tiers[") at the start of `path`, which is consumed with it.
std::optional<std::size_t> take_index(std::string_view& path, std::string_view prefix) {
    if (!path.starts_with(prefix)) return std::nullopt;
    path.remove_prefix(prefix.size());
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(path.data(), path.data() + path.size(), index);
    if (error != std::errc() || end == path.data() + path.size() || *end != ']') return std::nullopt;
    path.remove_prefix(static_cast<std::size_t>(end - path.data()) + 1);
    return index;
}

} // namespace

std::string rule_set_problem_text(const RuleSet& rule_set, const ReadError& problem) {
    std::string_view path = problem.path;
    std::string where;
    if (path.starts_with("partner.scorecard")) {
        path.remove_prefix(std::string_view("partner.scorecard").size());
        where = path.empty() ? "scorecard" : "scorecard, " + std::string(path.substr(1));
    } else if (take_index(path, "rule_sets[")) {
        if (path.starts_with(".")) path.remove_prefix(1);
        const auto tier = take_index(path, "tiers[");
        if (tier && *tier < rule_set.tiers.size()) {
            const TierRule& rule = rule_set.tiers[*tier];
            where = rule.name.empty() ? "tier " + std::to_string(*tier + 1) : rule.name;
            if (path.starts_with(".")) path.remove_prefix(1);
            const auto requirement = take_index(path, "requirements[");
            if (requirement && *requirement < rule.requirements.size()) {
                const std::string& name = rule.requirements[*requirement].name;
                where += ", " + (name.empty() ? "requirement " + std::to_string(*requirement + 1)
                                              : name);
                if (path.starts_with(".")) path.remove_prefix(1);
            } else if (path == "required") {
                path = "references";
            }
        }
        if (!path.empty()) where += where.empty() ? std::string(path) : ", " + std::string(path);
    } else {
        where = problem.path;
    }
    return where.empty() ? problem.message : where + ": " + problem.message;
}

} // namespace reftier
