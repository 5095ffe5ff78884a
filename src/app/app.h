// The app's state between frames, and the entry points of each view. Views are immediate-mode:
// they read `App` and the Workspace's cached results and call core functions; they hold no
// business rules of their own.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/theme.h"
#include "core/format/ace_import.h"
#include "core/format/document_json.h"
#include "core/format/document_merge.h"
#include "core/format/reference_csv.h"
#include "core/format/storable.h"
#include "core/session/workspace.h"

namespace reftier::app {

enum class View { References, TierProgress, Accounts };
enum class SaveState { Loading, Saved, Pending, Saving, Failed };

struct ReferenceEditor {
    bool open = false;
    bool is_new = false;
    Reference draft;
    Reference opened;           // the record as it was opened: a draft that differs is unsaved
    std::string services_text;  // text/name_list's line: comma separated, quoted when needed
    std::string submitted_text; // YYYY-MM-DD as typed
    std::string decided_text;
    std::string save_error;         // why the Workspace refused the last Save
    bool focus_first_field = false; // "+ New reference": the cursor goes to Customer
    bool tried_save = false;        // Add was pressed: show the problems of an empty draft
};

struct AccountEditor {
    bool open = false;
    std::string original_id; // empty for a new account
    Account draft;
    Account opened;
    std::string parent_text;
    std::string save_error;
};

// A row or a new record the user asked to open while an editor held unsaved changes: the
// draft dialog asks first (save, discard, keep editing).
struct PendingOpen {
    enum class Kind { Reference, NewReference, Account } kind = Kind::Reference;
    std::string id; // the record's id; empty for a new account
};

struct ImportDialog {
    bool open = false;
    std::string file_name;
    std::optional<Document> incoming;
    std::vector<ReadError> errors; // non-empty: the error dialog instead of the choice
    MergePlan plan;
    std::vector<ConflictPolicy> choices; // one per plan.conflicts entry: whose record wins
    std::optional<CsvImport> csv;        // set for a .csv file: its rows are added to the document
    std::optional<AceImport> ace;        // set for ACE output: its drafts are added to the document
};

// A document import read and checked a slice at a time (import_run.cpp), so a file of 100,000
// references never holds up the page: while it runs the document on screen stays usable.
struct ImportRun {
    enum class Phase { Reading, Checking } phase = Phase::Reading;
    bool automation = false; // window.reftier.importBytes/importJson: applied without the dialog
    bool merge = false;
    std::unique_ptr<DocumentReading> reading;
    // Checking: the document that will replace the open one, planned (a merge) against the
    // document at revision `planned_at`.
    std::unique_ptr<Document> ready;
    std::unique_ptr<StorableDocumentCheck> check; // a merge's; a replace needs none
    std::uint64_t planned_at = 0;
    double progress = 0;                    // of the whole run, 0 to 1
    double reading_ms = 0, checking_ms = 0; // the slices' time in each phase
    bool cancelled = false;
    // Not an import: reading back the kept-aside copy (its key) that Undo of `undo_what` needs.
    std::string undo_of, undo_what;
};

// The copy of the open document asked of storage as a replace starts, for its Undo step
// (kept_copy_undo.cpp).
struct UndoCopy {
    std::uint64_t revision = 0; // the document's when it was asked for; 0: none asked
    double asked_ms = 0;
    std::string key; // set once storage has it
    bool failed = false;
};

// "Copy my scorecard" and "Enter scorecard figures": a draft of the partner's rule set and their
// scorecard figures (as typed, empty = not entered), saved together as one undo step.
struct ScorecardEditor {
    enum class Mode { Figures, RuleSet } mode = Mode::Figures;
    bool open = false;
    bool is_new = false; // a copy of a shipped rule set, not saved yet
    RuleSet draft;
    std::vector<std::pair<std::string, std::string>> figures; // requirement id, count as typed
};

// A copy of the document kept aside in browser storage (platform::list_kept_aside).
struct KeptCopy {
    std::string key;
    std::string kind; // "corrupt" (could not be read) or "before-import" (an import replaced it)
    std::string date; // local, YYYY-MM-DD HH:MM
    double bytes = 0;
};

// The kept-aside copies window (recovery_view.cpp).
struct Recovery {
    bool open = false;
    bool listing = false; // asked storage, no answer yet
    std::vector<KeptCopy> copies;
    std::optional<double> usage, quota; // bytes the site uses and may use
    std::string error;
    std::string remove_key; // asked to confirm its removal
    std::string restore_failed_key;
    std::vector<ReadError> restore_errors; // why that copy cannot be opened
};

struct App {
    Workspace workspace;
    std::vector<std::string> rule_errors; // assets that failed to load

    View view = View::References;
    std::optional<View> switch_to; // a programmatic tab change, applied next frame
    ReferenceQuery query;
    std::string filter_text;
    std::string selected_id; // reference selected in the table
    ReferenceEditor editor;
    AccountEditor account_editor;
    std::optional<PendingOpen> pending_open;
    std::string partner_error; // why the last partner profile edit was refused
    ImportDialog import;
    std::optional<ImportRun> import_run;
    UndoCopy undo_copy;
    std::string undo_reading;     // the kept copy an Undo asked storage for, until it comes
    std::string import_result;    // the last automation import: { ok, errors, conflicts } as JSON
    bool import_ace_next = false; // File > Import ACE opportunities...: the next file is ACE output
    ScorecardEditor scorecard;

