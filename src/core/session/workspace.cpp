// The open document, its edits and undo, and the results derived from it (workspace.h).
#include "core/session/workspace.h"

#include <algorithm>
#include <utility>

#include "core/format/storable.h"
#include "core/model/reference_name.h"
#include "core/text/case_fold.h"
#include "core/text/title_similarity.h"

namespace reftier {

std::string EditResult::message() const {
    if (refused.empty()) return {};
    std::string text = to_string(refused.front());
    if (refused.size() > 1) text += " (and " + std::to_string(refused.size() - 1) + " more)";
    return text;
}

static EditResult made() {
    return {true, {}};
}

static EditResult refused(std::vector<ReadError> problems) {
    return {false, std::move(problems)};
}

static std::string place(const char* list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

std::vector<std::string> Workspace::load_rules(std::string_view title_rules_json,
                                               std::string_view tier_rules_json,
                                               std::string_view aws_services_json) {
    std::vector<std::string> errors;
    TitleRulesLoad titles = load_title_rules_text(title_rules_json, aws_services_json);
    for (auto& e : titles.errors) errors.push_back(std::move(e)); // each names its file
    RuleSetsLoad tiers = load_rule_sets_text(tier_rules_json);
    for (auto& e : tiers.errors) errors.push_back("tier_rules.json: " + e);
    if (titles.rules) title_rules_ = std::move(titles.rules);
    if (tiers.errors.empty()) {
        rule_sets_ = std::move(tiers.rule_sets);
        rule_set_defaults_ = std::move(tiers.defaults);
        all_rule_sets_.reset();
    }
    invalidate();
    return errors;
}

std::optional<std::size_t> Workspace::find_reference(const std::string& id) const {
    for (std::size_t i = 0; i < document_.references.size(); ++i)
        if (document_.references[i].id == id) return i;
    return std::nullopt;
}

void Workspace::record(Edit edit) {
    undo_.push_back(std::move(edit));
    redo_.clear();
    invalidate_after(undo_.back());
    if (undo_.size() > kUndoDepth) undo_.erase(undo_.begin());
    auto held_by = [](const std::vector<Edit>& edits) {
        std::size_t references = 0;
        for (const Edit& e : edits)
            if (e.whole) references += e.whole->references.size();
        return references;
    };
    std::size_t held = held_by(undo_) + held_by(redo_);
    while (held > kWholeUndoReferences) {
        const auto oldest = std::find_if(undo_.begin(), undo_.end(),
                                         [](const Edit& e) { return e.whole != nullptr; });
        if (oldest >= undo_.end() - 1) break;
        held -= oldest->whole->references.size();
        undo_.erase(undo_.begin(), oldest + 1); // the steps before it need it to be undone
    }
}

EditResult Workspace::replace_document(Document document, std::string what) {
    if (auto problems = storable_problems(document); !problems.empty())
        return refused(std::move(problems));
    return replace_checked_document(std::move(document), std::move(what));
}

EditResult Workspace::replace_checked_document(Document document, std::string what,
                                               std::string kept_as) {
    Edit edit;
    edit.kind = Edit::Kind::Whole;
    edit.description = std::move(what);
    if (kept_as.empty()) edit.whole = std::make_shared<Document>(std::move(document_));
    edit.kept_as = std::move(kept_as);
    document_ = std::move(document); // the replaced one is freed here when it is kept aside
    record(std::move(edit));
    return made();
}

void Workspace::load_without_history(Document document) {
    document_ = std::move(document);
    undo_.clear();
    redo_.clear();
    all_rule_sets_.reset();
    invalidate();
}

EditResult Workspace::upsert_reference(const Reference& reference) {
    const auto index = find_reference(reference.id);
    if (index && document_.references[*index] == reference) return {}; // no change, no step
    if (auto problems = storable_problems(
            reference, place("references", index.value_or(document_.references.size())));
        !problems.empty())
        return refused(std::move(problems));
    Edit edit;
    edit.kind = Edit::Kind::Reference;
    edit.present_now = true;
    if (index) {
        edit.index = *index;
        edit.description = "the edit of " + reference_name(reference);
        edit.reference = std::exchange(document_.references[*index], reference);
    } else {
        edit.index = document_.references.size();
        edit.description = "adding " + reference_name(reference);
        document_.references.push_back(reference);
    }
    record(std::move(edit));
    return made();
}

bool Workspace::remove_reference(const std::string& id) {
    auto index = find_reference(id);
    if (!index) return false;
    Edit edit;
    edit.kind = Edit::Kind::Reference;
    edit.index = *index;
    edit.present_now = false;
    edit.description = "deleting " + reference_name(document_.references[*index]);
    edit.reference = std::move(document_.references[*index]);
    document_.references.erase(document_.references.begin() + static_cast<long>(*index));
    record(std::move(edit));
    return true;
}

// The reader's id rule on the accounts as they would be with `account` at `index`.
std::vector<ReadError> Workspace::account_id_problems(const Account& account, std::size_t index,
                                                      bool replacing) const {
    std::vector<Account> after = document_.accounts;
    if (replacing)
        after[index] = account;
    else
        after.insert(after.begin() + static_cast<long>(index), account);
    return duplicate_id_errors(after);
}

EditResult Workspace::upsert_account(const Account& account, const std::string& previous_id) {
    auto& accounts = document_.accounts;
    auto it = std::find_if(accounts.begin(), accounts.end(),
                           [&](const Account& a) { return a.id == previous_id; });
    const bool replacing = !previous_id.empty() && it != accounts.end();
    if (replacing && *it == account) return {};
    const auto index =
        static_cast<std::size_t>(replacing ? it - accounts.begin() : accounts.size());
    std::vector<ReadError> problems = storable_problems(account, place("accounts", index));
    if (problems.empty()) problems = account_id_problems(account, index, replacing);
    if (!problems.empty()) return refused(std::move(problems));
    Edit edit;
    edit.kind = Edit::Kind::Account;
    edit.present_now = true;
    edit.index = index;
    if (replacing) {
        edit.description = "the edit of account " + account_name(account);
        edit.account = std::exchange(*it, account);
    } else {
        edit.description = "adding account " + account_name(account);
        accounts.push_back(account);
    }
    record(std::move(edit));
    return made();
}

bool Workspace::remove_account(const std::string& id) {
    auto& accounts = document_.accounts;
    auto it = std::find_if(accounts.begin(), accounts.end(),
                           [&](const Account& a) { return a.id == id; });
    if (it == accounts.end()) return false;
    Edit edit;
    edit.kind = Edit::Kind::Account;
    edit.index = static_cast<std::size_t>(it - accounts.begin());
    edit.present_now = false;
    edit.description = "removing account " + account_name(*it);
    edit.account = std::move(*it);
    accounts.erase(it);
    record(std::move(edit));
    return true;
}

EditResult Workspace::set_partner(const PartnerProfile& partner) {
    if (partner == document_.partner) return {};
    if (auto problems = storable_problems(partner, "partner"); !problems.empty())
        return refused(std::move(problems));
    Edit edit;
    edit.kind = Edit::Kind::Partner;
    edit.description = "the change of the partner profile";
    edit.partner = std::exchange(document_.partner, partner);
    record(std::move(edit));
    return made();
}

// The rule sets and the partner profile together, judged with the document's header (its
// lists are left out: they do not change here).
static std::vector<ReadError> header_problems(const Document& document,
                                              const std::vector<RuleSet>& rule_sets,
                                              const PartnerProfile& partner) {
    Document header;
    header.partner = partner;
    header.rule_sets = rule_sets;
    header.unknown_fields = document.unknown_fields;
    return storable_problems(header);
}

EditResult Workspace::set_rule_sets(std::vector<RuleSet> rule_sets, const PartnerProfile& partner,
                                    std::string what) {
    if (rule_sets == document_.rule_sets && partner == document_.partner) return {};
    if (auto problems = header_problems(document_, rule_sets, partner); !problems.empty())
        return refused(std::move(problems));
    Edit edit;
    edit.kind = Edit::Kind::RuleSets;
    edit.description = std::move(what);
    edit.rule_sets = std::exchange(document_.rule_sets, std::move(rule_sets));
    edit.partner = std::exchange(document_.partner, partner);
    record(std::move(edit));
    return made();
}

EditResult Workspace::save_rule_set(const RuleSet& rule_set, const PartnerProfile& partner) {
    std::vector<RuleSet> rule_sets = document_.rule_sets;
    const auto same = std::find_if(rule_sets.begin(), rule_sets.end(),
                                   [&](const RuleSet& r) { return r.id == rule_set.id; });
    if (same != rule_sets.end())
        *same = rule_set;
    else
        rule_sets.push_back(rule_set);
    return set_rule_sets(std::move(rule_sets), partner, "the change of the rule sets");
}

EditResult Workspace::remove_rule_set(const std::string& id, const PartnerProfile& partner) {
    std::vector<RuleSet> rule_sets = document_.rule_sets;
    const auto removed = std::remove_if(rule_sets.begin(), rule_sets.end(),
                                        [&](const RuleSet& r) { return r.id == id; });
    if (removed == rule_sets.end()) return {};
    rule_sets.erase(removed, rule_sets.end());
    return set_rule_sets(std::move(rule_sets), partner, "removing a rule set");
}

// Swaps the record the edit holds with the one in the document (or inserts/erases when one
// side is absent), so applying an edit twice returns to where it started.
template <typename T>
static void swap_record(std::vector<T>& records, std::size_t index, bool& present_now,
                        std::optional<T>& other) {
    std::optional<T> current;
    if (present_now) current = std::move(records[index]);
    if (other) {
        if (present_now)
            records[index] = std::move(*other);
        else
            records.insert(records.begin() + static_cast<long>(index), std::move(*other));
    } else if (present_now) {
        records.erase(records.begin() + static_cast<long>(index));
    }
    present_now = other.has_value();
    other = std::move(current);
}

void Workspace::apply_swap(Edit& edit) {
    switch (edit.kind) {
    case Edit::Kind::Reference:
        swap_record(document_.references, edit.index, edit.present_now, edit.reference);
        break;
    case Edit::Kind::Account:
        swap_record(document_.accounts, edit.index, edit.present_now, edit.account);
        break;
    case Edit::Kind::Partner:
        std::swap(document_.partner, *edit.partner);
        break;
    case Edit::Kind::RuleSets:
        std::swap(document_.partner, *edit.partner);
        std::swap(document_.rule_sets, *edit.rule_sets);
        break;
    case Edit::Kind::Whole:
        std::swap(document_, *edit.whole);
        break;
    }
    invalidate_after(edit);
}

// What applying `edit` would bring into the document, judged by the storable rule. States in
// history were checked when they were made; this keeps undo and redo to the same rule.
std::vector<ReadError> Workspace::incoming_problems(const Edit& edit) const {
    switch (edit.kind) {
    case Edit::Kind::Reference:
        if (!edit.reference) return {};
        return storable_problems(*edit.reference, place("references", edit.index));
    case Edit::Kind::Account: {
        if (!edit.account) return {};
        std::vector<ReadError> problems =
            storable_problems(*edit.account, place("accounts", edit.index));
        if (problems.empty())
            problems = account_id_problems(*edit.account, edit.index, edit.present_now);
        return problems;
    }
    case Edit::Kind::Partner:
        return storable_problems(*edit.partner, "partner");
    case Edit::Kind::RuleSets:
        return header_problems(document_, *edit.rule_sets, *edit.partner);
    case Edit::Kind::Whole:
        return storable_problems(*edit.whole);
    }
    return {};
}

std::string Workspace::undo_description() const {
    return undo_.empty() ? std::string() : undo_.back().description;
}

std::string Workspace::redo_description() const {
    return redo_.empty() ? std::string() : redo_.back().description;
}

// Undo and redo: the newest step of `from` is applied and moves to `to`, unless it is refused.
EditResult Workspace::step(std::vector<Edit>& from, std::vector<Edit>& to) {
    if (from.empty()) return {};
    if (auto problems = incoming_problems(from.back()); !problems.empty())
        return refused(std::move(problems));
    Edit edit = std::move(from.back());
    from.pop_back();
    apply_swap(edit);
    to.push_back(std::move(edit));
    return made();
}

EditResult Workspace::undo() {
    if (!undo_needs_kept_copy().empty())
        return refused({{"", "this step needs its copy kept aside in storage read back first"}});
    return step(undo_, redo_);
}

const std::string& Workspace::undo_needs_kept_copy() const {
    static const std::string none;
    return undo_.empty() ? none : undo_.back().kept_as;
}

EditResult Workspace::undo_with_kept_copy(const std::string& kept_as, Document read_back) {
    if (kept_as.empty() || undo_needs_kept_copy() != kept_as)
        return refused({{"", "the document was changed since this Undo began"}});
    Edit edit = std::move(undo_.back());
    undo_.pop_back();
    edit.kept_as.clear();
    edit.whole = std::make_shared<Document>(std::move(read_back));
    apply_swap(edit);
    redo_.push_back(std::move(edit));
    return made();
}

void Workspace::forget_undo_from_kept_copy(const std::string& kept_as) {
    const auto step = std::find_if(undo_.begin(), undo_.end(),
                                   [&](const Edit& e) { return e.kept_as == kept_as; });
    if (kept_as.empty() || step == undo_.end()) return;
    undo_.erase(undo_.begin(), step + 1);
}

EditResult Workspace::redo() {
    return step(redo_, undo_);
}

void Workspace::invalidate() {
    ++revision_;
    check_.reset();
    check_run_.reset();
    title_grades_.clear();
    title_scores_.reset();
    scores_graded_ = 0;
    tier_progress_.reset();
    account_report_.reset();
    title_lookup_.reset();
    lookup_build_.reset();
    order_.clear();
    order_for_.reset();
    order_build_.reset();
    pending_query_.reset();
    rows_.clear();
    rows_query_.reset();
}

// One reference edit keeps what follows the rows (the sorted order, the grades, the shown rows,
// renumbered), so an edit on 100,000 references neither sorts nor grades everything again;
// results over the whole document are redone, spread over frames.
void Workspace::invalidate_after(const Edit& edit) {
    // Rebuilt only when they can have changed, so a view's pointer to the active rule set
    // survives every other edit.
    if (edit.kind == Edit::Kind::RuleSets || edit.kind == Edit::Kind::Whole) all_rule_sets_.reset();
    if (edit.kind != Edit::Kind::Reference) {
        invalidate();
        return;
    }
    // After the edit (record) or the swap (undo, redo), the fields read the same way.
    const RowChange change = !edit.present_now ? RowChange::Erased
                             : edit.reference  ? RowChange::Replaced
                                               : RowChange::Inserted;
    const auto index = static_cast<std::uint32_t>(edit.index);
    const std::size_t size_before = document_.references.size() + (change == RowChange::Erased) -
                                    (change == RowChange::Inserted);
    std::vector<StoredGrade> grades = std::move(title_grades_);
    std::vector<std::uint32_t> order = std::move(order_);
    const auto order_for = order_for_;
    std::vector<std::uint32_t> rows = std::move(rows_);
    const std::optional<ReferenceQuery> rows_query = rows_query_;
    invalidate();

    if (grades.size() == size_before) {
        if (change == RowChange::Replaced) grades[index] = StoredGrade{};
        if (change == RowChange::Inserted) grades.insert(grades.begin() + index, StoredGrade{});
        if (change == RowChange::Erased) grades.erase(grades.begin() + index);
        title_grades_ = std::move(grades);
        // A title is graded against the customer's other titles, so theirs change with it.
        forget_grades_of_customers(
            edit.present_now ? customer_key(document_.references[index].customer) : "",
            edit.reference ? customer_key(edit.reference->customer) : "");
    }
    if (order_for && order_for->first != ReferenceColumn::Grade) {
        update_sorted_order(order, document_.references, order_for->first, order_for->second, index,
                            change);
        order_ = std::move(order);
        order_for_ = order_for;
    }
    // Shown until the query has run again on the changed document.
    update_row_indices(rows, index, change);
    rows_ = std::move(rows);
    // An edited row keeps its place (issue 18: saving a reference re-sorted the table under the
    // pointer, so the next click opened another row); the order is redone when the user sorts
    // or filters again. Added and removed rows still take the query's order.
    if (change == RowChange::Replaced) rows_query_ = rows_query;
}

const DocumentCheck& Workspace::reference_check() {
    return *reference_check_within(kNoBudget);
}

const DocumentCheck* Workspace::reference_check_within(double budget_ms) {
    if (check_) return &*check_;
    if (!check_run_) check_run_.emplace(document_.references);
    // Slices between clock reads, small enough to stay within a frame's budget: checking one
    // reference takes 3-4 microseconds as wasm.
    constexpr std::size_t kReferencesPerSlice = 32;
    const Deadline deadline(budget_ms);
    while (!check_run_->advance(kReferencesPerSlice))
        if (deadline.passed()) return nullptr;
    check_ = check_run_->take();
    check_run_.reset();
    return &*check_;
}

float Workspace::reference_check_progress() const {
    if (check_) return 1;
    return check_run_ ? check_run_->progress() : 0;
}

const std::vector<RuleSet>& Workspace::rule_sets() const {
    if (!all_rule_sets_) all_rule_sets_ = rule_sets_with(rule_sets_, document_.rule_sets);
    return *all_rule_sets_;
}

const RuleSet* Workspace::active_rule_set() const {
    return reftier::active_rule_set(rule_sets(), rule_set_defaults_, document_.partner);
}

const TierProgress& Workspace::tier_progress(Date today) {
    if (!tier_progress_ || tier_progress_day_ != today) {
        const RuleSet* rules = active_rule_set();
        tier_progress_ = rules ? compute_tier_progress(document_, reference_check(), *rules, today)
                               : TierProgress{};
        tier_progress_day_ = today;
    }
    return *tier_progress_;
}

const AccountReport& Workspace::account_report() {
    if (!account_report_) account_report_ = check_accounts(document_.accounts);
    return *account_report_;
}

// Typing on in the filter only narrows: a row matching the longer text matches the shorter one.
static bool query_narrows(const ReferenceQuery& from, const ReferenceQuery& to) {
    return from.sort_column == to.sort_column && from.descending == to.descending &&
           from.status_mask == to.status_mask &&
           fold_text(to.text).find(fold_text(from.text)) != std::string::npos;
}

void Workspace::start_query(const ReferenceQuery& query) {
    const std::optional<ReferenceQuery> previous = std::exchange(pending_query_, query);
    const std::pair order_for{query.sort_column, query.descending};
    if (order_build_ && !order_build_->is_for(query.sort_column, query.descending))
        order_build_.reset();
    // Otherwise the filter starts once query_rows has the order.
    if (order_for_ != order_for) return;
    // A filter still running when the next key comes carries on from where it is, so keys
    // typed faster than 100,000 rows are filtered do not each start again from the first row.
    if (previous && query_narrows(*previous, query))
        filter_.narrow(query.text);
    else
        start_filter(query);
}

void Workspace::start_filter(const ReferenceQuery& query) {
    // Only the last result needs looking at when the query narrows it.
    const bool narrows = rows_query_ && query_narrows(*rows_query_, query);
    filter_.start(narrows ? rows_ : order_, query.text, query.status_mask);
}

const std::vector<std::uint32_t>& Workspace::query_rows(const ReferenceQuery& query,
                                                        double budget_ms) {
    if (rows_query_ && *rows_query_ == query) return rows_;
    if (!pending_query_ || !(*pending_query_ == query)) start_query(query);
    // Rows between clock reads. Matching a row takes about 0.7 microseconds as wasm and a read
    // about as long as a few rows, so a slice of 128 rows passes the budget by at most 0.1 ms
    // (1,024 rows passed a 1.2 ms budget by up to 0.7 ms).
    constexpr std::size_t kRowsPerSlice = 128;
    const Deadline deadline(budget_ms);
    if (const std::pair order_for{query.sort_column, query.descending}; order_for_ != order_for) {
        if (!order_build_) {
            static const std::vector<int> no_scores;
            const std::vector<int>* scores = &no_scores;
            if (query.sort_column == ReferenceColumn::Grade)
                if (scores = title_scores_within(budget_ms); !scores) return rows_;
            order_build_.emplace(document_.references, *scores, query.sort_column,
                                 query.descending);
        }
        while (!order_build_->advance(kRowsPerSlice))
            if (deadline.passed()) return rows_;
        order_ = order_build_->take();
        order_for_ = order_for;
        order_build_.reset();
        start_filter(query);
    }
    while (!filter_.advance(document_.references, kRowsPerSlice))
        if (deadline.passed()) return rows_;
    rows_ = filter_.take_matches();
    rows_query_ = query;
    pending_query_.reset();
    return rows_;
}

float Workspace::query_progress() const {
    if (!pending_query_) return 1;
    // Its stages in turn, each an equal share: the grades (for the Grade column), the order,
    // the filter's walk of the ordered rows.
    const bool by_grade = pending_query_->sort_column == ReferenceColumn::Grade;
    const float stages = by_grade ? 3.f : 2.f;
    const auto fraction = [](std::size_t done, std::size_t total) {
        return total == 0 ? 1.f : static_cast<float>(done) / static_cast<float>(total);
    };
    if (query_sorting()) {
        if (order_build_) return (stages - 2 + order_build_->progress()) / stages;
        return fraction(scores_graded_, document_.references.size()) / stages;
    }
    return (stages - 1 + fraction(filter_.examined(), filter_.total())) / stages;
}

Document cleared_document(const Document& current) {
    Document empty;
    empty.partner = current.partner;
    constexpr std::string_view kSampleMark = " (sample)";
    if (empty.partner.name.ends_with(kSampleMark))
        empty.partner.name.resize(empty.partner.name.size() - kSampleMark.size());
    return empty;
}

} // namespace reftier
