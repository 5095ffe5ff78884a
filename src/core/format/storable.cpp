// The one rule for what may be stored (storable.h): the reader's text rule, and records,
// lists and documents written and read back through the reader's own code.
#include "core/format/storable.h"

#include <algorithm>
#include <cstdio>

namespace reftier {

std::string stored_text_problem(std::string_view text, StoredText kind) {
    // Lengths are capped so a hostile file cannot hand megabytes to the title checker.
    const std::size_t limit = max_stored_bytes(kind);
    if (text.size() > limit)
        return "is " + std::to_string(text.size()) + " bytes long; at most " +
               std::to_string(limit) + " are allowed";
    // Single lines refuse control characters, which would otherwise travel into terminals and
    // exported files; notes may hold tabs and line breaks.
    for (unsigned char c : text) {
        const bool control = c < 0x20; // JSON's control characters, U+0000 to U+001F
        const bool line_break_or_tab = c == '\t' || c == '\n' || c == '\r';
        if (control && !(kind == StoredText::Notes && line_break_or_tab)) {
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", c);
            return std::string(kind == StoredText::Line
                                   ? "must be a single line without control characters (found "
                                   : "must not contain control characters (found ") +
                   code + ")";
        }
    }
    return {};
}

namespace {

// The writer turns what JSON cannot carry into something else (bytes that are not UTF-8 into
// U+FFFD), so a record that reads back without errors may still read back different.
constexpr std::string_view kNotTheSame =
    "would not read back as it is: it holds text that is not UTF-8 (or a value JSON cannot hold)";

// Equal as the reader gives it back: an empty object of unknown fields reads back as none.
template <typename Record> bool same_after_reading(const Record& record, Record& back) {
    if (record.unknown_fields.empty() && back.unknown_fields.empty())
        back.unknown_fields = record.unknown_fields;
    return back == record;
}

template <typename Record> std::vector<ReadError> record_problems(const Record& record) {
    Record back;
    std::vector<ReadError> errors = read_back(record, back);
    if (errors.empty() && !same_after_reading(record, back))
        errors.push_back({"", std::string(kNotTheSame)});
    return errors;
}

// Paths inside a record made paths of the document ("url" under "references[3]").
std::vector<ReadError> placed(std::vector<ReadError> errors, const std::string& where) {
    if (!where.empty())
        for (ReadError& e : errors)
            e.path = e.path.empty() ? where : where + (e.path.front() == '[' ? "" : ".") + e.path;
    return errors;
}

// The problems of records [begin, end) of a list under "list[i]", while fewer than
// kMaxReadErrors are listed.
template <typename Record>
void add_record_problems(const std::string& list, const std::vector<Record>& records,
                         std::size_t begin, std::size_t end, std::vector<ReadError>& problems) {
    for (std::size_t i = begin; i < end && problems.size() < kMaxReadErrors; ++i) {
        std::vector<ReadError> errors = record_problems(records[i]);
        if (errors.empty()) continue; // the usual case builds no path
        for (ReadError& e : placed(std::move(errors), list + "[" + std::to_string(i) + "]"))
            problems.push_back(std::move(e));
    }
}

template <typename Record>
void add_duplicate_ids(const std::vector<Record>& records, std::vector<ReadError>& problems) {
    for (ReadError& e : duplicate_id_errors(records)) problems.push_back(std::move(e));
}

// Each record's problems under "list[i]", then the ids, at most kMaxReadErrors in all.
template <typename Record>
std::vector<ReadError> list_problems(const std::string& list, const std::vector<Record>& records) {
    std::vector<ReadError> problems;
    add_record_problems(list, records, 0, records.size(), problems);
    add_duplicate_ids(records, problems);
    if (problems.size() > kMaxReadErrors) problems.resize(kMaxReadErrors);
    return problems;
}

// The header as the document writes it, with both lists empty: format, version, partner,
// rule sets and the document's own unknown fields, read back by read_document itself.
std::vector<ReadError> header_problems(const Document& document) {
    Document header;
    header.partner = document.partner;
    header.rule_sets = document.rule_sets;
    header.unknown_fields = document.unknown_fields;
    ReadResult read = read_document(write_document(header, -1));
    std::vector<ReadError> problems = std::move(read.errors);
    if (read.document) {
        Document& back = *read.document;
        if (!same_after_reading(header.partner, back.partner))
            problems.push_back({"partner", std::string(kNotTheSame)});
        else if (!same_after_reading(header, back))
            problems.push_back({"", std::string(kNotTheSame)});
    }
    return problems;
}

} // namespace

std::vector<ReadError> storable_problems(const PartnerProfile& partner, const std::string& where) {
    return placed(record_problems(partner), where);
}

std::vector<ReadError> storable_problems(const Reference& reference, const std::string& where) {
    return placed(record_problems(reference), where);
}

std::vector<ReadError> storable_problems(const Account& account, const std::string& where) {
    return placed(record_problems(account), where);
}

std::vector<ReadError> storable_problems(const std::vector<Reference>& references) {
    return list_problems("references", references);
}

std::vector<ReadError> storable_problems(const std::vector<Account>& accounts) {
    return list_problems("accounts", accounts);
}

std::vector<ReadError> storable_problems(const Document& document) {
    StorableDocumentCheck check(document);
    while (!check.step(SIZE_MAX)) {
    }
    return check.take_problems();
}

StorableDocumentCheck::StorableDocumentCheck(const Document& document)
    : document_(document), problems_(header_problems(document)) {}

bool StorableDocumentCheck::step(std::size_t records) {
    const std::size_t count = document_.references.size();
    if (checked_ < count) {
        const std::size_t end =
            checked_ + std::min(std::max<std::size_t>(records, 1), count - checked_);
        add_record_problems("references", document_.references, checked_, end, problems_);
        checked_ = end;
        return false;
    }
    if (checked_ == count) {
        add_duplicate_ids(document_.references, problems_);
        add_record_problems("accounts", document_.accounts, 0, document_.accounts.size(),
                            problems_);
        add_duplicate_ids(document_.accounts, problems_);
        if (problems_.size() > kMaxReadErrors) problems_.resize(kMaxReadErrors);
        ++checked_;
    }
    return true;
}

std::vector<ReadError> StorableDocumentCheck::take_problems() {
    while (!step(SIZE_MAX)) {
    }
    return std::move(problems_);
}

std::string stored_bytes_problem(const ReadSource& bytes, std::size_t references,
                                 std::size_t accounts) {
    const ReadResult read = read_document(bytes);
    if (!read.document)
        return "the copy about to be stored would not open again (" +
               to_string(read.errors.front()) + ")";
    if (read.document->references.size() != references ||
        read.document->accounts.size() != accounts)
        return "the copy about to be stored reads as " +
               std::to_string(read.document->references.size()) + " references and " +
               std::to_string(read.document->accounts.size()) + " accounts, not the " +
               std::to_string(references) + " and " + std::to_string(accounts) + " written";
    return {};
}

} // namespace reftier
