// Record-level checks of public references and the document-wide duplicate search.
#include "core/checks/reference_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <unordered_map>

#include "core/checks/url_check.h"
#include "core/text/ascii_text.h"
#include "core/text/title_similarity.h"

namespace reftier {

namespace {

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

// Where the rules of one reference report to: FindingList keeps each finding with its text and
// path; ErrorFlag keeps only whether one is an error, building no text (a draft's reviewer tip
// alone is some 200 characters). The document check asks the flag of every reference after each
// change; the texts it built and dropped were about 5 % of its time. One set of rules feeds
// both, so the flag and the findings shown can never disagree.
struct FindingList {
    std::string prefix;
    std::vector<Finding> findings;
    // `message` is the text, or a function that builds it (ErrorFlag never calls it).
    template <typename Message>
    void add(Severity severity, std::string_view code, Message message, std::string_view field) {
        std::string text;
        if constexpr (std::is_invocable_v<Message>)
            text = message();
        else
            text = std::string(message);
        findings.push_back(
            make_finding(severity, code, std::move(text), prefix + "." + std::string(field)));
    }
    void add_url(std::string_view url) {
        for (Finding& finding : check_url(url, prefix + ".url")) {
            if (finding.code == kUrlEmpty) finding.code = "missing-url";
            findings.push_back(std::move(finding));
        }
    }
};

struct ErrorFlag {
    bool error = false;
    template <typename Message>
    void add(Severity severity, std::string_view, Message, std::string_view) {
        error = error || severity == Severity::Error;
    }
    void add_url(std::string_view url) { error = error || has_errors(check_url(url, "")); }
};

template <typename Out> void check_dates(const Reference& reference, Out& out) {
    const bool decided =
        reference.status == Status::Approved || reference.status == Status::Rejected;
    if (decided && !reference.decided_on)
        out.add(Severity::Tip, "missing-decided-on",
                "add the date of the decision, so the history is complete", "decided_on");
    if (reference.status == Status::Submitted &&
        reference.channel == Channel::PublicReferencesTool && !reference.submitted_on)
        out.add(Severity::Warning, "missing-submitted-on",
                "submitted through the Public References Tool without a submission date: the "
                "expected approval date cannot be computed",
                "submitted_on");
    // A draft has not been submitted: either the status or the date is out of date.
    if (reference.status == Status::Draft && reference.submitted_on)
        out.add(Severity::Warning, "draft-with-submitted-on",
                "a draft with a submission date: set the status to Submitted if it was "
                "submitted, or clear the date",
                "status");
    if (reference.submitted_on && reference.decided_on &&
        *reference.decided_on < *reference.submitted_on)
        out.add(Severity::Error, "decided-before-submitted",
                "the decision date is before the submission date", "decided_on");
}

// The seed: reviewers approve when the asset names the customer and the AWS-based workload.
// Said once, while the reference is still a draft and both are filled in.
template <typename Out> void add_reviewer_tip(const Reference& reference, Out& out) {
    if (reference.status != Status::Draft || is_blank(reference.customer) ||
        is_blank(reference.workload))
        return;
    out.add(
        Severity::Tip, "reviewer-looks-for",
        [&] {
            return "the reviewer will open the page and look for your relationship with \"" +
                   reference.customer + "\" by name and for the AWS workload \"" +
                   reference.workload + "\"; check the page shows both and is public";
        },
        "url");
}

template <typename Out> void apply_reference_rules(const Reference& reference, Out& out) {
    for (const RequiredText& required : kRequiredTexts)
        if (is_blank(reference.*required.value))
            out.add(Severity::Error, required.code, required.message, required.field);
    out.add_url(reference.url);
    check_dates(reference, out);
    add_reviewer_tip(reference, out);
}

// Near-same titles are searched only among the previous kNearTitleWindow distinct titles of
// the same customer: a real partner has a handful of references per customer, and the window
// keeps a pathological file (100,000 references of one customer) linear. Exact duplicates
// are found everywhere through hashing (kNearTitleWindow, text/title_similarity.h).
// A shape, not the normalised text: kept as text, the distinct titles of 100,000 references
// (5,000 customers) were most of the check's peak of wasm memory (issue 14). The shape rules out
// most pairs; the earlier title of a pair it leaves is normalised again.
struct DistinctTitle {
    std::size_t first_index; // the earliest reference with this normalised title
    TitleShape shape;
};

// Texts are kept as hashes, not copies: as strings, the URLs and titles of 100,000 references
// took about 25 MB of wasm memory at the check's peak, and wasm memory never shrinks (issue
// 14). A hash already seen is confirmed by normalising the earlier text again, which only a
// real repeat costs; a different text with the same hash goes to `colliding`, matched exactly.
struct SeenTexts {
    std::unordered_map<std::size_t, std::size_t> by_hash; // a text's hash: its first use
    std::unordered_map<std::string, std::size_t> colliding;
    // The first use of `text` (`same(first)`: whether that use has this text), or kNone after
    // recording `use` as the first.
    template <typename Same>
    std::size_t first_use(std::string_view text, std::size_t use, Same same) {
        const auto [it, inserted] = by_hash.try_emplace(std::hash<std::string_view>{}(text), use);
        if (inserted) return kNone;
        if (same(it->second)) return it->second;
        const auto [exact, new_text] = colliding.try_emplace(std::string(text), use);
        return new_text ? kNone : exact->second;
    }
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
};

struct CustomerGroup {
    SeenTexts titles; // a normalised title: its index in `distinct`
    std::vector<DistinctTitle> distinct;
};

// Finds duplicates one reference at a time, in document order, so a check can stop between
// references and go on in the next frame. Each later copy is paired with the earliest
// reference it repeats, so a URL shared by n references gives n - 1 pairs, never n squared.
class DuplicateFinder {
  public:
    explicit DuplicateFinder(std::size_t count) { urls_.by_hash.reserve(count); }

