#include <gtest/gtest.h>

#include <algorithm>

#include "core/model/date.h"
#include "core/progress/tier_progress.h"
#include "core/test_assets.h"

using namespace reftier;
using reftier::test::iso;

namespace {

// A Monday; the shipped review time is 5 business days.
const Date kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{16}};

Reference make_reference(std::string id, Channel channel, Status status,
                         std::optional<std::string_view> submitted_on = std::nullopt) {
    Reference reference;
    reference.id = std::move(id);
    reference.customer = "Acme Retail";
    reference.title = "Serverless Order Processing Cuts Cost in Retail";
    reference.url = "https://example.com/customers/" + reference.id;
    reference.workload = "serverless order processing";
    reference.channel = channel;
    reference.status = status;
    if (submitted_on) reference.submitted_on = iso(*submitted_on);
    return reference;
}

Reference approved(std::string id) {
    return make_reference(std::move(id), Channel::PublicReferencesTool, Status::Approved);
}

Reference pending(std::string id, std::string_view submitted_on) {
    return make_reference(std::move(id), Channel::PublicReferencesTool, Status::Submitted,
                          submitted_on);
}

// A clean check (no findings, no duplicates), as check_references gives for good records.
DocumentCheck clean_check(const Document& document) {
    DocumentCheck check;
    check.reference_findings.resize(document.references.size());
    check.is_duplicate.assign(document.references.size(), false);
    return check;
}

Finding error_finding(std::string code) {
    Finding finding;
    finding.severity = Severity::Error;
    finding.code = std::move(code);
    return finding;
}

class TierProgressTest : public ::testing::Test {
  protected:
    void SetUp() override {
        load = load_rule_sets_text(test::read_asset("tier_rules.json"));
        ASSERT_TRUE(load.errors.empty()) << load.errors.front();
        consulting = find_rule_set(load.rule_sets, "apn-2019-consulting");
        technology = find_rule_set(load.rule_sets, "apn-2019-technology");
        ASSERT_NE(consulting, nullptr);
        ASSERT_NE(technology, nullptr);
    }

    TierProgress progress(const Document& document, const RuleSet& rules, Date today = kToday) {
        return compute_tier_progress(document, clean_check(document), rules, today);
    }
    TierProgress progress(const Document& document) { return progress(document, *consulting); }

    const TierStatus& tier(const TierProgress& result, std::string_view name) {
        const auto it = std::find_if(result.tiers.begin(), result.tiers.end(),
                                     [&](const TierStatus& t) { return t.name == name; });
        EXPECT_NE(it, result.tiers.end()) << name;
        return *it;
    }

    RuleSetsLoad load;
    const RuleSet* consulting = nullptr;
    const RuleSet* technology = nullptr;
};

// One rule set in the shipped shape, as JSON to break in each loading test.
nlohmann::json valid_rules() {
    return nlohmann::json::parse(R"({
      "rule_sets": [
        { "id": "a", "name": "A", "path": "consulting", "review_business_days": 5,
          "tiers": [ { "name": "Registered", "required": 0 }, { "name": "Select", "required": 2 } ] },
        { "id": "b", "name": "B", "path": "technology", "review_business_days": 5,
          "tiers": [ { "name": "Registered", "required": 0 }, { "name": "Select", "required": 2 },
                     { "name": "Premier", "required": null } ] }
      ],
      "default": { "consulting": "a", "technology": "b" }
    })",
                                 nullptr, false);
}

bool has_error(const RuleSetsLoad& load, std::string_view text) {
    return std::any_of(load.errors.begin(), load.errors.end(), [&](const std::string& error) {
        return error.find(text) != std::string::npos;
    });
}

} // namespace

// Loading rule sets ------------------------------------------------------------------------

TEST(RuleSetLoad, ShippedRulesLoadWithoutErrors) {
    const RuleSetsLoad load = load_rule_sets_text(test::read_asset("tier_rules.json"));
    EXPECT_TRUE(load.errors.empty());
    EXPECT_EQ(load.rule_sets.size(), 2u);
}

