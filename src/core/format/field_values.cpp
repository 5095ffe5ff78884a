// The reader's rules for single values: what text, URLs, dates and lists may hold, and the
// messages that say why a value is refused.
#include "core/format/field_values.h"

#include <charconv>

#include "core/checks/url_check.h"
#include "core/model/date.h"

namespace reftier {

namespace {

bool is_lower_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Words of a-z and 0-9 joined by single characters of `joiners`, at most kMaxIdBytes.
bool is_joined_words(std::string_view text, std::string_view joiners) {
    if (text.empty() || text.size() > kMaxIdBytes) return false;
    bool after_joiner = true; // at the start, as after a joiner: a word must come first
    for (char c : text) {
        if (is_lower_word_byte(c)) {
            after_joiner = false;
        } else if (joiners.find(c) != std::string_view::npos && !after_joiner) {
            after_joiner = true;
        } else {
            return false;
        }
    }
    return !after_joiner;
}

} // namespace

bool is_rule_set_id(std::string_view text) {
    return is_joined_words(text, "-_");
}

bool is_requirement_id(std::string_view text) {
    return is_joined_words(text, "_");
}

bool is_ace_opportunity_id(std::string_view text) {
    if (text.size() < 2 || text.size() > 20 || text[0] != 'O') return false;
    for (char c : text.substr(1))
        if (c < '0' || c > '9') return false;
    return true;
}

} // namespace reftier

