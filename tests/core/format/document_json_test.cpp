#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <functional>
#include <set>

#include "core/format/document_json.h"
#include "core/model/date.h"
#include "core/test_assets.h"

using namespace reftier;
using nlohmann::json;

namespace {

json example_json() {
    return json::parse(test::read_data("valid/product_example.json"), nullptr, false);
}

// The docs/format.md version 1 example with one change, as file text.
std::string example_text_with(const std::function<void(json&)>& change) {
    json document = example_json();
    change(document);
    return document.dump(2);
}

ReadResult read_example_with(const std::function<void(json&)>& change) {
    return read_document(example_text_with(change));
}

std::string errors_text(const ReadResult& result) {
    std::string text;
    for (const ReadError& error : result.errors) text += to_string(error) + "\n";
    return text;
}

bool has_error(const ReadResult& result, std::string_view path, std::string_view message_part) {
    for (const ReadError& error : result.errors)
        if (error.path == path && error.message.find(message_part) != std::string::npos)
            return true;
    return false;
}

Document sample_document() {
    Document document;
    document.partner.name = "Example Partner";
    Reference reference;
    reference.id = "r-0001";
    reference.customer = "Acme Retail";
    reference.title = "DevOps and Cloud Culture Drive Velocity in Retail";
    reference.url = "https://example.com/customers/acme-retail";
    reference.workload = "CI/CD pipelines on AWS CodePipeline";
    reference.services = {"CodePipeline", "ECS"};
    reference.status = Status::Approved;
    reference.submitted_on = parse_iso_date("2026-11-16");
    reference.decided_on = parse_iso_date("2026-11-20");
    document.references.push_back(reference);
    Account account;
    account.id = "444455556666";
    account.name = "Project A";
    account.role = AccountRole::Member;
    account.parent = "111122223333";
    account.partner_activity = true;
    document.accounts.push_back(account);
    return document;
}

// Hands out `text` cut at the offsets `cuts` (ascending): each piece in as many answers as the
// reader's capacity needs, never an empty answer before the end.
ReadSource source_cut_at(std::string text, std::vector<std::size_t> cuts) {
    cuts.push_back(text.size());
    return [text = std::move(text), cuts = std::move(cuts), at = std::size_t{0},
            cut = std::size_t{0}](char* buffer, std::size_t capacity) mutable {
        while (cut < cuts.size() && cuts[cut] <= at) ++cut;
        if (cut == cuts.size()) return std::size_t{0};
        const std::size_t count = std::min(capacity, cuts[cut] - at);
        std::memcpy(buffer, text.data() + at, count);
        at += count;
        return count;
    };
}

ReadSource source_in_pieces_of(const std::string& text, std::size_t piece_bytes) {
    std::vector<std::size_t> cuts;
    for (std::size_t at = piece_bytes; at < text.size(); at += piece_bytes) cuts.push_back(at);
    return source_cut_at(text, std::move(cuts));
}

// Reading from `source` gives exactly what reading `text` whole gives: the same errors, with
// the same lines and columns, and the same document.
void expect_same_as_whole(const std::string& text, const ReadSource& source,
                          const std::string& how) {
    const ReadResult whole = read_document(text);
    const ReadResult pieces = read_document(source);
    EXPECT_EQ(errors_text(pieces), errors_text(whole)) << how;
    EXPECT_TRUE(pieces.document == whole.document) << how;
    EXPECT_EQ(pieces.source_version, whole.source_version) << how;
}

// Cut once at every byte, then into pieces of one and of seven bytes.
void expect_same_wherever_cut(const std::string& text) {
    for (std::size_t cut = 0; cut <= text.size() && !testing::Test::HasFailure(); ++cut)
        expect_same_as_whole(text, source_cut_at(text, {cut}), "cut at " + std::to_string(cut));
    expect_same_as_whole(text, source_in_pieces_of(text, 1), "one-byte pieces");
    expect_same_as_whole(text, source_in_pieces_of(text, 7), "seven-byte pieces");
}

} // namespace

TEST(DocumentRead, ReadsTheProductExample) {
    const ReadResult result = read_document(test::read_data("valid/product_example.json"));
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_TRUE(result.errors.empty());
    EXPECT_EQ(result.document->partner.name, "Example Partner");
    EXPECT_EQ(result.document->partner.rule_set, "apn-2019-consulting");
    ASSERT_EQ(result.document->references.size(), 1u);
    const Reference& reference = result.document->references[0];
    EXPECT_EQ(reference.id, "r-0001");
    EXPECT_EQ(reference.customer, "Acme Retail");
    EXPECT_EQ(reference.asset_type, AssetType::CaseStudy);
    EXPECT_EQ(reference.services, (std::vector<std::string>{"CodePipeline", "ECS"}));
    EXPECT_EQ(reference.channel, Channel::PublicReferencesTool);
    EXPECT_EQ(reference.status, Status::Submitted);
    EXPECT_EQ(reference.submitted_on, parse_iso_date("2026-11-16"));
    EXPECT_FALSE(reference.decided_on);
}

TEST(DocumentRead, ReadsAccountsWithTheirParentAndFlags) {
    const ReadResult result = read_document(test::read_data("valid/product_example.json"));
    ASSERT_TRUE(result.document);
    ASSERT_EQ(result.document->accounts.size(), 2u);
    const Account& management = result.document->accounts[0];
    const Account& member = result.document->accounts[1];
    EXPECT_EQ(management.role, AccountRole::Management);
    EXPECT_FALSE(management.parent);
    EXPECT_TRUE(management.linked);
    EXPECT_EQ(member.role, AccountRole::Member);
    EXPECT_EQ(member.parent, std::optional<std::string>("111122223333"));
    EXPECT_TRUE(member.partner_activity);
}

