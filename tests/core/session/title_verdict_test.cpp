// One verdict on a record's title: the table's grade (Workspace::title_grade) and the editor's
// live check (Workspace::check_draft_title) agree, both count the customer's other titles, and
// the duplicate-URL finding reads the same in the document check and the editor.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/format/document_json.h"
#include "core/session/workspace.h"
#include "core/session/workspace_fixture.h"
#include "core/test_assets.h"

using namespace reftier;

namespace {

Reference reference(std::string id, std::string customer, std::string title) {
    Reference r;
    r.id = std::move(id);
    r.customer = std::move(customer);
    r.title = std::move(title);
    r.url = "https://example.com/" + r.id;
    r.workload = "serverless order processing";
    return r;
}

// Every row's table grade is what the editor says of the same record, unchanged.
void expect_table_and_editor_agree(Workspace& ws) {
    const std::vector<Reference> records = ws.document().references;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Workspace::TitleGrade table = ws.title_grade(i);
        const TitleReport& editor = ws.check_draft_title(records[i]);
        EXPECT_EQ(table.score, editor.score) << records[i].id << ": " << records[i].title;
        EXPECT_EQ(table.grade, editor.grade) << records[i].id << ": " << records[i].title;
    }
}

bool has_code(const TitleReport& report, std::string_view code) {
    for (const Finding& f : report.findings)
        if (f.code == code) return true;
    return false;
}

} // namespace

TEST(TitleVerdict, TableAndEditorAgreeOnEverySampleRecord) {
    ReadResult sample = read_document(test::read_asset("samples/sample.json"));
    ASSERT_TRUE(sample.document);
    ASSERT_FALSE(sample.document->references.empty());
    Workspace ws;
    test::load_workspace(ws, std::move(*sample.document));
    expect_table_and_editor_agree(ws);
}

// The corpus titles as references of five customers, each title twice for one of them, so
// exact and near repeats of one customer's titles are in play.
TEST(TitleVerdict, TableAndEditorAgreeOnCorpusRecords) {
    const nlohmann::json corpus = nlohmann::json::parse(test::read_data("titles/corpus.json"));
    const char* const kCustomers[] = {"Acme Retail", "Globex", "Initech", "Umbrella", "Hooli"};
    Document document;
    int n = 0;
    for (const nlohmann::json& entry : corpus.at("titles")) {
        const std::string title = entry.at("title").get<std::string>();
        const std::string customer = kCustomers[n % 5];
        document.references.push_back(reference("r-" + std::to_string(n), customer, title));
        if (n % 7 == 0)
            document.references.push_back(
                reference("r-" + std::to_string(n) + "-again", customer, title + "."));
        ++n;
    }
    Workspace ws;
    test::load_workspace(ws, std::move(document));
    expect_table_and_editor_agree(ws);
}

TEST(TitleVerdict, TableGradeCountsTheCustomersOtherTitles) {
    const std::string title = "Serverless Order Processing Cuts Cost in Retail";
    Document document;
    document.references = {reference("r-1", "Acme Retail", title),
                           reference("r-2", "ACME retail", title + "!"),
                           reference("r-3", "Globex", title)};
    Workspace ws;
    test::load_workspace(ws, std::move(document));
    EXPECT_EQ(ws.title_grade(0).grade, Grade::Weak); // r-2 is the same customer, same title
    EXPECT_EQ(ws.title_grade(1).grade, Grade::Weak);
    EXPECT_EQ(ws.title_grade(2).grade, Grade::Strong); // another customer
    EXPECT_TRUE(has_code(ws.check_draft_title(ws.document().references[0]), "title-duplicate"));
}

TEST(TitleVerdict, EditingATitleRegradesTheCustomersOtherRows) {
    const std::string title = "Serverless Order Processing Cuts Cost in Retail";
    Document document;
    document.references = {reference("r-1", "Acme Retail", title),
                           reference("r-2", "Acme Retail", title)};
    Workspace ws;
    test::load_workspace(ws, std::move(document));
    ASSERT_EQ(ws.title_grade(0).grade, Grade::Weak);
    Reference changed = ws.document().references[1];
    changed.title = "Data Lake on Amazon S3 Speeds Up Analytics for Retail";
    ws.upsert_reference(changed);
    EXPECT_EQ(ws.title_grade(0).grade, Grade::Strong);
    ASSERT_TRUE(ws.undo());
    EXPECT_EQ(ws.title_grade(0).grade, Grade::Weak);
}

