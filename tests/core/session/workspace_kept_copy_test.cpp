// An Undo step that holds the name of a copy kept aside in storage instead of the replaced
// document (Workspace::replace_checked_document's `kept_as`): the app reads the copy back and
// hands it over (undo_with_kept_copy), or forgets the history it needed when it cannot.
#include <gtest/gtest.h>

#include <string>

#include "core/session/workspace.h"

using namespace reftier;

namespace {

Document named(const char* partner, int references) {
    Document document;
    document.partner.name = partner;
    for (int i = 0; i < references; ++i) {
        Reference r;
        r.id = "r-" + std::to_string(i);
        r.customer = "Acme Cloud";
        r.title = "Migration " + std::to_string(i) + " to Amazon EKS";
        r.url = "https://example.org/story/" + std::to_string(i);
        r.workload = "Containers";
        document.references.push_back(std::move(r));
    }
    return document;
}

} // namespace

TEST(WorkspaceKeptCopy, ReplacingWithAKeptCopyNeedsItForUndo) {
    Workspace ws;
    ws.load_without_history(named("A", 3));
    ASSERT_TRUE(
        ws.replace_checked_document(named("B", 2), "the import of b.json", "before-import-1"));
    EXPECT_EQ(ws.document().partner.name, "B");
    EXPECT_TRUE(ws.can_undo());
    EXPECT_EQ(ws.undo_needs_kept_copy(), "before-import-1");
    EXPECT_EQ(ws.undo_description(), "the import of b.json");
}

TEST(WorkspaceKeptCopy, PlainUndoIsRefusedAndChangesNothing) {
    Workspace ws;
    ws.load_without_history(named("A", 3));
    ws.replace_checked_document(named("B", 2), "the import", "kept");
    const std::uint64_t revision = ws.revision();
    const EditResult result = ws.undo();
    EXPECT_FALSE(result);
    EXPECT_FALSE(result.refused.empty());
    EXPECT_EQ(ws.document().partner.name, "B");
    EXPECT_EQ(ws.revision(), revision);
    EXPECT_EQ(ws.undo_needs_kept_copy(), "kept");
}

TEST(WorkspaceKeptCopy, UndoWithTheCopyBringsItBackAndRedoNeedsNoCopy) {
    Workspace ws;
    ws.load_without_history(named("A", 3));
    ws.replace_checked_document(named("B", 2), "the import", "kept");
    ASSERT_TRUE(ws.undo_with_kept_copy("kept", named("A", 3)));
    EXPECT_EQ(ws.document().partner.name, "A");
    EXPECT_EQ(ws.document().references.size(), 3u);
    EXPECT_FALSE(ws.can_undo());
    EXPECT_EQ(ws.redo_description(), "the import");
    ASSERT_TRUE(ws.redo());
    EXPECT_EQ(ws.document().partner.name, "B");
    EXPECT_TRUE(ws.undo_needs_kept_copy().empty()); // the redone step holds A in memory now
    ASSERT_TRUE(ws.undo());
    EXPECT_EQ(ws.document().partner.name, "A");
}

TEST(WorkspaceKeptCopy, OlderStepsStillUndoAfterTheCopyIsBack) {
    Workspace ws;
    ws.load_without_history(named("A", 3));
    ws.replace_document(named("Z", 1)); // an in-memory step below the kept one
    ws.replace_checked_document(named("B", 2), "the import", "kept");
    ASSERT_TRUE(ws.undo_with_kept_copy("kept", named("Z", 1)));
    ASSERT_TRUE(ws.undo());
    EXPECT_EQ(ws.document().partner.name, "A");
}

TEST(WorkspaceKeptCopy, AStepMadeSinceTheUndoBeganRefusesTheCopy) {
    Workspace ws;
    ws.load_without_history(named("A", 3));
    ws.replace_checked_document(named("B", 2), "the import", "kept");
    Reference edited = ws.document().references[0];
    edited.title = "Migration to Amazon EKS for the whole fleet";
    ASSERT_TRUE(ws.upsert_reference(edited));
    EXPECT_TRUE(ws.undo_needs_kept_copy().empty());
    EXPECT_FALSE(ws.undo_with_kept_copy("kept", named("A", 3)));
    EXPECT_EQ(ws.document().partner.name, "B");
    EXPECT_EQ(ws.document().references[0].title, edited.title);
}

TEST(WorkspaceKeptCopy, ForgettingALostCopyDropsItsStepAndTheOlderOnes) {
    Workspace ws;
    ws.load_without_history(named("A", 3));
    ws.replace_document(named("Z", 1));
    ws.replace_checked_document(named("B", 2), "the import", "kept");
    Reference edited = ws.document().references[0];
    edited.title = "Migration to Amazon EKS for the whole fleet";
    ws.upsert_reference(edited);
    ws.forget_undo_from_kept_copy("kept");
    EXPECT_TRUE(ws.can_undo()); // the newer edit stays
    ASSERT_TRUE(ws.undo());
    EXPECT_EQ(ws.document().partner.name, "B");
    EXPECT_FALSE(ws.can_undo());
}
