// Small ImGui building blocks the views share: enum combos driven by the core's enum table,
// colours per status and severity, a date field, a findings list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/item_locator.h"
#include "app/text_agent_bridge.h"
#include "core/checks/title_check.h"
#include "core/model/enum_names.h"
#include "core/model/finding.h"

namespace reftier::app {

// Sizes in font heights, so layouts scale with presentation mode and the pixel ratio.
inline float em(float count) {
    return count * ImGui::GetFontSize();
}

// The next window (a dialog) in the middle of the screen, also after it grows or the screen
// is resized; ImGui's own centring of a modal lasts only its first frame, when an auto-sized
// window has no size yet, so dialogs came up at the top (issue 18).
inline void center_next_window() {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
}

template <typename E> bool enum_combo(const char* label, E* value, float width = 0) {
    bool changed = false;
    ImGui::SetNextItemWidth(width != 0 ? width : em(17));
    const bool open = ImGui::BeginCombo(label, std::string(to_label(*value)).c_str());
    if (!open) note_item_for_locator(label); // combos report no label to ImGui's item hooks
    if (open) {
        for (const auto& n : enum_names<E>()) {
            if (ImGui::Selectable(std::string(n.label).c_str(), n.value == *value)) {
                *value = n.value;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// ImGui::SameLine(offset), the start of a column of text after a label; or just after the
// label where the label reaches past it, so a label never runs into what follows it.
void same_line_at(float offset);
// ImGui::SameLine() when an item `width` wide still fits on this line, else the item starts the
// next one: a toolbar wraps instead of running off a narrow window or a projector's 1280x720.
void same_line_if_fits(float width);
float checkbox_width(const char* label);

ImVec4 status_colour(Status status);
ImVec4 severity_colour(Severity severity);
ImVec4 grade_colour(Grade grade);
const char* severity_icon(Severity severity);

// The one text field of every editor: a labelled field that keeps to `max_bytes`, a stored
// field's limit (max_stored_bytes in core/format/storable.h). Typing or pasting past it keeps
// what fits, cut on a character boundary (core/text/fit_edit.h), and a note under the field says
// so; never silently. The limit holds for text from the text agent too (a paste, a committed
// composition, a phone keyboard's correction), which reaches the field outside ImGui's key
// handling. `kind` goes to the text agent (declare_text_kind); Notes is a three-line field.
// Width from ImGui::SetNextItemWidth, as for any widget. Returns true when the text changed.
bool text_field(const char* label, std::string* text, std::size_t max_bytes,
                const char* hint = nullptr, TextKind kind = TextKind::Name,
                ImGuiInputTextFlags flags = 0);

// The limit notes text_field drew this frame, for window.reftier.state() (tests).
const std::vector<std::string>& limit_notes_drawn();

// A YYYY-MM-DD text field; returns true when the text changed. `value` is set when the text
// is a real date and reset when it is empty; `valid` tells the caller which case it is.
bool date_field(const char* label, std::string* text, std::optional<Date>* value, bool* valid);

// The last item's own context menu: opened by a right click, a long press on a touch screen,
// or Shift+F10 / the Menu key while it has keyboard focus. The browser's menu is not shown over
// such an item (web/reftier_api.js asks reftier_context_menu_here). True: the menu is open;
// call ImGui::EndPopup.
bool begin_item_context_menu(const char* id);

// Each finding as a coloured line with its message (right click: copy it); `filter_path` keeps
// only findings whose path ends with it (empty: all).
void findings_list(const std::vector<Finding>& findings, const char* filter_path = "");

// fitted_text.cpp: a line that fits `width` (0: the rest of the line or table cell), cut with
// an ellipsis when longer and then shown whole in a tooltip on hover; true when it was cut.
bool fitted_text(std::string_view text, const ImVec4* colour = nullptr, float width = 0);
// A tooltip with `text` wrapped at a readable width (one line when it is short).
void wrapped_tooltip(std::string_view text);
// A tooltip of that fixed width whose text wraps (TextWrapped, PushTextWrapPos(0)); true: draw
// its content, then call end_wrapped_tooltip.
bool begin_wrapped_tooltip();
void end_wrapped_tooltip();

// Starts this frame's time for work spread over frames: once a frame, after ImGui::NewFrame.
void start_frame_work_budget();
// What is left of this frame's time for work spread over frames (a pending filter, the
// document checks, the table's new title grades), shared by whoever asks. While the user
// types, scrolls or clicks, the whole frame stays within about 2 ms of CPU; when nothing moves,
// up to 5 ms. Most of such work runs between drawn frames (advance_background_work), 20 ms a
// display refresh.
double frame_work_budget_ms();
// How often a progress note ("Checking references... 40%", "Importing... 12%") is redrawn
// while its work goes on between frames: often enough to see it move, seldom enough that the
// frames cost the work little.
constexpr double kProgressFrameMs = 250;
// "Checking references... 40%" in grey, and the frame that will show it moved.
void work_progress_note(const char* what, float progress);
// When the focused text field needs its next frame, in milliseconds: 0 while the user types,
// else when its cursor next shows or hides; negative when no field is being edited.
double ms_until_cursor_blink();

// A small window in the middle of the screen, closed with its X or Esc (as the shortcut list
// says); end it with ImGui::End().
void begin_centered_window(const char* title, bool* open);

// A horizontal bar split into coloured segments (counts), with `total` as the full width.
void segmented_bar(const int* counts, const ImVec4* colours, int segments, int total, float height,
                   const char* overlay);

} // namespace reftier::app
