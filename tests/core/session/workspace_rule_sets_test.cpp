// The Workspace with the partner's own rule sets: "Copy my scorecard" saved as one undo step,
// the active rule set and tier progress following it, and undo bringing the shipped one back.
#include <gtest/gtest.h>

#include "core/model/date.h"
#include "core/session/workspace.h"
#include "core/test_assets.h"

using namespace reftier;

namespace {

Workspace loaded_workspace() {
    Workspace workspace;
    EXPECT_TRUE(
        workspace
            .load_rules(test::read_asset("title_rules.json"), test::read_asset("tier_rules.json"))
            .empty());
    Document document;
    for (int i = 1; i <= 2; ++i) {
        Reference r;
        r.id = "r-000" + std::to_string(i);
        r.customer = i == 1 ? "Acme Retail" : "Globex Bank";
        r.title = i == 1 ? "DevOps and Cloud Culture Drive Velocity in Retail"
                         : "Introducing Serverless to Optimize Cost with Everyday Applications";
        r.url = "https://example.com/customers/" + std::to_string(i);
        r.workload = "serverless order processing";
        r.status = Status::Approved;
        document.references.push_back(r);
    }
    workspace.load_without_history(document);
    return workspace;
}

const Date kToday = test::iso("2026-11-30");

} // namespace

TEST(WorkspaceRuleSets, ANewDocumentUsesTheSourcedConsultingDefault) {
    Workspace ws = loaded_workspace();
    ASSERT_NE(ws.active_rule_set(), nullptr);
    EXPECT_EQ(ws.active_rule_set()->id, "apn-2021-consulting");
}

TEST(WorkspaceRuleSets, SavingTheScorecardCopyChangesTheTierAndUndoBringsItBack) {
    Workspace ws = loaded_workspace();
    // The shipped Select needs 3 launched opportunities and more: with no scorecard, Registered.
    EXPECT_EQ(ws.tier_progress(kToday).current_tier, "Registered");

    RuleSet copy = scorecard_copy(*ws.active_rule_set(), ws.rule_sets(), kToday);
    copy.tiers[1].requirements = {{"launched_opportunities", "Launched Opportunities", 3, nullptr}};
    PartnerProfile partner = ws.document().partner;
    partner.rule_set = copy.id;
    partner.scorecard["launched_opportunities"] = 4;
    ASSERT_TRUE(rule_set_problems(copy, partner).empty());
    ws.save_rule_set(copy, partner);

    EXPECT_EQ(ws.active_rule_set()->id, "our-scorecard");
    EXPECT_EQ(ws.tier_progress(kToday).current_tier, "Select");
    EXPECT_EQ(ws.document().rule_sets.size(), 1u);
    EXPECT_NE(find_rule_set(ws.rule_sets(), "our-scorecard"), nullptr);

    ASSERT_TRUE(ws.undo());
    EXPECT_TRUE(ws.document().rule_sets.empty());
    EXPECT_TRUE(ws.document().partner.scorecard.empty());
    EXPECT_EQ(ws.active_rule_set()->id, "apn-2021-consulting");
    EXPECT_EQ(ws.tier_progress(kToday).current_tier, "Registered");
    ASSERT_TRUE(ws.redo());
    EXPECT_EQ(ws.tier_progress(kToday).current_tier, "Select");
}

TEST(WorkspaceRuleSets, ARuleSetWithAShippedIdOverridesItInThisDocument) {
    Workspace ws = loaded_workspace();
    RuleSet own = *find_rule_set(ws.rule_sets(), "apn-2021-consulting");
    own.tiers[1].requirements.clear();
    own.source = "Partner Scorecard in Partner Central";
    ws.save_rule_set(own, ws.document().partner);
    EXPECT_EQ(ws.rule_sets().size(), 5u); // in the shipped one's place, not added
    EXPECT_EQ(ws.active_rule_set()->source, "Partner Scorecard in Partner Central");
    EXPECT_EQ(ws.tier_progress(kToday).current_tier, "Select");
}

TEST(WorkspaceRuleSets, SavingTheSameAgainIsNoUndoStep) {
    Workspace ws = loaded_workspace();
    RuleSet copy = scorecard_copy(*ws.active_rule_set(), ws.rule_sets(), kToday);
    ws.save_rule_set(copy, ws.document().partner);
    ws.save_rule_set(copy, ws.document().partner);
    ASSERT_TRUE(ws.undo());
    EXPECT_FALSE(ws.can_undo());
}

TEST(WorkspaceRuleSets, RemovingTheOwnRuleSetIsOneUndoStep) {
    Workspace ws = loaded_workspace();
    RuleSet copy = scorecard_copy(*ws.active_rule_set(), ws.rule_sets(), kToday);
    PartnerProfile partner = ws.document().partner;
    partner.rule_set = copy.id;
    ws.save_rule_set(copy, partner);
    PartnerProfile back = ws.document().partner;
    back.rule_set = "apn-2021-consulting";
    EXPECT_TRUE(ws.remove_rule_set(copy.id, back));
    EXPECT_TRUE(ws.document().rule_sets.empty());
    EXPECT_FALSE(ws.remove_rule_set("nothing-here", back));
    ASSERT_TRUE(ws.undo());
    EXPECT_EQ(ws.active_rule_set()->id, copy.id);
}