TEST(RuleSetLoad, ShippedConsultingRulesRequireZeroTwoFourTen) {
    const RuleSetsLoad load = load_rule_sets_text(test::read_asset("tier_rules.json"));
    const RuleSet* set = find_rule_set(load.rule_sets, "apn-2019-consulting");
    ASSERT_NE(set, nullptr);
    EXPECT_EQ(set->name, "APN 2019, Consulting Partner");
    EXPECT_EQ(set->path, PartnerPath::Consulting);
    ASSERT_EQ(set->tiers.size(), 4u);
    EXPECT_EQ(set->tiers[0].name, "Registered");
    EXPECT_EQ(set->tiers[0].required, 0);
    EXPECT_EQ(set->tiers[1].required, 2);
    EXPECT_EQ(set->tiers[2].required, 4);
    EXPECT_EQ(set->tiers[3].name, "Premier");
    EXPECT_EQ(set->tiers[3].required, 10);
}

TEST(RuleSetLoad, ShippedTechnologyRulesHaveNoPremier) {
    const RuleSetsLoad load = load_rule_sets_text(test::read_asset("tier_rules.json"));
    const RuleSet* set = find_rule_set(load.rule_sets, "apn-2019-technology");
    ASSERT_NE(set, nullptr);
    EXPECT_EQ(set->path, PartnerPath::Technology);
    ASSERT_EQ(set->tiers.size(), 4u);
    EXPECT_EQ(set->tiers[2].required, 4);
    EXPECT_EQ(set->tiers[3].name, "Premier");
    EXPECT_FALSE(set->tiers[3].required.has_value());
}

TEST(RuleSetLoad, ShippedReviewTimeIsFiveBusinessDays) {
    const RuleSetsLoad load = load_rule_sets_text(test::read_asset("tier_rules.json"));
    for (const RuleSet& set : load.rule_sets) EXPECT_EQ(set.review_business_days, 5) << set.id;
}

TEST(RuleSetLoad, ShippedDefaultsNameOneRuleSetPerPath) {
    const RuleSetsLoad load = load_rule_sets_text(test::read_asset("tier_rules.json"));
    const RuleSet* consulting = default_rule_set(load, PartnerPath::Consulting);
    const RuleSet* technology = default_rule_set(load, PartnerPath::Technology);
    ASSERT_NE(consulting, nullptr);
    ASSERT_NE(technology, nullptr);
    EXPECT_EQ(consulting->id, "apn-2019-consulting");
    EXPECT_EQ(technology->id, "apn-2019-technology");
}

TEST(RuleSetLoad, UnknownRuleSetIdFindsNothing) {
    const RuleSetsLoad load = load_rule_sets(valid_rules());
    EXPECT_EQ(find_rule_set(load.rule_sets, "apn-2031-consulting"), nullptr);
}

TEST(RuleSetLoad, TextThatIsNotJsonIsAnError) {
    const RuleSetsLoad load = load_rule_sets_text("{ \"rule_sets\": [ ");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0], "text is not valid JSON");
}

TEST(RuleSetLoad, TopLevelThatIsNotAnObjectIsAnError) {
    const RuleSetsLoad load = load_rule_sets(nlohmann::json::array());
    EXPECT_TRUE(has_error(load, "top level must be an object"));
}

TEST(RuleSetLoad, MissingRuleSetsListIsAnError) {
    nlohmann::json rules = valid_rules();
    rules.erase("rule_sets");
    EXPECT_TRUE(has_error(load_rule_sets(rules), "rule_sets must be a non-empty list"));
}

TEST(RuleSetLoad, RequiredAsTextNamesTheKey) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][1]["tiers"][2]["required"] = "ten";
    const RuleSetsLoad load = load_rule_sets(rules);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0], "rule_sets[1].tiers[2].required must be a whole number or null");
}

TEST(RuleSetLoad, FractionalRequiredIsRefused) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["required"] = 2.5;
    EXPECT_TRUE(has_error(load_rule_sets(rules),
                          "rule_sets[0].tiers[1].required must be a whole number or null"));
}

TEST(RuleSetLoad, NegativeRequiredIsRefused) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][0]["required"] = -1;
    EXPECT_TRUE(has_error(load_rule_sets(rules), "rule_sets[0].tiers[0].required must be from 0"));
}

TEST(RuleSetLoad, MissingRequiredIsAnErrorRatherThanNotApplicable) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1].erase("required");
    EXPECT_TRUE(has_error(load_rule_sets(rules), "rule_sets[0].tiers[1].required is missing"));
}

