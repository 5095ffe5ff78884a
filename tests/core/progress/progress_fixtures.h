// Shared by the tier progress tests: a good reference by number, and the clean reference check
// (no findings, no duplicates) check_references gives for good records.
#pragma once

#include <string>

#include "core/checks/reference_check.h"
#include "core/model/model.h"

namespace reftier::test {

inline Reference numbered_reference(int n, Status status) {
    Reference r;
    r.id = "r-" + std::to_string(n);
    r.customer = "Customer " + std::to_string(n);
    r.title = "Serverless Order Processing Cuts Cost in Retail";
    r.url = "https://example.com/customers/" + std::to_string(n);
    r.workload = "serverless order processing";
    r.status = status;
    return r;
}

inline DocumentCheck clean_check(const Document& document) {
    DocumentCheck check;
    check.has_error.assign(document.references.size(), false);
    check.is_duplicate.assign(document.references.size(), false);
    return check;
}

} // namespace reftier::test
