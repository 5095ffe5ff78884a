#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/session/workspace.h"
#include "core/session/workspace_fixture.h"
#include "core/test_assets.h"

using namespace reftier;

namespace {

using Rows = std::vector<std::uint32_t>;

Document document_of(int count) {
    Document document;
    const char* const kCustomers[] = {"Acme Cloud", "Globex", "Initech Cloud Labs", "Umbrella"};
    for (int i = 0; i < count; ++i) {
        Reference r;
        r.id = "r-" + std::to_string(i);
        r.customer = kCustomers[i % 4];
        r.title = "Migration " + std::to_string(i % 97) + " to Amazon EKS";
        r.url = "https://example.org/story/" + std::to_string(i);
        r.workload = "Containers";
        document.references.push_back(std::move(r));
    }
    return document;
}

ReferenceQuery text_query(std::string text) {
    ReferenceQuery query;
    query.text = std::move(text);
    return query;
}

} // namespace

TEST(Workspace, QueryRowsWithoutBudgetAreCompleteAtOnce) {
    Workspace ws;
    test::load_workspace(ws, document_of(1000));
    const Rows rows = ws.query_rows(text_query("cloud"));
    EXPECT_FALSE(ws.query_pending());
    EXPECT_EQ(rows, run_reference_query(ws.document().references, {}, text_query("cloud")));
    EXPECT_EQ(rows.size(), 500u);
}

TEST(Workspace, QueryOverBudgetKeepsTheLastRowsUntilItIsDone) {
    Workspace ws;
    test::load_workspace(ws, document_of(20000));
    const Rows all = ws.query_rows(ReferenceQuery{});
    ASSERT_EQ(all.size(), 20000u);
    // A zero budget still examines one slice a call, so the query finishes after a few calls.
    Rows rows = ws.query_rows(text_query("initech"), 0);
    EXPECT_TRUE(ws.query_pending());
    EXPECT_EQ(rows, all);
    EXPECT_GT(ws.query_progress(), 0.f);
    EXPECT_LT(ws.query_progress(), 1.f);
    // Bounded: a query that never finishes fails here instead of hanging the suite.
    int calls = 1;
    for (; ws.query_pending() && calls < 10000; ++calls)
        rows = ws.query_rows(text_query("initech"), 0);
    ASSERT_FALSE(ws.query_pending());
    EXPECT_GT(calls, 2);
    EXPECT_EQ(rows, run_reference_query(ws.document().references, {}, text_query("initech")));
}

TEST(Workspace, TypingOnNarrowsToTheSameRowsAsAFreshQuery) {
    Workspace ws;
    test::load_workspace(ws, document_of(3000));
    for (const char* text : {"c", "cl", "clo", "cloud", "cloud l"}) {
        const Rows rows = ws.query_rows(text_query(text));
        EXPECT_EQ(rows, run_reference_query(ws.document().references, {}, text_query(text)))
            << text;
    }
    const Rows wider = ws.query_rows(text_query("c")); // deleting text widens again
    EXPECT_EQ(wider, run_reference_query(ws.document().references, {}, text_query("c")));
}

// Calls of query_rows with a zero budget (one slice each) until `text` is filtered.
static int slices_to_filter(Workspace& ws, const char* text, int at_most = 10000) {
    int calls = 0;
    do ++calls;
    while (ws.query_rows(text_query(text), 0), ws.query_pending() && calls < at_most);
    return calls;
}

TEST(Workspace, AKeyTypedBeforeTheFilterIsDoneCarriesOnFromWhereItIs) {
    Workspace fresh;
    test::load_workspace(fresh, document_of(20000));
    fresh.query_rows(ReferenceQuery{});
    const int glob_slices = slices_to_filter(fresh, "glob");
    ASSERT_GT(glob_slices, 100);

    Workspace ws;
    test::load_workspace(ws, document_of(20000));
    ws.query_rows(ReferenceQuery{});
    slices_to_filter(ws, "glob", glob_slices - 1); // one slice short of done
    ASSERT_TRUE(ws.query_pending());
    // "globe" is left with the quarter of the rows that matched "glob", not all 20,000.
    const int globe_slices = slices_to_filter(ws, "globe");
    EXPECT_LT(globe_slices, glob_slices / 3);
    EXPECT_EQ(ws.query_rows(text_query("globe")),
              run_reference_query(ws.document().references, {}, text_query("globe")));
}

