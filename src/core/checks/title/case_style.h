// Letter case of a title: title case and sentence case are both correct; ALL CAPS, all lower
// case, an AWS name written without its capitals, or the two styles mixed are reported.
#pragma once

#include <vector>

#include "core/checks/title/title_analysis.h"

namespace reftier::title {

// `aws_terms` marks the terms of AWS names (mark_aws_names). Returns whether the case is right.
bool check_case(Analysis& analysis, const TextScan& scan, const std::vector<Match>& matches,
                const std::vector<bool>& aws_terms);

} // namespace reftier::title
