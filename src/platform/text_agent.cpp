// The C++ half of the text agent (text_agent.h); the JavaScript half is text_agent_library.js.
#include "platform/text_agent.h"

#include <emscripten.h>

#include "platform/browser.h"

extern "C" {
void reftier_js_text_agent_show(float x, float y, float width, float height, int multiline,
                                float font_size, float padding_x, float padding_y, float scroll_x,
                                float scroll_y, const char* attributes, const char* text,
                                int selection_start, int selection_end, int backward);
void reftier_js_text_agent_hide();
int reftier_js_text_agent_focused();
void reftier_js_announce(const char* text);
}

namespace reftier::platform {

static TextAgentHandlers g_handlers;

void show_text_agent(const TextAgentField& field, std::string_view text, int selection_start,
                     int selection_end, bool backward) {
    const std::string terminated(text);
    reftier_js_text_agent_show(field.x, field.y, field.width, field.height, field.multiline ? 1 : 0,
                               field.font_size, field.padding_x, field.padding_y, field.scroll_x,
                               field.scroll_y, field.attributes.c_str(), terminated.c_str(),
                               selection_start, selection_end, backward ? 1 : 0);
}

void hide_text_agent() {
    reftier_js_text_agent_hide();
}

bool text_agent_has_focus() {
    return reftier_js_text_agent_focused() != 0;
}

void announce(const std::string& text) {
    reftier_js_announce(text.c_str());
}

void set_text_agent_handlers(const TextAgentHandlers& handlers) {
    g_handlers = handlers;
}

} // namespace reftier::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void reftier_text_agent_edit(int start, int end, const char* text,
                                                  int selection_start, int selection_end,
                                                  int composing, int replaces_selection) {
    reftier::platform::request_frames(3);
    if (!reftier::platform::g_handlers.edit) return;
    reftier::platform::g_handlers.edit({start, end, text ? text : "", selection_start,
                                        selection_end, composing != 0, replaces_selection != 0});
}

EMSCRIPTEN_KEEPALIVE void reftier_text_agent_before_clipboard() {
    if (reftier::platform::g_handlers.before_clipboard)
        reftier::platform::g_handlers.before_clipboard();
}

EMSCRIPTEN_KEEPALIVE void reftier_text_agent_selection(int selection_start, int selection_end) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_handlers.select)
        reftier::platform::g_handlers.select(selection_start, selection_end);
}
}
