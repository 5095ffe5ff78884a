// The reference table's filter and sort, a slice at a time on large documents.
#include "core/session/reference_query.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <unordered_map>

#include "core/model/enum_names.h"
#include "core/text/case_fold.h"

namespace reftier {

bool reference_matches(const Reference& r, std::string_view folded_text, int status_mask) {
    if (!(status_mask & (1 << static_cast<int>(r.status)))) return false;
    return contains_folded(r.customer, folded_text) || contains_folded(r.title, folded_text) ||
           contains_folded(r.workload, folded_text) || contains_folded(r.url, folded_text) ||
           contains_folded(r.id, folded_text) || contains_folded(r.industry, folded_text);
}

// The first eight bytes of the folded text, big-endian, so comparing keys compares those bytes
// (collate compares folded texts first); only equal keys need the whole texts.
static std::uint64_t text_prefix_key(std::string_view text) {
    thread_local std::string folded;
    folded.clear();
    append_folded(text.substr(0, 32), folded); // eight folded bytes come from at most 32
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 8; ++i)
        key = (key << 8) | (i < folded.size() ? static_cast<unsigned char>(folded[i]) : 0);
    return key;
}

// Dates sort with "no date" last in ascending order.
static std::uint64_t date_key(const std::optional<Date>& date) {
    if (!date) return UINT64_MAX;
    const auto days = std::chrono::sys_days(*date).time_since_epoch().count();
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(days) + (std::int64_t(1) << 40));
}

// Asset types sort by their label, as the table shows them.
static std::uint64_t asset_type_key(AssetType type) {
    std::uint64_t rank = 0;
    for (const auto& n : kAssetTypeNames)
        if (n.label < to_label(type)) ++rank;
    return rank;
}

static bool is_text_column(ReferenceColumn column) {
    return column == ReferenceColumn::Customer || column == ReferenceColumn::Title;
}

// The text a text column sorts by; null for the other columns.
static const std::string* sort_text(ReferenceColumn column, const Reference& r) {
    if (!is_text_column(column)) return nullptr;
    return column == ReferenceColumn::Customer ? &r.customer : &r.title;
}

static std::uint64_t sort_key(ReferenceColumn column, const Reference& r, int score) {
    switch (column) {
    case ReferenceColumn::Customer:
    case ReferenceColumn::Title:
        return text_prefix_key(*sort_text(column, r));
    case ReferenceColumn::Status:
        return static_cast<std::uint64_t>(r.status);
    case ReferenceColumn::AssetType:
        return asset_type_key(r.asset_type);
    case ReferenceColumn::Channel:
        return static_cast<std::uint64_t>(r.channel);
    case ReferenceColumn::Grade:
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(score) + (1 << 20));
    case ReferenceColumn::Submitted:
        return date_key(r.submitted_on);
    case ReferenceColumn::Decided:
        return date_key(r.decided_on);
    }
    return 0;
}

// Whether row `a` comes before row `b` by sort_key, then the whole text for text columns (the
// key holds only their first bytes), then document order in both directions (so the order is
// stable): the order sort_references gives.
static bool row_before(ReferenceColumn column, bool descending, const std::vector<Reference>& refs,
                       std::uint32_t a, std::uint64_t key_a, std::uint32_t b, std::uint64_t key_b) {
    int c = key_a < key_b ? -1 : (key_a > key_b ? 1 : 0);
    if (c == 0)
        if (const std::string* text = sort_text(column, refs[a]))
            c = collate(*text, *sort_text(column, refs[b]));
    if (c != 0) return descending ? c > 0 : c < 0;
    // Equal in a column of few values (grade, status, dates...): by customer A to Z.
    if (!is_text_column(column))
        if (const int by_customer = collate(refs[a].customer, refs[b].customer); by_customer != 0)
            return by_customer < 0;
    return a < b;
}

