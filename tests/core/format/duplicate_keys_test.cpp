// The reader's promise for a key given twice in one object: the last value counts, null
// included, exactly as JavaScript's JSON.parse (and nlohmann's parser) take it. Each kind of
// field is tested by reading a text with a duplicate and the same text as JSON.parse leaves
// it, and expecting the same document and the same errors.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/format/document_json.h"
#include "core/test_assets.h"

using namespace reftier;
using nlohmann::json;

namespace {

std::string example() {
    return json::parse(test::read_data("valid/product_example.json")).dump();
}

// The example with `original` (a compact "key":value) replaced by `replacement`.
std::string example_with(const std::string& original, const std::string& replacement) {
    std::string text = example();
    const std::size_t at = text.find(original);
    EXPECT_NE(at, std::string::npos) << original;
    if (at != std::string::npos) text.replace(at, original.size(), replacement);
    return text;
}

std::vector<std::string> sorted_errors(const ReadResult& result) {
    std::vector<std::string> errors;
    for (const ReadError& e : result.errors) errors.push_back(to_string(e));
    std::sort(errors.begin(), errors.end());
    return errors;
}

// `text` reads as the text JSON.parse would make of it: each duplicate resolved to its last.
ReadResult expect_reads_as_json_parse(const std::string& text) {
    const ReadResult read = read_document(text);
    const ReadResult parsed = read_document(json::parse(text).dump());
    EXPECT_EQ(sorted_errors(read), sorted_errors(parsed)) << text;
    EXPECT_TRUE(read.document == parsed.document) << text;
    return read;
}

} // namespace

TEST(DuplicateKeys, ARequiredLineTakesTheLastValue) {
    const ReadResult r = expect_reads_as_json_parse(example_with(
        "\"customer\":\"Acme Retail\"", "\"customer\":\"First\",\"customer\":\"Last\""));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->references[0].customer, "Last");
}

TEST(DuplicateKeys, AnOptionalLineGivenNullLastIsEmpty) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"industry\":\"Retail\"", "\"industry\":\"Retail\",\"industry\":null"));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->references[0].industry, "");
}

TEST(DuplicateKeys, NotesGivenNullLastAreEmpty) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"notes\":\"\"", "\"notes\":\"first\\nline\",\"notes\":null"));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->references[0].notes, "");
}

TEST(DuplicateKeys, ADateGivenNullLastIsAbsent) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"submitted_on\":\"2026-11-16\"",
                     "\"submitted_on\":\"2026-11-16\",\"submitted_on\":null"));
    ASSERT_TRUE(r.document);
    EXPECT_FALSE(r.document->references[0].submitted_on);
}

TEST(DuplicateKeys, ADateGivenNullFirstTakesTheLastDate) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"decided_on\":null", "\"decided_on\":null,\"decided_on\":\"2026-11-20\""));
    ASSERT_TRUE(r.document);
    EXPECT_TRUE(r.document->references[0].decided_on);
}

TEST(DuplicateKeys, ServicesGivenNullLastAreEmpty) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"services\":[\"CodePipeline\",\"ECS\"]",
                     "\"services\":[\"CodePipeline\",\"ECS\"],\"services\":null"));
    ASSERT_TRUE(r.document);
    EXPECT_TRUE(r.document->references[0].services.empty());
}

TEST(DuplicateKeys, ServicesTakeTheLastList) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"services\":[\"CodePipeline\",\"ECS\"]",
                     "\"services\":[\"A\",\"B\",\"C\"],\"services\":[\"D\"]"));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->references[0].services, std::vector<std::string>{"D"});
}

TEST(DuplicateKeys, AnEnumTakesTheLastValue) {
    const ReadResult r = expect_reads_as_json_parse(example_with(
        "\"asset_type\":\"case_study\"", "\"asset_type\":\"case_study\",\"asset_type\":\"video\""));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->references[0].asset_type, AssetType::Video);
}

TEST(DuplicateKeys, AFlagTakesTheLastValue) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"linked\":true", "\"linked\":true,\"linked\":false"));
    ASSERT_TRUE(r.document);
    EXPECT_FALSE(r.document->accounts[0].linked);
}

TEST(DuplicateKeys, AParentGivenNullLastIsAbsent) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"parent\":\"111122223333\"", "\"parent\":\"111122223333\",\"parent\":null"));
    ASSERT_TRUE(r.document);
    EXPECT_FALSE(r.document->accounts[1].parent);
}

TEST(DuplicateKeys, AUrlTakesTheLastValue) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"url\":\"https://example.com/customers/acme-retail\"",
                     "\"url\":\"https://first.example\",\"url\":\"https://last.example\""));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->references[0].url, "https://last.example");
}

TEST(DuplicateKeys, AnErrorInAValueThatIsReplacedDoesNotCount) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"url\":\"https://example.com/customers/acme-retail\"",
                     "\"url\":\"javascript:alert(1)\",\"url\":\"https://last.example\""));
    EXPECT_TRUE(r.document) << (r.errors.empty() ? "" : to_string(r.errors[0]));
}

TEST(DuplicateKeys, AnErrorInTheLastValueCounts) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"url\":\"https://example.com/customers/acme-retail\"",
                     "\"url\":\"https://first.example\",\"url\":\"javascript:alert(1)\""));
    EXPECT_FALSE(r.document);
}

TEST(DuplicateKeys, AnUnknownFieldTakesTheLastValueNullIncluded) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"notes\":\"\"", "\"notes\":\"\",\"x-crm\":{\"id\":1},\"x-crm\":null"));
    ASSERT_TRUE(r.document);
    EXPECT_TRUE(r.document->references[0].unknown_fields.at("x-crm").is_null());
}

TEST(DuplicateKeys, ThePartnerGivenTwiceIsTheLastObjectOnly) {
    const ReadResult r = expect_reads_as_json_parse(example_with(
        "\"partner\":{", "\"partner\":{\"name\":\"First\",\"path\":\"technology\",\"rule_set\":"
                         "\"x\",\"x-only-first\":1},\"partner\":{"));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->partner.name, "Example Partner");
    EXPECT_EQ(r.document->partner.path, PartnerPath::Consulting);
    EXPECT_TRUE(r.document->partner.unknown_fields.is_null());
}

TEST(DuplicateKeys, AFieldMissingFromTheLastPartnerIsMissing) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"partner\":{\"name\":\"Example Partner\",",
                     "\"partner\":{\"name\":\"Only first\"},\"partner\":{"));
    EXPECT_FALSE(r.document);
    EXPECT_EQ(sorted_errors(r), std::vector<std::string>{"partner.name: missing required field"});
}

TEST(DuplicateKeys, ABadFirstListOfReferencesDoesNotCount) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"references\":[", "\"references\":[{\"id\":\"\"},7],\"references\":["));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->references.size(), 1u);
}

TEST(DuplicateKeys, AccountsTakeTheLastList) {
    const ReadResult r = expect_reads_as_json_parse(
        example_with("\"accounts\":[", "\"accounts\":[],\"accounts\":["));
    ASSERT_TRUE(r.document);
    EXPECT_EQ(r.document->accounts.size(), 2u);
}

TEST(DuplicateKeys, TheVersionTakesTheLastValue) {
    const ReadResult r =
        expect_reads_as_json_parse(example_with("\"version\":1", "\"version\":99,\"version\":1"));
    EXPECT_TRUE(r.document);
}