TEST(DocumentRead, ReadsADocumentWithNoRecords) {
    const ReadResult result = read_document(test::read_data("valid/minimal.json"));
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(result.document->partner.path, PartnerPath::Technology);
    EXPECT_TRUE(result.document->references.empty());
    EXPECT_TRUE(result.document->accounts.empty());
}

TEST(DocumentRead, AcceptsEmptyRequiredTextInADraft) {
    const ReadResult result = read_document(test::read_data("valid/drafts_and_utf8.json"));
    ASSERT_TRUE(result.document) << errors_text(result);
    const Reference& draft = result.document->references[0];
    EXPECT_EQ(draft.customer, "");
    EXPECT_EQ(draft.url, "");
    EXPECT_EQ(draft.workload, "");
}

TEST(DocumentRead, TreatsNullOptionalFieldsAsAbsent) {
    const ReadResult result = read_document(test::read_data("valid/drafts_and_utf8.json"));
    ASSERT_TRUE(result.document);
    const Reference& draft = result.document->references[0];
    EXPECT_TRUE(draft.services.empty());
    EXPECT_EQ(draft.industry, "");
    EXPECT_EQ(draft.notes, "");
    EXPECT_FALSE(draft.submitted_on);
}

TEST(DocumentRead, TreatsMissingOptionalFieldsAsAbsent) {
    const ReadResult result = read_example_with([](json& d) {
        for (const char* field : {"services", "industry", "submitted_on", "decided_on", "notes"})
            d["references"][0].erase(field);
        d["accounts"][1].erase("parent");
    });
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_TRUE(result.document->references[0].services.empty());
    EXPECT_FALSE(result.document->accounts[1].parent);
}

TEST(DocumentRead, KeepsUnknownFieldsAtEveryLevel) {
    const ReadResult result = read_document(test::read_data("valid/unknown_fields.json"));
    ASSERT_TRUE(result.document) << errors_text(result);
    const Document& document = *result.document;
    EXPECT_EQ(document.unknown_fields["exported_by"]["build"], "0.9.0");
    EXPECT_EQ(document.partner.unknown_fields["crm_id"], 4711);
    EXPECT_EQ(document.references[0].unknown_fields["review_comments"][1]["score"], 4.5);
    EXPECT_TRUE(document.references[0].unknown_fields["tags"].is_null());
    EXPECT_EQ(document.accounts[0].unknown_fields["region"], "eu-west-1");
}

TEST(DocumentRead, LeavesUnknownFieldsNullWhenThereAreNone) {
    const ReadResult result = read_document(test::read_data("valid/product_example.json"));
    ASSERT_TRUE(result.document);
    EXPECT_TRUE(result.document->unknown_fields.is_null());
    EXPECT_TRUE(result.document->references[0].unknown_fields.is_null());
}

TEST(DocumentRead, ReportsTheVersionFoundInTheFile) {
    EXPECT_EQ(read_document(test::read_data("valid/minimal.json")).source_version, 1);
    EXPECT_EQ(read_example_with([](json& d) { d["version"] = 2; }).source_version, 2);
    EXPECT_EQ(read_example_with([](json& d) { d["version"] = 3; }).source_version, 3);
}

TEST(DocumentRead, RefusesTextThatIsNotJsonAndSaysWhere) {
    const ReadResult result = read_document("{\n  \"format\": \"reftier\",\n  \"version\": tru\n}");
    EXPECT_FALSE(result.document);
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].path, "");
    EXPECT_NE(result.errors[0].message.find("not valid JSON at line 3"), std::string::npos)
        << result.errors[0].message;
}

TEST(DocumentRead, RefusesAnEmptyFile) {
    const ReadResult result = read_document("");
    EXPECT_FALSE(result.document);
    EXPECT_TRUE(has_error(result, "", "the file is empty"));
}

TEST(DocumentRead, RefusesATopLevelList) {
    const ReadResult result = read_document("[{\"format\": \"reftier\"}]");
    EXPECT_FALSE(result.document);
    EXPECT_TRUE(has_error(result, "", "must hold a JSON object")) << errors_text(result);
    EXPECT_TRUE(has_error(result, "", "(found a list)"));
}

TEST(DocumentRead, RefusesAWrongFormatName) {
    const ReadResult result = read_example_with([](json& d) { d["format"] = "refteir"; });
    EXPECT_FALSE(result.document);
    EXPECT_EQ(errors_text(result), "format: expected \"reftier\" (found \"refteir\")\n");
}

TEST(DocumentRead, RefusesANewerVersionWithAClearMessage) {
    const ReadResult result = read_example_with([](json& d) { d["version"] = 3; });
    EXPECT_FALSE(result.document);
    EXPECT_EQ(errors_text(result), "version: this file was written by a newer RefTier (version "
                                   "3); this copy reads versions 1 to 2\n");
}

TEST(DocumentRead, StopsAtAWrongVersionBeforeReadingTheBody) {
    const ReadResult result = read_example_with([](json& d) {
        d["version"] = 3;
        d["references"] = "a shape this copy does not know";
    });
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].path, "version");
}

