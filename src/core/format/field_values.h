// The reader's rules for single values (text, URLs, enums, dates, lists) and the error list
// and paths they report with; the field tables in document_fields.cpp are built from these.
// Internal to src/core/format.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/format/document_json.h"
#include "core/format/json_cursor.h"
#include "core/format/json_writer.h"
#include "core/format/storable.h"
#include "core/model/enum_names.h"

namespace reftier::detail {

// Keeps the first kMaxReadErrors errors and counts the rest for one summary line.
class ReadErrors {
  public:
    void add(std::string path, std::string message) {
        if (errors_.size() < kMaxReadErrors)
            errors_.push_back({std::move(path), std::move(message)});
        else
            ++dropped_;
    }
    bool empty() const { return errors_.empty(); }
    // Drops the errors at `path` and below it: that value was replaced by a later one.
    void forget(const std::string& path) {
        std::erase_if(errors_, [&](const ReadError& e) {
            return e.path.starts_with(path) &&
                   (e.path.size() == path.size() || e.path[path.size()] == '.' ||
                    e.path[path.size()] == '[');
        });
    }
    std::size_t count() const { return errors_.size() + dropped_; }
    std::vector<ReadError> take() {
        if (dropped_ > 0)
            errors_.push_back({"", "... and " + std::to_string(dropped_) + " more errors"});
        return std::move(errors_);
    }

  private:
    std::vector<ReadError> errors_;
    std::size_t dropped_ = 0;
};

std::string join_path(std::string_view parent, std::string_view name);
std::string indexed_path(std::string_view list, std::size_t index);

// Where a record sits: "references[3]", "partner", or the top level (""). Made into text only
// when an error needs it, so reading 100,000 good records builds no path strings.
struct RecordPath {
    std::string_view name;
    std::optional<std::size_t> index; // set for an element of a list

    std::string text() const { return index ? indexed_path(name, *index) : std::string(name); }
};

// A value being read and where it sits, so an error can name its path.
struct Field {
    ReadErrors& errors;
    JsonCursor& cursor;
    const RecordPath& record;
    std::string_view name;           // "services"
    std::optional<std::size_t> item; // set for an element of a list of strings

    std::string path() const {
        const std::string path = join_path(record.text(), name);
        return item ? indexed_path(path, *item) : path;
    }
    void fail(std::string message) const { errors.add(path(), std::move(message)); }
};

// A value quoted for a message: JSON-escaped, so no raw control character reaches the screen,
// and cut to a readable length on a UTF-8 boundary.
std::string quote(std::string_view text);

// Skips the value at the cursor and says what it was: " (found a list)", " (found 42)".
std::string found(JsonCursor& cursor);

// For optional fields: true (and the null consumed) when the value is null.
bool skip_null(JsonCursor& cursor);

// A string value into `out`; false (after reporting) for any other kind.
bool read_string_value(const Field& field, std::string& out, std::string_view expected);

using TextKind = StoredText;

// The one text rule (storable.h): lengths and control characters.
bool read_text(const Field& field, std::string& out, TextKind kind);

void read_line(const Field& field, std::string& out);
void read_optional_line(const Field& field, std::string& out);
void read_optional_notes(const Field& field, std::string& out);

// Reference ids are keys (merge matches by them) and are generated, so never empty. Account
// ids are typed by the partner and may be empty in a draft; account_check judges their form.
void read_reference_id(const Field& field, std::string& out);

void read_optional_account_id(const Field& field, std::optional<std::string>& out);

// Schemes other than http/https and credentials are never stored; everything else about a
// URL is a finding, so a draft can still be saved and fixed later.
void read_url(const Field& field, std::string& out);

void read_bool(const Field& field, bool& out);
void read_optional_date(const Field& field, std::optional<Date>& out);
void read_string_list(const Field& field, std::vector<std::string>& out);

// A whole number from `min` to `max`: 2.0, 2e0 and "2" are refused, so a typo is reported
// rather than guessed at. The optional form takes null as "none".
void read_whole_number(const Field& field, int& out, int min, int max);
void read_optional_whole_number(const Field& field, std::optional<int>& out, int min, int max);

// A single line that must hold something: names, a rule set's source.
void read_name(const Field& field, std::string& out);
// Ids of the forms is_rule_set_id and is_requirement_id accept.
void read_rule_set_id(const Field& field, std::string& out);
void read_requirement_id(const Field& field, std::string& out);
void read_optional_ace_opportunity_id(const Field& field, std::optional<std::string>& out);
// An object from requirement id to count; null or absent is an empty scorecard.
void read_scorecard(const Field& field, Scorecard& out);

void write_date(JsonWriter& out, const std::optional<Date>& date);
void write_scorecard(JsonWriter& out, const Scorecard& scorecard);
void write_strings(JsonWriter& out, const std::vector<std::string>& strings);

template <typename E> std::string expected_names() {
    const auto& names = enum_names<E>();
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
        text += names[i].json;
    }
    return text;
}

template <typename E> void read_enum(const Field& field, E& out) {
    // Not read_string_value: the list of names is built only for a message.
    if (field.cursor.next_kind() != ValueKind::String)
        return field.fail("must be one of " + expected_names<E>() + found(field.cursor));
    std::string text;
    if (!field.cursor.read_string(text)) return;
    if (const auto parsed = from_json_name<E>(text))
        out = *parsed;
    else
        field.fail("unknown value " + quote(text) + " (expected " + expected_names<E>() + ")");
}

template <typename E> void write_enum(JsonWriter& out, E value) {
    out.string(to_json_name(value));
}

} // namespace reftier::detail