TEST(RuleSetLoad, MissingIdNamesTheKey) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][1].erase("id");
    EXPECT_TRUE(has_error(load_rule_sets(rules), "rule_sets[1].id must be a non-empty string"));
}

TEST(RuleSetLoad, EmptyTierNameIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["name"] = "";
    EXPECT_TRUE(
        has_error(load_rule_sets(rules), "rule_sets[0].tiers[1].name must be a non-empty string"));
}

TEST(RuleSetLoad, RepeatedRuleSetIdIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][1]["id"] = "a";
    EXPECT_TRUE(has_error(load_rule_sets(rules), "rule_sets[1].id repeats \"a\""));
}

TEST(RuleSetLoad, UnknownPathIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["path"] = "reseller";
    EXPECT_TRUE(has_error(load_rule_sets(rules),
                          "rule_sets[0].path must be \"consulting\" or \"technology\""));
}

TEST(RuleSetLoad, ReviewDaysOutOfRangeIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["review_business_days"] = 500000;
    EXPECT_TRUE(has_error(load_rule_sets(rules),
                          "rule_sets[0].review_business_days must be a whole number from 0 to"));
}

TEST(RuleSetLoad, EmptyTierListIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["tiers"] = nlohmann::json::array();
    EXPECT_TRUE(has_error(load_rule_sets(rules), "rule_sets[0].tiers must be a non-empty list"));
}

TEST(RuleSetLoad, RequirementThatGoesDownIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["required"] = 0;
    rules["rule_sets"][0]["tiers"][0]["required"] = 3;
    EXPECT_TRUE(has_error(load_rule_sets(rules),
                          "rule_sets[0].tiers[1].required must not be less than the tier before"));
}

TEST(RuleSetLoad, RepeatedTierNameIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["tiers"][1]["name"] = "Registered";
    EXPECT_TRUE(
        has_error(load_rule_sets(rules), "rule_sets[0].tiers[1].name repeats \"Registered\""));
}

TEST(RuleSetLoad, DefaultNamingAnotherPathsRuleSetIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["default"]["consulting"] = "b";
    EXPECT_TRUE(has_error(load_rule_sets(rules),
                          "default.consulting must be the id of a consulting rule set"));
}

TEST(RuleSetLoad, MissingDefaultForAPathWithRuleSetsIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["default"].erase("technology");
    EXPECT_TRUE(has_error(load_rule_sets(rules), "default.technology is missing"));
}

TEST(RuleSetLoad, DefaultForAnUnknownPathIsAnError) {
    nlohmann::json rules = valid_rules();
    rules["default"]["reseller"] = "a";
    EXPECT_TRUE(has_error(load_rule_sets(rules), "default.reseller is not a path"));
}

TEST(RuleSetLoad, AnyErrorLoadsNothing) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][1]["review_business_days"] = "five";
    const RuleSetsLoad load = load_rule_sets(rules);
    EXPECT_FALSE(load.errors.empty());
    EXPECT_TRUE(load.rule_sets.empty());
    EXPECT_TRUE(load.defaults.empty());
}

TEST(RuleSetLoad, ReportsEveryErrorNotJustTheFirst) {
    nlohmann::json rules = valid_rules();
    rules["rule_sets"][0]["name"] = 7;
    rules["rule_sets"][1]["tiers"][0]["required"] = true;
    const RuleSetsLoad load = load_rule_sets(rules);
    EXPECT_TRUE(has_error(load, "rule_sets[0].name"));
    EXPECT_TRUE(has_error(load, "rule_sets[1].tiers[0].required"));
}

// Counting references ----------------------------------------------------------------------

TEST_F(TierProgressTest, NoReferencesLeavesThePartnerRegistered) {
    const TierProgress result = progress(Document{});
    EXPECT_EQ(result.rule_set_id, "apn-2019-consulting");
    EXPECT_EQ(result.current_tier, "Registered");
    EXPECT_EQ(result.next_tier, "Select");
    EXPECT_FALSE(result.next_tier_expected.has_value());
    EXPECT_EQ(tier(result, "Select").missing, 2);
}

TEST_F(TierProgressTest, ApprovedReferencesCountNow) {
    Document document;
    document.references = {approved("r-1"), approved("r-2")};
    const TierProgress result = progress(document);
    EXPECT_EQ(result.approved, 2);
    EXPECT_EQ(result.pending, 0);
    EXPECT_EQ(result.current_tier, "Select");
}

