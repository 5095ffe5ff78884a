// Rule sets: assets/tier_rules.json as shipped (every rule set sourced), its reader's rules, the
// partner's own rule sets in front of the shipped ones, the path change and "Copy my scorecard".
#include <gtest/gtest.h>

#include <algorithm>

#include "core/progress/rule_sets.h"
#include "core/test_assets.h"

using namespace reftier;
using nlohmann::json;

namespace {

// Two rule sets in the shipped shape, as JSON to break in each loading test.
json valid_rules() {
    return json::parse(R"({
      "rule_sets": [
        { "id": "a", "name": "A", "path": "consulting", "review_business_days": 5,
          "source": "a test", "verified": false,
          "tiers": [ { "name": "Registered", "required": 0 },
                     { "name": "Select", "required": 2,
                       "requirements": [ { "id": "launched_opportunities",
                                           "name": "Launched Opportunities", "required": 3 } ] } ] },
        { "id": "b", "name": "B", "path": "technology", "review_business_days": 5,
          "source": "a test", "verified": true,
          "tiers": [ { "name": "Registered", "required": 0 }, { "name": "Select", "required": 2 },
                     { "name": "Premier", "required": null } ] }
      ],
      "default": { "consulting": "a", "technology": "b" }
    })");
}

RuleSetsLoad load(const json& rules) {
    return load_rule_sets_text(rules.dump());
}

bool has_error(const RuleSetsLoad& load, std::string_view text) {
    return std::any_of(load.errors.begin(), load.errors.end(), [&](const std::string& error) {
        return error.find(text) != std::string::npos;
    });
}

std::string errors_text(const RuleSetsLoad& load) {
    std::string text;
    for (const std::string& error : load.errors) text += error + "\n";
    return text;
}

RuleSetsLoad shipped() {
    return load_rule_sets_text(test::read_asset("tier_rules.json"));
}

} // namespace

// The shipped rule sets ----------------------------------------------------------------------

TEST(ShippedRuleSets, LoadWithoutErrors) {
    const RuleSetsLoad rules = shipped();
    EXPECT_TRUE(rules.errors.empty()) << errors_text(rules);
    EXPECT_EQ(rules.rule_sets.size(), 5u);
}

TEST(ShippedRuleSets, EverySetSaysWhereItsNumbersComeFromAndNoneClaimsAnAwsCheck) {
    for (const RuleSet& set : shipped().rule_sets) {
        EXPECT_GT(set.source.size(), 40u) << set.id;
        // None could be read from AWS itself: copies and notes only (docs/sources.md).
        EXPECT_FALSE(set.verified) << set.id;
    }
}

TEST(ShippedRuleSets, ConsultingDefaultIsTheSourcedOneTwoSix) {
    const RuleSetsLoad rules = shipped();
    const RuleSet* set = default_rule_set(rules, PartnerPath::Consulting);
    ASSERT_NE(set, nullptr);
    EXPECT_EQ(set->id, "apn-2021-consulting");
    ASSERT_EQ(set->tiers.size(), 4u);
    EXPECT_EQ(set->tiers[1].required, 1);
    EXPECT_EQ(set->tiers[2].required, 2);
    EXPECT_EQ(set->tiers[3].required, 6);
    EXPECT_NE(set->source.find("https://"), std::string::npos);
}

TEST(ShippedRuleSets, ConsultingTiersCountCustomerSatisfactionFiveTwentyThirty) {
    const RuleSetsLoad rules = shipped();
    const RuleSet* set = find_rule_set(rules.rule_sets, "apn-2021-consulting");
    ASSERT_NE(set, nullptr);
    std::vector<int> csat;
    for (const TierRule& tier : set->tiers)
        for (const TierRequirement& r : tier.requirements)
            if (r.id == "csat_responses") csat.push_back(r.required);
    EXPECT_EQ(csat, (std::vector<int>{5, 20, 30}));
}

