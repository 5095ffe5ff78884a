// Record-level checks of public references (docs/format.md "references"): required fields,
// URL rules, approved asset types, and duplicates across the document (same URL, or same
// customer with the same or near-same title).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/finding.h"
#include "core/model/model.h"

namespace reftier {

// Findings for one reference on its own. Paths are prefixed with `path_prefix`
// (e.g. "references[3]" gives "references[3].url").
std::vector<Finding> check_reference(const Reference& reference, std::string_view path_prefix);
// Whether check_reference would find an error, built without any finding's text.
bool reference_has_error(const Reference& reference);

// The finding on a reference whose URL repeats `original`'s, pointing at `path` ("url" in the
// editor, "references[3].url" in the document): the same words and severity wherever it shows.
Finding duplicate_url_finding(const Reference& original, std::string path);

struct DuplicatePair {
    std::size_t first = 0; // index into references, first < second
    std::size_t second = 0;
    enum class Kind { SameUrl, SameTitle, NearTitle } kind = Kind::SameUrl;
};

struct DocumentCheck {
    // true for a reference whose own findings (check_reference) include an error: it does not
    // qualify. The findings themselves are not kept but rebuilt by findings_of when shown: kept
    // as text, those of 100,000 references took about 25 MB of wasm memory, which never
    // shrinks (issue 14).
    std::vector<bool> has_error;
    // Found by grouping by normalised URL and by customer, so it stays near-linear for 100,000
    // references. Each later copy is paired with the earliest reference it repeats, sorted by
    // `second`. Exact repeats are found everywhere; near-same titles among the 64 most recent
    // distinct titles of the same customer (no real partner has more, and it bounds hostile
    // files).
    std::vector<DuplicatePair> duplicates;
    // true for a reference that is the later copy of a duplicate pair: it does not count
    std::vector<bool> is_duplicate;
};

// Every finding of references[index]: its own, then its duplicate findings (which carry
// related_id), with paths as in the document ("references[3].url"). `references` must be the
// ones `check` was made of.
std::vector<Finding> findings_of(const DocumentCheck& check,
                                 const std::vector<Reference>& references, std::size_t index);

DocumentCheck check_references(const std::vector<Reference>& references);

// check_references a slice at a time, so the app can spread the checks of a large document
// over frames. The references must stay as they are, and alive, until the run is taken.
class DocumentCheckRun {
  public:
    explicit DocumentCheckRun(const std::vector<Reference>& references);
    ~DocumentCheckRun();
    DocumentCheckRun(DocumentCheckRun&&) noexcept;
    DocumentCheckRun& operator=(DocumentCheckRun&&) noexcept;

    // Checks up to `max_references` more references, or frees as many of the strings kept to
    // find duplicates once all are checked; true once the whole check is done and freed.
    bool advance(std::size_t max_references);
    float progress() const; // 0..1 of the references checked
    DocumentCheck take();   // once advance has returned true

  private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace reftier
