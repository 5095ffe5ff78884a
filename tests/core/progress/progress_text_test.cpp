// Tier progress in words (issue 18, point 7): a past date is never shown as the future, pending
// references that would close the gap are not called missing, late reviews come with the
// APN's advice, a tier that needs no references says so, the review time is the rule set's.
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

Reference reference(int n, Status status, std::optional<std::string_view> submitted_on = {}) {
    Reference r = test::numbered_reference(n, status);
    if (submitted_on) r.submitted_on = iso(*submitted_on);
    return r;
}

// `approved` approved references and `pending` Public References Tool submissions of one day.
Document document_with(int approved, int pending, std::string_view submitted_on) {
    Document document;
    int n = 0;
    for (int i = 0; i < approved; ++i)
        document.references.push_back(reference(++n, Status::Approved));
    for (int i = 0; i < pending; ++i)
        document.references.push_back(reference(++n, Status::Submitted, submitted_on));
    return document;
}

class ProgressText : public ::testing::Test {
  protected:
    void SetUp() override {
        load = load_rule_sets_text(test::read_asset("tier_rules.json"));
        ASSERT_TRUE(load.errors.empty());
        rules = *find_rule_set(load.rule_sets, "apn-2019-consulting"); // 0 / 2 / 4 / 10
    }
    TierProgress progress(const Document& document, std::string_view today) {
        return compute_tier_progress(document, clean_check(document), rules, iso(today));
    }
    RuleSetsLoad load;
    RuleSet rules;
};

} // namespace

TEST_F(ProgressText, AnExpectedDateInThePastIsNotShownAsTheFuture) {
    // Seven approved, three more needed for Premier, all submitted 2026-11-17: due 2026-11-24.
    const TierProgress result = progress(document_with(7, 3, "2026-11-17"), "2026-12-01");
    const std::string next = next_tier_text(result);
    EXPECT_EQ(next, "Next: Premier is waiting on overdue reviews: its references were due by "
                    "2026-11-24");
    EXPECT_EQ(next.find("expected 2026-11-24"), std::string::npos);
    EXPECT_EQ(references_text(result.tiers[3]),
              "7 of 10 approved; the 3 pending would cover the 3 still needed, due by 2026-11-24: "
              "overdue");
}

TEST_F(ProgressText, AFutureDateIsExpected) {
    const TierProgress result = progress(document_with(7, 3, "2026-11-17"), "2026-11-18");
    EXPECT_EQ(next_tier_text(result), "Next: Premier, expected 2026-11-24 if the pending "
                                      "references are approved on time");
}

TEST_F(ProgressText, PendingReferencesThatWouldCoverTheGapAreNotCalledMissing) {
    const TierProgress result = progress(document_with(7, 9, "2026-11-17"), "2026-11-18");
    const std::string text = references_text(result.tiers[3]);
    EXPECT_EQ(text.find("missing"), std::string::npos) << text;
    EXPECT_EQ(text, "7 of 10 approved; the 9 pending would cover the 3 still needed, expected "
                    "2026-11-24");
    EXPECT_EQ(result.tiers[3].to_find, 0);
}

TEST_F(ProgressText, OnlyWhatNoPendingReferenceCoversIsLeftToFind) {
    const TierProgress result = progress(document_with(2, 1, "2026-11-17"), "2026-11-18");
    EXPECT_EQ(references_text(result.tiers[3]), "2 of 10 approved, 1 pending: 7 more to find");
    EXPECT_EQ(next_tier_text(result), "Next: Advanced needs 1 more reference than is pending");
}

TEST_F(ProgressText, OverdueReviewsComeWithTheApnAdvice) {
    const TierProgress result = progress(document_with(1, 6, "2026-11-02"), "2026-12-01");
    EXPECT_EQ(result.overdue, 6);
    const auto advice = overdue_advice(result, rules);
    ASSERT_TRUE(advice);
    EXPECT_EQ(*advice, "6 reviews are past the 5 business days a Public References Tool review "
                       "takes. Contact your APN representative about them: AWS asks partners "
                       "to raise issues with public reference submissions there.");
}

TEST_F(ProgressText, NoAdviceWhileNoReviewIsLate) {
    EXPECT_FALSE(overdue_advice(progress(document_with(1, 2, "2026-11-17"), "2026-11-18"), rules));
}

TEST_F(ProgressText, ATierThatNeedsNoReferencesSaysSoInsteadOfReachedOfZero) {
    const TierProgress result = progress(document_with(7, 0, "2026-11-17"), "2026-11-18");
    EXPECT_EQ(references_text(result.tiers[0]), "No public references required");
    EXPECT_EQ(references_text(result.tiers[1]), "7 approved, 2 required: met");
}

TEST_F(ProgressText, TheReviewTimeComesFromTheRuleSet) {
    EXPECT_EQ(pending_heading(rules), "Pending review (Public References Tool, 5 business days)");
    rules.review_business_days = 1;
    EXPECT_EQ(pending_heading(rules), "Pending review (Public References Tool, 1 business day)");
    rules.review_business_days = 10;
    const TierProgress result = progress(document_with(0, 1, "2026-11-02"), "2026-11-20");
    EXPECT_NE(overdue_advice(result, rules)->find("past the 10 business days"), std::string::npos);
}

TEST_F(ProgressText, ARuleSetOfTheOtherPathIsNamedAsSuch) {
    PartnerProfile partner;
    partner.path = PartnerPath::Technology;
    const auto note = path_mismatch_text(partner, rules);
    ASSERT_TRUE(note);
    EXPECT_EQ(*note, "\"APN 2019, Consulting Partner (unsourced)\" is a rule set for Consulting "
                     "partners, but your path is Technology: choose a rule set in Partner > "
                     "Rule set.");
    partner.path = PartnerPath::Consulting;
    EXPECT_FALSE(path_mismatch_text(partner, rules));
}

TEST_F(ProgressText, TheSourceIsShownWithWhetherItWasVerified) {
    EXPECT_EQ(source_text(rules).rfind("Source: No public source", 0), 0u);
    EXPECT_NE(source_text(rules).find("Not verified against an AWS document"), std::string::npos);
    rules.verified = true;
    EXPECT_NE(source_text(rules).find("Checked against an AWS document"), std::string::npos);
}

TEST_F(ProgressText, TheTopTierReachedSaysItIsTheHighest) {
    const TierProgress result = progress(document_with(10, 0, "2026-11-17"), "2026-11-18");
    EXPECT_EQ(next_tier_text(result), "Premier is the highest tier of this rule set");
}
