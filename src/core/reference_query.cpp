#include "core/reference_query.h"

#include <algorithm>

#include "core/enum_names.h"

namespace reftier {

static char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// ASCII case folding only: enough for names and titles, and it never allocates per row.
static bool contains_folded(const std::string& haystack, const std::string& folded_needle) {
    if (folded_needle.empty()) return true;
    if (haystack.size() < folded_needle.size()) return false;
    const auto it =
        std::search(haystack.begin(), haystack.end(), folded_needle.begin(), folded_needle.end(),
                    [](char a, char b) { return ascii_lower(a) == b; });
    return it != haystack.end();
}

static bool matches_text(const Reference& r, const std::string& folded) {
    return contains_folded(r.customer, folded) || contains_folded(r.title, folded) ||
           contains_folded(r.workload, folded) || contains_folded(r.url, folded) ||
           contains_folded(r.id, folded) || contains_folded(r.industry, folded);
}

// Dates sort with "no date" last in ascending order.
static int compare_dates(const std::optional<Date>& a, const std::optional<Date>& b) {
    if (a.has_value() != b.has_value()) return a.has_value() ? -1 : 1;
    if (!a) return 0;
    return *a < *b ? -1 : (*b < *a ? 1 : 0);
}

template <typename T> static int three_way(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

static int compare_text_folded(const std::string& a, const std::string& b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const char x = ascii_lower(a[i]), y = ascii_lower(b[i]);
        if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
    }
    return three_way(a.size(), b.size());
}

static int compare_by(ReferenceColumn column, const Reference& a, const Reference& b, int score_a,
                      int score_b) {
    switch (column) {
    case ReferenceColumn::Customer:
        return compare_text_folded(a.customer, b.customer);
    case ReferenceColumn::Title:
        return compare_text_folded(a.title, b.title);
    case ReferenceColumn::Status:
        return three_way(a.status, b.status);
    case ReferenceColumn::AssetType:
        return to_label(a.asset_type).compare(to_label(b.asset_type));
    case ReferenceColumn::Channel:
        return three_way(a.channel, b.channel);
    case ReferenceColumn::Grade:
        return three_way(score_a, score_b);
    case ReferenceColumn::Submitted:
        return compare_dates(a.submitted_on, b.submitted_on);
    case ReferenceColumn::Decided:
        return compare_dates(a.decided_on, b.decided_on);
    }
    return 0;
}

std::vector<std::uint32_t> run_reference_query(const std::vector<Reference>& references,
                                               const std::vector<int>& title_scores,
                                               const ReferenceQuery& query) {
    std::string folded = query.text;
    for (char& c : folded) c = ascii_lower(c);

    std::vector<std::uint32_t> rows;
    rows.reserve(references.size());
    for (std::uint32_t i = 0; i < references.size(); ++i) {
        const Reference& r = references[i];
        if (!(query.status_mask & (1 << static_cast<int>(r.status)))) continue;
        if (!matches_text(r, folded)) continue;
        rows.push_back(i);
    }
    auto score = [&](std::uint32_t i) { return i < title_scores.size() ? title_scores[i] : 0; };
    std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t x, std::uint32_t y) {
        const int c =
            compare_by(query.sort_column, references[x], references[y], score(x), score(y));
        return query.descending ? c > 0 : c < 0;
    });
    return rows;
}

} // namespace reftier
