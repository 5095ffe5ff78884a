// The import dialog: a file that fails validation lists every error with its JSON path and
// changes nothing; a valid one asks replace or merge (with the merge plan and its conflicts).
#include <imgui.h>

#include "app/app.h"
#include "app/widgets.h"

namespace reftier::app {

static void draw_errors(App& app) {
    ImportDialog& d = app.import;
    ImGui::TextWrapped("%s cannot be imported. Nothing was changed. %zu problem(s):",
                       d.file_name.c_str(), d.errors.size());
    ImGui::BeginChild("##errors", ImVec2(em(42), em(17)), true);
    for (const ReadError& e : d.errors) {
        ImGui::TextColored(severity_colour(Severity::Error), "%s",
                           e.path.empty() ? "(file)" : e.path.c_str());
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(e.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
    if (ImGui::Button("Close")) {
        d = ImportDialog{};
        ImGui::CloseCurrentPopup();
    }
}

static void draw_choice(App& app) {
    ImportDialog& d = app.import;
    const Document& incoming = *d.incoming;
    ImGui::Text("%s: %zu references, %zu accounts, partner \"%s\".", d.file_name.c_str(),
                incoming.references.size(), incoming.accounts.size(),
                incoming.partner.name.c_str());
    ImGui::Spacing();
    ImGui::TextWrapped(
        "Replace: your current document is replaced by the file (undo brings it back).");
    ImGui::TextWrapped("Merge: %d new references and %d new accounts are added, %d records are "
                       "already the same, %zu conflict(s).",
                       d.plan.references_added, d.plan.accounts_added, d.plan.unchanged,
                       d.plan.conflicts.size());
    if (!d.plan.conflicts.empty()) {
        ImGui::BeginChild("##conflicts", ImVec2(em(42), em(9)), true);
        for (const MergeConflict& c : d.plan.conflicts) {
            std::string fields;
            for (const auto& f : c.differing_fields) fields += (fields.empty() ? "" : ", ") + f;
            ImGui::BulletText("%s %s differs in %s",
                              c.kind == MergeConflict::Kind::Reference ? "Reference" : "Account",
                              c.id.c_str(), fields.c_str());
        }
        ImGui::EndChild();
        int policy = static_cast<int>(d.policy);
        ImGui::RadioButton("Keep mine on conflict", &policy, 0);
        ImGui::SameLine();
        ImGui::RadioButton("Take the file's on conflict", &policy, 1);
        d.policy = static_cast<ConflictPolicy>(policy);
    }
    ImGui::Spacing();
    if (ImGui::Button("Replace")) {
        apply_import(app, false);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Merge")) {
        apply_import(app, true);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        d = ImportDialog{};
        ImGui::CloseCurrentPopup();
    }
}

static void draw_csv(App& app) {
    ImportDialog& d = app.import;
    const CsvImport& csv = *d.csv;
    ImGui::Text("%s: %d rows, %zu good, %zu problem(s).", d.file_name.c_str(), csv.rows,
                csv.references.size(), csv.errors.size());
    for (const auto& n : csv.notices) ImGui::TextDisabled("%s", n.c_str());
    if (!csv.errors.empty()) {
        ImGui::TextWrapped("Nothing is imported while rows have problems, unless you choose to "
                           "import only the good rows.");
        ImGui::BeginChild("##csv_errors", ImVec2(em(42), em(12)), true);
        for (const CsvRowError& e : csv.errors) {
            ImGui::TextColored(severity_colour(Severity::Error), "line %d", e.line);
            ImGui::SameLine(em(5));
            ImGui::PushTextWrapPos(0);
            ImGui::Text("%s%s%s", e.column.c_str(), e.column.empty() ? "" : ": ",
                        e.message.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();
    }
    const bool can_import = csv.header_ok && !csv.references.empty();
    ImGui::BeginDisabled(!can_import);
    const std::string label =
        csv.errors.empty() ? "Import " + std::to_string(csv.references.size()) + " references"
                           : "Import the " + std::to_string(csv.references.size()) + " good rows";
    if (ImGui::Button(label.c_str())) {
        apply_csv_import(app);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        d = ImportDialog{};
        ImGui::CloseCurrentPopup();
    }
}

void draw_import_dialog(App& app) {
    ImportDialog& d = app.import;
    const char* title = d.errors.empty() ? "Import" : "Import failed";
    if (d.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!d.errors.empty())
        draw_errors(app);
    else if (d.incoming)
        draw_choice(app);
    else if (d.csv)
        draw_csv(app);
    else
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace reftier::app
