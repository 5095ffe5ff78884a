// How alike two titles are, for "same or near-same title for the same customer" (the seed: the
// title exists to tell workloads for one customer apart), and what "the same customer" is. The
// one measure both the document's duplicate check (reference_check) and the live title check
// (title_check) use, so the table and the editor can never disagree on it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reftier {

// Lower-case ASCII letters and digits, other runs collapsed to one space, trimmed. Non-ASCII
// bytes are kept as they are, so "Café" and "café" differ only by the C.
std::string normalize_title(std::string_view title);

// Two references are for the same customer when their names normalise alike ("Acme, Inc." and
// "acme inc"): the same rule as titles, so no two places can disagree on it.
std::string customer_key(std::string_view customer);

// 0..1 on normalised titles: 1 - edit distance / longer length. "Serverless Order Processing"
// and "Serverless order processing." give 1.
double title_similarity(std::string_view a, std::string_view b);

// At or above this, two titles of one customer are "near-same".
inline constexpr double kNearDuplicateTitleThreshold = 0.85;

// A normalised title's length and letter counts: enough to rule most pairs out without the
// text, in 36 bytes where the text is a heap block of its own.
struct TitleShape {
    std::uint32_t length = 0;
    // Byte counts for a cheap lower bound on the edit distance: digits share four buckets and
    // other bytes one, counts stop at 255; both only weaken the bound.
    std::array<std::uint8_t, 32> histogram{};
};

// A normalised title and its shape, worked out once per title so that comparing it with many
// others costs only the comparisons.
struct TitleKey {
    std::string normalized;
    TitleShape shape;
};
TitleKey title_key(std::string_view title);
// The same into `key`, reusing its memory: comparing one title with many allocates nothing.
void make_title_key(std::string_view title, TitleKey& key);

enum class TitleLikeness { Different, NearSame, Same };

// Same when the normalised titles are equal, NearSame when their similarity reaches
// kNearDuplicateTitleThreshold. The shapes rule most pairs out first (may_be_near_same); the
// rest run a banded edit distance that stops as soon as the threshold is out of reach. `row` is
// working memory reused between calls. Titles longer than kMaxComparedTitle are only compared
// exactly.
TitleLikeness compare_titles(const TitleKey& a, const TitleKey& b, std::vector<std::size_t>& row);
inline constexpr std::size_t kMaxComparedTitle = 400;

// False when the shapes alone show that two different titles are not NearSame: compare_titles's
// first test, for a caller that keeps many titles' shapes and builds few full keys.
bool may_be_near_same(const TitleShape& a, const TitleShape& b);

// Near-same titles are looked for among this many other titles of the same customer, nearest in
// the document first: a real partner has a handful a customer, and the bound keeps a hostile
// file (100,000 references of one customer) linear. Exact repeats are found everywhere.
inline constexpr std::size_t kNearTitleWindow = 64;

} // namespace reftier
