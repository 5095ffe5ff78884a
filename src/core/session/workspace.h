// The open document and everything derived from it, as the app uses it: every edit goes through
// here, bumps a revision, is recorded for undo, and invalidates only the derived results it
// touches (title reports, reference checks, tier progress, account report). Views read the
// cached results every frame and never recompute them themselves.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/checks/account_check.h"
#include "core/checks/reference_check.h"
#include "core/checks/title_check.h"
#include "core/format/document_json.h"
#include "core/model/model.h"
#include "core/progress/tier_progress.h"
#include "core/session/deadline.h"
#include "core/session/reference_query.h"
#include "core/session/sliced_sort.h"

namespace reftier {

// What an edit did: made, or refused because the document would then hold something that
// would not read back (storable.h), each problem in the reader's words with its path
// ("partner.name: is 4034 bytes long; at most 2048 are allowed"). Not made and not refused:
// there was nothing to change (or nothing to undo).
struct EditResult {
    bool made = false;
    std::vector<ReadError> refused;
    explicit operator bool() const { return made; }
    // The first problem, and how many more: one line for a message.
    std::string message() const;
};

// (hash of a normalised text, reference index) pairs, sorted: the references with a given
// customer or URL are found by binary search, in document order.
using HashIndex = std::vector<std::pair<std::size_t, std::uint32_t>>;

class Workspace {
  public:
    Workspace() = default;
    // Neither copied nor moved: a check in progress (check_run_) reads this workspace's own
    // references, which a moved-from copy would leave dangling.
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Rules come from assets/ (title_rules.json, tier_rules.json, aws_services.json); errors are
    // readable lines, each naming its file. Without aws_services.json only title_rules.json's
    // own service list counts as AWS services.
    std::vector<std::string> load_rules(std::string_view title_rules_json,
                                        std::string_view tier_rules_json,
                                        std::string_view aws_services_json = {});
    bool has_rules() const { return title_rules_ != nullptr && !rule_sets_.empty(); }

    const Document& document() const { return document_; }
    std::uint64_t revision() const { return revision_; }

    // Edits. Each one is a single undo step. Every edit that brings something into the
    // document (and undo and redo, which bring back an earlier state) first asks the storable
    // rule, and is refused, changing nothing, when the document would not read back. A
    // removal cannot make a readable document unreadable.
    // Import (replace or merged result), clear, sample; `what` names the step for Undo ("the
    // import of colleague.json").
    EditResult replace_document(Document document, std::string what = "replacing the document");
    // The same for a document the caller has checked with StorableDocumentCheck, to its end and
    // with no problem, a slice at a time (a large import, so no task of the page's is long).
    // `kept_as`, when given, names a copy of the open document kept aside in storage, which the
    // caller knows to be this document exactly: the Undo step then holds that name instead of
    // the document (on 100,000 references about 41 MB less in memory while the new document is
    // checked), and undoing it needs the copy read back (undo_needs_kept_copy).
    EditResult replace_checked_document(Document document, std::string what,
                                        std::string kept_as = {});
    EditResult upsert_reference(const Reference& reference); // by id; appends when new
    bool remove_reference(const std::string& id);
    EditResult upsert_account(const Account& account, const std::string& previous_id);
    bool remove_account(const std::string& id);
    EditResult set_partner(const PartnerProfile& partner);
    // The partner's own rule set (added, or replacing the one with its id) and the partner
    // profile that goes with it (rule set chosen, scorecard), as one undo step.
    EditResult save_rule_set(const RuleSet& rule_set, const PartnerProfile& partner);
    EditResult remove_rule_set(const std::string& id, const PartnerProfile& partner);

    // Whole-document steps (import, clear, sample data) each hold a whole document. Past this
    // many references held in undo and redo together, the oldest undo steps go (the newest step
    // always stays), so history never holds more than about one large document besides the
    // open one (100,000 references are about 43 MB).
    static constexpr std::size_t kWholeUndoReferences = 100000;
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    EditResult undo(); // refused while undo_needs_kept_copy() is not empty
    EditResult redo();
    // The kept-aside copy the next Undo brings back, when that step holds one; empty otherwise.
    const std::string& undo_needs_kept_copy() const;
    // Undo of that step with its copy as the document reader returned it (which the storable
    // rule takes by construction, so it is not checked again: on 100,000 references that takes
    // as long as the reading). Refused, changing nothing, when the step is no longer the next
    // Undo. Redo then holds the document it replaces in memory.
    EditResult undo_with_kept_copy(const std::string& kept_as, Document read_back);
    // The copy could not be read back: that step and every older one are forgotten, since
    // each older step was made on the document it held.
    void forget_undo_from_kept_copy(const std::string& kept_as);
    // What Undo or Redo would take back or do again, in words ("the edit of Acme Retail,
    // \"...\""; empty when there is nothing), so the menu and its message can say it.
    std::string undo_description() const;
    std::string redo_description() const;
    // Loading from storage is not an edit: it sets the document and forgets history.
    void load_without_history(Document document);

