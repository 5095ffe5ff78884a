// How alike two titles are, for "same or near-same title for the same customer" (the seed: the
// title exists to tell workloads for one customer apart). Used by reference_check (duplicates
// across the document) and title_check (live finding in the editor).
#pragma once

#include <string>
#include <string_view>

namespace reftier {

// Lower-case ASCII letters and digits, other runs collapsed to one space, trimmed. Non-ASCII
// bytes are kept as they are, so "Café" and "café" differ only by the C.
std::string normalize_title(std::string_view title);

// 0..1 on normalised titles: 1 - edit distance / longer length. "Serverless Order Processing"
// and "Serverless order processing." give 1.
double title_similarity(std::string_view a, std::string_view b);

// At or above this, two titles of one customer are "near-same".
inline constexpr double kNearDuplicateTitleThreshold = 0.85;

} // namespace reftier
