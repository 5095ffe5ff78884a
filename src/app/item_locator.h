// Widget locations for window.reftier.itemRect() (see item_locator.cpp).
#pragma once

namespace reftier::app {

// Records the last item under `label`, for widgets that do not report their label to ImGui's
// item hooks (tab items).
void note_item_for_locator(const char* label);

} // namespace reftier::app
