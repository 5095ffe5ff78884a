// The title checker (PRODUCT.md "Titles"): a 0-100 score, a grade, findings that explain it,
// and a suggested rewrite built only from the record's own fields. Every word list, length
// band and weight comes from assets/title_rules.json (TitleRules), not from code.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/finding.h"

namespace reftier {

enum class Grade { Weak, Fair, Strong };
std::string_view to_string(Grade grade); // "weak" | "fair" | "strong"

// Loaded from assets/title_rules.json and assets/aws_services.json; opaque to callers. Lookup
// tables are built once here so check_title itself does no allocation-heavy set-up.
struct TitleRules;
struct TitleRulesDeleter {
    void operator()(TitleRules*) const;
};
using TitleRulesPtr = std::unique_ptr<TitleRules, TitleRulesDeleter>;

struct TitleRulesLoad {
    TitleRulesPtr rules;             // null on error
    std::vector<std::string> errors; // "title_rules.json: outcome_terms must be a list of strings"
};
// `aws_services` is assets/aws_services.json (scripts/aws_service_names.py): its names count as
// AWS services. Without it, only title_rules.json's own aws_services list does. Errors name
// their file: "aws_services.json: services must be a list of non-empty strings".
TitleRulesLoad load_title_rules(const nlohmann::json& data,
                                const nlohmann::json* aws_services = nullptr);
TitleRulesLoad load_title_rules_text(std::string_view json_text,
                                     std::string_view aws_services_json = {});

// What the checker knows of the record around the title.
struct TitleContext {
    std::string_view customer;
    std::string_view workload;
    std::string_view industry;
    std::vector<std::string_view> services;
    // Titles of the customer's other references, for the near-duplicate finding.
    std::vector<std::string_view> sibling_titles;
    // The rewrite costs about three quarters of a check (it scores candidate titles); views
    // that show only the score and grade, such as the table, turn it off.
    bool want_suggestion = true;
};

// Finding codes: title-empty, title-url, title-placeholder, title-generic (error when the whole
// title is generic, warning for a generic phrase in it), title-duplicate, title-too-short-words,
// title-too-long-words, title-too-short-characters, title-too-long-characters,
// title-no-technology, title-no-outcome, title-no-context, title-all-caps,
// title-all-lower-case, title-inconsistent-case, title-trailing-period,
// title-repeated-punctuation, title-emoji, title-filler, title-near-duplicate.
struct TitleReport {
    int score = 0; // 0..100
    Grade grade = Grade::Weak;
    std::vector<Finding> findings; // path is "title"; spans point into the title; errors first
    std::string suggestion;        // empty when no better title can be built from the record
};

TitleReport check_title(std::string_view title, const TitleContext& context,
                        const TitleRules& rules);

} // namespace reftier
