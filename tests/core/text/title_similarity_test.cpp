#include <gtest/gtest.h>

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