TEST(ShippedRuleSets, ServicesPathCountsLaunchedOpportunitiesThreeTwentyFifty) {
    const RuleSetsLoad rules = shipped();
    const RuleSet* set = find_rule_set(rules.rule_sets, "aws-services-path-2023");
    ASSERT_NE(set, nullptr);
    std::vector<int> launched;
    for (const TierRule& tier : set->tiers) {
        EXPECT_EQ(tier.required, 0) << tier.name << ": the 2023 guide has no reference row";
        for (const TierRequirement& r : tier.requirements)
            if (r.id == "launched_opportunities") launched.push_back(r.required);
    }
    EXPECT_EQ(launched, (std::vector<int>{3, 20, 50}));
}

TEST(ShippedRuleSets, ServiceDeliveryAsksForTwoCustomerCaseStudies) {
    const RuleSetsLoad rules = shipped();
    const RuleSet* set = find_rule_set(rules.rule_sets, "aws-service-delivery-2025");
    ASSERT_NE(set, nullptr);
    EXPECT_EQ(set->tiers.back().required, 2);
}

TEST(ShippedRuleSets, TheUnsourcedGuessesAreKeptAndSaySo) {
    const RuleSetsLoad rules = shipped();
    for (const char* id : {"apn-2019-consulting", "apn-2019-technology"}) {
        const RuleSet* set = find_rule_set(rules.rule_sets, id);
        ASSERT_NE(set, nullptr) << id;
        EXPECT_NE(set->name.find("unsourced"), std::string::npos) << set->name;
        EXPECT_EQ(set->source.rfind("No public source", 0), 0u) << set->source;
    }
}

TEST(ShippedRuleSets, TechnologyDefaultHasNoPremier) {
    const RuleSetsLoad rules = shipped();
    const RuleSet* set = default_rule_set(rules, PartnerPath::Technology);
    ASSERT_NE(set, nullptr);
    EXPECT_EQ(set->path, PartnerPath::Technology);
    EXPECT_FALSE(set->tiers.back().required.has_value());
}

TEST(ShippedRuleSets, ReviewTimeIsFiveBusinessDays) {
    for (const RuleSet& set : shipped().rule_sets) EXPECT_EQ(set.review_business_days, 5) << set.id;
}

// The reader's rules -------------------------------------------------------------------------

TEST(RuleSetLoad, ReadsRequirementsOfATier) {
    const RuleSetsLoad rules = load(valid_rules());
    ASSERT_TRUE(rules.errors.empty()) << errors_text(rules);
    const TierRule& select = rules.rule_sets[0].tiers[1];
    ASSERT_EQ(select.requirements.size(), 1u);
    EXPECT_EQ(select.requirements[0].id, "launched_opportunities");
    EXPECT_EQ(select.requirements[0].required, 3);
    EXPECT_TRUE(rules.rule_sets[1].verified);
}

TEST(RuleSetLoad, UnknownRuleSetIdFindsNothing) {
    const RuleSetsLoad rules = load(valid_rules());
    EXPECT_EQ(find_rule_set(rules.rule_sets, "apn-2031-consulting"), nullptr);
}

TEST(RuleSetLoad, TextThatIsNotJsonSaysWhere) {
    const RuleSetsLoad rules = load_rule_sets_text("{ \"rule_sets\": [ ");
    ASSERT_EQ(rules.errors.size(), 1u);
    EXPECT_EQ(rules.errors[0].rfind("not valid JSON at line 1", 0), 0u) << rules.errors[0];
}

TEST(RuleSetLoad, TopLevelThatIsNotAnObjectIsAnError) {
    EXPECT_TRUE(has_error(load(json::array()), "must be an object"));
}

TEST(RuleSetLoad, MissingRuleSetsListIsAnError) {
    json rules = valid_rules();
    rules.erase("rule_sets");
    EXPECT_TRUE(has_error(load(rules), "rule_sets: missing required field"));
}

TEST(RuleSetLoad, EmptyRuleSetsListIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"] = json::array();
    EXPECT_TRUE(has_error(load(rules), "rule_sets: must hold at least one rule set"));
}

