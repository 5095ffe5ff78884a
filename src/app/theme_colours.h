// The themes' colours as plain data (no ImGui): theme.cpp and widgets.cpp apply them, and the
// native core test suite (tests/core/app/theme_contrast_test.cpp) checks every text colour
// against every background it is drawn on for WCAG 2.x AA contrast, 4.5:1
// (https://www.w3.org/TR/WCAG21/#contrast-minimum). Before issue 18 the light theme drew
// yellow "Submitted" and light-green "strong 100" on white, about 1.9:1.
#pragma once

namespace reftier::app {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

struct Palette {
    const char* name;
    // Opaque backgrounds: the window, the panels (table, editor), tooltips and popups.
    Rgba window, child, popup;
    // Laid over `child` with their alpha: a text field, a button, the table's header, every
    // other row, the selected row, the row under the pointer. Buttons and the table's header
    // hold only `text`; the others any text colour.
    Rgba frame, button, table_header, row_alt, selected, hovered;
    // Text: normal and secondary ("25 of 25 shown", hints), the four statuses (grades and
    // severities reuse them: strong / tip... see widgets.cpp), and information (a tip, a linked
    // account that earns nothing yet).
    Rgba text, text_disabled;
    Rgba draft, submitted, approved, rejected, info;
};

inline constexpr Palette kDarkPalette{
    "dark",
    {0.10f, 0.11f, 0.13f},
    {0.12f, 0.13f, 0.15f},
    {0.08f, 0.08f, 0.08f},
    {0.16f, 0.29f, 0.48f, 0.54f},
    {0.26f, 0.59f, 0.98f, 0.40f},
    {0.19f, 0.19f, 0.20f},
    {1.00f, 1.00f, 1.00f, 0.06f},
    {0.20f, 0.36f, 0.58f, 0.40f},
    {0.26f, 0.59f, 0.98f, 0.18f},
    {1.00f, 1.00f, 1.00f},
    {0.62f, 0.63f, 0.66f},
    {0.70f, 0.72f, 0.76f},
    {0.95f, 0.72f, 0.25f},
    {0.35f, 0.80f, 0.45f},
    {1.00f, 0.50f, 0.45f},
    {0.55f, 0.76f, 1.00f},
};

inline constexpr Palette kLightPalette{
    "light",
    {0.97f, 0.97f, 0.98f},
    {1.00f, 1.00f, 1.00f},
    {1.00f, 1.00f, 1.00f},
    {0.00f, 0.00f, 0.00f, 0.05f},
    {0.26f, 0.59f, 0.98f, 0.25f},
    {0.78f, 0.87f, 0.98f},
    {0.30f, 0.30f, 0.30f, 0.09f},
    {0.26f, 0.59f, 0.98f, 0.22f},
    {0.26f, 0.59f, 0.98f, 0.15f},
    {0.00f, 0.00f, 0.00f},
    {0.36f, 0.36f, 0.38f},
    {0.36f, 0.37f, 0.40f},
    {0.55f, 0.35f, 0.00f},
    {0.05f, 0.45f, 0.15f},
    {0.72f, 0.12f, 0.10f},
    {0.05f, 0.33f, 0.68f},
};

// Presentation mode: pure black or white behind everything, so a projector in a bright room
// still shows every line; the text colours of the matching theme.
inline constexpr Palette kPresentationDarkPalette{
    "presentation dark",          {0.00f, 0.00f, 0.00f},        {0.00f, 0.00f, 0.00f},
    {0.00f, 0.00f, 0.00f},        {0.16f, 0.29f, 0.48f, 0.54f}, {0.26f, 0.59f, 0.98f, 0.40f},
    {0.19f, 0.19f, 0.20f},        {1.00f, 1.00f, 1.00f, 0.06f}, {0.20f, 0.36f, 0.58f, 0.40f},
    {0.26f, 0.59f, 0.98f, 0.18f}, {1.00f, 1.00f, 1.00f},        {0.80f, 0.80f, 0.80f},
    {0.70f, 0.72f, 0.76f},        {0.95f, 0.72f, 0.25f},        {0.35f, 0.80f, 0.45f},
    {1.00f, 0.50f, 0.45f},        {0.55f, 0.76f, 1.00f},
};

inline constexpr Palette kPresentationLightPalette{
    "presentation light",         {1.00f, 1.00f, 1.00f},        {1.00f, 1.00f, 1.00f},
    {1.00f, 1.00f, 1.00f},        {0.00f, 0.00f, 0.00f, 0.05f}, {0.26f, 0.59f, 0.98f, 0.25f},
    {0.78f, 0.87f, 0.98f},        {0.30f, 0.30f, 0.30f, 0.09f}, {0.26f, 0.59f, 0.98f, 0.22f},
    {0.26f, 0.59f, 0.98f, 0.15f}, {0.00f, 0.00f, 0.00f},        {0.25f, 0.25f, 0.25f},
    {0.36f, 0.37f, 0.40f},        {0.55f, 0.35f, 0.00f},        {0.05f, 0.45f, 0.15f},
    {0.72f, 0.12f, 0.10f},        {0.05f, 0.33f, 0.68f},
};

inline constexpr const Palette* kPalettes[] = {
    &kDarkPalette, &kLightPalette, &kPresentationDarkPalette, &kPresentationLightPalette};

constexpr const Palette& palette_for(bool light, bool presentation) {
    if (presentation) return light ? kPresentationLightPalette : kPresentationDarkPalette;
    return light ? kLightPalette : kDarkPalette;
}

} // namespace reftier::app
