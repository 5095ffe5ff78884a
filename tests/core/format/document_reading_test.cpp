// The reader a slice at a time (DocumentReading) and the storable check a slice at a time
// (StorableDocumentCheck): whatever the slices, the same document and the same errors at the
// same paths as reading or checking in one go.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "core/format/document_json.h"
#include "core/format/storable.h"
#include "core/test_assets.h"

using namespace reftier;
using nlohmann::json;

namespace {

constexpr int kReferences = 12;

// The product example with kReferences references (distinct ids), changed by `change`.
std::string document_text(const std::function<void(json&)>& change = [](json&) {}) {
    json document = json::parse(test::read_data("valid/product_example.json"));
    const json first = document["references"][0];
    document["references"] = json::array();
    for (int i = 0; i < kReferences; ++i) {
        json reference = first;
        reference["id"] = "r-" + std::to_string(1000 + i);
        reference["title"] = "Reference " + std::to_string(i) + " drives velocity in retail";
        document["references"].push_back(reference);
    }
    change(document);
    return document.dump(1);
}

std::string errors_text(const std::vector<ReadError>& errors) {
    std::string text;
    for (const ReadError& error : errors) text += to_string(error) + "\n";
    return text;
}

// Reads `text` `slice` references at a time; counts the steps taken.
ReadResult read_in_slices(const std::string& text, std::size_t slice, int& steps) {
    DocumentReading reading(text);
    steps = 1;
    std::size_t read_before = 0;
    while (!reading.step(slice)) {
        // A step reads at most `slice` references (a second "references" list starts again).
        if (reading.references_read() > read_before) {
            EXPECT_LE(reading.references_read() - read_before, slice);
        }
        read_before = reading.references_read();
        ++steps;
    }
    return reading.take_result();
}

// In slices of every size from one reference up, and from a source of 7-byte pieces, the
// result is exactly that of read_document on the whole text.
void expect_same_in_every_slicing(const std::string& text, const std::string& what) {
    const ReadResult whole = read_document(text);
    for (std::size_t slice = 1; slice <= kReferences + 1; ++slice) {
        int steps = 0;
        const ReadResult sliced = read_in_slices(text, slice, steps);
        const std::string how = what + ", slices of " + std::to_string(slice);
        EXPECT_EQ(errors_text(sliced.errors), errors_text(whole.errors)) << how;
        EXPECT_TRUE(sliced.document == whole.document) << how;
        EXPECT_EQ(sliced.source_version, whole.source_version) << how;
    }
    std::string_view rest = text;
    DocumentReading pieces([rest](char* buffer, std::size_t capacity) mutable {
        const std::size_t count = std::min<std::size_t>({capacity, 7, rest.size()});
        std::copy_n(rest.data(), count, buffer);
        rest.remove_prefix(count);
        return count;
    });
    while (!pieces.step(2)) {
    }
    const ReadResult from_pieces = pieces.take_result();
    EXPECT_EQ(errors_text(from_pieces.errors), errors_text(whole.errors)) << what << ", pieces";
    EXPECT_TRUE(from_pieces.document == whole.document) << what << ", pieces";
}

} // namespace

TEST(DocumentReading, ReadsAValidDocumentOneReferenceASlice) {
    const std::string text = document_text();
    int steps = 0;
    const ReadResult sliced = read_in_slices(text, 1, steps);
    ASSERT_TRUE(sliced.document) << errors_text(sliced.errors);
    EXPECT_EQ(sliced.document->references.size(), static_cast<std::size_t>(kReferences));
    EXPECT_GE(steps, kReferences); // it did stop between references
    expect_same_in_every_slicing(text, "valid");
}

TEST(DocumentReading, CountsTheReferencesReadSoFar) {
    const std::string text = document_text();
    DocumentReading reading(text);
    EXPECT_EQ(reading.references_read(), 0u);
    EXPECT_FALSE(reading.step(5));
    EXPECT_EQ(reading.references_read(), 5u);
    EXPECT_FALSE(reading.step(5));
    EXPECT_EQ(reading.references_read(), 10u);
    while (!reading.step(5)) {
    }
    EXPECT_EQ(reading.references_read(), static_cast<std::size_t>(kReferences));
    EXPECT_TRUE(reading.take_result().document);
}

TEST(DocumentReading, ReportsFieldErrorsAtTheSamePathsInEverySlicing) {
    expect_same_in_every_slicing(document_text([](json& d) {
                                     d["references"][3]["url"] = "javascript:alert(1)";
                                     d["references"][7].erase("title");
                                     d["references"][11]["status"] = "done";
                                 }),
                                 "field errors");
}

