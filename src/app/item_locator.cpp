// ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE), on from the start: every frame they keep the
// box and label of the active and the keyboard-focused item (item_locator.h), which costs an id
// comparison per item. Once a test enables the locator, they also record where each labelled
// widget was drawn, so the end-to-end tests click real widgets with the real mouse instead of
// guessing coordinates.
#include <string>
#include <unordered_map>

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "app/item_locator.h"
#include "platform/browser.h"

namespace {

ImGuiID g_last_id = 0;
ImRect g_last_rect;
bool g_locator_enabled = false;
struct Seen {
    ImRect rect;
    int frame = 0; // ImGui's frame count when it was drawn
};
std::unordered_map<std::string, Seen> g_rects; // visible label -> where and when last drawn
reftier::app::TrackedItem g_active, g_focused;

void track(reftier::app::TrackedItem& item, ImGuiID wanted, ImGuiID id, const ImRect& bb) {
    if (wanted == 0 || id != wanted) return;
    if (item.id != id) item.label.clear();
    item.id = id;
    item.min = bb.Min;
    item.max = bb.Max;
}

void name(reftier::app::TrackedItem& item, ImGuiID id, const char* begin, const char* end) {
    if (item.id == id && item.id != 0) item.label.assign(begin, end);
}

} // namespace

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData*) {
    g_last_id = id;
    g_last_rect = bb;
    track(g_active, ctx->ActiveId, id, bb);
    track(g_focused, ctx->NavId, id, bb);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags) {
    if (id != g_last_id || !label) return;
    const char* end = ImGui::FindRenderedTextEnd(label);
    name(g_active, id, label, end);
    name(g_focused, id, label, end);
    if (g_locator_enabled && end != label)
        g_rects[std::string(label, end)] = {g_last_rect, ImGui::GetFrameCount()};
}

void reftier::app::note_item_for_locator(const char* label) {
    name(g_active, g_last_id, label, label + std::char_traits<char>::length(label));
    name(g_focused, g_last_id, label, label + std::char_traits<char>::length(label));
    if (g_locator_enabled) g_rects[label] = {g_last_rect, ImGui::GetFrameCount()};
}

void reftier::app::note_item_box_for_locator(const std::string& label) {
    if (g_locator_enabled)
        g_rects[label] = {ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()),
                          ImGui::GetFrameCount()};
}

void reftier::app::note_window_for_locator(const char* label) {
    if (!g_locator_enabled) return;
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    g_rects[label] = {ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)), ImGui::GetFrameCount()};
}

void reftier::app::start_item_hooks() {
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

const reftier::app::TrackedItem& reftier::app::active_item() {
    if (g_active.id != ImGui::GetActiveID()) g_active = {};
    return g_active;
}

const reftier::app::TrackedItem& reftier::app::focused_item() {
    if (g_focused.id != ImGui::GetFocusID()) g_focused = {};
    return g_focused;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}

extern "C" {

EMSCRIPTEN_KEEPALIVE void reftier_api_enable_locator() {
    g_locator_enabled = true;
    reftier::platform::request_frames(2);
}

// {"x","y","width","height"} in CSS pixels, or null when the label is not on screen.
EMSCRIPTEN_KEEPALIVE const char* reftier_api_item_rect(const char* label) {
    static std::string out;
    auto it = g_rects.find(label ? label : "");
    // Drawn in the last frame (or the one before, while a popup settles), or not on screen now.
    if (it == g_rects.end() || it->second.frame < ImGui::GetFrameCount() - 1) {
        out = "null";
        return out.c_str();
    }
    const float ratio = reftier::platform::device_pixel_ratio();
    const ImRect& r = it->second.rect;
    out = nlohmann::json{{"x", r.Min.x / ratio},
                         {"y", r.Min.y / ratio},
                         {"width", r.GetWidth() / ratio},
                         {"height", r.GetHeight() / ratio}}
              .dump();
    return out.c_str();
}
}