TEST(Workspace, ChangingTheSortResortsTheFilteredRows) {
    Workspace ws;
    test::load_workspace(ws, document_of(200));
    ReferenceQuery query = text_query("globex");
    query.sort_column = ReferenceColumn::Title;
    query.descending = true;
    EXPECT_EQ(ws.query_rows(query), run_reference_query(ws.document().references, {}, query));
}

TEST(Workspace, AnEditNeverLeavesRowsPointingPastTheDocument) {
    Workspace ws;
    test::load_workspace(ws, document_of(10));
    ASSERT_EQ(ws.query_rows(ReferenceQuery{}).size(), 10u);
    ASSERT_TRUE(ws.remove_reference("r-9"));
    const Rows rows = ws.query_rows(ReferenceQuery{});
    EXPECT_EQ(rows.size(), 9u);
    for (std::uint32_t index : rows) EXPECT_LT(index, 9u);
}

TEST(Workspace, TitleGradeIsTheTitleChecksScoreAndGrade) {
    Workspace ws;
    test::load_workspace(ws, document_of(4));
    for (std::size_t i = 0; i < 4; ++i) {
        const Reference& r = ws.document().references[i];
        TitleContext context;
        context.customer = r.customer;
        context.workload = r.workload;
        context.want_suggestion = false;
        const TitleReport report = check_title(r.title, context, *ws.title_rules());
        EXPECT_EQ(ws.title_grade(i).score, report.score);
        EXPECT_EQ(ws.title_grade(i).grade, report.grade);
    }
}

TEST(Workspace, SortingByGradeOrdersByTitleScore) {
    Workspace ws;
    test::load_workspace(ws, document_of(50));
    ReferenceQuery query;
    query.sort_column = ReferenceColumn::Grade;
    const Rows rows = ws.query_rows(query);
    ASSERT_EQ(rows.size(), 50u);
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_LE(ws.title_grade(rows[i - 1]).score, ws.title_grade(rows[i]).score);
}

TEST(Workspace, SortingByGradeOverBudgetGradesOrdersAndFiltersOverCalls) {
    Workspace ws;
    test::load_workspace(ws, document_of(2000));
    ReferenceQuery query;
    query.sort_column = ReferenceColumn::Grade;
    query.descending = true;
    Workspace at_once;
    test::load_workspace(at_once, document_of(2000));
    const Rows expected = at_once.query_rows(query);
    // Each stage in turn (every title's grade, the order, the filter), a slice a call.
    float progress = 0;
    int calls = 0;
    for (; calls < 100000; ++calls) {
        const Rows& rows = ws.query_rows(query, 0);
        if (!ws.query_pending()) {
            EXPECT_EQ(rows, expected);
            break;
        }
        EXPECT_TRUE(rows.empty()); // nothing shown before the rows are whole
        EXPECT_GE(ws.query_progress(), progress);
        progress = ws.query_progress();
    }
    ASSERT_FALSE(ws.query_pending());
    EXPECT_GT(calls, 2000 / 8); // at least the grades, 8 titles a slice
    EXPECT_EQ(ws.query_progress(), 1.f);
}

TEST(Workspace, ReferenceCheckOverBudgetIsReadyAfterSomeCalls) {
    Workspace ws;
    test::load_workspace(ws, document_of(3000));
    EXPECT_EQ(ws.reference_check_within(0), nullptr); // one slice of 3,000 references
    EXPECT_GT(ws.reference_check_progress(), 0.f);
    const DocumentCheck* check = nullptr;
    for (int calls = 0; !check && calls < 10000; ++calls) check = ws.reference_check_within(0);
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(ws.reference_check_progress(), 1.f);
    EXPECT_EQ(check->has_error.size(), 3000u);
    EXPECT_EQ(&ws.reference_check(), check); // kept until the next change
}

TEST(Workspace, AnEditRestartsAReferenceCheckInProgress) {
    Workspace ws;
    test::load_workspace(ws, document_of(3000));
    EXPECT_EQ(ws.reference_check_within(0), nullptr);
    ASSERT_TRUE(ws.remove_reference("r-0"));
    EXPECT_EQ(ws.reference_check_progress(), 0.f);
    EXPECT_EQ(ws.reference_check().has_error.size(), 2999u);
}

