// The suggested rewrite: templates filled only from the record's own fields, kept when the
// candidate scores better than the title as it stands.
#pragma once

#include <string>

#include "core/checks/title/title_analysis.h"

namespace reftier::title {

// The best-scoring template filled from the record, when it beats the title as it stands, in
// the title's own style: sentence case when the partner wrote it so, title case otherwise.
// Candidates are scored without building their findings.
std::string build_suggestion(const TitleContext& context, const TitleRules& rules,
                             int score_to_beat, bool sentence_case, Scratch& scratch);

} // namespace reftier::title