TEST(DocumentRead, RefusesAMissingVersion) {
    const ReadResult result = read_example_with([](json& d) { d.erase("version"); });
    EXPECT_FALSE(result.document);
    EXPECT_TRUE(has_error(result, "version", "missing required field"));
}

TEST(DocumentRead, RefusesAVersionWrittenAsAString) {
    const ReadResult result = read_example_with([](json& d) { d["version"] = "1"; });
    EXPECT_TRUE(has_error(result, "version", "must be a whole number such as 2 (found a string)"))
        << errors_text(result);
}

TEST(DocumentRead, RefusesVersionZero) {
    const ReadResult result = read_example_with([](json& d) { d["version"] = 0; });
    EXPECT_TRUE(has_error(result, "version", "versions start at 1")) << errors_text(result);
}

TEST(DocumentRead, NamesEveryMissingRequiredField) {
    const ReadResult result = read_example_with([](json& d) {
        d["references"][0].erase("customer");
        d["references"][0].erase("title");
        d["accounts"][0].erase("role");
    });
    EXPECT_TRUE(has_error(result, "references[0].customer", "missing required field"));
    EXPECT_TRUE(has_error(result, "references[0].title", "missing required field"));
    EXPECT_TRUE(has_error(result, "accounts[0].role", "missing required field"));
    EXPECT_EQ(result.errors.size(), 3u) << errors_text(result);
}

TEST(DocumentRead, SaysWhichTypeWasExpectedAndWhatWasFound) {
    const ReadResult result = read_example_with([](json& d) { d["references"][0]["title"] = 42; });
    EXPECT_EQ(errors_text(result), "references[0].title: must be a string (found 42)\n");
}

TEST(DocumentRead, RefusesNullWhereTextIsRequired) {
    const ReadResult result =
        read_example_with([](json& d) { d["references"][0]["customer"] = nullptr; });
    EXPECT_EQ(errors_text(result), "references[0].customer: must be a string (found null)\n");
}

TEST(DocumentRead, RefusesAnUnknownStatusAndListsTheValidOnes) {
    const ReadResult result =
        read_example_with([](json& d) { d["references"][0]["status"] = "aproved"; });
    EXPECT_EQ(errors_text(result), "references[0].status: unknown value \"aproved\" (expected "
                                   "draft, submitted, approved or rejected)\n");
}

TEST(DocumentRead, RefusesAnAccountFlagWrittenAsText) {
    const ReadResult result = read_example_with([](json& d) { d["accounts"][1]["linked"] = "no"; });
    EXPECT_EQ(errors_text(result), "accounts[1].linked: must be true or false (found a string)\n");
}

TEST(DocumentRead, RefusesAnImpossibleDate) {
    const ReadResult result =
        read_example_with([](json& d) { d["references"][0]["submitted_on"] = "2026-02-30"; });
    EXPECT_EQ(errors_text(result), "references[0].submitted_on: 2026-02-30 is not a real date\n");
}

TEST(DocumentRead, RefusesADateInAnotherFormat) {
    const ReadResult result =
        read_example_with([](json& d) { d["references"][0]["decided_on"] = "16/11/2026"; });
    EXPECT_EQ(errors_text(result),
              "references[0].decided_on: \"16/11/2026\" is not a date written YYYY-MM-DD\n");
}

TEST(DocumentRead, RefusesAJavascriptUrl) {
    const ReadResult result =
        read_example_with([](json& d) { d["references"][0]["url"] = "javascript:alert(1)"; });
    EXPECT_FALSE(result.document);
    EXPECT_TRUE(has_error(result, "references[0].url", "scheme must be http or https"))
        << errors_text(result);
}

TEST(DocumentRead, RefusesCredentialsInAUrl) {
    const ReadResult result = read_example_with(
        [](json& d) { d["references"][0]["url"] = "https://user:secret@example.com/acme"; });
    EXPECT_FALSE(result.document);
    EXPECT_TRUE(has_error(result, "references[0].url", "credentials")) << errors_text(result);
}

TEST(DocumentRead, KeepsAPrivateHostUrlForReferenceCheckToFlag) {
    const ReadResult result =
        read_example_with([](json& d) { d["references"][0]["url"] = "http://intranet.local/x"; });
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(result.document->references[0].url, "http://intranet.local/x");
}

TEST(DocumentRead, RefusesDuplicateReferenceIdsNamingBoth) {
    const ReadResult result = read_example_with([](json& d) {
        d["references"].push_back(d["references"][0]);
        d["references"][1]["title"] = "Another Workload";
    });
    EXPECT_EQ(errors_text(result),
              "references[1].id: duplicate id \"r-0001\" (also used by references[0])\n");
}

TEST(DocumentRead, NamesTheFirstUseForEveryLaterCopyOfAnId) {
    const ReadResult result = read_example_with([](json& d) {
        json copy = d["references"][0];
        json other = copy;
        other["id"] = "r-0002";
        d["references"] = json::array({copy, other, copy, copy});
    });
    EXPECT_EQ(errors_text(result),
              "references[2].id: duplicate id \"r-0001\" (also used by references[0])\n"
              "references[3].id: duplicate id \"r-0001\" (also used by references[0])\n");
}

