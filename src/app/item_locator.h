// What ImGui's item hooks report: where each labelled widget was drawn in the last frame (for
// window.reftier.itemRect(), once enabled), and always the box and label of the item being
// edited and of the item with keyboard focus (for the text agent and the screen reader
// announcements). See item_locator.cpp.
#pragma once

#include <string>

#include <imgui.h>

namespace reftier::app {

// Turns the hooks on (once, after ImGui::CreateContext).
void start_item_hooks();

// Records the last item under `label`, for widgets that do not report their label to ImGui's
// item hooks (tab items, combos, fields whose label is hidden).
void note_item_for_locator(const char* label);
// Records the last item's box (ImGui's, so also a text, which has no id) or the current
// window's box under `label`, once the locator is enabled: for layout tests (nothing overlaps,
// a tooltip wraps).
void note_item_box_for_locator(const std::string& label);
void note_window_for_locator(const char* label);

// The active item (ImGui's ActiveId) and the item with keyboard focus (NavId) as last drawn:
// framebuffer pixels, and the visible label ("" when it has none). Ids are 0 while none.
struct TrackedItem {
    ImGuiID id = 0;
    ImVec2 min, max;
    std::string label;
};
const TrackedItem& active_item();
const TrackedItem& focused_item();

} // namespace reftier::app
