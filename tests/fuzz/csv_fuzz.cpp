// Fuzz target: CSV import (read_references_csv), into a document that already holds a few
// references, as the app's import does.
//
// Properties: errors name a line and say why, without raw control characters; the good rows
// have unique, non-empty ids, and a generated id never takes the id of a reference already in
// the document (a merge would then overwrite that reference); the good rows obey the JSON
// reader's rules (a document holding them saves and opens again); and the CSV round trip is
// lossless: read(write(rows)) == rows, and written text is a fixed point.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/format/document_json.h"
#include "core/format/reference_csv.h"
#include "fuzz_check.h"

using namespace reftier;

namespace {

// Only the ids matter to the reader (it keeps generated ids clear of them).
const Document& existing_document() {
    static const Document document = [] {
        Document d;
        for (const char* id : {"r-0001", "r-0002", "r-0010"}) d.references.emplace_back().id = id;
        return d;
    }();
    return document;
}

bool has_raw_control_character(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

void check_messages(const CsvImport& result) {
    // kMaxReadErrors entries plus the "... and N more errors" summary.
    FUZZ_CHECK(result.errors.size() <= kMaxReadErrors + 1, "errors are capped");
    for (const CsvRowError& error : result.errors) {
        FUZZ_CHECK(error.line >= 1, "an error names a line");
        FUZZ_CHECK(!error.message.empty(), "every error says why");
        FUZZ_CHECK(!has_raw_control_character(to_string(error)),
                   "no raw control character in an error message");
    }
    for (const std::string& notice : result.notices)
        FUZZ_CHECK(!has_raw_control_character(notice), "no raw control character in a notice");
}

void check_ids(std::string_view text, const CsvImport& result) {
    std::unordered_set<std::string_view> existing;
    for (const Reference& reference : existing_document().references) existing.insert(reference.id);
    std::unordered_set<std::string_view> seen;
    for (const Reference& reference : result.references) {
        FUZZ_CHECK(!reference.id.empty(), "every imported reference has an id");
        FUZZ_CHECK(seen.insert(reference.id).second, "imported ids are unique");
        // An existing id is fine when the file wrote it (a merge updates that reference); one
        // that appears nowhere in the file was generated, and must not be an existing one.
        if (existing.contains(reference.id))
            FUZZ_CHECK(text.find(reference.id) != std::string_view::npos,
                       "a generated id is not the id of an existing reference");
    }
}

void check_saves_as_document(const std::vector<Reference>& references) {
    Document document;
    document.references = references;
    const ReadResult reread = read_document(write_document(document));
    FUZZ_CHECK(reread.document.has_value(), "imported rows save as a document that opens again");
    FUZZ_CHECK(reread.document->references == references,
               "imported rows are unchanged by saving and opening");
}

void check_csv_round_trip(const std::vector<Reference>& references) {
    const std::string written = write_references_csv(references, /*with_bom=*/true);
    const CsvImport reread = read_references_csv(written, Document{});
    FUZZ_CHECK(reread.errors.empty(), "written CSV reads back without errors");
    FUZZ_CHECK(reread.references == references, "read(write(rows)) == rows");
    FUZZ_CHECK(write_references_csv(reread.references, true) == written,
               "write(read(write(x))) == write(x)");

    const CsvImport without_bom =
        read_references_csv(write_references_csv(references, /*with_bom=*/false), Document{});
    FUZZ_CHECK(without_bom.errors.empty() && without_bom.references == references,
               "the form without a byte order mark reads back the same");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const CsvImport result = read_references_csv(text, existing_document());
    check_messages(result);
    FUZZ_CHECK(result.references.size() <= static_cast<std::size_t>(result.rows),
               "no more references than rows");
    check_ids(text, result);
    check_saves_as_document(result.references);
    check_csv_round_trip(result.references);
    return 0;
}