// The ids' table is addressed by hash: ids that share a slot must still be told apart.
TEST(DocumentRead, ReadsThousandsOfDistinctIdsWithoutAnError) {
    const ReadResult result = read_example_with([](json& d) {
        const json model = d["references"][0];
        d["references"] = json::array();
        for (int i = 0; i < 5000; ++i) {
            json reference = model;
            reference["id"] = "r-" + std::to_string(i);
            d["references"].push_back(reference);
        }
    });
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(result.document->references.size(), 5000u);
}

TEST(DocumentRead, RefusesDuplicateAccountIds) {
    const ReadResult result =
        read_example_with([](json& d) { d["accounts"][1]["id"] = "111122223333"; });
    EXPECT_TRUE(has_error(result, "accounts[1].id", "duplicate id \"111122223333\""))
        << errors_text(result);
}

TEST(DocumentRead, AllowsDraftAccountsThatHaveNoIdYet) {
    const ReadResult result = read_example_with([](json& d) {
        d["accounts"][0]["id"] = "";
        d["accounts"][1]["id"] = "";
    });
    EXPECT_TRUE(result.document) << errors_text(result);
}

TEST(DocumentRead, RefusesAnEmptyReferenceId) {
    const ReadResult result = read_example_with([](json& d) { d["references"][0]["id"] = ""; });
    EXPECT_TRUE(has_error(result, "references[0].id", "must not be empty"));
}

TEST(DocumentRead, CollectsEveryErrorNotOnlyTheFirst) {
    const ReadResult result = read_example_with([](json& d) {
        d["partner"]["path"] = "Consulting";
        d["references"][0]["asset_type"] = "Case study";
        d["accounts"][0]["role"] = "owner";
    });
    EXPECT_TRUE(has_error(result, "partner.path", "unknown value \"Consulting\""));
    EXPECT_TRUE(has_error(result, "references[0].asset_type", "unknown value \"Case study\""));
    EXPECT_TRUE(has_error(result, "accounts[0].role", "unknown value \"owner\""));
}

TEST(DocumentRead, ReturnsNoDocumentWhenOneFieldIsWrong) {
    const ReadResult result = read_example_with([](json& d) {
        for (int i = 0; i < 10; ++i) d["references"].push_back(d["references"][0]);
        for (int i = 0; i < 11; ++i) d["references"][i]["id"] = "r-" + std::to_string(100 + i);
        d["references"][10]["channel"] = "email";
    });
    EXPECT_FALSE(result.document);
    EXPECT_EQ(result.errors.size(), 1u) << errors_text(result);
}

TEST(DocumentRead, SummarisesErrorsPastTheLimit) {
    const std::string reference = example_json()["references"][0].dump();
    std::string text = R"({"format":"reftier","version":1,"partner":{"name":"P","path":)"
                       R"("consulting","rule_set":"apn-2019-consulting"},"accounts":[],)"
                       R"("references":[)";
    constexpr int kCopies = 100000;
    for (int i = 0; i < kCopies; ++i) text += (i ? "," : "") + reference;
    text += "]}";
    const ReadResult result = read_document(text);
    EXPECT_FALSE(result.document);
    ASSERT_EQ(result.errors.size(), kMaxReadErrors + 1);
    EXPECT_EQ(result.errors.front().path, "references[1].id");
    const std::size_t dropped = kCopies - 1 - kMaxReadErrors;
    EXPECT_EQ(result.errors.back().message, "... and " + std::to_string(dropped) + " more errors");
}

TEST(DocumentRead, RefusesInvalidUtf8AndSaysSo) {
    const ReadResult result = read_document(test::read_data("hostile/invalid_utf8.json"));
    EXPECT_FALSE(result.document);
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_NE(result.errors[0].message.find("not UTF-8 text"), std::string::npos)
        << result.errors[0].message;
    EXPECT_NE(result.errors[0].message.find("line 12, column 22"), std::string::npos)
        << result.errors[0].message;
}

TEST(DocumentRead, AcceptsAUtf8ByteOrderMark) {
    const ReadResult result = read_document("\xEF\xBB\xBF" + example_json().dump());
    EXPECT_TRUE(result.document) << errors_text(result);
}

TEST(DocumentRead, RefusesControlCharactersInSingleLineFields) {
    const ReadResult result = read_example_with(
        [](json& d) { d["references"][0]["title"] = "\x1b[31mRed\x1b[0m Title"; });
    EXPECT_EQ(errors_text(result), "references[0].title: must be a single line without control "
                                   "characters (found U+001B)\n");
}

TEST(DocumentRead, AllowsLineBreaksAndTabsInNotes) {
    const ReadResult result =
        read_example_with([](json& d) { d["references"][0]["notes"] = "One\r\nTwo\tthree"; });
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(result.document->references[0].notes, "One\r\nTwo\tthree");
}

TEST(DocumentRead, EscapesHostileValuesQuotedInMessages) {
    const ReadResult result =
        read_example_with([](json& d) { d["references"][0]["status"] = "\x1b[2Japproved"; });
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].message.find('\x1b'), std::string::npos);
    EXPECT_NE(result.errors[0].message.find("\\u001b[2Japproved"), std::string::npos)
        << result.errors[0].message;
}

TEST(DocumentRead, RefusesHundredThousandLevelsOfNestingWithoutCrashing) {
    const std::string text = std::string(100000, '[') + std::string(100000, ']');
    const ReadResult result = read_document(text);
    EXPECT_FALSE(result.document);
    EXPECT_TRUE(has_error(result, "", "nests deeper than 64 levels")) << errors_text(result);
}

