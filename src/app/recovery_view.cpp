// Kept-aside copies (issue 17): the documents RefTier kept in browser storage instead of
// deleting them (one that could not be read, one an import replaced), listed with their date
// and size, each one exported as a file, restored, or removed when the user says so, with how
// much room they and the whole site take.
#include <cstdio>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/widgets.h"
#include "platform/browser.h"

namespace reftier::app {

static std::string size_text(double bytes) {
    char text[32];
    if (bytes >= 1e9)
        std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
    else if (bytes >= 1e6)
        std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
    else if (bytes >= 1e3)
        std::snprintf(text, sizeof text, "%.0f KB", bytes / 1e3);
    else
        std::snprintf(text, sizeof text, "%.0f bytes", bytes);
    return text;
}

static const KeptCopy* find_copy(const App& app, const std::string& key) {
    for (const KeptCopy& copy : app.recovery.copies)
        if (copy.key == key) return &copy;
    return nullptr;
}

void open_recovery(App& app) {
    app.recovery.open = true;
    app.recovery.listing = true;
    platform::list_kept_aside();
}

void keep_aside_before_replacing(App& app) {
    const Document& document = app.workspace.document();
    if (document.references.empty() && document.accounts.empty() && document.partner.name.empty())
        return; // nothing to keep
    // Saved, and not changed since by this tab or another: the stored copy is this document.
    // Copying it inside storage spares the page writing the whole document again in one go
    // (on 100,000 references a task of about 600 ms, issue 14).
    if (current_save_state(app) == SaveState::Saved && !app.other_tab_changed) {
        platform::keep_stored_aside("before-import");
        return;
    }
    write_document(document, -1, platform::append_output);
    platform::keep_output_aside("before-import");
}

void kept_aside_listed(App& app, const char* text) {
    Recovery& r = app.recovery;
    const nlohmann::json list = nlohmann::json::parse(text ? text : "", nullptr, false);
    r.listing = false;
    r.copies.clear();
    r.error = list.value("error", "");
    if (!r.error.empty()) show_toast(app, r.error);
    const auto number = [&](const char* name) -> std::optional<double> {
        const auto it = list.find(name);
        if (it == list.end() || !it->is_number()) return std::nullopt;
        return it->get<double>();
    };
    r.usage = number("usage");
    r.quota = number("quota");
    if (list.is_object() && list.contains("copies") && list["copies"].is_array())
        for (const auto& c : list["copies"])
            r.copies.push_back({c.value("key", ""), c.value("kind", ""), c.value("date", ""),
                                c.value("bytes", 0.0)});
}

void restore_kept_aside(App& app, const std::string& key) {
    Recovery& r = app.recovery;
    r.restore_failed_key.clear();
    r.restore_errors.clear();
    ReadResult read = read_document(platform::read_input, platform::input_bytes());
    EditResult result;
    if (read.document) {
        keep_aside_before_replacing(app);
        result = app.workspace.replace_document(std::move(*read.document));
    }
    if (!result) {
        r.restore_failed_key = key;
        r.restore_errors = read.document ? std::move(result.refused) : std::move(read.errors);
        return;
    }
    app.editor = ReferenceEditor{};
    app.account_editor = AccountEditor{};
    const KeptCopy* copy = find_copy(app, key);
    show_toast(app, "Restored the copy kept aside on " + (copy ? copy->date : key) +
                        " (Ctrl+Z brings back what was here)");
    platform::list_kept_aside(); // what was here is now kept aside too
}

static const char* why_kept(const KeptCopy& copy) {
    return copy.kind == "corrupt" ? "could not be read" : "replaced by an import";
}

static void draw_copy_row(App& app, const KeptCopy& copy) {
    ImGui::PushID(copy.key.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(copy.date.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(why_kept(copy));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(size_text(copy.bytes).c_str());
    ImGui::TableNextColumn();
    if (ImGui::SmallButton("Export")) {
        std::string name = "reftier-kept-aside-" + copy.date + ".json";
        for (char& c : name)
            if (c == ' ' || c == ':') c = '-';
        platform::download_kept_aside(copy.key, name);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Restore")) platform::open_kept_aside(copy.key);
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove...")) app.recovery.remove_key = copy.key;
    ImGui::PopID();
}

static void draw_remove_question(App& app) {
    Recovery& r = app.recovery;
    const char* title = "Remove kept-aside copy?";
    if (!r.remove_key.empty() && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const KeptCopy* copy = find_copy(app, r.remove_key);
    if (copy)
        ImGui::Text("Remove the copy kept aside on %s (%s)? It cannot be brought back.",
                    copy->date.c_str(), size_text(copy->bytes).c_str());
    if (ImGui::Button("Remove")) {
        platform::remove_kept_aside(r.remove_key);
        r.listing = true;
        r.remove_key.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep it") || ImGui::IsKeyPressed(ImGuiKey_Escape) || !copy) {
        r.remove_key.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_recovery_window(App& app) {
    Recovery& r = app.recovery;
    if (!r.open) return;
    begin_centered_window("Kept-aside copies", &r.open);
    ImGui::PushTextWrapPos(em(40));
    ImGui::TextUnformatted("Copies of your document that RefTier kept in this browser instead of "
                           "deleting them: one that could not be read, and each one an import "
                           "or sample data replaced. They stay until you remove them.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (r.listing)
        ImGui::TextDisabled("Looking in browser storage...");
    else if (r.copies.empty())
        ImGui::TextDisabled("No copies are kept aside.");
    double total = 0;
    if (!r.copies.empty() && ImGui::BeginTable("##kept", 4, ImGuiTableFlags_RowBg)) {
        for (const char* heading : {"Kept on", "Why", "Size", ""}) ImGui::TableSetupColumn(heading);
        ImGui::TableHeadersRow();
        for (const KeptCopy& copy : r.copies) {
            draw_copy_row(app, copy);
            total += copy.bytes;
        }
        ImGui::EndTable();
    }
    if (!r.restore_failed_key.empty()) {
        const KeptCopy* copy = find_copy(app, r.restore_failed_key);
        ImGui::PushTextWrapPos(em(40));
        ImGui::TextColored(severity_colour(Severity::Error),
                           "The copy of %s cannot be opened. Export it to keep it as a file, or "
                           "to fix it by hand:",
                           copy ? copy->date.c_str() : r.restore_failed_key.c_str());
        for (std::size_t i = 0; i < r.restore_errors.size() && i < 5; ++i)
            ImGui::BulletText("%s", to_string(r.restore_errors[i]).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    std::string room = "Kept-aside copies take " + size_text(total) + ".";
    if (r.usage && r.quota)
        room += " This site uses " + size_text(*r.usage) + " of the " + size_text(*r.quota) +
                " the browser allows it.";
    ImGui::TextDisabled("%s", room.c_str());
    draw_remove_question(app);
    ImGui::End();
}

} // namespace reftier::app
