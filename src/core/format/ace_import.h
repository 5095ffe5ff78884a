// Reference candidates from ACE: the JSON that `aws partnercentral-selling list-opportunities`
// (one file or several pages) and `get-opportunity` print, turned into a draft reference for
// each launched opportunity that no reference carries yet (docs/format.md "ACE import").
//
// All or nothing: a file that is not JSON, is not ACE output, or holds a value that could not be
// stored (an id of another form, a control character in a name) gives errors naming the file
// and the JSON path, and no draft at all. Nothing is added twice: an opportunity listed in
// several files counts once (details of the fuller listing, get-opportunity's, kept), and one a
// reference already carries as ace_opportunity_id is skipped with the reference named.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace reftier {

struct AceInput {
    std::string name;      // file name, for messages
    std::string_view text; // its JSON: one value, or several pages one after another
};

struct AceProblem {
    std::string file;
    std::string path; // JSON path in the file; empty for the whole file
    std::string message;
    bool operator==(const AceProblem&) const = default;
};

// "page2.json: OpportunitySummaries[3].Id: ..."
std::string to_string(const AceProblem& problem);

struct AceSkipped {
    std::string opportunity_id;
    std::string customer;
    std::string reason; // "not launched (stage Qualified)", "already referenced by r-0003"
};

struct AceImport {
    std::vector<Reference> references; // the drafts to add, in the order first listed
    std::vector<AceSkipped> skipped;
    std::vector<AceProblem> errors; // set: nothing may be added
    int opportunities = 0;          // distinct opportunities read
    int launched = 0;
};

// Draft references (channel ace_pipeline_manager, status draft): customer from
// Customer.Account.CompanyName, industry from .Industry (.OtherIndustry for "Other"), workload
// from Project.CustomerUseCase where the listing has it (get-opportunity does), notes naming
// the opportunity, its project title and the customer's website. Ids are fresh against
// `current`, where the drafts will go.
AceImport read_ace_opportunities(const std::vector<AceInput>& inputs, const Document& current);

// `current` with the drafts of `read` added.
Document with_ace_drafts(const Document& current, const AceImport& read);

} // namespace reftier
