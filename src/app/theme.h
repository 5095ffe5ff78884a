// Colours, sizes and the font, scaled for the device pixel ratio and the user's settings.
#pragma once

#include <imgui.h>

namespace reftier::app {

struct UiSettings {
    bool light = false;        // light theme instead of dark
    bool presentation = false; // workshop projector: larger UI, high contrast
    bool touch = false;        // a finger, not a mouse: taller rows and buttons
    bool operator==(const UiSettings&) const = default;
};

// UI scale of presentation mode: readable from the back of a workshop room.
inline constexpr float kPresentationScale = 1.75f;

void apply_theme_and_fonts(float pixel_ratio, const UiSettings& settings);

struct Palette;
struct Rgba;
// The colours of the theme last applied (theme_colours.h).
const Palette& active_palette();
ImVec4 to_imvec4(const Rgba& colour);

} // namespace reftier::app
