// Records as tables of fields: each field's JSON name, whether a file must have it, and how it
// is read and written, so reading and writing a record can never disagree about its fields.
// Internal to src/core/format.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/format/field_values.h"

namespace reftier::detail {

using nlohmann::ordered_json;

// One field of a record: its JSON name, whether a file must have it, and both directions.
// The order of a table is the order fields are written in (docs/format.md's examples).
// `present`, when set, says whether an optional field is written at all: the fields version 2
// added are left out when empty, so a document that does not use them reads as before.
template <typename Record> struct FieldRule {
    std::string_view name;
    bool required;
    void (*read)(const Field& field, Record& out);
    void (*write)(JsonWriter& out, const Record& record);
    bool (*present)(const Record& record) = nullptr;
};

// Index of the rule for field `name`, or N for a field this version does not know.
template <typename Record, std::size_t N>
std::size_t find_rule(const FieldRule<Record> (&rules)[N], std::string_view name) {
    std::size_t rule = 0;
    while (rule < N && rules[rule].name != name) ++rule;
    return rule;
}

template <typename Record, std::size_t N>
void read_record(ReadErrors& errors, JsonCursor& cursor, const RecordPath& path,
                 const FieldRule<Record> (&rules)[N], Record& out) {
    if (cursor.next_kind() != ValueKind::Object)
        return errors.add(path.text(), "must be an object" + found(cursor));
    bool seen[N] = {};
    std::string key;
    std::size_t next_rule = 0; // fields usually come in rule order, as they are written
    for (bool more = cursor.first_member(key); more; more = cursor.next_member(key)) {
        const std::size_t rule =
            next_rule < N && rules[next_rule].name == key ? next_rule : find_rule(rules, key);
        next_rule = rule + 1;
        if (rule == N) {
            // Kept as an object only when there is something to keep, so a record built in
            // code compares equal to the same record read back.
            if (!out.unknown_fields.is_object()) out.unknown_fields = json::object();
            out.unknown_fields[key] = cursor.parse_value();
            continue;
        }
        // A field given twice: only its last value counts, errors included, as in JSON.parse.
        if (seen[rule]) errors.forget(join_path(path.text(), rules[rule].name));
        seen[rule] = true;
        rules[rule].read(Field{errors, cursor, path, rules[rule].name, std::nullopt}, out);
    }
    for (std::size_t rule = 0; rule < N; ++rule)
        if (rules[rule].required && !seen[rule])
            errors.add(join_path(path.text(), rules[rule].name), "missing required field");
}

// The fields this version does not know, after the known ones (never one that shadows a known
// field).
template <typename Record, std::size_t N>
void write_unknown_fields(JsonWriter& out, const Record& record,
                          const FieldRule<Record> (&rules)[N]) {
    if (!record.unknown_fields.is_object()) return;
    for (const auto& [key, value] : record.unknown_fields.items()) {
        if (find_rule(rules, key) < N) continue;
        out.key(key);
        out.unknown(value);
    }
}

// Fields in rule order, then the unknown ones (never one that shadows a known field).
template <typename Record, std::size_t N>
void write_record(JsonWriter& out, const Record& record, const FieldRule<Record> (&rules)[N]) {
    out.begin_object();
    for (const FieldRule<Record>& rule : rules) {
        if (rule.present && !rule.present(record)) continue;
        out.key(rule.name);
        rule.write(out, record);
    }
    write_unknown_fields(out, record, rules);
    out.end_object();
}

template <typename Record, std::size_t N>
void write_record_list(JsonWriter& out, const std::vector<Record>& records,
                       const FieldRule<Record> (&rules)[N]) {
    out.begin_array();
    for (const Record& record : records) write_record(out, record, rules);
    out.end_array();
}

// The record as nlohmann JSON, through the same writer, so both always agree.
template <typename Record, std::size_t N>
ordered_json record_json(const Record& record, const FieldRule<Record> (&rules)[N]) {
    JsonWriter out(-1);
    write_record(out, record, rules);
    return ordered_json::parse(out.take(), nullptr, /*allow_exceptions=*/false);
}

template <typename Record>
void check_unique_ids(ReadErrors& errors, const std::string& list_path,
                      const std::vector<Record>& records) {
    std::unordered_map<std::string_view, std::size_t> first_index;
    first_index.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].id.empty()) continue;
        const auto [it, inserted] = first_index.try_emplace(records[i].id, i);
        if (!inserted)
            errors.add(indexed_path(list_path, i) + ".id",
                       "duplicate id " + quote(records[i].id) + " (also used by " +
                           indexed_path(list_path, it->second) + ")");
    }
}

// A list of records (with unique ids, for records that have one); null is an empty list where
// `nullable`. `what` names the records in the message for a list longer than `max_items` ("rule
// sets").
template <typename Record, std::size_t N>
void read_record_list(const Field& field, const FieldRule<Record> (&rules)[N],
                      std::vector<Record>& out, bool nullable = false,
                      std::size_t max_items = SIZE_MAX, std::string_view what = "") {
    JsonCursor& cursor = field.cursor;
    out.clear(); // a field given twice: the last one counts, as in JSON.parse
    if (nullable && skip_null(cursor)) return;
    if (cursor.next_kind() != ValueKind::Array) return field.fail("must be a list" + found(cursor));
    const std::string list_path = field.path();
    for (bool more = cursor.first_element(); more; more = cursor.next_element()) {
        out.emplace_back();
        read_record(field.errors, cursor, RecordPath{list_path, out.size() - 1}, rules, out.back());
    }
    if (out.size() > max_items)
        field.fail("has " + std::to_string(out.size()) + " " + std::string(what) + "; at most " +
                   std::to_string(max_items) + " are allowed");
    if constexpr (requires(const Record& r) { r.id; })
        check_unique_ids(field.errors, list_path, out);
}

} // namespace reftier::detail
