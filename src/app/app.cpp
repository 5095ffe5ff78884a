// The frame: menu, the view shown, dialogs, status bar; saving and loading via the platform.
#include "app/app.h"
#include "app/widgets.h"

#include <cstdio>
#include <utility>

#include <imgui.h>

#include "app/item_locator.h"
#include "core/format/document_writer.h"
#include "core/format/text_file.h"
#include "core/model/date.h"
#include "platform/browser.h"

namespace reftier::app {

// Quiet time after the last edit before an autosave, so typing is not saved per keystroke.
static constexpr double kAutosaveDelayMs = 400;
// The autosave writes in tasks of about this long, so the page never stalls on a large document
// (a user feels a task over 50 ms); it looks at the clock every kSaveSliceRecords records.
static constexpr double kSaveSliceMs = 4;
static constexpr std::size_t kSaveSliceRecords = 128;
// The autosave being written, a slice a task; none between saves.
static std::optional<DocumentWriter> g_save_writer;

App& the_app() {
    static App app;
    return app;
}

Date today() {
    const int ymd = platform::today_yyyymmdd();
    return Date{std::chrono::year{ymd / 10000}, std::chrono::month{unsigned(ymd / 100 % 100)},
                std::chrono::day{unsigned(ymd % 100)}};
}

// Undo and Redo say what they took back or did again (the Workspace names each step), and
// refuse to bring back a state that would not read back; the user is told either way.
static void step_history(App& app, bool redo) {
    if (!redo && !app.workspace.undo_needs_kept_copy().empty()) {
        if (app.undo_reading.empty()) undo_from_kept_copy(app);
        return;
    }
    const std::string what =
        redo ? app.workspace.redo_description() : app.workspace.undo_description();
    const EditResult result = redo ? app.workspace.redo() : app.workspace.undo();
    if (result)
        show_toast(app, (redo ? "Redone: " : "Undone: ") + what);
    else if (!result.refused.empty())
        show_toast(app, (redo ? "Cannot redo " : "Cannot undo ") + what + ": " + result.message());
}

void undo(App& app) {
    step_history(app, false);
}

void redo(App& app) {
    step_history(app, true);
}

void show_toast(App& app, std::string text) {
    app.toast = std::move(text);
    app.toast_until_ms = platform::now_ms() + 4000;
}

static void on_stored_document(bool stored, const char* error) {
    App& app = the_app();
    if (error) {
        app.storage_notice = std::string("Browser storage could not be opened (") + error +
                             "). You can work, but nothing is saved: export your work to a file.";
        app.save_state = SaveState::Failed;
        app.save_error = error;
        return;
    }
    if (stored) {
        ReadResult read = read_document(platform::read_input, platform::input_bytes());
        if (read.document) {
            app.workspace.load_without_history(std::move(*read.document));
        } else {
            // Never delete what cannot be read: keep it aside and tell the user.
            platform::set_aside_stored_document();
            app.storage_notice =
                "The saved document could not be read (" + to_string(read.errors.front()) +
                "). It was kept aside in browser storage (File > Kept-aside copies) and a new "
                "one started.";
        }
    } else {
        app.show_welcome = true; // first visit in this browser
    }
    app.saved_revision = app.workspace.revision();
    app.save_state = SaveState::Saved;
}

static void on_saved(const char* error, bool retry) {
    App& app = the_app();
    if (error) {
        app.save_state = SaveState::Failed;
        app.save_error = error;
        // Nothing of this revision is stored. Retry it, unless the same bytes would be refused
        // again: then the next change (or "Try again") saves.
        if (retry) app.saved_revision = 0;
        return;
    }
    app.save_error.clear();
    app.save_state =
        app.saved_revision == app.workspace.revision() ? SaveState::Saved : SaveState::Pending;
}

static void on_file_opened(const char* name) {
    begin_import(the_app(), name ? name : "file", platform::read_input);
}

static void on_other_tab_saved() {
    the_app().other_tab_changed = true;
}

static void on_storage_closed(const char* message) {
    App& app = the_app();
    app.storage_closed = message ? message : "Browser storage was closed.";
    app.save_state = SaveState::Failed;
    app.save_error.clear(); // the storage banner says it, with what to do
}

static void on_kept_aside_listed(const char* json) {
    kept_aside_listed(the_app(), json);
}

static void on_kept_aside_opened(const char* key, const char* error) {
    App& app = the_app();
    const std::string opened = key ? key : "";
    if (!app.undo_reading.empty() && opened == app.undo_reading)
        kept_copy_opened_for_undo(app, error);
    else if (error)
        show_toast(app, std::string("The kept-aside copy could not be opened: ") + error);
    else
        restore_kept_aside(app, opened);
}

static void on_kept_for_undo(const char* key) {
    undo_copy_kept(the_app(), key);
}

void init(App& app) {
    const auto titles = read_text_file("/assets/title_rules.json");
    const auto tiers = read_text_file("/assets/tier_rules.json");
    const auto services = read_text_file("/assets/aws_services.json");
    if (!titles || !tiers || !services)
        app.rule_errors.push_back("The rule files are missing from the build.");
    else
        app.rule_errors = app.workspace.load_rules(*titles, *tiers, *services);
    platform::Callbacks callbacks;
    callbacks.stored_document = on_stored_document;
    callbacks.saved = on_saved;
    callbacks.file_opened = on_file_opened;
    callbacks.other_tab_saved = on_other_tab_saved;
    callbacks.storage_closed = on_storage_closed;
    callbacks.kept_aside_listed = on_kept_aside_listed;
    callbacks.kept_aside_opened = on_kept_aside_opened;
    callbacks.kept_for_undo = on_kept_for_undo;
    platform::set_callbacks(callbacks);
    const char* theme = platform::user_preference("theme");
    app.settings.light = theme && std::string(theme) == "light";
    const char* presentation = platform::user_preference("presentation");
    app.settings.presentation = presentation && std::string(presentation) == "1";
    app.settings.touch = platform::coarse_pointer();
}

// One slice of the autosave's write (platform::run_in_slices); false once nothing is left.
static bool write_save_slice() {
    App& app = the_app();
    if (!g_save_writer) return false;
    if (app.workspace.revision() != app.saved_revision) {
        // Edited between two slices: the text would be neither the old document nor the new one.
        // Drop it; the next autosave writes the document as it is now.
        g_save_writer.reset();
        platform::discard_save_pieces();
        app.saved_revision = 0;
        app.save_state = SaveState::Pending;
        app.last_change_ms = platform::now_ms();
        platform::request_frames(2);
        return false;
    }
    const double start = platform::now_ms();
    while (!g_save_writer->write(kSaveSliceRecords))
        if (platform::now_ms() - start >= kSaveSliceMs) return true;
    g_save_writer.reset();
    const Document& document = app.workspace.document();
    platform::save_pieces_as_document(document.references.size(), document.accounts.size());
    return false;
}

void autosave(App& app) {
    if (app.save_state == SaveState::Loading || app.save_state == SaveState::Saving) return;
    if (app.other_tab_changed) return; // the user chooses: reload, or keep this tab's version
    if (!app.storage_closed.empty()) return;
    if (app.workspace.revision() == app.saved_revision) return;
    const double now = platform::now_ms();
    if (app.save_state != SaveState::Pending && app.save_state != SaveState::Failed) {
        app.save_state = SaveState::Pending;
        app.last_change_ms = now;
    }
    if (app.save_state == SaveState::Failed && !app.save_error.empty() &&
        now - app.last_change_ms < 5000)
        return; // do not hammer a full storage every frame; retry every few seconds
    // The render loop calls this on every display refresh, drawn or not, so waiting asks for
    // no frames (drawing them all along made the wait cost as much as the work after an import).
    if (now - app.last_change_ms < kAutosaveDelayMs && app.last_change_ms >= 0) return;
    app.last_change_ms = now;
    app.save_state = SaveState::Saving;
    platform::request_frames(1); // the status bar's "Saving..."
    app.saved_revision = app.workspace.revision();
    // Compact: a quarter smaller and faster to write than the indented export.
    g_save_writer.emplace(app.workspace.document(), -1, platform::append_save_piece);
    platform::run_in_slices(write_save_slice);
}

void save_now(App& app) {
    app.last_change_ms = -kAutosaveDelayMs; // due at once
    // A change autosave() has not seen yet: seeing it, it would start the quiet time over.
    if (current_save_state(app) == SaveState::Pending) app.save_state = SaveState::Pending;
    if (app.save_state == SaveState::Failed) {
        app.save_state = SaveState::Pending;
        app.saved_revision = 0; // asked for: even a save that was refused is tried again
    }
    platform::request_frames(2);
}

void export_document(App& app) {
    const std::string name = "reftier-" + format_iso_date(today()) + ".json";
    write_document(app.workspace.document(), 2, platform::append_output);
    platform::download_output(name, "application/json");
    show_toast(app, "Exported " + name);
}

void export_csv(App& app) {
    const std::string name = "reftier-" + format_iso_date(today()) + ".csv";
    // With a BOM, so Excel reads the file as UTF-8.
    platform::download_text(name, write_references_csv(app.workspace.document().references, true),
                            "text/csv");
    show_toast(app, "Exported " + name);
}

static bool is_csv_name(const std::string& name) {
    return name.size() >= 4 && (name.compare(name.size() - 4, 4, ".csv") == 0 ||
                                name.compare(name.size() - 4, 4, ".CSV") == 0);
}

bool imported(App& app, EditResult result) {
    if (result.refused.empty()) return true;
    ImportDialog& d = app.import;
    d.errors = std::move(result.refused);
    d.incoming.reset();
    d.csv.reset();
    d.ace.reset();
    d.open = true;
    return false;
}

void apply_csv_import(App& app) {
    ImportDialog& d = app.import;
    if (!d.csv) return;
    Document incoming = app.workspace.document();
    incoming.references = d.csv->references;
    const std::size_t count = d.csv->references.size();
    if (!imported(app,
                  app.workspace.replace_document(merge_documents(app.workspace.document(), incoming,
                                                                 ConflictPolicy::KeepCurrent),
                                                 "the import of " + d.file_name)))
        return;
    show_toast(app, "Imported " + std::to_string(count) + " references from " + d.file_name);
    d = ImportDialog{};
    app.show_welcome = false;
}

// The whole text of a source, for a reader that needs it at once.
static std::string read_all(const ReadSource& source) {
    std::string text;
    for (;;) {
        const std::size_t size = text.size();
        text.resize(size + kReadPieceBytes);
        const std::size_t added = source(text.data() + size, kReadPieceBytes);
        text.resize(size + added);
        if (added == 0) return text;
    }
}

void apply_ace_import(App& app) {
    ImportDialog& d = app.import;
    if (!d.ace) return;
    const std::size_t count = d.ace->references.size();
    if (!imported(app,
                  app.workspace.replace_document(with_ace_drafts(app.workspace.document(), *d.ace),
                                                 "the ACE import of " + d.file_name)))
        return;
    show_toast(app, "Added " + std::to_string(count) + " draft references from " + d.file_name);
    d = ImportDialog{};
    app.show_welcome = false;
}

void begin_import(App& app, const std::string& file_name, const ReadSource& source) {
    if (app.import_run) {
        show_toast(app, "Not opened: another import is still running");
        return;
    }
    ImportDialog& d = app.import;
    d = ImportDialog{};
    d.open = true;
    d.file_name = file_name;
    if (std::exchange(app.import_ace_next, false)) {
        const std::string text = read_all(source);
        d.ace = read_ace_opportunities({{file_name, text}}, app.workspace.document());
        for (const AceProblem& e : d.ace->errors) // the file is named by the dialog
            d.errors.push_back({e.file == file_name ? e.path : e.file + " " + e.path, e.message});
        return;
    }
    if (is_csv_name(file_name)) {
        d.csv = read_references_csv(read_all(source), app.workspace.document());
        return;
    }
    // Read a slice at a time; the dialog opens once the file is read (import_run.cpp).
    start_import_run(app, file_name, source, false, false);
}

SaveState current_save_state(const App& app) {
    // An edit made since the last frame has not reached autosave() yet: it is not saved.
    if (app.save_state == SaveState::Saved && app.workspace.revision() != app.saved_revision)
        return SaveState::Pending;
    return app.save_state;
}

const char* save_state_text(const App& app) {
    // The banner says this tab stopped saving; the status bar must not say the opposite.
    if (app.other_tab_changed) return "Not saving: another tab saved this document";
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
    note_item_for_locator("status bar");
    if (failed) ImGui::PopStyleColor();
    if (failed && !app.save_error.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", app.save_error.c_str());
    ImGui::SameLine(0, em(1.5f));
    ImGui::TextDisabled("%zu references, %zu accounts", doc.references.size(), doc.accounts.size());
    draw_import_progress(app);
    if (!app.toast.empty() && platform::now_ms() < app.toast_until_ms) {
        ImGui::SameLine(0, em(1.5f));
        ImGui::TextUnformatted(app.toast.c_str());
        // The toast has to disappear by itself: one frame when it is due, not one per refresh.
        platform::request_frame_after(app.toast_until_ms - platform::now_ms());
    }
}

// A coloured banner with a message and buttons; returns the index of the clicked button or -1.
static int draw_banner(const char* id, const std::string& text,
                       std::initializer_list<const char*> buttons) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.55f, 0.35f, 0.05f, 0.55f));
    float buttons_width = 0;
    for (const char* b : buttons)
        buttons_width += ImGui::CalcTextSize(b).x + ImGui::GetStyle().FramePadding.x * 2 + em(0.7f);
    const float wrap = ImGui::GetContentRegionAvail().x - buttons_width - em(1.5f);
    const float text_height = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
    ImGui::BeginChild("##banner",
                      ImVec2(0, text_height + ImGui::GetStyle().WindowPadding.y * 2 + 4), true);
    ImGui::PushTextWrapPos(wrap);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    int clicked = -1, index = 0;
    ImGui::SameLine(ImGui::GetContentRegionMax().x - buttons_width);
    for (const char* b : buttons) {
        if (index) ImGui::SameLine();
        if (ImGui::Button(b)) clicked = index;
        ++index;
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopID();
    return clicked;
}