TEST(RuleSetLoad, RequiredAsTextNamesTheKey) {
    json rules = valid_rules();
    rules["rule_sets"][1]["tiers"][2]["required"] = "ten";
    const RuleSetsLoad result = load(rules);
    ASSERT_EQ(result.errors.size(), 1u) << errors_text(result);
    EXPECT_EQ(result.errors[0], "rule_sets[1].tiers[2].required: must be a whole number from 0 to "
                                "100000 (found a string)");
}

TEST(RuleSetLoad, FractionalRequiredIsRefused) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["required"] = 2.5;
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].tiers[1].required: must be a whole number "
                                       "from 0 to 100000 (found 2.5)"));
}

TEST(RuleSetLoad, NegativeRequiredIsRefused) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][0]["required"] = -1;
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].tiers[0].required: is -1; it must be a "
                                       "whole number from 0"));
}

TEST(RuleSetLoad, MissingRequiredIsAnErrorRatherThanNotApplicable) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1].erase("required");
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].tiers[1].required: missing required field"));
}

TEST(RuleSetLoad, MissingIdNamesTheKey) {
    json rules = valid_rules();
    rules["rule_sets"][1].erase("id");
    EXPECT_TRUE(has_error(load(rules), "rule_sets[1].id: missing required field"));
}

TEST(RuleSetLoad, RuleSetIdOfAnotherFormIsRefused) {
    json rules = valid_rules();
    rules["rule_sets"][0]["id"] = "Our Scorecard";
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].id: \"Our Scorecard\" is not a rule set id"));
}

TEST(RuleSetLoad, MissingSourceIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0].erase("source");
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].source: missing required field"));
}

TEST(RuleSetLoad, VerifiedWrittenAsTextIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0]["verified"] = "no";
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].verified: must be true or false"));
}

TEST(RuleSetLoad, EmptyTierNameIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["name"] = "";
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].tiers[1].name: must not be empty"));
}

TEST(RuleSetLoad, RepeatedRuleSetIdIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][1]["id"] = "a";
    EXPECT_TRUE(has_error(load(rules), "rule_sets[1].id: duplicate id \"a\""));
}

TEST(RuleSetLoad, UnknownPathIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0]["path"] = "reseller";
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].path: unknown value \"reseller\" (expected "
                                       "consulting or technology)"));
}

TEST(RuleSetLoad, ReviewDaysOutOfRangeIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0]["review_business_days"] = 500000;
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].review_business_days: is 500000; it must be "
                                       "a whole number from 0 to 260"));
}

TEST(RuleSetLoad, EmptyTierListIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"] = json::array();
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].tiers: must hold at least one tier"));
}

TEST(RuleSetLoad, RequirementThatGoesDownIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["required"] = 0;
    rules["rule_sets"][0]["tiers"][0]["required"] = 3;
    EXPECT_TRUE(has_error(load(rules),
                          "rule_sets[0].tiers[1].required: must not be less than the tier before"));
}

TEST(RuleSetLoad, RepeatedTierNameIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["name"] = "Registered";
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].tiers[1].name: repeats the tier name"));
}

TEST(RuleSetLoad, RequirementIdOfAnotherFormIsRefused) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["requirements"][0]["id"] = "Launched-Opportunities";
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].tiers[1].requirements[0].id: "
                                       "\"Launched-Opportunities\" is not a requirement id"));
}

TEST(RuleSetLoad, RepeatedRequirementInOneTierIsAnError) {
    json rules = valid_rules();
    json& list = rules["rule_sets"][0]["tiers"][1]["requirements"];
    list.push_back(list[0]);
    EXPECT_TRUE(has_error(load(rules), "rule_sets[0].tiers[1].requirements[1].id: duplicate id"));
}

TEST(RuleSetLoad, RequirementCountOutOfRangeIsAnError) {
    json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["requirements"][0]["required"] = 5000000000LL;
    EXPECT_TRUE(has_error(load(rules), "requirements[0].required: is 5000000000; it must be"));
}

