// The import dialog: a file that fails validation lists every error with its JSON path and
// changes nothing; a valid one asks replace or merge (with the merge plan and its conflicts);
// CSV rows and ACE opportunities are previewed before they are added.
#include <algorithm>

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

// Each conflict by name, each differing field with both values, and per conflict whose record
// the merge keeps (issue 18: one choice for all, and no values, left the user guessing).
static void draw_conflicts(ImportDialog& d) {
    // Within the window, whatever its size (presentation mode on a small screen): the list
    // scrolls, and the buttons below it stay in view.
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float width = std::min(em(46), screen.x - em(4));
    const float height = std::clamp(screen.y - em(17), em(4), em(13));
    const float value_width = std::max(em(4), (width - em(11)) / 2);
    ImGui::BeginChild("##conflicts", ImVec2(width, height), true);
    for (std::size_t i = 0; i < d.plan.conflicts.size(); ++i) {
        const MergeConflict& c = d.plan.conflicts[i];
        ImGui::PushID(static_cast<int>(i));
        const char* kind = c.kind == MergeConflict::Kind::Reference ? "Reference"
                           : c.kind == MergeConflict::Kind::Account ? "Account"
                                                                    : "Rule set";
        const std::string heading = std::string(kind) + " " + c.name;
        fitted_text(heading);
        if (ImGui::BeginTable("##fields", 3, ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, em(7));
            ImGui::TableSetupColumn("Yours", ImGuiTableColumnFlags_WidthFixed, value_width);
            ImGui::TableSetupColumn("In the file", ImGuiTableColumnFlags_WidthFixed, value_width);
            ImGui::TableHeadersRow();
            for (const FieldChange& change : c.changes) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", change.field.c_str());
                ImGui::TableNextColumn();
                fitted_text(change.current);
                ImGui::TableNextColumn();
                fitted_text(change.incoming);
            }
            ImGui::EndTable();
        }
        int choice = static_cast<int>(d.choices[i]);
        ImGui::RadioButton("Keep mine", &choice, 0);
        ImGui::SameLine();
        ImGui::RadioButton("Take the file's", &choice, 1);
        note_item_for_locator(("Take the file's " + c.id).c_str());
        d.choices[i] = static_cast<ConflictPolicy>(choice);
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (ImGui::SmallButton("Keep mine for all"))
        d.choices.assign(d.choices.size(), ConflictPolicy::KeepCurrent);
    ImGui::SameLine();
    if (ImGui::SmallButton("Take the file's for all"))
        d.choices.assign(d.choices.size(), ConflictPolicy::TakeIncoming);
}

static void draw_choice(App& app) {
    ImportDialog& d = app.import;
    const Document& incoming = *d.incoming;
    fitted_text(d.file_name + ": " + std::to_string(incoming.references.size()) + " references, " +
                    std::to_string(incoming.accounts.size()) + " accounts, partner \"" +
                    incoming.partner.name + "\".",
                nullptr, std::min(em(46), ImGui::GetMainViewport()->Size.x - em(4)));
    ImGui::Spacing();
    ImGui::TextWrapped(
        "Replace: your current document is replaced by the file (undo brings it back).");
    ImGui::TextWrapped("Merge: %d new references and %d new accounts are added, %d records are "
                       "already the same, %zu conflict(s).",
                       d.plan.references_added, d.plan.accounts_added, d.plan.unchanged,
                       d.plan.conflicts.size());
    if (d.plan.rule_sets_added > 0)
        ImGui::TextWrapped("Merge also adds %d rule set(s) of the file's.", d.plan.rule_sets_added);
    if (!d.plan.conflicts.empty()) draw_conflicts(d);
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

// The button that applies a previewed import (disabled while there is nothing to apply) and
// Cancel, which forgets the import.
static void draw_apply_or_cancel(App& app, const std::string& label, bool enabled,
                                 void (*apply)(App&)) {
    ImGui::BeginDisabled(!enabled);
    if (ImGui::Button(label.c_str())) {
        apply(app);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        app.import = ImportDialog{};
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
            same_line_at(em(5));
            ImGui::PushTextWrapPos(0);
            ImGui::Text("%s%s%s", e.column.c_str(), e.column.empty() ? "" : ": ",
                        e.message.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();
    }
    const std::string label =
        csv.errors.empty() ? "Import " + std::to_string(csv.references.size()) + " references"
                           : "Import the " + std::to_string(csv.references.size()) + " good rows";
    draw_apply_or_cancel(app, label, csv.header_ok && !csv.references.empty(), apply_csv_import);
}

// What an ACE import adds (each draft with its opportunity) and what it leaves out, and why.
static void draw_ace(App& app) {
    ImportDialog& d = app.import;
    const AceImport& ace = *d.ace;
    ImGui::Text("%s: %d opportunities, %d launched.", d.file_name.c_str(), ace.opportunities,
                ace.launched);
    ImGui::TextWrapped("%s", ace.references.empty()
                                 ? "No launched opportunity is missing a reference: nothing to add."
                                 : "Each launched opportunity without a reference becomes a draft "
                                   "reference (ACE Pipeline Manager): add its title and public "
                                   "URL, then submit it.");
    if (!ace.references.empty() &&
        ImGui::BeginTable("##ace_added", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Borders,
                          ImVec2(em(44), em(9)))) {
        for (const char* heading : {"Opportunity", "Customer", "Industry", "Workload"})
            ImGui::TableSetupColumn(heading);
        ImGui::TableHeadersRow();
        for (const Reference& r : ace.references) {
            ImGui::TableNextRow();
            for (const std::string* cell :
                 {&*r.ace_opportunity_id, &r.customer, &r.industry, &r.workload}) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(cell->c_str());
            }
        }
        ImGui::EndTable();
    }
    if (!ace.skipped.empty()) {
        ImGui::TextDisabled("Left out:");
        ImGui::BeginChild("##ace_skipped", ImVec2(em(44), em(5)), true);
        for (const AceSkipped& s : ace.skipped)
            ImGui::BulletText("%s %s: %s", s.opportunity_id.c_str(), s.customer.c_str(),
                              s.reason.c_str());
        ImGui::EndChild();
    }
    ImGui::Spacing();
    const std::size_t count = ace.references.size();
    const std::string label =
        "Add " + std::to_string(count) + (count == 1 ? " draft reference" : " draft references");
    draw_apply_or_cancel(app, label, count > 0, apply_ace_import);
}

void draw_import_dialog(App& app) {
    ImportDialog& d = app.import;
    const char* title = d.errors.empty() ? "Import" : "Import failed";
    if (d.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    center_next_window();
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!d.errors.empty())
        draw_errors(app);
    else if (d.incoming)
        draw_choice(app);
    else if (d.csv)
        draw_csv(app);
    else if (d.ace)
        draw_ace(app);
    else
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace reftier::app
