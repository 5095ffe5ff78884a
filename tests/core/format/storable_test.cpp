// The storable rule says exactly what the reader says: a record, list or document it accepts
// reads back equal, and one it refuses would be refused by read_document, with the same words.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "core/format/storable.h"
#include "core/model/date.h"

using namespace reftier;

namespace {

Reference good_reference(std::string id = "r-0001") {
    Reference r;
    r.id = std::move(id);
    r.customer = "Acme Retail";
    r.title = "DevOps and Cloud Culture Drive Velocity in Retail";
    r.url = "https://example.com/customers/acme-retail";
    r.workload = "CI/CD pipelines on AWS CodePipeline";
    r.services = {"CodePipeline", "ECS"};
    r.submitted_on = parse_iso_date("2026-11-16");
    r.notes = "line one\nline two\ttabbed";
    return r;
}

Account good_account(std::string id) {
    Account a;
    a.id = std::move(id);
    a.name = "Project A";
    return a;
}

// What read_document says of the document as written: the truth the rule must match.
bool reader_takes(const Document& document) {
    const ReadResult read = read_document(write_document(document, -1));
    return read.document && *read.document == document;
}

std::string text(const std::vector<ReadError>& errors) {
    std::string out;
    for (const ReadError& e : errors) out += to_string(e) + "\n";
    return out;
}

} // namespace

TEST(StoredText, TakesALineUpToTheLimitAndRefusesOneByteMore) {
    EXPECT_EQ(stored_text_problem(std::string(kMaxLineBytes, 'a'), StoredText::Line), "");
    EXPECT_EQ(stored_text_problem(std::string(kMaxLineBytes + 1, 'a'), StoredText::Line),
              "is 2049 bytes long; at most 2048 are allowed");
}

TEST(StoredText, NotesHoldLineBreaksAndTabsButLinesDoNot) {
    EXPECT_EQ(stored_text_problem("a\nb\r\n\tc", StoredText::Notes), "");
    EXPECT_EQ(stored_text_problem("a\nb", StoredText::Line),
              "must be a single line without control characters (found U+000A)");
    EXPECT_EQ(stored_text_problem(std::string("a\0b", 3), StoredText::Notes),
              "must not contain control characters (found U+0000)");
}

TEST(StoredText, LimitsAreTheReadersOwn) {
    EXPECT_EQ(max_stored_bytes(StoredText::Line), kMaxLineBytes);
    EXPECT_EQ(max_stored_bytes(StoredText::Notes), kMaxNotesBytes);
}

TEST(StorableRecord, AGoodReferenceReadsBack) {
    EXPECT_EQ(text(storable_problems(good_reference())), "");
}

TEST(StorableRecord, ThePartnerNameOfIssue17IsRefusedInTheReadersWords) {
    PartnerProfile partner;
    partner.name = std::string(4034, 'x');
    EXPECT_EQ(text(storable_problems(partner)),
              "name: is 4034 bytes long; at most 2048 are allowed\n");
}

TEST(StorableRecord, NamesTheServiceThatIsTooLong) {
    Reference r = good_reference();
    r.services.push_back(std::string(kMaxLineBytes + 5, 's'));
    EXPECT_EQ(text(storable_problems(r)),
              "services[2]: is 2053 bytes long; at most 2048 are allowed\n");
}

TEST(StorableRecord, RefusesAJavascriptUrlAndAnEmptyReferenceId) {
    Reference r = good_reference("");
    r.url = "javascript:alert(1)";
    const std::vector<ReadError> problems = storable_problems(r);
    ASSERT_EQ(problems.size(), 2u) << text(problems);
    EXPECT_EQ(problems[0].path, "id");
    EXPECT_EQ(problems[1].path, "url");
}

TEST(StorableRecord, RefusesTextThatIsNotUtf8SinceItWouldReadBackDifferent) {
    Account a = good_account("111122223333");
    a.name = "Caf\xE9"; // Latin-1, as a spreadsheet saves it
    const std::vector<ReadError> problems = storable_problems(a);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].message.find("not UTF-8"), std::string::npos);
}

TEST(StorableRecord, TakesAnEmptyObjectOfUnknownFieldsThatReadsBackAsNone) {
    Reference r = good_reference();
    r.unknown_fields = nlohmann::json::object();
    EXPECT_EQ(text(storable_problems(r)), "");
}

