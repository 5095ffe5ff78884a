// Small ImGui building blocks the views share (widgets.h): colours, the text field, dates,
// findings, the frame's work budget, bars.
#include "app/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <emscripten.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/item_locator.h"
#include "app/screen_reader.h"
#include "app/text_agent_bridge.h"
#include "app/theme.h"
#include "app/theme_colours.h"
#include "core/model/date.h"
#include "core/text/fit_edit.h"
#include "platform/browser.h"

namespace reftier::app {

// The palette's colours (theme_colours.h, where their contrast is tested): grades and
// severities share the status colours (strong / approved, fair / warning / submitted...).
ImVec4 status_colour(Status status) {
    const Palette& p = active_palette();
    switch (status) {
    case Status::Draft:
        return to_imvec4(p.draft);
    case Status::Submitted:
        return to_imvec4(p.submitted);
    case Status::Approved:
        return to_imvec4(p.approved);
    case Status::Rejected:
        return to_imvec4(p.rejected);
    }
    return to_imvec4(p.text);
}

ImVec4 severity_colour(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return status_colour(Status::Rejected);
    case Severity::Warning:
        return status_colour(Status::Submitted);
    case Severity::Tip:
        return to_imvec4(active_palette().info);
    }
    return to_imvec4(active_palette().text);
}

ImVec4 grade_colour(Grade grade) {
    switch (grade) {
    case Grade::Strong:
        return status_colour(Status::Approved);
    case Grade::Fair:
        return status_colour(Status::Submitted);
    case Grade::Weak:
        return status_colour(Status::Rejected);
    }
    return to_imvec4(active_palette().text);
}

const char* severity_icon(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "Error";
    case Severity::Warning:
        return "Warning";
    case Severity::Tip:
        return "Tip";
    }
    return "";
}

namespace {

struct FieldLimit {
    std::string before; // the text as the frame began
    std::size_t max_bytes;
    bool cut = false;
};

int keep_within_limit(ImGuiInputTextCallbackData* data) {
    auto& limit = *static_cast<FieldLimit*>(data->UserData);
    if (static_cast<std::size_t>(data->BufTextLen) <= limit.max_bytes) return 0;
    const FittedEdit fitted =
        fit_edit(limit.before, std::string_view(data->Buf, data->BufTextLen), limit.max_bytes);
    if (!fitted.cut) return 0;
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, fitted.text.data(), fitted.text.data() + fitted.text.size());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(fitted.cursor);
    limit.cut = true;
    return 0;
}

std::vector<std::string> g_limit_notes;
int g_limit_notes_frame = -1;

} // namespace

bool text_field(const char* label, std::string* text, std::size_t max_bytes, const char* hint,
                TextKind kind, ImGuiInputTextFlags flags) {
    FieldLimit limit{*text, max_bytes};
    // Edit: typing and ImGui's own paste. Always: the text agent edits the field's state between
    // frames (text_agent_bridge.cpp), which InputTextEx does not count as an edit.
    flags |= ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways;
    const bool changed =
        kind == TextKind::Notes
            ? ImGui::InputTextMultiline(
                  label, text,
                  ImVec2(0, ImGui::GetTextLineHeight() * 3 + ImGui::GetStyle().FramePadding.y * 2),
                  flags, keep_within_limit, &limit)
            : ImGui::InputTextWithHint(label, hint ? hint : "", text, flags, keep_within_limit,
                                       &limit);
    declare_text_kind(kind);
    // The note stays while the field is full after a cut, and goes with the next edit that fits.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID note_id = ImHashStr("limit note", 0, ImGui::GetItemID());
    // A cut may leave the text as it was (nothing of the edit fit), and still says so.
    if (changed || limit.cut) storage->SetBool(note_id, limit.cut);
    if (storage->GetBool(note_id) && text->size() + 4 > max_bytes) {
        char note[160];
        std::snprintf(note, sizeof note,
                      "At most %zu characters fit here (accented and non-Latin letters count 2 "
                      "to 4): the rest was left out.",
                      max_bytes);
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(severity_colour(Severity::Warning), "%s", note);
        ImGui::PopTextWrapPos();
        if (g_limit_notes_frame != ImGui::GetFrameCount()) {
            g_limit_notes_frame = ImGui::GetFrameCount();
            g_limit_notes.clear();
        }
        g_limit_notes.push_back(std::string(label, ImGui::FindRenderedTextEnd(label)) + ": " +
                                note);
    }
    return changed;
}

