// "Copy my scorecard" and "Enter scorecard figures": the partner's own rule set, started from a
// shipped one (each tier's reference count and requirements editable), and the figures of their
// Partner Scorecard, saved together as one undo step. The reader's own rules say what may be
// saved (rule_set_problems): this view shows them and keeps Save disabled until they pass.
#include <charconv>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/app.h"
#include "app/widgets.h"
#include "core/format/storable.h"
#include "core/progress/progress_text.h"

namespace reftier::app {

// The requirement ids of the draft's tiers, in the order met, each with its typed figure: one
// already typed stays, a new one starts from the partner's scorecard.
static void sync_figures(ScorecardEditor& e, const Scorecard& scorecard) {
    std::vector<std::pair<std::string, std::string>> figures;
    for (const TierRule& tier : e.draft.tiers) {
        for (const TierRequirement& requirement : tier.requirements) {
            const auto listed = std::find_if(figures.begin(), figures.end(), [&](const auto& f) {
                return f.first == requirement.id;
            });
            if (listed != figures.end()) continue;
            const auto typed = std::find_if(e.figures.begin(), e.figures.end(), [&](const auto& f) {
                return f.first == requirement.id;
            });
            const auto stored = scorecard.find(requirement.id);
            figures.emplace_back(requirement.id, typed != e.figures.end() ? typed->second
                                                 : stored != scorecard.end()
                                                     ? std::to_string(stored->second)
                                                     : std::string());
        }
    }
    e.figures = std::move(figures);
}

void open_scorecard_editor(App& app, ScorecardEditor::Mode mode) {
    Workspace& ws = app.workspace;
    const RuleSet* active = ws.active_rule_set();
    if (!active) return;
    ScorecardEditor e;
    e.open = true;
    e.mode = mode;
    const bool own = find_rule_set(ws.document().rule_sets, active->id) != nullptr;
    e.is_new = mode == ScorecardEditor::Mode::RuleSet && !own;
    e.draft = e.is_new ? scorecard_copy(*active, ws.rule_sets(), today()) : *active;
    sync_figures(e, ws.document().partner.scorecard);
    app.scorecard = std::move(e);
    app.switch_to = View::TierProgress;
}

// The partner profile as saving would leave it: the figures typed (empty: not on the
// scorecard), the others kept; in rule set mode, this rule set chosen. A figure that is not a
// number is a problem of its own, before the reader's rules.
static PartnerProfile partner_to_save(const App& app, std::vector<std::string>& problems) {
    const ScorecardEditor& e = app.scorecard;
    PartnerProfile partner = app.workspace.document().partner;
    if (e.mode == ScorecardEditor::Mode::RuleSet) partner.rule_set = e.draft.id;
    for (const auto& [id, text] : e.figures) {
        if (text.empty()) {
            partner.scorecard.erase(id);
            continue;
        }
        long long value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || value < 0 ||
            value > kMaxRequirementCount) {
            problems.push_back("scorecard, " + id + ": must be a whole number from 0 to " +
                               std::to_string(kMaxRequirementCount));
            continue;
        }
        partner.scorecard[id] = static_cast<int>(value);
    }
    return partner;
}

// Each tier's reference count and its requirements: name, required count, remove; and the
// requirements of every rule set to add from.
static void draw_tiers(App& app) {
    ScorecardEditor& e = app.scorecard;
    const std::vector<TierRequirement> known = known_requirements(app.workspace.rule_sets());
    for (std::size_t t = 0; t < e.draft.tiers.size(); ++t) {
        TierRule& tier = e.draft.tiers[t];
        ImGui::PushID(static_cast<int>(t));
        ImGui::SeparatorText(tier.name.c_str());
        if (!tier.required) {
            ImGui::TextDisabled("Not available on this path.");
            ImGui::PopID();
            continue;
        }
        const std::string label = "References for " + tier.name;
        ImGui::SetNextItemWidth(em(8));
        ImGui::InputInt(label.c_str(), &*tier.required);
        for (std::size_t r = 0; r < tier.requirements.size(); ++r) {
            TierRequirement& requirement = tier.requirements[r];
            ImGui::PushID(static_cast<int>(r));
            ImGui::SetNextItemWidth(em(19));
            text_field("##name", &requirement.name, max_stored_bytes(StoredText::Line));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em(8));
            ImGui::InputInt("##required", &requirement.required);
            ImGui::SameLine();
            const bool remove = ImGui::SmallButton("Remove");
            ImGui::SameLine();
            ImGui::TextDisabled("%s", requirement.id.c_str());
            ImGui::PopID();
            if (remove) {
                tier.requirements.erase(tier.requirements.begin() + static_cast<long>(r));
                break;
            }
        }
        ImGui::SetNextItemWidth(em(19));
        if (ImGui::BeginCombo("##add", "+ Add a requirement")) {
            for (const TierRequirement& choice : known) {
                const bool present =
                    std::any_of(tier.requirements.begin(), tier.requirements.end(),
                                [&](const TierRequirement& r) { return r.id == choice.id; });
                if (!present && ImGui::Selectable(choice.name.c_str()))
                    tier.requirements.push_back(choice);
            }
            ImGui::EndCombo();
        }
        ImGui::PopID();
    }
}

