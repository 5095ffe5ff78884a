// The title checker: grades, placeholders and generic labels, length, punctuation, sibling titles,
// unusual input, and loading the rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "core/checks/title_test_support.h"

using namespace reftier;
using namespace reftier::test;

// ---- Grades -----------------------------------------------------------------------------------

TEST_F(TitleCheck, SeedDevOpsExampleGradesStrongWithNoFindings) {
    const TitleReport report = check("DevOps and Cloud Culture Drive Velocity in Retail");
    EXPECT_EQ(report.grade, Grade::Strong);
    EXPECT_EQ(report.score, 100);
    EXPECT_TRUE(report.findings.empty());
}

TEST_F(TitleCheck, SeedServerlessExampleGradesStrongWithNoFindings) {
    const TitleReport report =
        check("Introducing Serverless to Optimize Cost with Everyday Applications");
    EXPECT_EQ(report.grade, Grade::Strong);
    EXPECT_EQ(report.score, 100);
    EXPECT_TRUE(report.findings.empty());
}

TEST_F(TitleCheck, CaseStudyIsWeakBecauseItIsAGenericLabel) {
    const TitleReport report = check("Case Study");
    EXPECT_EQ(report.grade, Grade::Weak);
    ASSERT_TRUE(has_code(report, "title-generic"));
    EXPECT_EQ(find_code(report, "title-generic")->severity, Severity::Error);
    EXPECT_TRUE(has_code(report, "title-too-short-words"));
    EXPECT_TRUE(has_code(report, "title-no-technology"));
    EXPECT_TRUE(has_code(report, "title-no-outcome"));
}

TEST_F(TitleCheck, TbdIsWeakBecauseItIsAPlaceholder) {
    const TitleReport report = check("TBD");
    EXPECT_EQ(report.grade, Grade::Weak);
    ASSERT_TRUE(has_code(report, "title-placeholder"));
    EXPECT_EQ(find_code(report, "title-placeholder")->severity, Severity::Error);
    EXPECT_EQ(spans_of("TBD", report, "title-placeholder"), std::vector<std::string>{"TBD"});
}

TEST_F(TitleCheck, ShoutedCustomerSuccessIsWeakGenericAndAllCaps) {
    const std::string title = "CUSTOMER SUCCESS WITH AWS";
    const TitleReport report = check(title);
    EXPECT_EQ(report.grade, Grade::Weak);
    EXPECT_EQ(spans_of(title, report, "title-generic"),
              (std::vector<std::string>{"CUSTOMER SUCCESS", "AWS"}));
    EXPECT_EQ(spans_of(title, report, "title-all-caps"),
              (std::vector<std::string>{"CUSTOMER", "SUCCESS", "WITH"}));
    EXPECT_TRUE(has_code(report, "title-no-outcome"));
}

TEST_F(TitleCheck, BareUrlIsWeakBecauseAUrlIsNotATitle) {
    const std::string title = "https://example.com/case";
    const TitleReport report = check(title);
    EXPECT_EQ(report.grade, Grade::Weak);
    ASSERT_TRUE(has_code(report, "title-url"));
    EXPECT_EQ(find_code(report, "title-url")->severity, Severity::Error);
    EXPECT_EQ(spans_of(title, report, "title-url"), std::vector<std::string>{title});
}

TEST_F(TitleCheck, ScoreStaysWithinZeroAndOneHundred) {
    for (std::string_view title :
         {"", "TBD", "!!!", "Case Study", "CUSTOMER SUCCESS WITH AWS", "🚀🚀🚀 http://x.io ...",
          "DevOps and Cloud Culture Drive Velocity in Retail",
          "very really truly leveraging synergy best-in-class world-class cutting-edge "
          "solutions"}) {
        const TitleReport report = check(title);
        EXPECT_GE(report.score, 0) << title;
        EXPECT_LE(report.score, 100) << title;
    }
}

TEST_F(TitleCheck, FindingsCarryPathTitleAndTitleCodes) {
    const TitleReport report = check("serverless!! 🚀 www.acme.com.");
    ASSERT_FALSE(report.findings.empty());
    for (const Finding& finding : report.findings) {
        EXPECT_EQ(finding.path, "title");
        EXPECT_EQ(finding.code.rfind("title-", 0), 0u) << finding.code;
        EXPECT_FALSE(finding.message.empty()) << finding.code;
    }
}