// Each reference's rank among the distinct texts of the column. Documents repeat customers
// (and often titles) many times; sorting the distinct texts once and the references by
// integer rank avoids comparing the same long texts over and over.
static std::vector<std::uint32_t> text_ranks(const std::vector<Reference>& references,
                                             ReferenceColumn column) {
    std::unordered_map<std::string_view, std::uint32_t> distinct_of;
    distinct_of.reserve(references.size());
    std::vector<std::string_view> distinct;
    std::vector<std::uint32_t> ranks(references.size());
    for (std::size_t i = 0; i < references.size(); ++i) {
        const std::string& text = *sort_text(column, references[i]);
        const auto [it, inserted] =
            distinct_of.try_emplace(text, static_cast<std::uint32_t>(distinct.size()));
        if (inserted) distinct.push_back(text);
        ranks[i] = it->second; // the distinct id for now
    }
    // Each distinct text folded once, not once per comparison.
    std::vector<std::string> folded(distinct.size());
    for (std::size_t id = 0; id < distinct.size(); ++id) append_folded(distinct[id], folded[id]);
    std::vector<std::uint32_t> by_rank(distinct.size());
    for (std::uint32_t id = 0; id < by_rank.size(); ++id) by_rank[id] = id;
    std::sort(by_rank.begin(), by_rank.end(),
              [&](std::uint32_t a, std::uint32_t b) { return folded[a] < folded[b]; });
    // Texts that fold alike (collate() says equal) share a rank, so document order decides.
    std::vector<std::uint32_t> rank_of_id(distinct.size());
    std::uint32_t rank = 0;
    for (std::size_t i = 0; i < by_rank.size(); ++i) {
        if (i > 0 && folded[by_rank[i]] != folded[by_rank[i - 1]]) ++rank;
        rank_of_id[by_rank[i]] = rank;
    }
    for (std::uint32_t& r : ranks) r = rank_of_id[r];
    return ranks;
}

std::vector<std::uint32_t> sort_references(const std::vector<Reference>& references,
                                           const std::vector<int>& title_scores,
                                           ReferenceColumn column, bool descending) {
    struct Keyed {
        std::uint64_t key;      // exact: equal keys are equal in the column
        std::uint32_t customer; // the customer's rank: ties of other columns go A to Z
        std::uint32_t index;
    };
    std::vector<Keyed> keyed(references.size());
    if (is_text_column(column)) {
        const std::vector<std::uint32_t> ranks = text_ranks(references, column);
        for (std::uint32_t i = 0; i < keyed.size(); ++i) keyed[i] = {ranks[i], 0, i};
    } else {
        const std::vector<std::uint32_t> customers =
            text_ranks(references, ReferenceColumn::Customer);
        for (std::uint32_t i = 0; i < keyed.size(); ++i) {
            const int score = i < title_scores.size() ? title_scores[i] : 0;
            keyed[i] = {sort_key(column, references[i], score), customers[i], i};
        }
    }
    // std::sort with the index as the last tie-break is stable and, unlike stable_sort,
    // needs no merge buffer.
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
        if (a.key != b.key) return descending ? a.key > b.key : a.key < b.key;
        if (a.customer != b.customer) return a.customer < b.customer;
        return a.index < b.index;
    });
    std::vector<std::uint32_t> order(keyed.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].index;
    return order;
}

void update_row_indices(std::vector<std::uint32_t>& rows, std::uint32_t index, RowChange change) {
    if (change == RowChange::Erased) std::erase(rows, index);
    for (std::uint32_t& row : rows) {
        if (change == RowChange::Erased && row > index) --row;
        if (change == RowChange::Inserted && row >= index) ++row;
    }
}

void update_sorted_order(std::vector<std::uint32_t>& order,
                         const std::vector<Reference>& references, ReferenceColumn column,
                         bool descending, std::uint32_t index, RowChange change) {
    if (change == RowChange::Replaced) std::erase(order, index);
    update_row_indices(order, index, change);
    if (change == RowChange::Erased) return;
    const std::uint64_t key = sort_key(column, references[index], 0);
    const auto at = std::partition_point(order.begin(), order.end(), [&](std::uint32_t row) {
        return row_before(column, descending, references, row, sort_key(column, references[row], 0),
                          index, key);
    });
    order.insert(at, index);
}

void RowFilter::start(std::vector<std::uint32_t> order, std::string_view text, int status_mask) {
    order_ = std::move(order);
    matches_.clear();
    next_ = 0;
    folded_ = fold_text(text);
    status_mask_ = status_mask;
}

bool RowFilter::advance(const std::vector<Reference>& references, std::size_t max_rows) {
    const std::size_t end = max_rows < order_.size() - next_ ? next_ + max_rows : order_.size();
    for (; next_ < end; ++next_) {
        const std::uint32_t index = order_[next_];
        if (reference_matches(references[index], folded_, status_mask_)) matches_.push_back(index);
    }
    return done();
}

std::vector<std::uint32_t> run_reference_query(const std::vector<Reference>& references,
                                               const std::vector<int>& title_scores,
                                               const ReferenceQuery& query) {
    RowFilter filter;
    filter.start(sort_references(references, title_scores, query.sort_column, query.descending),
                 query.text, query.status_mask);
    filter.advance(references, SIZE_MAX);
    return filter.take_matches();
}

} // namespace reftier
