// Where each labelled widget was drawn in the last frame, for window.reftier.itemRect(): the
// end-to-end tests use it to click real widgets with the real mouse instead of guessing
// coordinates. Built on ImGui's test-engine hooks, which cost nothing while not enabled.
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
std::unordered_map<std::string, ImRect> g_rects; // visible label -> rect

} // namespace

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData*) {
    g_last_id = id;
    g_last_rect = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags) {
    if (id != g_last_id || !label) return;
    std::string visible(label, ImGui::FindRenderedTextEnd(label));
    if (!visible.empty()) g_rects[visible] = g_last_rect;
}

void reftier::app::note_item_for_locator(const char* label) {
    if (ImGui::GetCurrentContext()->TestEngineHookItems) g_rects[label] = g_last_rect;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}

extern "C" {

EMSCRIPTEN_KEEPALIVE void reftier_api_enable_locator() {
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
    reftier::platform::request_frames(2);
}

// {"x","y","width","height"} in CSS pixels, or null when the label was not drawn.
EMSCRIPTEN_KEEPALIVE const char* reftier_api_item_rect(const char* label) {
    static std::string out;
    auto it = g_rects.find(label ? label : "");
    if (it == g_rects.end()) {
        out = "null";
        return out.c_str();
    }
    const float ratio = reftier::platform::device_pixel_ratio();
    const ImRect& r = it->second;
    out = nlohmann::json{{"x", r.Min.x / ratio},
                         {"y", r.Min.y / ratio},
                         {"width", r.GetWidth() / ratio},
                         {"height", r.GetHeight() / ratio}}
              .dump();
    return out.c_str();
}
}