TEST(Workspace, RowsAfterEditsUndoAndRedoEqualAFreshQuery) {
    Workspace ws;
    test::load_workspace(ws, document_of(300));
    ReferenceQuery query = text_query("cloud");
    query.sort_column = ReferenceColumn::Title;
    auto expect_fresh = [&](const char* step) {
        EXPECT_EQ(ws.query_rows(query), run_reference_query(ws.document().references, {}, query))
            << step;
    };
    expect_fresh("start");
    Reference added = ws.document().references[7];
    added.id = "r-new";
    added.title = "Another cloud story";
    ws.upsert_reference(added);
    expect_fresh("inserted");
    ASSERT_TRUE(ws.remove_reference("r-3"));
    expect_fresh("erased");
    while (ws.undo()) expect_fresh("undo");
    while (ws.redo()) expect_fresh("redo");
}

// Issue 18: saving a reference re-sorted the table under the pointer.
TEST(Workspace, AnEditedRowKeepsItsPlaceUntilTheUserSortsAgain) {
    Workspace ws;
    test::load_workspace(ws, document_of(300));
    ReferenceQuery query = text_query("cloud");
    query.sort_column = ReferenceColumn::Title;
    const Rows before = ws.query_rows(query);
    ASSERT_GT(before.size(), 2u);
    const std::uint32_t last = before.back();
    Reference changed = ws.document().references[last];
    changed.title = "A cloud title that sorts first";
    ws.upsert_reference(changed);
    EXPECT_EQ(ws.query_rows(query), before); // the same rows in the same places
    ASSERT_TRUE(ws.undo());
    EXPECT_EQ(ws.query_rows(query), before);
    ASSERT_TRUE(ws.redo());
    // The user sorts again (descending, then back): the new title takes its place.
    ReferenceQuery descending = query;
    descending.descending = true;
    ws.query_rows(descending);
    const Rows sorted = ws.query_rows(query);
    EXPECT_EQ(sorted, run_reference_query(ws.document().references, {}, query));
    EXPECT_EQ(sorted.front(), last);
}

TEST(Workspace, AGradeKeptForAnUnchangedRowFollowsItAfterAnErase) {
    Workspace ws;
    test::load_workspace(ws, document_of(6));
    const Workspace::TitleGrade last = ws.title_grade(5);
    Reference changed = ws.document().references[2];
    changed.title = "x";
    ws.upsert_reference(changed);
    EXPECT_LT(ws.title_grade(2).score, 50); // the changed row was checked again
    ASSERT_TRUE(ws.remove_reference("r-0"));
    EXPECT_EQ(ws.title_grade(4).score, last.score);
}

TEST(Workspace, DraftWithAnotherReferencesUrlGetsADuplicateUrlError) {
    Workspace ws;
    test::load_workspace(ws, document_of(50));
    Reference draft = ws.document().references[10];
    draft.id = "r-draft";
    draft.url = "https://EXAMPLE.org/story/20/"; // the same page as r-20, written differently
    const std::vector<Finding>& findings = ws.check_draft_reference(draft);
    std::vector<std::string> related;
    for (const Finding& f : findings)
        if (f.code == "duplicate-url") related.push_back(f.related_id);
    EXPECT_EQ(related, std::vector<std::string>{"r-20"});
}

TEST(Workspace, AnEditedReferenceIsNotItsOwnDuplicate) {
    Workspace ws;
    test::load_workspace(ws, document_of(50));
    Reference same = ws.document().references[20];
    for (const Finding& f : ws.check_draft_reference(same)) EXPECT_NE(f.code, "duplicate-url");
    same.id = "r-copy"; // the same record under another id is a duplicate: the check does look
    const std::vector<Finding>& copy = ws.check_draft_reference(same);
    EXPECT_TRUE(std::any_of(copy.begin(), copy.end(),
                            [](const Finding& f) { return f.code == "duplicate-url"; }));
}

TEST(Workspace, DraftTitleIsComparedWithTheSameCustomersOtherTitles) {
    Workspace ws;
    test::load_workspace(ws, document_of(50));
    Reference draft = ws.document().references[0]; // Acme Cloud, "Migration 0 to Amazon EKS"
    draft.id = "r-draft";
    draft.customer = "  acme   CLOUD ";
    const TitleReport& report = ws.check_draft_title(draft);
    bool near_duplicate = false;
    for (const Finding& f : report.findings)
        near_duplicate |= f.code.find("duplicate") != std::string::npos;
    EXPECT_TRUE(near_duplicate);
    draft.customer = "Someone Else";
    for (const Finding& f : ws.check_draft_title(draft).findings)
        EXPECT_EQ(f.code.find("duplicate"), std::string::npos) << f.code;
}

