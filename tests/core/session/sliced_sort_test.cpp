#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "core/session/sliced_sort.h"

using namespace reftier;

namespace {

// (key, position in the input): few distinct keys, so stability shows in the positions.
using Item = std::pair<int, int>;

struct ByKey {
    bool operator()(const Item& a, const Item& b) const { return a.first < b.first; }
};

std::vector<Item> random_items(std::size_t count, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<Item> items(count);
    for (std::size_t i = 0; i < count; ++i)
        items[i] = {static_cast<int>(random() % 97), static_cast<int>(i)};
    return items;
}

std::vector<Item> sorted_in_slices(std::vector<Item> items, std::size_t slice) {
    SlicedSort<Item, ByKey> sort(std::move(items), ByKey{});
    // Bounded: a sort that never ends fails here instead of hanging the suite.
    bool sorted = false;
    for (int calls = 0; !(sorted = sort.advance(slice)) && calls < 10'000'000; ++calls) {
    }
    EXPECT_TRUE(sorted);
    return sort.take();
}

} // namespace

TEST(SlicedSort, GivesStableSortsOrderWhateverTheSizeAndSlice) {
    for (const std::size_t count : {0u, 1u, 2u, 1023u, 1024u, 1025u, 2048u, 5000u}) {
        const std::vector<Item> items = random_items(count, static_cast<unsigned>(count));
        std::vector<Item> expected = items;
        std::stable_sort(expected.begin(), expected.end(), ByKey{});
        for (const std::size_t slice :
             {std::size_t{1}, std::size_t{7}, std::size_t{4096}, SIZE_MAX})
            EXPECT_EQ(sorted_in_slices(items, slice), expected)
                << count << " items, " << slice << " a call";
    }
}

TEST(SlicedSort, AnEmptyListIsSortedAtOnce) {
    SlicedSort<Item, ByKey> sort({}, ByKey{});
    EXPECT_TRUE(sort.advance(0));
    EXPECT_TRUE(sort.take().empty());
}

TEST(SlicedSort, EachCallDoesABoundedPieceOfWork) {
    std::size_t comparisons = 0;
    const auto counting = [&comparisons](int a, int b) {
        ++comparisons;
        return a < b;
    };
    std::vector<int> items(100'000);
    std::mt19937 random(7);
    for (int& item : items) item = static_cast<int>(random());
    SlicedSort<int, decltype(counting)> sort(items, counting);
    // The runs of 1,024 are sorted first, one run per call at the least.
    int calls = 0;
    std::size_t most = 0;
    for (bool done = false; !done; ++calls) {
        comparisons = 0;
        done = sort.advance(500);
        most = std::max(most, comparisons);
    }
    std::sort(items.begin(), items.end());
    EXPECT_EQ(sort.take(), items);
    // A run of 1,024 sorted in one call: a merge sort's comparisons, far under 1,024 squared.
    EXPECT_LT(most, 1024u * 40u);
    // Seven passes of 100,000 merge steps, 500 a call, after 98 runs.
    EXPECT_GT(calls, 7 * 100'000 / 500);
}