TEST(TitleVerdict, MovingAReferenceToAnotherCustomerRegradesBoth) {
    const std::string title = "Serverless Order Processing Cuts Cost in Retail";
    Document document;
    document.references = {reference("r-1", "Acme Retail", title),
                           reference("r-2", "Acme Retail", title),
                           reference("r-3", "Globex", title)};
    Workspace ws;
    test::load_workspace(ws, std::move(document));
    ASSERT_EQ(ws.title_grade(0).grade, Grade::Weak);
    ASSERT_EQ(ws.title_grade(2).grade, Grade::Strong);
    Reference moved = ws.document().references[1];
    moved.customer = "Globex";
    ws.upsert_reference(moved);
    EXPECT_EQ(ws.title_grade(0).grade, Grade::Strong);
    EXPECT_EQ(ws.title_grade(2).grade, Grade::Weak);
}

TEST(TitleVerdict, ServicesOfTheDraftCountBeforeItIsSaved) {
    Reference draft = reference("r-new", "Acme Retail", "Widgetizer Cuts Cost for Retail Stores");
    Workspace ws;
    test::load_workspace(ws, Document{});
    EXPECT_TRUE(has_code(ws.check_draft_title(draft), "title-no-technology"));
    draft.services = {"Widgetizer"};
    EXPECT_FALSE(has_code(ws.check_draft_title(draft), "title-no-technology"));
}

TEST(TitleVerdict, DuplicateUrlReadsTheSameInTheDocumentAndTheEditor) {
    Document document;
    document.references = {reference("r-1", "Acme Retail", "Serverless Order Processing"),
                           reference("r-2", "Globex", "Data Lake on Amazon S3")};
    document.references[1].url = document.references[0].url;
    Workspace ws;
    test::load_workspace(ws, std::move(document));
    const DocumentCheck& check = ws.reference_check();
    const std::vector<Finding> of_reference = findings_of(check, ws.document().references, 1);
    const Finding* in_document = nullptr;
    for (const Finding& f : of_reference)
        if (f.code == "duplicate-url") in_document = &f;
    ASSERT_NE(in_document, nullptr);
    const Finding* in_editor = nullptr;
    for (const Finding& f : ws.check_draft_reference(ws.document().references[1]))
        if (f.code == "duplicate-url") in_editor = &f;
    ASSERT_NE(in_editor, nullptr);
    EXPECT_EQ(in_editor->severity, in_document->severity);
    EXPECT_EQ(in_editor->message, in_document->message);
    EXPECT_EQ(in_editor->related_id, "r-1");
    EXPECT_EQ(in_editor->path, "url");
}

// A customer with hundreds of references: exact repeats are found anywhere in the document,
// near-same titles among the nearest kNearTitleWindow, so a grade stays cheap.
TEST(TitleVerdict, ManyTitlesOfOneCustomerAreComparedWithinAWindow) {
    Document document;
    for (int i = 0; i < 300; ++i)
        document.references.push_back(
            reference("r-" + std::to_string(i), "Acme Retail",
                      "Store " + std::to_string(i) + " Moves Its Order Processing to AWS Lambda"));
    document.references[299].title = document.references[0].title; // far apart, the same
    document.references[151].title = "Store 150 Moved Its Order Processing to AWS Lambda";
    Workspace ws;
    test::load_workspace(ws, std::move(document));
    EXPECT_TRUE(has_code(ws.check_draft_title(ws.document().references[299]), "title-duplicate"));
    EXPECT_TRUE(
        has_code(ws.check_draft_title(ws.document().references[151]), "title-near-duplicate"));
    EXPECT_FALSE(has_code(ws.check_draft_title(ws.document().references[20]), "title-duplicate"));
}

// Many references of few customers, some titles repeated, so siblings and repeats count.
static Document many_references(std::size_t count) {
    Document document;
    const char* customers[] = {"Acme Retail", "Globex Bank", "Initech"};
    for (std::size_t i = 0; i < count; ++i)
        document.references.push_back(
            reference("r-" + std::to_string(i), customers[i % 3],
                      "Serverless checkout cut costs by " + std::to_string(i % 40) + "%"));
    return document;
}