TEST(DocumentRead, RefusesDeeplyNestedObjectsInAnUnknownField) {
    std::string nested;
    for (int i = 0; i < 100000; ++i) nested += "{\"a\":";
    nested += "0" + std::string(100000, '}');
    std::string text = example_json().dump();
    text.insert(text.size() - 1, ",\"extra\":" + nested);
    const ReadResult result = read_document(text);
    EXPECT_FALSE(result.document);
    EXPECT_TRUE(has_error(result, "", "nests deeper than 64 levels")) << errors_text(result);
}

TEST(DocumentRead, IgnoresBracketsInsideStringsWhenMeasuringDepth) {
    const ReadResult result = read_example_with([](json& d) {
        d["references"][0]["notes"] = std::string(200, '[') + "\\\"" + std::string(200, '{');
    });
    EXPECT_TRUE(result.document) << errors_text(result);
}

TEST(DocumentRead, RefusesAFiftyMegabyteTitle) {
    const ReadResult result = read_example_with(
        [](json& d) { d["references"][0]["title"] = std::string(50u << 20, 'A'); });
    EXPECT_FALSE(result.document);
    EXPECT_EQ(errors_text(result), "references[0].title: is 52428800 bytes long; at most 2048 are "
                                   "allowed\n");
}

TEST(DocumentRead, ReadsAHundredThousandReferences) {
    json document = example_json();
    const json reference = document["references"][0];
    document["references"] = json::array();
    for (int i = 0; i < 100000; ++i) {
        json copy = reference;
        copy["id"] = "r-" + std::to_string(i + 1);
        document["references"].push_back(std::move(copy));
    }
    const ReadResult result = read_document(document.dump());
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(result.document->references.size(), 100000u);
    EXPECT_EQ(result.document->references.back().id, "r-100000");
}

TEST(DocumentRead, TakesTheLastOfAFieldGivenTwiceAsJsonParseDoes) {
    std::string text = example_json().dump();
    const std::string customer = "\"customer\":\"Acme Retail\"";
    text.replace(text.find(customer), customer.size(),
                 "\"customer\":\"First\",\"customer\":\"Acme Retail\"");
    const std::string references = "\"references\":";
    text.insert(text.find(references), "\"references\":[],");
    const ReadResult result = read_document(text);
    ASSERT_TRUE(result.document) << errors_text(result);
    ASSERT_EQ(result.document->references.size(), 1u);
    EXPECT_EQ(result.document->references[0].customer, "Acme Retail");
}

TEST(DocumentRead, DecodesEveryStringEscape) {
    const ReadResult result = read_example_with(
        [](json& d) { d["references"][0]["notes"] = "q\" b\\ s/ t\t n\n r\r \u00e9 \U0001F680"; });
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(result.document->references[0].notes, "q\" b\\ s/ t\t n\n r\r \u00e9 \U0001F680");
    const std::string escaped = R"("\u0071\"\/\ud83d\ude80")";
    std::string text = example_json().dump();
    text.replace(text.find("\"Acme Retail\""), 13, escaped);
    const ReadResult from_escapes = read_document(text);
    ASSERT_TRUE(from_escapes.document) << errors_text(from_escapes);
    EXPECT_EQ(from_escapes.document->references[0].customer, "q\"/\U0001F680");
}

TEST(DocumentRead, NamesACharacterThatBreaksTheJson) {
    const ReadResult result = read_document("{\"format\": \u201creftier\u201d}");
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].message, "not valid JSON at line 1, column 12: unexpected "
                                        "'\u201c' where a value should be");
}

TEST(DocumentRead, SaysWhenTheFileEndsEarly) {
    const std::string text = example_json().dump();
    const ReadResult result = read_document(text.substr(0, text.size() / 2));
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_NE(result.errors[0].message.find("the file ends early"), std::string::npos)
        << result.errors[0].message;
}

// Every one-byte removal, replacement and insertion in a small document.
void for_each_one_byte_change(const std::function<void(const std::string&)>& check) {
    const std::string original = example_json().dump();
    const std::string replacements = "\"\\{}[],:0-e.+ tnu\x01\x7f\xc3\xff";
    for (std::size_t at = 0; at < original.size() && !testing::Test::HasFailure(); ++at) {
        std::string removed = original;
        removed.erase(at, 1);
        check(removed);
        for (char c : replacements) {
            std::string replaced = original;
            replaced[at] = c;
            check(replaced);
            std::string inserted = original;
            inserted.insert(at, 1, c);
            check(inserted);
        }
    }
}

// The reader must call the text JSON exactly when nlohmann does (its own scanner replaced
// nlohmann's for speed).
TEST(DocumentRead, AgreesWithNlohmannOnWhatIsJson) {
    int mismatches = 0;
    for_each_one_byte_change([&](const std::string& text) {
        const ReadResult result = read_document(text);
        bool syntax_error = false;
        for (const ReadError& error : result.errors)
            syntax_error |= error.path.empty() && (error.message.starts_with("not valid JSON") ||
                                                   error.message.starts_with("not UTF-8") ||
                                                   error.message == "the file is empty");
        if (syntax_error == json::accept(text) && ++mismatches <= 5)
            ADD_FAILURE() << text << "\n" << errors_text(result);
    });
}

// --- Reading piece by piece gives what reading the whole text gives. ---------------------

