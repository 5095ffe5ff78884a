// The ImGui half of the text agent (text_agent_bridge.h). ImGui 1.90.1 has no API to edit the
// active field from outside, so this works on its edit state (ImGuiInputTextState, an
// internal), the way InputTextEx does: typed text goes through ImGui's input queue, so its
// character filters and key order apply; anything else (a composition, a correction, a
// deletion by a phone keyboard) sets the selection to the replaced range and replaces it with
// stb_textedit's own key handling, so each edit is one undo step like a key press. InputTextEx
// copies the edit state back to the caller's string on its next frame.
#include "app/text_agent_bridge.h"

#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "app/font_atlas.h"
#include "app/item_locator.h"
#include "core/text/utf8_text.h"
#include "platform/browser.h"
#include "platform/text_agent.h"

namespace reftier::app {

namespace {

// stb_textedit's delete key (STB_TEXTEDIT_K_DELETE in imgui_widgets.cpp): deletes the
// selection when there is one.
constexpr int kStbDeleteKey = 0x200008;

void (*g_run_frame)() = nullptr;
ImGuiPlatformImeData g_ime; // what ImGui last told the platform (io.SetPlatformImeDataFn)
ImGuiID g_declared_id = 0;
TextKind g_declared_kind = TextKind::Name;
ImGuiID g_shown_id = 0; // the field whose text and selection the element holds, if shown
// Typed while no field was active, for the field a key or click still queued makes active.
constexpr int kWaitingFrames = 3;
std::string g_waiting_text;
int g_waiting_frames = 0;
bool g_running_queued = false; // frames run inside an agent event: the element keeps its text

ImGuiInputTextState* active_field() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g_ime.WantVisible || g.ActiveId == 0 || g.InputTextState.ID != g.ActiveId) return nullptr;
    return &g.InputTextState;
}

bool text_queued() {
    for (const ImGuiInputEvent& e : ImGui::GetCurrentContext()->InputEventsQueue)
        if (e.Type == ImGuiInputEventType_Text) return true;
    return false;
}

std::string field_text(const ImGuiInputTextState& state) {
    std::string text(static_cast<std::size_t>(state.CurLenW) * 4 + 1, '\0');
    const int length = ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), state.TextW.Data,
                                       state.TextW.Data + state.CurLenW);
    text.resize(static_cast<std::size_t>(length));
    return text;
}

struct Selection {
    int low, high;
    bool backward;
};
Selection selection_of(const ImGuiInputTextState& state) {
    const ImStb::STB_TexteditState& stb = state.Stb;
    if (stb.select_start == stb.select_end) return {stb.cursor, stb.cursor, false};
    const int low = std::min(stb.select_start, stb.select_end);
    const int high = std::max(stb.select_start, stb.select_end);
    return {low, high, stb.cursor == low};
}

void select(ImGuiInputTextState& state, int start, int end) {
    const int length = state.CurLenW;
    state.Stb.select_start = std::clamp(start, 0, length);
    state.Stb.select_end = state.Stb.cursor = std::clamp(end, 0, length);
    state.CursorFollow = true;
    state.CursorAnimReset();
}

