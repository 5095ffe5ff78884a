// Records as tables of fields: each field's JSON name, whether a file must have it, and how it
// is read and written, so reading and writing a record can never disagree about its fields.
// Internal to src/core/format.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
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
constexpr std::size_t find_rule(const FieldRule<Record> (&rules)[N], std::string_view name) {
    std::size_t rule = 0;
    while (rule < N && rules[rule].name != name) ++rule;
    return rule;
}

// Reads a record's fields one at a time, so a reader can stop between two fields (or inside
// one, DocumentReading) and go on later: next() moves to the next field, then read_value()
// reads it by its rule, or start_value() marks it read for a caller that reads it itself.
template <typename Record, std::size_t N> class RecordReader {
  public:
    RecordReader(ReadErrors& errors, JsonCursor& cursor, const RecordPath& path,
                 const FieldRule<Record> (&rules)[N], Record& out)
        : errors_(errors), cursor_(cursor), path_(path), rules_(rules), out_(out) {}

    // False once there are no more fields (the missing required ones then reported), or when
    // the value is not an object at all (reported).
    bool next() {
        bool more = false;
        if (!opened_) {
            opened_ = true;
            if (cursor_.next_kind() != ValueKind::Object) {
                errors_.add(path_.text(), "must be an object" + found(cursor_));
                return false;
            }
            more = cursor_.first_member(key_);
        } else {
            more = cursor_.next_member(key_);
        }
        if (!more) {
            report_missing();
            return false;
        }
        // Fields usually come in rule order, as they are written.
        rule_ = next_rule_ < N && rules_[next_rule_].name == key_ ? next_rule_
                                                                  : find_rule(rules_, key_);
        next_rule_ = rule_ + 1;
        return true;
    }

    // The rule of the field next() moved to; N for a field this version does not know.
    std::size_t rule() const { return rule_; }

    // Marks the known field next() moved to as read: a field given twice counts only with its
    // last value, errors included, as in JSON.parse.
    Field start_value() {
        if (seen_[rule_]) errors_.forget(join_path(path_.text(), rules_[rule_].name));
        seen_[rule_] = true;
        return Field{errors_, cursor_, path_, rules_[rule_].name, std::nullopt};
    }

    void read_value() {
        if (rule_ == N) {
            // Kept as an object only when there is something to keep, so a record built in
            // code compares equal to the same record read back.
            if (!out_.unknown_fields.is_object()) out_.unknown_fields = json::object();
            out_.unknown_fields[key_] = cursor_.parse_value();
            return;
        }
        rules_[rule_].read(start_value(), out_);
    }

  private:
    void report_missing() {
        for (std::size_t rule = 0; rule < N; ++rule)
            if (rules_[rule].required && !seen_[rule])
                errors_.add(join_path(path_.text(), rules_[rule].name), "missing required field");
    }

    ReadErrors& errors_;
    JsonCursor& cursor_;
    const RecordPath& path_;
    const FieldRule<Record> (&rules_)[N];
    Record& out_;
    bool opened_ = false;
    bool seen_[N] = {};
    std::string key_;
    std::size_t rule_ = N;
    std::size_t next_rule_ = 0;
};

template <typename Record, std::size_t N>
void read_record(ReadErrors& errors, JsonCursor& cursor, const RecordPath& path,
                 const FieldRule<Record> (&rules)[N], Record& out) {
    RecordReader<Record, N> reader(errors, cursor, path, rules, out);
    while (reader.next()) reader.read_value();
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

// Each id's first record, found in a table of record indices addressed by the id's hash (open
// addressing, at most half full): one allocation, where a map node a record took 2.8 MB of
// wasm memory for 100,000 references and most of the import's last slice (issue 14).
template <typename Record>
void check_unique_ids(ReadErrors& errors, const std::string& list_path,
                      const std::vector<Record>& records) {
    constexpr std::uint32_t kFree = UINT32_MAX; // no list of that many records fits in memory
    std::size_t capacity = 16;
    while (capacity < 2 * records.size()) capacity *= 2;
    std::vector<std::uint32_t> first_index(capacity, kFree);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::string_view id = records[i].id;
        if (id.empty()) continue;
        std::size_t slot = std::hash<std::string_view>{}(id) & (capacity - 1);
        while (first_index[slot] != kFree && records[first_index[slot]].id != id)
            slot = (slot + 1) & (capacity - 1);
        if (first_index[slot] == kFree) {
            first_index[slot] = static_cast<std::uint32_t>(i);
            continue;
        }
        errors.add(indexed_path(list_path, i) + ".id",
                   "duplicate id " + quote(id) + " (also used by " +
                       indexed_path(list_path, first_index[slot]) + ")");
    }
}

