// ACE import: list-opportunities pages and get-opportunity output (tests/data/ace/) become draft
// references for launched opportunities no reference carries; nothing twice; foreign or
// malformed JSON changes nothing.
#include <gtest/gtest.h>

#include "core/format/ace_import.h"
#include "core/format/document_json.h"
#include "core/test_assets.h"

using namespace reftier;

namespace {

AceImport import_files(std::initializer_list<const char*> names, const Document& current = {}) {
    std::vector<std::string> texts;
    for (const char* name : names) texts.push_back(test::read_data(std::string("ace/") + name));
    std::vector<AceInput> inputs;
    std::size_t i = 0;
    for (const char* name : names) inputs.push_back({name, texts[i++]});
    return read_ace_opportunities(inputs, current);
}

AceImport import_text(std::string_view text, const Document& current = {}) {
    return read_ace_opportunities({{"input.json", text}}, current);
}

std::string errors_text(const AceImport& read) {
    std::string text;
    for (const AceProblem& e : read.errors) text += to_string(e) + "\n";
    return text;
}

std::vector<std::string> ace_ids(const AceImport& read) {
    std::vector<std::string> ids;
    for (const Reference& r : read.references) ids.push_back(*r.ace_opportunity_id);
    return ids;
}

} // namespace

TEST(AceImport, AddsADraftForEachLaunchedOpportunityOfAPage) {
    const AceImport read = import_files({"list-opportunities-page1.json"});
    ASSERT_TRUE(read.errors.empty()) << errors_text(read);
    EXPECT_EQ(read.opportunities, 3);
    EXPECT_EQ(read.launched, 2);
    EXPECT_EQ(ace_ids(read), (std::vector<std::string>{"O1234567", "O3456789"}));
    const Reference& acme = read.references[0];
    EXPECT_EQ(acme.id, "r-0001");
    EXPECT_EQ(acme.customer, "Acme Retail");
    EXPECT_EQ(acme.industry, "Retail");
    EXPECT_EQ(acme.channel, Channel::AcePipelineManager);
    EXPECT_EQ(acme.status, Status::Draft);
    EXPECT_EQ(acme.workload, ""); // a summary has no use case
    EXPECT_NE(acme.notes.find("O1234567"), std::string::npos);
    EXPECT_NE(acme.notes.find("https://www.acme-retail.example"), std::string::npos);
    EXPECT_EQ(read.references[1].industry, "Maritime Logistics"); // "Other" with OtherIndustry
    ASSERT_EQ(read.skipped.size(), 1u);
    EXPECT_EQ(read.skipped[0].reason, "not launched (stage Qualified)");
}

TEST(AceImport, ReadsSeveralPagesFromSeveralFilesOrOneFile) {
    const AceImport two_files =
        import_files({"list-opportunities-page1.json", "list-opportunities-page2.json"});
    const AceImport one_file = import_files({"list-opportunities-two-pages.json"});
    ASSERT_TRUE(two_files.errors.empty()) << errors_text(two_files);
    ASSERT_TRUE(one_file.errors.empty()) << errors_text(one_file);
    EXPECT_EQ(ace_ids(two_files), (std::vector<std::string>{"O1234567", "O3456789", "O4567890"}));
    EXPECT_EQ(ace_ids(one_file), ace_ids(two_files));
    EXPECT_EQ(one_file.opportunities, 5);
}

TEST(AceImport, TakesTheWorkloadFromGetOpportunitysUseCase) {
    const AceImport read = import_files({"get-opportunity-O1234567.json"});
    ASSERT_TRUE(read.errors.empty()) << errors_text(read);
    ASSERT_EQ(read.references.size(), 1u);
    EXPECT_EQ(read.references[0].workload, "Web development & DevOps");
    EXPECT_NE(read.references[0].notes.find("Project: Order platform moved to serverless"),
              std::string::npos);
}

TEST(AceImport, AnOpportunityInTwoListingsIsAddedOnceWithTheFullerDetails) {
    const AceImport read =
        import_files({"list-opportunities-page1.json", "get-opportunity-O1234567.json"});
    ASSERT_TRUE(read.errors.empty()) << errors_text(read);
    EXPECT_EQ(ace_ids(read), (std::vector<std::string>{"O1234567", "O3456789"}));
    EXPECT_EQ(read.references[0].workload, "Web development & DevOps");
}