TEST(DocumentReading, ReportsDuplicateIdsInEverySlicing) {
    expect_same_in_every_slicing(
        document_text([](json& d) { d["references"][9]["id"] = d["references"][2]["id"]; }),
        "duplicate ids");
}

TEST(DocumentReading, ReportsASyntaxErrorInsideAReferenceInEverySlicing) {
    const std::string text = document_text();
    const std::size_t inside_sixth = text.find("\"r-1005\"");
    expect_same_in_every_slicing(text.substr(0, inside_sixth + 4), "cut inside a reference");
    std::string broken = text;
    broken.insert(inside_sixth, "]");
    expect_same_in_every_slicing(broken, "a stray ]");
}

TEST(DocumentReading, TakesTheLastReferencesListWhenGivenTwiceInEverySlicing) {
    const std::string text = document_text();
    // A second "references" after the first, as JSON.parse would read it: the last one counts.
    std::string twice = text;
    twice.insert(twice.rfind('}'), ",\"references\":[" + json::parse(text)["references"][4].dump() +
                                       ",{\"id\":\"r-9\"}]");
    expect_same_in_every_slicing(twice, "references twice");
}

TEST(DocumentReading, ReadsFieldsInAnyOrderAroundTheReferences) {
    expect_same_in_every_slicing(document_text([](json& d) {
                                     json ordered = json::object();
                                     ordered["x_first"] = {1, 2};
                                     ordered["references"] = d["references"];
                                     ordered["accounts"] = d["accounts"];
                                     ordered["version"] = d["version"];
                                     ordered["partner"] = d["partner"];
                                     ordered["format"] = d["format"];
                                     d = ordered;
                                 }),
                                 "fields reordered");
    expect_same_in_every_slicing(document_text([](json& d) { d["references"] = "none"; }),
                                 "references not a list");
    expect_same_in_every_slicing(document_text([](json& d) { d["references"] = json::array(); }),
                                 "no references");
    expect_same_in_every_slicing(document_text([](json& d) { d["version"] = 3; }),
                                 "a newer version");
}

TEST(DocumentReading, ReadsEveryTestFileAsReadDocumentDoes) {
    for (const char* folder : {"valid", "hostile"}) {
        for (const auto& entry : std::filesystem::directory_iterator(test::data_path(folder))) {
            if (entry.path().extension() != ".json") continue;
            const std::string name = std::string(folder) + "/" + entry.path().filename().string();
            expect_same_in_every_slicing(test::read_data(name), name);
        }
    }
}

namespace {

Document document_with_problems() {
    Document document = *read_document(document_text()).document;
    document.references[2].title = "a title\nwith a line break";
    document.references[6].url = "ftp://example.com/";
    document.references[10].id = document.references[1].id;
    document.accounts[0].name = std::string(3000, 'x');
    return document;
}

} // namespace

TEST(StorableDocumentCheck, FindsTheSameProblemsInSlicesOfEverySize) {
    const Document document = document_with_problems();
    const std::string expected = errors_text(storable_problems(document));
    ASSERT_NE(expected.find("references[2].title"), std::string::npos) << expected;
    ASSERT_NE(expected.find("accounts[0].name"), std::string::npos) << expected;
    for (std::size_t slice = 1; slice <= kReferences + 1; ++slice) {
        StorableDocumentCheck check(document);
        int steps = 1;
        while (!check.step(slice)) ++steps;
        EXPECT_GE(steps, static_cast<int>((kReferences + slice - 1) / slice));
        EXPECT_EQ(errors_text(check.take_problems()), expected) << "slices of " << slice;
    }
}

TEST(StorableDocumentCheck, FindsNothingInADocumentTheReaderGave) {
    const Document document = *read_document(document_text()).document;
    StorableDocumentCheck check(document);
    EXPECT_FALSE(check.step(4));
    EXPECT_EQ(check.references_checked(), 4u);
    EXPECT_TRUE(check.take_problems().empty());
}

// A replacing import skips the storable check (src/app/import_run.cpp) because of this: what
// the reader returns, the storable rule takes. The document fuzzer checks it on every input.
TEST(StorableDocumentCheck, TakesEveryDocumentTheReaderReturns) {
    for (const char* folder : {"valid", "hostile"}) {
        for (const auto& entry : std::filesystem::directory_iterator(test::data_path(folder))) {
            if (entry.path().extension() != ".json") continue;
            const std::string name = std::string(folder) + "/" + entry.path().filename().string();
            const ReadResult read = read_document(test::read_data(name));
            if (!read.document) continue;
            EXPECT_EQ(storable_problems(*read.document).size(), 0u) << name;
        }
    }
    const Document large = *read_document(document_text()).document;
    EXPECT_EQ(storable_problems(large).size(), 0u);
}
