// Reading assets/tier_rules.json: the shipped rule sets, with the document format's own rules
// for a rule set (one reader for both), and the default rule set of each path.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/format/document_json.h"
#include "core/model/model.h"

namespace reftier {

// The rule set a new document on `path` starts with (tier_rules.json "default").
struct RuleSetDefault {
    PartnerPath path = PartnerPath::Consulting;
    std::string rule_set_id;
    bool operator==(const RuleSetDefault&) const = default;
};

struct RuleSetFile {
    std::vector<RuleSet> rule_sets;       // empty when there are errors: all or nothing
    std::vector<RuleSetDefault> defaults; // one per path that has rule sets
    std::vector<ReadError> errors;        // "rule_sets[1].tiers[2].required: must be ..."
};

// {"rule_sets": [at least one rule set], "default": {"consulting": id, "technology": id}}: each
// default names a rule set of its path, and every path that has rule sets has a default.
RuleSetFile read_rule_set_file(std::string_view text);

} // namespace reftier