TEST(Workspace, DraftChecksSeeTheDocumentAfterAnEdit) {
    Workspace ws;
    test::load_workspace(ws, document_of(10));
    Reference draft = ws.document().references[3];
    draft.id = "r-draft";
    ASSERT_FALSE(ws.check_draft_reference(draft).empty());
    const std::size_t before = ws.check_draft_reference(draft).size();
    ASSERT_TRUE(ws.remove_reference("r-3")); // the reference whose URL the draft repeats
    EXPECT_EQ(ws.check_draft_reference(draft).size(), before - 1);
}

TEST(Workspace, UndoKeepsAboutOneLargeDocumentBesidesTheOpenOne) {
    Workspace ws;
    auto large = [](const char* partner) {
        Document d = document_of(Workspace::kWholeUndoReferences / 2 + 1);
        d.partner.name = partner;
        return d;
    };
    ws.replace_document(large("A"));
    ws.replace_document(large("B"));
    ws.upsert_reference(ws.document().references.front()); // no change: no step
    ws.replace_document(large("C"));
    ASSERT_TRUE(ws.undo()); // back to B: the newest replace can always be undone
    EXPECT_EQ(ws.document().partner.name, "B");
    EXPECT_FALSE(ws.undo()); // A and the empty start were dropped
    ASSERT_TRUE(ws.redo());
    EXPECT_EQ(ws.document().partner.name, "C");
}

TEST(Workspace, SmallDocumentsKeepTheirWholeUndoHistory) {
    Workspace ws;
    for (const char* name : {"A", "B", "C"}) {
        Document d = document_of(10);
        d.partner.name = name;
        ws.replace_document(std::move(d));
    }
    int undos = 0;
    while (ws.undo()) ++undos;
    EXPECT_EQ(undos, 3);
    EXPECT_TRUE(ws.document().references.empty());
}

// Issue 18: Undo did not say what it undid.
TEST(WorkspaceUndo, DescribesEachStepByTheRecordItChanged) {
    Workspace ws;
    test::load_workspace(ws, document_of(2));
    EXPECT_EQ(ws.undo_description(), "");
    Reference edited = ws.document().references[0];
    edited.title = "Migration to Amazon EKS Cuts Cost";
    ws.upsert_reference(edited);
    EXPECT_EQ(ws.undo_description(),
              "the edit of Acme Cloud, \"Migration to Amazon EKS Cuts Cost\"");
    ws.remove_reference("r-1");
    EXPECT_EQ(ws.undo_description(), "deleting Globex, \"Migration 1 to Amazon EKS\"");
    ASSERT_TRUE(ws.undo());
    EXPECT_EQ(ws.redo_description(), "deleting Globex, \"Migration 1 to Amazon EKS\"");
    EXPECT_EQ(ws.undo_description(),
              "the edit of Acme Cloud, \"Migration to Amazon EKS Cuts Cost\"");
}

TEST(WorkspaceUndo, DescribesAccountsAndWholeDocumentSteps) {
    Workspace ws;
    test::load_workspace(ws, document_of(1));
    Account account;
    account.id = "111122223333";
    account.name = "Org management";
    ws.upsert_account(account, "");
    EXPECT_EQ(ws.undo_description(), "adding account Org management (111122223333)");
    ws.replace_document(Document{}, "clearing all");
    EXPECT_EQ(ws.undo_description(), "clearing all");
}

// Issue 18: Clear all kept "(sample)" in the partner's name.
TEST(ClearedDocument, DropsTheSampleMarkFromThePartnerName) {
    Document sample = document_of(3);
    sample.partner.name = "Northwind Cloud Partners (sample)";
    const Document cleared = cleared_document(sample);
    EXPECT_TRUE(cleared.references.empty());
    EXPECT_EQ(cleared.partner.name, "Northwind Cloud Partners");
    EXPECT_EQ(cleared.partner.rule_set, sample.partner.rule_set);
}

TEST(ClearedDocument, KeepsAnOwnPartnerNameAsItIs) {
    Document own = document_of(1);
    own.partner.name = "Acme (sample) Partners";
    EXPECT_EQ(cleared_document(own).partner.name, "Acme (sample) Partners");
}