// The element's attributes for a kind of field: the keyboard a phone shows, what its Enter key
// says, whether the spellchecker and autocorrect run.
std::string attributes_for(TextKind kind, ImGuiInputTextFlags flags, const std::string& label) {
    struct Hints {
        const char *input_mode, *enter_key, *spellcheck, *capitalize;
    };
    Hints h{"text", "done", "false", "words"};
    switch (kind) {
    case TextKind::Name:
    case TextKind::List:
        break;
    case TextKind::Prose:
        h = {"text", "done", "true", "sentences"};
        break;
    case TextKind::Url:
        h = {"url", "done", "false", "none"};
        break;
    case TextKind::Date:
        h = {"numeric", "done", "false", "none"};
        break;
    case TextKind::Search:
        h = {"search", "search", "false", "none"};
        break;
    case TextKind::Notes:
        h = {"text", "enter", "true", "sentences"};
        break;
    }
    if (flags & ImGuiInputTextFlags_CharsDecimal) h = {"numeric", "done", "false", "none"};
    const bool corrected = std::string(h.spellcheck) == "true";
    return nlohmann::json{{"inputmode", h.input_mode},
                          {"enterkeyhint", h.enter_key},
                          {"spellcheck", h.spellcheck},
                          {"autocapitalize", h.capitalize},
                          {"autocorrect", corrected ? "on" : "off"},
                          {"aria-label", label.empty() ? "Text" : label}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Text at the caret of the active field, through ImGui's queue behind the keys and clicks
// before it, so it lands in the field active once they are handled (after a Tab or a click still
// queued, the next one). With no field active it waits a few frames for one (sync_text_agent):
// ImGui would drop it in the frame that handles a key opening a field (Alt+N).
void type_text(std::string_view text) {
    if (active_field()) {
        ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
        return;
    }
    g_waiting_text += text;
    g_waiting_frames = kWaitingFrames;
    platform::request_frames(kWaitingFrames);
}

void apply_edit(const platform::TextAgentEdit& edit) {
    ImGuiInputTextState* state = active_field();
    // The element may still hold the field active before (see sync_text_agent): the edit's
    // positions are that field's, so only its text counts, as if typed.
    const bool moved_on = state && state->ID != g_shown_id;
    if ((edit.replaces_selection || moved_on) && !edit.composing && !edit.text.empty()) {
        type_text(edit.text);
        return;
    }
    if (!state || moved_on) return;
    run_queued_frames(); // the edit's positions count the text typed before it
    state = active_field();
    if (!state || state->ID != g_shown_id) return;
    const int start = std::clamp(edit.start, 0, state->CurLenW);
    select(*state, start, std::clamp(edit.end, start, state->CurLenW));
    if (edit.end > start) state->OnKeyPressed(kStbDeleteKey);
    for (std::size_t at = 0; at < edit.text.size();) {
        const CodePoint c = decode_utf8(edit.text, at);
        state->OnKeyPressed(static_cast<int>(c.value));
        at += c.length;
    }
    select(*state, edit.selection_start, edit.selection_end);
}

void apply_selection(int start, int end) {
    run_queued_frames();
    if (ImGuiInputTextState* state = active_field()) select(*state, start, end);
}

} // namespace

void declare_text_kind(TextKind kind) {
    if (!ImGui::IsItemActive()) return;
    g_declared_id = ImGui::GetItemID();
    g_declared_kind = kind;
}

void init_text_agent_bridge(void (*run_frame)()) {
    g_run_frame = run_frame;
    ImGui::GetIO().SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* data) {
        g_ime = *data;
    };
    platform::TextAgentHandlers handlers;
    handlers.edit = apply_edit;
    handlers.select = apply_selection;
    handlers.before_clipboard = [] {
        run_queued_frames();
        sync_text_agent();
    };
    platform::set_text_agent_handlers(handlers);
}

void run_queued_frames() {
    if (!g_run_frame || g_running_queued) return;
    g_running_queued = true;
    for (int i = 0; i < 8 && !ImGui::GetCurrentContext()->InputEventsQueue.empty(); ++i)
        g_run_frame();
    g_running_queued = false;
}

void sync_text_agent() {
    if (g_running_queued) return;
    ImGuiInputTextState* state = active_field();
    if (!state) {
        if (g_waiting_frames > 0 && --g_waiting_frames == 0) g_waiting_text.clear();
        if (g_shown_id != 0) platform::hide_text_agent();
        g_shown_id = 0;
        return;
    }
    if (!g_waiting_text.empty()) {
        ImGui::GetIO().AddInputCharactersUTF8(g_waiting_text.c_str());
        g_waiting_text.clear();
        g_waiting_frames = 0;
    }
    // A field that a Tab or a click made active this frame was so only after its box was
    // recorded: it is shown next frame. The element keeps the focus meanwhile; hidden, it would
    // hand the focus to the canvas for a frame, and text committed then would be lost.
    const TrackedItem& item = active_item();
    if (item.id != state->ID) return;
    // Characters the element sent are still in ImGui's queue: the element is ahead of the field.
    if (text_queued()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiStyle& style = ImGui::GetStyle();
    double css_width = 0, css_height = 0;
    platform::canvas_css_size(&css_width, &css_height);
    const float to_css =
        io.DisplaySize.x > 0 ? static_cast<float>(css_width) / io.DisplaySize.x : 1;
    const bool multiline = (state->Flags & ImGuiInputTextFlags_Multiline) != 0;
    const TextKind kind = g_declared_id == state->ID ? g_declared_kind
                          : multiline                ? TextKind::Notes
                                                     : TextKind::Name;
    platform::TextAgentField field;
    field.x = item.min.x * to_css;
    field.y = item.min.y * to_css;
    field.width = (item.max.x - item.min.x) * to_css;
    field.height = (item.max.y - item.min.y) * to_css;
    field.multiline = multiline;
    field.font_size = io.Fonts->Fonts.empty() ? 15 : io.Fonts->Fonts[0]->FontSize * to_css;
    field.padding_x = style.FramePadding.x * to_css;
    field.padding_y = style.FramePadding.y * to_css;
    field.scroll_x = multiline ? 0 : state->ScrollX * to_css;
    field.attributes = attributes_for(kind, state->Flags, item.label);
    const Selection s = selection_of(*state);
    const std::string text = field_text(*state);
    need_glyphs(text); // typed in a script the atlas lacks: drawn once its font is here
    platform::show_text_agent(field, text, s.low, s.high, s.backward);
    g_shown_id = state->ID;
}

} // namespace reftier::app
