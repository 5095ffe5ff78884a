// What the title checker tests share: the shipped rules, finding look-ups and the fixtures.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/checks/title_check.h"

namespace reftier::test {

// assets/title_rules.json with assets/aws_services.json, loaded once.
const TitleRulesLoad& shipped_title_rules();
nlohmann::json shipped_title_rules_json();

const Finding* find_code(const TitleReport& report, std::string_view code);
bool has_code(const TitleReport& report, std::string_view code);
// The text each span of the report's finding `code` covers; {"<no finding>"} without one.
std::vector<std::string> spans_of(std::string_view title, const TitleReport& report,
                                  std::string_view code);
// Lower-case ASCII words, split on anything that is not a letter or digit.
std::set<std::string> words_of(std::string_view text);
void collect_json_words(const nlohmann::json& value, std::set<std::string>& out);

class TitleCheck : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(shipped_title_rules().rules, nullptr) << "the title rules did not load";
    }
    static TitleReport check(std::string_view title, const TitleContext& context = {}) {
        return check_title(title, context, *shipped_title_rules().rules);
    }
    static TitleContext retail_order_record() {
        TitleContext context;
        context.customer = "Acme Retail";
        context.workload = "serverless order processing";
        context.industry = "Retail";
        return context;
    }
};

class TitleSuggestion : public TitleCheck {};

} // namespace reftier::test
