// A record's title judged against the customer's other titles, one verdict for the table's
// grade and the editor's live check (Workspace's title functions, workspace.h): the hashes the
// siblings, repeats and same-URL references are found by, built over frames after a change; the
// context a title is checked in; the table's stored grades; the editor's draft checks.
#include <algorithm>
#include <functional>

#include "core/checks/url_check.h"
#include "core/session/workspace.h"
#include "core/text/title_similarity.h"

namespace reftier {

// The record's own fields, as the title checker sees them.
static TitleContext record_context(const Reference& reference) {
    TitleContext context;
    context.customer = reference.customer;
    context.workload = reference.workload;
    context.industry = reference.industry;
    for (const auto& s : reference.services) context.services.push_back(s);
    return context;
}

static std::size_t text_hash(std::string_view text) {
    return std::hash<std::string_view>{}(text);
}

static void index_text(HashIndex& index, const std::string& normalized, std::uint32_t reference) {
    if (!normalized.empty()) index.emplace_back(text_hash(normalized), reference);
}

// A customer's key and a title's, joined so that neither can run into the other.
static std::string customer_title_key(const std::string& customer, std::string_view title) {
    if (customer.empty()) return {};
    const std::string normalized = normalize_title(title);
    return normalized.empty() ? std::string() : customer + '\x1f' + normalized;
}

// The references of `index` whose text hashes like `normalized`: [first, last) in document order.
static std::pair<HashIndex::const_iterator, HashIndex::const_iterator>
matches_of(const HashIndex& index, const std::string& normalized) {
    if (normalized.empty()) return {index.end(), index.end()};
    const std::size_t hash = text_hash(normalized);
    return {std::lower_bound(index.begin(), index.end(), std::pair{hash, std::uint32_t{0}}),
            std::upper_bound(index.begin(), index.end(), std::pair{hash, UINT32_MAX})};
}

// The references of `index` whose text hashes like `normalized`, in document order.
template <typename Visit>
static void for_each_match(const HashIndex& index, const std::string& normalized, Visit visit) {
    const auto [first, last] = matches_of(index, normalized);
    for (auto it = first; it != last; ++it) visit(it->second);
}

bool Workspace::title_lookup_within(double budget_ms) {
    if (title_lookup_) return true;
    const auto& refs = document_.references;
    const bool starting = !lookup_build_;
    if (starting) lookup_build_.emplace();
    LookupBuild& build = *lookup_build_;
    TitleLookup& lookup = build.lookup;
    HashIndex* const indexes[] = {&lookup.by_customer, &lookup.by_customer_title, &lookup.by_url};
    if (starting)
        for (HashIndex* index : indexes) index->reserve(refs.size());
    // Rows between clock reads: normalising a row's three texts takes about a microsecond.
    constexpr std::size_t kRowsPerSlice = 512;
    const Deadline deadline(budget_ms);
    while (build.rows_built < refs.size()) {
        const std::size_t end = std::min(refs.size(), build.rows_built + kRowsPerSlice);
        for (auto i = static_cast<std::uint32_t>(build.rows_built); i < end; ++i) {
            const std::string customer = customer_key(refs[i].customer);
            index_text(lookup.by_customer, customer, i);
            index_text(lookup.by_customer_title, customer_title_key(customer, refs[i].title), i);
            index_text(lookup.by_url, normalize_url_for_compare(refs[i].url), i);
        }
        build.rows_built = end;
        if (deadline.passed()) return false;
    }
    // Each index sorted a slice at a time: in one go, 10-14 ms each on 100,000 references as
    // wasm, past a drawn frame's budget.
    constexpr std::size_t kItemsPerSlice = 4096;
    while (build.indexes_sorted < 3) {
        HashIndex& index = *indexes[build.indexes_sorted];
        if (!build.sorting) build.sorting.emplace(std::move(index), std::less<>{});
        while (!build.sorting->advance(kItemsPerSlice))
            if (deadline.passed()) return false;
        index = build.sorting->take();
        build.sorting.reset();
        if (++build.indexes_sorted < 3 && deadline.passed()) return false;
    }
    title_lookup_ = std::move(lookup);
    lookup_build_.reset();
    return true;
}

const Workspace::TitleLookup& Workspace::title_lookup() {
    title_lookup_within(kNoBudget);
    return *title_lookup_;
}

TitleContext Workspace::context_for(const Reference& reference, std::optional<std::size_t> index) {
    TitleContext context = record_context(reference);
    const std::string customer = customer_key(reference.customer);
    if (customer.empty()) return context; // no customer, no siblings: as reference_check
    const auto& refs = document_.references;
    // Same customer: the same text as written is the common case and needs no normalising.
    const auto is_sibling = [&](std::uint32_t i) {
        return refs[i].id != reference.id && (refs[i].customer == reference.customer ||
                                              customer_key(refs[i].customer) == customer);
    };
    // An exact repeat, wherever it is in the document.
    const std::string same_title = customer_title_key(customer, reference.title);
    const auto [same_first, same_last] = matches_of(title_lookup().by_customer_title, same_title);
    for (auto it = same_first; it != same_last; ++it) {
        const Reference& other = refs[it->second];
        if (is_sibling(it->second) && (other.title == reference.title ||
                                       customer_title_key(customer, other.title) == same_title)) {
            context.sibling_titles.push_back(other.title);
            break;
        }
    }
    // The nearest others in document order, half before the record and half after it.
    const auto [first, last] = matches_of(title_lookup().by_customer, customer);
    const std::size_t hash = text_hash(customer);
    const auto row = static_cast<std::uint32_t>(index.value_or(refs.size()));
    const std::ptrdiff_t size = last - first;
    const std::ptrdiff_t at = std::lower_bound(first, last, std::pair{hash, row}) - first;
    const auto window = static_cast<std::ptrdiff_t>(kNearTitleWindow) + 1; // with the record
    const std::ptrdiff_t from =
        std::clamp<std::ptrdiff_t>(at - window / 2, 0, std::max<std::ptrdiff_t>(size - window, 0));
    const auto begin = first + from;
    const auto end = first + std::min(size, from + window);
    for (auto it = begin; it != end; ++it)
        if (is_sibling(it->second)) context.sibling_titles.push_back(refs[it->second].title);
    return context;
}

TitleReport Workspace::check_record(const Reference& reference, std::optional<std::size_t> index,
                                    bool want_suggestion) {
    TitleContext context = context_for(reference, index);
    context.want_suggestion = want_suggestion;
    return check_title(reference.title, context, *title_rules_);
}

void Workspace::forget_grades_of_customers(const std::string& a, const std::string& b) {
    if (a.empty() && b.empty()) return;
    for (std::size_t i = 0; i < title_grades_.size(); ++i) {
        if (title_grades_[i].score < 0) continue; // only rows shown so far were graded
        const std::string customer = customer_key(document_.references[i].customer);
        if (customer == a || customer == b) title_grades_[i] = StoredGrade{};
    }
}

Workspace::TitleGrade Workspace::title_grade(std::size_t reference_index) {
    if (title_grades_.size() != document_.references.size())
        title_grades_.assign(document_.references.size(), StoredGrade{});
    StoredGrade& slot = title_grades_[reference_index];
    if (slot.score < 0) {
        // The table shows score and grade only: no suggested rewrite.
        const TitleReport report =
            check_record(document_.references[reference_index], reference_index, false);
        slot = {static_cast<std::int8_t>(report.score), report.grade};
    }
    return {slot.score, slot.grade};
}

std::optional<Workspace::TitleGrade> Workspace::known_title_grade(std::size_t reference_index,
                                                                  bool may_check) {
    if (const auto stored = stored_title_grade(reference_index)) return stored;
    if (!may_check || !title_lookup_) return std::nullopt;
    return title_grade(reference_index);
}

std::optional<Workspace::TitleGrade>
Workspace::stored_title_grade(std::size_t reference_index) const {
    if (title_grades_.size() != document_.references.size()) return std::nullopt;
    const StoredGrade& slot = title_grades_[reference_index];
    if (slot.score < 0) return std::nullopt;
    return TitleGrade{slot.score, slot.grade};
}

const std::vector<int>* Workspace::title_scores_within(double budget_ms) {
    if (title_scores_) return &*title_scores_;
    const Deadline deadline(budget_ms);
    if (!title_lookup_within(budget_ms)) return nullptr;
    // Rows between clock reads: grading a title takes about 25 microseconds as wasm, a read far
    // less, so 8 rows pass a 1 ms budget by at most 0.2 ms (64 passed it by up to 1.6 ms). The
    // grades stay in title_grades_, so a walk cut short goes on where it stopped.
    constexpr std::size_t kRowsPerSlice = 8;
    const std::size_t count = document_.references.size();
    while (scores_graded_ < count) {
        const std::size_t end = std::min(count, scores_graded_ + kRowsPerSlice);
        for (; scores_graded_ < end; ++scores_graded_) title_grade(scores_graded_);
        if (scores_graded_ < count && deadline.passed()) return nullptr;
    }
    std::vector<int> scores(count);
    for (std::size_t i = 0; i < count; ++i) scores[i] = title_grade(i).score;
    title_scores_ = std::move(scores);
    return &*title_scores_;
}

const TitleReport& Workspace::check_draft_title(const Reference& draft) {
    if (!draft_title_.holds(revision_, draft))
        draft_title_ = {revision_, draft, check_record(draft, find_reference(draft.id), true)};
    return draft_title_.result;
}

const std::vector<Finding>& Workspace::check_draft_reference(const Reference& draft) {
    if (draft_findings_.holds(revision_, draft)) return draft_findings_.result;
    std::vector<Finding> findings = check_reference(draft, "");
    const std::string url = normalize_url_for_compare(draft.url);
    for_each_match(title_lookup().by_url, url, [&](std::uint32_t i) {
        const Reference& other = document_.references[i];
        if (other.id == draft.id || normalize_url_for_compare(other.url) != url) return;
        findings.push_back(duplicate_url_finding(other, "url"));
    });
    draft_findings_ = {revision_, draft, std::move(findings)};
    return draft_findings_.result;
}

} // namespace reftier
