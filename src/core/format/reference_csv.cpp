// References as CSV: writing, the delimiter and the header read, each cell read by the document
// reader's rules.
#include "core/format/reference_csv.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/checks/url_check.h"
#include "core/format/csv_records.h"
#include "core/format/document_json.h"
#include "core/format/document_merge.h"
#include "core/format/storable.h"
#include "core/model/date.h"
#include "core/model/enum_names.h"
#include "core/text/ascii_text.h"
#include "core/text/name_list.h"
#include "core/text/utf8_text.h"

namespace reftier {

std::string to_string(const CsvRowError& error) {
    std::string text = "line " + std::to_string(error.line);
    if (!error.column.empty()) text += ", column " + error.column;
    return text + ": " + error.message;
}

namespace {

using detail::CsvParser;
using detail::CsvRecord;
using detail::Delimiter;
using detail::detect_delimiter;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// ---- Text helpers

// ---- Formula neutralisation (see the header for why a run of apostrophes counts)

bool starts_formula(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool needs_formula_guard(std::string_view text) {
    const std::size_t first = text.find_first_not_of('\'');
    return first != std::string_view::npos && starts_formula(text[first]);
}

std::string_view without_formula_guard(std::string_view cell) {
    if (cell.starts_with('\'') && needs_formula_guard(cell)) cell.remove_prefix(1);
    return cell;
}

// ---- Writing

void append_cell(std::string& out, std::string_view text) {
    const std::string_view guard = needs_formula_guard(text) ? "'" : "";
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += guard;
        out += text;
        return;
    }
    out += '"';
    out += guard;
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string date_cell(const std::optional<Date>& date) {
    return date ? format_iso_date(*date) : std::string();
}

// Joined by "; ". A cell without a ';' reads as a comma-separated list (a spreadsheet's
// "S3, Glue", read_services), so a lone name is joined as such a list: quoted if it holds a comma.
std::string services_cell(const std::vector<std::string>& services) {
    const bool lone = services.size() == 1 && services[0].find(';') == std::string::npos;
    return join_names(services, lone ? ',' : ';');
}

// ---- Reading cells: each returns a message, or "" when the cell was read into the record

using TextKind = StoredText;

// The stored-text rule (storable.h), so every imported record can be saved and opened again.
std::string text_problem(std::string_view text, TextKind kind) {
    // Checked per cell: Excel's plain "CSV" is saved in the system code page (é as the lone
    // byte 0xE9), not UTF-8, and the message can then name the cell.
    if (!is_valid_utf8(text))
        return "not UTF-8 text; save the file as \"CSV UTF-8\" and import it again";
    if (std::string problem = stored_text_problem(text, kind); !problem.empty()) return problem;
    // DEL is storable, but a raw one in a spreadsheet cell is a control character too.
    if (text.find('\x7f') != std::string_view::npos)
        return kind == TextKind::Line
                   ? "must be a single line without control characters (found U+007F)"
                   : "must not contain control characters (found U+007F)";
    return {};
}

std::string read_text(std::string_view cell, TextKind kind, std::string& out) {
    std::string problem = text_problem(cell, kind);
    if (problem.empty()) out = cell;
    return problem;
}

std::string read_line(std::string_view cell, std::string& out) {
    return read_text(cell, TextKind::Line, out);
}

// Schemes other than http/https and credentials are refused, as by the JSON reader; other URL
// problems are findings of reference_check, so a draft can still be imported and fixed.
std::string read_url(std::string_view cell, std::string& out) {
    std::string problem = read_line(cell, out);
    if (!problem.empty() || out.empty()) return problem;
    for (const Finding& finding : check_url(out))
        if (finding.code == kUrlScheme || finding.code == kUrlCredentials) return finding.message;
    return {};
}

std::string read_services(std::string_view cell, std::vector<std::string>& out) {
    std::string problem = text_problem(cell, TextKind::Line);
    if (!problem.empty()) return problem;
    out = split_names(cell, cell.find(';') == std::string_view::npos ? ',' : ';');
    return {};
}

template <typename E> std::string expected_labels() {
    const auto& names = enum_names<E>();
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
        text += names[i].label;
    }
    return text;
}

template <typename E> std::string read_enum(std::string_view cell, E& out) {
    const std::string key = ascii_lower(trim(cell));
    if (key.empty()) return {};
    for (const auto& name : enum_names<E>()) {
        if (key == name.json || key == ascii_lower(name.label)) {
            out = name.value;
            return {};
        }
    }
    return "unknown value " + quote_for_message(cell) + " (expected " + expected_labels<E>() + ")";
}

// "16.11.2026" as YYYY-MM-DD, or "" when `text` is not of that form. Excel in a European locale
// turns an ISO date cell into the locale's form when it saves, and the dotted form is always
// day first; "11/16/2026" is left alone, because month first and day first both use slashes.
std::string dotted_day_first_as_iso(std::string_view text) {
    const std::size_t first = text.find('.');
    const std::size_t second = first == std::string_view::npos ? first : text.find('.', first + 1);
    if (second == std::string_view::npos) return {};
    const std::string_view day = text.substr(0, first);
    const std::string_view month = text.substr(first + 1, second - first - 1);
    const std::string_view year = text.substr(second + 1);
    auto digits = [](std::string_view part, std::size_t min, std::size_t max) {
        return part.size() >= min && part.size() <= max &&
               part.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (!digits(day, 1, 2) || !digits(month, 1, 2) || !digits(year, 4, 4)) return {};
    auto two = [](std::string_view part) {
        return part.size() == 1 ? "0" + std::string(part) : std::string(part);
    };
    return std::string(year) + "-" + two(month) + "-" + two(day);
}

std::string read_date(std::string_view cell, std::optional<Date>& out) {
    const std::string_view text = trim(cell);
    if (text.empty()) return {};
    out = parse_iso_date(text);
    if (!out) out = parse_iso_date(dotted_day_first_as_iso(text));
    if (out) return {};
    return quote_for_message(text) + " is not a real date written YYYY-MM-DD (or DD.MM.YYYY)";
}

std::string read_ace_opportunity_id(std::string_view cell, std::optional<std::string>& out) {
    const std::string_view text = trim(cell);
    if (text.empty()) return {};
    if (!is_ace_opportunity_id(text))
        return quote_for_message(text) +
               " is not an ACE opportunity id: O and 1 to 19 digits, as in O1234567";
    out = std::string(text);
    return {};
}

// ---- The columns, in the order they are written

struct CsvColumn {
    std::string_view name;  // the JSON field name, written in the header
    std::string_view label; // the app's label, also accepted in a header
    std::string_view
        alias; // the field table's wording (docs/format.md), also accepted; may be empty
    std::string (*write)(const Reference& reference);
    std::string (*read)(std::string_view cell, Reference& out);
};

using R = Reference;
using S = std::string;
using SV = std::string_view;

constexpr CsvColumn kColumns[] = {
    {"id", "ID", "", [](const R& r) { return r.id; },
     [](SV cell, R& r) { return read_line(cell, r.id); }},
    {"customer", "Customer", "customer name", [](const R& r) { return r.customer; },
     [](SV cell, R& r) { return read_line(cell, r.customer); }},
    {"title", "Title", "", [](const R& r) { return r.title; },
     [](SV cell, R& r) { return read_line(cell, r.title); }},
    {"url", "URL", "", [](const R& r) { return r.url; },
     [](SV cell, R& r) { return read_url(cell, r.url); }},
    {"asset_type", "Asset type", "", [](const R& r) { return S(to_json_name(r.asset_type)); },
     [](SV cell, R& r) { return read_enum(cell, r.asset_type); }},
    {"workload", "Workload", "", [](const R& r) { return r.workload; },
     [](SV cell, R& r) { return read_line(cell, r.workload); }},
    {"services", "AWS services", "", [](const R& r) { return services_cell(r.services); },
     [](SV cell, R& r) { return read_services(cell, r.services); }},
    {"industry", "Industry", "", [](const R& r) { return r.industry; },
     [](SV cell, R& r) { return read_line(cell, r.industry); }},
    {"channel", "Channel", "submission channel",
     [](const R& r) { return S(to_json_name(r.channel)); },
     [](SV cell, R& r) { return read_enum(cell, r.channel); }},
    {"status", "Status", "", [](const R& r) { return S(to_json_name(r.status)); },
     [](SV cell, R& r) { return read_enum(cell, r.status); }},
    {"submitted_on", "Submitted on", "", [](const R& r) { return date_cell(r.submitted_on); },
     [](SV cell, R& r) { return read_date(cell, r.submitted_on); }},
    {"decided_on", "Decided on", "", [](const R& r) { return date_cell(r.decided_on); },
     [](SV cell, R& r) { return read_date(cell, r.decided_on); }},
    {"notes", "Notes", "", [](const R& r) { return r.notes; },
     [](SV cell, R& r) { return read_text(cell, TextKind::Notes, r.notes); }},
    {"ace_opportunity_id", "ACE opportunity", "ace opportunity id",
     [](const R& r) { return r.ace_opportunity_id.value_or(""); },
     [](SV cell, R& r) { return read_ace_opportunity_id(cell, r.ace_opportunity_id); }},
};

constexpr int kColumnCount = static_cast<int>(std::size(kColumns));
constexpr int kIdColumn = 0;
constexpr int kCustomerColumn = 1;
constexpr int kTitleColumn = 2;

// ---- Reading the file

// Keeps the first kMaxReadErrors errors and counts the rest for one closing entry, as the JSON
// reader does, so a file of 100,000 bad rows gives a readable list.
class ErrorList {
  public:
    void add(int line, std::string_view column, std::string message) {
        if (errors_.size() < kMaxReadErrors) {
            errors_.push_back({line, std::string(column), std::move(message)});
            return;
        }
        if (dropped_ == 0) first_dropped_line_ = line;
        ++dropped_;
    }
    std::vector<CsvRowError> take() {
        if (dropped_ > 0)
            errors_.push_back({first_dropped_line_, "",
                               "... and " + std::to_string(dropped_) + " more errors from here"});
        return std::move(errors_);
    }

  private:
    std::vector<CsvRowError> errors_;
    std::size_t dropped_ = 0;
    int first_dropped_line_ = 0;
};

// "Asset_Type ", "asset type" and "ASSET TYPE" name the same column.
std::string header_key(std::string_view cell) {
    std::string key = ascii_lower(trim(cell));
    for (char& c : key)
        if (c == '_') c = ' ';
    return key;
}

int column_named(std::string_view cell) {
    const std::string key = header_key(cell);
    for (int i = 0; i < kColumnCount; ++i) {
        const CsvColumn& column = kColumns[i];
        if (key == header_key(column.name) || key == header_key(column.label) ||
            (!column.alias.empty() && key == header_key(column.alias)))
            return i;
    }
    return -1;
}

struct Header {
    std::vector<int> column_of_cell; // index into kColumns, -1 for an ignored column
    std::vector<std::string> names;  // as written (trimmed), to name columns in messages
    std::string id_name;             // the id column's name, when there is one
    bool ok = true;
};

Header read_header(const CsvRecord& record, ErrorList& errors, std::vector<std::string>& notices) {
    Header header;
    if (!record.problem.empty()) {
        errors.add(record.problem_line, "", "header row: " + record.problem);
        header.ok = false;
        return header;
    }
    int cell_of_column[kColumnCount];
    std::fill(std::begin(cell_of_column), std::end(cell_of_column), -1);
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
        const std::string_view name = trim(without_formula_guard(record.cells[i]));
        const int column = column_named(name);
        const std::string position = std::to_string(i + 1);
        header.column_of_cell.push_back(column);
        // An ignored column is named by its position: its header may be any text at all.
        header.names.push_back(column < 0 ? position : std::string(name));
        if (column < 0) {
            notices.push_back(name.empty() ? "ignored column " + position + ", which has no name"
                                           : "ignored unknown column " + position + " " +
                                                 quote_for_message(name));
        } else if (cell_of_column[column] >= 0) {
            errors.add(record.line, name,
                       "appears twice in the header (columns " +
                           std::to_string(cell_of_column[column] + 1) + " and " +
                           std::to_string(i + 1) + "); keep one");
            header.ok = false;
        } else {
            cell_of_column[column] = static_cast<int>(i);
        }
    }
    for (int required : {kCustomerColumn, kTitleColumn}) {
        if (cell_of_column[required] >= 0) continue;
        errors.add(record.line, kColumns[required].name,
                   "missing required column (the header row must name customer and title)");
        header.ok = false;
    }
    if (cell_of_column[kIdColumn] >= 0) header.id_name = header.names[cell_of_column[kIdColumn]];
    return header;
}

bool is_blank(const CsvRecord& record) {
    if (!record.problem.empty()) return false;
    for (const std::string& cell : record.cells)
        if (!cell.empty()) return false;
    return true;
}

// Reads every mapped cell of a data record into `out`, reporting each bad cell; true when none
// was bad.
bool read_row(const CsvRecord& record, const Header& header, Reference& out, ErrorList& errors) {
    bool good = record.problem.empty();
    if (!good) {
        const std::size_t cell = record.problem_cell;
        errors.add(record.problem_line, cell < header.names.size() ? header.names[cell] : "",
                   record.problem);
    }
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
        if (!record.problem.empty() && i == record.problem_cell) continue;
        const std::string_view cell = without_formula_guard(record.cells[i]);
        if (i >= header.column_of_cell.size()) {
            if (cell.empty()) continue;
            errors.add(record.line, "",
                       "the row has more cells than the header has columns (" +
                           std::to_string(header.column_of_cell.size()) + ")");
            return false;
        }
        const int column = header.column_of_cell[i];
        if (column < 0) continue;
        std::string problem = kColumns[column].read(cell, out);
        if (problem.empty()) continue;
        errors.add(record.line, header.names[i], std::move(problem));
        good = false;
    }
    return good;
}

// Ids for the good rows without one, in the app's "r-0001" style, clear of every id in the
// document and in the file.
void assign_missing_ids(std::vector<Reference>& references, const Document& existing,
                        const std::unordered_map<std::string, int>& line_of_file_id) {
    Document taken;
    taken.references.reserve(existing.references.size() + line_of_file_id.size());
    for (const Reference& reference : existing.references)
        taken.references.emplace_back().id = reference.id;
    for (const auto& [id, line] : line_of_file_id) taken.references.emplace_back().id = id;
    const auto missing = static_cast<std::size_t>(std::count_if(
        references.begin(), references.end(), [](const Reference& r) { return r.id.empty(); }));
    std::vector<std::string> ids = next_reference_ids(taken, missing);
    auto next = ids.begin();
    for (Reference& reference : references)
        if (reference.id.empty()) reference.id = std::move(*next++);
}

} // namespace