    void add(const std::vector<Reference>& references, std::size_t i) {
        const std::size_t same_url_first = add_url(references, i);
        add_title(references, i, same_url_first);
    }

    // Sorted by the later copy, then the earlier one.
    std::vector<DuplicatePair> take_pairs() {
        std::sort(pairs_.begin(), pairs_.end(), [](const DuplicatePair& a, const DuplicatePair& b) {
            return a.second != b.second ? a.second < b.second : a.first < b.first;
        });
        return std::move(pairs_);
    }

    // Frees up to `count` of the entries kept to find duplicates; true once none are left.
    // All at once, those of 100,000 references took 50 ms as wasm (issue 14).
    bool release(std::size_t count) {
        const auto erase_some = [&count](auto& map) {
            for (; count > 0 && !map.empty(); --count) map.erase(map.begin());
            return map.empty();
        };
        erase_some(urls_.by_hash);
        erase_some(urls_.colliding);
        while (count > 0 && !groups_.empty()) {
            CustomerGroup& group = groups_.begin()->second;
            if (!erase_some(group.titles.by_hash) || !erase_some(group.titles.colliding)) break;
            for (; count > 0 && !group.distinct.empty(); --count) group.distinct.pop_back();
            if (group.distinct.empty()) groups_.erase(groups_.begin());
        }
        return urls_.by_hash.empty() && urls_.colliding.empty() && groups_.empty();
    }

  private:
    static constexpr std::size_t kNone = SeenTexts::kNone;

    // The earliest reference with the same URL, or kNone.
    std::size_t add_url(const std::vector<Reference>& references, std::size_t i) {
        if (is_blank(references[i].url)) return kNone;
        const std::string url = normalize_url_for_compare(references[i].url);
        const std::size_t first = urls_.first_use(url, i, [&](std::size_t earlier) {
            return normalize_url_for_compare(references[earlier].url) == url;
        });
        if (first != kNone) pairs_.push_back({first, i, DuplicatePair::Kind::SameUrl});
        return first;
    }

    // A title pair with the reference already paired by URL would say the same thing twice.
    void add_title(const std::vector<Reference>& references, std::size_t i,
                   std::size_t same_url_first) {
        std::string customer = customer_key(references[i].customer);
        make_title_key(references[i].title, title_);
        if (customer.empty() || title_.normalized.empty()) return;
        CustomerGroup& group = groups_[std::move(customer)];
        const std::size_t repeat =
            group.titles.first_use(title_.normalized, group.distinct.size(), [&](std::size_t d) {
                return normalize_title(references[group.distinct[d].first_index].title) ==
                       title_.normalized;
            });
        if (repeat != kNone) {
            const std::size_t first = group.distinct[repeat].first_index;
            if (same_url_first != first)
                pairs_.push_back({first, i, DuplicatePair::Kind::SameTitle});
            return;
        }
        const std::size_t window_begin =
            group.distinct.size() > kNearTitleWindow ? group.distinct.size() - kNearTitleWindow : 0;
        for (std::size_t d = group.distinct.size(); d-- > window_begin;) {
            const DistinctTitle& earlier = group.distinct[d];
            if (!may_be_near_same(earlier.shape, title_.shape)) continue;
            make_title_key(references[earlier.first_index].title, earlier_title_);
            if (compare_titles(earlier_title_, title_, edit_row_) != TitleLikeness::NearSame)
                continue;
            if (same_url_first != earlier.first_index)
                pairs_.push_back({earlier.first_index, i, DuplicatePair::Kind::NearTitle});
            break; // one earlier near-same title is enough to mark this one a duplicate
        }
        group.distinct.push_back({i, title_.shape});
    }