TEST(TitleVerdict, LookupBuiltOverManyCallsGradesAsOneBuiltAtOnce) {
    Workspace sliced, whole;
    test::load_workspace(sliced, many_references(3000));
    test::load_workspace(whole, many_references(3000));
    int calls = 1;
    // A budget of 0 ms does one slice a call: 512 rows, or one index sorted.
    while (!sliced.title_lookup_within(0)) {
        EXPECT_TRUE(sliced.title_lookup_pending());
        EXPECT_FALSE(sliced.known_title_grade(7).has_value());
        ++calls;
    }
    EXPECT_GE(calls, 6) << "3000 rows in slices of 512, then three sorts";
    EXPECT_FALSE(sliced.title_lookup_pending());
    for (std::size_t i = 0; i < 3000; i += 97) {
        const auto grade = sliced.known_title_grade(i);
        ASSERT_TRUE(grade.has_value());
        EXPECT_EQ(grade->score, whole.title_grade(i).score) << i;
        EXPECT_EQ(grade->grade, whole.title_grade(i).grade) << i;
    }
}

TEST(TitleVerdict, AGradeAlreadyKnownIsShownWhileTheLookupIsRebuilt) {
    Workspace ws;
    test::load_workspace(ws, many_references(2000));
    const Workspace::TitleGrade before = ws.title_grade(5);
    Reference edited = ws.document().references[9];
    edited.title = "Globex Bank moved payments to Amazon Aurora and saved 30%";
    ASSERT_TRUE(ws.upsert_reference(edited).made);
    ASSERT_FALSE(ws.title_lookup_within(0)); // the edit dropped the lookup; rebuilding
    const auto kept = ws.known_title_grade(5);
    ASSERT_TRUE(kept.has_value()) << "row 5's customer is not row 9's: its grade stays";
    EXPECT_EQ(kept->score, before.score);
    EXPECT_FALSE(ws.known_title_grade(9).has_value()) << "the edited row waits for the lookup";
}

TEST(TitleVerdict, AStoredGradeIsOnlyOneAlreadyChecked) {
    Workspace ws;
    test::load_workspace(ws, many_references(200));
    ASSERT_TRUE(ws.title_lookup_within(Workspace::kNoBudget));
    EXPECT_FALSE(ws.stored_title_grade(3).has_value()) << "the lookup alone grades no title";
    const auto known = ws.known_title_grade(3);
    ASSERT_TRUE(known.has_value());
    const auto stored = ws.stored_title_grade(3);
    ASSERT_TRUE(stored.has_value()) << "known_title_grade keeps the grade it checked";
    EXPECT_EQ(stored->score, known->score);
    EXPECT_EQ(stored->grade, known->grade);
    EXPECT_FALSE(ws.stored_title_grade(4).has_value());
}

TEST(TitleVerdict, AKnownGradeWithoutLeaveToCheckIsOnlyAStoredOne) {
    Workspace ws;
    test::load_workspace(ws, many_references(200));
    ASSERT_TRUE(ws.title_lookup_within(Workspace::kNoBudget));
    EXPECT_FALSE(ws.known_title_grade(3, false).has_value()) << "nothing checked yet";
    EXPECT_FALSE(ws.stored_title_grade(3).has_value()) << "and nothing checked by asking";
    const auto checked = ws.known_title_grade(3);
    ASSERT_TRUE(checked.has_value());
    const auto kept = ws.known_title_grade(3, false);
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->score, checked->score);
}

TEST(TitleVerdict, AnEditWhileTheLookupIsBuiltStartsTheBuildOver) {
    Document document = many_references(3000);
    const std::string repeated = "Globex Bank moved payments to Amazon Aurora and saved 30%";
    document.references[2998].title = repeated; // Globex Bank's, past the rows hashed below
    Workspace ws;
    test::load_workspace(ws, document);
    ASSERT_FALSE(ws.title_lookup_within(0));
    ASSERT_FALSE(ws.title_lookup_within(0));        // rows 0-1023 hashed, row 1 with its old title
    Reference edited = ws.document().references[1]; // Globex Bank's too
    edited.title = repeated;
    ASSERT_TRUE(ws.upsert_reference(edited).made);
    EXPECT_FALSE(ws.title_lookup_pending()) << "the edit dropped the half-built lookup";
    while (!ws.title_lookup_within(0)) EXPECT_TRUE(ws.title_lookup_pending());
    EXPECT_TRUE(has_code(ws.check_draft_title(ws.document().references[2998]), "title-duplicate"))
        << "row 1 is hashed with the title it has now";
}
