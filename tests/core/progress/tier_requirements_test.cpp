// Tier requirements beside the references: each counted from the partner's scorecard, the
// current tier the highest whose every requirement is met (tiers are a ladder), and the next
// tier held back by what is missing.
#include <gtest/gtest.h>

#include "core/model/date.h"
#include "core/progress/progress_fixtures.h"
#include "core/progress/progress_text.h"
#include "core/progress/tier_progress.h"
#include "core/test_assets.h"

using namespace reftier;
using reftier::test::clean_check;
using reftier::test::iso;

namespace {

const Date kToday = iso("2026-11-16"); // a Monday

// Select needs 1 reference and 3 launched opportunities, Advanced 2 and 20.
RuleSet scorecard_rules() {
    RuleSet rules;
    rules.id = "our-scorecard";
    rules.name = "Our scorecard";
    rules.source = "Partner Scorecard";
    rules.tiers = {
        {"Registered", 0, {}, nullptr},
        {"Select", 1, {{"launched_opportunities", "Launched Opportunities", 3, nullptr}}, nullptr},
        {"Advanced",
         2,
         {{"launched_opportunities", "Launched Opportunities", 20, nullptr},
          {"csat_responses", "Customer Satisfaction Responses", 20, nullptr}},
         nullptr}};
    return rules;
}

Document with_references(int count) {
    Document document;
    for (int i = 1; i <= count; ++i)
        document.references.push_back(test::numbered_reference(i, Status::Approved));
    return document;
}

TierProgress progress(const Document& document, const RuleSet& rules = scorecard_rules()) {
    return compute_tier_progress(document, clean_check(document), rules, kToday);
}

} // namespace

TEST(TierRequirements, ATierIsHeldBackByAScorecardRequirement) {
    Document document = with_references(2); // enough references for Advanced
    document.partner.scorecard = {{"launched_opportunities", 3}, {"csat_responses", 25}};
    const TierProgress result = progress(document);
    EXPECT_EQ(result.current_tier, "Select");
    ASSERT_TRUE(result.next_tier);
    EXPECT_EQ(*result.next_tier, "Advanced");
    const TierStatus& advanced = result.tiers[2];
    EXPECT_TRUE(advanced.references_met);
    EXPECT_FALSE(advanced.requirements_met);
    EXPECT_FALSE(advanced.reached);
    ASSERT_EQ(advanced.requirements.size(), 2u);
    EXPECT_EQ(advanced.requirements[0].have, 3);
    EXPECT_FALSE(advanced.requirements[0].met);
    EXPECT_EQ(advanced.requirements[0].missing, 17);
    EXPECT_TRUE(advanced.requirements[1].met);
    EXPECT_EQ(holding_back(advanced), (std::vector<std::string>{"17 more Launched Opportunities"}));
    EXPECT_EQ(next_tier_text(result),
              "Next: Advanced, held back by 17 more Launched Opportunities");
}

TEST(TierRequirements, ARequirementWithoutACountIsNotMet) {
    Document document = with_references(1);
    const TierProgress result = progress(document);
    EXPECT_EQ(result.current_tier, "Registered");
    const RequirementStatus& launched = result.tiers[1].requirements[0];
    EXPECT_FALSE(launched.have);
    EXPECT_FALSE(launched.met);
    EXPECT_EQ(launched.missing, 3);
    EXPECT_EQ(requirement_text(launched), "Launched Opportunities: not entered (3 required): "
                                          "enter it from your Partner Scorecard");
}

TEST(TierRequirements, EveryRequirementMetReachesTheTier) {
    Document document = with_references(2);
    document.partner.scorecard = {{"launched_opportunities", 20}, {"csat_responses", 20}};
    const TierProgress result = progress(document);
    EXPECT_EQ(result.current_tier, "Advanced");
    EXPECT_FALSE(result.next_tier);
    EXPECT_EQ(requirement_text(result.tiers[2].requirements[0]),
              "Launched Opportunities: 20 of 20, met");
}

TEST(TierRequirements, TiersAreALadderSoAHigherTierWaitsForTheOneBelow) {
    RuleSet rules = scorecard_rules();
    rules.tiers[2].requirements.clear();    // Advanced asks for nothing beyond references
    Document document = with_references(2); // but Select's launched opportunities are missing
    const TierProgress result = progress(document, rules);
    EXPECT_FALSE(result.tiers[1].reached);
    EXPECT_FALSE(result.tiers[2].reached);
    EXPECT_EQ(result.current_tier, "Registered");
    EXPECT_EQ(*result.next_tier, "Select");
}

TEST(TierRequirements, BothReferencesAndRequirementsAreNamedWhenBothHoldATierBack) {
    Document document = with_references(1);
    document.partner.scorecard = {{"launched_opportunities", 3}};
    const TierProgress result = progress(document);
    EXPECT_EQ(
        holding_back(result.tiers[2]),
        (std::vector<std::string>{"1 more approved reference", "17 more Launched Opportunities",
                                  "Customer Satisfaction Responses (not entered)"}));
}

TEST(TierRequirements, ScorecardCountsAboveTheRequirementAreMet) {
    Document document = with_references(1);
    document.partner.scorecard = {{"launched_opportunities", 300}};
    EXPECT_EQ(progress(document).current_tier, "Select");
}

TEST(TierRequirements, ShippedServicesPathIsReachedByTheScorecardAlone) {
    const RuleSetsLoad load = load_rule_sets_text(test::read_asset("tier_rules.json"));
    const RuleSet* path = find_rule_set(load.rule_sets, "aws-services-path-2023");
    ASSERT_NE(path, nullptr);
    Document document; // no references: the 2023 guide asks for none
    document.partner.scorecard = {{"accredited_individuals", 4},
                                  {"foundational_certified_individuals", 2},
                                  {"technical_certified_individuals", 2},
                                  {"launched_opportunities", 3},
                                  {"monthly_recurring_revenue", 1500}};
    const TierProgress result = progress(document, *path);
    EXPECT_EQ(result.current_tier, "Select");
    EXPECT_EQ(next_tier_text(result).rfind("Next: Advanced, held back by 4 more Accredited "
                                           "Individuals",
                                           0),
              0u)
        << next_tier_text(result);
}
