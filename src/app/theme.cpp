#include "app/theme.h"

#include <imgui.h>

namespace reftier::app {

// CSS pixels; multiplied by devicePixelRatio so the glyphs match the screen's pixels.
static constexpr float kFontSize = 15.0f;

void apply_theme_and_fonts(float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 2;
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0};
    if (!io.Fonts->AddFontFromFileTTF("/assets/fonts/DejaVuSans.ttf", kFontSize * pixel_ratio,
                                      &config, ranges))
        io.Fonts->AddFontDefault();

    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.ChildRounding = 6;
    style.PopupRounding = 6;
    style.GrabRounding = 4;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.CellPadding = ImVec2(8, 4);
    style.WindowPadding = ImVec2(14, 10);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 1);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.13f, 0.15f, 1);
    style.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.14f, 0.15f, 0.18f, 1);
    style.Colors[ImGuiCol_Header] = ImVec4(0.20f, 0.36f, 0.58f, 0.55f);
    style.Colors[ImGuiCol_Tab] = ImVec4(0.16f, 0.20f, 0.27f, 1);
    style.Colors[ImGuiCol_TabActive] = ImVec4(0.22f, 0.38f, 0.62f, 1);
    style.ScaleAllSizes(pixel_ratio);
    ImGui::GetStyle() = style;
}

} // namespace reftier::app
