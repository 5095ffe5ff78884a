// Start-up and the render loop. The canvas backing store is sized in device pixels
// (CSS size x devicePixelRatio) and ImGui works in those pixels with a font rasterised at the
// same scale, so text is crisp on high-DPI screens. The loop draws only while there is input
// or pending work (platform::take_frames_to_draw); an idle page draws nothing. Text reaches
// ImGui through the text agent only (text_agent_bridge.h), never through GLFW's key presses.
#include <cmath>
#include <cstdint>
#include <iterator>
#include <utility>

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include "app/app.h"
#include "app/font_atlas.h"
#include "app/frame_fingerprint.h"
#include "app/item_locator.h"
#include "app/screen_reader.h"
#include "app/text_agent_bridge.h"
#include "app/theme.h"
#include "app/widgets.h"
#include "platform/browser.h"

namespace {

GLFWwindow* g_window = nullptr;
float g_scale = 0; // device pixel ratio the fonts were built for
reftier::app::UiSettings g_built_for;
int g_width = 0, g_height = 0;              // the canvas backing store, in device pixels
int g_texture_builds = 0;                   // font texture uploads, for the frame fingerprint
reftier::app::FrameFingerprint g_on_screen; // what the canvas shows

// Sizes the canvas backing store to its CSS box times devicePixelRatio, at the start of every
// drawn frame, so the canvas, the GL viewport and ImGui's display always agree within the frame
// (issue 18: after a resize the picture was drawn into a stale size, offset from where clicks
// land). The size is set on the element itself, not through glfwSetWindowSize: Emscripten's
// GLFW takes a size equal to the screen's as a request for full screen and then leaves the
// canvas alone (library_glfw.js setWindowSize), which is what a maximised 1920x1080 window at
// pixel ratio 1 asks for. GLFW's own idea of the window size is not used (see draw_one_frame).
// https://emscripten.org/docs/api_reference/html5.h.html#c.emscripten_set_canvas_element_size
void fit_canvas() {
    double css_width = 0, css_height = 0;
    reftier::platform::canvas_css_size(&css_width, &css_height);
    const float ratio = reftier::platform::device_pixel_ratio();
    const int width = static_cast<int>(std::lround(css_width * ratio));
    const int height = static_cast<int>(std::lround(css_height * ratio));
    emscripten_get_canvas_element_size("#canvas", &g_width, &g_height);
    if (width > 0 && height > 0 && (width != g_width || height != g_height)) {
        emscripten_set_canvas_element_size("#canvas", width, height);
        g_width = width;
        g_height = height;
    }
    const reftier::app::UiSettings& settings = reftier::app::the_app().settings;
    if (ratio != g_scale || !(settings == g_built_for) || reftier::app::font_atlas_stale()) {
        g_scale = ratio;
        g_built_for = settings;
        reftier::app::apply_theme_and_fonts(ratio, settings);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        ++g_texture_builds;
    }
}

void draw_one_frame() {
    reftier::app::App& app = reftier::app::the_app();
    fit_canvas(); // picks up theme or presentation-mode changes made in the last frame

    const double start_ms = reftier::platform::now_ms();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // ImGui works in the canvas's device pixels, the same pixels GLFW's mouse positions are in
    // (library_browser.js calculateMouseEvent scales by canvas.width / its CSS width).
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(g_width), static_cast<float>(g_height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();
    reftier::app::start_frame_work_budget();
    reftier::app::draw_frame(app, io.DisplaySize.x, io.DisplaySize.y);
    // After the views, so that what they cost comes out of the same budget.
    reftier::app::advance_background_work(app, reftier::app::frame_work_budget_ms());
    ImGui::Render();
    const double built_ms = reftier::platform::now_ms();
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    reftier::app::FrameFingerprint print = reftier::app::fingerprint_of(
        *ImGui::GetDrawData(), g_width, g_height, clear, g_texture_builds);
    if (!(print == g_on_screen)) {
        glViewport(0, 0, g_width, g_height);
        // ImGui's renderer leaves its state behind
        // (scripts/patches/imgui-opengl3-no-state-backup.patch), and a clear inside its last
        // scissor box would leave the rest of the last frame on screen.
        glDisable(GL_SCISSOR_TEST);
        glClearColor(clear.x, clear.y, clear.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        g_on_screen = std::move(print);
        ++app.frames_presented;
    }
    app.frame_build_ms = built_ms - start_ms;
    app.frame_total_ms = reftier::platform::now_ms() - start_ms;
    reftier::app::sync_text_agent();
    reftier::app::announce_changes();
    // ImGui hands out fast input a key or character a frame (io.ConfigInputTrickleEventQueue),
    // so typed text still queued needs the frames that take it, however many input asked for.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) reftier::platform::request_frames(1);
    // A still, focused text field needs a frame only when its cursor blinks, about two a
    // second, not one every display refresh (60 a second of software GL in a busy page).
    const double blink_ms = reftier::app::ms_until_cursor_blink();
    if (blink_ms >= 0) reftier::platform::request_frame_after(blink_ms);
}

// Each display refresh: a frame when input or a change asks for one; otherwise a slice of the
// work that follows a change (background_work.cpp), well under the 50 ms the browser counts as
// a long task, so input that arrives meanwhile waits at most that long.
void frame() {
    constexpr double kBackgroundSliceMs = 20;
    reftier::app::App& app = reftier::app::the_app();
    reftier::app::autosave(app);
    if (reftier::platform::take_frames_to_draw() > 0)
        draw_one_frame();
    else
        reftier::app::advance_background_work(app, kBackgroundSliceMs);
}

// The start, one step per task: main() returns after the first, and each step queues the next
// with a zero timeout, so no single task holds the main thread for long (Lighthouse's mobile
// preset runs the CPU four times slower; every task over 50 ms counts as blocking time) and
// input and paints can come in between. The order puts the stored document (usually read by
// web/reftier_api.js while the wasm compiled) before the first frame, so that frame is already
// the interactive one. https://web.dev/articles/optimize-long-tasks
void start_rules() {
    reftier::app::init(reftier::app::the_app());
}

void start_fonts() {
    reftier::app::init_font_atlas();
    fit_canvas(); // builds the atlas for the first frame's characters and uploads its texture
}

// ImGui's two shaders (the first NewFrame would compile them inside the first frame).
void start_shaders() {
    ImGui_ImplOpenGL3_CreateDeviceObjects();
}

void start_document_and_loop() {
    reftier::platform::load_stored_document();
    emscripten_set_main_loop(frame, 0, 0);
}

constexpr void (*kStartSteps[])() = {start_rules, start_fonts, start_shaders,
                                     start_document_and_loop};

void run_start_step(void* index) {
    const auto step = reinterpret_cast<std::uintptr_t>(index);
    kStartSteps[step]();
    if (step + 1 < std::size(kStartSteps))
        emscripten_async_call(run_start_step, reinterpret_cast<void*>(step + 1), 0);
}

} // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws flat, opaque 2D: no depth or stencil buffer and no alpha channel, so the
    // browser has less to clear and to composite each frame (it shows in software GL).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    g_window = glfwCreateWindow(1280, 800, "RefTier", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout is not worth persisting; the document is
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // GLFW's characters come from keypress events, which input methods, phone keyboards and
    // dictation never send; the text agent delivers all text instead, so none arrives twice.
    glfwSetCharCallback(g_window, nullptr);
    // After the backend: it installs GLFW's clipboard, which cannot see the system clipboard.
    // Fields copy, cut and paste through the text agent's element; ImGui never pastes itself.
    io.SetClipboardTextFn = [](void*, const char* text) {
        reftier::platform::set_clipboard_text(text);
    };
    io.GetClipboardTextFn = [](void*) { return ""; };
    reftier::app::start_item_hooks();
    reftier::app::init_text_agent_bridge(draw_one_frame);
    emscripten_async_call(run_start_step, nullptr, 0); // step 0 in a task of its own
    return 0;
}
