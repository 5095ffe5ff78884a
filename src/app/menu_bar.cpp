// The menu bar, the partner profile popup and the keyboard shortcuts that mirror the menus.
#include <imgui.h>

#include "app/app.h"
#include "app/item_locator.h"
#include "app/widgets.h"
#include "core/format/storable.h"
#include "core/model/enum_names.h"
#include "platform/browser.h"

namespace reftier::app {

static void draw_partner_profile(App& app) {
    PartnerProfile partner = app.workspace.document().partner;
    bool changed = false;
    ImGui::SetNextItemWidth(em(17));
    changed |= text_field("Partner name", &partner.name, max_stored_bytes(StoredText::Line));
    PartnerPath path = partner.path;
    if (enum_combo("Path", &path)) {
        // A rule set of the other path is replaced by the new path's default, and said so.
        const PathChange change = change_path(partner, path, app.workspace.rule_sets(),
                                              app.workspace.rule_set_defaults());
        partner = change.partner;
        changed = true;
        if (!change.note.empty()) show_toast(app, change.note);
    }

    const RuleSet* current = find_rule_set(app.workspace.rule_sets(), partner.rule_set);
    ImGui::SetNextItemWidth(em(17));
    if (ImGui::BeginCombo("Rule set", current ? current->name.c_str() : partner.rule_set.c_str())) {
        for (const RuleSet& set : app.workspace.rule_sets()) {
            if (ImGui::Selectable(set.name.c_str(), set.id == partner.rule_set)) {
                partner.rule_set = set.id;
                partner.path = set.path;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    if (changed) app.partner_error = app.workspace.set_partner(partner).message();
    if (!app.partner_error.empty())
        ImGui::TextColored(severity_colour(Severity::Error), "Not saved: %s",
                           app.partner_error.c_str());
}

static void handle_shortcuts(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    // Help and About never stack: opening one closes the other.
    if (ImGui::IsKeyPressed(ImGuiKey_F1, false)) {
        app.show_help = !app.show_help;
        app.show_about = false;
    }
    // Ctrl+N belongs to the browser (new window) and cannot be taken by a page.
    if (io.KeyAlt && !io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_N, false)) new_reference(app);
    if (!io.KeyCtrl) return;
    // Inside a text field, Ctrl+Z and Ctrl+Y belong to the field's own text.
    if (!io.WantTextInput) {
        if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
            if (io.KeyShift)
                redo(app);
            else
                undo(app);
        }
        if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) redo(app);
    }
    if (ImGui::IsKeyPressed(ImGuiKey_E, false) && io.KeyShift) export_document(app);
    if (ImGui::IsKeyPressed(ImGuiKey_C, false) && io.KeyShift) copy_summary(app);
    if (ImGui::IsKeyPressed(ImGuiKey_O, false)) {
        app.import_ace_next = false;
        platform::open_file_picker();
    }
    if (ImGui::IsKeyPressed(ImGuiKey_S, false)) save_now(app);
    if (ImGui::IsKeyPressed(ImGuiKey_F, false)) {
        app.switch_to = View::References;
        app.focus_filter = true;
    }
}

void draw_menu_bar(App& app) {
    handle_shortcuts(app);
    if (!ImGui::BeginMenuBar()) return;
    ImGui::TextUnformatted("RefTier");
    ImGui::Separator();
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("New reference", "Alt+N")) new_reference(app);
        ImGui::Separator();
        if (ImGui::MenuItem("Import JSON or CSV...", "Ctrl+O")) {
            app.import_ace_next = false;
            platform::open_file_picker();
        }
        if (ImGui::MenuItem("Import ACE opportunities...")) {
            app.import_ace_next = true;
            platform::open_file_picker();
        }
        if (ImGui::MenuItem("Export JSON", "Ctrl+Shift+E")) export_document(app);
        if (ImGui::MenuItem("Export CSV (spreadsheet)")) export_csv(app);
        if (ImGui::MenuItem("Save now", "Ctrl+S")) save_now(app);
        ImGui::Separator();
        if (ImGui::MenuItem("Kept-aside copies...")) open_recovery(app);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo_label = "Undo " + app.workspace.undo_description() + "##undo";
        const std::string redo_label = "Redo " + app.workspace.redo_description() + "##redo";
        if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, app.workspace.can_undo()))
            undo(app);
        note_item_for_locator("Undo");
        if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Shift+Z", false, app.workspace.can_redo()))
            redo(app);
        note_item_for_locator("Redo");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Partner")) {
        draw_partner_profile(app);
        ImGui::EndMenu();
    }
    draw_workshop_menu(app);
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keyboard shortcuts", "F1")) {
            app.show_help = true;
            app.show_about = false;
        }
        if (ImGui::MenuItem("About RefTier")) {
            app.show_about = true;
            app.show_help = false;
        }
        ImGui::EndMenu();
    }
    const std::string& name = app.workspace.document().partner.name;
    if (!name.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", name.c_str());
    }
    ImGui::EndMenuBar();
}

} // namespace reftier::app