TEST_F(TierProgressTest, AceSubmittedReferenceCountsAtOnce) {
    Document document;
    document.references = {
        make_reference("r-1", Channel::AcePipelineManager, Status::Submitted, "2026-11-16")};
    const TierProgress result = progress(document);
    EXPECT_EQ(result.approved, 1);
    EXPECT_EQ(result.pending, 0);
}

TEST_F(TierProgressTest, PublicReferencesToolSubmissionIsPendingFiveBusinessDays) {
    Document document;
    document.references = {pending("r-1", "2026-11-13")}; // a Friday
    const TierProgress result = progress(document);
    EXPECT_EQ(result.approved, 0);
    ASSERT_EQ(result.pending_references.size(), 1u);
    EXPECT_EQ(result.pending_references[0].index, 0u);
    EXPECT_EQ(format_iso_date(result.pending_references[0].expected), "2026-11-20");
    EXPECT_FALSE(result.pending_references[0].overdue);
}

TEST_F(TierProgressTest, PendingWithoutSubmissionDateStartsToday) {
    Document document;
    document.references = {make_reference("r-1", Channel::PublicReferencesTool, Status::Submitted)};
    const TierProgress result = progress(document);
    ASSERT_EQ(result.pending_references.size(), 1u);
    EXPECT_EQ(format_iso_date(result.pending_references[0].expected), "2026-11-23");
}

TEST_F(TierProgressTest, DraftIsExcluded) {
    Document document;
    document.references = {make_reference("r-1", Channel::AcePipelineManager, Status::Draft)};
    const TierProgress result = progress(document);
    EXPECT_EQ(result.approved, 0);
    ASSERT_EQ(result.excluded.size(), 1u);
    EXPECT_EQ(result.excluded[0].reason, NotCounted::Draft);
}

TEST_F(TierProgressTest, RejectedIsExcludedEvenThroughAce) {
    Document document;
    document.references = {make_reference("r-1", Channel::AcePipelineManager, Status::Rejected)};
    const TierProgress result = progress(document);
    EXPECT_EQ(result.approved, 0);
    ASSERT_EQ(result.excluded.size(), 1u);
    EXPECT_EQ(result.excluded[0].reason, NotCounted::Rejected);
}

TEST_F(TierProgressTest, DuplicateIsExcluded) {
    Document document;
    document.references = {approved("r-1"), approved("r-2")};
    DocumentCheck check = clean_check(document);
    check.is_duplicate[1] = true;
    const TierProgress result = compute_tier_progress(document, check, *consulting, kToday);
    EXPECT_EQ(result.approved, 1);
    ASSERT_EQ(result.excluded.size(), 1u);
    EXPECT_EQ(result.excluded[0].index, 1u);
    EXPECT_EQ(result.excluded[0].reason, NotCounted::Duplicate);
}

TEST_F(TierProgressTest, ReferenceWithAnErrorDoesNotQualify) {
    Document document;
    document.references = {approved("r-1")};
    DocumentCheck check = clean_check(document);
    check.reference_findings[0].push_back(error_finding("url-scheme"));
    const TierProgress result = compute_tier_progress(document, check, *consulting, kToday);
    EXPECT_EQ(result.approved, 0);
    ASSERT_EQ(result.excluded.size(), 1u);
    EXPECT_EQ(result.excluded[0].reason, NotCounted::NotQualifying);
}

TEST_F(TierProgressTest, WarningsDoNotStopAReferenceFromCounting) {
    Document document;
    document.references = {approved("r-1")};
    DocumentCheck check = clean_check(document);
    Finding warning = error_finding("title-too-long");
    warning.severity = Severity::Warning;
    check.reference_findings[0].push_back(warning);
    EXPECT_EQ(compute_tier_progress(document, check, *consulting, kToday).approved, 1);
}

TEST_F(TierProgressTest, FirstCopyOfADuplicatePairStillCounts) {
    Document document;
    document.references = {approved("r-1"), approved("r-2")};
    DocumentCheck check = clean_check(document);
    Finding same_url = error_finding("reference-duplicate-url");
    same_url.related_id = "r-2";
    check.reference_findings[0].push_back(same_url);
    same_url.related_id = "r-1";
    check.reference_findings[1].push_back(same_url);
    check.is_duplicate[1] = true;
    const TierProgress result = compute_tier_progress(document, check, *consulting, kToday);
    EXPECT_EQ(result.approved, 1);
    ASSERT_EQ(result.excluded.size(), 1u);
    EXPECT_EQ(result.excluded[0].reason, NotCounted::Duplicate);
}