std::string write_references_csv(const std::vector<Reference>& references, bool with_bom) {
    std::string out;
    if (with_bom) out += kByteOrderMark;
    for (int i = 0; i < kColumnCount; ++i) {
        if (i > 0) out += ',';
        append_cell(out, kColumns[i].name);
    }
    out += "\r\n";
    for (const Reference& reference : references) {
        for (int i = 0; i < kColumnCount; ++i) {
            if (i > 0) out += ',';
            append_cell(out, kColumns[i].write(reference));
        }
        out += "\r\n";
    }
    return out;
}

CsvImport read_references_csv(std::string_view text, const Document& existing_for_ids) {
    CsvImport result;
    ErrorList errors;
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    if (is_blank(text)) {
        errors.add(1, "",
                   "the file is empty; expected a header row naming the columns, "
                   "at least customer and title");
        result.errors = errors.take();
        return result;
    }

    const Delimiter& delimiter = detect_delimiter(text);
    result.delimiter = delimiter.c;
    result.notices.push_back(delimiter.notice);
    CsvParser parser(text, delimiter.c);
    CsvRecord record;
    parser.next(record);
    const Header header = read_header(record, errors, result.notices);
    if (!header.ok) {
        result.errors = errors.take();
        return result;
    }
    result.header_ok = true;

    std::unordered_map<std::string, int> line_of_file_id;
    while (parser.next(record)) {
        if (is_blank(record)) continue;
        ++result.rows;
        Reference reference;
        bool good = read_row(record, header, reference, errors);
        if (!reference.id.empty()) {
            const auto [first, inserted] = line_of_file_id.try_emplace(reference.id, record.line);
            if (!inserted) {
                errors.add(record.line, header.id_name,
                           quote_for_message(reference.id) +
                               " is already the id of the row on line " +
                               std::to_string(first->second));
                good = false;
            }
        }
        if (good) result.references.push_back(std::move(reference));
    }
    assign_missing_ids(result.references, existing_for_ids, line_of_file_id);
    result.errors = errors.take();
    return result;
}

} // namespace reftier