TEST(DocumentReadInPieces, ReadsEveryOneByteChangeAsTheWholeTextReads) {
    for_each_one_byte_change([](const std::string& text) {
        expect_same_as_whole(text, source_in_pieces_of(text, 1), text);
    });
}

TEST(DocumentReadInPieces, ReadsEveryStringEscapeCutAnywhere) {
    const std::string text = example_text_with([](json& d) {
        d["references"][0]["notes"] = "q\" b\\ s/ t\t n\n r\r \u00e9 \U0001F680 \x01";
    });
    expect_same_wherever_cut(text);
    std::string escaped = example_json().dump();
    escaped.replace(escaped.find("\"Acme Retail\""), 13, R"("\u0071\"\/\ud83d\ude80\ud83d")");
    expect_same_wherever_cut(escaped);
}

TEST(DocumentReadInPieces, ReadsAByteOrderMarkAndWindowsLineBreaksCutAnywhere) {
    std::string text = "\xEF\xBB\xBF";
    for (char c : example_json().dump(2))
        text += c == '\n' ? std::string("\r\n") : std::string(1, c);
    expect_same_wherever_cut(text);
    expect_same_wherever_cut(text.substr(0, 2));
    expect_same_wherever_cut(text.substr(0, text.size() - 40) + "\n\n  ,]");
}

TEST(DocumentReadInPieces, SaysTheFileIsEmpty) {
    expect_same_wherever_cut("");
    expect_same_wherever_cut(" \r\n\t ");
    expect_same_wherever_cut("\xEF\xBB\xBF \n");
}

TEST(DocumentReadInPieces, KeepsAnUnknownValueThatSpansManyPieces) {
    const std::string text = example_text_with([](json& d) {
        json big = json::array();
        for (int i = 0; i < 20000; ++i) big.push_back({{"n", i * 1.5}, {"s", "x\ny"}});
        d["references"][0]["x_big"] = big;
        d["x_after"] = "end";
    });
    expect_same_as_whole(text, source_in_pieces_of(text, 7), "seven-byte pieces");
    expect_same_as_whole(text, source_in_pieces_of(text, kReadPieceBytes), "full pieces");
    const ReadResult result = read_document(source_in_pieces_of(text, 7));
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(result.document->references[0].unknown_fields["x_big"].size(), 20000u);
}

TEST(DocumentReadInPieces, RefusesAFiftyMegabyteTitleReadInPieces) {
    const std::string text = example_text_with(
        [](json& d) { d["references"][0]["title"] = std::string(50u << 20, 'A'); });
    const ReadResult result = read_document(source_in_pieces_of(text, kReadPieceBytes));
    EXPECT_EQ(errors_text(result), "references[0].title: is 52428800 bytes long; at most 2048 are "
                                   "allowed\n");
}

TEST(DocumentReadInPieces, ReadsTwentyThousandReferencesInPieces) {
    Document document = sample_document();
    for (int i = 1; i < 20000; ++i) {
        document.references.push_back(document.references[0]);
        document.references.back().id = "r-" + std::to_string(i + 1);
        document.references.back().notes = "line one\nline " + std::to_string(i);
    }
    const std::string text = write_document(document);
    const ReadResult result = read_document(source_in_pieces_of(text, kReadPieceBytes));
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(*result.document, document);
    std::string broken = text;
    broken[broken.size() - 100] = '\x01'; // a raw control character many lines down
    expect_same_as_whole(broken, source_in_pieces_of(broken, 4099), "odd pieces");
    expect_same_as_whole(broken, source_in_pieces_of(broken, kReadPieceBytes), "full pieces");
}

TEST(DocumentWrite, ReadOfWriteGivesBackTheDocument) {
    const Document document = sample_document();
    const ReadResult result = read_document(write_document(document));
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(*result.document, document);
}

TEST(DocumentWrite, WritesUnknownFieldsBack) {
    const ReadResult first = read_document(test::read_data("valid/unknown_fields.json"));
    ASSERT_TRUE(first.document);
    const ReadResult second = read_document(write_document(*first.document));
    ASSERT_TRUE(second.document) << errors_text(second);
    EXPECT_EQ(*second.document, *first.document);
}

TEST(DocumentWrite, WritesTheProductExampleExactlyAsGiven) {
    const std::string original = test::read_data("valid/product_example_v2.json");
    const ReadResult result = read_document(original);
    ASSERT_TRUE(result.document);
    EXPECT_EQ(json::parse(write_document(*result.document), nullptr, false),
              json::parse(original, nullptr, false));
}

TEST(DocumentWrite, WritesFieldsInTheOrderOfTheProductExample) {
    const std::string text = write_document(sample_document(), -1);
    std::size_t previous = 0;
    for (const char* key : {"\"format\"",     "\"version\"",
                            "\"partner\"",    "\"references\"",
                            "\"customer\"",   "\"title\"",
                            "\"url\"",        "\"asset_type\"",
                            "\"workload\"",   "\"services\"",
                            "\"industry\"",   "\"channel\"",
                            "\"status\"",     "\"submitted_on\"",
                            "\"decided_on\"", "\"notes\"",
                            "\"accounts\"",   "\"name\"",
                            "\"role\"",       "\"parent\"",
                            "\"linked\"",     "\"partner_activity\""}) {
        const std::size_t at = text.find(key, previous);
        ASSERT_NE(at, std::string::npos) << key << " missing or out of order";
        previous = at;
    }
}

