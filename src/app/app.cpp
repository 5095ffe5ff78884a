#include "app/app.h"
#include "app/widgets.h"

#include <cstdio>

#include <imgui.h>

#include "app/item_locator.h"
#include "core/date.h"
#include "core/text_file.h"
#include "platform/browser.h"

namespace reftier::app {

// Quiet time after the last edit before an autosave, so typing is not saved per keystroke.
static constexpr double kAutosaveDelayMs = 400;

App& the_app() {
    static App app;
    return app;
}

Date today() {
    const int ymd = platform::today_yyyymmdd();
    return Date{std::chrono::year{ymd / 10000}, std::chrono::month{unsigned(ymd / 100 % 100)},
                std::chrono::day{unsigned(ymd % 100)}};
}

void show_toast(App& app, std::string text) {
    app.toast = std::move(text);
    app.toast_until_ms = platform::now_ms() + 4000;
}

static void on_stored_document(const char* text, const char* error) {
    App& app = the_app();
    if (error) {
        app.storage_notice = std::string("Browser storage could not be opened (") + error +
                             "). You can work, but nothing is saved: export your work to a file.";
        app.save_state = SaveState::Failed;
        app.save_error = error;
        return;
    }
    if (text) {
        ReadResult read = read_document(text);
        if (read.document) {
            app.workspace.load_without_history(std::move(*read.document));
        } else {
            // Never delete what cannot be read: keep it aside and tell the user.
            platform::set_aside_corrupt_document(text);
            app.storage_notice = "The saved document could not be read (" +
                                 to_string(read.errors.front()) +
                                 "). It was kept aside in browser storage and a new one started.";
        }
    } else {
        app.show_welcome = true; // first visit in this browser
    }
    app.saved_revision = app.workspace.revision();
    app.save_state = SaveState::Saved;
}

static void on_saved(const char* error) {
    App& app = the_app();
    if (error) {
        app.save_state = SaveState::Failed;
        app.save_error = error;
        return;
    }
    app.save_error.clear();
    app.save_state =
        app.saved_revision == app.workspace.revision() ? SaveState::Saved : SaveState::Pending;
}

static void on_file_opened(const char* name, const char* text) {
    begin_import(the_app(), name ? name : "file", text ? text : "");
}

static void on_other_tab_saved() {
    the_app().other_tab_changed = true;
}

void init(App& app) {
    const auto titles = read_text_file("/assets/title_rules.json");
    const auto tiers = read_text_file("/assets/tier_rules.json");
    if (!titles || !tiers)
        app.rule_errors.push_back("The rule files are missing from the build.");
    else
        app.rule_errors = app.workspace.load_rules(*titles, *tiers);
    platform::Callbacks callbacks;
    callbacks.stored_document = on_stored_document;
    callbacks.saved = on_saved;
    callbacks.file_opened = on_file_opened;
    callbacks.other_tab_saved = on_other_tab_saved;
    platform::set_callbacks(callbacks);
    const char* theme = platform::user_preference("theme");
    app.settings.light = theme && std::string(theme) == "light";
    const char* presentation = platform::user_preference("presentation");
    app.settings.presentation = presentation && std::string(presentation) == "1";
    platform::load_stored_document();
}

void autosave(App& app) {
    if (app.save_state == SaveState::Loading || app.save_state == SaveState::Saving) return;
    if (app.workspace.revision() == app.saved_revision) return;
    const double now = platform::now_ms();
    if (app.save_state != SaveState::Pending && app.save_state != SaveState::Failed) {
        app.save_state = SaveState::Pending;
        app.last_change_ms = now;
    }
    if (app.save_state == SaveState::Failed && !app.save_error.empty() &&
        now - app.last_change_ms < 5000)
        return; // do not hammer a full storage every frame; retry every few seconds
    if (now - app.last_change_ms < kAutosaveDelayMs && app.last_change_ms >= 0) {
        platform::request_frames(2); // keep the loop alive until the save is due
        return;
    }
    app.last_change_ms = now;
    app.save_state = SaveState::Saving;
    app.saved_revision = app.workspace.revision();
    platform::save_document(write_document(app.workspace.document()));
}

void save_now(App& app) {
    app.last_change_ms = -kAutosaveDelayMs; // due at once
    if (app.save_state == SaveState::Failed) app.save_state = SaveState::Pending;
    platform::request_frames(2);
}

void new_reference(App& app) {
    ReferenceEditor& e = app.editor;
    e = ReferenceEditor{};
    e.open = true;
    e.is_new = true;
    e.draft.id = next_reference_id(app.workspace.document());
    e.draft.submitted_on = std::nullopt;
    app.switch_to = View::References;
}

void export_document(App& app) {
    const std::string name = "reftier-" + format_iso_date(today()) + ".json";
    platform::download_text(name, write_document(app.workspace.document()), "application/json");
    show_toast(app, "Exported " + name);
}

void begin_import(App& app, const std::string& file_name, const std::string& text) {
    ImportDialog& d = app.import;
    d = ImportDialog{};
    d.open = true;
    d.file_name = file_name;
    ReadResult read = read_document(text);
    d.errors = std::move(read.errors);
    if (read.document) {
        d.plan = plan_merge(app.workspace.document(), *read.document);
        d.incoming = std::move(read.document);
    }
}

void apply_import(App& app, bool merge) {
    ImportDialog& d = app.import;
    if (!d.incoming) return;
    const std::size_t count = d.incoming->references.size();
    if (merge) {
        app.workspace.replace_document(
            merge_documents(app.workspace.document(), *d.incoming, d.policy));
        show_toast(app, "Merged " + d.file_name);
    } else {
        app.workspace.replace_document(std::move(*d.incoming));
        show_toast(app, "Imported " + std::to_string(count) + " references from " + d.file_name);
    }
    d = ImportDialog{};
    app.editor = ReferenceEditor{};
    app.show_welcome = false;
}

SaveState current_save_state(const App& app) {
    // An edit made since the last frame has not reached autosave() yet: it is not saved.
    if (app.save_state == SaveState::Saved && app.workspace.revision() != app.saved_revision)
        return SaveState::Pending;
    return app.save_state;
}

static const char* save_state_text(const App& app) {
    switch (current_save_state(app)) {
    case SaveState::Loading:
        return "Loading...";
    case SaveState::Saved:
        return "All changes saved";
    case SaveState::Pending:
        return "Unsaved changes";
    case SaveState::Saving:
        return "Saving...";
    case SaveState::Failed:
        return "Not saved";
    }
    return "";
}

void draw_status_bar(App& app) {
    const Document& doc = app.workspace.document();
    ImGui::Separator();
    const bool failed = current_save_state(app) == SaveState::Failed;
    if (failed) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.35f, 0.3f, 1));
    ImGui::TextUnformatted(save_state_text(app));
    if (failed) ImGui::PopStyleColor();
    if (failed && !app.save_error.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", app.save_error.c_str());
    ImGui::SameLine(0, em(1.5f));
    ImGui::TextDisabled("%zu references, %zu accounts", doc.references.size(), doc.accounts.size());
    if (!app.toast.empty() && platform::now_ms() < app.toast_until_ms) {
        ImGui::SameLine(0, em(1.5f));
        ImGui::TextUnformatted(app.toast.c_str());
        platform::request_frames(1); // the toast has to disappear by itself
    }
}

