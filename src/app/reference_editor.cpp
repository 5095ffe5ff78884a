// The reference editor: every field, the live title check beside the title (score, grade,
// findings, suggested rewrite), the record's own findings, and save / cancel / delete.
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/app.h"
#include "app/item_locator.h"
#include "app/text_agent_bridge.h"
#include "app/widgets.h"
#include "core/checks/url_check.h"
#include "core/model/reference_name.h"
#include "platform/browser.h"

namespace reftier::app {

static std::vector<std::string> split_services(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        const auto first = current.find_first_not_of(' ');
        const auto last = current.find_last_not_of(' ');
        if (first != std::string::npos) out.push_back(current.substr(first, last - first + 1));
        current.clear();
    };
    for (char c : text) {
        if (c == ',')
            flush();
        else
            current.push_back(c);
    }
    flush();
    return out;
}

static void text_field(const char* label, std::string* value, const char* hint, TextKind kind) {
    ImGui::SetNextItemWidth(-em(7.3f));
    ImGui::InputTextWithHint(label, hint, value);
    declare_text_kind(kind);
}

static void draw_title_check(App& app, const TitleReport& report) {
    ReferenceEditor& e = app.editor;
    char overlay[48];
    std::snprintf(overlay, sizeof overlay, "Title %s: %d / 100", to_string(report.grade).data(),
                  report.score);
    const ImVec4 colour = grade_colour(report.grade);
    segmented_bar(&report.score, &colour, 1, 100, ImGui::GetTextLineHeight() * 1.3f, overlay);
    note_item_box_for_locator("title check");
    findings_list(report.findings);
    if (!report.suggestion.empty() && report.suggestion != e.draft.title) {
        ImGui::Spacing();
        ImGui::TextDisabled("Suggested title, from this record's own fields:");
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(report.suggestion.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::SmallButton("Use suggested title")) e.draft.title = report.suggestion;
    }
}

// What the document reader would refuse in this record (a javascript: URL, a control
// character, an over-long field): saving it would leave a stored document that cannot be
// opened again, so the editor shows these and keeps Save disabled.
static std::vector<ReadError> unstorable(const Reference& draft) {
    Document probe;
    probe.references.push_back(draft);
    return read_document(write_document(probe, -1)).errors;
}

// What the reader would refuse, listed at the end of the fields; saving stays disabled.
static bool draw_refusals(const ReferenceEditor& e) {
    Reference checked = e.draft;
    checked.services = split_services(e.services_text);
    const std::vector<ReadError> refused = unstorable(checked);
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
        if (untouched) {
            e.tried_save = true;
        } else {
            e.draft.services = split_services(e.services_text);
            app.workspace.upsert_reference(e.draft);
            app.selected_id = e.draft.id;
            show_toast(app, (e.is_new ? "Added " : "Saved ") + reference_name(e.draft));
            e = ReferenceEditor{};
        }
    }
    ImGui::EndDisabled();
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

    text_field("Customer", &d.customer, "the AWS customer, by name", TextKind::Name);
    text_field("Title", &d.title, "e.g. Serverless Order Processing Cuts Cost in Retail",
               TextKind::Prose);
    if (ImGui::IsItemActivated() || ImGui::IsItemEdited()) platform::request_frames(2);
    // The services as typed so far count, as they will once saved.
    Reference checked = d;
    checked.services = split_services(e.services_text);
    const TitleReport& report = app.workspace.check_draft_title(checked);
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

    text_field("URL", &d.url, "https://...", TextKind::Url);
    if (!d.url.empty() && is_safe_to_open(d.url)) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Open")) platform::open_url(d.url);
    }
    enum_combo("Asset type", &d.asset_type, -em(7.3f));
    text_field("Workload", &d.workload, "the AWS-based workload delivered", TextKind::Prose);
    text_field("AWS services", &e.services_text, "comma separated, e.g. Lambda, DynamoDB",
               TextKind::List);
    text_field("Industry", &d.industry, "e.g. Retail", TextKind::Name);
    enum_combo("Channel", &d.channel, -em(7.3f));
    enum_combo("Status", &d.status, -em(7.3f));
    bool submitted_valid = true, decided_valid = true;
    date_field("Submitted on", &e.submitted_text, &d.submitted_on, &submitted_valid);
    date_field("Decided on", &e.decided_text, &d.decided_on, &decided_valid);
    ImGui::SetNextItemWidth(-em(7.3f));
    ImGui::InputTextMultiline("Notes", &d.notes, ImVec2(-em(7.3f), ImGui::GetTextLineHeight() * 3));
    declare_text_kind(TextKind::Notes);

    checked = d;
    checked.services = split_services(e.services_text);
    const std::vector<Finding>& findings = app.workspace.check_draft_reference(checked);
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