namespace reftier::detail {

std::string join_path(std::string_view parent, std::string_view name) {
    std::string path(parent);
    if (!path.empty()) path += '.';
    path += name;
    return path;
}

std::string indexed_path(std::string_view list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

// A value quoted for a message: JSON-escaped, so no raw control character reaches the screen,
// and cut to a readable length on a UTF-8 boundary.
std::string quote(std::string_view text) {
    constexpr std::size_t kMaxQuotedBytes = 60;
    const bool cut = text.size() > kMaxQuotedBytes;
    if (cut) {
        std::size_t end = kMaxQuotedBytes;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        text = text.substr(0, end);
    }
    JsonWriter out(-1);
    out.string(text);
    std::string quoted = out.take();
    if (cut) quoted.insert(quoted.size() - 1, "...");
    return quoted;
}

// Skips the value at the cursor and says what it was: " (found a list)", " (found 42)".
std::string found(JsonCursor& cursor) {
    constexpr std::size_t kMaxShownBytes = 40;
    const ValueKind kind = cursor.next_kind();
    const std::string_view text = cursor.skip_value();
    switch (kind) {
    case ValueKind::Object:
        return " (found an object)";
    case ValueKind::Array:
        return " (found a list)";
    case ValueKind::String:
        return " (found a string)";
    case ValueKind::Number:
    case ValueKind::True:
    case ValueKind::False:
    case ValueKind::Null:
        return " (found " + std::string(text.substr(0, kMaxShownBytes)) + ")";
    case ValueKind::Invalid:
        return ""; // a syntax error, which the cursor reports
    }
    return "";
}

// For optional fields: true (and the null consumed) when the value is null.
bool skip_null(JsonCursor& cursor) {
    if (cursor.next_kind() != ValueKind::Null) return false;
    cursor.skip_value();
    return true;
}

// A string value into `out`; false (after reporting) for any other kind.
bool read_string_value(const Field& field, std::string& out, std::string_view expected) {
    if (field.cursor.next_kind() == ValueKind::String) return field.cursor.read_string(out);
    field.fail(std::string(expected) + found(field.cursor));
    return false;
}

// The one text rule (storable.h): lengths and control characters.
bool read_text(const Field& field, std::string& out, TextKind kind) {
    if (!read_string_value(field, out, "must be a string")) return false;
    // A raw control character is a syntax error, so only a long or escaped text needs a look.
    if (out.size() <= max_stored_bytes(kind) && !field.cursor.last_string_had_escapes())
        return true;
    std::string problem = stored_text_problem(out, kind);
    if (problem.empty()) return true;
    field.fail(std::move(problem));
    return false;
}

void read_line(const Field& field, std::string& out) {
    read_text(field, out, TextKind::Line);
}

// null replaces a value given earlier in the same object, as in JSON.parse.
void read_optional_line(const Field& field, std::string& out) {
    if (skip_null(field.cursor))
        out.clear();
    else
        read_text(field, out, TextKind::Line);
}

void read_optional_notes(const Field& field, std::string& out) {
    if (skip_null(field.cursor))
        out.clear();
    else
        read_text(field, out, TextKind::Notes);
}

// Reference ids are keys (merge matches by them) and are generated, so never empty. Account
// ids are typed by the partner and may be empty in a draft; account_check judges their form.
void read_reference_id(const Field& field, std::string& out) {
    if (read_text(field, out, TextKind::Line) && out.empty())
        field.fail("must not be empty: every reference needs an id");
}

void read_optional_account_id(const Field& field, std::optional<std::string>& out) {
    if (skip_null(field.cursor)) return out.reset();
    std::string id;
    if (read_text(field, id, TextKind::Line)) out = std::move(id);
}

// Schemes other than http/https and credentials are never stored; everything else about a
// URL is a finding, so a draft can still be saved and fixed later.
void read_url(const Field& field, std::string& out) {
    if (!read_text(field, out, TextKind::Line) || out.empty()) return;
    // The usual case needs no parsing: the scheme is fine and without '@' there are no
    // credentials.
    const bool plain_web_address = out.starts_with("https://") || out.starts_with("http://");
    if (plain_web_address && out.find('@') == std::string::npos) return;
    for (const Finding& finding : check_url(out))
        if (finding.code == kUrlScheme || finding.code == kUrlCredentials)
            field.fail(finding.message);
}

void read_bool(const Field& field, bool& out) {
    const ValueKind kind = field.cursor.next_kind();
    if (kind != ValueKind::True && kind != ValueKind::False)
        return field.fail("must be true or false" + found(field.cursor));
    field.cursor.skip_value();
    out = kind == ValueKind::True;
}

static bool has_iso_date_shape(std::string_view text) {
    if (text.size() != 10) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash_here = i == 4 || i == 7;
        if (dash_here ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
    }
    return true;
}

void read_optional_date(const Field& field, std::optional<Date>& out) {
    if (skip_null(field.cursor)) return out.reset();
    std::string text;
    if (!read_string_value(field, text, "must be a date written YYYY-MM-DD, or null")) return;
    out = parse_iso_date(text);
    if (out) return;
    if (has_iso_date_shape(text))
        field.fail(text + " is not a real date");
    else
        field.fail(quote(text) + " is not a date written YYYY-MM-DD");
}

void read_string_list(const Field& field, std::vector<std::string>& out) {
    JsonCursor& cursor = field.cursor;
    if (skip_null(cursor)) return out.clear();
    if (cursor.next_kind() != ValueKind::Array)
        return field.fail("must be a list of strings" + found(cursor));
    out.clear(); // a field given twice: the last one counts, as in JSON.parse
    for (bool more = cursor.first_element(); more; more = cursor.next_element()) {
        const std::size_t item = out.size();
        read_line(Field{field.errors, cursor, field.record, field.name, item}, out.emplace_back());
    }
}

static std::string range_text(int min, int max) {
    return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}

void read_whole_number(const Field& field, int& out, int min, int max) {
    JsonCursor& cursor = field.cursor;
    if (cursor.next_kind() != ValueKind::Number)
        return field.fail("must be " + range_text(min, max) + found(cursor));
    const std::string_view text = cursor.skip_value();
    if (cursor.failed()) return;
    long long number = 0;
    const auto [stop, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    const bool whole = error == std::errc() && stop == text.data() + text.size();
    if (!whole && error != std::errc::result_out_of_range)
        return field.fail("must be " + range_text(min, max) + " (found " +
                          std::string(text.substr(0, 40)) + ")");
    if (!whole || number < min || number > max)
        return field.fail("is " + std::string(text.substr(0, 40)) + "; it must be " +
                          range_text(min, max));
    out = static_cast<int>(number);
}

void read_optional_whole_number(const Field& field, std::optional<int>& out, int min, int max) {
    if (skip_null(field.cursor)) {
        out.reset();
        return;
    }
    int number = 0;
    const std::size_t before = field.errors.count();
    read_whole_number(field, number, min, max);
    if (field.errors.count() == before) out = number;
}

void read_name(const Field& field, std::string& out) {
    if (read_text(field, out, TextKind::Line) && out.empty()) field.fail("must not be empty");
}

void read_rule_set_id(const Field& field, std::string& out) {
    if (read_text(field, out, TextKind::Line) && !is_rule_set_id(out))
        field.fail(quote(out) +
                   " is not a rule set id: lower-case letters and digits in words "
                   "joined by - or _, at most " +
                   std::to_string(kMaxIdBytes) + " bytes, as in \"apn-2021-consulting\"");
}

void read_requirement_id(const Field& field, std::string& out) {
    if (read_text(field, out, TextKind::Line) && !is_requirement_id(out))
        field.fail(quote(out) +
                   " is not a requirement id: lower-case words joined by _, at "
                   "most " +
                   std::to_string(kMaxIdBytes) + " bytes, as in \"launched_opportunities\"");
}

void read_optional_ace_opportunity_id(const Field& field, std::optional<std::string>& out) {
    out.reset();
    if (skip_null(field.cursor)) return;
    std::string id;
    if (!read_text(field, id, TextKind::Line)) return;
    if (!is_ace_opportunity_id(id))
        return field.fail(quote(id) + " is not an ACE opportunity id: O and 1 to 19 digits, as "
                                      "in \"O1234567\"");
    out = std::move(id);
}

void read_scorecard(const Field& field, Scorecard& out) {
    JsonCursor& cursor = field.cursor;
    out.clear(); // a field given twice: the last one counts, as in JSON.parse
    if (skip_null(cursor)) return;
    if (cursor.next_kind() != ValueKind::Object)
        return field.fail("must be an object from requirement id to count" + found(cursor));
    const std::string path = field.path();
    const RecordPath record{path, std::nullopt};
    std::string key;
    for (bool more = cursor.first_member(key); more; more = cursor.next_member(key)) {
        const Field entry{field.errors, cursor, record, key, std::nullopt};
        int count = 0;
        const std::size_t before = field.errors.count();
        if (!is_requirement_id(key)) { // named by the scorecard: the key may hold anything
            field.fail(quote(key) +
                       " is not a requirement id: lower-case words joined by _, at "
                       "most " +
                       std::to_string(kMaxIdBytes) + " bytes");
            cursor.skip_value();
            continue;
        }
        read_whole_number(entry, count, 0, kMaxRequirementCount);
        if (field.errors.count() == before) out[key] = count;
    }
    if (out.size() > kMaxScorecardEntries)
        field.fail("has " + std::to_string(out.size()) + " entries; at most " +
                   std::to_string(kMaxScorecardEntries) + " are allowed");
}

void write_scorecard(JsonWriter& out, const Scorecard& scorecard) {
    out.begin_object();
    for (const auto& [id, count] : scorecard) {
        out.key(id);
        out.number(count);
    }
    out.end_object();
}

void write_date(JsonWriter& out, const std::optional<Date>& date) {
    if (date)
        out.string(format_iso_date(*date));
    else
        out.null();
}

void write_strings(JsonWriter& out, const std::vector<std::string>& strings) {
    out.begin_array();
    for (const std::string& text : strings) out.string(text);
    out.end_array();
}

} // namespace reftier::detail