static void draw_notice(const std::string& text, ImVec4 colour, bool* dismiss) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
    const float height = ImGui::GetTextLineHeightWithSpacing() * 2.2f;
    ImGui::BeginChild("##notice", ImVec2(0, height), true);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - em(8));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - em(5.5f));
    if (ImGui::Button("Dismiss")) *dismiss = true;
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_frame(App& app, float width, float height) {
    ++app.frames_drawn;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoMove |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("RefTier", nullptr, flags);
    draw_menu_bar(app);

    for (const auto& e : app.rule_errors)
        ImGui::TextColored(ImVec4(1, 0.4f, 0.3f, 1), "%s", e.c_str());
    bool dismiss = false;
    if (!app.storage_notice.empty()) {
        draw_notice(app.storage_notice, ImVec4(0.45f, 0.3f, 0.05f, 0.6f), &dismiss);
        if (dismiss) app.storage_notice.clear();
    }
    if (app.other_tab_changed) {
        dismiss = false;
        draw_notice("This document was changed in another tab. Reload this tab to see those "
                    "changes; saving here would overwrite them.",
                    ImVec4(0.45f, 0.3f, 0.05f, 0.6f), &dismiss);
        if (dismiss) app.other_tab_changed = false;
    }

    const float status_height = ImGui::GetFrameHeightWithSpacing() + 4;
    ImGui::BeginChild("##body", ImVec2(0, -status_height));
    if (app.workspace.has_rules() && ImGui::BeginTabBar("##views")) {
        auto tab = [&](const char* label, View view, void (*draw)(App&)) {
            const ImGuiTabItemFlags tab_flags =
                app.switch_to == view ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
            const bool open = ImGui::BeginTabItem(label, nullptr, tab_flags);
            note_item_for_locator(label); // tabs report no label to ImGui's item hooks
            if (open) {
                app.view = view;
                draw(app);
                ImGui::EndTabItem();
            }
        };
        tab("References", View::References, draw_references_view);
        tab("Tier progress", View::TierProgress, draw_tier_view);
        tab("Accounts", View::Accounts, draw_accounts_view);
        ImGui::EndTabBar();
        app.switch_to.reset();
    }
    ImGui::EndChild();
    draw_status_bar(app);
    draw_import_dialog(app);
    draw_workshop_dialogs(app);
    ImGui::End();
}

} // namespace reftier::app
