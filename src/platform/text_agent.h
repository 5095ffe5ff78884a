// The text agent: a real <input> or <textarea> that lies over the ImGui text field being
// edited and holds the page's focus, so input methods, phone keyboards, dictation, dead keys,
// autocorrect, paste and the spellchecker reach the field (implemented in text_agent.cpp and
// text_agent_library.js). Positions and text lengths are in code points and CSS pixels; the
// app side (src/app/text_agent_bridge.cpp) maps them to ImGui's active field.
#pragma once

#include <string>
#include <string_view>

namespace reftier::platform {

struct TextAgentField {
    float x = 0, y = 0, width = 0, height = 0; // the field's frame, CSS pixels in the canvas
    bool multiline = false;
    float font_size = 15, padding_x = 0, padding_y = 0, scroll_x = 0, scroll_y = 0;
    // HTML attributes of the element as a JSON object, e.g. {"inputmode":"url",
    // "enterkeyhint":"done","spellcheck":"false","aria-label":"URL"}.
    std::string attributes;
};

// While a field is edited, after every frame: where it is, its text, its selection.
void show_text_agent(const TextAgentField& field, std::string_view text, int selection_start,
                     int selection_end, bool backward);
// No field is edited: the element gives the focus back to the canvas.
void hide_text_agent();
bool text_agent_has_focus();

// Puts `text` in the page's aria-live region, which a screen reader reads out.
void announce(const std::string& text);

// The element's text changed: the field replaces code points [start, end) of its text as
// last shown with `text` and selects [selection_start, selection_end). `composing`: an input
// method's composition, still to be confirmed. `replaces_selection`: [start, end) is the
// selection (or the caret) last shown, as when a key is typed.
struct TextAgentEdit {
    int start = 0, end = 0;
    std::string_view text;
    int selection_start = 0, selection_end = 0;
    bool composing = false;
    bool replaces_selection = false;
};
struct TextAgentHandlers {
    void (*edit)(const TextAgentEdit& edit) = nullptr;
    void (*select)(int selection_start, int selection_end) = nullptr;
    // A copy, cut or paste shortcut is about to act on the element: it must hold the field's
    // selection after the keys ImGui still has queued (Ctrl+A just before Ctrl+X).
    void (*before_clipboard)() = nullptr;
};
void set_text_agent_handlers(const TextAgentHandlers& handlers);

} // namespace reftier::platform
