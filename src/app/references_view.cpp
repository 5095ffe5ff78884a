// The references table: filter, status filter, sortable columns, list clipping (so 100,000
// rows cost only the visible ones), and the editor beside it when a row is open.
#include <algorithm>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/app.h"
#include "app/text_agent_bridge.h"
#include "app/widgets.h"
#include "core/checks/url_check.h"
#include "core/model/date.h"
#include "core/model/enum_names.h"
#include "core/progress/progress_summary.h"
#include "platform/browser.h"

namespace reftier::app {

// The row with keyboard focus in the last frame (arrow keys in the table), if any.
static std::string g_focused_row;

static void copy(App& app, const std::string& text, const char* what) {
    platform::set_clipboard_text(text);
    show_toast(app, std::string("Copied ") + what);
}

// A row's menu (right click, long press, Shift+F10): its title, URL or Markdown line copied, or
// its page opened (http and https only).
static void draw_row_menu(App& app, const Reference& r) {
    if (ImGui::MenuItem("Copy title")) copy(app, r.title, "the title");
    if (ImGui::MenuItem("Copy URL")) copy(app, r.url, "the URL");
    if (ImGui::MenuItem("Copy as Markdown line", "Ctrl+C"))
        copy(app, reference_markdown_line(r), "a Markdown line");
    ImGui::Separator();
    if (ImGui::MenuItem("Open URL", nullptr, false, is_safe_to_open(r.url)))
        platform::open_url(r.url);
}

static void draw_toolbar(App& app) {
    if (ImGui::Button("+ New reference")) new_reference(app);
    ImGui::SameLine();
    const float clear_width = ImGui::CalcTextSize("Clear").x +
                              ImGui::GetStyle().FramePadding.x * 2 +
                              ImGui::GetStyle().ItemInnerSpacing.x;
    ImGui::SetNextItemWidth(
        std::max(em(8), std::min(em(21), ImGui::GetContentRegionAvail().x - clear_width)));
    if (app.focus_filter) {
        // The focus request is resolved among the focused window's items: after a click in the
        // table or a closed popup, that is another window, and the request would go nowhere.
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
        app.focus_filter = false;
    }
    if (ImGui::InputTextWithHint("##filter", "Filter: customer, title, workload, URL...",
                                 &app.filter_text))
        app.query.text = app.filter_text;
    declare_text_kind(TextKind::Search);
    note_item_for_locator("Filter"); // its label is hidden (##filter), so name it for tests
    // Always there (disabled while empty), so nothing beside it moves as the user types.
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::BeginDisabled(app.filter_text.empty());
    if (ImGui::Button("Clear##filter")) {
        app.filter_text.clear();
        app.query.text.clear();
    }
    note_item_for_locator("Clear filter");
    ImGui::EndDisabled();
    for (const auto& n : kStatusNames) {
        same_line_if_fits(checkbox_width(std::string(n.label).c_str()));
        const int bit = 1 << static_cast<int>(n.value);
        bool shown = (app.query.status_mask & bit) != 0;
        ImGui::PushStyleColor(ImGuiCol_CheckMark, status_colour(n.value));
        if (ImGui::Checkbox(std::string(n.label).c_str(), &shown)) app.query.status_mask ^= bit;
        ImGui::PopStyleColor();
    }
}

static const ReferenceColumn kColumns[] = {
    ReferenceColumn::Customer,  ReferenceColumn::Title,   ReferenceColumn::Status,
    ReferenceColumn::AssetType, ReferenceColumn::Channel, ReferenceColumn::Grade,
    ReferenceColumn::Submitted, ReferenceColumn::Decided,
};

static void read_sort_specs(App& app) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
    app.query.sort_column = kColumns[s.ColumnIndex];
    app.query.descending = s.SortDirection == ImGuiSortDirection_Descending;
    specs->SpecsDirty = false;
}

static void date_cell(const std::optional<Date>& date) {
    if (date)
        fitted_text(format_iso_date(*date));
    else
        ImGui::TextDisabled("-");
}

