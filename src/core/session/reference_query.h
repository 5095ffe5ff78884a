// Filtering and sorting the reference table: which rows to show, in what order. Kept in the
// core (not the UI) so it is tested natively. On 100,000 references neither may hold up a
// frame, so the work is split: the sorted order of all rows is computed once per document and
// sort column, and the filter walks that order a slice at a time (RowFilter), never sorting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/checks/title_check.h"
#include "core/model/model.h"
#include "core/session/sliced_sort.h"

namespace reftier {

enum class ReferenceColumn {
    Customer,
    Title,
    Status,
    AssetType,
    Channel,
    Grade,
    Submitted,
    Decided
};

struct ReferenceQuery {
    std::string text; // substring of customer, title, workload, url, id or industry, compared
                      // case- and accent-insensitively (core/text/case_fold.h)
    int status_mask = 0b1111; // bit per Status value
    ReferenceColumn sort_column = ReferenceColumn::Customer;
    bool descending = false;
    bool operator==(const ReferenceQuery&) const = default;
};

// Indices of all references in the column's order (stable: ties keep document order, in both
// directions). `title_scores[i]` is the title score of references[i], used by the Grade column.
std::vector<std::uint32_t> sort_references(const std::vector<Reference>& references,
                                           const std::vector<int>& title_scores,
                                           ReferenceColumn column, bool descending);

// sort_references's order, built a slice at a time (Workspace::query_rows): in one go it is a
// task of 60-100 ms as wasm on 100,000 references. It reads `references` on every call, so the
// build must be dropped when they change.
class ReferenceOrderBuild {
  public:
    ReferenceOrderBuild(const std::vector<Reference>& references, std::vector<int> title_scores,
                        ReferenceColumn column, bool descending);
    ~ReferenceOrderBuild();
    ReferenceOrderBuild(ReferenceOrderBuild&&) noexcept;
    ReferenceOrderBuild& operator=(ReferenceOrderBuild&&) noexcept;

    // Does up to about `max_rows` rows' work; true once the order is ready.
    bool advance(std::size_t max_rows);
    float progress() const; // 0..1
    bool is_for(ReferenceColumn column, bool descending) const {
        return column_ == column && descending_ == descending;
    }
    std::vector<std::uint32_t> take() { return std::move(order_); }

  private:
    struct Keyed {
        std::uint64_t key;      // exact: equal keys are equal in the column
        std::uint32_t customer; // the customer's rank: ties of other columns go A to Z
        std::uint32_t index;
    };
    struct KeyedLess {
        bool descending;
        bool operator()(const Keyed& a, const Keyed& b) const;
    };
    struct FoldedLess {
        const std::string* folded; // by distinct id
        bool operator()(std::uint32_t a, std::uint32_t b) const;
    };
    enum class Phase { Distinct, Fold, SortDistinct, Keys, SortKeys, Done };
    // Moves on to `phase`, from its first row; false, as the order is not ready yet.
    bool start_phase(Phase phase) {
        phase_ = phase;
        next_ = 0;
        return false;
    }

    const std::vector<Reference>* references_;
    std::vector<int> scores_;
    ReferenceColumn column_;
    bool descending_;
    Phase phase_ = Phase::Distinct;
    std::size_t next_ = 0; // the next row (or distinct text) of the phase
    std::unordered_map<std::string_view, std::uint32_t> distinct_of_;
    std::vector<std::string_view> distinct_; // the distinct texts, by id
    std::vector<std::string> folded_;        // ... folded
    std::vector<std::uint32_t> ranks_;       // each row's distinct id, then its text's rank
    std::optional<SlicedSort<std::uint32_t, FoldedLess>> distinct_sort_;
    std::vector<Keyed> keyed_;
    std::optional<SlicedSort<Keyed, KeyedLess>> keyed_sort_;
    std::vector<std::uint32_t> order_;
};

// One reference changed at `index`: replaced in place, inserted there (later ones move up one)
// or erased (later ones move down one).
enum class RowChange { Replaced, Inserted, Erased };

// Keeps an order from sort_references sorted after one change, in linear time instead of a
// sort. `references` is the document after the change. Not for the Grade column: a changed
// title changes scores the caller holds, so that order is sorted again.
void update_sorted_order(std::vector<std::uint32_t>& order,
                         const std::vector<Reference>& references, ReferenceColumn column,
                         bool descending, std::uint32_t index, RowChange change);
// Renumbers a list of rows after the change; an erased row leaves the list.
void update_row_indices(std::vector<std::uint32_t>& rows, std::uint32_t index, RowChange change);

// `folded_text` as fold_text() gives it.
bool reference_matches(const Reference& reference, std::string_view folded_text, int status_mask);

// The rows of `order` that match a query, examined a slice at a time so a keystroke on a large
// document spreads its work over frames. The matches keep the order's order.
class RowFilter {
  public:
    void start(std::vector<std::uint32_t> order, std::string_view text, int status_mask);
    // Goes on with a longer text that contains the current one: the rows examined so far that
    // did not match cannot match it, so what is left is the matches so far and the rows not
    // yet examined, still in the order's order.
    void narrow(std::string_view text);
    // Examines up to `max_rows` more rows of the order; true once all have been examined.
    bool advance(const std::vector<Reference>& references, std::size_t max_rows);
    bool done() const { return next_ == order_.size(); }
    std::size_t examined() const { return next_; }
    std::size_t total() const { return order_.size(); }
    const std::vector<std::uint32_t>& matches() const { return matches_; }
    std::vector<std::uint32_t> take_matches() { return std::move(matches_); }

  private:
    std::vector<std::uint32_t> order_;
    std::vector<std::uint32_t> matches_;
    std::size_t next_ = 0;
    std::string folded_;
    int status_mask_ = 0;
};

// Sort and filter in one call, to completion (the CLI and tests; the app goes through Workspace).
std::vector<std::uint32_t> run_reference_query(const std::vector<Reference>& references,
                                               const std::vector<int>& title_scores,
                                               const ReferenceQuery& query);

} // namespace reftier