TEST(RuleSetLoad, TooManyTiersAreRefused) {
    json rules = valid_rules();
    json& tiers = rules["rule_sets"][1]["tiers"];
    tiers = json::array();
    for (int i = 0; i < 25; ++i)
        tiers.push_back({{"name", "T" + std::to_string(i)}, {"required", i}});
    EXPECT_TRUE(has_error(load(rules), "rule_sets[1].tiers: has 25 tiers; at most 20"));
}

TEST(RuleSetLoad, DefaultNamingAnotherPathsRuleSetIsAnError) {
    json rules = valid_rules();
    rules["default"]["consulting"] = "b";
    EXPECT_TRUE(
        has_error(load(rules), "default.consulting: must be the id of a consulting rule set"));
}

TEST(RuleSetLoad, MissingDefaultForAPathWithRuleSetsIsAnError) {
    json rules = valid_rules();
    rules["default"].erase("technology");
    EXPECT_TRUE(has_error(load(rules), "default.technology: missing"));
}

TEST(RuleSetLoad, DefaultForAnUnknownPathIsAnError) {
    json rules = valid_rules();
    rules["default"]["reseller"] = "a";
    EXPECT_TRUE(has_error(load(rules), "default: \"reseller\" is not a path"));
}

TEST(RuleSetLoad, AnyErrorLoadsNothing) {
    json rules = valid_rules();
    rules["rule_sets"][1]["review_business_days"] = "five";
    const RuleSetsLoad result = load(rules);
    EXPECT_FALSE(result.errors.empty());
    EXPECT_TRUE(result.rule_sets.empty());
    EXPECT_TRUE(result.defaults.empty());
}

TEST(RuleSetLoad, ReportsEveryErrorNotJustTheFirst) {
    json rules = valid_rules();
    rules["rule_sets"][0]["name"] = 7;
    rules["rule_sets"][1]["tiers"][0]["required"] = true;
    const RuleSetsLoad result = load(rules);
    EXPECT_TRUE(has_error(result, "rule_sets[0].name"));
    EXPECT_TRUE(has_error(result, "rule_sets[1].tiers[0].required"));
}

// The partner's own rule sets ----------------------------------------------------------------

TEST(PartnerRuleSets, OneWithAShippedIdTakesItsPlace) {
    const RuleSetsLoad rules = shipped();
    RuleSet own = *find_rule_set(rules.rule_sets, "apn-2021-consulting");
    own.tiers[1].required = 4;
    own.source = "Partner Scorecard in Partner Central";
    const std::vector<RuleSet> sets = rule_sets_with(rules.rule_sets, {own});
    ASSERT_EQ(sets.size(), rules.rule_sets.size());
    EXPECT_EQ(sets.front().id, "apn-2021-consulting");
    EXPECT_EQ(find_rule_set(sets, "apn-2021-consulting")->tiers[1].required, 4);
}

TEST(PartnerRuleSets, OthersFollowTheShippedOnes) {
    const RuleSetsLoad rules = shipped();
    RuleSet own = rules.rule_sets.front();
    own.id = "our-scorecard";
    const std::vector<RuleSet> sets = rule_sets_with(rules.rule_sets, {own});
    ASSERT_EQ(sets.size(), rules.rule_sets.size() + 1);
    EXPECT_EQ(sets.back().id, "our-scorecard");
}

TEST(PartnerRuleSets, ActiveIsTheChosenOneThenThePathsDefault) {
    const RuleSetsLoad rules = shipped();
    PartnerProfile partner;
    partner.rule_set = "aws-services-path-2023";
    EXPECT_EQ(active_rule_set(rules.rule_sets, rules.defaults, partner)->id,
              "aws-services-path-2023");
    partner.rule_set = "gone-2030";
    partner.path = PartnerPath::Technology;
    EXPECT_EQ(active_rule_set(rules.rule_sets, rules.defaults, partner)->id, "apn-2019-technology");
}