TEST(AceImport, AddsOnlyTheLaunchedOnesNoReferenceCarriesYet) {
    Document current;
    Reference existing;
    existing.id = "r-0009";
    existing.customer = "Acme Retail";
    existing.ace_opportunity_id = "O1234567";
    current.references.push_back(existing);
    const AceImport read =
        import_files({"list-opportunities-page1.json", "list-opportunities-page2.json"}, current);
    ASSERT_TRUE(read.errors.empty()) << errors_text(read);
    EXPECT_EQ(ace_ids(read), (std::vector<std::string>{"O3456789", "O4567890"}));
    EXPECT_EQ(read.references[0].id, "r-0010"); // fresh against the document
    const auto skip =
        std::find_if(read.skipped.begin(), read.skipped.end(),
                     [](const AceSkipped& s) { return s.opportunity_id == "O1234567"; });
    ASSERT_NE(skip, read.skipped.end());
    EXPECT_EQ(skip->reason, "already referenced by r-0009");
}

TEST(AceImport, ImportingTheSameFileAgainAddsNothing) {
    const AceImport first = import_files({"list-opportunities-two-pages.json"});
    const Document after = with_ace_drafts(Document{}, first);
    const AceImport again = import_files({"list-opportunities-two-pages.json"}, after);
    ASSERT_TRUE(again.errors.empty()) << errors_text(again);
    EXPECT_TRUE(again.references.empty());
    EXPECT_EQ(again.launched, 3);
}

TEST(AceImport, TheDraftsAreStorable) {
    const AceImport read = import_files({"list-opportunities-two-pages.json"});
    const ReadResult back = read_document(write_document(with_ace_drafts(Document{}, read)));
    ASSERT_TRUE(back.document);
    EXPECT_EQ(back.document->references, read.references);
}

TEST(AceImport, RefusesForeignJsonWithAClearMessage) {
    const AceImport read = import_text(test::read_data("valid/product_example_v2.json"));
    EXPECT_TRUE(read.references.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(to_string(read.errors[0])
                  .rfind("input.json: not ACE output: expected what `aws "
                         "partnercentral-selling list-opportunities` prints",
                         0),
              0u)
        << errors_text(read);
}

TEST(AceImport, RefusesTextThatIsNotJsonSayingWhere) {
    const AceImport read = import_text("{\"OpportunitySummaries\": [ {\"Id\": \"O1\",");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_NE(read.errors[0].message.find("not valid JSON at line 1"), std::string::npos)
        << errors_text(read);
}

TEST(AceImport, RefusesAnEmptyFile) {
    EXPECT_EQ(errors_text(import_text("  \n")), "input.json: the file is empty\n");
}

TEST(AceImport, RefusesAnIdOfAnotherFormAndAddsNothingElse) {
    const AceImport read = import_text(R"({"OpportunitySummaries": [
        {"Id": "O1", "LifeCycle": {"Stage": "Launched"}},
        {"Id": "12345", "LifeCycle": {"Stage": "Launched"}}]})");
    EXPECT_TRUE(read.references.empty());
    EXPECT_EQ(errors_text(read), "input.json: OpportunitySummaries[1].Id: \"12345\" is not an ACE "
                                 "opportunity id (O and 1 to 19 digits)\n");
}

TEST(AceImport, RefusesAWronglyTypedValueOnTheWay) {
    const AceImport read = import_text(
        R"({"Id": "O1", "LifeCycle": {"Stage": "Launched"}, "Customer": {"Account": "Acme"}})");
    EXPECT_EQ(errors_text(read), "input.json: Customer.Account: must be an object\n");
}

TEST(AceImport, RefusesANameTheDocumentCouldNotStore) {
    const AceImport read = import_text(
        R"({"Id": "O1", "LifeCycle": {"Stage": "Launched"},
            "Customer": {"Account": {"CompanyName": "Acme\u001b[31m"}}})");
    EXPECT_TRUE(read.references.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_NE(read.errors[0].message.find("customer: must be a single line"), std::string::npos)
        << errors_text(read);
}

TEST(AceImport, NamesTheSecondPageOfAFileInMessages) {
    const std::string text = test::read_data("ace/list-opportunities-page1.json") + "\n{\"x\": 1}";
    EXPECT_EQ(errors_text(import_text(text)).rfind("input.json (page 2): not ACE output", 0), 0u);
}