static void draw_figures(App& app) {
    ScorecardEditor& e = app.scorecard;
    ImGui::SeparatorText("Your Partner Scorecard figures");
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Each figure as your Partner Scorecard shows it (\"X of Y\": the X). Leave "
                        "one empty when it is not on your scorecard: it then counts as not met.");
    ImGui::PopTextWrapPos();
    if (e.figures.empty()) ImGui::TextDisabled("This rule set counts references only.");
    for (auto& [id, text] : e.figures) {
        std::string name = id;
        std::string required;
        for (const TierRule& tier : e.draft.tiers) {
            for (const TierRequirement& requirement : tier.requirements) {
                if (requirement.id != id) continue;
                name = requirement.name;
                required += (required.empty() ? "" : " / ") + tier.name + " " +
                            std::to_string(requirement.required);
            }
        }
        ImGui::SetNextItemWidth(em(8));
        ImGui::InputTextWithHint((name + "##figure-" + id).c_str(), "not entered", &text,
                                 ImGuiInputTextFlags_CharsDecimal);
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", required.c_str());
    }
}

static void draw_actions(App& app) {
    ScorecardEditor& e = app.scorecard;
    Workspace& ws = app.workspace;
    std::vector<std::string> problems;
    const PartnerProfile partner = partner_to_save(app, problems);
    for (const ReadError& problem : rule_set_problems(e.draft, partner))
        problems.push_back(rule_set_problem_text(e.draft, problem));
    for (const std::string& problem : problems)
        ImGui::TextColored(severity_colour(Severity::Error), "Cannot save: %s", problem.c_str());
    ImGui::Separator();
    const bool rule_set_mode = e.mode == ScorecardEditor::Mode::RuleSet;
    ImGui::BeginDisabled(!problems.empty());
    if (ImGui::Button(rule_set_mode ? "Save and use this rule set" : "Save figures")) {
        const bool own = find_rule_set(ws.document().rule_sets, e.draft.id) != nullptr;
        const EditResult saved =
            rule_set_mode || own ? ws.save_rule_set(e.draft, partner) : ws.set_partner(partner);
        if (!saved.refused.empty()) return show_toast(app, "Not saved: " + saved.message());
        show_toast(app, rule_set_mode ? "Saved \"" + e.draft.name + "\" (Ctrl+Z undoes it)"
                                      : "Saved your scorecard figures (Ctrl+Z undoes it)");
        e = ScorecardEditor{};
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) e = ScorecardEditor{};
    if (rule_set_mode && !e.is_new && e.open) {
        ImGui::SameLine();
        if (ImGui::Button("Delete my rule set")) {
            PartnerProfile back = ws.document().partner;
            const RuleSet* fallback =
                default_rule_set(ws.rule_sets(), ws.rule_set_defaults(), back.path);
            if (fallback && fallback->id != e.draft.id) back.rule_set = fallback->id;
            if (const EditResult removed = ws.remove_rule_set(e.draft.id, back);
                !removed.refused.empty())
                return show_toast(app, "Not deleted: " + removed.message());
            show_toast(app, "Deleted \"" + e.draft.name + "\" (Ctrl+Z brings it back)");
            e = ScorecardEditor{};
        }
    }
}

void draw_scorecard_editor(App& app) {
    ScorecardEditor& e = app.scorecard;
    Workspace& ws = app.workspace;
    const bool rule_set_mode = e.mode == ScorecardEditor::Mode::RuleSet;
    if (!rule_set_mode)
        ImGui::Text("Scorecard figures for \"%s\"", e.draft.name.c_str());
    else
        ImGui::TextUnformatted(e.is_new ? "Copy my scorecard: a rule set of your own"
                                        : "Edit my rule set");
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", source_text(e.draft).c_str());
    ImGui::PopTextWrapPos();
    if (rule_set_mode) {
        if (e.is_new) {
            ImGui::SetNextItemWidth(em(24));
            if (ImGui::BeginCombo("Start from", "another rule set...")) {
                for (const RuleSet& set : ws.rule_sets()) {
                    if (!ImGui::Selectable(set.name.c_str())) continue;
                    e.draft = scorecard_copy(set, ws.rule_sets(), today());
                    sync_figures(e, ws.document().partner.scorecard);
                }
                ImGui::EndCombo();
            }
        }
        ImGui::SetNextItemWidth(em(24));
        text_field("Name", &e.draft.name, max_stored_bytes(StoredText::Line));
        ImGui::SetNextItemWidth(em(24));
        text_field("Source", &e.draft.source, max_stored_bytes(StoredText::Line));
        ImGui::SetNextItemWidth(em(8));
        ImGui::InputInt("Review time (business days)", &e.draft.review_business_days);
    }
    // The figures first: typed most, and what Save checks is then just above the buttons.
    draw_figures(app);
    draw_actions(app);
    if (rule_set_mode && e.open) { // Save, Cancel or Delete above close it
        draw_tiers(app);
        sync_figures(e, ws.document().partner.scorecard);
    }
}

} // namespace reftier::app