    // Derived results, computed on first use after a change.
    const DocumentCheck& reference_check();
    // The same check spread over calls: works on it for about `budget_ms` and returns it once
    // done, nullptr before (a check of 100,000 references takes a few hundred milliseconds).
    const DocumentCheck* reference_check_within(double budget_ms);
    float reference_check_progress() const; // 0..1
    bool reference_check_pending() const { return check_run_.has_value(); }
    bool reference_check_done() const { return check_.has_value(); }

    // Titles: defined in title_lookup.cpp, as are check_draft_title and check_draft_reference.
    struct TitleGrade {
        int score = 0;
        Grade grade = Grade::Weak;
    };
    // The table's grade column: checked when a row is first shown, kept as two bytes a row
    // (a full TitleReport per row would be about 550 bytes on 100,000 references). The same
    // verdict as check_draft_title gives that record: one function decides both (check_record).
    TitleGrade title_grade(std::size_t reference_index);
    // The grade if it is known, or, with `may_check`, can be checked without building the rest
    // of the lookup below in this frame; none while title_lookup_within has not finished.
    std::optional<TitleGrade> known_title_grade(std::size_t reference_index, bool may_check = true);
    // The grade if it has been checked since the last change, without checking it now.
    std::optional<TitleGrade> stored_title_grade(std::size_t reference_index) const;
    // The hashes title grades and the editor's checks find a record's siblings by, built about
    // `budget_ms` per call after a change (on 100,000 references building them at once took a
    // 300-450 ms frame after an import); true once built.
    bool title_lookup_within(double budget_ms);
    bool title_lookup_pending() const { return lookup_build_.has_value(); }
    bool title_lookup_ready() const { return title_lookup_.has_value(); }
    // Every reference's score, for sorting by grade; null until the budget has graded them all
    // (over calls: grading 100,000 titles takes about 2.5 s as wasm).
    const std::vector<int>* title_scores_within(double budget_ms);

    const TierProgress& tier_progress(Date today);
    const AccountReport& account_report();

    // The table's rows for `query`. A new query on a large document is worked on for about
    // `budget_ms` per call, so typing in the filter never holds up a frame; until it is done the
    // last complete rows are returned (none after an edit) and query_pending() is true.
    static constexpr double kNoBudget = Deadline::kNone;
    const std::vector<std::uint32_t>& query_rows(const ReferenceQuery& query,
                                                 double budget_ms = kNoBudget);
    bool query_pending() const { return pending_query_.has_value(); }
    // Whether the pending query is still ordering the rows (grading them, for the Grade
    // column), not yet filtering them.
    bool query_sorting() const {
        return pending_query_ &&
               order_for_ != std::pair{pending_query_->sort_column, pending_query_->descending};
    }
    const std::vector<std::uint32_t>& shown_rows() const { return rows_; } // as last returned
    float query_progress() const; // 0..1 of the pending query's work (grades, order, filter)

    // Live check of a title being typed in the editor (not yet saved), against the customer's
    // other titles as the table grades it. The editor asks every frame: the last answer is kept
    // while neither the draft nor the document changes.
    const TitleReport& check_draft_title(const Reference& draft);
    // The last draft title check while the document has not changed since, else null.
    const TitleReport* last_draft_title() const {
        return draft_title_.revision == revision_ ? &draft_title_.result : nullptr;
    }
    // Findings of a draft reference on its own, plus duplicate findings against the others.
    const std::vector<Finding>& check_draft_reference(const Reference& draft);

    // The shipped rule sets with the document's own in front (rule_sets_with).
    const std::vector<RuleSet>& rule_sets() const;
    const std::vector<RuleSetDefault>& rule_set_defaults() const { return rule_set_defaults_; }
    const RuleSet* active_rule_set() const;
    const TitleRules* title_rules() const { return title_rules_.get(); }

    std::optional<std::size_t> find_reference(const std::string& id) const;