    SaveState save_state = SaveState::Loading;
    std::string save_error;
    std::uint64_t saved_revision = 0;
    double last_change_ms = 0;
    std::string storage_notice; // e.g. a corrupt stored document was set aside
    std::string storage_closed; // storage closed for good in this tab: why, and what to do
    Recovery recovery;
    bool other_tab_changed = false;

    UiSettings settings;       // remembered in localStorage
    bool show_welcome = false; // first start: nothing stored yet
    bool show_help = false;
    bool show_about = false;
    enum class Confirm { None, ResetToSample, ClearAll } confirm = Confirm::None;
    bool focus_filter = false; // Ctrl+F: put the cursor in the filter box next frame

    std::string toast; // short confirmation shown in the status bar
    double toast_until_ms = 0;
    int frames_drawn = 0;
    int frames_presented = 0;  // drawn onto the canvas: not the same picture as the last
    double frame_build_ms = 0; // CPU time of the last frame: views + ImGui, before GL
    double frame_total_ms = 0; // ... including submitting the draw calls
};

App& the_app();

// Called by main.cpp at start: the rules, the platform callbacks and the preferences (main.cpp
// asks for the stored document itself, a step later).
void init(App& app);
void draw_frame(App& app, float width, float height);
void autosave(App& app);
// The checks, lookups and filtering that follow a change, for about `budget_ms`
// (background_work.cpp); work_pending says whether some is left.
void advance_background_work(App& app, double budget_ms);
SaveState current_save_state(const App& app);
const char* save_state_text(const App& app); // what the status bar says about saving

// Actions shared by menus, shortcuts and the JS API.
Date today();

// Editors and their drafts (drafts.cpp). Opening asks first when the open draft has changes.
void new_reference(App& app);
void open_reference(App& app, const Reference& reference);
void open_account(App& app, const Account* account);       // nullptr: a new account
Reference edited_reference(const ReferenceEditor& editor); // the record as the form reads now
Account edited_account(const AccountEditor& editor);
bool reference_draft_changed(const App& app);
bool account_draft_changed(const App& app);
bool save_reference_draft(App& app); // false when refused (the editor says why)
bool save_account_draft(App& app);
void save_now(App& app);
void export_document(App& app);
void export_csv(App& app);
void apply_csv_import(App& app); // adds the good rows
void apply_ace_import(App& app); // adds the draft references
void begin_import(App& app, const std::string& file_name, const ReadSource& source);
void apply_import(App& app, bool merge);
// An import the Workspace refused, because the document it would make would not read back:
// the dialog lists why instead, and nothing changed. True when it was made.
bool imported(App& app, EditResult result);
// The sliced import (import_run.cpp): reading starts from platform::read_input (its length
// platform::input_bytes), which the page keeps offering until the run ends; the page calls
// step_import_run between its tasks.
void start_import_run(App& app, const std::string& file_name, const ReadSource& source,
                      bool automation, bool merge);
bool step_import_run(App& app, double budget_ms); // false once the run has ended
void cancel_import_run(App& app);
void draw_import_progress(App& app); // in the status bar while a run goes on
void show_toast(App& app, std::string text);
void undo(App& app);
void redo(App& app);
void load_sample(App& app);
void clear_all(App& app);
void copy_summary(App& app);
void set_settings(App& app, const UiSettings& settings);

// Views (one file each).
void draw_menu_bar(App& app);
void draw_references_view(App& app);
void draw_reference_editor(App& app);
void draw_tier_view(App& app);
void draw_scorecard_editor(App& app); // inside the tier view while open
void open_scorecard_editor(App& app, ScorecardEditor::Mode mode);
void draw_accounts_view(App& app);
void draw_import_dialog(App& app);
void draw_status_bar(App& app);
void draw_workshop_menu(App& app);
void draw_workshop_dialogs(App& app); // welcome, reset/clear confirmation, help, about
void draw_draft_dialog(App& app);
void draw_recovery_window(App& app);

// An import's Undo step kept in storage (kept_copy_undo.cpp): asked for as a replace starts,
// confirmed by platform::kept_for_undo, waited for (briefly) and taken as the replace is made:
// its key, or empty when the replaced document stays in memory (then it also goes aside as
// keep_aside_before_replacing says). Undo reads it back as an import run does.
void ask_for_undo_copy(App& app);
void undo_copy_kept(App& app, const char* key);
bool waiting_for_undo_copy(const App& app);
std::string take_undo_copy(App& app);
void undo_from_kept_copy(App& app);
void kept_copy_opened_for_undo(App& app, const char* error); // its bytes: platform::read_input
void start_undo_run(App& app, const std::string& key, const std::string& what);
void finish_undo_run(App& app, const std::string& key, const std::string& what, ReadResult read);

// Kept-aside copies (recovery_view.cpp).
void open_recovery(App& app);
// Before an import, sample data or a restore replaces everything: the document as it is now
// goes aside in browser storage, listed in the recovery window until the user removes it.
void keep_aside_before_replacing(App& app);
void kept_aside_listed(App& app, const char* json);
void restore_kept_aside(App& app, const std::string& key); // its bytes: platform::read_input

} // namespace reftier::app
