// The suggested rewrite: built only from the record, in the partner's own style.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/checks/title_test_support.h"

using namespace reftier;
using namespace reftier::test;

// ---- Suggestion ---------------------------------------------------------------------------------

TEST_F(TitleSuggestion, IsBuiltFromWorkloadOutcomeAndIndustry) {
    const TitleReport report = check("Case Study", retail_order_record());
    EXPECT_EQ(report.suggestion, "Serverless Order Processing to Optimize Cost in Retail");
}

TEST_F(TitleSuggestion, UsesNoWordsBeyondTheRecordAndTheRules) {
    TitleContext context;
    context.workload = "migration of 200 legacy databases to Amazon Aurora";
    context.industry = "Financial Services";
    context.services = {"Aurora", "DMS"};
    const TitleReport report = check("TBD", context);
    ASSERT_FALSE(report.suggestion.empty());

    std::set<std::string> allowed = words_of(context.workload);
    for (const std::string& word : words_of(context.industry)) allowed.insert(word);
    for (std::string_view service : context.services)
        for (const std::string& word : words_of(service)) allowed.insert(word);
    collect_json_words(shipped_title_rules_json(), allowed);
    for (const std::string& word : words_of(report.suggestion))
        EXPECT_TRUE(allowed.count(word)) << word << " in " << report.suggestion;
}

TEST_F(TitleSuggestion, GradesAtLeastFairWhenChecked) {
    std::vector<TitleContext> records(3, retail_order_record());
    records[1].workload = "data lake on Amazon S3";
    records[1].industry = "";
    records[2].workload = "ci/cd pipelines on aws codepipeline";
    records[2].services = {"CodePipeline", "ECS"};
    for (const TitleContext& record : records) {
        const TitleReport report = check("Untitled", record);
        ASSERT_FALSE(report.suggestion.empty()) << record.workload;
        EXPECT_NE(check(report.suggestion, record).grade, Grade::Weak) << report.suggestion;
    }
}

TEST_F(TitleSuggestion, IsEmptyWhenTheRecordHasNoWorkload) {
    TitleContext context = retail_order_record();
    context.workload = "  ";
    EXPECT_TRUE(check("Case Study", context).suggestion.empty());
}

TEST_F(TitleSuggestion, IsEmptyWhenTheTitleIsAlreadyStrong) {
    EXPECT_TRUE(check("DevOps and Cloud Culture Drive Velocity in Retail", retail_order_record())
                    .suggestion.empty());
}

TEST_F(TitleSuggestion, KeepsTheVocabularySpellingOfTechnologyNames) {
    TitleContext context = retail_order_record();
    context.workload = "ci/cd pipelines on aws codepipeline";
    EXPECT_EQ(check("", context).suggestion,
              "CI/CD Pipelines on AWS CodePipeline to Drive Velocity in Retail");
}

TEST_F(TitleSuggestion, DoesNotRepeatAnIndustryTheWorkloadAlreadyNames) {
    TitleContext context = retail_order_record();
    context.workload = "retail order processing";
    const std::string suggestion = check("", context).suggestion;
    EXPECT_EQ(suggestion.find("Retail"), suggestion.rfind("Retail")) << suggestion;
}

TEST_F(TitleSuggestion, NamesTheRecordServicesWhenTheWorkloadIsShort) {
    TitleContext context = retail_order_record();
    context.workload = "serverless";
    context.services = {"Lambda", "DynamoDB"};
    EXPECT_EQ(check("", context).suggestion,
              "Serverless on Lambda and DynamoDB to Optimize Cost in Retail");
}

TEST_F(TitleSuggestion, TurnsControlCharactersInTheRecordIntoSpaces) {
    TitleContext context = retail_order_record();
    context.workload = "serverless\torder\x1b[31m processing\n";
    const std::string suggestion = check("", context).suggestion;
    ASSERT_FALSE(suggestion.empty());
    EXPECT_TRUE(std::none_of(suggestion.begin(), suggestion.end(), [](char c) {
        return static_cast<unsigned char>(c) < ' ' || c == 0x7F;
    })) << suggestion;
}

TEST_F(TitleSuggestion, IsLeftEmptyWhenTheCallerDoesNotWantOne) {
    TitleContext context = retail_order_record();
    context.want_suggestion = false;
    const TitleReport report = check("Case Study", context);
    EXPECT_EQ(report.grade, Grade::Weak);
    EXPECT_TRUE(report.suggestion.empty());
}

// Building the suggestion checks candidate titles with the same working data as the title
// itself; the report must not depend on whether that happened.
TEST_F(TitleSuggestion, LeavesTheRestOfTheReportAsItIsWithoutOne) {
    TitleContext context = retail_order_record();
    context.services = {"Lambda", "DynamoDB"};
    for (std::string_view title :
         {"Case Study", "", "serverless order processing.", "TBD!!", "CLOUD MIGRATION PROJECT",
          "Data Lakes Speed Up Reporting in Healthcare", "Lambda Cuts Cost for Retail Stores"}) {
        context.want_suggestion = true;
        TitleReport with = check(title, context);
        context.want_suggestion = false;
        const TitleReport without = check(title, context);
        EXPECT_TRUE(without.suggestion.empty()) << title;
        with.suggestion.clear();
        EXPECT_EQ(with.score, without.score) << title;
        EXPECT_EQ(with.grade, without.grade) << title;
        EXPECT_EQ(with.findings, without.findings) << title;
    }
}

TEST_F(TitleSuggestion, KeepsTheSentenceCaseOfTheTitle) {
    EXPECT_EQ(check("our new checkout", retail_order_record()).suggestion,
              "Serverless order processing to optimize cost in retail");
    TitleContext context = retail_order_record();
    context.workload = "ci/cd pipelines on aws codepipeline";
    EXPECT_EQ(check("Pipelines for the stores", context).suggestion,
              "CI/CD pipelines on AWS CodePipeline to drive velocity in retail");
}

TEST_F(TitleSuggestion, KeepsTheTitleCaseOfTheTitle) {
    EXPECT_EQ(check("Our New Checkout", retail_order_record()).suggestion,
              "Serverless Order Processing to Optimize Cost in Retail");
}
