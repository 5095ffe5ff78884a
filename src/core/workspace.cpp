#include "core/workspace.h"

#include <algorithm>
#include <unordered_map>

#include "core/title_similarity.h"
#include "core/url_check.h"

namespace reftier {

std::vector<std::string> Workspace::load_rules(std::string_view title_rules_json,
                                               std::string_view tier_rules_json) {
    std::vector<std::string> errors;
    TitleRulesLoad titles = load_title_rules_text(title_rules_json);
    for (auto& e : titles.errors) errors.push_back("title_rules.json: " + e);
    RuleSetsLoad tiers = load_rule_sets_text(tier_rules_json);
    for (auto& e : tiers.errors) errors.push_back("tier_rules.json: " + e);
    if (titles.rules) title_rules_ = std::move(titles.rules);
    if (tiers.errors.empty()) rule_sets_ = std::move(tiers.rule_sets);
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
    if (undo_.size() > kUndoDepth) undo_.erase(undo_.begin());
    redo_.clear();
    invalidate();
}

void Workspace::replace_document(Document document) {
    Edit edit;
    edit.kind = Edit::Kind::Whole;
    edit.whole = std::make_shared<Document>(std::move(document_));
    document_ = std::move(document);
    record(std::move(edit));
}

void Workspace::load_without_history(Document document) {
    document_ = std::move(document);
    undo_.clear();
    redo_.clear();
    invalidate();
}

void Workspace::upsert_reference(const Reference& reference) {
    Edit edit;
    edit.kind = Edit::Kind::Reference;
    edit.present_now = true;
    if (auto index = find_reference(reference.id)) {
        if (document_.references[*index] == reference) return; // nothing changed, no undo step
        edit.index = *index;
        edit.reference = std::exchange(document_.references[*index], reference);
    } else {
        edit.index = document_.references.size();
        document_.references.push_back(reference);
    }
    record(std::move(edit));
}

bool Workspace::remove_reference(const std::string& id) {
    auto index = find_reference(id);
    if (!index) return false;
    Edit edit;
    edit.kind = Edit::Kind::Reference;
    edit.index = *index;
    edit.present_now = false;
    edit.reference = std::move(document_.references[*index]);
    document_.references.erase(document_.references.begin() + static_cast<long>(*index));
    record(std::move(edit));
    return true;
}

void Workspace::upsert_account(const Account& account, const std::string& previous_id) {
    auto& accounts = document_.accounts;
    auto it = std::find_if(accounts.begin(), accounts.end(),
                           [&](const Account& a) { return a.id == previous_id; });
    Edit edit;
    edit.kind = Edit::Kind::Account;
    edit.present_now = true;
    if (!previous_id.empty() && it != accounts.end()) {
        if (*it == account) return;
        edit.index = static_cast<std::size_t>(it - accounts.begin());
        edit.account = std::exchange(*it, account);
    } else {
        edit.index = accounts.size();
        accounts.push_back(account);
    }
    record(std::move(edit));
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
    edit.account = std::move(*it);
    accounts.erase(it);
    record(std::move(edit));
    return true;
}

void Workspace::set_partner(const PartnerProfile& partner) {
    if (partner == document_.partner) return;
    Edit edit;
    edit.kind = Edit::Kind::Partner;
    edit.partner = std::exchange(document_.partner, partner);
    record(std::move(edit));
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
    case Edit::Kind::Whole:
        std::swap(document_, *edit.whole);
        break;
    }
    invalidate();
}

bool Workspace::undo() {
    if (undo_.empty()) return false;
    Edit edit = std::move(undo_.back());
    undo_.pop_back();
    apply_swap(edit);
    redo_.push_back(std::move(edit));
    return true;
}

bool Workspace::redo() {
    if (redo_.empty()) return false;
    Edit edit = std::move(redo_.back());
    redo_.pop_back();
    apply_swap(edit);
    undo_.push_back(std::move(edit));
    return true;
}

void Workspace::invalidate() {
    ++revision_;
    check_.reset();
    title_reports_.clear();
    title_scores_.reset();
    tier_progress_.reset();
    account_report_.reset();
    rows_query_.reset();
}

const DocumentCheck& Workspace::reference_check() {
    if (!check_) check_ = check_references(document_.references);
    return *check_;
}

// The record's own fields, as the title checker sees them.
static TitleContext record_context(const Reference& reference) {
    TitleContext context;
    context.customer = reference.customer;
    context.workload = reference.workload;
    context.industry = reference.industry;
    for (const auto& s : reference.services) context.services.push_back(s);
    return context;
}

TitleContext Workspace::context_for(const Reference& reference, std::size_t skip_index) const {
    TitleContext context = record_context(reference);
    if (reference.customer.empty()) return context;
    const std::string customer = normalize_title(reference.customer);
    for (std::size_t i = 0; i < document_.references.size(); ++i) {
        const Reference& other = document_.references[i];
        if (i == skip_index || other.id == reference.id) continue;
        if (normalize_title(other.customer) == customer)
            context.sibling_titles.push_back(other.title);
    }
    return context;
}

const TitleReport& Workspace::title_report(std::size_t reference_index) {
    if (title_reports_.size() != document_.references.size())
        title_reports_.assign(document_.references.size(), std::nullopt);
    auto& slot = title_reports_[reference_index];
    if (!slot) {
        const Reference& r = document_.references[reference_index];
        // Sibling titles are checked by the document-wide duplicate pass (reference_check);
        // the per-row grade only needs the title's own quality, which keeps this O(1) per row.
        TitleContext context = record_context(r);
        context.want_suggestion = false; // the table shows score and grade only
        slot = check_title(r.title, context, *title_rules_);
    }
    return *slot;
}

const std::vector<int>& Workspace::title_scores() {
    if (!title_scores_) {
        std::vector<int> scores(document_.references.size());
        for (std::size_t i = 0; i < scores.size(); ++i) scores[i] = title_report(i).score;
        title_scores_ = std::move(scores);
    }
    return *title_scores_;
}

const RuleSet* Workspace::active_rule_set() const {
    if (const RuleSet* set = find_rule_set(rule_sets_, document_.partner.rule_set)) return set;
    for (const RuleSet& set : rule_sets_)
        if (set.path == document_.partner.path) return &set;
    return rule_sets_.empty() ? nullptr : &rule_sets_.front();
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

const std::vector<std::uint32_t>& Workspace::query_rows(const ReferenceQuery& query) {
    if (!rows_query_ || !(*rows_query_ == query)) {
        const bool needs_scores = query.sort_column == ReferenceColumn::Grade;
        static const std::vector<int> no_scores;
        rows_ = run_reference_query(document_.references, needs_scores ? title_scores() : no_scores,
                                    query);
        rows_query_ = query;
    }
    return rows_;
}

TitleReport Workspace::check_draft_title(const Reference& draft) const {
    const auto index = find_reference(draft.id);
    return check_title(draft.title, context_for(draft, index.value_or(SIZE_MAX)), *title_rules_);
}

std::vector<Finding> Workspace::check_draft_reference(const Reference& draft) const {
    std::vector<Finding> findings = check_reference(draft, "");
    for (const Reference& other : document_.references) {
        if (other.id == draft.id) continue;
        if (!draft.url.empty() &&
            normalize_url_for_compare(other.url) == normalize_url_for_compare(draft.url)) {
            Finding f;
            f.severity = Severity::Error;
            f.code = "duplicate-url";
            f.message = "Reference " + other.id + " (" + other.customer + ") has the same URL.";
            f.path = "url";
            f.related_id = other.id;
            findings.push_back(std::move(f));
        }
    }
    return findings;
}

} // namespace reftier