TEST(StorableRecord, JudgesNestingInUnknownFieldsAtTheRecordsDepthInADocument) {
    for (int depth = 55; depth <= 66; ++depth) {
        nlohmann::json nested = 1;
        for (int i = 0; i < depth; ++i) nested = nlohmann::json::array({nested});
        Reference r = good_reference();
        r.unknown_fields = {{"x-deep", nested}};
        Document d;
        d.references.push_back(r);
        const ReadResult read = read_document(write_document(d, -1));
        EXPECT_EQ(storable_problems(r).empty(), read.document.has_value()) << depth;
        PartnerProfile p;
        p.unknown_fields = r.unknown_fields;
        Document with_partner;
        with_partner.partner = p;
        EXPECT_EQ(storable_problems(p).empty(),
                  read_document(write_document(with_partner, -1)).document.has_value())
            << depth;
    }
}

TEST(StorableList, RefusesAnAccountIdGivenTwiceWithTheReadersPath) {
    const std::vector<Account> accounts = {good_account("111122223333"), good_account("2"),
                                           good_account("111122223333")};
    const std::vector<ReadError> problems = storable_problems(accounts);
    ASSERT_EQ(problems.size(), 1u) << text(problems);
    EXPECT_EQ(problems[0].path, "accounts[2].id");
}

TEST(StorableDocument, UsesTheReadersPathsForRecordsInLists) {
    Document d;
    d.references = {good_reference("r-1"), good_reference("r-2")};
    d.references[1].title = "two\nlines";
    EXPECT_EQ(text(storable_problems(d)),
              "references[1].title: must be a single line without control characters (found "
              "U+000A)\n");
}

TEST(StorableDocument, ChecksThePartnerAndTheDocumentsUnknownFields) {
    Document d;
    d.partner.rule_set = std::string(3000, 'r');
    d.unknown_fields = {{"x-tool", "Caf\xE9"}};
    const std::vector<ReadError> problems = storable_problems(d);
    ASSERT_EQ(problems.size(), 1u) << text(problems); // the reader stops at the first
    EXPECT_EQ(problems[0].path, "partner.rule_set");
}

TEST(StorableDocument, AgreesWithTheReaderOnEachKindOfProblem) {
    std::vector<Document> cases;
    Document good;
    good.references = {good_reference("r-1"), good_reference("r-2")};
    good.accounts = {good_account("111122223333"), good_account("444455556666")};
    cases.push_back(good);
    cases.emplace_back(good).references[0].customer = std::string(kMaxLineBytes + 1, 'c');
    cases.emplace_back(good).references[1].notes = std::string(kMaxNotesBytes + 1, 'n');
    cases.emplace_back(good).references[1].notes = std::string(kMaxNotesBytes, 'n');
    cases.emplace_back(good).references[0].url = "https://user:secret@example.com/";
    cases.emplace_back(good).references[1].industry = "Retail\x1b[31m";
    cases.emplace_back(good).accounts[1].id = "111122223333";
    cases.emplace_back(good).accounts[1].parent = "bad\nparent";
    cases.emplace_back(good).partner.name = std::string(kMaxLineBytes, 'p');
    cases.emplace_back(good).partner.name = std::string(kMaxLineBytes + 1, 'p');
    for (std::size_t i = 0; i < cases.size(); ++i)
        EXPECT_EQ(storable_problems(cases[i]).empty(), reader_takes(cases[i])) << "case " << i;
}

namespace {

ReadSource source_of(const std::string& text) {
    return [text, at = std::size_t{0}](char* buffer, std::size_t capacity) mutable {
        const std::size_t count = std::min(capacity, text.size() - at);
        std::memcpy(buffer, text.data() + at, count);
        at += count;
        return count;
    };
}

} // namespace

TEST(StoredBytes, TakesTheBytesOfADocumentThatOpensAgain) {
    Document d;
    d.references = {good_reference("r-1"), good_reference("r-2")};
    d.accounts = {good_account("111122223333")};
    EXPECT_EQ(stored_bytes_problem(source_of(write_document(d, -1)), 2, 1), "");
}

TEST(StoredBytes, RefusesBytesCutShortWithTheReadersReason) {
    Document d;
    d.references = {good_reference("r-1")};
    const std::string text = write_document(d, -1);
    const std::string problem =
        stored_bytes_problem(source_of(text.substr(0, text.size() / 2)), 1, 0);
    EXPECT_NE(problem.find("would not open again"), std::string::npos) << problem;
    EXPECT_NE(problem.find("ends early"), std::string::npos) << problem;
}

TEST(StoredBytes, RefusesBytesThatReadAsFewerRecordsThanWereWritten) {
    Document d;
    d.references = {good_reference("r-1")};
    EXPECT_EQ(stored_bytes_problem(source_of(write_document(d, -1)), 2, 0),
              "the copy about to be stored reads as 1 references and 0 accounts, not the 2 and 0 "
              "written");
}