const std::vector<std::string>& limit_notes_drawn() {
    static const std::vector<std::string> none;
    // Notes of an earlier frame are not on screen any more.
    return g_limit_notes_frame == ImGui::GetFrameCount() ? g_limit_notes : none;
}

bool date_field(const char* label, std::string* text, std::optional<Date>* value, bool* valid) {
    ImGui::SetNextItemWidth(em(9));
    const bool changed = ImGui::InputTextWithHint(label, "YYYY-MM-DD", text);
    declare_text_kind(TextKind::Date);
    const auto parsed = parse_iso_date(*text);
    *valid = text->empty() || parsed.has_value();
    if (text->empty())
        value->reset();
    else if (parsed)
        *value = parsed;
    if (!*valid) {
        ImGui::SameLine();
        ImGui::TextColored(severity_colour(Severity::Error), "not a real date (YYYY-MM-DD)");
    }
    return changed;
}

void same_line_at(float offset) {
    const float label_end = ImGui::GetItemRectMax().x;
    ImGui::SameLine(offset);
    if (ImGui::GetCursorScreenPos().x < label_end + ImGui::GetStyle().ItemSpacing.x)
        ImGui::SameLine();
}

void same_line_if_fits(float width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float checkbox_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
           ImGui::CalcTextSize(label, nullptr, true).x;
}

static bool ends_with(const std::string& text, const char* suffix) {
    const std::string s(suffix);
    return text.size() >= s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0;
}

static int g_context_menu_frame = -2; // the last frame an item with its own menu was hovered

bool begin_item_context_menu(const char* id) {
    if (ImGui::IsItemHovered()) g_context_menu_frame = ImGui::GetFrameCount();
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemFocused() && (ImGui::IsKeyPressed(ImGuiKey_Menu, false) ||
                                   (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_F10, false))))
        ImGui::OpenPopup(id);
    return ImGui::BeginPopupContextItem(id);
}

void findings_list(const std::vector<Finding>& findings, const char* filter_path) {
    int index = 0;
    for (const Finding& f : findings) {
        if (*filter_path && !ends_with(f.path, filter_path)) continue;
        ImGui::PushID(index++);
        ImGui::BeginGroup();
        ImGui::TextColored(severity_colour(f.severity), "%s", severity_icon(f.severity));
        note_item_box_for_locator("severity of " + f.message);
        same_line_at(em(5.3f));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(f.message.c_str());
        note_item_box_for_locator(f.message);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const std::string words = std::string(severity_icon(f.severity)) + ": " + f.message;
        finding_shown(words);
        if (begin_item_context_menu("finding menu")) {
            if (ImGui::MenuItem("Copy finding")) platform::set_clipboard_text(words);
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }
}

void begin_centered_window(const char* title, bool* open) {
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) *open = false;
    center_next_window();
    ImGui::Begin(title, open,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings);
    note_window_for_locator(title);
}

