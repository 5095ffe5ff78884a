// Letter case of a title: which styles are correct and what is reported when it is not.
#pragma once

#include "core/checks/title/title_analysis.h"

namespace reftier::title {

// Title case: main words capitalized, small words may stay lower case. Returns whether the
// title passes.
bool check_case(Analysis& analysis, const TextScan& scan);

} // namespace reftier::title