TEST_F(TitleCheck, ErrorsAreListedBeforeWarningsAndTips) {
    const TitleReport report = check("Case Study");
    ASSERT_FALSE(report.findings.empty());
    EXPECT_TRUE(
        std::is_sorted(report.findings.begin(), report.findings.end(),
                       [](const Finding& a, const Finding& b) { return a.severity < b.severity; }));
    EXPECT_EQ(report.findings.front().severity, Severity::Error);
}

TEST(TitleGrade, SpellsEachGradeInLowerCase) {
    EXPECT_EQ(to_string(Grade::Weak), "weak");
    EXPECT_EQ(to_string(Grade::Fair), "fair");
    EXPECT_EQ(to_string(Grade::Strong), "strong");
}

// ---- Empty, placeholder, generic --------------------------------------------------------------

TEST_F(TitleCheck, EmptyTitleIsAnErrorScoringZero) {
    const TitleReport report = check("");
    EXPECT_EQ(report.score, 0);
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].code, "title-empty");
    EXPECT_EQ(report.findings[0].severity, Severity::Error);
}

TEST_F(TitleCheck, WhitespaceOnlyTitleIsEmpty) {
    EXPECT_TRUE(has_code(check(" \t\u00a0 "), "title-empty"));
}

TEST_F(TitleCheck, PunctuationOnlyTitleHasNoWords) {
    const TitleReport report = check("?!?");
    EXPECT_TRUE(has_code(report, "title-empty"));
    EXPECT_EQ(report.grade, Grade::Weak);
}

TEST_F(TitleCheck, PlaceholderInsideATitlePointsAtThePlaceholder) {
    const std::string title = "TBD: Serverless Order Processing";
    const TitleReport report = check(title);
    EXPECT_EQ(spans_of(title, report, "title-placeholder"), std::vector<std::string>{"TBD"});
    EXPECT_EQ(report.grade, Grade::Weak);
}

TEST_F(TitleCheck, AmbiguousPlaceholderWordAloneIsAPlaceholder) {
    EXPECT_TRUE(has_code(check("Test Title"), "title-placeholder"));
}

TEST_F(TitleCheck, AmbiguousPlaceholderWordInARealTitleIsFine) {
    const TitleReport report = check("Test Automation with CodePipeline Speeds Delivery in Retail");
    EXPECT_FALSE(has_code(report, "title-placeholder"));
    EXPECT_EQ(report.grade, Grade::Strong);
}

TEST_F(TitleCheck, GenericPhraseInAnOtherwiseGoodTitleIsAWarning) {
    const std::string title = "Customer Success: Serverless Order Processing Cuts Cost in Retail";
    const TitleReport report = check(title);
    ASSERT_TRUE(has_code(report, "title-generic"));
    EXPECT_EQ(find_code(report, "title-generic")->severity, Severity::Warning);
    EXPECT_EQ(spans_of(title, report, "title-generic"),
              std::vector<std::string>{"Customer Success"});
}

// ---- Length -------------------------------------------------------------------------------------

TEST_F(TitleCheck, ThreeWordsIsTooShortInWords) {
    const TitleReport report = check("Serverless Cuts Cost");
    ASSERT_TRUE(has_code(report, "title-too-short-words"));
    EXPECT_NE(find_code(report, "title-too-short-words")->message.find("3 words"),
              std::string::npos);
}

// Published AWS titles run 8 to 13 words (tests/data/titles): that is no length problem.
TEST_F(TitleCheck, TenWordsIsNoLengthProblem) {
    const TitleReport report =
        check("Data Lakes on Amazon S3 Speed Up Analytics for Retailers Everywhere");
    EXPECT_FALSE(has_code(report, "title-too-long-words"));
    EXPECT_EQ(report.grade, Grade::Strong);
}

TEST_F(TitleCheck, FifteenWordsIsOnlyATipAboutLength) {
    const TitleReport report = check("Data Lakes on Amazon S3 Speed Up Analytics and Reporting for "
                                     "Retailers and Their Stores Everywhere");
    ASSERT_TRUE(has_code(report, "title-too-long-words"));
    EXPECT_EQ(find_code(report, "title-too-long-words")->severity, Severity::Tip);
    EXPECT_NE(report.grade, Grade::Weak);
}

