// The reference editor: every field, the live title check beside the title (score, grade,
// findings, suggested rewrite), the record's own findings, and save / cancel / delete.
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/app.h"
#include "app/item_locator.h"
#include "app/text_agent_bridge.h"
#include "app/widgets.h"
#include "core/checks/url_check.h"
#include "core/format/storable.h"
#include "core/model/reference_name.h"
#include "platform/browser.h"

namespace reftier::app {

// A single-line field of the record, at the reader's limit for it.
static void line_field(const char* label, std::string* value, const char* hint, TextKind kind) {
    ImGui::SetNextItemWidth(-em(7.3f));
    text_field(label, value, max_stored_bytes(StoredText::Line), hint, kind);
}

static void draw_title_check(App& app, const TitleReport& report) {
    ReferenceEditor& e = app.editor;
    char overlay[48];
    std::snprintf(overlay, sizeof overlay, "Title %s: %d / 100", to_string(report.grade).data(),
                  report.score);
    const ImVec4 colour = grade_colour(report.grade);
    segmented_bar(&report.score, &colour, 1, 100, ImGui::GetTextLineHeight() * 1.3f, overlay);
    note_item_box_for_locator("title check");
    // The suggestion comes before the findings: the box has a fixed height, and the one-click
    // fix should not be the part scrolled out of view.
    if (!report.suggestion.empty() && report.suggestion != e.draft.title) {
        ImGui::TextDisabled("Suggested title, from this record's own fields:");
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(report.suggestion.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::SmallButton("Use suggested title")) e.draft.title = report.suggestion;
        ImGui::Spacing();
    }
    findings_list(report.findings);
}

// What the reader would refuse in this record (a javascript: URL, a control character, an
// over-long service): saving it would leave a stored document that cannot be opened again, so
// these are listed at the end of the fields and Save stays disabled.
static bool draw_refusals(const ReferenceEditor& e) {
    const std::vector<ReadError> refused = storable_problems(edited_reference(e));
    for (const ReadError& r : refused) {
        const std::string field =
            r.path.substr(r.path.find('.') == std::string::npos ? 0 : r.path.find('.') + 1);
        ImGui::TextColored(severity_colour(Severity::Error), "Cannot save: %s: %s", field.c_str(),
                           r.message.c_str());
    }
    return refused.empty();
}

// The buttons, always in view below the fields. `submit`: Enter was pressed in one of the
// editor's one-line fields, the same as the button. A new reference nothing was typed into
// is not added: its problems are shown instead.
static void draw_actions(App& app, bool can_save, bool submit, bool untouched) {
    ReferenceEditor& e = app.editor;
    ImGui::Separator();
    ImGui::BeginDisabled(!can_save);
    if (ImGui::Button(e.is_new ? "Add reference" : "Save") || (submit && can_save)) {
        if (untouched)
            e.tried_save = true;
        else
            save_reference_draft(app);
    }
    ImGui::EndDisabled();
    if (!e.save_error.empty())
        ImGui::TextColored(severity_colour(Severity::Error), "Not saved: %s", e.save_error.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) e = ReferenceEditor{};
    if (!e.is_new) {
        ImGui::SameLine();
        if (ImGui::Button("Delete...")) ImGui::OpenPopup("Delete reference?");
    }
    center_next_window();
    if (ImGui::BeginPopupModal("Delete reference?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Delete %s? You can undo this with Ctrl+Z.", reference_name(e.draft).c_str());
        if (ImGui::Button("Delete")) {
            app.workspace.remove_reference(e.draft.id);
            show_toast(app, "Deleted " + reference_name(e.draft));
            e = ReferenceEditor{};
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void draw_reference_editor(App& app) {
    ReferenceEditor& e = app.editor;
    Reference& d = e.draft;
    if (e.is_new)
        ImGui::TextUnformatted("New reference");
    else
        fitted_text("Edit " + reference_name(d));
    ImGui::Separator();
    // The fields scroll above the buttons, which stay in view on a small screen.
    ImGui::BeginChild("##fields", ImVec2(0, -(ImGui::GetFrameHeightWithSpacing() +
                                              ImGui::GetStyle().ItemSpacing.y)));
    // Nothing typed yet in a new reference: no findings until the user types or tries to add it
    // (issue 18: an empty form opened with four red errors).
    Reference blank;
    blank.id = d.id;
    const bool untouched = e.is_new && !e.tried_save && d == blank && e.services_text.empty() &&
                           e.submitted_text.empty() && e.decided_text.empty();
    // Enter in a one-line field saves, as in a web form; in Notes it starts a new line. The
    // field active in the last frame is still ActiveId here, before this frame's fields run.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool submit = ImGui::GetActiveID() != 0 &&
                        g.ActiveIdWindow == ImGui::GetCurrentWindow() &&
                        ImGui::GetActiveID() != ImGui::GetID("Notes") &&
                        (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
                         ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));
    if (e.focus_first_field) {
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
        e.focus_first_field = false;
    }

    line_field("Customer", &d.customer, "the AWS customer, by name", TextKind::Name);
    line_field("Title", &d.title, "e.g. Serverless Order Processing Cuts Cost in Retail",
               TextKind::Prose);
    if (ImGui::IsItemActivated() || ImGui::IsItemEdited()) platform::request_frames(2);
    // The services as typed so far count, as they will once saved.
    const TitleReport& report = app.workspace.check_draft_title(edited_reference(e));
    // The check keeps a fixed height (it scrolls inside when long), so the fields below do not
    // move while findings come and go as the title is typed (issue 18).
    const float check_height = ImGui::GetTextLineHeight() * 1.3f +
                               ImGui::GetTextLineHeightWithSpacing() * 5.5f +
                               ImGui::GetFrameHeight();
    ImGui::Indent();
    ImGui::BeginChild("##title_check", ImVec2(0, check_height));
    if (!untouched) draw_title_check(app, report);
    ImGui::EndChild();
    ImGui::Unindent();

    line_field("URL", &d.url, "https://...", TextKind::Url);
    if (!d.url.empty() && is_safe_to_open(d.url)) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Open")) platform::open_url(d.url);
    }
    enum_combo("Asset type", &d.asset_type, -em(7.3f));
    line_field("Workload", &d.workload, "the AWS-based workload delivered", TextKind::Prose);
    line_field("AWS services", &e.services_text, "comma separated, e.g. Lambda, DynamoDB",
               TextKind::List);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Separate names with commas; write a name that holds a comma in "
                          "double quotes: \"Amazon EC2, Spot\", Lambda");
    line_field("Industry", &d.industry, "e.g. Retail", TextKind::Name);
    enum_combo("Channel", &d.channel, -em(7.3f));
    enum_combo("Status", &d.status, -em(7.3f));
    bool submitted_valid = true, decided_valid = true;
    date_field("Submitted on", &e.submitted_text, &d.submitted_on, &submitted_valid);
    date_field("Decided on", &e.decided_text, &d.decided_on, &decided_valid);
    ImGui::SetNextItemWidth(-em(7.3f));
    text_field("Notes", &d.notes, max_stored_bytes(StoredText::Notes), nullptr, TextKind::Notes);

    const std::vector<Finding>& findings = app.workspace.check_draft_reference(edited_reference(e));
    if (!findings.empty() && !untouched) {
        ImGui::Spacing();
        ImGui::TextDisabled("What the reviewer will look for:");
        findings_list(findings);
    }
    const bool storable = draw_refusals(e);
    ImGui::EndChild();
    draw_actions(app, submitted_valid && decided_valid && storable, submit, untouched);
}

} // namespace reftier::app
