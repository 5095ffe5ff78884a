// The functions behind window.reftier (web/reftier_api.js): automation and tests read the
// document, import text through the same validation as the dialog, and read counts and state.
// Each returns a pointer to a short string that stays valid until the next call; the document
// itself goes out in pieces (platform::append_output), which reftier_api.js collects.
#include <cmath>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/font_atlas.h"
#include "app/widgets.h"
#include "core/progress/progress_text.h"
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

// What the tier view says, sentence by sentence (the core's wording), for tests: null while the
// reference checks are still running.
EMSCRIPTEN_KEEPALIVE const char* reftier_api_tier_progress() {
    reftier::app::App& app = the_app();
    reftier::Workspace& ws = app.workspace;
    const reftier::RuleSet* rules = ws.active_rule_set();
    if (!rules || !ws.reference_check_done()) return keep("null");
    const reftier::TierProgress& p = ws.tier_progress(reftier::app::today());
    nlohmann::json tiers = nlohmann::json::array();
    for (const reftier::TierStatus& tier : p.tiers) {
        nlohmann::json requirements = nlohmann::json::array();
        for (const auto& r : tier.requirements)
            requirements.push_back(reftier::requirement_text(r));
        tiers.push_back({{"name", tier.name},
                         {"reached", tier.reached},
                         {"references", reftier::references_text(tier)},
                         {"requirements", requirements}});
    }
    const auto advice = reftier::overdue_advice(p, *rules);
    const auto mismatch = reftier::path_mismatch_text(ws.document().partner, *rules);
    const nlohmann::json out = {
        {"rule_set", rules->id},
        {"rule_set_name", rules->name},
        {"source", reftier::source_text(*rules)},
        {"current_tier", p.current_tier},
        {"next", reftier::next_tier_text(p)},
        {"pending_heading", reftier::pending_heading(*rules)},
        {"overdue_advice", advice ? nlohmann::json(*advice) : nlohmann::json(nullptr)},
        {"path_note", mismatch ? nlohmann::json(*mismatch) : nlohmann::json(nullptr)},
        {"tiers", tiers},
        {"scorecard_editor_open", app.scorecard.open}};
    return keep(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The characters of `text` the font atlas cannot draw yet.
EMSCRIPTEN_KEEPALIVE const char* reftier_api_glyphs_missing(const char* text) {
    return keep(reftier::app::glyphs_missing(text ? text : ""));
}

// The table's rows as last shown, in order (at most the first 1,000): id, customer, title.
EMSCRIPTEN_KEEPALIVE const char* reftier_api_rows() {
    const reftier::app::App& app = the_app();
    const auto& refs = app.workspace.document().references;
    nlohmann::json rows = nlohmann::json::array();
    for (const std::uint32_t index : app.workspace.shown_rows()) {
        if (rows.size() == 1000) break;
        rows.push_back({{"id", refs[index].id},
                        {"customer", refs[index].customer},
                        {"title", refs[index].title}});
    }
    return keep(rows.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The editor's draft as the document would hold it, or null when the editor is closed.
EMSCRIPTEN_KEEPALIVE const char* reftier_api_editor_draft() {
    const reftier::app::App& app = the_app();
    if (!app.editor.open) return keep("null");
    return keep(reftier::reference_to_json(app.editor.draft).dump());
}

// The build id this reftier.wasm was made with; reftier.js carries its own (build_id.pre.js).
EMSCRIPTEN_KEEPALIVE const char* reftier_api_build_id() {
    return REFTIER_BUILD_ID;
}

EMSCRIPTEN_KEEPALIVE const char* reftier_api_state() {
    reftier::app::App& app = the_app();
    static const char* const kSaveStates[] = {"loading", "saved", "pending", "saving", "failed"};
    static const char* const kViews[] = {"references", "tier_progress", "accounts"};
    const auto& doc = app.workspace.document();
    nlohmann::json state = {
        {"references", doc.references.size()},
        {"accounts", doc.accounts.size()},
        {"save_state", kSaveStates[static_cast<int>(reftier::app::current_save_state(app))]},
        {"save_error", app.save_error},
        {"status_text", reftier::app::save_state_text(app)},
        {"revision", app.workspace.revision()},
        {"frames_drawn", app.frames_drawn},
        {"frames_presented", app.frames_presented},
        {"frame_build_ms", app.frame_build_ms},
        {"frame_total_ms", app.frame_total_ms},
        {"view", kViews[static_cast<int>(app.view)]},
        {"import_dialog_open", app.import.open},
        {"toast", app.toast},
        {"import_errors", app.import.errors.size()},
        {"storage_notice", app.storage_notice},
        {"welcome", app.show_welcome},
        {"help", app.show_help},
        {"about", app.show_about},
        {"other_tab_changed", app.other_tab_changed},
        {"presentation", app.settings.presentation},
        {"light", app.settings.light},
        {"can_undo", app.workspace.can_undo()},
        {"undo_from_storage", !app.workspace.undo_needs_kept_copy().empty()},
        {"accounts_with_activity", app.workspace.account_report().with_activity},
        {"accounts_with_activity_earning", app.workspace.account_report().with_activity_earning},
        // Work spread over frames (a filter, the document checks); reading state never does
        // any of it, so automation sees what the user sees.
        {"work_pending", app.workspace.query_pending() || app.workspace.reference_check_pending() ||
                             app.workspace.title_lookup_pending()},
        {"rows_shown", app.workspace.shown_rows().size()},
        {"filter_text", app.query.text}, // as the filter box holds it
        // A sliced import going on: its percentage (import_run.cpp), else null.
        {"import_percent", app.import_run
                               ? nlohmann::json(static_cast<int>(app.import_run->progress * 100))
                               : nlohmann::json()},
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
    // What the canvas holds and what ImGui draws into, in device pixels: equal after a resize.
    int canvas_width = 0, canvas_height = 0;
    emscripten_get_canvas_element_size("#canvas", &canvas_width, &canvas_height);
    state["canvas"] = {canvas_width, canvas_height};
    const ImGuiIO& io = ImGui::GetIO();
    state["display"] = {std::lround(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                        std::lround(io.DisplaySize.y * io.DisplayFramebufferScale.y)};
    // The editor's live title check as last drawn: grade, score, finding codes, rewrite.
    if (const reftier::TitleReport* title = app.workspace.last_draft_title();
        title && app.editor.open) {
        nlohmann::json codes = nlohmann::json::array();
        nlohmann::json messages = nlohmann::json::array();
        for (const reftier::Finding& f : title->findings) {
            codes.push_back(f.code);
            messages.push_back(f.message);
        }
        state["editor_title"] = {{"grade", reftier::to_string(title->grade)},
                                 {"score", title->score},
                                 {"codes", codes},
                                 {"messages", messages},
                                 {"suggestion", title->suggestion}};
    }
    // The tier only once the checks are done: it counts references without errors.
    state["current_tier"] = app.workspace.reference_check_done()
                                ? app.workspace.tier_progress(reftier::app::today()).current_tier
                                : "";
    return keep(state.dump());
}
}
