#include "core/checks/reference_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "core/checks/url_check.h"
#include "core/text/title_similarity.h"

namespace reftier {

namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Finding make_finding(Severity severity, std::string_view code, std::string message,
                     std::string path) {
    Finding finding;
    finding.severity = severity;
    finding.code = std::string(code);
    finding.message = std::move(message);
    finding.path = std::move(path);
    return finding;
}

struct RequiredText {
    std::string_view field; // JSON name
    std::string Reference::*value;
    std::string_view code;
    std::string_view message;
};

// The URL is required too, but check_url reports that one (with the other URL rules).
constexpr std::array<RequiredText, 3> kRequiredTexts{{
    {"customer", &Reference::customer, "missing-customer",
     "the customer name is required: the reference must name the AWS customer"},
    {"title", &Reference::title, "missing-title",
     "a title is required: it tells this workload apart from the customer's others"},
    {"workload", &Reference::workload, "missing-workload",
     "the workload is required: the AWS-based workload that was delivered"},
}};

void check_dates(const Reference& reference, const std::string& prefix, std::vector<Finding>& out) {
    const bool decided =
        reference.status == Status::Approved || reference.status == Status::Rejected;
    if (decided && !reference.decided_on)
        out.push_back(make_finding(Severity::Tip, "missing-decided-on",
                                   "add the date of the decision, so the history is complete",
                                   prefix + ".decided_on"));
    if (reference.status == Status::Submitted &&
        reference.channel == Channel::PublicReferencesTool && !reference.submitted_on)
        out.push_back(make_finding(Severity::Warning, "missing-submitted-on",
                                   "submitted through the Public References Tool without a "
                                   "submission date: the expected approval date cannot be computed",
                                   prefix + ".submitted_on"));
    if (reference.submitted_on && reference.decided_on &&
        *reference.decided_on < *reference.submitted_on)
        out.push_back(make_finding(Severity::Error, "decided-before-submitted",
                                   "the decision date is before the submission date",
                                   prefix + ".decided_on"));
}

// The seed: reviewers approve when the asset names the customer and the AWS-based workload.
// Said once, while the reference is still a draft and both are filled in.
void add_reviewer_tip(const Reference& reference, const std::string& prefix,
                      std::vector<Finding>& out) {
    if (reference.status != Status::Draft || is_blank(reference.customer) ||
        is_blank(reference.workload))
        return;
    out.push_back(
        make_finding(Severity::Tip, "reviewer-looks-for",
                     "the reviewer will open the page and look for your relationship with \"" +
                         reference.customer + "\" by name and for the AWS workload \"" +
                         reference.workload + "\"; check the page shows both and is public",
                     prefix + ".url"));
}

// Customer names compare without case and extra spaces: "Acme  Retail" is "acme retail".
std::string customer_key(std::string_view customer) {
    std::string key;
    key.reserve(customer.size());
    bool pending_space = false;
    for (char c : customer) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pending_space = !key.empty();
            continue;
        }
        if (pending_space) key.push_back(' ');
        pending_space = false;
        key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return key;
}

// Near-same titles are searched only among the previous kNearTitleWindow distinct titles of
// the same customer: a real partner has a handful of references per customer, and the window
// keeps a pathological file (100,000 references of one customer) linear. Exact duplicates
// are found everywhere through hashing. Titles longer than kNearTitleMaxLength (no real title
// is) are only compared exactly, since edit distance is quadratic in length.
constexpr std::size_t kNearTitleWindow = 64;
constexpr std::size_t kNearTitleMaxLength = 400;

// Byte counts of a normalised title, for a cheap lower bound on edit distance. Digits share
// four buckets and other bytes one, and counts stop at 255: both only weaken the bound.
using CharHistogram = std::array<std::uint8_t, 32>;

CharHistogram histogram_of(std::string_view normalized) {
    CharHistogram counts{};
    for (unsigned char c : normalized) {
        std::size_t bucket = 31;
        if (c >= 'a' && c <= 'z')
            bucket = c - 'a';
        else if (c >= '0' && c <= '9')
            bucket = 26 + (c - '0') % 4;
        else if (c == ' ')
            bucket = 30;
        if (counts[bucket] < 255) ++counts[bucket];
    }
    return counts;
}

// One edit changes at most two counts by one each, so the distance is at least half the
// summed differences. A plain loop over 32 bytes, which compilers turn into a few SIMD ops.
std::size_t histogram_distance_bound(const CharHistogram& a, const CharHistogram& b) {
    int sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i) sum += std::abs(int{a[i]} - int{b[i]});
    return static_cast<std::size_t>(sum + 1) / 2;
}

// Largest edit distance at which two titles of these lengths are still near-same.
std::size_t max_near_distance(std::size_t longer) {
    return static_cast<std::size_t>((1.0 - kNearDuplicateTitleThreshold) *
                                    static_cast<double>(longer));
}

