// A sort that stops and goes on: sorting 100,000 rows in one go is a task of 10-100 ms as wasm,
// which the user feels as a stall (issue 14), so the table's order and the title lookup's
// indexes are sorted a slice at a time between frames.
//
// A bottom-up merge sort: runs of kRun items sorted with std::stable_sort, then merge passes of
// doubling width into a second buffer. Every merge can stop after any item, so one call does
// about `max_items` items' work however large the runs have grown. Stable, as a merge takes
// from the left run on ties. Costs one buffer of the items' size while it merges.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace reftier {

template <typename T, typename Less> class SlicedSort {
  public:
    SlicedSort(std::vector<T> items, Less less) : items_(std::move(items)), less_(less) {}

    // Does about `max_items` items' work (a run sort or merge steps); true once sorted.
    bool advance(std::size_t max_items) {
        const std::size_t n = items_.size();
        std::size_t work = 0;
        if (width_ == 0) {
            for (; next_ < n && work < max_items; work += kRun) {
                const std::size_t end = std::min(n, next_ + kRun);
                std::stable_sort(items_.begin() + next_, items_.begin() + end, less_);
                next_ = end;
            }
            if (next_ < n) return false;
            width_ = kRun;
            if (width_ < n) merged_.resize(n);
            start_pair(0);
        }
        while (width_ < n) {
            const std::size_t mid = std::min(n, pair_ + width_);
            const std::size_t end = std::min(n, pair_ + 2 * width_);
            for (; work < max_items && (left_ < mid || right_ < end); ++work) {
                T& out = merged_[left_ + right_ - mid];
                if (right_ == end || (left_ < mid && !less_(items_[right_], items_[left_])))
                    out = std::move(items_[left_++]);
                else
                    out = std::move(items_[right_++]);
            }
            if (left_ < mid || right_ < end) return false;
            if (end < n) {
                start_pair(end);
                continue;
            }
            std::swap(items_, merged_);
            width_ *= 2;
            start_pair(0);
        }
        merged_ = {};
        return true;
    }

    std::vector<T> take() { return std::move(items_); }

  private:
    // Small enough that one run sorts in well under a millisecond, large enough that few merge
    // passes follow (seven on 100,000 items).
    static constexpr std::size_t kRun = 1024;

    void start_pair(std::size_t begin) {
        pair_ = begin;
        left_ = begin;
        right_ = std::min(items_.size(), begin + width_);
    }

    std::vector<T> items_;
    std::vector<T> merged_; // the pass being written
    Less less_;
    std::size_t next_ = 0;  // while sorting runs: where the next run begins
    std::size_t width_ = 0; // 0 while sorting runs; then the width of the runs being merged
    std::size_t pair_ = 0;  // where the two runs being merged begin
    std::size_t left_ = 0;  // the next item of the left run ...
    std::size_t right_ = 0; // ... and of the right one
};

} // namespace reftier
