// What a screen reader is told through the page's aria-live region: the widget that takes the
// keyboard focus (its label, and a field's text), and each finding as it appears.
#pragma once

#include <string>

namespace reftier::app {

// A finding on screen this frame (findings_list calls it for each one it draws).
void finding_shown(const std::string& text);
// After each frame: announces what changed.
void announce_changes();

} // namespace reftier::app