TEST_F(TierProgressTest, ExcludedReferencesAreListedInDocumentOrder) {
    Document document;
    document.references = {make_reference("r-1", Channel::PublicReferencesTool, Status::Rejected),
                           approved("r-2"),
                           make_reference("r-3", Channel::PublicReferencesTool, Status::Draft)};
    const TierProgress result = progress(document);
    ASSERT_EQ(result.excluded.size(), 2u);
    EXPECT_EQ(result.excluded[0].index, 0u);
    EXPECT_EQ(result.excluded[1].index, 2u);
}

// Tiers ------------------------------------------------------------------------------------

TEST_F(TierProgressTest, MissingIsRequiredMinusApprovedPerTier) {
    Document document;
    document.references = {approved("r-1"), approved("r-2"), approved("r-3")};
    const TierProgress result = progress(document);
    EXPECT_EQ(tier(result, "Registered").missing, 0);
    EXPECT_EQ(tier(result, "Select").missing, 0);
    EXPECT_EQ(tier(result, "Advanced").missing, 1);
    EXPECT_EQ(tier(result, "Premier").missing, 7);
}

TEST_F(TierProgressTest, ReachedTierHasNoExpectedDate) {
    Document document;
    document.references = {approved("r-1"), approved("r-2"), pending("r-3", "2026-11-16")};
    const TierProgress result = progress(document);
    EXPECT_TRUE(tier(result, "Select").reached);
    EXPECT_FALSE(tier(result, "Select").expected_date.has_value());
}

TEST_F(TierProgressTest, EachTierIsExpectedWhenItsLastMissingReferenceIsDecided) {
    Document document;
    document.references = {approved("r-1"), pending("r-2", "2026-11-18"),
                           pending("r-3", "2026-11-16"), pending("r-4", "2026-11-20")};
    const TierProgress result = progress(document);
    // Select misses 1: the earliest decision (Nov 16 + 5); Advanced misses 3: the third.
    ASSERT_TRUE(tier(result, "Select").expected_date.has_value());
    EXPECT_EQ(format_iso_date(*tier(result, "Select").expected_date), "2026-11-23");
    ASSERT_TRUE(tier(result, "Advanced").expected_date.has_value());
    EXPECT_EQ(format_iso_date(*tier(result, "Advanced").expected_date), "2026-11-27");
}

TEST_F(TierProgressTest, TierOutOfReachOfPendingReferencesHasNoExpectedDate) {
    Document document;
    document.references = {approved("r-1"), pending("r-2", "2026-11-16")};
    const TierProgress result = progress(document);
    EXPECT_EQ(tier(result, "Advanced").pending, 1);
    EXPECT_FALSE(tier(result, "Advanced").reached);
    EXPECT_FALSE(tier(result, "Advanced").expected_date.has_value());
}

TEST_F(TierProgressTest, CurrentTierIsTheHighestReached) {
    Document document;
    for (int i = 0; i < 5; ++i) document.references.push_back(approved("r-" + std::to_string(i)));
    const TierProgress result = progress(document);
    EXPECT_EQ(result.current_tier, "Advanced");
    EXPECT_EQ(result.next_tier, "Premier");
    EXPECT_TRUE(tier(result, "Advanced").reached);
    EXPECT_FALSE(tier(result, "Premier").reached);
}

TEST_F(TierProgressTest, NextTierIsExpectedWithThePendingReferences) {
    Document document;
    document.references = {approved("r-1"), pending("r-2", "2026-11-13")};
    const TierProgress result = progress(document);
    EXPECT_EQ(result.current_tier, "Registered");
    EXPECT_EQ(result.next_tier, "Select");
    ASSERT_TRUE(result.next_tier_expected.has_value());
    EXPECT_EQ(format_iso_date(*result.next_tier_expected), "2026-11-20");
}

TEST_F(TierProgressTest, ConsultingPremierIsReachedAtTenReferences) {
    Document document;
    for (int i = 0; i < 10; ++i) document.references.push_back(approved("r-" + std::to_string(i)));
    const TierProgress result = progress(document);
    EXPECT_EQ(result.current_tier, "Premier");
    EXPECT_FALSE(result.next_tier.has_value());
    EXPECT_FALSE(result.next_tier_expected.has_value());
}

