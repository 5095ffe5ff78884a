#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "core/session/reference_query.h"
#include "core/test_assets.h"

using namespace reftier;
using reftier::test::iso;

namespace {

Reference row(std::string id, std::string customer, std::string title = "A title") {
    Reference reference;
    reference.id = std::move(id);
    reference.customer = std::move(customer);
    reference.title = std::move(title);
    reference.url = "https://example.com/" + reference.id;
    return reference;
}

using Rows = std::vector<std::uint32_t>;

Rows sorted(const std::vector<Reference>& references, ReferenceColumn column,
            bool descending = false, const std::vector<int>& scores = {}) {
    return sort_references(references, scores, column, descending);
}

} // namespace

TEST(ReferenceQuery, SortsByCustomerIgnoringCase) {
    const std::vector<Reference> refs = {row("r-1", "beta"), row("r-2", "Alpha"),
                                         row("r-3", "GAMMA")};
    EXPECT_EQ(sorted(refs, ReferenceColumn::Customer), (Rows{1, 0, 2}));
}

TEST(ReferenceQuery, TiesKeepDocumentOrderInBothDirections) {
    const std::vector<Reference> refs = {row("r-1", "Same"), row("r-2", "Other"),
                                         row("r-3", "same")};
    EXPECT_EQ(sorted(refs, ReferenceColumn::Customer), (Rows{1, 0, 2}));
    EXPECT_EQ(sorted(refs, ReferenceColumn::Customer, true), (Rows{0, 2, 1}));
}

TEST(ReferenceQuery, SortsTextsThatShareTheirFirstEightBytes) {
    const std::vector<Reference> refs = {row("r-1", "Northwind Traders B"),
                                         row("r-2", "Northwind Traders A"),
                                         row("r-3", "Northwind")};
    EXPECT_EQ(sorted(refs, ReferenceColumn::Customer), (Rows{2, 1, 0}));
}

TEST(ReferenceQuery, ReferencesWithoutADateSortLastAscending) {
    std::vector<Reference> refs = {row("r-1", "a"), row("r-2", "b"), row("r-3", "c")};
    refs[0].submitted_on = iso("2026-03-01");
    refs[2].submitted_on = iso("2025-12-31");
    EXPECT_EQ(sorted(refs, ReferenceColumn::Submitted), (Rows{2, 0, 1}));
    EXPECT_EQ(sorted(refs, ReferenceColumn::Submitted, true), (Rows{1, 0, 2}));
}

TEST(ReferenceQuery, AssetTypesSortByTheirLabel) {
    std::vector<Reference> refs = {row("r-1", "a"), row("r-2", "b"), row("r-3", "c")};
    refs[0].asset_type = AssetType::Video;         // "Video"
    refs[1].asset_type = AssetType::BlogPost;      // "Blog post"
    refs[2].asset_type = AssetType::CustomerQuote; // "Customer quote"
    EXPECT_EQ(sorted(refs, ReferenceColumn::AssetType), (Rows{1, 2, 0}));
}

TEST(ReferenceQuery, GradeSortsByTheGivenScores) {
    const std::vector<Reference> refs = {row("r-1", "a"), row("r-2", "b"), row("r-3", "c")};
    EXPECT_EQ(sorted(refs, ReferenceColumn::Grade, false, {70, 20, 95}), (Rows{1, 0, 2}));
}

TEST(ReferenceQuery, FilterMatchesAnyTextFieldIgnoringAsciiCase) {
    std::vector<Reference> refs = {row("r-1", "Acme"), row("r-2", "Globex"), row("r-3", "Initech")};
    refs[1].workload = "Data lake on Amazon S3";
    refs[2].industry = "Finance";
    ReferenceQuery query;
    query.text = "DATA LAKE";
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{1}));
    query.text = "finance";
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{2}));
    query.text = "r-1";
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{0}));
}

TEST(ReferenceQuery, FilterComparesNonAsciiBytesExactly) {
    const std::vector<Reference> refs = {row("r-1", "Müller GmbH"), row("r-2", "MÜLLER AG")};
    ReferenceQuery query;
    query.text = "müller";
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{0}));
}

TEST(ReferenceQuery, StatusMaskHidesUncheckedStatuses) {
    std::vector<Reference> refs = {row("r-1", "a"), row("r-2", "b")};
    refs[1].status = Status::Approved;
    ReferenceQuery query;
    query.status_mask = 1 << static_cast<int>(Status::Approved);
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{1}));
}

TEST(ReferenceQuery, RowFilterInSlicesGivesTheSameRowsInOrder) {
    std::vector<Reference> refs;
    for (int i = 0; i < 50; ++i)
        refs.push_back(row("r-" + std::to_string(i),
                           i % 3 ? "Cloud Co " + std::to_string(i) : "Other " + std::to_string(i)));
    const Rows order = sorted(refs, ReferenceColumn::Customer, true);
    RowFilter filter;
    filter.start(order, "cloud", 0b1111);
    int calls = 0;
    while (!filter.advance(refs, 7)) ++calls;
    EXPECT_EQ(calls, 7); // 50 rows, 7 at a time
    Rows expected;
    for (std::uint32_t index : order)
        if (refs[index].customer.starts_with("Cloud")) expected.push_back(index);
    EXPECT_EQ(filter.matches(), expected);
    EXPECT_EQ(filter.examined(), 50u);
}

TEST(ReferenceQuery, RowFilterTakesAnUnboundedSliceWithoutOverflow) {
    const std::vector<Reference> refs = {row("r-1", "a"), row("r-2", "b")};
    RowFilter filter;
    filter.start({0, 1}, "", 0b1111);
    EXPECT_FALSE(filter.advance(refs, 1));
    EXPECT_TRUE(filter.advance(refs, SIZE_MAX));
    EXPECT_EQ(filter.matches(), (Rows{0, 1}));
}

TEST(ReferenceQuery, UpdatedOrderAfterEachKindOfChangeEqualsAFreshSort) {
    std::vector<Reference> refs;
    for (int i = 0; i < 30; ++i)
        refs.push_back(row("r-" + std::to_string(i), "Customer " + std::to_string((i * 7) % 5),
                           "Title " + std::to_string((i * 11) % 13)));
    for (const ReferenceColumn column :
         {ReferenceColumn::Customer, ReferenceColumn::Title, ReferenceColumn::Status}) {
        for (const bool descending : {false, true}) {
            std::vector<Reference> doc = refs;
            Rows order = sorted(doc, column, descending);

            doc[4].customer = "Aardvark";
            doc[4].title = "Zebra";
            doc[4].status = Status::Rejected;
            update_sorted_order(order, doc, column, descending, 4, RowChange::Replaced);
            EXPECT_EQ(order, sorted(doc, column, descending));

            doc.insert(doc.begin() + 10, row("r-new", "Customer 3", "Title 3"));
            update_sorted_order(order, doc, column, descending, 10, RowChange::Inserted);
            EXPECT_EQ(order, sorted(doc, column, descending));

            doc.erase(doc.begin() + 2);
            update_sorted_order(order, doc, column, descending, 2, RowChange::Erased);
            EXPECT_EQ(order, sorted(doc, column, descending));
        }
    }
}

TEST(ReferenceQuery, RowIndicesFollowAnInsertAndAnErase) {
    Rows rows = {5, 1, 3};
    update_row_indices(rows, 3, RowChange::Inserted);
    EXPECT_EQ(rows, (Rows{6, 1, 4}));
    update_row_indices(rows, 4, RowChange::Erased);
    EXPECT_EQ(rows, (Rows{5, 1}));
}
