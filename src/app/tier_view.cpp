// Tier progress: the rule set and where its numbers come from, the current tier and what holds
// the next one back, a bar per tier with each of its requirements, each pending reference's
// expected decision date with advice for late ones, and what does not count. Every sentence is
// the core's (progress_text); this view only lays them out.
#include <imgui.h>

#include "app/app.h"
#include "app/widgets.h"
#include "core/model/date.h"
#include "core/model/reference_name.h"
#include "core/progress/progress_text.h"

namespace reftier::app {

static ImVec4 met_colour(bool met) {
    return met ? status_colour(Status::Approved) : status_colour(Status::Submitted);
}

static void draw_tier(const TierStatus& tier) {
    ImGui::PushID(tier.name.c_str());
    // A reached tier's name is green and says so when hovered; the line holds the figures.
    if (tier.reached)
        ImGui::TextColored(status_colour(Status::Approved), "%s", tier.name.c_str());
    else
        ImGui::TextUnformatted(tier.name.c_str());
    if (tier.reached && ImGui::IsItemHovered()) ImGui::SetTooltip("Reached");
    same_line_at(em(9));
    const std::string overlay = references_text(tier);
    if (!tier.required || *tier.required == 0) {
        ImGui::TextDisabled("%s", overlay.c_str());
    } else {
        const int total = *tier.required;
        const int approved = std::min(tier.approved, total);
        const int pending = std::min(tier.pending, total - approved);
        const int counts[2] = {approved, pending};
        const ImVec4 colours[2] = {status_colour(Status::Approved),
                                   status_colour(Status::Submitted)};
        segmented_bar(counts, colours, 2, total, ImGui::GetTextLineHeight() * 1.5f,
                      overlay.c_str());
    }
    for (const RequirementStatus& requirement : tier.requirements) {
        ImGui::SetCursorPosX(em(9));
        ImGui::TextColored(met_colour(requirement.met), "%s", requirement.met ? "met" : "open");
        same_line_at(em(12));
        ImGui::TextUnformatted(requirement_text(requirement).c_str());
    }
    ImGui::PopID();
}

static void draw_rule_set_header(App& app, const RuleSet& rules) {
    Workspace& ws = app.workspace;
    const bool own = find_rule_set(ws.document().rule_sets, rules.id) != nullptr;
    ImGui::Text("Rule set: %s", rules.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled(own ? "(your own)" : "(change it in Partner > Rule set)");
    if (ImGui::Button(own ? "Edit my rule set..." : "Copy my scorecard..."))
        open_scorecard_editor(app, ScorecardEditor::Mode::RuleSet);
    ImGui::SameLine();
    if (ImGui::Button("Enter scorecard figures..."))
        open_scorecard_editor(app, ScorecardEditor::Mode::Figures);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", source_text(rules).c_str());
    if (const auto mismatch = path_mismatch_text(ws.document().partner, rules))
        ImGui::TextColored(severity_colour(Severity::Warning), "%s", mismatch->c_str());
    ImGui::PopTextWrapPos();
}

static void draw_pending(App& app, const RuleSet& rules, const TierProgress& p) {
    const auto& refs = app.workspace.document().references;
    ImGui::Spacing();
    ImGui::SeparatorText(pending_heading(rules).c_str());
    if (p.pending_references.empty()) ImGui::TextDisabled("Nothing pending.");
    for (const PendingReference& pending : p.pending_references) {
        const Reference& r = refs[pending.index];
        ImGui::TextColored(
            pending.overdue ? status_colour(Status::Rejected) : status_colour(Status::Submitted),
            "%s%s", format_iso_date(pending.expected).c_str(), pending.overdue ? " (overdue)" : "");
        same_line_at(em(10.5f));
        fitted_text(r.customer + ": " + r.title);
    }
    if (const auto advice = overdue_advice(p, rules)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(severity_colour(Severity::Warning), "%s", advice->c_str());
        ImGui::PopTextWrapPos();
    }
}

void draw_tier_view(App& app) {
    Workspace& ws = app.workspace;
    if (app.scorecard.open) {
        draw_scorecard_editor(app);
        return;
    }
    const RuleSet* rules = ws.active_rule_set();
    if (!rules) {
        ImGui::TextWrapped("No tier rule set is loaded.");
        return;
    }
    // Progress counts only references without errors or duplicates, so it waits for the checks.
    if (!ws.reference_check_within(frame_work_budget_ms())) {
        work_progress_note("Checking references", ws.reference_check_progress());
        return;
    }
    const TierProgress& p = ws.tier_progress(today());
    const auto& refs = ws.document().references;

    draw_rule_set_header(app, *rules);
    if (app.scorecard.open) return; // a button above opened the editor: drawn next frame
    ImGui::Spacing();
    ImGui::Text("Current tier: %s", p.current_tier.empty() ? "none" : p.current_tier.c_str());
    ImGui::SameLine(0, em(1.5f));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(next_tier_text(p).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Text("%d approved now, %d pending review", p.approved, p.pending);
    ImGui::Separator();
    for (const TierStatus& tier : p.tiers) draw_tier(tier);

    draw_pending(app, *rules, p);

    ImGui::Spacing();
    ImGui::SeparatorText("Not counted");
    if (p.excluded.empty()) ImGui::TextDisabled("Every reference counts.");
    for (const ExcludedReference& excluded : p.excluded) {
        const Reference& r = refs[excluded.index];
        const std::string reason = "(" + not_counted_text(excluded.reason) + ")";
        const float reason_width = ImGui::CalcTextSize(reason.c_str()).x;
        fitted_text(reference_name(r), nullptr,
                    ImGui::GetContentRegionAvail().x - reason_width -
                        ImGui::GetStyle().ItemSpacing.x);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", reason.c_str());
    }
}

} // namespace reftier::app
