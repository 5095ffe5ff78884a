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

// With the index as the last tie-break the order is stable in both directions.
bool ReferenceOrderBuild::KeyedLess::operator()(const Keyed& a, const Keyed& b) const {
    if (a.key != b.key) return descending ? a.key > b.key : a.key < b.key;
    if (a.customer != b.customer) return a.customer < b.customer;
    return a.index < b.index;
}

bool ReferenceOrderBuild::FoldedLess::operator()(std::uint32_t a, std::uint32_t b) const {
    return folded[a] < folded[b];
}

ReferenceOrderBuild::ReferenceOrderBuild(const std::vector<Reference>& references,
                                         std::vector<int> title_scores, ReferenceColumn column,
                                         bool descending)
    : references_(&references), scores_(std::move(title_scores)), column_(column),
      descending_(descending) {
    distinct_of_.reserve(references.size());
    ranks_.resize(references.size());
}

ReferenceOrderBuild::~ReferenceOrderBuild() = default;
ReferenceOrderBuild::ReferenceOrderBuild(ReferenceOrderBuild&&) noexcept = default;
ReferenceOrderBuild& ReferenceOrderBuild::operator=(ReferenceOrderBuild&&) noexcept = default;

// [next, the end of this slice): at most `max` more of `size`, without overflowing on SIZE_MAX.
static std::size_t slice_end(std::size_t next, std::size_t size, std::size_t max) {
    return max < size - next ? next + max : size;
}

bool ReferenceOrderBuild::advance(std::size_t max_rows) {
    const std::vector<Reference>& refs = *references_;
    // Documents repeat customers (and often titles) many times: each reference is ranked among
    // the distinct texts of the column (of the customer, for the other columns' ties), so the
    // long texts are folded and compared once per distinct text, not once per comparison.
    const ReferenceColumn text_column =
        is_text_column(column_) ? column_ : ReferenceColumn::Customer;
    switch (phase_) {
    case Phase::Distinct:
        for (const std::size_t end = slice_end(next_, refs.size(), max_rows); next_ < end;
             ++next_) {
            const std::string& text = *sort_text(text_column, refs[next_]);
            const auto [it, inserted] =
                distinct_of_.try_emplace(text, static_cast<std::uint32_t>(distinct_.size()));
            if (inserted) distinct_.push_back(text);
            ranks_[next_] = it->second; // the distinct id until the distinct texts are sorted
        }
        if (next_ < refs.size()) return false;
        distinct_of_ = {};
        folded_.resize(distinct_.size());
        return start_phase(Phase::Fold);
    case Phase::Fold:
        for (const std::size_t end = slice_end(next_, distinct_.size(), max_rows); next_ < end;
             ++next_)
            append_folded(distinct_[next_], folded_[next_]);
        if (next_ < distinct_.size()) return false;
        {
            std::vector<std::uint32_t> ids(distinct_.size());
            for (std::uint32_t id = 0; id < ids.size(); ++id) ids[id] = id;
            distinct_sort_.emplace(std::move(ids), FoldedLess{folded_.data()});
        }
        return start_phase(Phase::SortDistinct);
    case Phase::SortDistinct:
        if (!distinct_sort_->advance(max_rows)) return false;
        {
            // Texts that fold alike (collate() says equal) share a rank, so document order
            // decides.
            const std::vector<std::uint32_t> by_rank = distinct_sort_->take();
            std::vector<std::uint32_t> rank_of_id(by_rank.size());
            std::uint32_t rank = 0;
            for (std::size_t i = 0; i < by_rank.size(); ++i) {
                if (i > 0 && folded_[by_rank[i]] != folded_[by_rank[i - 1]]) ++rank;
                rank_of_id[by_rank[i]] = rank;
            }
            for (std::uint32_t& r : ranks_) r = rank_of_id[r];
        }
        distinct_sort_.reset();
        distinct_ = {};
        folded_ = {};
        keyed_.resize(refs.size());
        return start_phase(Phase::Keys);
    case Phase::Keys:
        for (const std::size_t end = slice_end(next_, refs.size(), max_rows); next_ < end;
             ++next_) {
            const auto i = static_cast<std::uint32_t>(next_);
            if (is_text_column(column_)) {
                keyed_[i] = {ranks_[i], 0, i};
            } else {
                const int score = i < scores_.size() ? scores_[i] : 0;
                keyed_[i] = {sort_key(column_, refs[i], score), ranks_[i], i};
            }
        }
        if (next_ < refs.size()) return false;
        ranks_ = {};
        keyed_sort_.emplace(std::move(keyed_), KeyedLess{descending_});
        return start_phase(Phase::SortKeys);
    case Phase::SortKeys:
        if (!keyed_sort_->advance(max_rows)) return false;
        {
            const std::vector<Keyed> keyed = keyed_sort_->take();
            keyed_sort_.reset();
            order_.resize(keyed.size());
            for (std::size_t i = 0; i < keyed.size(); ++i) order_[i] = keyed[i].index;
        }
        phase_ = Phase::Done;
        return true;
    case Phase::Done:
        return true;
    }
    return true;
}

float ReferenceOrderBuild::progress() const {
    return static_cast<float>(phase_) / static_cast<float>(Phase::Done);
}

std::vector<std::uint32_t> sort_references(const std::vector<Reference>& references,
                                           const std::vector<int>& title_scores,
                                           ReferenceColumn column, bool descending) {
    ReferenceOrderBuild build(references, title_scores, column, descending);
    while (!build.advance(SIZE_MAX)) {
    }
    return build.take();
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

void RowFilter::narrow(std::string_view text) {
    matches_.insert(matches_.end(), order_.begin() + static_cast<std::ptrdiff_t>(next_),
                    order_.end());
    order_ = std::move(matches_);
    matches_ = {};
    next_ = 0;
    folded_ = fold_text(text);
}

bool RowFilter::advance(const std::vector<Reference>& references, std::size_t max_rows) {
    for (const std::size_t end = slice_end(next_, order_.size(), max_rows); next_ < end; ++next_) {
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
