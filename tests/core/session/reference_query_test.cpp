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

// Issue 18: rows of equal grade came in document order, which reads as no order at all.
TEST(ReferenceQuery, EqualGradesComeByCustomerInBothDirections) {
    const std::vector<Reference> refs = {row("r-1", "Zeta"), row("r-2", "alpha"), row("r-3", "Mu"),
                                         row("r-4", "Beta")};
    const std::vector<int> scores = {100, 100, 40, 100};
    EXPECT_EQ(sorted(refs, ReferenceColumn::Grade, false, scores), (Rows{2, 1, 3, 0}));
    EXPECT_EQ(sorted(refs, ReferenceColumn::Grade, true, scores), (Rows{1, 3, 0, 2}));
}

TEST(ReferenceQuery, EqualStatusesComeByCustomer) {
    std::vector<Reference> refs = {row("r-1", "Zeta"), row("r-2", "Alpha"), row("r-3", "Mu")};
    refs[2].status = Status::Approved;
    EXPECT_EQ(sorted(refs, ReferenceColumn::Status), (Rows{1, 0, 2}));
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

TEST(ReferenceQuery, FilterIgnoresCaseAndAccentsBeyondAscii) {
    const std::vector<Reference> refs = {row("r-1", "Müller GmbH"), row("r-2", "MÜLLER AG"),
                                         row("r-3", "Muller Ltd"), row("r-4", "Miller Inc")};
    ReferenceQuery query;
    query.text = "müller"; // the rows in customer order: "muller ag" before "muller gmbh"
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{1, 0, 2}));
    query.text = "MULLER";
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{1, 0, 2}));
}

TEST(ReferenceQuery, FilterFindsGreekCyrillicAndCjkInAnyCase) {
    const std::vector<Reference> refs = {row("r-1", "ΑΘΗΝΑ Cloud"), row("r-2", "Яндекс"),
                                         row("r-3", "株式会社サクラ")};
    ReferenceQuery query;
    query.text = "αθηνα";
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{0}));
    query.text = "ЯНДЕКС";
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{1}));
    query.text = "サクラ";
    EXPECT_EQ(run_reference_query(refs, {}, query), (Rows{2}));
}

TEST(ReferenceQuery, SortsAccentedTextsWithTheirBaseLetters) {
    const std::vector<Reference> refs = {row("r-1", "Zenith"), row("r-2", "Émile Conseil"),
                                         row("r-3", "Delta"), row("r-4", "Ärzte Plus"),
                                         row("r-5", "Fjord")};
    EXPECT_EQ(sorted(refs, ReferenceColumn::Customer), (Rows{3, 2, 1, 4, 0}));
}

TEST(ReferenceQuery, UpdatedOrderPlacesAnAccentedTextAsAFreshSortDoes) {
    std::vector<Reference> refs = {row("r-1", "Zenith"), row("r-2", "Delta"), row("r-3", "Fjord")};
    Rows order = sorted(refs, ReferenceColumn::Customer);
    refs.push_back(row("r-4", "Émile"));
    update_sorted_order(order, refs, ReferenceColumn::Customer, false, 3, RowChange::Inserted);
    EXPECT_EQ(order, sorted(refs, ReferenceColumn::Customer));
    EXPECT_EQ(order, (Rows{1, 3, 2, 0}));
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

TEST(ReferenceQuery, RowFilterNarrowedHalfwayGivesTheRowsOfTheLongerText) {
    std::vector<Reference> refs;
    for (int i = 0; i < 40; ++i)
        refs.push_back(row("r-" + std::to_string(i), i % 2 ? "Cloud Labs" : "Cloud Co"));
    const Rows order = sorted(refs, ReferenceColumn::Customer);
    RowFilter filter;
    filter.start(order, "cloud", 0b1111);
    filter.advance(refs, 15);
    filter.narrow("cloud l");
    EXPECT_EQ(filter.examined(), 0u);
    EXPECT_EQ(filter.total(), 15u + 25u); // the 15 examined all matched; 25 are left
    while (!filter.advance(refs, 4)) {
    }
    EXPECT_EQ(filter.matches(), run_reference_query(refs, {}, ReferenceQuery{.text = "cloud l"}));
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

TEST(ReferenceQuery, OrderBuiltInSlicesEqualsTheOrderAtOnceInEveryColumn) {
    // More rows than one sorted run (1,024), customers and titles repeated, so the merges and
    // the ranking of distinct texts both take part.
    std::vector<Reference> refs;
    std::vector<int> scores;
    for (int i = 0; i < 3000; ++i) {
        Reference r = row("r-" + std::to_string(i), "Customer " + std::to_string(i * 7 % 113),
                          "Title " + std::to_string(i * 13 % 1709));
        r.status = static_cast<Status>(i % 4);
        if (i % 5) r.submitted_on = iso("2024-01-01");
        refs.push_back(std::move(r));
        scores.push_back(i * 31 % 101);
    }
    for (const ReferenceColumn column :
         {ReferenceColumn::Customer, ReferenceColumn::Title, ReferenceColumn::Status,
          ReferenceColumn::Grade, ReferenceColumn::Submitted})
        for (const bool descending : {false, true}) {
            ReferenceOrderBuild build(refs, scores, column, descending);
            int calls = 1;
            while (!build.advance(7)) {
                EXPECT_LE(build.progress(), 1.f);
                ++calls;
            }
            EXPECT_GT(calls, 3000 / 7);
            EXPECT_EQ(build.take(), sorted(refs, column, descending, scores))
                << static_cast<int>(column) << (descending ? " descending" : "");
        }
}
