// Normalised titles and the one title distance: a banded edit distance with an early exit,
// behind a letter-count lower bound (title_similarity.h).
#include "core/text/title_similarity.h"

#include <algorithm>
#include <cstdlib>

#include "core/text/ascii_text.h"

namespace reftier {

namespace {

// The edit distance of `a` and `b` when it is at most `limit`, otherwise limit + 1. Fills only
// the band of cells within `limit` of the diagonal and stops once a whole row is past it, so a
// clearly different pair costs a few rows.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit,
                                  std::vector<std::size_t>& row) {
    if (a.size() < b.size()) std::swap(a, b);
    const std::size_t outside = limit + 1; // any value past the limit
    if (a.size() - b.size() > limit) return outside;
    row.assign(b.size() + 1, outside);
    for (std::size_t j = 0; j <= std::min(b.size(), limit); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        const std::size_t low = i > limit ? i - limit : 1;
        const std::size_t high = std::min(b.size(), i + limit);
        std::size_t diagonal = row[low - 1];
        row[low - 1] = low == 1 && i <= limit ? i : outside;
        std::size_t row_min = row[low - 1];
        for (std::size_t j = low; j <= high; ++j) {
            const std::size_t above = row[j];
            const std::size_t cell = std::min(
                {above + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1u : 0u), outside});
            diagonal = above;
            row[j] = cell;
            row_min = std::min(row_min, cell);
        }
        if (high < b.size()) row[high + 1] = outside;
        if (row_min > limit) return outside;
    }
    return row[b.size()];
}

double similarity_of(std::size_t distance, std::size_t longer) {
    return 1.0 - static_cast<double>(distance) / static_cast<double>(longer);
}

// The largest distance that still reaches the threshold, one above so that rounding never drops
// a real pair; the similarity itself makes the final call.
std::size_t near_same_limit(std::size_t longer) {
    return static_cast<std::size_t>((1.0 - kNearDuplicateTitleThreshold) *
                                    static_cast<double>(longer)) +
           1;
}

// One edit changes at most two counts by one each, so the distance is at least half the
// summed differences. A plain loop over 32 bytes, which compilers turn into a few SIMD ops.
std::size_t histogram_distance_bound(const TitleShape& a, const TitleShape& b) {
    int sum = 0;
    for (std::size_t i = 0; i < a.histogram.size(); ++i)
        sum += std::abs(int{a.histogram[i]} - int{b.histogram[i]});
    return static_cast<std::size_t>(sum + 1) / 2;
}

} // namespace

namespace {

void normalize_into(std::string_view title, std::string& out) {
    out.clear();
    bool pending_space = false;
    for (unsigned char c : title) {
        if (is_ascii_digit(static_cast<char>(c)) || is_ascii_alpha(static_cast<char>(c)) ||
            c >= 0x80) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.push_back(ascii_lower(static_cast<char>(c)));
        } else {
            pending_space = true;
        }
    }
}

} // namespace

std::string normalize_title(std::string_view title) {
    std::string out;
    out.reserve(title.size());
    normalize_into(title, out);
    return out;
}

std::string customer_key(std::string_view customer) {
    return normalize_title(customer);
}

double title_similarity(std::string_view a, std::string_view b) {
    const std::string x = normalize_title(a), y = normalize_title(b);
    const std::size_t longer = std::max(x.size(), y.size());
    if (longer == 0) return 1.0;
    std::vector<std::size_t> row;
    return similarity_of(bounded_edit_distance(x, y, longer, row), longer);
}

TitleKey title_key(std::string_view title) {
    TitleKey key;
    make_title_key(title, key);
    return key;
}

void make_title_key(std::string_view title, TitleKey& key) {
    normalize_into(title, key.normalized);
    key.shape.length = static_cast<std::uint32_t>(key.normalized.size());
    std::array<std::uint8_t, 32>& histogram = key.shape.histogram;
    histogram.fill(0);
    for (unsigned char c : key.normalized) {
        std::size_t bucket = 31;
        if (c >= 'a' && c <= 'z')
            bucket = c - 'a';
        else if (c >= '0' && c <= '9')
            bucket = 26 + (c - '0') % 4;
        else if (c == ' ')
            bucket = 30;
        if (histogram[bucket] < 255) ++histogram[bucket];
    }
}

bool may_be_near_same(const TitleShape& a, const TitleShape& b) {
    const std::size_t longer = std::max(a.length, b.length);
    if (longer > kMaxComparedTitle) return false;
    // The edit distance is at least the difference in length, and at least the counts' bound.
    const std::size_t limit = near_same_limit(longer);
    return longer - std::min(a.length, b.length) <= limit &&
           histogram_distance_bound(a, b) <= limit;
}

TitleLikeness compare_titles(const TitleKey& a, const TitleKey& b, std::vector<std::size_t>& row) {
    if (a.normalized == b.normalized) return TitleLikeness::Same;
    if (!may_be_near_same(a.shape, b.shape)) return TitleLikeness::Different;
    const std::size_t longer = std::max(a.normalized.size(), b.normalized.size());
    const std::size_t limit = near_same_limit(longer);
    const std::size_t distance = bounded_edit_distance(a.normalized, b.normalized, limit, row);
    return distance <= limit && similarity_of(distance, longer) >= kNearDuplicateTitleThreshold
               ? TitleLikeness::NearSame
               : TitleLikeness::Different;
}

} // namespace reftier