TEST_F(TierProgressTest, TechnologyPremierIsNotApplicable) {
    Document document;
    for (int i = 0; i < 12; ++i) document.references.push_back(approved("r-" + std::to_string(i)));
    const TierProgress result = progress(document, *technology);
    const TierStatus& premier = tier(result, "Premier");
    EXPECT_FALSE(premier.required.has_value());
    EXPECT_FALSE(premier.reached);
    EXPECT_EQ(premier.missing, 0);
    EXPECT_EQ(result.current_tier, "Advanced");
    EXPECT_FALSE(result.next_tier.has_value());
}

TEST_F(TierProgressTest, PendingReferencesAreSortedByExpectedDate) {
    Document document;
    document.references = {pending("r-1", "2026-11-20"), pending("r-2", "2026-11-09"),
                           pending("r-3", "2026-11-16")};
    const TierProgress result = progress(document);
    ASSERT_EQ(result.pending_references.size(), 3u);
    EXPECT_EQ(result.pending_references[0].index, 1u);
    EXPECT_EQ(result.pending_references[1].index, 2u);
    EXPECT_EQ(result.pending_references[2].index, 0u);
}

TEST_F(TierProgressTest, ReviewPastItsExpectedDateIsOverdue) {
    Document document;
    document.references = {pending("r-1", "2026-11-02")}; // expected Nov 9, a week ago
    const TierProgress result = progress(document);
    ASSERT_EQ(result.pending_references.size(), 1u);
    EXPECT_TRUE(result.pending_references[0].overdue);
}

TEST_F(TierProgressTest, ReviewDueTodayIsNotOverdue) {
    Document document;
    document.references = {pending("r-1", "2026-11-09")}; // expected Nov 16, today
    const TierProgress result = progress(document);
    ASSERT_EQ(result.pending_references.size(), 1u);
    EXPECT_FALSE(result.pending_references[0].overdue);
}

TEST_F(TierProgressTest, OverdueTierDateIsKeptAsComputedAndMarked) {
    Document document;
    document.references = {approved("r-1"), pending("r-2", "2026-11-02")};
    const TierProgress result = progress(document);
    ASSERT_TRUE(result.next_tier_expected.has_value());
    EXPECT_EQ(format_iso_date(*result.next_tier_expected), "2026-11-09");
    EXPECT_TRUE(result.next_tier_expected_overdue);
    EXPECT_TRUE(tier(result, "Select").expected_overdue);
}

TEST_F(TierProgressTest, ReviewTimeComesFromTheRuleSet) {
    RuleSet quick = *consulting;
    quick.review_business_days = 2;
    Document document;
    document.references = {pending("r-1", "2026-11-19")}; // a Thursday
    const TierProgress result = progress(document, quick);
    ASSERT_EQ(result.pending_references.size(), 1u);
    EXPECT_EQ(format_iso_date(result.pending_references[0].expected), "2026-11-23");
}

// With the real reference checks ----------------------------------------------------------

TEST_F(TierProgressTest, TwoApprovedReferencesWithOneUrlCountOnce) {
    Document document;
    document.references = {approved("r-1"), approved("r-2")};
    document.references[1].url = document.references[0].url;
    document.references[1].title = "Event-Driven Billing Speeds Up Invoicing in Retail";
    const TierProgress result =
        compute_tier_progress(document, check_references(document.references), *consulting, kToday);
    EXPECT_EQ(result.approved, 1);
    ASSERT_EQ(result.excluded.size(), 1u);
    EXPECT_EQ(result.excluded[0].index, 1u);
    EXPECT_EQ(result.excluded[0].reason, NotCounted::Duplicate);
}

TEST_F(TierProgressTest, ApprovedReferenceWithoutACustomerDoesNotQualify) {
    Document document;
    document.references = {approved("r-1")};
    document.references[0].customer.clear();
    const TierProgress result =
        compute_tier_progress(document, check_references(document.references), *consulting, kToday);
    EXPECT_EQ(result.approved, 0);
    ASSERT_EQ(result.excluded.size(), 1u);
    EXPECT_EQ(result.excluded[0].reason, NotCounted::NotQualifying);
}
