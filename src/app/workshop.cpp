// Workshop and sharing: the first-start welcome, sample data, reset and clear (each offering an
// export first), presentation mode and themes, the shortcut overlay (F1), the About box and
// "Copy summary".
#include <imgui.h>

#include "app/app.h"
#include "app/item_locator.h"
#include "app/widgets.h"
#include "core/format/text_file.h"
#include "core/progress/progress_summary.h"
#include "platform/browser.h"

namespace reftier::app {

static constexpr const char* kVersion = REFTIER_VERSION;

struct Shortcut {
    const char* keys;
    const char* action;
};
static constexpr Shortcut kShortcuts[] = {
    {"Alt+N", "New reference"},
    {"Ctrl+F", "Find: put the cursor in the filter box"},
    {"Ctrl+S", "Save now"},
    {"Ctrl+O", "Import a file"},
    {"Ctrl+Shift+E", "Export JSON"},
    {"Ctrl+Z", "Undo"},
    {"Ctrl+Shift+Z / Ctrl+Y", "Redo"},
    {"Ctrl+Shift+C", "Copy summary (Markdown) to the clipboard"},
    {"F1", "Show or hide this list"},
    {"Esc", "Close a dialog"},
};

void set_settings(App& app, const UiSettings& settings) {
    app.settings = settings;
    platform::set_user_preference("theme", settings.light ? "light" : "dark");
    platform::set_user_preference("presentation", settings.presentation ? "1" : "0");
}

void load_sample(App& app) {
    const auto text = read_text_file("/assets/samples/sample.json");
    ReadResult read = read_document(text.value_or(""));
    if (!read.document) {
        show_toast(app, "The sample data is missing from this build.");
        return;
    }
    keep_aside_before_replacing(app);
    if (const EditResult result =
            app.workspace.replace_document(std::move(*read.document), "loading the sample data");
        !result.refused.empty()) {
        show_toast(app, "The sample data cannot be stored: " + result.message());
        return;
    }
    app.editor = ReferenceEditor{};
    show_toast(app, "Sample data loaded (Ctrl+Z brings back what was here)");
}

void clear_all(App& app) {
    keep_aside_before_replacing(app);
    if (!app.workspace.replace_document(cleared_document(app.workspace.document()), "clearing all"))
        return; // nothing to clear
    app.editor = ReferenceEditor{};
    show_toast(app, "Cleared (Ctrl+Z brings it back)");
}

void copy_summary(App& app) {
    Workspace& ws = app.workspace;
    const RuleSet* rules = ws.active_rule_set();
    if (!rules) return;
    const Date day = today();
    platform::set_clipboard_text(
        progress_summary_markdown(ws.document(), *rules, ws.tier_progress(day),
                                  ws.reference_check(), ws.account_report(), day));
    show_toast(app, "Summary copied to the clipboard as Markdown");
}

void draw_workshop_menu(App& app) {
    if (!ImGui::BeginMenu("Workshop")) return;
    if (ImGui::MenuItem("Reset to sample data...")) app.confirm = App::Confirm::ResetToSample;
    if (ImGui::MenuItem("Clear all...")) app.confirm = App::Confirm::ClearAll;
    ImGui::Separator();
    UiSettings settings = app.settings;
    if (ImGui::MenuItem("Presentation mode", nullptr, settings.presentation)) {
        settings.presentation = !settings.presentation;
        set_settings(app, settings);
    }
    if (ImGui::MenuItem("Light theme", nullptr, settings.light)) {
        settings.light = !settings.light;
        set_settings(app, settings);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Copy summary", "Ctrl+Shift+C")) copy_summary(app);
    ImGui::EndMenu();
}

static void draw_welcome(App& app) {
    if (app.show_welcome && !ImGui::IsPopupOpen("Welcome to RefTier"))
        ImGui::OpenPopup("Welcome to RefTier");
    center_next_window();
    if (!ImGui::BeginPopupModal("Welcome to RefTier", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    ImGui::TextUnformatted("Keep your APN public references in order and see your tier progress.");
    ImGui::TextUnformatted("Everything stays in this browser; export a file to share it.");
    ImGui::Spacing();
    if (ImGui::Button("Start empty")) {
        app.show_welcome = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Load sample data")) {
        load_sample(app);
        app.show_welcome = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// Reset and clear replace the whole document: offer an export first, then confirm.
static void draw_confirm(App& app) {
    const char* title = "Replace everything?";
    if (app.confirm != App::Confirm::None && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    center_next_window();
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    note_window_for_locator(title);
    const bool reset = app.confirm == App::Confirm::ResetToSample;
    ImGui::Text("%s replaces your %zu references and %zu accounts.",
                reset ? "Reset to sample data" : "Clear all",
                app.workspace.document().references.size(),
                app.workspace.document().accounts.size());
    ImGui::TextUnformatted("Export them first to keep a copy. Ctrl+Z also brings them back.");
    ImGui::Spacing();
    if (ImGui::Button("Export first")) export_document(app);
    ImGui::SameLine();
    if (ImGui::Button(reset ? "Reset to sample" : "Clear all")) {
        if (reset)
            load_sample(app);
        else
            clear_all(app);
        app.confirm = App::Confirm::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        app.confirm = App::Confirm::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

static void draw_help(App& app) {
    if (!app.show_help) return;
    begin_centered_window("Keyboard shortcuts", &app.show_help);
    if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_RowBg)) {
        for (const Shortcut& s : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.keys);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.action);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

static void draw_about(App& app) {
    if (!app.show_about) return;
    begin_centered_window("About RefTier", &app.show_about);
    ImGui::Text("RefTier %s", kVersion);
    ImGui::TextUnformatted("Public references and APN tier progress for AWS partners.");
    ImGui::TextUnformatted("Works offline after the first visit; your data stays in this browser.");
    ImGui::TextDisabled("Built with Dear ImGui %s, nlohmann/json and Emscripten.", IMGUI_VERSION);
    ImGui::End();
}

void draw_workshop_dialogs(App& app) {
    draw_welcome(app);
    draw_confirm(app);
    draw_help(app);
    draw_about(app);
}

} // namespace reftier::app
