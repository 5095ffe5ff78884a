#include "app/theme.h"

#include <imgui.h>

#include "app/font_atlas.h"

namespace reftier::app {

// CSS pixels; multiplied by devicePixelRatio so the glyphs match the screen's pixels.
static constexpr float kFontSize = 15.0f;

static void dark_colours(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 1);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.13f, 0.15f, 1);
    style.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.14f, 0.15f, 0.18f, 1);
    style.Colors[ImGuiCol_Header] = ImVec4(0.20f, 0.36f, 0.58f, 0.55f);
    style.Colors[ImGuiCol_Tab] = ImVec4(0.16f, 0.20f, 0.27f, 1);
    style.Colors[ImGuiCol_TabActive] = ImVec4(0.22f, 0.38f, 0.62f, 1);
}

static void light_colours(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.91f, 0.93f, 1);
}

// Presentation mode: pure black or white backgrounds, full-strength text and borders, so a
// projector in a bright room still shows every line.
static void high_contrast(ImGuiStyle& style, bool light) {
    const ImVec4 bg = light ? ImVec4(1, 1, 1, 1) : ImVec4(0, 0, 0, 1);
    const ImVec4 fg = light ? ImVec4(0, 0, 0, 1) : ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_WindowBg] = bg;
    style.Colors[ImGuiCol_ChildBg] = bg;
    style.Colors[ImGuiCol_PopupBg] = bg;
    style.Colors[ImGuiCol_Text] = fg;
    style.Colors[ImGuiCol_Border] = fg;
    style.Colors[ImGuiCol_TextDisabled] =
        light ? ImVec4(0.25f, 0.25f, 0.25f, 1) : ImVec4(0.8f, 0.8f, 0.8f, 1);
    style.ChildBorderSize = 2;
    style.FrameBorderSize = 1;
}

void apply_theme_and_fonts(float pixel_ratio, const UiSettings& settings) {
    const float scale = pixel_ratio * (settings.presentation ? kPresentationScale : 1.0f);
    build_font_atlas(kFontSize * scale);

    ImGuiStyle style;
    if (settings.light)
        light_colours(style);
    else
        dark_colours(style);
    if (settings.presentation) high_contrast(style, settings.light);
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.ChildRounding = 6;
    style.PopupRounding = 6;
    style.GrabRounding = 4;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.CellPadding = ImVec2(8, 4);
    if (settings.touch) { // rows and buttons about 34 CSS pixels tall, fields 36
        style.FramePadding = ImVec2(10, 10);
        style.ItemSpacing = ImVec2(12, 10);
        style.CellPadding = ImVec2(8, 9);
        style.ScrollbarSize = 20;
    }
    style.WindowPadding = ImVec2(14, 10);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

} // namespace reftier::app
