// Touch gestures from src/platform/touch_library.js, given to ImGui: a tap is a click where the
// finger was (the mouse then leaves, so nothing stays hovered), a drag scrolls the window under
// the finger by as much as the finger moved, a long press is a right click. The tap runs its
// frames at once and shows the text agent, still inside the touchend event.
#include <cfloat>

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h>

#include "app/text_agent_bridge.h"
#include "platform/browser.h"

namespace {

enum Phase { Start, Drag, Tap, LongPress, Cancel };

ImGuiWindow* g_scrolled = nullptr; // what the current drag scrolls

// The window a wheel over `window` would scroll: itself or the nearest parent that can scroll.
ImGuiWindow* scroll_target(ImGuiWindow* window) {
    while (window && (window->Flags & ImGuiWindowFlags_ChildWindow) && window->ScrollMax.x == 0 &&
           window->ScrollMax.y == 0)
        window = window->ParentWindow;
    return window;
}

// The finger's position, through the GLFW backend: told the pointer is in the window, it stops
// adding GLFW's own cursor position each frame (which a touch never moves) after this one.
void touch_at(ImGuiIO& io, float x, float y) {
    GLFWwindow* window = glfwGetCurrentContext();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    ImGui_ImplGlfw_CursorEnterCallback(window, 1);
    ImGui_ImplGlfw_CursorPosCallback(window, x, y);
}

void click(ImGuiIO& io, float x, float y, int button) {
    touch_at(io, x, y);
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(button, true);
    io.AddMouseButtonEvent(button, false);
}

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void reftier_touch(int phase, float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    reftier::platform::request_frames(3);
    switch (phase) {
    case Start: // shows what is under the finger (a row highlights) before anything happens
        touch_at(io, x, y);
        g_scrolled = nullptr;
        break;
    case Drag:
        if (!g_scrolled) {
            reftier::app::run_queued_frames(); // the hover of the touch's start point
            g_scrolled = scroll_target(ImGui::GetCurrentContext()->HoveredWindow);
        }
        if (g_scrolled) { // from where the last move put it, even before a frame applied it
            const ImVec2 target = g_scrolled->ScrollTarget;
            ImGui::SetScrollX(g_scrolled,
                              (target.x < FLT_MAX ? target.x : g_scrolled->Scroll.x) - x);
            ImGui::SetScrollY(g_scrolled,
                              (target.y < FLT_MAX ? target.y : g_scrolled->Scroll.y) - y);
        }
        break;
    case Tap:
        click(io, x, y, ImGuiMouseButton_Left);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        reftier::app::run_queued_frames();
        reftier::app::sync_text_agent(); // focus, within the gesture: the keyboard comes up
        break;
    case LongPress:
        click(io, x, y, ImGuiMouseButton_Right);
        reftier::app::run_queued_frames();
        break;
    case Cancel:
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        g_scrolled = nullptr;
        break;
    }
}
