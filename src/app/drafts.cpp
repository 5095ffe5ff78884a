// Editor drafts: opening a record into the reference or account editor, saving the draft
// through the Workspace (which refuses what would not read back), and the question asked
// before an unsaved draft would be dropped by opening another row or Alt+N (issue 17).
#include <imgui.h>

#include "app/app.h"
#include "app/widgets.h"
#include "core/checks/account_check.h"
#include "core/model/date.h"
#include "core/model/reference_name.h"
#include "core/text/name_list.h"

namespace reftier::app {

static std::string date_text(const std::optional<Date>& date) {
    return date ? format_iso_date(*date) : std::string();
}

Reference edited_reference(const ReferenceEditor& e) {
    Reference r = e.draft;
    r.services = split_names(e.services_text, ',');
    return r;
}

Account edited_account(const AccountEditor& e) {
    Account a = e.draft;
    a.parent = parent_to_keep(a.role, e.parent_text);
    return a;
}

bool reference_draft_changed(const App& app) {
    const ReferenceEditor& e = app.editor;
    // A date typed but not yet a real date is a change too.
    return e.open && (!(edited_reference(e) == e.opened) ||
                      e.submitted_text != date_text(e.opened.submitted_on) ||
                      e.decided_text != date_text(e.opened.decided_on));
}

bool account_draft_changed(const App& app) {
    const AccountEditor& e = app.account_editor;
    return e.open && !(edited_account(e) == e.opened);
}

static void start_reference_editor(App& app, const Reference& reference, bool is_new) {
    ReferenceEditor& e = app.editor;
    e = ReferenceEditor{};
    e.open = true;
    e.is_new = is_new;
    e.draft = reference;
    e.opened = reference;
    e.services_text = join_names(reference.services, ',');
    e.submitted_text = date_text(reference.submitted_on);
    e.decided_text = date_text(reference.decided_on);
    if (!is_new) app.selected_id = reference.id;
}

static void start_account_editor(App& app, const Account* account) {
    AccountEditor& e = app.account_editor;
    e = AccountEditor{};
    e.open = true;
    if (account) {
        e.original_id = account->id;
        e.draft = *account;
        e.parent_text = account->parent.value_or("");
    }
    e.opened = edited_account(e);
}

// Does what was asked, now that no draft stands in the way.
static void open_now(App& app, const PendingOpen& open) {
    switch (open.kind) {
    case PendingOpen::Kind::Reference:
        if (const auto index = app.workspace.find_reference(open.id))
            start_reference_editor(app, app.workspace.document().references[*index], false);
        break;
    case PendingOpen::Kind::NewReference: {
        Reference fresh;
        fresh.id = next_reference_id(app.workspace.document());
        start_reference_editor(app, fresh, true);
        app.editor.focus_first_field = true; // typing goes to Customer at once
        app.switch_to = View::References;
        break;
    }
    case PendingOpen::Kind::Account: {
        const auto& accounts = app.workspace.document().accounts;
        const Account* account = nullptr;
        for (const Account& a : accounts)
            if (a.id == open.id && !open.id.empty()) account = &a;
        start_account_editor(app, account);
        break;
    }
    }
}

static void ask_or_open(App& app, PendingOpen open, bool draft_changed) {
    if (draft_changed)
        app.pending_open = std::move(open);
    else
        open_now(app, open);
}

void open_reference(App& app, const Reference& reference) {
    if (app.editor.open && !app.editor.is_new && app.editor.draft.id == reference.id) return;
    ask_or_open(app, {PendingOpen::Kind::Reference, reference.id}, reference_draft_changed(app));
}

void new_reference(App& app) {
    ask_or_open(app, {PendingOpen::Kind::NewReference, ""}, reference_draft_changed(app));
}

void open_account(App& app, const Account* account) {
    const std::string id = account ? account->id : "";
    if (account && app.account_editor.open && app.account_editor.original_id == id) return;
    ask_or_open(app, {PendingOpen::Kind::Account, id}, account_draft_changed(app));
}

bool save_reference_draft(App& app) {
    ReferenceEditor& e = app.editor;
    const Reference reference = edited_reference(e);
    const EditResult result = app.workspace.upsert_reference(reference);
    if (!result.refused.empty()) {
        e.save_error = result.message();
        return false;
    }
    app.selected_id = reference.id;
    show_toast(app, (e.is_new ? "Added " : "Saved ") + reference_name(reference));
    e = ReferenceEditor{};
    return true;
}

bool save_account_draft(App& app) {
    AccountEditor& e = app.account_editor;
    const Account account = edited_account(e);
    const EditResult result = app.workspace.upsert_account(account, e.original_id);
    if (!result.refused.empty()) {
        e.save_error = result.message();
        return false;
    }
    show_toast(app, "Saved account " + account_name(account));
    e = AccountEditor{};
    return true;
}

void draw_draft_dialog(App& app) {
    const char* title = "Unsaved changes";
    if (app.pending_open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const bool account = app.pending_open && app.pending_open->kind == PendingOpen::Kind::Account;
    const std::string what =
        account ? "account " + app.account_editor.draft.id : "reference " + app.editor.draft.id;
    ImGui::Text("Your changes to %s are not saved.", what.c_str());
    ImGui::Spacing();
    bool close = false;
    if (ImGui::Button("Save changes")) {
        const bool saved = account ? save_account_draft(app) : save_reference_draft(app);
        if (saved && app.pending_open) open_now(app, *app.pending_open);
        close = true; // a refused save stays in its editor, which says why
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) {
        if (app.pending_open) open_now(app, *app.pending_open);
        close = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep editing") || ImGui::IsKeyPressed(ImGuiKey_Escape)) close = true;
    if (close || !app.pending_open) {
        app.pending_open.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace reftier::app