// Problems with storage, in words, each with what the user can do about it.
static void draw_storage_banners(App& app) {
    if (!app.storage_notice.empty()) {
        const int choice =
            draw_banner("notice", app.storage_notice, {"Show kept-aside copies", "Dismiss"});
        if (choice == 0) open_recovery(app);
        if (choice >= 0) app.storage_notice.clear();
    }
    if (!app.storage_closed.empty()) {
        const int choice = draw_banner("closed", app.storage_closed, {"Export now", "Reload"});
        if (choice == 0) export_document(app);
        if (choice == 1) platform::reload_page();
    }
    if (app.other_tab_changed) {
        const int choice = draw_banner(
            "other-tab",
            "This document was saved from another tab. This tab stopped saving, so neither tab "
            "overwrites the other's changes.",
            {"Reload", "Keep this tab's version"});
        if (choice == 0) platform::reload_page();
        if (choice == 1) {
            app.other_tab_changed = false;
            save_now(app);
        }
    }
    if (app.save_state == SaveState::Failed && !app.save_error.empty()) {
        const int choice = draw_banner("save-failed",
                                       "Your latest changes are not saved: " + app.save_error +
                                           " They are still open in this tab.",
                                       {"Export now", "Try again"});
        if (choice == 0) export_document(app);
        if (choice == 1) save_now(app);
    }
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
    draw_storage_banners(app);

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
    draw_draft_dialog(app);
    draw_recovery_window(app);
    ImGui::End();
}

} // namespace reftier::app
