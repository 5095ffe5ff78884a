#include <gtest/gtest.h>

#include <algorithm>

#include "core/model/date.h"
#include "core/progress/progress_fixtures.h"
#include "core/progress/tier_progress.h"
#include "core/test_assets.h"

using namespace reftier;
using reftier::test::clean_check;
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

} // namespace

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
    check.has_error[0] = true;
    const TierProgress result = compute_tier_progress(document, check, *consulting, kToday);
    EXPECT_EQ(result.approved, 0);
    ASSERT_EQ(result.excluded.size(), 1u);
    EXPECT_EQ(result.excluded[0].reason, NotCounted::NotQualifying);
}

TEST_F(TierProgressTest, WarningsDoNotStopAReferenceFromCounting) {
    Document document;
    document.references = {approved("r-1")};
    // A public IP address instead of a domain name: a warning of the URL rules, no error.
    document.references[0].url = "https://93.184.216.34/customers/r-1";
    const DocumentCheck check = check_references(document.references);
    const std::vector<Finding> findings = findings_of(check, document.references, 0);
    ASSERT_TRUE(std::any_of(findings.begin(), findings.end(),
                            [](const Finding& f) { return f.severity == Severity::Warning; }));
    ASSERT_FALSE(has_errors(findings));
    EXPECT_EQ(compute_tier_progress(document, check, *consulting, kToday).approved, 1);
}

TEST_F(TierProgressTest, FirstCopyOfADuplicatePairStillCounts) {
    Document document;
    document.references = {approved("r-1"), approved("r-2")};
    document.references[1].url = document.references[0].url;
    const DocumentCheck check = check_references(document.references);
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
