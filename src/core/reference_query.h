// Filtering and sorting the reference table: which rows to show, in what order. Kept in the
// core (not the UI) so it is tested natively and the UI only asks for a row list when the
// document, the filter or the sort changes, never per frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model.h"
#include "title_check.h"

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
    std::string text; // case-insensitive substring of customer, title, workload, url, id, industry
    int status_mask = 0b1111; // bit per Status value
    ReferenceColumn sort_column = ReferenceColumn::Customer;
    bool descending = false;
    bool operator==(const ReferenceQuery&) const = default;
};

// Indices into `references`, filtered and sorted (stable: ties keep document order).
// `title_scores[i]` is the title score of references[i] (for the Grade column).
std::vector<std::uint32_t> run_reference_query(const std::vector<Reference>& references,
                                               const std::vector<int>& title_scores,
                                               const ReferenceQuery& query);

} // namespace reftier