TEST_F(TitleCheck, SeventeenWordsIsAWarningAboutLength) {
    const TitleReport report =
        check("How We Moved the Order Processing of a Big Retail Chain to Serverless and Cut "
              "Cost by a Lot");
    ASSERT_TRUE(has_code(report, "title-too-long-words"));
    EXPECT_EQ(find_code(report, "title-too-long-words")->severity, Severity::Warning);
}

TEST_F(TitleCheck, LengthMessagesNameTheCountTheUnitAndTheBestBand) {
    const TitleReport one = check("Serverless");
    ASSERT_TRUE(has_code(one, "title-too-short-words"));
    EXPECT_EQ(find_code(one, "title-too-short-words")->message,
              "The title has 1 word; 5 to 13 read best.");
    EXPECT_EQ(find_code(one, "title-too-short-characters")->message,
              "The title has 10 characters, not counting spaces; 30 to 90 read best.");

    // Longer than any title seen in practice, so no message is kept ready for these counts.
    std::string title;
    for (int i = 0; i < 300; ++i) title += "Serverless ";
    const TitleReport long_title = check(title);
    EXPECT_EQ(find_code(long_title, "title-too-long-words")->message,
              "The title has 300 words; 5 to 13 read best.");
    EXPECT_EQ(find_code(long_title, "title-too-long-characters")->message,
              "The title has 3000 characters, not counting spaces; 30 to 90 read best.");
}

TEST_F(TitleCheck, CharactersAreCountedWithoutSpaces) {
    // 18 characters, 20 with the spaces.
    const TitleReport report = check("Serverless Cuts Cost");
    ASSERT_TRUE(has_code(report, "title-too-short-characters"));
    EXPECT_NE(find_code(report, "title-too-short-characters")->message.find("18 characters"),
              std::string::npos);
}

TEST_F(TitleCheck, LongWordsCanMakeATitleTooLongInCharactersAlone) {
    const TitleReport report =
        check("Containerized Microservices Dramatically Accelerate Deployments for "
              "Telecommunications Conglomerates");
    EXPECT_FALSE(has_code(report, "title-too-long-words"));
    EXPECT_TRUE(has_code(report, "title-too-long-characters"));
}

// ---- Punctuation, emoji, URLs, filler -----------------------------------------------------------

TEST_F(TitleCheck, TrailingPeriodIsATipPointingAtThePeriod) {
    const std::string title = "Serverless Order Processing Cuts Cost in Retail.";
    const TitleReport report = check(title);
    ASSERT_TRUE(has_code(report, "title-trailing-period"));
    EXPECT_EQ(find_code(report, "title-trailing-period")->severity, Severity::Tip);
    ASSERT_EQ(find_code(report, "title-trailing-period")->spans.size(), 1u);
    EXPECT_EQ(find_code(report, "title-trailing-period")->spans[0].begin, title.size() - 1);
}

TEST_F(TitleCheck, DotInsideAWordIsNotATrailingPeriod) {
    const TitleReport report = check("Serverless Node.js Cuts Cost in Retail");
    EXPECT_FALSE(has_code(report, "title-trailing-period"));
    EXPECT_FALSE(has_code(report, "title-repeated-punctuation"));
}

TEST_F(TitleCheck, RepeatedPunctuationPointsAtEachRun) {
    const std::string title = "Serverless Cuts Cost!! Really?! Wait...";
    const TitleReport report = check(title);
    EXPECT_EQ(spans_of(title, report, "title-repeated-punctuation"),
              (std::vector<std::string>{"!!", "?!", "..."}));
    EXPECT_FALSE(has_code(report, "title-trailing-period"));
}

TEST_F(TitleCheck, EllipsisCharacterIsRepeatedPunctuation) {
    const std::string title = "Serverless Order Processing Cuts Cost in Retail\u2026";
    EXPECT_EQ(spans_of(title, check(title), "title-repeated-punctuation"),
              std::vector<std::string>{"\u2026"});
}

TEST_F(TitleCheck, EmojiSequencesArePointedAtWhole) {
    // A rocket pair, a flag (two regional indicators) and a ZWJ family sequence.
    const std::string title = "Serverless \U0001F680\U0001F680 Cuts Cost \U0001F1FA\U0001F1F8 in "
                              "Retail \U0001F468\u200D\U0001F469\u200D\U0001F467";
    EXPECT_EQ(spans_of(title, check(title), "title-emoji"),
              (std::vector<std::string>{"\U0001F680\U0001F680", "\U0001F1FA\U0001F1F8",
                                        "\U0001F468\u200D\U0001F469\u200D\U0001F467"}));
}

