// Accounts: the Partner Central tree (linked management account, its Organization and members,
// other accounts), each account's state in words and colour, the fix beside each problem, a
// summary line, and an editor to add, change and remove accounts.
#include <imgui.h>

#include "app/app.h"
#include "app/widgets.h"
#include "core/format/storable.h"
#include "core/model/reference_name.h"

namespace reftier::app {

static ImVec4 state_colour(AccountState state) {
    switch (state) {
    case AccountState::LinkedEarning:
        return status_colour(Status::Approved);
    case AccountState::LinkedIdle:
        return severity_colour(Severity::Tip);
    case AccountState::NotLinkedLosing:
        return status_colour(Status::Rejected);
    case AccountState::NotNeeded:
        return status_colour(Status::Draft);
    }
    return ImVec4(1, 1, 1, 1);
}

// `state_x`: where the state column starts, the same for every depth of the tree.
static void draw_node(App& app, const AccountReport& report, const AccountTreeNode& node,
                      float state_x) {
    const auto& accounts = app.workspace.document().accounts;
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (node.children.empty()) flags |= ImGuiTreeNodeFlags_Leaf;
    if (node.kind != AccountTreeNode::Kind::Account) {
        if (ImGui::TreeNodeEx(node.label.c_str(), flags)) {
            for (const auto& child : node.children) draw_node(app, report, child, state_x);
            ImGui::TreePop();
        }
        return;
    }
    const auto index = static_cast<std::size_t>(node.account_index);
    const Account& account = accounts[index];
    const AccountStatus& status = report.accounts[index];
    ImGui::PushID(static_cast<int>(index));
    const bool selected = app.account_editor.open && app.account_editor.original_id == account.id;
    if (selected) flags |= ImGuiTreeNodeFlags_Selected;
    // The id and name end with an ellipsis before the state column: a long name ran into
    // its state (issue 18).
    const std::string label = account.id + "  " + account.name;
    const bool open = ImGui::TreeNodeEx("##account", flags | ImGuiTreeNodeFlags_AllowOverlap);
    note_item_for_locator(label.c_str());
    if (ImGui::IsItemClicked()) open_account(app, &account);
    ImGui::SameLine();
    const float name_room = state_x - ImGui::GetCursorPosX() - ImGui::GetStyle().ItemSpacing.x;
    fitted_text(label, nullptr, name_room);
    note_item_box_for_locator("name of " + account.id);
    ImGui::SameLine(state_x);
    const ImVec4 state = state_colour(status.state);
    fitted_text(describe(status.state), &state);
    note_item_box_for_locator("state of " + account.id);
    if (!status.fix.empty()) {
        ImGui::Indent(em(1.8f));
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(status_colour(Status::Submitted), "Fix: %s", status.fix.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent(em(1.8f));
    }
    if (open) {
        for (const auto& child : node.children) draw_node(app, report, child, state_x);
        ImGui::TreePop();
    }
    ImGui::PopID();
}

static void draw_account_editor(App& app) {
    AccountEditor& e = app.account_editor;
    Account& d = e.draft;
    ImGui::Text("%s", e.original_id.empty() ? "New account" : "Edit account");
    ImGui::Separator();
    const std::size_t line = max_stored_bytes(StoredText::Line);
    ImGui::SetNextItemWidth(-em(8));
    text_field("Account id", &d.id, line, "12 digits", TextKind::Name,
               ImGuiInputTextFlags_CharsDecimal);
    ImGui::SetNextItemWidth(-em(8));
    text_field("Name", &d.name, line);
    enum_combo("Role", &d.role, -em(8));
    if (d.role == AccountRole::Member) {
        // A choice among the document's management accounts, not a 12-digit id typed by hand.
        const auto& accounts = app.workspace.document().accounts;
        std::string shown = e.parent_text.empty() ? "(choose its Organization)" : e.parent_text;
        for (const Account& a : accounts)
            if (a.role == AccountRole::Management && a.id == e.parent_text) shown = account_name(a);
        ImGui::SetNextItemWidth(-em(8));
        const bool open = ImGui::BeginCombo("Management", shown.c_str());
        if (!open) note_item_for_locator("Management");
        if (open) {
            bool any = false;
            for (const Account& a : accounts) {
                if (a.role != AccountRole::Management) continue;
                any = true;
                if (ImGui::Selectable(account_name(a).c_str(), a.id == e.parent_text))
                    e.parent_text = a.id;
            }
            if (!any) ImGui::TextDisabled("No management account yet: add it first.");
            ImGui::EndCombo();
        }
    }
    ImGui::Checkbox("Linked to Partner Central", &d.linked);
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Linked means the primary AWS account of your Partner Central account, or "
            "a subsidiary account connection requested by its 12-digit id.");
    ImGui::Checkbox("Runs partner activity", &d.partner_activity);
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Customer engagements, SaaS, Marketplace listings or workloads that "
                          "qualify for APN programs.");
    ImGui::Separator();
    if (ImGui::Button(e.original_id.empty() ? "Add account" : "Save")) {
        if (!save_account_draft(app)) return; // refused: the editor stays, with the reason
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) e = AccountEditor{};
    if (!e.original_id.empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Remove")) {
            app.workspace.remove_account(e.original_id);
            show_toast(app, "Removed account " + account_name(d) + " (Ctrl+Z to undo)");
            e = AccountEditor{};
        }
    }
    if (!e.save_error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(severity_colour(Severity::Error), "Not saved: %s", e.save_error.c_str());
        ImGui::PopTextWrapPos();
    }
}

void draw_accounts_view(App& app) {
    const AccountReport& report = app.workspace.account_report();
    if (ImGui::Button("+ Add account")) open_account(app, nullptr);
    ImGui::SameLine();
    const bool all_earn = report.with_activity_earning == report.with_activity;
    ImGui::TextColored(all_earn ? status_colour(Status::Approved) : status_colour(Status::Rejected),
                       "%d of %d accounts with partner activity earn APN points",
                       report.with_activity_earning, report.with_activity);
    ImGui::PushTextWrapPos(0); // wrapped at the window's width, also in presentation mode
    ImGui::TextDisabled("Only accounts linked to Partner Central one by one earn points: linking "
                        "an Organization's management account does not cover its members.");
    ImGui::PopTextWrapPos();

    const float editor_width =
        app.account_editor.open ? ImGui::GetContentRegionAvail().x * 0.38f : 0;
    ImGui::BeginChild("##tree", ImVec2(app.account_editor.open ? -editor_width - 8 : 0, 0));
    if (app.workspace.document().accounts.empty())
        ImGui::TextWrapped("No accounts yet. Add the AWS accounts your Partner Central account "
                           "links, and those that run partner activity.");
    else
        draw_node(app, report, report.tree,
                  ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x * 0.5f);
    std::vector<const Finding*> errors;
    for (const Finding& f : report.findings)
        if (f.severity == Severity::Error) errors.push_back(&f);
    if (!errors.empty()) {
        ImGui::SeparatorText("Problems in the account list");
        for (const Finding* f : errors) {
            ImGui::TextColored(severity_colour(f->severity), "%s", f->path.c_str());
            ImGui::SameLine();
            ImGui::TextWrapped("%s", f->message.c_str());
        }
    }
    ImGui::EndChild();
    if (app.account_editor.open) {
        ImGui::SameLine();
        ImGui::BeginChild("##account_editor", ImVec2(0, 0), true);
        draw_account_editor(app);
        ImGui::EndChild();
    }
}

} // namespace reftier::app
