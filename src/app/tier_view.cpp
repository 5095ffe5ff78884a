// Tier progress: a bar per tier (approved, pending, missing), the current tier, when the next
// one is expected, each pending reference's expected decision date, and what does not count.
#include <cstdio>

#include <imgui.h>

#include "app/app.h"
#include "app/widgets.h"
#include "core/model/date.h"

namespace reftier::app {

static const char* not_counted_text(NotCounted reason) {
    switch (reason) {
    case NotCounted::Draft:
        return "draft, not submitted yet";
    case NotCounted::Rejected:
        return "rejected by the reviewer";
    case NotCounted::Duplicate:
        return "duplicate of another reference";
    case NotCounted::NotQualifying:
        return "has errors the reviewer would reject";
    }
    return "";
}

static void draw_tier_bar(const TierStatus& tier) {
    ImGui::Text("%s", tier.name.c_str());
    ImGui::SameLine(em(9));
    if (!tier.required) {
        ImGui::TextDisabled("not available on this path");
        return;
    }
    char overlay[160];
    if (tier.reached) {
        std::snprintf(overlay, sizeof overlay, "Reached: %d approved of %d required", tier.approved,
                      *tier.required);
    } else {
        const std::string expected =
            tier.expected_date ? ", expected " + format_iso_date(*tier.expected_date) : "";
        std::snprintf(overlay, sizeof overlay, "%d approved, %d pending, %d missing of %d%s",
                      tier.approved, tier.pending, tier.missing, *tier.required, expected.c_str());
    }
    const int total = std::max(*tier.required, 1);
    const int approved = std::min(tier.approved, total);
    const int pending = std::min(tier.pending, total - approved);
    const int counts[2] = {approved, pending};
    const ImVec4 colours[2] = {status_colour(Status::Approved), status_colour(Status::Submitted)};
    segmented_bar(counts, colours, 2, total, ImGui::GetTextLineHeight() * 1.5f, overlay);
}

void draw_tier_view(App& app) {
    Workspace& ws = app.workspace;
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

    ImGui::Text("Rule set: %s", rules->name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(change it in Partner > Rule set)");
    ImGui::Spacing();
    ImGui::Text("Current tier: %s", p.current_tier.c_str());
    if (p.next_tier) {
        ImGui::SameLine(0, em(1.5f));
        if (p.next_tier_expected)
            ImGui::Text("Next: %s, expected %s if pending references are approved on time",
                        p.next_tier->c_str(), format_iso_date(*p.next_tier_expected).c_str());
        else
            ImGui::Text("Next: %s, needs more references than are pending", p.next_tier->c_str());
    }
    ImGui::Text("%d approved now, %d pending review", p.approved, p.pending);
    ImGui::Separator();
    for (const TierStatus& tier : p.tiers) draw_tier_bar(tier);

    ImGui::Spacing();
    ImGui::SeparatorText("Pending review (Public References Tool, 5 business days)");
    if (p.pending_references.empty()) ImGui::TextDisabled("Nothing pending.");
    for (const PendingReference& pending : p.pending_references) {
        const Reference& r = refs[pending.index];
        ImGui::TextColored(
            pending.overdue ? status_colour(Status::Rejected) : status_colour(Status::Submitted),
            "%s%s", format_iso_date(pending.expected).c_str(), pending.overdue ? " (overdue)" : "");
        ImGui::SameLine(em(10.5f));
        ImGui::Text("%s: %s", r.customer.c_str(), r.title.c_str());
    }

    ImGui::Spacing();
    ImGui::SeparatorText("Not counted");
    if (p.excluded.empty()) ImGui::TextDisabled("Every reference counts.");
    for (const ExcludedReference& excluded : p.excluded) {
        const Reference& r = refs[excluded.index];
        ImGui::Text("%s  %s: %s", r.id.c_str(), r.customer.c_str(), r.title.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", not_counted_text(excluded.reason));
    }
}

} // namespace reftier::app