TEST(PartnerRuleSets, PathChangeReplacesTheOtherPathsRuleSetAndSaysSo) {
    const RuleSetsLoad rules = shipped();
    PartnerProfile partner; // consulting, apn-2021-consulting
    const PathChange change =
        change_path(partner, PartnerPath::Technology, rules.rule_sets, rules.defaults);
    EXPECT_EQ(change.partner.path, PartnerPath::Technology);
    EXPECT_EQ(change.partner.rule_set, "apn-2019-technology");
    EXPECT_NE(change.note.find("Rule set changed to \"APN 2019, Technology Partner"),
              std::string::npos)
        << change.note;
    EXPECT_NE(change.note.find("the default for Technology partners"), std::string::npos);
}

TEST(PartnerRuleSets, PathChangeKeepsARuleSetOfTheNewPathWithoutANote) {
    const RuleSetsLoad rules = shipped();
    PartnerProfile partner;
    partner.rule_set = "apn-2019-technology"; // chosen before the path was set
    const PathChange change =
        change_path(partner, PartnerPath::Technology, rules.rule_sets, rules.defaults);
    EXPECT_EQ(change.partner.rule_set, "apn-2019-technology");
    EXPECT_TRUE(change.note.empty());
}

TEST(PartnerRuleSets, ScorecardCopyIsTheBaseUnderANewIdAndSaysWhereItCameFrom) {
    const RuleSetsLoad rules = shipped();
    const RuleSet& base = *find_rule_set(rules.rule_sets, "apn-2021-consulting");
    const RuleSet copy = scorecard_copy(base, rules.rule_sets, test::iso("2026-11-30"));
    EXPECT_EQ(copy.id, "our-scorecard");
    EXPECT_EQ(copy.name, "Our scorecard, copied 2026-11-30");
    EXPECT_FALSE(copy.verified);
    EXPECT_NE(copy.source.find("Partner Scorecard"), std::string::npos);
    EXPECT_EQ(copy.tiers, base.tiers);
    std::vector<RuleSet> with_copy = rules.rule_sets;
    with_copy.push_back(copy);
    EXPECT_EQ(scorecard_copy(base, with_copy, test::iso("2026-11-30")).id, "our-scorecard-2");
}

TEST(PartnerRuleSets, KnownRequirementsListEachIdOnceInTheOrderMet) {
    const std::vector<TierRequirement> known = known_requirements(shipped().rule_sets);
    ASSERT_GE(known.size(), 8u);
    EXPECT_EQ(known[0].id, "accredited_individuals");
    std::vector<std::string> ids;
    for (const auto& r : known) ids.push_back(r.id);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

TEST(PartnerRuleSets, ProblemsAreWhatTheReaderWouldRefuse) {
    RuleSet draft = shipped().rule_sets.front();
    draft.id = "our-scorecard";
    PartnerProfile partner;
    EXPECT_TRUE(rule_set_problems(draft, partner).empty());
    draft.tiers[2].required = 0; // below Select's 1
    partner.scorecard["Launched"] = 3;
    const std::vector<ReadError> problems = rule_set_problems(draft, partner);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].path, "partner.scorecard");
    EXPECT_EQ(problems[1].path, "rule_sets[0].tiers[2].required");
}

TEST(PartnerRuleSets, ProblemsAreNamedByTierAndRequirementNotByFilePath) {
    RuleSet draft = shipped().rule_sets.front(); // apn-2021-consulting
    EXPECT_EQ(rule_set_problem_text(draft, {"rule_sets[0].tiers[2].required", "must not be less"}),
              "Advanced, references: must not be less");
    EXPECT_EQ(
        rule_set_problem_text(draft, {"rule_sets[0].tiers[1].requirements[3].required", "is -1"}),
        "Select, Launched Opportunities, required: is -1");
    EXPECT_EQ(rule_set_problem_text(draft, {"rule_sets[0].name", "must not be empty"}),
              "name: must not be empty");
    EXPECT_EQ(rule_set_problem_text(draft, {"partner.scorecard.csat_responses", "is -1"}),
              "scorecard, csat_responses: is -1");
}