// A list of records (with unique ids, for records that have one), read one record at a time
// so a reader can stop between two records and go on later; null is an empty list where
// `nullable`. `what` names the records in the message for a list longer than `max_items` ("rule
// sets").
template <typename Record, std::size_t N> class RecordListReader {
  public:
    RecordListReader(const Field& field, const FieldRule<Record> (&rules)[N],
                     std::vector<Record>& out, bool nullable = false,
                     std::size_t max_items = SIZE_MAX, std::string_view what = "")
        : field_(field), rules_(rules), out_(out), nullable_(nullable), max_items_(max_items),
          what_(what) {}

    // Reads the next record; false once the list has ended (then judged as a whole).
    bool read_next() {
        JsonCursor& cursor = field_.cursor;
        bool more = false;
        if (!opened_) {
            opened_ = true;
            out_.clear(); // a field given twice: the last one counts, as in JSON.parse
            if (nullable_ && skip_null(cursor)) return false;
            if (cursor.next_kind() != ValueKind::Array) {
                field_.fail("must be a list" + found(cursor));
                return false;
            }
            list_path_ = field_.path();
            list_start_ = cursor.offset();
            more = cursor.first_element();
        } else {
            more = cursor.next_element();
        }
        if (!more) {
            finish();
            return false;
        }
        out_.emplace_back();
        read_record(field_.errors, cursor, RecordPath{list_path_, out_.size() - 1}, rules_,
                    out_.back());
        if (out_.size() == kRecordsBeforeEstimate) reserve_for_the_rest();
        return true;
    }

  private:
    static constexpr std::size_t kRecordsBeforeEstimate = 1024;

    // Room for as many more records as the rest of the text holds at the size of the first
    // ones. Grown by doubling instead, a list of 100,000 references copies 65,536 of them in
    // one step (about 50 ms as wasm, both copies in memory at once). Bounded by the text: a
    // list followed by other fields only reserves what that many bytes of records would need.
    void reserve_for_the_rest() {
        const JsonCursor& cursor = field_.cursor;
        const std::size_t read_bytes = cursor.offset() - list_start_;
        if (cursor.expected_bytes() <= cursor.offset() || read_bytes == 0) return;
        const std::size_t per_record = read_bytes / out_.size() + 1;
        const std::size_t more = (cursor.expected_bytes() - cursor.offset()) / per_record;
        // A little over: falling short by one record would copy them all once more.
        out_.reserve(std::min(max_items_, out_.size() + more + more / 32 + 1));
    }

    void finish() {
        if (out_.size() > max_items_)
            field_.fail("has " + std::to_string(out_.size()) + " " + std::string(what_) +
                        "; at most " + std::to_string(max_items_) + " are allowed");
        if constexpr (requires(const Record& r) { r.id; })
            check_unique_ids(field_.errors, list_path_, out_);
    }

    const Field field_;
    const FieldRule<Record> (&rules_)[N];
    std::vector<Record>& out_;
    bool nullable_;
    std::size_t max_items_;
    std::string_view what_;
    bool opened_ = false;
    std::string list_path_;
    std::size_t list_start_ = 0; // offset of the list in the text
};

template <typename Record, std::size_t N>
void read_record_list(const Field& field, const FieldRule<Record> (&rules)[N],
                      std::vector<Record>& out, bool nullable = false,
                      std::size_t max_items = SIZE_MAX, std::string_view what = "") {
    RecordListReader<Record, N> reader(field, rules, out, nullable, max_items, what);
    while (reader.read_next()) {
    }
}

} // namespace reftier::detail
