// The document's fields as the reader and the writer see them (the tables live in
// document_fields.cpp). Internal to src/core/format.
#pragma once

#include <cstddef>
#include <memory>

#include "core/format/field_values.h"
#include "core/model/model.h"

namespace reftier::detail {

// Every field of a document at the cursor (an object, or an error), format and version kept
// among the unknown fields for check_format_and_version.
void read_document_fields(ReadErrors& errors, JsonCursor& cursor, Document& out);
// The same a slice at a time: step() reads on until `references` more references are read,
// and returns false once the document's object has ended.
class DocumentFieldsReader {
  public:
    DocumentFieldsReader(ReadErrors& errors, JsonCursor& cursor, Document& out);
    ~DocumentFieldsReader();
    bool step(std::size_t references);

  private:
    struct Reading;
    std::unique_ptr<Reading> reading_;
};
// Where a document's write stands, so it can be written a few records at a time.
struct DocumentWritePosition {
    std::size_t field = 0;  // the next document field (past the last: its unknown fields)
    std::size_t record = 0; // the next record of the list being written
    bool started = false;   // the document's "{" is written
    bool in_list = false;   // the list of `field` is open
    bool done = false;      // the closing "}" is written
};
// Writes the document's fields from `at` on, at most `records` references and accounts (and
// whatever lies between them); true once the whole object is written. Written in one go or in
// slices of any size, the text is the same.
bool write_document_fields(JsonWriter& out, const Document& document, DocumentWritePosition& at,
                           std::size_t records);
// A list of rule sets with the document's rules for them (assets/tier_rules.json uses it too).
void read_rule_set_list(const Field& field, std::vector<RuleSet>& out);

} // namespace reftier::detail
