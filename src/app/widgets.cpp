#include "app/widgets.h"

#include <algorithm>

#include <emscripten.h>

#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/screen_reader.h"
#include "app/text_agent_bridge.h"
#include "app/theme.h"
#include "app/theme_colours.h"
#include "core/model/date.h"
#include "platform/browser.h"

namespace reftier::app {

// The palette's colours (theme_colours.h, where their contrast is tested): grades and
// severities share the status colours (strong / approved, fair / warning / submitted...).
ImVec4 status_colour(Status status) {
    const Palette& p = active_palette();
    switch (status) {
    case Status::Draft:
        return to_imvec4(p.draft);
    case Status::Submitted:
        return to_imvec4(p.submitted);
    case Status::Approved:
        return to_imvec4(p.approved);
    case Status::Rejected:
        return to_imvec4(p.rejected);
    }
    return to_imvec4(p.text);
}

ImVec4 severity_colour(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return status_colour(Status::Rejected);
    case Severity::Warning:
        return status_colour(Status::Submitted);
    case Severity::Tip:
        return to_imvec4(active_palette().info);
    }
    return to_imvec4(active_palette().text);
}

ImVec4 grade_colour(Grade grade) {
    switch (grade) {
    case Grade::Strong:
        return status_colour(Status::Approved);
    case Grade::Fair:
        return status_colour(Status::Submitted);
    case Grade::Weak:
        return status_colour(Status::Rejected);
    }
    return to_imvec4(active_palette().text);
}

const char* severity_icon(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "Error";
    case Severity::Warning:
        return "Warning";
    case Severity::Tip:
        return "Tip";
    }
    return "";
}

bool date_field(const char* label, std::string* text, std::optional<Date>* value, bool* valid) {
    ImGui::SetNextItemWidth(em(9));
    const bool changed = ImGui::InputTextWithHint(label, "YYYY-MM-DD", text);
    declare_text_kind(TextKind::Date);
    const auto parsed = parse_iso_date(*text);
    *valid = text->empty() || parsed.has_value();
    if (text->empty())
        value->reset();
    else if (parsed)
        *value = parsed;
    if (!*valid) {
        ImGui::SameLine();
        ImGui::TextColored(severity_colour(Severity::Error), "not a real date (YYYY-MM-DD)");
    }
    return changed;
}

void same_line_at(float offset) {
    const float label_end = ImGui::GetItemRectMax().x;
    ImGui::SameLine(offset);
    if (ImGui::GetCursorScreenPos().x < label_end + ImGui::GetStyle().ItemSpacing.x)
        ImGui::SameLine();
}

void same_line_if_fits(float width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float checkbox_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
           ImGui::CalcTextSize(label, nullptr, true).x;
}

static bool ends_with(const std::string& text, const char* suffix) {
    const std::string s(suffix);
    return text.size() >= s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0;
}

static int g_context_menu_frame = -2; // the last frame an item with its own menu was hovered

bool begin_item_context_menu(const char* id) {
    if (ImGui::IsItemHovered()) g_context_menu_frame = ImGui::GetFrameCount();
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemFocused() && (ImGui::IsKeyPressed(ImGuiKey_Menu, false) ||
                                   (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_F10, false))))
        ImGui::OpenPopup(id);
    return ImGui::BeginPopupContextItem(id);
}

void findings_list(const std::vector<Finding>& findings, const char* filter_path) {
    int index = 0;
    for (const Finding& f : findings) {
        if (*filter_path && !ends_with(f.path, filter_path)) continue;
        ImGui::PushID(index++);
        ImGui::BeginGroup();
        ImGui::TextColored(severity_colour(f.severity), "%s", severity_icon(f.severity));
        note_item_box_for_locator("severity of " + f.message);
        same_line_at(em(5.3f));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(f.message.c_str());
        note_item_box_for_locator(f.message);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const std::string words = std::string(severity_icon(f.severity)) + ": " + f.message;
        finding_shown(words);
        if (begin_item_context_menu("finding menu")) {
            if (ImGui::MenuItem("Copy finding")) platform::set_clipboard_text(words);
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }
}

void segmented_bar(const int* counts, const ImVec4* colours, int segments, int total, float height,
                   const char* overlay) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    draw->AddRectFilled(start, ImVec2(start.x + width, start.y + height),
                        ImGui::GetColorU32(ImGuiCol_FrameBg), 4);
    float x = start.x;
    for (int i = 0; i < segments && total > 0; ++i) {
        const float w = width * static_cast<float>(counts[i]) / static_cast<float>(total);
        if (w <= 0) continue;
        draw->AddRectFilled(ImVec2(x, start.y), ImVec2(x + w, start.y + height),
                            ImGui::GetColorU32(colours[i]), 4);
        x += w;
    }
    if (overlay) {
        // Dark text on a light bar, light text on a dark one (4.5:1 either way for the
        // palette's colours), cut with an ellipsis at the bar's end.
        const bool on_bar = total > 0 && segments > 0 && counts[0] > 0;
        const ImVec4 under = on_bar ? colours[0] : ImVec4(0, 0, 0, 0);
        const float light = 0.2126f * under.x + 0.7152f * under.y + 0.0722f * under.z;
        const ImVec4 ink = !on_bar         ? ImGui::GetStyleColorVec4(ImGuiCol_Text)
                           : light > 0.45f ? ImVec4(0, 0, 0, 1)
                                           : ImVec4(1, 1, 1, 1);
        const ImVec2 size = ImGui::CalcTextSize(overlay);
        const ImVec2 at(start.x + 8, start.y + (height - size.y) * 0.5f);
        const float end_x = start.x + width - 4;
        ImGui::PushStyleColor(ImGuiCol_Text, ink);
        ImGui::RenderTextEllipsis(draw, at, ImVec2(end_x, at.y + size.y), end_x, end_x, overlay,
                                  nullptr, &size);
        ImGui::PopStyleColor();
    }
    ImGui::Dummy(ImVec2(width, height));
}

static bool user_is_interacting() {
    constexpr double kQuietSeconds = 0.3; // scroll steps and keys come closer than this
    static double last_input = -1;
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsAnyItemActive() || ImGui::IsAnyMouseDown() || io.MouseDelta.x != 0 ||
        io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.MouseWheelH != 0 ||
        !io.InputQueueCharacters.empty())
        last_input = ImGui::GetTime();
    return last_input >= 0 && ImGui::GetTime() - last_input < kQuietSeconds;
}

double frame_work_budget_ms() {
    // Drawing the views takes about 0.5 ms besides. When nothing moves, a longer frame shows
    // no jank, and input waits at most this long (RAIL's 50 ms for idle work).
    constexpr double kInteractiveMs = 1.2, kQuietMs = 25;
    static int frame = -1;
    static double started_ms = 0, budget_ms = 0;
    if (ImGui::GetFrameCount() != frame) {
        frame = ImGui::GetFrameCount();
        started_ms = platform::now_ms();
        budget_ms = user_is_interacting() ? kInteractiveMs : kQuietMs;
    }
    return std::max(0.0, budget_ms - (platform::now_ms() - started_ms));
}

void work_progress_note(const char* what, float progress) {
    ImGui::TextDisabled("%s... %d%%", what, static_cast<int>(progress * 100));
    platform::request_frames(1);
}

} // namespace reftier::app

// Whether the pointer is over an item with its own context menu, as of the last frame.
extern "C" EMSCRIPTEN_KEEPALIVE int reftier_context_menu_here() {
    return reftier::app::g_context_menu_frame >= ImGui::GetFrameCount() - 1 ? 1 : 0;
}