  private:
    // One undo step, stored as "the other state" of what it changed: applying it swaps that
    // state with the current one, so the same code undoes and redoes. Single-record edits keep
    // only that record, so undo stays small on a 100,000-reference document.
    struct Edit {
        enum class Kind { Reference, Account, Partner, RuleSets, Whole } kind = Kind::Whole;
        std::size_t index = 0;
        bool present_now = false; // the record at `index` exists in the current document
        std::optional<Reference> reference;
        std::optional<Account> account;
        std::optional<PartnerProfile> partner;
        std::optional<std::vector<RuleSet>> rule_sets; // RuleSets: with `partner`
        std::shared_ptr<Document> whole;
        std::string kept_as;     // Whole: the other document is this kept-aside copy instead
        std::string description; // for Undo and Redo: "the edit of ..."
    };
    void record(Edit edit);
    void apply_swap(Edit& edit);
    std::vector<ReadError> incoming_problems(const Edit& edit) const;
    EditResult set_rule_sets(std::vector<RuleSet> rule_sets, const PartnerProfile& partner,
                             std::string what);
    std::vector<ReadError> account_id_problems(const Account& account, std::size_t index,
                                               bool replacing) const;
    EditResult step(std::vector<Edit>& from, std::vector<Edit>& to);
    void invalidate();
    void invalidate_after(const Edit& edit);
    void start_query(const ReferenceQuery& query);
    void start_filter(const ReferenceQuery& query);

    // Titles (title_lookup.cpp): the hashes a record's siblings, repeats and same-URL references
    // are found by, and the one verdict on a record's title.
    struct TitleLookup {
        HashIndex by_customer;
        HashIndex by_customer_title; // customer key and normalised title, for exact repeats
        HashIndex by_url;
    };
    // A lookup being built over calls (title_lookup_within): rows hashed, then indexes sorted.
    struct LookupBuild {
        TitleLookup lookup;
        std::size_t rows_built = 0;
        int indexes_sorted = 0;
        std::optional<SlicedSort<HashIndex::value_type, std::less<>>> sorting; // the next index
    };
    const TitleLookup& title_lookup(); // built at once when it is not yet
    // The record's fields and the customer's other titles the title checker compares it with:
    // one with the same title wherever it is, and up to kNearTitleWindow of the nearest others.
    // `index` is the record's row, or none for a new one.
    TitleContext context_for(const Reference& reference, std::optional<std::size_t> index);
    // The one verdict on a record's title, for the table's grade and the editor's check alike.
    TitleReport check_record(const Reference& reference, std::optional<std::size_t> index,
                             bool want_suggestion);
    void forget_grades_of_customers(const std::string& a, const std::string& b);

    Document document_;
    std::uint64_t revision_ = 1;
    TitleRulesPtr title_rules_;
    std::vector<RuleSet> rule_sets_; // shipped
    std::vector<RuleSetDefault> rule_set_defaults_;
    mutable std::optional<std::vector<RuleSet>> all_rule_sets_; // shipped with the document's

    static constexpr std::size_t kUndoDepth = 200;
    std::vector<Edit> undo_;
    std::vector<Edit> redo_;

    std::optional<DocumentCheck> check_;
    std::optional<DocumentCheckRun> check_run_; // reads document_.references: reset on change
    struct StoredGrade {
        std::int8_t score = -1; // -1: not checked yet
        Grade grade = Grade::Weak;
    };
    std::vector<StoredGrade> title_grades_;
    std::optional<std::vector<int>> title_scores_;
    std::size_t scores_graded_ = 0; // rows title_scores_within has graded so far
    std::optional<TierProgress> tier_progress_;
    std::optional<Date> tier_progress_day_;
    std::optional<AccountReport> account_report_;

    // A title or a draft is checked against the others through hashes of their normalised
    // customers, titles and URLs, built once per change, instead of normalising 100,000 texts on
    // every keystroke. invalidate() drops both; a finished build moves into title_lookup_.
    std::optional<TitleLookup> title_lookup_;
    std::optional<LookupBuild> lookup_build_; // while title_lookup_within works over calls
    template <typename Result> struct DraftMemo {
        std::uint64_t revision = 0; // 0: nothing kept
        Reference draft;
        Result result;
        bool holds(std::uint64_t now, const Reference& d) const {
            return revision == now && draft == d;
        }
    };
    DraftMemo<TitleReport> draft_title_;
    DraftMemo<std::vector<Finding>> draft_findings_;

    // All rows in the order of `order_for_`'s column and direction, sorted once per document
    // change or sort change; filters walk it and never sort.
    std::vector<std::uint32_t> order_;
    std::optional<std::pair<ReferenceColumn, bool>> order_for_;
    // A new order while it is sorted over calls. invalidate() drops it, since it reads the
    // document's references.
    std::optional<ReferenceOrderBuild> order_build_;
    RowFilter filter_;
    std::optional<ReferenceQuery> pending_query_; // what filter_ is working on
    std::vector<std::uint32_t> rows_;             // the last complete result ...
    std::optional<ReferenceQuery> rows_query_;    // ... and its query
};

// What "Clear all" leaves: no references, accounts or rule sets of the partner's own; the
// partner profile as it was, its name without the " (sample)" of the sample data's name.
Document cleared_document(const Document& current);

} // namespace reftier
