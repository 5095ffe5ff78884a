// The one title measure: normalisation, similarity, and compare_titles agreeing with it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text/title_similarity.h"

using namespace reftier;

TEST(TitleSimilarity, IgnoresCaseAndPunctuation) {
    EXPECT_DOUBLE_EQ(
        title_similarity("Serverless Order Processing", "serverless order processing."), 1.0);
}

TEST(TitleSimilarity, OneWordChangedInALongTitleIsNearSame) {
    EXPECT_GE(title_similarity("DevOps and Cloud Culture Drive Velocity in Retail",
                               "DevOps and Cloud Culture Drives Velocity in Retail"),
              kNearDuplicateTitleThreshold);
}

TEST(TitleSimilarity, DifferentWorkloadsAreNotNearSame) {
    EXPECT_LT(title_similarity("Serverless Order Processing Cuts Cost for Retail",
                               "Data Lake on Amazon S3 Speeds Up Analytics for Retail"),
              kNearDuplicateTitleThreshold);
}

TEST(TitleSimilarity, TwoEmptyTitlesAreTheSame) {
    EXPECT_DOUBLE_EQ(title_similarity("", " "), 1.0);
}

TEST(TitleSimilarity, NormalizeCollapsesSeparators) {
    EXPECT_EQ(normalize_title("  AWS -- Lambda!!  Rocks "), "aws lambda rocks");
}

TEST(TitleSimilarity, CustomerKeyIgnoresCasePunctuationAndSpacing) {
    EXPECT_EQ(customer_key("Acme,  Inc."), customer_key("acme inc"));
    EXPECT_NE(customer_key("Acme Retail"), customer_key("Acme Bank"));
}

TEST(CompareTitles, EqualNormalisedTitlesAreTheSame) {
    std::vector<std::size_t> row;
    EXPECT_EQ(compare_titles(title_key("Serverless Order Processing"),
                             title_key("serverless order processing."), row),
              TitleLikeness::Same);
}

TEST(CompareTitles, OneWordChangedInALongTitleIsNearSame) {
    std::vector<std::size_t> row;
    EXPECT_EQ(compare_titles(title_key("DevOps and Cloud Culture Drive Velocity in Retail"),
                             title_key("DevOps and Cloud Culture Drives Velocity in Retail"), row),
              TitleLikeness::NearSame);
}

TEST(CompareTitles, DifferentWorkloadsAreDifferent) {
    std::vector<std::size_t> row;
    EXPECT_EQ(compare_titles(title_key("Serverless Order Processing Cuts Cost for Retail"),
                             title_key("Data Lake on Amazon S3 Speeds Up Analytics for Retail"),
                             row),
              TitleLikeness::Different);
}

// Near pairs, near misses and different lengths, for the tests that check every pair.
const std::vector<std::string> kPairedTitles = {
    "DevOps and Cloud Culture Drive Velocity in Retail",
    "DevOps and Cloud Culture Drives Velocity in Retail",
    "DevOps & Cloud Culture Drive Velocity for Retail",
    "Cloud Culture Drives Velocity in Retail",
    "Serverless Order Processing Cuts Cost in Retail",
    "Serverless Order Processing Cut Costs in Retail",
    "Serverless order processing",
    "Data Lake on Amazon S3 Speeds Up Analytics",
    "Data Lakes on Amazon S3 Speed Up Analytics",
    "abcdefghij",
    "abcdefghik",
    "a",
    "b",
};

// The banded distance with its early exit must decide exactly as the full similarity does.
TEST(CompareTitles, AgreesWithTheFullSimilarityOnEveryPairOfASet) {
    std::vector<std::size_t> row;
    for (const std::string& a : kPairedTitles) {
        for (const std::string& b : kPairedTitles) {
            const double similarity = title_similarity(a, b);
            const TitleLikeness expected = similarity >= 1.0 ? TitleLikeness::Same
                                           : similarity >= kNearDuplicateTitleThreshold
                                               ? TitleLikeness::NearSame
                                               : TitleLikeness::Different;
            EXPECT_EQ(compare_titles(title_key(a), title_key(b), row), expected)
                << a << " / " << b << " (" << similarity << ")";
        }
    }
}

TEST(CompareTitles, OverlongTitlesAreOnlyComparedExactly) {
    const std::string long_title(kMaxComparedTitle + 10, 'a');
    std::vector<std::size_t> row;
    EXPECT_EQ(compare_titles(title_key(long_title), title_key(long_title + "b"), row),
              TitleLikeness::Different);
    EXPECT_EQ(compare_titles(title_key(long_title), title_key(long_title), row),
              TitleLikeness::Same);
}

// The document check keeps only shapes and builds full keys for the pairs they leave: a pair
// ruled out must never be near-same.
TEST(MayBeNearSame, NeverRulesOutANearSamePairOfASet) {
    for (const std::string& a : kPairedTitles) {
        for (const std::string& b : kPairedTitles) {
            if (title_similarity(a, b) < kNearDuplicateTitleThreshold) continue;
            EXPECT_TRUE(may_be_near_same(title_key(a).shape, title_key(b).shape))
                << a << " / " << b;
        }
    }
}

TEST(MayBeNearSame, RulesOutTitlesOfVeryDifferentLengths) {
    EXPECT_FALSE(
        may_be_near_same(title_key("Serverless order processing").shape,
                         title_key("Serverless Order Processing Cuts Cost in Retail").shape));
}

TEST(MayBeNearSame, RulesOutTitlesWithFewLettersInCommon) {
    EXPECT_FALSE(
        may_be_near_same(title_key("abcdefghijklmnop").shape, title_key("qrstuvwxyz012345").shape));
}
