// The C++ half of font_fetch.h; the JavaScript half is font_fetch_library.js.
#include "platform/font_fetch.h"

#include <emscripten.h>

#include "platform/browser.h"

extern "C" void reftier_js_fetch_font(const char* file);

namespace reftier::platform {

static void (*g_done)(const char*, const unsigned char*, std::size_t) = nullptr;

void fetch_font(const char* file,
                void (*done)(const char* file, const unsigned char* data, std::size_t size)) {
    g_done = done;
    reftier_js_fetch_font(file);
}

} // namespace reftier::platform

extern "C" EMSCRIPTEN_KEEPALIVE void reftier_on_font(const char* file, const unsigned char* data,
                                                     int size) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_done)
        reftier::platform::g_done(file, data, data ? static_cast<std::size_t>(size) : 0);
}
