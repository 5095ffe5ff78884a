// References as CSV, for partners who keep or review their list in a spreadsheet.
//
// Format: RFC 4180, UTF-8, one header row, then one record per reference. The columns are the
// JSON field names of docs/format.md, in its order: id, customer, title, url, asset_type,
// workload, services, industry, channel, status, submitted_on, decided_on, notes,
// ace_opportunity_id. Enums are written in their JSON spelling, dates as YYYY-MM-DD, services
// joined with "; " (text/name_list: a name that holds a ';' or a quote is double-quoted inside
// the cell). Unknown fields of a record are not
// carried: CSV is a view of the known columns, JSON is the full document.
//
// Writing: CRLF line ends; a cell holding a comma, quote, CR or LF is quoted, quotes doubled.
// An optional UTF-8 byte order mark makes Excel read the file as UTF-8 rather than the
// system code page.
//
// Formula injection: a spreadsheet runs a cell starting with = + - @ (and, in some, TAB or CR)
// as a formula, so a hostile title could exfiltrate data from the reviewer's machine. Such a
// cell is written with a leading apostrophe (OWASP's recommendation), which spreadsheets read
// as "this is text". Reading strips that one apostrophe again, so a round trip is lossless.
// To keep it lossless for text that itself starts with apostrophes before such a character
// ("'=x"), the rule counts a run of leading apostrophes: writing adds one apostrophe when the
// first character after the run is = + - @ TAB or CR, and reading removes one in exactly the
// same case.
//
// Reading: the delimiter is the one of `,` `;` and tab that the header row uses most (Excel in
// a European locale saves `;`, text copied from Google Sheets or Excel is tab-separated; a tie
// is a comma), and a notice says which was used. The header maps columns by name, in any order,
// trimmed and case-insensitive, as the JSON name (with "_" or a space alike) or the label the
// app shows ("Asset type", "Submitted on", "AWS services"). Only customer and title are
// required; unknown columns are ignored with a notice. CRLF or LF line ends, quoted multi-line
// cells and a byte order mark are accepted.
// Cells follow the JSON reader's rules (single-line text except notes, real dates, no URL with
// another scheme than http/https or with credentials); enum cells take the JSON spelling or
// the label in any case ("Case study", "ACE Pipeline Manager"); dates may also be DD.MM.YYYY,
// the form Excel writes ISO dates back in European locales. An absent column or an empty
// cell leaves the field at its default (case study, Public References Tool, draft, no date).
// Rows without an id get a fresh "r-0001" style id, unique against the existing document and
// every id in the file. Records whose cells are all empty (blank lines) are skipped.
//
// Every bad row is reported with its line and column, and the good rows are returned apart,
// so the caller chooses: apply nothing when any row is bad, or apply only the good rows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace reftier {

// The header and one record per reference, CRLF line ends, preceded by a UTF-8 byte order
// mark when `with_bom` is set.
std::string write_references_csv(const std::vector<Reference>& references, bool with_bom);

struct CsvRowError {
    int line = 0;       // physical line (header = 1) where the record, or the problem, starts
    std::string column; // the column's header as written in the file; empty for a whole row
    std::string message;
    bool operator==(const CsvRowError&) const = default;
};

// "line 4, column url: scheme must be http or https, not javascript:"
std::string to_string(const CsvRowError& error);

struct CsvImport {
    std::vector<Reference> references; // the good rows, in file order
    std::vector<CsvRowError> errors;
    std::vector<std::string> notices; // the delimiter used, ignored unknown columns
    char delimiter = ',';
    int rows = 0; // data records read, blank ones not counted
    // False when the file is empty or its header is bad: then no row was read, and there are
    // no good rows to choose.
    bool header_ok = false;
};

// Reads references from CSV text. `existing_for_ids` is the document the rows will go into;
// only its reference ids are used, so generated ids do not collide with them. Rows whose id is
// already in it are returned as they are (a merge then matches them by id).
CsvImport read_references_csv(std::string_view text, const Document& existing_for_ids);

} // namespace reftier