TEST_F(TitleCheck, UrlInsideATitleIsAnErrorPointingAtTheUrl) {
    const std::string title = "Serverless Order Processing Cuts Cost, see www.acme.com/retail";
    const TitleReport report = check(title);
    EXPECT_EQ(spans_of(title, report, "title-url"),
              std::vector<std::string>{"www.acme.com/retail"});
    EXPECT_EQ(report.grade, Grade::Weak);
}

TEST_F(TitleCheck, FillerWordsArePointedAt) {
    const std::string title = "Leveraging Best-in-Class Serverless to Really Cut Cost in Retail";
    EXPECT_EQ(spans_of(title, check(title), "title-filler"),
              (std::vector<std::string>{"Leveraging", "Best-in-Class", "Really"}));
}

// ---- Sibling titles -----------------------------------------------------------------------------

TEST_F(TitleCheck, SameTitleAsASiblingIsAnError) {
    TitleContext context;
    context.sibling_titles = {"Serverless order processing cuts cost in Retail."};
    const TitleReport report = check("Serverless Order Processing Cuts Cost in Retail", context);
    ASSERT_TRUE(has_code(report, "title-duplicate"));
    EXPECT_EQ(find_code(report, "title-duplicate")->severity, Severity::Error);
    EXPECT_EQ(report.grade, Grade::Weak);
}

TEST_F(TitleCheck, NearSameTitleAsASiblingIsAWarning) {
    TitleContext context;
    context.sibling_titles = {"Data Lake on Amazon S3 Speeds Up Analytics for Retail"};
    const TitleReport report =
        check("Data Lakes on Amazon S3 Speed Up Analytics for Retailers", context);
    ASSERT_TRUE(has_code(report, "title-near-duplicate"));
    EXPECT_EQ(find_code(report, "title-near-duplicate")->severity, Severity::Warning);
    EXPECT_FALSE(has_code(report, "title-duplicate"));
}

TEST_F(TitleCheck, DifferentSiblingTitleIsNotFlagged) {
    TitleContext context;
    context.sibling_titles = {"Data Lake on Amazon S3 Speeds Up Analytics for Retail", ""};
    const TitleReport report = check("Serverless Order Processing Cuts Cost in Retail", context);
    EXPECT_FALSE(has_code(report, "title-near-duplicate"));
    EXPECT_FALSE(has_code(report, "title-duplicate"));
}

// ---- Unusual input ------------------------------------------------------------------------------

TEST_F(TitleCheck, AccentedTitleIsCheckedLikeAnyOther) {
    const std::string title = "Café Chain Modernizes Serverless Ordering in Retail";
    const TitleReport report = check(title);
    EXPECT_EQ(report.grade, Grade::Strong);
    EXPECT_FALSE(has_code(report, "title-inconsistent-case"));
}

TEST_F(TitleCheck, AccentedLowercaseWordCountsAsLowercase) {
    const std::string title =
        "Serverless Ordering Cuts Cost for Retail Canteens in école élémentaire";
    EXPECT_EQ(spans_of(title, check(title), "title-inconsistent-case"),
              (std::vector<std::string>{"école", "élémentaire"}));
}

TEST_F(TitleCheck, JapaneseTitleCountsCharactersNotBytes) {
    const TitleReport report = check("日本語のタイトル");
    ASSERT_TRUE(has_code(report, "title-too-short-characters"));
    EXPECT_NE(find_code(report, "title-too-short-characters")->message.find("8 characters"),
              std::string::npos);
    EXPECT_FALSE(has_code(report, "title-all-caps"));
}

TEST_F(TitleCheck, InvalidUtf8IsCheckedWithoutCrashing) {
    const std::string title = "Serverless \xff\xfe Cuts \xe6\x97 Cost in Retail \xf0\x9f";
    const TitleReport report = check(title);
    for (const Finding& finding : report.findings)
        for (const Span& span : finding.spans) EXPECT_LE(span.begin + span.length, title.size());
}

