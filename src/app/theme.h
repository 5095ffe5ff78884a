#pragma once

namespace reftier::app {

// Colours, sizes and the font, scaled for the device pixel ratio.
void apply_theme_and_fonts(float pixel_ratio);

} // namespace reftier::app
