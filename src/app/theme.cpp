// Colours, sizes and the font, scaled for the device pixel ratio and the user's settings.
#include "app/theme.h"

#include <imgui.h>

#include "app/font_atlas.h"
#include "app/theme_colours.h"

namespace reftier::app {

// CSS pixels; multiplied by devicePixelRatio so the glyphs match the screen's pixels.
static constexpr float kFontSize = 15.0f;

static const Palette* g_palette = &kDarkPalette;

const Palette& active_palette() {
    return *g_palette;
}

ImVec4 to_imvec4(const Rgba& c) {
    return ImVec4(c.r, c.g, c.b, c.a);
}

// ImGui's own dark or light style, with the palette's colours over it (theme_colours.h, where
// the contrast of each is checked).
static void apply_palette(ImGuiStyle& style, const Palette& p, bool light) {
    if (light)
        ImGui::StyleColorsLight(&style);
    else
        ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = to_imvec4(p.window);
    c[ImGuiCol_ChildBg] = to_imvec4(p.child);
    c[ImGuiCol_PopupBg] = to_imvec4(p.popup);
    c[ImGuiCol_MenuBarBg] =
        to_imvec4(light ? Rgba{0.90f, 0.91f, 0.93f} : Rgba{0.14f, 0.15f, 0.18f});
    c[ImGuiCol_FrameBg] = to_imvec4(p.frame);
    c[ImGuiCol_Button] = to_imvec4(p.button);
    c[ImGuiCol_TableHeaderBg] = to_imvec4(p.table_header);
    c[ImGuiCol_TableRowBgAlt] = to_imvec4(p.row_alt);
    c[ImGuiCol_Header] = to_imvec4(p.selected);
    c[ImGuiCol_HeaderHovered] = to_imvec4(p.hovered);
    c[ImGuiCol_Text] = to_imvec4(p.text);
    c[ImGuiCol_TextDisabled] = to_imvec4(p.text_disabled);
    if (!light) {
        c[ImGuiCol_Tab] = ImVec4(0.16f, 0.20f, 0.27f, 1);
        c[ImGuiCol_TabActive] = ImVec4(0.22f, 0.38f, 0.62f, 1);
    }
}

// Presentation mode: full-strength borders besides the palette's pure backgrounds.
static void high_contrast(ImGuiStyle& style, bool light) {
    const ImVec4 fg = light ? ImVec4(0, 0, 0, 1) : ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_Border] = fg;
    style.ChildBorderSize = 2;
    style.FrameBorderSize = 1;
}

void apply_theme_and_fonts(float pixel_ratio, const UiSettings& settings) {
    const float scale = pixel_ratio * (settings.presentation ? kPresentationScale : 1.0f);
    build_font_atlas(kFontSize * scale);

    ImGuiStyle style;
    g_palette = &palette_for(settings.light, settings.presentation);
    apply_palette(style, *g_palette, settings.light);
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