TEST_F(TitleCheck, TenThousandCharacterTitleFinishesQuickly) {
    std::string title;
    while (title.size() < 10000) title += "Serverless Order Processing Cuts Cost!! ";
    const auto start = std::chrono::steady_clock::now();
    const TitleReport report = check(title, retail_order_record());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_TRUE(has_code(report, "title-too-long-words"));
    EXPECT_TRUE(has_code(report, "title-too-long-characters"));
    EXPECT_LT(elapsed, std::chrono::seconds(1));
}

// ---- Loading the rules --------------------------------------------------------------------------

TEST(TitleRules, ShippedRulesLoadWithoutErrors) {
    const TitleRulesLoad& load = shipped_title_rules();
    EXPECT_NE(load.rules, nullptr);
    EXPECT_TRUE(load.errors.empty()) << (load.errors.empty() ? "" : load.errors.front());
}

TEST(TitleRules, TextThatIsNotJsonIsRefused) {
    const TitleRulesLoad load = load_title_rules_text("{ not json");
    EXPECT_EQ(load.rules, nullptr);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].find("not valid JSON"), std::string::npos);
}

TEST(TitleRules, DocumentThatIsNotAnObjectIsRefused) {
    const TitleRulesLoad load = load_title_rules(nlohmann::json::array());
    EXPECT_EQ(load.rules, nullptr);
    EXPECT_FALSE(load.errors.empty());
}

TEST(TitleRules, WrongTypeIsReportedByKey) {
    nlohmann::json data = shipped_title_rules_json();
    data["outcome_terms"] = 5;
    data["weights"]["technology"] = "high";
    const TitleRulesLoad load = load_title_rules(data);
    EXPECT_EQ(load.rules, nullptr);
    ASSERT_EQ(load.errors.size(), 2u);
    EXPECT_EQ(load.errors[0],
              "title_rules.json: outcome_terms must be a list of non-empty strings");
    EXPECT_NE(load.errors[1].find("weights.technology"), std::string::npos);
}

TEST(TitleRules, WeightsMustAddUpToOneHundred) {
    nlohmann::json data = shipped_title_rules_json();
    data["weights"]["technology"] = 50;
    const TitleRulesLoad load = load_title_rules(data);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0], "title_rules.json: weights must add up to 100");
}

TEST(TitleRules, PenaltyForAnUnknownCodeIsRefused) {
    nlohmann::json data = shipped_title_rules_json();
    data["penalties"]["title-too-clever"] = 5;
    const TitleRulesLoad load = load_title_rules(data);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].find("penalties.title-too-clever"), std::string::npos);
}

TEST(TitleRules, LengthBandsWithAGapAreRefused) {
    nlohmann::json data = shipped_title_rules_json();
    data["word_count_bands"][2]["min"] = 6;
    const TitleRulesLoad load = load_title_rules(data);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].find("word_count_bands"), std::string::npos);
}

TEST(TitleRules, SuggestionTemplateWithoutWorkloadIsRefused) {
    nlohmann::json data = shipped_title_rules_json();
    data["suggestion"]["templates"].push_back("{outcome} in {industry}");
    const TitleRulesLoad load = load_title_rules(data);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_NE(load.errors[0].find("suggestion.templates"), std::string::npos);
}

TEST(TitleRules, InflectionsComeFromTheStemmingRules) {
    const std::string title = "Serverless Is Optimizing Checkout in Retail Applications";
    ASSERT_FALSE(
        has_code(check_title(title, {}, *shipped_title_rules().rules), "title-no-outcome"));
    nlohmann::json data = shipped_title_rules_json();
    data["stemming"]["rules"] = nlohmann::json::array();
    const TitleRulesLoad load = load_title_rules(data);
    ASSERT_NE(load.rules, nullptr);
    EXPECT_TRUE(has_code(check_title(title, {}, *load.rules), "title-no-outcome"));
}

TEST(TitleRules, VocabularyComesFromTheRulesNotTheCode) {
    nlohmann::json data = shipped_title_rules_json();
    auto& industries = data["industries"];
    industries.erase(std::find(industries.begin(), industries.end(), "retail"));
    const TitleRulesLoad load = load_title_rules(data);
    ASSERT_NE(load.rules, nullptr);
    const TitleReport report =
        check_title("DevOps and Cloud Culture Drive Velocity in Retail", {}, *load.rules);
    EXPECT_TRUE(has_code(report, "title-no-context"));
}
