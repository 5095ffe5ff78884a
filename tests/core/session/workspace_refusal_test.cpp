// Every Workspace edit asks the storable rule first: what would not read back is refused in the
// reader's words, with its path, and the document stays as it was (issue 17).
#include <gtest/gtest.h>

#include "core/format/document_json.h"
#include "core/session/workspace.h"

using namespace reftier;

namespace {

Reference reference(std::string id) {
    Reference r;
    r.id = std::move(id);
    r.customer = "Acme Retail";
    r.url = "https://example.com/acme";
    return r;
}

Account account(std::string id) {
    Account a;
    a.id = std::move(id);
    a.name = "Project A";
    return a;
}

} // namespace

TEST(WorkspaceRefusal, RefusesThePartnerNameOfIssue17AndKeepsTheDocument) {
    Workspace ws;
    PartnerProfile partner;
    partner.name = std::string(4034, 'x');
    const EditResult result = ws.set_partner(partner);
    EXPECT_FALSE(result);
    EXPECT_EQ(result.message(), "partner.name: is 4034 bytes long; at most 2048 are allowed");
    EXPECT_EQ(ws.document().partner.name, "");
    EXPECT_FALSE(ws.can_undo());
}

TEST(WorkspaceRefusal, RefusesAReferenceWithAJavascriptUrlNamingItsPlace) {
    Workspace ws;
    ASSERT_TRUE(ws.upsert_reference(reference("r-1")));
    Reference bad = reference("r-2");
    bad.url = "javascript:alert(1)";
    const EditResult result = ws.upsert_reference(bad);
    ASSERT_EQ(result.refused.size(), 1u);
    EXPECT_EQ(result.refused[0].path, "references[1].url");
    EXPECT_EQ(ws.document().references.size(), 1u);
}

TEST(WorkspaceRefusal, RefusesAnAccountIdAnotherAccountHas) {
    Workspace ws;
    ASSERT_TRUE(ws.upsert_account(account("111122223333"), ""));
    ASSERT_TRUE(ws.upsert_account(account("444455556666"), ""));
    const EditResult result = ws.upsert_account(account("111122223333"), "444455556666");
    EXPECT_FALSE(result);
    EXPECT_NE(result.message().find("duplicate id \"111122223333\""), std::string::npos);
    EXPECT_EQ(ws.document().accounts[1].id, "444455556666");
}

TEST(WorkspaceRefusal, TakesTwoAccountsWithoutAnIdYet) {
    Workspace ws;
    EXPECT_TRUE(ws.upsert_account(account(""), ""));
    EXPECT_TRUE(ws.upsert_account(account(""), ""));
}

TEST(WorkspaceRefusal, RefusesAnImportThatWouldNotReadBackAndSaysHowManyProblems) {
    Workspace ws;
    Document incoming;
    incoming.references = {reference(""), reference("r-2"), reference("r-2")};
    incoming.references[1].notes = std::string(kMaxNotesBytes + 1, 'n');
    const EditResult result = ws.replace_document(incoming);
    EXPECT_FALSE(result);
    EXPECT_EQ(result.refused.size(), 3u);
    EXPECT_EQ(result.message(),
              "references[0].id: must not be empty: every reference needs an id (and 2 more)");
    EXPECT_TRUE(ws.document().references.empty());
}

TEST(WorkspaceRefusal, RefusesToUndoIntoAStateThatWouldNotReadBack) {
    // Only a document loaded from elsewhere can hold such a state; every edit is checked.
    Workspace ws;
    Document loaded;
    loaded.partner.name = "bad\nname";
    ws.load_without_history(loaded);
    PartnerProfile fixed;
    fixed.name = "Good name";
    ASSERT_TRUE(ws.set_partner(fixed));
    const EditResult undo = ws.undo();
    EXPECT_FALSE(undo);
    EXPECT_EQ(undo.refused.at(0).path, "partner.name");
    EXPECT_EQ(ws.document().partner.name, "Good name");
    EXPECT_TRUE(ws.can_undo()); // the step stays where it was
}

TEST(WorkspaceRefusal, AnEditThatChangesNothingIsNeitherMadeNorRefused) {
    Workspace ws;
    ASSERT_TRUE(ws.upsert_reference(reference("r-1")));
    const EditResult again = ws.upsert_reference(reference("r-1"));
    EXPECT_FALSE(again);
    EXPECT_TRUE(again.refused.empty());
    EXPECT_EQ(again.message(), "");
}

TEST(WorkspaceRefusal, RefusesARuleSetWhoseNameWouldNotReadBackAndKeepsTheDocument) {
    Workspace ws;
    RuleSet own;
    own.id = "our-scorecard";
    own.name = std::string(4034, 'x');
    own.source = "Partner Scorecard in Partner Central";
    own.tiers = {TierRule{"Registered", 0, {}, {}}};
    PartnerProfile partner;
    partner.rule_set = own.id;
    const EditResult result = ws.save_rule_set(own, partner);
    EXPECT_FALSE(result);
    EXPECT_EQ(result.message(), "rule_sets[0].name: is 4034 bytes long; at most 2048 are allowed");
    EXPECT_TRUE(ws.document().rule_sets.empty());
    EXPECT_FALSE(ws.can_undo());

    own.name = "Our scorecard";
    ASSERT_TRUE(ws.save_rule_set(own, partner));
    EXPECT_EQ(ws.document().rule_sets.size(), 1u);
    EXPECT_FALSE(ws.remove_rule_set("not-there", partner));
    ASSERT_TRUE(ws.remove_rule_set(own.id, PartnerProfile{}));
    EXPECT_TRUE(ws.document().rule_sets.empty());
    ASSERT_TRUE(ws.undo());
    EXPECT_EQ(ws.document().rule_sets.size(), 1u);
}
