// Merge planning and applying: records matched by id, conflicts listed, the policy applied.
#include "core/format/document_merge.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/format/document_json.h"
#include "core/model/reference_name.h"

namespace reftier {

namespace {

// Field names whose values differ, compared as written in a file, so unknown fields count
// like known ones and the names match what a partner sees in the JSON.
std::vector<std::string> differing_fields(const nlohmann::ordered_json& current,
                                          const nlohmann::ordered_json& incoming) {
    std::vector<std::string> names;
    for (const auto& [key, value] : current.items()) {
        const auto other = incoming.find(key);
        if (other == incoming.end() || *other != value) names.push_back(key);
    }
    for (const auto& [key, value] : incoming.items())
        if (!current.contains(key)) names.push_back(key);
    return names;
}

// A field's value as the conflict list shows it.
std::string value_text(const nlohmann::ordered_json* value) {
    if (!value || value->is_null() ||
        (value->is_string() && value->get_ref<const std::string&>().empty()))
        return "(empty)";
    if (value->is_string()) return value->get<std::string>();
    return value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<FieldChange> field_changes(const nlohmann::ordered_json& current,
                                       const nlohmann::ordered_json& incoming,
                                       const std::vector<std::string>& fields) {
    std::vector<FieldChange> changes;
    for (const std::string& field : fields) {
        const auto mine = current.find(field);
        const auto theirs = incoming.find(field);
        changes.push_back({field, value_text(mine == current.end() ? nullptr : &*mine),
                           value_text(theirs == incoming.end() ? nullptr : &*theirs)});
    }
    return changes;
}

std::string record_name(const Reference& r) {
    return reference_name(r);
}
std::string record_name(const Account& a) {
    return account_name(a);
}
std::string record_name(const RuleSet& r) {
    return r.name.empty() ? r.id : r.name;
}

struct MergeCounts {
    int added = 0;
    int unchanged = 0;
    std::vector<MergeConflict> conflicts;
};

// Which side wins each conflict, in the order the plan lists them.
struct ConflictChoices {
    ConflictPolicy all = ConflictPolicy::KeepCurrent;
    const std::vector<ConflictPolicy>* each = nullptr;
    std::size_t next = 0;
    ConflictPolicy take() {
        const std::size_t i = next++;
        if (!each) return all;
        return i < each->size() ? (*each)[i] : ConflictPolicy::KeepCurrent;
    }
};

// Merges `incoming` records into `records` by id (in place), counting what happened. An id
// seen twice in `incoming` is matched against its first copy, as if merged one by one.
template <typename Record>
MergeCounts merge_records(std::vector<Record>& records, const std::vector<Record>& incoming,
                          MergeConflict::Kind kind, ConflictChoices& choices,
                          nlohmann::ordered_json (*to_json)(const Record&)) {
    MergeCounts counts;
    std::unordered_map<std::string, std::size_t> index_by_id;
    index_by_id.reserve(records.size() + incoming.size());
    for (std::size_t i = 0; i < records.size(); ++i) index_by_id.try_emplace(records[i].id, i);
    for (const Record& record : incoming) {
        const auto [it, inserted] = index_by_id.try_emplace(record.id, records.size());
        if (inserted) {
            records.push_back(record);
            ++counts.added;
            continue;
        }
        Record& existing = records[it->second];
        if (existing == record) {
            ++counts.unchanged;
            continue;
        }
        const nlohmann::ordered_json mine = to_json(existing), theirs = to_json(record);
        std::vector<std::string> fields = differing_fields(mine, theirs);
        std::vector<FieldChange> changes = field_changes(mine, theirs, fields);
        counts.conflicts.push_back(
            {kind, record.id, record_name(existing), std::move(fields), std::move(changes)});
        if (choices.take() == ConflictPolicy::TakeIncoming) existing = record;
    }
    return counts;
}

// Both plan_merge and merge_documents run this, so the plan always tells the truth.
Document merge_into(const Document& current, const Document& incoming, ConflictChoices choices,
                    MergePlan& plan) {
    Document merged = current;
    MergeCounts references =
        merge_records(merged.references, incoming.references, MergeConflict::Kind::Reference,
                      choices, reference_to_json);
    MergeCounts accounts = merge_records(merged.accounts, incoming.accounts,
                                         MergeConflict::Kind::Account, choices, account_to_json);
    MergeCounts rule_sets = merge_records(merged.rule_sets, incoming.rule_sets,
                                          MergeConflict::Kind::RuleSet, choices, rule_set_to_json);
    // Unknown top-level fields the current document lacks are taken, so nothing is lost.
    if (incoming.unknown_fields.is_object()) {
        if (!merged.unknown_fields.is_object()) merged.unknown_fields = nlohmann::json::object();
        for (const auto& [key, value] : incoming.unknown_fields.items())
            if (!merged.unknown_fields.contains(key)) merged.unknown_fields[key] = value;
    }
    plan.references_added = references.added;
    plan.accounts_added = accounts.added;
    plan.rule_sets_added = rule_sets.added;
    plan.unchanged = references.unchanged + accounts.unchanged + rule_sets.unchanged;
    plan.conflicts = std::move(references.conflicts);
    for (MergeCounts* counts : {&accounts, &rule_sets})
        plan.conflicts.insert(plan.conflicts.end(), counts->conflicts.begin(),
                              counts->conflicts.end());
    return merged;
}

// The number in "r-0042", or nullopt for any other form (or one too large to count up from).
std::optional<std::uint64_t> reference_id_number(std::string_view id) {
    if (!id.starts_with("r-") || id.size() == 2) return std::nullopt;
    std::uint64_t number = 0;
    const char* end = id.data() + id.size();
    const auto [stop, error] = std::from_chars(id.data() + 2, end, number);
    if (error != std::errc() || stop != end || number == UINT64_MAX) return std::nullopt;
    return number;
}

std::string format_reference_id(std::uint64_t number) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "r-%04llu", static_cast<unsigned long long>(number));
    return buffer;
}

} // namespace

MergePlan plan_merge(const Document& current, const Document& incoming) {
    MergePlan plan;
    merge_into(current, incoming, ConflictChoices{}, plan);
    return plan;
}

Document merge_documents(const Document& current, const Document& incoming, ConflictPolicy policy) {
    MergePlan plan;
    return merge_into(current, incoming, ConflictChoices{policy}, plan);
}

Document merge_documents(const Document& current, const Document& incoming,
                         const std::vector<ConflictPolicy>& choices) {
    MergePlan plan;
    return merge_into(current, incoming, ConflictChoices{ConflictPolicy::KeepCurrent, &choices},
                      plan);
}

std::vector<std::string> next_reference_ids(const Document& document, std::size_t count) {
    std::uint64_t highest = 0;
    std::unordered_set<std::string> used;
    used.reserve(document.references.size() + count);
    for (const Reference& reference : document.references) {
        used.insert(reference.id);
        if (const auto number = reference_id_number(reference.id))
            highest = std::max(highest, *number);
    }
    // "r-7" and "r-0007" both count as 7. Ids too large to count up from are skipped above;
    // every new id is checked against all used ones (and the ones made here), so even a count
    // that wraps around never repeats an id.
    std::vector<std::string> ids;
    ids.reserve(count);
    for (std::uint64_t next = highest + 1; ids.size() < count; ++next) {
        std::string id = format_reference_id(next);
        if (used.insert(id).second) ids.push_back(std::move(id));
    }
    return ids;
}

std::string next_reference_id(const Document& document) {
    return next_reference_ids(document, 1).front();
}

} // namespace reftier