TEST(DocumentWrite, WritesNullForAbsentDatesAndParent) {
    Document document = sample_document();
    document.references[0].decided_on.reset();
    document.accounts[0].parent.reset();
    const std::string text = write_document(document, -1);
    EXPECT_NE(text.find("\"decided_on\":null"), std::string::npos) << text;
    EXPECT_NE(text.find("\"parent\":null"), std::string::npos) << text;
}

TEST(DocumentWrite, WritesOneLineWhenIndentIsMinusOne) {
    const std::string text = write_document(sample_document(), -1);
    EXPECT_EQ(text.find('\n'), text.size() - 1);
}

TEST(DocumentWrite, IndentsNestedFieldsByTheGivenWidth) {
    const std::string text = write_document(sample_document(), 4);
    EXPECT_NE(text.find("\n    \"format\": \"reftier\""), std::string::npos) << text;
}

TEST(DocumentWrite, WritesUtf8TextUnescaped) {
    Document document = sample_document();
    document.references[0].customer = "Café Müller 東京";
    const std::string text = write_document(document);
    EXPECT_NE(text.find("\"customer\": \"Café Müller 東京\""), std::string::npos) << text;
}

TEST(DocumentWrite, NeverAbortsOnTextThatIsNotUtf8) {
    Document document = sample_document();
    document.references[0].notes = "bad \xC3\x28 byte";
    const std::string text = write_document(document);
    EXPECT_NE(text.find("bad \xEF\xBF\xBD( byte"), std::string::npos); // U+FFFD in its place
}

TEST(DocumentWrite, LaysTextOutAsNlohmannDumpDoes) {
    const ReadResult result = read_document(test::read_data("valid/unknown_fields.json"));
    ASSERT_TRUE(result.document);
    for (int indent : {-1, 0, 2, 4}) {
        const std::string text = write_document(*result.document, indent);
        EXPECT_EQ(nlohmann::ordered_json::parse(text, nullptr, false).dump(indent) + "\n", text)
            << "indent " << indent;
    }
}

