// What a title says beyond its vocabulary words: AWS names ("Amazon Quick Sight", "AWS
// Elemental MediaLive", services newer than any list) and outcomes stated as figures ("$15M",
// "97%", "10x", "14,000 cloud accounts", "in minutes", "from weeks to hours").
#pragma once

#include <string_view>
#include <vector>

#include "core/checks/title/text_scan.h"
#include "core/checks/title/title_rules.h"
#include "core/checks/title/vocabulary.h"

namespace reftier::title {

// Marks in `aws_terms` (one entry a term) the terms of AWS names: vocabulary matches of a service
// name, and a capitalised "Amazon" or "AWS" with the capitalised words that follow it. Returns
// whether the title names one.
bool mark_aws_names(const TitleRules& rules, const TextScan& scan,
                    const std::vector<Match>& matches, std::vector<bool>& aws_terms);

// Whether the term is "aws" or "amazon" written without its capitals.
bool is_lower_case_brand(const TitleRules& rules, const TextScan& scan, const Term& term);

// Whether the title states an outcome as a figure: money, a percentage, a multiplier, a large
// or counted number, or a time phrase ("in minutes", "to hours").
bool states_figure(const TitleRules& rules, const TextScan& scan);

} // namespace reftier::title
