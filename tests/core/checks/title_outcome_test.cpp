// The title checker on what a title says: technology (vocabulary, AWS services, "Amazon <Name>"),
// outcomes (verbs and figures) and context.
#include <gtest/gtest.h>

#include <string>

#include "core/checks/title_test_support.h"
#include "core/test_assets.h"

using namespace reftier;
using namespace reftier::test;

// ---- Technology, outcome, context ---------------------------------------------------------------

TEST_F(TitleCheck, TitleWithoutTechnologyIsFlagged) {
    const TitleReport report = check("Acme Retail Cuts Cost for Its Stores in Europe");
    EXPECT_TRUE(has_code(report, "title-no-technology"));
    EXPECT_FALSE(has_code(report, "title-no-outcome"));
}

TEST_F(TitleCheck, TitleWithoutOutcomeIsFlagged) {
    const TitleReport report = check("Serverless Order Processing on Lambda for Retail");
    EXPECT_TRUE(has_code(report, "title-no-outcome"));
    EXPECT_FALSE(has_code(report, "title-no-technology"));
}

TEST_F(TitleCheck, TitleWithoutContextGetsATip) {
    const TitleReport report = check("Serverless Order Processing Cuts Cost for Acme");
    ASSERT_TRUE(has_code(report, "title-no-context"));
    EXPECT_EQ(find_code(report, "title-no-context")->severity, Severity::Tip);
}

TEST_F(TitleCheck, InflectedOutcomeVerbsAreRecognized) {
    for (std::string_view title : {"Serverless Drives Velocity in Retail Applications",
                                   "Serverless Reduced Latency in Retail Applications",
                                   "Serverless Is Optimizing Checkout in Retail Applications",
                                   "Serverless Simplifies Checkout in Retail Applications"})
        EXPECT_FALSE(has_code(check(title), "title-no-outcome")) << title;
}

TEST_F(TitleCheck, PluralOfAPhraseStillMatches) {
    EXPECT_FALSE(
        has_code(check("Data Lakes Speed Up Reporting in Healthcare"), "title-no-technology"));
}

TEST_F(TitleCheck, RecordServiceNamedInTheTitleCountsAsTechnology) {
    const std::string title = "Widgetizer Cuts Cost for Retail Stores Everywhere";
    TitleContext context;
    context.services = {"Widgetizer"};
    EXPECT_TRUE(has_code(check(title), "title-no-technology"));
    EXPECT_FALSE(has_code(check(title, context), "title-no-technology"));
}

TEST_F(TitleCheck, RecordWorkloadWordInTheTitleCountsAsTechnology) {
    const std::string title = "Order Routing Cuts Cost in Retail";
    TitleContext context;
    context.workload = "order routing";
    EXPECT_TRUE(has_code(check(title), "title-no-technology"));
    EXPECT_FALSE(has_code(check(title, context), "title-no-technology"));
}

TEST_F(TitleCheck, RecordIndustryInTheTitleCountsAsContext) {
    const std::string title = "Serverless Order Processing Cuts Cost in Agritech";
    TitleContext context;
    context.industry = "Agritech";
    EXPECT_TRUE(has_code(check(title), "title-no-context"));
    EXPECT_FALSE(has_code(check(title, context), "title-no-context"));
}

TEST_F(TitleCheck, FiguresStateAnOutcome) {
    for (std::string_view title : {"Payments on Amazon DynamoDB for Acme Retail: $2M a year",
                                   "35% of checkout traffic on AWS Lambda for Acme Retail",
                                   "Order processing on AWS Lambda at 3x the volume for retail",
                                   "2 million orders a day on Amazon EKS for Acme Retail",
                                   "400M+ documents on Amazon Bedrock for an insurer",
                                   "14,000 cloud accounts on AWS Organizations for a carmaker",
                                   "Claims review on Amazon Bedrock from days to minutes",
                                   "Claims review on Amazon Bedrock in minutes for insurers"})
        EXPECT_FALSE(has_code(check(title), "title-no-outcome")) << title;
}

TEST_F(TitleCheck, NumbersThatNameAThingAreNoFigure) {
    for (std::string_view title : {"Route 53 and Amazon S3 for Red Hat Enterprise Linux 8.9",
                                   "Part 2 of the 5G Edge Guide on AWS Outposts"})
        EXPECT_TRUE(has_code(check(title), "title-no-outcome")) << title;
}

TEST_F(TitleCheck, AmazonOrAwsWithCapitalisedWordsNamesAnAwsService) {
    // A service newer than any list.
    EXPECT_FALSE(
        has_code(check("Acme Retail Cuts Cost with Amazon Zephyr Streams"), "title-no-technology"));
    EXPECT_TRUE(
        has_code(check("Acme Retail Cuts Cost with the Zephyr Streams"), "title-no-technology"));
}

// The names come from assets/aws_services.json: without it they are unknown words.
TEST_F(TitleCheck, BotocoreServiceNamesCountAsTechnology) {
    const std::string title = "Acme Retail Cuts Cost with Elastic Load Balancing";
    EXPECT_FALSE(has_code(check(title), "title-no-technology"));
    const TitleRulesLoad without = load_title_rules(shipped_title_rules_json());
    ASSERT_NE(without.rules, nullptr);
    EXPECT_TRUE(has_code(check_title(title, {}, *without.rules), "title-no-technology"));
}

TEST_F(TitleCheck, ServicesAddedByHandCountAsTechnology) {
    EXPECT_FALSE(
        has_code(check("Acme Retail Ships Features Faster with Kiro"), "title-no-technology"));
}

TEST_F(TitleCheck, BareServiceNameIsAGenericLabel) {
    for (std::string_view title : {"Amazon S3", "AWS Lambda", "Amazon Elastic Kubernetes Service",
                                   "EC2", "Amazon Quick Suite"}) {
        const TitleReport report = check(title);
        ASSERT_TRUE(has_code(report, "title-generic")) << title;
        EXPECT_EQ(find_code(report, "title-generic")->severity, Severity::Error) << title;
        EXPECT_EQ(report.grade, Grade::Weak) << title;
    }
}

TEST_F(TitleCheck, ServiceNameWithAnOutcomeIsATitle) {
    EXPECT_FALSE(has_code(check("Amazon S3 Speeds Up Analytics"), "title-generic"));
}

TEST(TitleRules, AwsServicesFileErrorsNameTheFile) {
    const std::string rules = test::read_asset("title_rules.json");
    const TitleRulesLoad not_json = load_title_rules_text(rules, "{ not json");
    EXPECT_EQ(not_json.rules, nullptr);
    ASSERT_EQ(not_json.errors.size(), 1u);
    EXPECT_EQ(not_json.errors[0], "aws_services.json: is not valid JSON");
    const TitleRulesLoad wrong =
        load_title_rules_text(rules, R"({"services": 5, "added_by_hand": []})");
    ASSERT_EQ(wrong.errors.size(), 1u);
    EXPECT_EQ(wrong.errors[0], "aws_services.json: services must be a list of non-empty strings");
}

TEST(TitleRules, ServiceAddedByHandNeedsItsSource) {
    const TitleRulesLoad load =
        load_title_rules_text(test::read_asset("title_rules.json"),
                              R"({"services": [], "added_by_hand": [{"name": "Amazon Zephyr"}]})");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].find("added_by_hand[0]"), std::string::npos) << load.errors[0];
}
