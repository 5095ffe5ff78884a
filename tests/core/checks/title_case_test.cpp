// The title checker on letter case: title case and sentence case are correct; ALL CAPS, all lower
// case and mixed styles are not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/checks/title_test_support.h"

using namespace reftier;
using namespace reftier::test;

// ---- Case ---------------------------------------------------------------------------------------

TEST_F(TitleCheck, AcronymsAloneDoNotCountAsAllCaps) {
    EXPECT_FALSE(has_code(check("EKS ON AWS"), "title-all-caps"));
}

TEST_F(TitleCheck, MixedCaseFlagsTheLowercaseMainWords) {
    const std::string title = "DevOps and Cloud culture Drive velocity in Retail";
    const TitleReport report = check(title);
    EXPECT_EQ(spans_of(title, report, "title-inconsistent-case"),
              (std::vector<std::string>{"culture", "velocity"}));
}

// AWS writes most titles in sentence case now; it is as correct as title case.
TEST_F(TitleCheck, SentenceCaseIsCorrect) {
    const TitleReport report = check("Serverless order processing cuts cost in retail");
    EXPECT_FALSE(has_code(report, "title-inconsistent-case"));
    EXPECT_EQ(report.grade, Grade::Strong);
}

TEST_F(TitleCheck, BrandNamesWithInnerCapitalsAreNotLowercaseWords) {
    EXPECT_FALSE(has_code(check("Serverless Checkout on iPhone Cuts Cost in Retail"),
                          "title-inconsistent-case"));
}

TEST_F(TitleCheck, SentenceCaseAsAwsWritesItIsCorrect) {
    const TitleReport report =
        check("How Nubank saved $15M on Amazon DynamoDB costs with PointFive");
    EXPECT_FALSE(has_code(report, "title-inconsistent-case"));
    EXPECT_EQ(report.grade, Grade::Strong);
}

TEST_F(TitleCheck, OneLowerCaseWordInTitleCaseIsNoMix) {
    EXPECT_FALSE(
        has_code(check("Seeq's Advanced Analytics on AWS boosts Manufacturing Sustainability"),
                 "title-inconsistent-case"));
}

// Sentence case capitalises names; words the vocabulary does not know may be names.
TEST_F(TitleCheck, NamesInASentenceCaseTitleAreNoMix) {
    EXPECT_FALSE(has_code(check("How Boomi Scribe streamlines documentation using AWS"),
                          "title-inconsistent-case"));
}

TEST_F(TitleCheck, EachPartOfATitleStartsWithACapital) {
    EXPECT_FALSE(has_code(
        check("From weeks to hours: How a UK energy retailer transformed pricebooks on AWS"),
        "title-inconsistent-case"));
}

TEST_F(TitleCheck, AllCapsIsWeak) {
    const std::string title = "SERVERLESS ORDER PROCESSING CUTS COSTS FOR RETAIL CUSTOMERS";
    const TitleReport report = check(title);
    ASSERT_TRUE(has_code(report, "title-all-caps"));
    EXPECT_EQ(report.grade, Grade::Weak);
}

TEST_F(TitleCheck, AllLowerCaseIsWeak) {
    const TitleReport report =
        check("serverless order processing on aws lambda cuts costs for retail");
    ASSERT_TRUE(has_code(report, "title-all-lower-case"));
    EXPECT_EQ(report.grade, Grade::Weak);
}

TEST_F(TitleCheck, WordsWithoutCaseAreNotAllLowerCase) {
    EXPECT_FALSE(has_code(check("日本語 の タイトル"), "title-all-lower-case"));
}

TEST_F(TitleCheck, AwsWrittenInLowerCasePointsAtTheBrand) {
    const std::string title = "Data Lake Migration for Acme Retail on amazon s3";
    const TitleReport report = check(title);
    EXPECT_EQ(spans_of(title, report, "title-inconsistent-case"),
              std::vector<std::string>{"amazon"});
    EXPECT_EQ(report.grade, Grade::Weak);
}

TEST_F(TitleCheck, SentenceCaseWithCapitalisedCommonWordsIsAMix) {
    const std::string title =
        "Serverless Order Processing cuts costs And Speeds up checkout for Retail stores";
    const TitleReport report = check(title);
    EXPECT_EQ(spans_of(title, report, "title-inconsistent-case"),
              (std::vector<std::string>{"Processing", "Speeds", "Retail"}));
    EXPECT_EQ(report.grade, Grade::Weak);
}
