// CSV records as RFC 4180 reads them (a record at a time, with its first malformation) and the
// delimiter a header row uses. Internal to src/core/format (reference_csv.cpp).
#pragma once

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace reftier::detail {

// One record as the parser found it, with its first malformation, if any.
struct CsvRecord {
    int line = 0; // where the record starts
    std::vector<std::string> cells;
    std::string problem;
    int problem_line = 0;
    std::size_t problem_cell = 0;
};

// RFC 4180 records, one at a time. Lenient where a spreadsheet user would expect it (LF or a
// lone CR as a line end, a quote inside an unquoted cell taken as it is), strict where leniency
// would silently change data (text after a closing quote, a quote never closed).
class CsvParser {
  public:
    CsvParser(std::string_view text, char delimiter)
        : text_(text), delimiter_(delimiter), stops_{delimiter, '\r', '\n'} {}

    // Fills `record` with the next record; false at the end of the text.
    bool next(CsvRecord& record) {
        if (pos_ >= text_.size()) return false;
        record.line = line_;
        record.cells.clear();
        record.problem.clear();
        for (;;) {
            std::string& cell = record.cells.emplace_back();
            if (pos_ < text_.size() && text_[pos_] == '"') read_quoted(record, cell);
            // After a quoted cell this takes the stray text already reported, to stay in step.
            read_unquoted(cell);
            if (pos_ < text_.size() && text_[pos_] == delimiter_) {
                ++pos_;
                continue;
            }
            consume_line_end();
            return true;
        }
    }

  private:
    bool at_line_end() const {
        return pos_ < text_.size() && (text_[pos_] == '\r' || text_[pos_] == '\n');
    }

    // CRLF, LF or a lone CR: one line.
    void consume_line_end() {
        if (!at_line_end()) return;
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }

    void read_unquoted(std::string& cell) {
        const std::size_t end =
            std::min(text_.find_first_of(std::string_view(stops_, 3), pos_), text_.size());
        cell.append(text_.substr(pos_, end - pos_));
        pos_ = end;
    }

    void read_quoted(CsvRecord& record, std::string& cell) {
        const int opened_on = line_;
        ++pos_;
        while (pos_ < text_.size()) {
            if (text_[pos_] == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    cell += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                if (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_line_end())
                    report(record, line_,
                           "text after the closing quote; a quote inside a quoted cell must be "
                           "doubled (\"\")");
                return;
            }
            if (at_line_end()) {
                const std::size_t start = pos_;
                consume_line_end();
                cell.append(text_.substr(start, pos_ - start));
                continue;
            }
            cell += text_[pos_++];
        }
        report(record, opened_on,
               "the quoted cell starting on this line is never closed, so the rest of the file "
               "was read into it");
    }

    static void report(CsvRecord& record, int line, std::string message) {
        if (!record.problem.empty()) return;
        record.problem = std::move(message);
        record.problem_line = line;
        record.problem_cell = record.cells.size() - 1;
    }

    std::string_view text_;
    char delimiter_;
    char stops_[3]; // where an unquoted cell ends
    std::size_t pos_ = 0;
    int line_ = 1;
};

struct Delimiter {
    char c;
    const char* notice;
};

// Comma first: it wins a tie, as RFC 4180's own.
inline constexpr Delimiter kDelimiters[] = {
    {',', "read as comma-separated"},
    {';', "read as semicolon-separated (as Excel saves CSV where the decimal separator is a "
          "comma)"},
    {'\t', "read as tab-separated (as text copied from a spreadsheet)"},
};

// The delimiter the header row uses most, outside quotes: a header names columns, so it holds
// delimiters and no text that could be mistaken for them.
inline const Delimiter& detect_delimiter(std::string_view text) {
    int counts[std::size(kDelimiters)] = {};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\r' || c == '\n') break;
        for (std::size_t i = 0; i < std::size(kDelimiters); ++i)
            if (c == kDelimiters[i].c) ++counts[i];
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < std::size(kDelimiters); ++i)
        if (counts[i] > counts[best]) best = i;
    return kDelimiters[best];
}

} // namespace reftier::detail
