// Reading a document: the whole text or piece by piece, all or nothing; the format name and
// version are judged first, then the body's errors are reported.
#include "core/format/document_json.h"

#include <algorithm>

#include "core/format/document_fields.h"

namespace reftier {

std::string to_string(const ReadError& error) {
    return error.path.empty() ? error.message : error.path + ": " + error.message;
}

namespace {

using namespace detail;

// Versions this copy can read; older ones than kFormatVersion are migrated as they are read.
constexpr int kOldestReadableVersion = 1;

// "a string", "a list", "an object", or the value itself when it is short (a number, true).
std::string describe_json(const json& value) {
    if (value.is_string()) return "a string";
    if (value.is_array()) return "a list";
    if (value.is_object()) return "an object";
    return value.dump();
}

// A file that is not ours, or is newer than this copy, gets that one reason instead of a list
// of field errors that would only confuse. `root` holds the document's format and version.
void check_format_and_version(const json& root, ReadErrors& errors, int& source_version) {
    const std::string expected_format = "expected " + quote(kFormatName);
    const auto format = root.find("format");
    if (format == root.end()) {
        errors.add("format",
                   "missing required field; " + expected_format + " (is this a RefTier file?)");
    } else if (const auto* name = format->get_ptr<const json::string_t*>(); !name) {
        errors.add("format", expected_format + " (found " + describe_json(*format) + ")");
    } else if (*name != kFormatName) {
        errors.add("format", expected_format + " (found " + quote(*name) + ")");
    }

    const auto version = root.find("version");
    if (version == root.end()) {
        errors.add("version", "missing required field");
        return;
    }
    if (!version->is_number_integer()) {
        errors.add("version", "must be a whole number such as " + std::to_string(kFormatVersion) +
                                  " (found " + describe_json(*version) + ")");
        return;
    }
    const bool negative = !version->is_number_unsigned() && version->get<std::int64_t>() < 0;
    const std::uint64_t number = negative ? 0 : version->get<std::uint64_t>();
    const std::string written = version->dump();
    if (!negative && number <= static_cast<std::uint64_t>(INT_MAX))
        source_version = static_cast<int>(number);
    if (!negative && number > static_cast<std::uint64_t>(kFormatVersion)) {
        errors.add("version", "this file was written by a newer RefTier (version " + written +
                                  "); this copy reads versions " +
                                  std::to_string(kOldestReadableVersion) + " to " +
                                  std::to_string(kFormatVersion));
    } else if (negative || number < static_cast<std::uint64_t>(kOldestReadableVersion)) {
        errors.add("version", "version " + written +
                                  " is not a RefTier format version; versions start at " +
                                  std::to_string(kOldestReadableVersion));
    }
}

// The format and version judged, then the body's errors, once the whole text is read.
ReadResult finish(JsonCursor& cursor, ReadErrors& body_errors, Document& document) {
    ReadResult result;
    cursor.expect_end();
    if (cursor.failed()) {
        result.errors.push_back({"", cursor.error()});
        return result;
    }
    ReadErrors header_errors;
    check_format_and_version(document.unknown_fields, header_errors, result.source_version);
    if (!header_errors.empty()) {
        result.errors = header_errors.take();
        return result;
    }
    document.unknown_fields.erase("format");
    document.unknown_fields.erase("version");
    if (document.unknown_fields.empty()) document.unknown_fields = nullptr;
    // Migration, one step per version up to kFormatVersion. 1 -> 2: version 2 only added
    // optional fields (rule_sets, partner.scorecard, tier requirements, ace_opportunity_id), so
    // the body read above with version 2's rules is the migrated document; it is written back
    // as version 2. source_version tells the caller a file was migrated.
    result.errors = body_errors.take();
    if (result.errors.empty()) result.document = std::move(document);
    return result;
}

} // namespace

struct DocumentReading::Reading {
    explicit Reading(std::string_view text) : cursor(text) {}
    Reading(ReadSource read, std::size_t expected_bytes)
        : source(std::move(read)), cursor(source, expected_bytes) {}

    ReadSource source; // before the cursor, which reads from it
    JsonCursor cursor;
    ReadErrors body_errors;
    Document document;
    std::optional<DocumentFieldsReader> fields;
    std::optional<ReadResult> result;
};

DocumentReading::DocumentReading(std::string_view text)
    : reading_(std::make_unique<Reading>(text)) {}
DocumentReading::DocumentReading(ReadSource source, std::size_t expected_bytes)
    : reading_(std::make_unique<Reading>(std::move(source), expected_bytes)) {}
DocumentReading::~DocumentReading() = default;

bool DocumentReading::step(std::size_t references) {
    Reading& r = *reading_;
    if (r.result) return true;
    if (!r.fields) {
        if (r.cursor.at_end()) {
            r.result.emplace().errors.push_back({"", "the file is empty"});
            return true;
        }
        if (r.cursor.next_kind() != ValueKind::Object) {
            const std::string what = found(r.cursor);
            r.cursor.expect_end();
            if (r.cursor.failed())
                r.result.emplace().errors.push_back({"", r.cursor.error()});
            else
                r.result.emplace().errors.push_back(
                    {"", "the file must hold a JSON object with a \"format\" field" + what});
            return true;
        }
        r.fields.emplace(r.body_errors, r.cursor, r.document);
    }
    if (r.fields->step(std::max<std::size_t>(references, 1))) return false;
    r.result = finish(r.cursor, r.body_errors, r.document);
    return true;
}

std::size_t DocumentReading::references_read() const {
    return reading_->result && reading_->result->document
               ? reading_->result->document->references.size()
               : reading_->document.references.size();
}

ReadResult DocumentReading::take_result() {
    while (!step(SIZE_MAX)) {
    }
    return std::move(*reading_->result);
}

ReadResult read_document(std::string_view text) {
    return DocumentReading(text).take_result();
}

ReadResult read_document(const ReadSource& source, std::size_t expected_bytes) {
    return DocumentReading(source, expected_bytes).take_result();
}

} // namespace reftier
