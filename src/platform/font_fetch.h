// Fetches a fallback font slice served beside the app (web/fonts/, made by
// scripts/slice_fonts.py); implemented in font_fetch.cpp and font_fetch_library.js.
#pragma once

#include <cstddef>

namespace reftier::platform {

// `done` gets the bytes (valid during the call), or null and 0 when the fetch failed.
void fetch_font(const char* file,
                void (*done)(const char* file, const unsigned char* data, std::size_t size));

} // namespace reftier::platform
