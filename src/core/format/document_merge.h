// Import by merge (docs/format.md "Merging"): records of the incoming document (references,
// accounts, the partner's own rule sets) are matched to the current one by id. New ids are added,
// identical records are skipped, and records with the same id but different content are conflicts:
// listed, and resolved by the caller's choice.
#pragma once

#include <string>
#include <vector>

#include "core/model/model.h"

namespace reftier {

// One field of a conflict: its JSON name and both values as a person reads them (a string as
// it is, an empty value as "(empty)", anything else as JSON).
struct FieldChange {
    std::string field;
    std::string current;
    std::string incoming;
};

struct MergeConflict {
    enum class Kind { Reference, Account, RuleSet } kind = Kind::Reference;
    std::string id;
    std::string
        name; // the current record as a person knows it (reference_name.h), or a rule set's name
    std::vector<std::string> differing_fields; // JSON field names
    std::vector<FieldChange> changes;          // the same fields, with both values
};

enum class ConflictPolicy { KeepCurrent, TakeIncoming };

struct MergePlan {
    int references_added = 0;
    int accounts_added = 0;
    int rule_sets_added = 0;
    int unchanged = 0;
    std::vector<MergeConflict> conflicts;
};

// What merging would do, without doing it (for the confirmation dialog).
MergePlan plan_merge(const Document& current, const Document& incoming);
// The merged document; the partner profile (chosen rule set, scorecard) stays the current one.
Document merge_documents(const Document& current, const Document& incoming, ConflictPolicy policy);
// The same, each conflict resolved by its own choice: `choices[i]` for plan.conflicts[i] (in
// plan_merge's order); a conflict past the end of `choices` keeps the current record.
Document merge_documents(const Document& current, const Document& incoming,
                         const std::vector<ConflictPolicy>& choices);

// A fresh id not used in `document`: "r-0001" style for references.
std::string next_reference_id(const Document& document);
// `count` fresh ids at once, none used in `document` and all different: O(references + count).
std::vector<std::string> next_reference_ids(const Document& document, std::size_t count);

} // namespace reftier