void segmented_bar(const int* counts, const ImVec4* colours, int segments, int total, float height,
                   const char* overlay) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    draw->AddRectFilled(start, ImVec2(start.x + width, start.y + height),
                        ImGui::GetColorU32(ImGuiCol_FrameBg), 4);
    float x = start.x;
    for (int i = 0; i < segments && total > 0; ++i) {
        const float w = width * static_cast<float>(counts[i]) / static_cast<float>(total);
        if (w <= 0) continue;
        draw->AddRectFilled(ImVec2(x, start.y), ImVec2(x + w, start.y + height),
                            ImGui::GetColorU32(colours[i]), 4);
        x += w;
    }
    if (overlay) {
        // Dark text on a light bar, light text on a dark one (4.5:1 either way for the
        // palette's colours), cut with an ellipsis at the bar's end.
        const bool on_bar = total > 0 && segments > 0 && counts[0] > 0;
        const ImVec4 under = on_bar ? colours[0] : ImVec4(0, 0, 0, 0);
        const float light = 0.2126f * under.x + 0.7152f * under.y + 0.0722f * under.z;
        const ImVec4 ink = !on_bar         ? ImGui::GetStyleColorVec4(ImGuiCol_Text)
                           : light > 0.45f ? ImVec4(0, 0, 0, 1)
                                           : ImVec4(1, 1, 1, 1);
        const ImVec2 size = ImGui::CalcTextSize(overlay);
        const ImVec2 at(start.x + 8, start.y + (height - size.y) * 0.5f);
        const float end_x = start.x + width - 4;
        ImGui::PushStyleColor(ImGuiCol_Text, ink);
        ImGui::RenderTextEllipsis(draw, at, ImVec2(end_x, at.y + size.y), end_x, end_x, overlay,
                                  nullptr, &size);
        ImGui::PopStyleColor();
    }
    ImGui::Dummy(ImVec2(width, height));
}

static bool user_is_interacting() {
    constexpr double kQuietSeconds = 0.3; // scroll steps and keys come closer than this
    static double last_input = -1;
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsAnyItemActive() || ImGui::IsAnyMouseDown() || io.MouseDelta.x != 0 ||
        io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.MouseWheelH != 0 ||
        !io.InputQueueCharacters.empty())
        last_input = ImGui::GetTime();
    return last_input >= 0 && ImGui::GetTime() - last_input < kQuietSeconds;
}

// The frame's work budget: when it started, and how long it is.
static double g_budget_started_ms = 0, g_budget_ms = 0;

void start_frame_work_budget() {
    // While the user types or scrolls, a frame's own work should stay under 2 ms (issue 14):
    // the table and the rest of the views take 0.5-0.8 ms besides (100,000 references; with
    // 1.2 ms here most typing frames took 1.8-2.1 ms). When nothing moves, a drawn frame may
    // give a little more: the bulk of the work runs in the refreshes that draw nothing
    // (main.cpp).
    constexpr double kInteractiveMs = 1.0, kQuietMs = 5;
    g_budget_started_ms = platform::now_ms();
    g_budget_ms = user_is_interacting() ? kInteractiveMs : kQuietMs;
}

double frame_work_budget_ms() {
    return std::max(0.0, g_budget_ms - (platform::now_ms() - g_budget_started_ms));
}

double ms_until_cursor_blink() {
    const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetActiveID());
    if (!state) return -1;
    // While the user types, every frame, as before: an edit can take a few frames to settle
    // (a draft re-checked, a focus moved, text handed over by the text agent).
    if (user_is_interacting()) return 0;
    if (!ImGui::GetIO().ConfigInputTextCursorBlink) return -1;
    // ImGui's blink (imgui_widgets.cpp InputTextEx, 1.90.1): the cursor shows while CursorAnim
    // <= 0 (it is set to -0.3 s on every edit) and while fmod(CursorAnim, 1.2 s) <= 0.8 s.
    // CursorAnim grows by the frame's DeltaTime, real time, however few frames are drawn.
    constexpr float kPeriod = 1.2f, kShown = 0.8f;
    const float t = state->CursorAnim;
    const float phase = t <= 0 ? t : std::fmod(t, kPeriod);
    const float until = phase <= kShown ? kShown - phase : kPeriod - phase;
    return until * 1000.0 + 1; // just past the change, so the frame drawn then shows it
}

void work_progress_note(const char* what, float progress) {
    ImGui::TextDisabled("%s... %d%%", what, static_cast<int>(progress * 100));
    platform::request_frame_after(kProgressFrameMs);
}

} // namespace reftier::app

// Whether the pointer is over an item with its own context menu, as of the last frame.
extern "C" EMSCRIPTEN_KEEPALIVE int reftier_context_menu_here() {
    return reftier::app::g_context_menu_frame >= ImGui::GetFrameCount() - 1 ? 1 : 0;
}