struct DistinctTitle {
    std::size_t first_index;       // the earliest reference with this normalised title
    const std::string* normalized; // the key in CustomerGroup::title_to_distinct (stable)
    std::size_t length;            // of *normalized, kept here so filtering stays in cache
    CharHistogram histogram;
};

// Whether the edit distance of `a` and `b` is at most `limit`. Fills only the band of cells
// within `limit` of the diagonal and stops once a whole row is past it, so a clearly different
// pair costs little; `row` is reused between calls.
bool within_edit_distance(std::string_view a, std::string_view b, std::size_t limit,
                          std::vector<std::size_t>& row) {
    if (a.size() < b.size()) std::swap(a, b);
    if (a.size() - b.size() > limit) return false;
    const std::size_t outside = limit + 1; // any value past the limit
    row.assign(b.size() + 1, outside);
    for (std::size_t j = 0; j <= std::min(b.size(), limit); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        const std::size_t low = i > limit ? i - limit : 1;
        const std::size_t high = std::min(b.size(), i + limit);
        std::size_t diagonal = row[low - 1];
        row[low - 1] = low == 1 && i <= limit ? i : outside;
        std::size_t row_min = row[low - 1];
        for (std::size_t j = low; j <= high; ++j) {
            const std::size_t above = row[j];
            const std::size_t cell = std::min(
                {above + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1u : 0u), outside});
            diagonal = above;
            row[j] = cell;
            row_min = std::min(row_min, cell);
        }
        if (high < b.size()) row[high + 1] = outside;
        if (row_min > limit) return false;
    }
    return row[b.size()] <= limit;
}

// Cheap filters first (length, letter counts, banded edit distance); title_similarity, the
// measure title_check also uses, makes the final call.
bool is_near_title(const DistinctTitle& a, const DistinctTitle& b, std::vector<std::size_t>& row) {
    const std::size_t longer = std::max(a.length, b.length);
    if (longer > kNearTitleMaxLength) return false;
    // One above the bound, so rounding in max_near_distance never drops a real pair.
    const std::size_t allowed = max_near_distance(longer) + 1;
    return longer - std::min(a.length, b.length) <= allowed &&
           histogram_distance_bound(a.histogram, b.histogram) <= allowed &&
           within_edit_distance(*a.normalized, *b.normalized, allowed, row) &&
           title_similarity(*a.normalized, *b.normalized) >= kNearDuplicateTitleThreshold;
}

struct CustomerGroup {
    std::unordered_map<std::string, std::size_t> title_to_distinct; // into distinct
    std::vector<DistinctTitle> distinct;
};

// Finds duplicates one reference at a time, in document order, so a check can stop between
// references and go on in the next frame. Each later copy is paired with the earliest
// reference it repeats, so a URL shared by n references gives n - 1 pairs, never n squared.
class DuplicateFinder {
  public:
    explicit DuplicateFinder(std::size_t count) { first_by_url_.reserve(count); }

    void add(const std::vector<Reference>& references, std::size_t i) {
        const std::size_t same_url_first = add_url(references[i], i);
        add_title(references[i], i, same_url_first);
    }

    // Sorted by the later copy, then the earlier one.
    std::vector<DuplicatePair> take_pairs() {
        std::sort(pairs_.begin(), pairs_.end(), [](const DuplicatePair& a, const DuplicatePair& b) {
            return a.second != b.second ? a.second < b.second : a.first < b.first;
        });
        return std::move(pairs_);
    }

  private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    // The earliest reference with the same URL, or kNone.
    std::size_t add_url(const Reference& reference, std::size_t i) {
        if (is_blank(reference.url)) return kNone;
        const auto [it, inserted] =
            first_by_url_.try_emplace(normalize_url_for_compare(reference.url), i);
        if (inserted) return kNone;
        pairs_.push_back({it->second, i, DuplicatePair::Kind::SameUrl});
        return it->second;
    }

    // A title pair with the reference already paired by URL would say the same thing twice.
    void add_title(const Reference& reference, std::size_t i, std::size_t same_url_first) {
        std::string customer = customer_key(reference.customer);
        std::string title = normalize_title(reference.title);
        if (customer.empty() || title.empty()) return;
        CustomerGroup& group = groups_[std::move(customer)];
        const auto [it, inserted] = group.title_to_distinct.try_emplace(std::move(title), 0);
        if (!inserted) {
            const std::size_t first = group.distinct[it->second].first_index;
            if (same_url_first != first)
                pairs_.push_back({first, i, DuplicatePair::Kind::SameTitle});
            return;
        }
        it->second = group.distinct.size();
        DistinctTitle current{i, &it->first, it->first.size(), histogram_of(it->first)};
        const std::size_t window_begin =
            group.distinct.size() > kNearTitleWindow ? group.distinct.size() - kNearTitleWindow : 0;
        for (std::size_t d = group.distinct.size(); d-- > window_begin;) {
            const DistinctTitle& earlier = group.distinct[d];
            if (!is_near_title(earlier, current, edit_row_)) continue;
            if (same_url_first != earlier.first_index)
                pairs_.push_back({earlier.first_index, i, DuplicatePair::Kind::NearTitle});
            break; // one earlier near-same title is enough to mark this one a duplicate
        }
        group.distinct.push_back(std::move(current));
    }

