// Every text colour of every theme against every background it is drawn on: at least 4.5:1,
// WCAG 2.x AA for normal text (https://www.w3.org/TR/WCAG21/#contrast-minimum), with the
// relative luminance of https://www.w3.org/TR/WCAG21/#dfn-relative-luminance.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "app/theme_colours.h"

using namespace reftier::app;

namespace {

double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const Rgba& c) {
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast(const Rgba& a, const Rgba& b) {
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// `top` laid over the opaque `base` with its alpha, as ImGui blends it.
Rgba over(const Rgba& top, const Rgba& base) {
    return {top.r * top.a + base.r * (1 - top.a), top.g * top.a + base.g * (1 - top.a),
            top.b * top.a + base.b * (1 - top.a), 1};
}

// Where any text colour is drawn: panels, tooltips, fields (their hints are secondary text)
// and table rows.
std::vector<std::pair<std::string, Rgba>> backgrounds(const Palette& p) {
    return {{"window", p.window},
            {"panel", p.child},
            {"tooltip", p.popup},
            {"field", over(p.frame, p.child)},
            {"alternate row", over(p.row_alt, p.child)},
            {"selected row", over(p.selected, p.child)},
            {"row under the pointer", over(p.hovered, p.child)}};
}

// Where only the normal text colour is drawn: button labels, column headers.
std::vector<std::pair<std::string, Rgba>> control_backgrounds(const Palette& p) {
    return {{"button", over(p.button, p.child)}, {"table header", over(p.table_header, p.child)}};
}

std::vector<std::pair<std::string, Rgba>> texts(const Palette& p) {
    return {{"text", p.text},
            {"secondary text", p.text_disabled},
            {"draft", p.draft},
            {"submitted / fair / warning", p.submitted},
            {"approved / strong", p.approved},
            {"rejected / weak / error", p.rejected},
            {"tip / information", p.info}};
}

} // namespace

TEST(ThemeContrast, ContrastOfBlackOnWhiteIs21) {
    EXPECT_NEAR(contrast({0, 0, 0}, {1, 1, 1}), 21.0, 1e-9);
}

TEST(ThemeContrast, EveryTextColourMeetsAaOnEveryBackgroundOfEveryTheme) {
    for (const Palette* palette : kPalettes)
        for (const auto& [bg_name, bg] : backgrounds(*palette))
            for (const auto& [fg_name, fg] : texts(*palette))
                EXPECT_GE(contrast(fg, bg), 4.5)
                    << palette->name << ": " << fg_name << " on " << bg_name;
}

TEST(ThemeContrast, TextMeetsAaOnButtonsAndColumnHeadersOfEveryTheme) {
    for (const Palette* palette : kPalettes)
        for (const auto& [bg_name, bg] : control_backgrounds(*palette))
            EXPECT_GE(contrast(palette->text, bg), 4.5) << palette->name << ": text on " << bg_name;
}

TEST(ThemeContrast, PresentationModeIsAtLeastAsStrongAsItsTheme) {
    for (const bool light : {false, true}) {
        const Palette& theme = palette_for(light, false);
        const Palette& shown = palette_for(light, true);
        EXPECT_GE(contrast(shown.text, shown.window), contrast(theme.text, theme.window));
        EXPECT_GE(contrast(shown.text_disabled, shown.window),
                  contrast(theme.text_disabled, theme.window));
    }
}
