// Format version 2 (docs/format.md): rule sets in the document, the partner's scorecard, tier
// requirements, ace_opportunity_id; version 1 files migrate and are written back as version 2.
#include <gtest/gtest.h>

#include <functional>

#include "core/format/document_json.h"
#include "core/format/document_merge.h"
#include "core/test_assets.h"

using namespace reftier;
using nlohmann::json;

namespace {

std::string errors_text(const ReadResult& result) {
    std::string text;
    for (const ReadError& error : result.errors) text += to_string(error) + "\n";
    return text;
}

json v2_example() {
    return json::parse(test::read_data("valid/product_example_v2.json"));
}

ReadResult read_v2_with(const std::function<void(json&)>& change) {
    json document = v2_example();
    change(document);
    return read_document(document.dump(2));
}

bool has_error(const ReadResult& result, std::string_view path, std::string_view part) {
    for (const ReadError& error : result.errors)
        if (error.path == path && error.message.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST(DocumentVersionTwo, ReadsRuleSetsScorecardRequirementsAndTheAceId) {
    const ReadResult result = read_document(test::read_data("valid/product_example_v2.json"));
    ASSERT_TRUE(result.document) << errors_text(result);
    const Document& d = *result.document;
    EXPECT_EQ(result.source_version, 2);
    EXPECT_EQ(d.partner.rule_set, "our-scorecard");
    EXPECT_EQ(d.partner.scorecard,
              (Scorecard{{"csat_responses", 12}, {"launched_opportunities", 5}}));
    ASSERT_EQ(d.rule_sets.size(), 1u);
    const RuleSet& rules = d.rule_sets[0];
    EXPECT_EQ(rules.source, "Partner Scorecard in Partner Central");
    EXPECT_FALSE(rules.verified);
    ASSERT_EQ(rules.tiers.size(), 4u);
    ASSERT_EQ(rules.tiers[2].requirements.size(), 1u);
    EXPECT_EQ(rules.tiers[2].requirements[0].id, "launched_opportunities");
    EXPECT_EQ(rules.tiers[2].requirements[0].required, 20);
    EXPECT_EQ(d.references[0].ace_opportunity_id, std::optional<std::string>("O1234567"));
}

TEST(DocumentVersionTwo, MigratesAVersionOneFileAndWritesItBackAsVersionTwo) {
    const std::string original = test::read_data("valid/product_example.json");
    const ReadResult result = read_document(original);
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_EQ(result.source_version, 1);
    json expected = json::parse(original);
    expected["version"] = 2; // and nothing else changes: no empty version 2 fields appear
    EXPECT_EQ(json::parse(write_document(*result.document)), expected);
}

TEST(DocumentVersionTwo, EveryWrittenFileCarriesVersionTwoSoAVersionOneReaderRefusesIt) {
    const std::string text = write_document(Document{}, -1);
    EXPECT_EQ(json::parse(text)["version"], 2);
    EXPECT_EQ(kFormatVersion, 2);
}

TEST(DocumentVersionTwo, RefusesVersionThreeAsNewer) {
    const ReadResult result = read_v2_with([](json& d) { d["version"] = 3; });
    EXPECT_FALSE(result.document);
    EXPECT_TRUE(has_error(result, "version", "written by a newer RefTier (version 3)"))
        << errors_text(result);
}

TEST(DocumentVersionTwo, RoundTripsEveryVersionTwoFieldAndUnknownFieldsInsideRuleSets) {
    ReadResult first = read_v2_with([](json& d) {
        d["rule_sets"][0]["owner"] = "alliance lead";
        d["rule_sets"][0]["tiers"][2]["note"] = json::array({1, 2});
        d["rule_sets"][0]["tiers"][2]["requirements"][0]["scorecard_row"] =
            "Launched Opportunities";
    });
    ASSERT_TRUE(first.document) << errors_text(first);
    const ReadResult second = read_document(write_document(*first.document));
    ASSERT_TRUE(second.document) << errors_text(second);
    EXPECT_EQ(*second.document, *first.document);
    EXPECT_EQ(second.document->rule_sets[0].unknown_fields["owner"], "alliance lead");
}

TEST(DocumentVersionTwo, NullVersionTwoFieldsReadAsAbsent) {
    const ReadResult result = read_v2_with([](json& d) {
        d["rule_sets"] = nullptr;
        d["partner"]["scorecard"] = nullptr;
        d["references"][0]["ace_opportunity_id"] = nullptr;
    });
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_TRUE(result.document->rule_sets.empty());
    EXPECT_TRUE(result.document->partner.scorecard.empty());
    EXPECT_FALSE(result.document->references[0].ace_opportunity_id);
}

TEST(DocumentVersionTwo, AbsentTierRequiredIsRefusedButNullMeansNoSuchTier) {
    EXPECT_TRUE(
        has_error(read_v2_with([](json& d) { d["rule_sets"][0]["tiers"][3].erase("required"); }),
                  "rule_sets[0].tiers[3].required", "missing required field"));
    const ReadResult result =
        read_v2_with([](json& d) { d["rule_sets"][0]["tiers"][3]["required"] = nullptr; });
    ASSERT_TRUE(result.document) << errors_text(result);
    EXPECT_FALSE(result.document->rule_sets[0].tiers[3].required);
}

TEST(DocumentVersionTwo, NamesAScorecardCountOutOfRange) {
    const ReadResult result =
        read_v2_with([](json& d) { d["partner"]["scorecard"]["csat_responses"] = -1; });
    EXPECT_EQ(errors_text(result), "partner.scorecard.csat_responses: is -1; it must be a whole "
                                   "number from 0 to 1000000000\n");
}

TEST(DocumentVersionTwo, QuotesAScorecardKeyOfAnotherFormWithoutItsControlCharacter) {
    const ReadResult result =
        read_v2_with([](json& d) { d["partner"]["scorecard"]["bad\u001bkey"] = 1; });
    ASSERT_EQ(result.errors.size(), 1u) << errors_text(result);
    EXPECT_EQ(result.errors[0].path, "partner.scorecard");
    EXPECT_EQ(result.errors[0].message.find('\x1b'), std::string::npos);
}

TEST(DocumentVersionTwo, RefusesMoreRuleSetsThanTheLimit) {
    const ReadResult result = read_v2_with([](json& d) {
        json one = d["rule_sets"][0];
        d["rule_sets"] = json::array();
        for (std::size_t i = 0; i <= kMaxRuleSets; ++i) {
            one["id"] = "set-" + std::to_string(i);
            d["rule_sets"].push_back(one);
        }
    });
    EXPECT_TRUE(has_error(result, "rule_sets", "has 101 rule sets; at most 100"));
}

TEST(DocumentVersionTwo, AceOpportunityIdsAreOAndOneToNineteenDigits) {
    EXPECT_TRUE(is_ace_opportunity_id("O1234567"));
    EXPECT_TRUE(is_ace_opportunity_id("O1"));
    EXPECT_TRUE(is_ace_opportunity_id("O" + std::string(19, '9')));
    EXPECT_FALSE(is_ace_opportunity_id("O" + std::string(20, '9')));
    EXPECT_FALSE(is_ace_opportunity_id("O"));
    EXPECT_FALSE(is_ace_opportunity_id("o1234567"));
    EXPECT_FALSE(is_ace_opportunity_id("O12a4"));
}

TEST(DocumentVersionTwo, RuleSetAndRequirementIdsAreLowerCaseWords) {
    EXPECT_TRUE(is_rule_set_id("apn-2021-consulting"));
    EXPECT_TRUE(is_rule_set_id("our_scorecard"));
    EXPECT_FALSE(is_rule_set_id("-leading"));
    EXPECT_FALSE(is_rule_set_id("double--dash"));
    EXPECT_FALSE(is_rule_set_id("Capital"));
    EXPECT_FALSE(is_rule_set_id(std::string(kMaxIdBytes + 1, 'a')));
    EXPECT_TRUE(is_requirement_id("launched_opportunities"));
    EXPECT_FALSE(is_requirement_id("launched-opportunities"));
    EXPECT_FALSE(is_requirement_id("trailing_"));
}

TEST(DocumentMergeVersionTwo, AddsTheIncomingRuleSetsAndReportsOneThatDiffers) {
    const Document current =
        *read_document(test::read_data("valid/product_example_v2.json")).document;
    Document incoming = current;
    incoming.rule_sets[0].tiers[1].required = 2;
    incoming.rule_sets.push_back(current.rule_sets[0]);
    incoming.rule_sets.back().id = "their-scorecard";
    const MergePlan plan = plan_merge(current, incoming);
    EXPECT_EQ(plan.rule_sets_added, 1);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].kind, MergeConflict::Kind::RuleSet);
    EXPECT_EQ(plan.conflicts[0].differing_fields, (std::vector<std::string>{"tiers"}));
    const Document merged = merge_documents(current, incoming, ConflictPolicy::TakeIncoming);
    ASSERT_EQ(merged.rule_sets.size(), 2u);
    EXPECT_EQ(merged.rule_sets[0].tiers[1].required, 2);
    EXPECT_EQ(merged.partner, current.partner); // the scorecard stays the current one
}

TEST(DocumentMergeVersionTwo, ReportsAReferenceWhoseAceIdDiffers) {
    const Document current =
        *read_document(test::read_data("valid/product_example_v2.json")).document;
    Document incoming = current;
    incoming.references[0].ace_opportunity_id = "O7654321";
    const MergePlan plan = plan_merge(current, incoming);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].differing_fields, (std::vector<std::string>{"ace_opportunity_id"}));
}
