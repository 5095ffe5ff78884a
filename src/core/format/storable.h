// The one rule for what may be stored: whether a document, one record or one text field would
// read back through the document reader, equal to what was written.
//
// It is the reader's own code, not a copy of its limits: a record is written with the document
// writer and read back with the reader's field rules (document_json's read_back), a document's
// header goes through write_document and read_document, ids through the reader's own
// uniqueness rule, and the reader itself asks stored_text_problem() about every text it reads.
// Every edit path asks before it changes anything (Workspace), so a saved document always
// opens again; issue 17 was a partner name the reader refused after the app had saved it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/format/document_json.h"
#include "core/model/model.h"

namespace reftier {

// Texts the reader limits: single lines (names, titles, URLs, ids, services) and notes, which
// may hold tabs and line breaks.
enum class StoredText { Line, Notes };

// The most bytes of UTF-8 such a field may hold: the reader's limits, from document_json.h.
inline std::size_t max_stored_bytes(StoredText kind) {
    return kind == StoredText::Line ? kMaxLineBytes : kMaxNotesBytes;
}

// Why the reader refuses `text` in such a field, in its words ("is 4034 bytes long; at most
// 2048 are allowed", "must be a single line without control characters (found U+000A)"), or
// "" when it takes it.
std::string stored_text_problem(std::string_view text, StoredText kind);

// What in a record would not read back, each with the path of the field inside the record
// ("url", "services[1]", "" for the record as a whole), under `where` when given
// ("references[3]" gives "references[3].url"); empty when it reads back equal.
std::vector<ReadError> storable_problems(const PartnerProfile& partner,
                                         const std::string& where = "");
std::vector<ReadError> storable_problems(const Reference& reference, const std::string& where = "");
std::vector<ReadError> storable_problems(const Account& account, const std::string& where = "");

// A list of records as it sits in a document, ids included ("accounts[2].id: duplicate id").
std::vector<ReadError> storable_problems(const std::vector<Reference>& references);
std::vector<ReadError> storable_problems(const std::vector<Account>& accounts);

// A whole document: its header (format, version, partner, unknown fields) and both lists, with
// the reader's paths ("references[3].url"). At most kMaxReadErrors are listed.
std::vector<ReadError> storable_problems(const Document& document);

// The same check a slice at a time, so checking a large import never holds up the page for
// long: step() checks `records` more references (at least one), then the ids and the accounts
// in a last step, and returns true once all is checked. The document must stay as it is until
// then. Its problems are exactly storable_problems', whatever the slices.
class StorableDocumentCheck {
  public:
    explicit StorableDocumentCheck(const Document& document); // checks the header at once
    bool step(std::size_t records);
    std::size_t references_checked() const {
        return std::min(checked_, document_.references.size());
    }
    // Checks whatever is left, then hands over the problems (once).
    std::vector<ReadError> take_problems();

  private:
    const Document& document_;
    std::vector<ReadError> problems_;
    std::size_t checked_ = 0; // references; one more once the ids and accounts are checked
};

// The storage boundary's check, belt and braces: the bytes about to be stored, read by the
// document reader itself, make a document with as many references and accounts as were
// written. "" when they do; otherwise why not, in words for the "not saved" message. The app
// runs it in a worker (src/platform/read_back.cpp), so a large document costs the page no time.
std::string stored_bytes_problem(const ReadSource& bytes, std::size_t references,
                                 std::size_t accounts);

} // namespace reftier
