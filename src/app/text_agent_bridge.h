// ImGui's active text field and the platform's text agent (src/platform/text_agent.h): after
// every frame the field's box, text, selection and kind go to the agent; the agent's edits
// come back and are applied to the field's own edit state.
#pragma once

namespace reftier::app {

// What a text field holds, so the phone keyboard, spellchecker and autocorrect fit it.
enum class TextKind {
    Name,   // a customer, partner, account or industry name: no spellcheck, Capitalised Words
    Prose,  // a title or a workload: spellchecked
    List,   // comma-separated names (AWS services)
    Url,    // the URL keyboard, nothing corrected
    Date,   // YYYY-MM-DD: the number keyboard
    Search, // the filter box
    Notes,  // multi-line notes: Enter starts a new line
};

// Declares the kind of the text field just submitted (call right after ImGui::InputText...).
// Undeclared fields count as Name; ImGuiInputTextFlags_CharsDecimal ones get the number keyboard.
void declare_text_kind(TextKind kind);

// `run_frame` draws one frame at once: edits that are not plain typing, and taps, run the
// frames ImGui still has input queued for before they act (see run_queued_frames).
void init_text_agent_bridge(void (*run_frame)());
// After each frame: shows the agent over the active field (or hides it).
void sync_text_agent();
// Runs frames until ImGui's input queue is empty (a few at most: ImGui spreads a press and a
// release over two frames), so the state a handler acts on is the one the user saw.
void run_queued_frames();

} // namespace reftier::app