    std::vector<DuplicatePair> pairs_;
    std::unordered_map<std::string, std::size_t> first_by_url_;
    std::unordered_map<std::string, CustomerGroup> groups_;
    std::vector<std::size_t> edit_row_;
};

std::string describe(const Reference& reference) {
    std::string text = reference.id;
    if (!is_blank(reference.title)) text += " (\"" + reference.title + "\")";
    return text;
}

Finding duplicate_finding(const DuplicatePair& pair, const std::vector<Reference>& references) {
    const Reference& original = references[pair.first];
    const std::string prefix = "references[" + std::to_string(pair.second) + "]";
    const std::string tail = "; only the first one counts toward a tier";
    Finding finding;
    switch (pair.kind) {
    case DuplicatePair::Kind::SameUrl:
        finding = make_finding(Severity::Warning, "duplicate-url",
                               "same URL as " + describe(original) + tail, prefix + ".url");
        break;
    case DuplicatePair::Kind::SameTitle:
        finding =
            make_finding(Severity::Warning, "duplicate-title",
                         "same customer and title as " + original.id + tail, prefix + ".title");
        break;
    case DuplicatePair::Kind::NearTitle:
        finding = make_finding(Severity::Warning, "near-duplicate-title",
                               "nearly the same title as " + describe(original) +
                                   " for the same customer; titles should tell workloads apart",
                               prefix + ".title");
        break;
    }
    finding.related_id = original.id;
    return finding;
}

} // namespace

std::vector<Finding> check_reference(const Reference& reference, std::string_view path_prefix) {
    const std::string prefix(path_prefix);
    std::vector<Finding> out;
    for (const RequiredText& required : kRequiredTexts)
        if (is_blank(reference.*required.value))
            out.push_back(make_finding(Severity::Error, required.code,
                                       std::string(required.message),
                                       prefix + "." + std::string(required.field)));
    for (Finding& finding : check_url(reference.url, prefix + ".url")) {
        if (finding.code == kUrlEmpty) finding.code = "missing-url";
        out.push_back(std::move(finding));
    }
    check_dates(reference, prefix, out);
    add_reviewer_tip(reference, prefix, out);
    return out;
}

std::vector<DuplicatePair> find_duplicates(const std::vector<Reference>& references) {
    DuplicateFinder finder(references.size());
    for (std::size_t i = 0; i < references.size(); ++i) finder.add(references, i);
    return finder.take_pairs();
}

struct DocumentCheckRun::State {
    explicit State(const std::vector<Reference>& refs) : references(refs), duplicates(refs.size()) {
        check.reference_findings.resize(refs.size());
    }
    const std::vector<Reference>& references;
    DuplicateFinder duplicates;
    DocumentCheck check;
    std::size_t next = 0;
    bool complete = false;
};

DocumentCheckRun::DocumentCheckRun(const std::vector<Reference>& references)
    : state_(std::make_unique<State>(references)) {}
DocumentCheckRun::~DocumentCheckRun() = default;
DocumentCheckRun::DocumentCheckRun(DocumentCheckRun&&) noexcept = default;
DocumentCheckRun& DocumentCheckRun::operator=(DocumentCheckRun&&) noexcept = default;

bool DocumentCheckRun::advance(std::size_t max_references) {
    State& s = *state_;
    if (s.complete) return true;
    const std::vector<Reference>& references = s.references;
    const std::size_t left = references.size() - s.next;
    const std::size_t end = max_references < left ? s.next + max_references : references.size();
    for (; s.next < end; ++s.next) {
        s.check.reference_findings[s.next] =
            check_reference(references[s.next], "references[" + std::to_string(s.next) + "]");
        s.duplicates.add(references, s.next);
    }
    if (s.next < references.size()) return false;
    // The duplicate findings need every pair, so they are added in one go at the end; a file
    // has few duplicates, and even a hostile one of all duplicates costs one pass.
    s.check.duplicates = s.duplicates.take_pairs();
    s.check.is_duplicate.assign(references.size(), false);
    for (const DuplicatePair& pair : s.check.duplicates) {
        s.check.is_duplicate[pair.second] = true;
        s.check.reference_findings[pair.second].push_back(duplicate_finding(pair, references));
    }
    s.complete = true;
    return true;
}

float DocumentCheckRun::progress() const {
    const std::size_t total = state_->references.size();
    return total == 0 ? 1.f : static_cast<float>(state_->next) / static_cast<float>(total);
}

DocumentCheck DocumentCheckRun::take() {
    return std::move(state_->check);
}

DocumentCheck check_references(const std::vector<Reference>& references) {
    DocumentCheckRun run(references);
    run.advance(SIZE_MAX);
    return run.take();
}

} // namespace reftier
