// A document import in slices of a few milliseconds, so a file of 100,000 references never
// holds up the page (a task over 50 ms is a stall the user feels): the page calls
// step_import_run between its tasks (sliced_work_library.js RefTierSlices) until the run ends.
//
// The run reads the file (DocumentReading), makes the document that will replace the open one
// (the file's, or the merge of both; a merge is checked by the storable rule,
// StorableDocumentCheck), then replaces the open document in one undo step. Meanwhile the document
// on screen stays usable, and the import applies to the document as it is when the import ends: a
// replace replaces it, edits made meanwhile included (Undo brings them back with the rest); a merge
// made against a document that was edited while it was checked is planned and checked again;
// an editor draft with unsaved changes stays open.
// A file with errors, a refused document or a cancel changes nothing.
// The same run, reading only, brings back the kept-aside copy an Undo needs (kept_copy_undo.cpp).
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <imgui.h>

#include "app/app.h"
#include "app/widgets.h"
#include "platform/browser.h"

namespace reftier::app {

namespace {

// Records a step reads or checks before it looks at the clock: a fraction of a millisecond.
constexpr std::size_t kRecordsPerLook = 128;
// The share of a merge's time the reading takes; the check is the rest. A replace is all reading.
constexpr double kMergeReadingShare = 0.6;

// The document the import will make, checked from the start. A merge keeps the file's
// document, to plan again if the open one changes meanwhile. A replace is the reader's own
// document, which the storable rule takes by construction (the reader asks the same rule of
// every text it reads; the document fuzzer and StorableDocumentCheck.TakesEveryDocumentThe-
// ReaderReturns check it), so it is not checked again: on 100,000 references that re-check
// wrote and re-read every record, about as long as the reading itself. A merge mixes two
// documents' records and ids, so it is checked.
void plan_and_check(App& app, ImportRun& run) {
    ImportDialog& d = app.import;
    run.phase = ImportRun::Phase::Checking;
    run.check.reset();
    run.ready = std::make_unique<Document>(
        run.merge ? merge_documents(app.workspace.document(), *d.incoming, d.choices)
                  : std::move(*d.incoming));
    run.planned_at = app.workspace.revision();
    if (run.merge) run.check = std::make_unique<StorableDocumentCheck>(*run.ready);
}

void set_automation_result(App& app, bool ok, const std::vector<ReadError>& errors) {
    nlohmann::json result;
    result["ok"] = ok;
    result["errors"] = nlohmann::json::array();
    for (const auto& e : errors)
        result["errors"].push_back({{"path", e.path}, {"message", e.message}});
    result["conflicts"] = app.import.plan.conflicts.size();
    // Where the time went (the benchmark): reading, then planning and checking.
    result["reading_ms"] = app.import_run->reading_ms;
    result["checking_ms"] = app.import_run->checking_ms;
    app.import_result = result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void end_run(App& app) {
    app.import_run.reset();
    platform::request_frames(3);
}

// The file is read: its errors go to the dialog; a good document to the dialog's choice, or
// (automation) straight on to the check.
void finish_reading(App& app) {
    ImportRun& run = *app.import_run;
    ReadResult read = run.reading->take_result();
    run.reading.reset();
    if (!run.undo_of.empty()) {
        finish_undo_run(app, run.undo_of, run.undo_what, std::move(read));
        return end_run(app);
    }
    ImportDialog& d = app.import;
    d.errors = std::move(read.errors);
    if (read.document && (!run.automation || run.merge))
        d.plan = plan_merge(app.workspace.document(), *read.document);
    if (!run.automation) d.choices.assign(d.plan.conflicts.size(), ConflictPolicy::KeepCurrent);
    d.incoming = std::move(read.document);
    if (run.automation && d.incoming) return plan_and_check(app, run);
    if (run.automation) set_automation_result(app, false, d.errors);
    d.open = !run.automation;
    end_run(app);
}

// Checked: replaces the open document, unless the check found what would not read back.
void finish_check(App& app) {
    ImportRun& run = *app.import_run;
    if (run.merge && app.workspace.revision() != run.planned_at) return plan_and_check(app, run);
    std::vector<ReadError> problems =
        run.check ? run.check->take_problems() : std::vector<ReadError>{};
    run.check.reset();
    ImportDialog& d = app.import;
    const std::size_t count = run.ready->references.size();
    bool made = false;
    if (problems.empty()) {
        const std::string kept_as = run.merge ? std::string() : take_undo_copy(app);
        made = imported(app, app.workspace.replace_checked_document(
                                 std::move(*run.ready),
                                 (run.merge ? "the merge of " : "the import of ") + d.file_name,
                                 kept_as));
    } else {
        made = imported(app, EditResult{false, std::move(problems)});
    }
    if (run.automation) set_automation_result(app, made, d.errors);
    if (made) {
        show_toast(app, run.merge ? "Merged " + d.file_name
                                  : "Imported " + std::to_string(count) + " references from " +
                                        d.file_name);
        d = ImportDialog{};
        // A draft typed while the import ran stays open, to be saved into the new document.
        if (!reference_draft_changed(app)) app.editor = ReferenceEditor{};
        app.show_welcome = false;
        // The quiet time before an autosave is for typing: an import is saved at once, so it is
        // in storage sooner (the checks share the page with the save's slices meanwhile).
        save_now(app);
    }
    end_run(app);
}

} // namespace

void start_import_run(App& app, const std::string& file_name, const ReadSource& source,
                      bool automation, bool merge) {
    app.import = ImportDialog{};
    app.import.file_name = file_name;
    ImportRun& run = app.import_run.emplace();
    run.automation = automation;
    run.merge = merge;
    run.reading = std::make_unique<DocumentReading>(source, platform::input_bytes());
    if (automation && !merge) ask_for_undo_copy(app);
    platform::run_import_slices();
}

void start_undo_run(App& app, const std::string& key, const std::string& what) {
    ImportRun& run = app.import_run.emplace();
    run.undo_of = key;
    run.undo_what = what;
    run.reading = std::make_unique<DocumentReading>(platform::read_input, platform::input_bytes());
    platform::run_import_slices();
}

void apply_import(App& app, bool merge) {
    if (!app.import.incoming || app.import_run) return;
    ImportRun& run = app.import_run.emplace();
    run.merge = merge;
    if (!merge) ask_for_undo_copy(app);
    plan_and_check(app, run);
    app.import.open = false;
    platform::run_import_slices();
}

bool step_import_run(App& app, double budget_ms) {
    if (!app.import_run) return false;
    const double until = platform::now_ms() + budget_ms;
    const int percent_before = static_cast<int>(app.import_run->progress * 100);
    do {
        ImportRun& run = *app.import_run;
        if (run.cancelled) {
            if (run.automation)
                set_automation_result(app, false, {{"", "the import was cancelled"}});
            if (run.undo_of.empty()) app.import = ImportDialog{}; // an Undo leaves a dialog be
            end_run(app);
            return false;
        }
        const double slice_start = platform::now_ms();
        if (run.phase == ImportRun::Phase::Reading) {
            const bool read = run.reading->step(kRecordsPerLook);
            run.reading_ms += platform::now_ms() - slice_start;
            run.progress = (run.merge ? kMergeReadingShare : 1.0) * platform::input_read_fraction();
            if (read) finish_reading(app);
        } else {
            // Storage answers between the page's tasks, so a wait gives the rest of the slice back.
            if (!run.merge && waiting_for_undo_copy(app)) break;
            const bool checked = !run.check || run.check->step(kRecordsPerLook);
            run.checking_ms += platform::now_ms() - slice_start;
            const std::size_t total = run.ready->references.size();
            run.progress =
                kMergeReadingShare +
                (1 - kMergeReadingShare) *
                    (total && run.check ? static_cast<double>(run.check->references_checked()) /
                                              static_cast<double>(total)
                                        : 1.0);
            if (checked) finish_check(app);
        }
    } while (app.import_run && platform::now_ms() < until);
    if (!app.import_run) return false;
    if (static_cast<int>(app.import_run->progress * 100) != percent_before)
        platform::request_frame_after(kProgressFrameMs); // the status bar's percentage
    return true;
}

void cancel_import_run(App& app) {
    if (app.import_run) app.import_run->cancelled = true;
}

void draw_import_progress(App& app) {
    if (!app.import_run) return;
    const ImportRun& run = *app.import_run;
    ImGui::SameLine(0, em(1.5f));
    const bool undoing = !run.undo_of.empty();
    ImGui::Text("%s %s... %d%%",
                undoing                                  ? "Undoing"
                : run.phase == ImportRun::Phase::Reading ? "Importing"
                                                         : "Checking",
                undoing ? run.undo_what.c_str() : app.import.file_name.c_str(),
                static_cast<int>(run.progress * 100));
    note_item_for_locator("import progress");
    ImGui::SameLine();
    if (ImGui::SmallButton(undoing ? "Cancel undo" : "Cancel import")) cancel_import_run(app);
}

} // namespace reftier::app

// Entry points the page calls (web/reftier_api.js, sliced_work_library.js).
extern "C" {

// window.reftier.importBytes / importJson: reads what the page offers (platform::read_input,
// the bytes as they are, so invalid UTF-8 is reported, not replaced). mode "replace" or
// "merge" (merge keeps the current records on conflict). Returns 0 when an import is already
// running (reftier_import_result() says so).
EMSCRIPTEN_KEEPALIVE int reftier_import_begin(const char* mode) {
    reftier::app::App& app = reftier::app::the_app();
    if (app.import_run) {
        app.import_result =
            R"({"ok":false,"errors":[{"path":"","message":"another import is still running"}],"conflicts":0})";
        return 0;
    }
    app.import_result.clear();
    reftier::app::start_import_run(app, "automation", reftier::platform::read_input, true,
                                   mode && std::string(mode) == "merge");
    return 1;
}

// One slice of the running import, of about `budget_ms`; 0 once it has ended.
EMSCRIPTEN_KEEPALIVE int reftier_import_step(double budget_ms) {
    return reftier::app::step_import_run(reftier::app::the_app(), budget_ms) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* reftier_import_result() {
    return reftier::app::the_app().import_result.c_str();
}
}