// `check` is null while the document checks are still running: rows show no markers yet.
static void draw_table(App& app, const std::vector<std::uint32_t>& rows,
                       const DocumentCheck* check) {
    Workspace& ws = app.workspace;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
        ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable |
        ImGuiTableFlags_Hideable | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollX;
    // The columns share the width down to about 44 em; a narrower window (a
    // projector in presentation mode) scrolls them sideways instead of cutting them off.
    const float inner_width = std::max(ImGui::GetContentRegionAvail().x, em(44));
    if (!ImGui::BeginTable("references", 8, flags, ImVec2(0, 0), inner_width)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_DefaultSort, 1.2f);
    ImGui::TableSetupColumn("Title", 0, 2.6f);
    ImGui::TableSetupColumn("Status", 0, 0.7f);
    ImGui::TableSetupColumn("Asset type", 0, 0.8f);
    ImGui::TableSetupColumn("Channel", 0, 0.9f);
    ImGui::TableSetupColumn("Title grade", 0, 0.7f);
    ImGui::TableSetupColumn("Submitted", 0, 0.7f);
    ImGui::TableSetupColumn("Decided", ImGuiTableColumnFlags_DefaultHide, 0.7f);
    ImGui::TableHeadersRow();
    read_sort_specs(app);

    const auto& refs = ws.document().references;
    bool grades_waiting = false;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::uint32_t index = rows[row];
            const Reference& r = refs[index];
            ImGui::PushID(static_cast<int>(index));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool selected = app.editor.open && app.selected_id == r.id;
            // The row's selectable spans all columns; its customer is drawn over it, fitted.
            const ImVec2 cell = ImGui::GetCursorScreenPos();
            const char* customer = r.customer.empty() ? "(no customer)" : r.customer.c_str();
            if (ImGui::Selectable("##row", selected,
                                  ImGuiSelectableFlags_SpanAllColumns |
                                      ImGuiSelectableFlags_AllowOverlap))
                open_reference(app, r);
            note_item_for_locator(customer);
            if (ImGui::IsItemFocused()) g_focused_row = r.id;
            if (begin_item_context_menu("row menu")) {
                app.selected_id = r.id;
                draw_row_menu(app, r);
                ImGui::EndPopup();
            }
            ImGui::SetCursorScreenPos(cell);
            fitted_text(customer);
            ImGui::TableNextColumn();
            const bool marked = check && check->has_error[index];
            const float marker = ImGui::CalcTextSize("(!)").x + ImGui::GetStyle().ItemSpacing.x;
            fitted_text(r.title, nullptr, ImGui::GetContentRegionAvail().x - (marked ? marker : 0));
            if (marked) {
                ImGui::SameLine();
                ImGui::TextColored(severity_colour(Severity::Error), "(!)");
                note_item_box_for_locator("(!) " + r.id);
                if (ImGui::IsItemHovered() && begin_wrapped_tooltip()) {
                    findings_list(findings_of(*check, refs, index));
                    end_wrapped_tooltip();
                }
            }
            ImGui::TableNextColumn();
            const ImVec4 status = status_colour(r.status);
            fitted_text(to_label(r.status), &status);
            ImGui::TableNextColumn();
            fitted_text(to_label(r.asset_type));
            ImGui::TableNextColumn();
            fitted_text(r.channel == Channel::AcePipelineManager ? "ACE"
                                                                 : "Public References Tool");
            ImGui::TableNextColumn();
            // A grade not yet checked costs about 25 microseconds: a narrowing key can bring
            // 30 new rows at once, so those past the frame's budget wait for the next frame.
            const bool may_check = frame_work_budget_ms() > 0;
            const auto grade = ws.known_title_grade(index, may_check);
            if (!grade && !may_check && ws.title_lookup_ready()) grades_waiting = true;
            if (grade) {
                const std::string grade_text =
                    std::string(to_string(grade->grade)) + " " + std::to_string(grade->score);
                const ImVec4 grade_tint = grade_colour(grade->grade);
                fitted_text(grade_text, &grade_tint);
            } else {
                ImGui::TextDisabled("..."); // until title_lookup_within is done
            }
            ImGui::TableNextColumn();
            date_cell(r.submitted_on);
            ImGui::TableNextColumn();
            date_cell(r.decided_on);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    if (grades_waiting) platform::request_frames(1);
}

// Ctrl+C with no field edited copies the selected row (the one open in the editor, else the
// one with keyboard focus) as a Markdown line.
static void copy_selected_row(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !io.KeyCtrl || !ImGui::IsKeyPressed(ImGuiKey_C, false)) return;
    const std::string& id = app.editor.open && !app.editor.is_new ? app.selected_id : g_focused_row;
    if (const auto index = app.workspace.find_reference(id))
        copy(app, reference_markdown_line(app.workspace.document().references[*index]),
             "a Markdown line");
}

void draw_references_view(App& app) {
    Workspace& ws = app.workspace;
    copy_selected_row(app);
    draw_toolbar(app);
    const auto& rows = ws.query_rows(app.query, frame_work_budget_ms());
    const DocumentCheck* check = ws.reference_check_within(frame_work_budget_ms());
    if (ws.query_pending()) {
        ImGui::SameLine();
        work_progress_note(ws.query_sorting() ? "Sorting" : "Filtering", ws.query_progress());
    } else {
        const std::string shown = std::to_string(rows.size()) + " of " +
                                  std::to_string(ws.document().references.size()) + " shown";
        same_line_if_fits(ImGui::CalcTextSize(shown.c_str()).x);
        ImGui::TextDisabled("%s", shown.c_str());
        note_item_box_for_locator("rows shown");
    }
    if (!check) {
        ImGui::SameLine();
        work_progress_note("Checking references", ws.reference_check_progress());
    }

    // In a narrow window (presentation mode on a small screen) the editor takes the whole width
    // while it is open: beside the table its fields would be a few letters wide.
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool editor_only = app.editor.open && avail < em(40);
    const float editor_width = app.editor.open ? (editor_only ? avail : avail * 0.42f) : 0;
    if (!editor_only) {
        ImGui::BeginChild("##table", ImVec2(app.editor.open ? -editor_width - 8 : 0, 0));
        if (app.workspace.document().references.empty()) {
            ImGui::Spacing();
            ImGui::TextWrapped(
                "No references yet. Add one with \"+ New reference\", or import a "
                "file from File > Import JSON (you can also drop a .json file on the page).");
        } else {
            draw_table(app, rows, check);
        }
        ImGui::EndChild();
    }
    if (app.editor.open) {
        if (!editor_only) ImGui::SameLine();
        ImGui::BeginChild("##editor", ImVec2(0, 0), true);
        draw_reference_editor(app);
        ImGui::EndChild();
    }
}

} // namespace reftier::app
