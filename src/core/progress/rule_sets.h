// Which tier rules apply: the shipped rule sets (assets/tier_rules.json) with the partner's own
// (Document::rule_sets) in front, the active one for a partner, what changes with the path, and
// "Copy my scorecard": a rule set of the partner's own started from a shipped one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/format/document_json.h"
#include "core/format/rule_set_file.h"
#include "core/model/model.h"

namespace reftier {

struct RuleSetsLoad {
    std::vector<RuleSet> rule_sets;       // empty when there are errors: all or nothing
    std::vector<RuleSetDefault> defaults; // one per path that has rule sets
    // "rule_sets[1].tiers[2].required: must be ..."; callers name the file
    std::vector<std::string> errors;
};
RuleSetsLoad load_rule_sets_text(std::string_view json_text);

const RuleSet* find_rule_set(const std::vector<RuleSet>& sets, std::string_view id);
const RuleSet* default_rule_set(const std::vector<RuleSet>& sets,
                                const std::vector<RuleSetDefault>& defaults, PartnerPath path);
const RuleSet* default_rule_set(const RuleSetsLoad& load, PartnerPath path);

// The shipped rule sets with the partner's own: one whose id is a shipped one's takes its place
// (and position), the others follow.
std::vector<RuleSet> rule_sets_with(const std::vector<RuleSet>& shipped,
                                    const std::vector<RuleSet>& own);

// The partner's chosen rule set; when the document names none that exists, the default of the
// partner's path (then any of that path, then the first).
const RuleSet* active_rule_set(const std::vector<RuleSet>& sets,
                               const std::vector<RuleSetDefault>& defaults,
                               const PartnerProfile& partner);

// Choosing another path: a rule set of the other path stays; one of the old path is replaced by
// the new path's default, and `note` says so ("Rule set changed to ..., the default for
// Technology partners"), so the change is never silent. Empty note: nothing else changed.
struct PathChange {
    PartnerProfile partner;
    std::string note;
};
PathChange change_path(const PartnerProfile& partner, PartnerPath path,
                       const std::vector<RuleSet>& sets,
                       const std::vector<RuleSetDefault>& defaults);

// "Copy my scorecard": `base` as a rule set of the partner's own, with an id no rule set in
// `sets` has ("our-scorecard", "our-scorecard-2", ...), named with the day it was copied,
// source "Partner Scorecard in Partner Central (copied from <base>)", not verified.
RuleSet scorecard_copy(const RuleSet& base, const std::vector<RuleSet>& sets, Date today);

// Every requirement any rule set names (id and name, first naming wins), in the order met: the
// choices the scorecard editor offers.
std::vector<TierRequirement> known_requirements(const std::vector<RuleSet>& sets);

// What the document reader would refuse in a partner's rule set and scorecard (an id of the
// wrong form, tiers out of order, a count out of range): saving it would leave a document that
// cannot be opened again. Paths name the fields as in a file ("rule_sets[0].tiers[2].required").
std::vector<ReadError> rule_set_problems(const RuleSet& rule_set, const PartnerProfile& partner);

// One of those problems as the editor shows it, named by what the partner sees rather than by a
// file path: "Advanced, references: must not be less than the tier before it (2)...",
// "Select, Launched Opportunities: ...", "scorecard, launched_opportunities: ...".
std::string rule_set_problem_text(const RuleSet& rule_set, const ReadError& problem);

} // namespace reftier