    std::vector<DuplicatePair> pairs_;
    SeenTexts urls_;
    std::unordered_map<std::string, CustomerGroup> groups_;
    TitleKey title_, earlier_title_; // working memory, reused from one title to the next
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
        return duplicate_url_finding(original, prefix + ".url");
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

Finding duplicate_url_finding(const Reference& original, std::string path) {
    Finding finding = make_finding(Severity::Warning, "duplicate-url",
                                   "same URL as " + describe(original) +
                                       "; only the first one counts toward a tier",
                                   std::move(path));
    finding.related_id = original.id;
    return finding;
}

std::vector<Finding> check_reference(const Reference& reference, std::string_view path_prefix) {
    FindingList list{std::string(path_prefix), {}};
    apply_reference_rules(reference, list);
    return std::move(list.findings);
}

bool reference_has_error(const Reference& reference) {
    ErrorFlag flag;
    apply_reference_rules(reference, flag);
    return flag.error;
}

struct DocumentCheckRun::State {
    explicit State(const std::vector<Reference>& refs) : references(refs), duplicates(refs.size()) {
        check.has_error.assign(refs.size(), false);
    }
    const std::vector<Reference>& references;
    DuplicateFinder duplicates;
    DocumentCheck check;
    std::size_t next = 0;
    bool complete = false; // the check is whole; the finder's memory may still be freed
};

DocumentCheckRun::DocumentCheckRun(const std::vector<Reference>& references)
    : state_(std::make_unique<State>(references)) {}
DocumentCheckRun::~DocumentCheckRun() = default;
DocumentCheckRun::DocumentCheckRun(DocumentCheckRun&&) noexcept = default;
DocumentCheckRun& DocumentCheckRun::operator=(DocumentCheckRun&&) noexcept = default;

bool DocumentCheckRun::advance(std::size_t max_references) {
    State& s = *state_;
    if (s.complete) return s.duplicates.release(max_references);
    const std::vector<Reference>& references = s.references;
    const std::size_t left = references.size() - s.next;
    const std::size_t end = max_references < left ? s.next + max_references : references.size();
    for (; s.next < end; ++s.next) {
        s.check.has_error[s.next] = reference_has_error(references[s.next]);
        s.duplicates.add(references, s.next);
    }
    if (s.next < references.size()) return false;
    s.check.duplicates = s.duplicates.take_pairs();
    s.check.is_duplicate.assign(references.size(), false);
    for (const DuplicatePair& pair : s.check.duplicates) s.check.is_duplicate[pair.second] = true;
    s.complete = true;
    return s.duplicates.release(max_references);
}

float DocumentCheckRun::progress() const {
    const std::size_t total = state_->references.size();
    return total == 0 ? 1.f : static_cast<float>(state_->next) / static_cast<float>(total);
}

DocumentCheck DocumentCheckRun::take() {
    return std::move(state_->check);
}

std::vector<Finding> findings_of(const DocumentCheck& check,
                                 const std::vector<Reference>& references, std::size_t index) {
    std::vector<Finding> out =
        check_reference(references[index], "references[" + std::to_string(index) + "]");
    const auto later_copy = [](const DuplicatePair& pair, std::size_t i) {
        return pair.second < i;
    };
    for (auto it =
             std::lower_bound(check.duplicates.begin(), check.duplicates.end(), index, later_copy);
         it != check.duplicates.end() && it->second == index; ++it)
        out.push_back(duplicate_finding(*it, references));
    return out;
}

DocumentCheck check_references(const std::vector<Reference>& references) {
    DocumentCheckRun run(references);
    while (!run.advance(SIZE_MAX)) {
    }
    return run.take();
}

} // namespace reftier