TEST(DocumentWrite, EscapesControlCharactersDeleteAndQuotes) {
    Document document = sample_document();
    document.references[0].notes = "say \"hi\"\x01\ttab\x7f";
    const std::string text = write_document(document, -1);
    EXPECT_NE(text.find(R"("notes":"say \"hi\"\u0001\ttab\u007f")"), std::string::npos) << text;
}

TEST(DocumentWrite, HandsTheSameTextToASinkInBoundedPieces) {
    Document document = sample_document();
    for (int i = 1; i < 3000; ++i) document.references.push_back(document.references[0]);
    for (const int indent : {2, -1}) {
        std::string joined;
        std::size_t pieces = 0;
        write_document(document, indent, [&](std::string_view piece) {
            EXPECT_FALSE(piece.empty());
            EXPECT_LE(piece.size(), kWritePieceBytes + 1024);
            joined += piece;
            ++pieces;
        });
        EXPECT_EQ(joined, write_document(document, indent));
        EXPECT_GT(pieces, 5u);
    }
}

TEST(DocumentWrite, ReferenceToJsonIsTheRecordAsWritten) {
    const Document document = sample_document();
    const std::string text = write_document(document);
    EXPECT_EQ(reference_to_json(document.references[0]),
              nlohmann::ordered_json::parse(text, nullptr, false)["references"][0]);
    EXPECT_EQ(account_to_json(document.accounts[0])["role"], "member");
}

TEST(ReadErrorText, JoinsPathAndMessage) {
    EXPECT_EQ(to_string(ReadError{"references[3].url", "scheme must be http or https"}),
              "references[3].url: scheme must be http or https");
}

TEST(ReadErrorText, IsJustTheMessageForTheWholeDocument) {
    EXPECT_EQ(to_string(ReadError{"", "the file is empty"}), "the file is empty");
}

// --- Every file in tests/data/valid/ reads, and writing it is stable. -------------------

class ValidFiles : public testing::TestWithParam<std::string> {};

TEST_P(ValidFiles, ReadsWithoutErrorsAndWritesStably) {
    const ReadResult first = read_document(test::read_data("valid/" + GetParam()));
    ASSERT_TRUE(first.document) << errors_text(first);
    const std::string written = write_document(*first.document);
    const ReadResult second = read_document(written);
    ASSERT_TRUE(second.document) << errors_text(second);
    EXPECT_EQ(write_document(*second.document), written);
}

TEST_P(ValidFiles, ReadTheSameInPiecesCutAnywhere) {
    expect_same_wherever_cut(test::read_data("valid/" + GetParam()));
}

namespace {

// Every file of tests/data/valid/, so a new one is tested without being listed here.
std::vector<std::string> valid_files() {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(test::data_path("valid"), error))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST(DocumentValidFolder, HoldsTheVersionOneAndTwoExamples) {
    const std::vector<std::string> names = valid_files();
    for (const char* name : {"product_example.json", "product_example_v2.json"})
        EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
}

INSTANTIATE_TEST_SUITE_P(Document, ValidFiles, testing::ValuesIn(valid_files()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             return info.param.substr(0, info.param.find('.'));
                         });

// --- tests/data/hostile/: the README table is the specification. ------------------------

namespace {

struct HostileCase {
    std::string file;
    bool accepted = false;
    std::string path; // a path one error must name; "" for the whole document
};

std::string trim_cell(std::string cell) {
    const std::size_t begin = cell.find_first_not_of(" `");
    const std::size_t end = cell.find_last_not_of(" `");
    return begin == std::string::npos ? "" : cell.substr(begin, end - begin + 1);
}

// Rows "| `file` | refused | `path` | what |" of tests/data/hostile/README.md.
std::vector<HostileCase> hostile_cases() {
    std::vector<HostileCase> cases;
    const std::string readme = test::read_data("hostile/README.md");
    std::size_t line_start = 0;
    while (line_start < readme.size()) {
        std::size_t line_end = readme.find('\n', line_start);
        if (line_end == std::string::npos) line_end = readme.size();
        const std::string line = readme.substr(line_start, line_end - line_start);
        line_start = line_end + 1;
        if (!line.starts_with("| `")) continue;
        std::vector<std::string> cells;
        for (std::size_t at = 1; at < line.size();) {
            const std::size_t bar = line.find('|', at);
            if (bar == std::string::npos) break;
            cells.push_back(trim_cell(line.substr(at, bar - at)));
            at = bar + 1;
        }
        if (cells.size() < 3) continue;
        const std::string path = cells[2] == "(document)" ? "" : cells[2];
        cases.push_back({cells[0], cells[1] == "accepted", path});
    }
    return cases;
}

// gtest prints the case by its file name in test output.
void PrintTo(const HostileCase& hostile, std::ostream* out) {
    *out << hostile.file;
}

bool has_control_character(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

} // namespace

class HostileFiles : public testing::TestWithParam<HostileCase> {};

TEST_P(HostileFiles, AreRefusedNamingThePathOrAcceptedAsDocumented) {
    const HostileCase& hostile = GetParam();
    const ReadResult result = read_document(test::read_data("hostile/" + hostile.file));
    for (const ReadError& error : result.errors) {
        EXPECT_FALSE(error.message.empty());
        EXPECT_FALSE(has_control_character(to_string(error))) << to_string(error);
    }
    if (hostile.accepted) {
        EXPECT_TRUE(result.document) << errors_text(result);
        return;
    }
    EXPECT_FALSE(result.document);
    bool names_path = false;
    for (const ReadError& error : result.errors) names_path |= error.path == hostile.path;
    EXPECT_TRUE(names_path) << "expected an error at \"" << hostile.path << "\", got:\n"
                            << errors_text(result);
}

TEST_P(HostileFiles, ReadTheSameInPiecesCutAnywhere) {
    expect_same_wherever_cut(test::read_data("hostile/" + GetParam().file));
}

INSTANTIATE_TEST_SUITE_P(Document, HostileFiles, testing::ValuesIn(hostile_cases()),
                         [](const testing::TestParamInfo<HostileCase>& info) {
                             std::string name =
                                 info.param.file.substr(0, info.param.file.find('.'));
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

namespace {

// The example with `count` references, each a copy of its first with its own id.
std::string example_with_references(int count) {
    return example_text_with([count](json& document) {
        const json first = document["references"][0];
        document["references"] = json::array();
        for (int i = 0; i < count; ++i) {
            json reference = first;
            reference["id"] = "r-" + std::to_string(i);
            document["references"].push_back(reference);
        }
    });
}

} // namespace

TEST(DocumentJson, AReadGivenTheTextsLengthSizesTheReferencesOnce) {
    const std::string text = example_with_references(5000);
    const ReadResult read = read_document(source_in_pieces_of(text, 4096), text.size());
    ASSERT_TRUE(read.document);
    const std::vector<Reference>& references = read.document->references;
    ASSERT_EQ(references.size(), 5000u);
    // Room for the rest, judged by the first 1,024, instead of doubling to 8,192.
    EXPECT_LE(references.capacity(), 5000u + 5000u / 16);
}

TEST(DocumentJson, AReadInMemorySizesTheReferencesByTheText) {
    const ReadResult read = read_document(example_with_references(5000));
    ASSERT_TRUE(read.document);
    EXPECT_LE(read.document->references.capacity(), 5000u + 5000u / 16);
}

TEST(DocumentJson, AWrongLengthChangesNothingButTheRoomReserved) {
    const std::string text = example_with_references(3000);
    const ReadResult whole = read_document(text);
    for (const std::size_t said :
         {std::size_t{0}, std::size_t{1}, text.size() / 2, text.size() * 3}) {
        const ReadResult read = read_document(source_in_pieces_of(text, 4096), said);
        ASSERT_TRUE(read.document) << said;
        EXPECT_TRUE(read.document == whole.document) << said;
    }
    // Said three times too long: room for the records that many bytes would hold, no more.
    const ReadResult long_said = read_document(source_in_pieces_of(text, 4096), text.size() * 3);
    EXPECT_LE(long_said.document->references.capacity(), 3u * 3000u + 3u * 3000u / 16);
}

TEST(DocumentHostileFolder, HoldsAtLeastFortyDocumentedFiles) {
    EXPECT_GE(hostile_cases().size(), 40u);
}

TEST(DocumentHostileFolder, ListsEveryFileInTheReadme) {
    std::set<std::string> listed;
    for (const HostileCase& hostile : hostile_cases()) listed.insert(hostile.file);
    std::error_code error;
    for (const auto& entry :
         std::filesystem::directory_iterator(test::data_path("hostile"), error)) {
        const std::string name = entry.path().filename().string();
        if (name != "README.md") {
            EXPECT_TRUE(listed.contains(name)) << name << " not in README";
        }
    }
    EXPECT_FALSE(error) << error.message();
}
