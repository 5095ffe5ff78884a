// Text that keeps to its space: a line cut with an ellipsis where its cell or column ends (the
// whole text then in a tooltip), and tooltips that wrap at a readable width. An auto-sized
// tooltip has no width of its own to wrap at: text wrapped at "the window's width" inside one
// came out one letter per line (issue 18).
#include <algorithm>
#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/item_locator.h"
#include "app/widgets.h"

namespace reftier::app {

// About 60 characters a line: easy to read, and within a 900-pixel-wide window.
static float tooltip_width() {
    return em(26);
}

bool begin_wrapped_tooltip() {
    const float width = tooltip_width();
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    if (!ImGui::BeginTooltip()) return false;
    ImGui::PushTextWrapPos(0); // the content width, fixed above
    return true;
}

void end_wrapped_tooltip() {
    note_window_for_locator("tooltip");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void wrapped_tooltip(std::string_view text) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (ImGui::CalcTextSize(begin, end).x <= tooltip_width() - em(1)) {
        if (!ImGui::BeginTooltip()) return;
        ImGui::TextUnformatted(begin, end);
        note_window_for_locator("tooltip");
        ImGui::EndTooltip();
        return;
    }
    if (!begin_wrapped_tooltip()) return;
    ImGui::TextUnformatted(begin, end);
    end_wrapped_tooltip();
}

bool fitted_text(std::string_view text, const ImVec4* colour, float width) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end);
    const float room = std::max(1.0f, width > 0 ? width : ImGui::GetContentRegionAvail().x);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect box(pos, ImVec2(pos.x + std::min(size.x, room), pos.y + size.y));
    ImGui::ItemSize(box.GetSize());
    if (!ImGui::ItemAdd(box, 0)) return false;
    const bool clipped = size.x > room;
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), box.Min, box.Max, box.Max.x, box.Max.x,
                              begin, end, &size);
    if (colour) ImGui::PopStyleColor();
    if (clipped && ImGui::IsItemHovered()) wrapped_tooltip(text);
    return clipped;
}

} // namespace reftier::app
