// The functions behind window.reftier (web/reftier_api.js): automation and tests read the
// document, import text through the same validation as the dialog, and read counts and state.
// Each returns a pointer to a short string that stays valid until the next call; the document
// itself goes out in pieces (platform::append_output), which reftier_api.js collects.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/widgets.h"
#include "platform/browser.h"

using reftier::app::the_app;

static const char* keep(std::string text) {
    static std::string buffer;
    buffer = std::move(text);
    return buffer.c_str();
}

extern "C" {

EMSCRIPTEN_KEEPALIVE void reftier_api_write_document() {
    reftier::write_document(the_app().workspace.document(), 2, reftier::platform::append_output);
}

// Reads the bytes reftier_api.js offers (a file's bytes as they are, not decoded by the
// browser, so invalid UTF-8 is reported, not silently replaced). mode: "replace" or "merge"
// (merge keeps current records on conflict).
EMSCRIPTEN_KEEPALIVE const char* reftier_api_import(const char* mode) {
    reftier::app::App& app = the_app();
    reftier::ReadResult read = reftier::read_document(reftier::platform::read_input);
    nlohmann::json result;
    result["ok"] = read.errors.empty();
    result["errors"] = nlohmann::json::array();
    for (const auto& e : read.errors)
        result["errors"].push_back({{"path", e.path}, {"message", e.message}});
    if (read.document) {
        const bool merge = mode && std::string(mode) == "merge";
        app.import = reftier::app::ImportDialog{};
        app.import.file_name = "automation";
        if (merge) { // the plan only matters for a merge; replace skips the comparison
            app.import.plan = reftier::plan_merge(app.workspace.document(), *read.document);
            result["conflicts"] = app.import.plan.conflicts.size();
        }
        app.import.incoming = std::move(read.document);
        reftier::app::apply_import(app, merge);
        // Refused by the Workspace (it would not read back): the dialog lists why.
        for (const auto& e : app.import.errors) {
            result["ok"] = false;
            result["errors"].push_back({{"path", e.path}, {"message", e.message}});
        }
    }
    return keep(result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

EMSCRIPTEN_KEEPALIVE const char* reftier_api_state() {
    reftier::app::App& app = the_app();
    static const char* const kSaveStates[] = {"loading", "saved", "pending", "saving", "failed"};
    const auto& doc = app.workspace.document();
    nlohmann::json state = {
        {"references", doc.references.size()},
        {"accounts", doc.accounts.size()},
        {"save_state", kSaveStates[static_cast<int>(reftier::app::current_save_state(app))]},
        {"save_error", app.save_error},
        {"revision", app.workspace.revision()},
        {"frames_drawn", app.frames_drawn},
        {"frame_build_ms", app.frame_build_ms},
        {"frame_total_ms", app.frame_total_ms},
        {"import_dialog_open", app.import.open},
        {"import_errors", app.import.errors.size()},
        {"storage_notice", app.storage_notice},
        {"welcome", app.show_welcome},
        {"other_tab_changed", app.other_tab_changed},
        {"presentation", app.settings.presentation},
        {"light", app.settings.light},
        {"can_undo", app.workspace.can_undo()},
        {"accounts_with_activity", app.workspace.account_report().with_activity},
        {"accounts_with_activity_earning", app.workspace.account_report().with_activity_earning},
        // Work spread over frames (a filter, the document checks); reading state never does
        // any of it, so automation sees what the user sees.
        {"work_pending", app.workspace.query_pending() || app.workspace.reference_check_pending()},
        {"rows_shown", app.workspace.shown_rows().size()},
        // Editors: what is open, whether its draft has unsaved changes, the notes of fields cut
        // at their limit, and the question asked before a draft would be dropped.
        {"editor_open", app.editor.open},
        {"editor_id", app.editor.draft.id},
        {"editor_changed", reftier::app::reference_draft_changed(app)},
        {"account_editor_open", app.account_editor.open},
        {"account_editor_changed", reftier::app::account_draft_changed(app)},
        {"draft_dialog", app.pending_open.has_value()},
        {"limit_notes", reftier::app::limit_notes_drawn()},
        // Storage: closed for good in this tab, and the kept-aside copies window.
        {"storage_closed", app.storage_closed},
        {"recovery_open", app.recovery.open},
        {"kept_aside", app.recovery.copies.size()},
        {"kept_aside_listing", app.recovery.listing},
        {"restore_errors", app.recovery.restore_errors.size()},
    };
    // The tier only once the checks are done: it counts references without errors.
    state["current_tier"] = app.workspace.reference_check_done()
                                ? app.workspace.tier_progress(reftier::app::today()).current_tier
                                : "";
    return keep(state.dump());
}
}
