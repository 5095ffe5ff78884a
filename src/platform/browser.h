// The browser glue, and the only place that knows it runs in a browser: IndexedDB storage,
// file download and pick, clipboard, links, pixel ratio, the date. Implemented in
// browser.cpp (C++ side) and browser_library.js (the JavaScript side, an Emscripten JS library).
// Asynchronous results come back through the callbacks the app registers.
#pragma once

#include <string>

namespace reftier::platform {

struct Callbacks {
    // Stored document text at start-up; `text` null when nothing is stored, `error` set when
    // storage could not be opened (private mode, blocked IndexedDB).
    void (*stored_document)(const char* text, const char* error) = nullptr;
    // A save finished; `error` null on success ("The browser's storage is full ...").
    void (*saved)(const char* error) = nullptr;
    // The user picked or dropped a file: its bytes as they are.
    void (*file_opened)(const char* name, const char* data, int length) = nullptr;
    // Another tab saved the same document (BroadcastChannel).
    void (*other_tab_saved)() = nullptr;
};
void set_callbacks(const Callbacks& callbacks);

void load_stored_document();
// Saves in one IndexedDB transaction: the stored document is the old one or the new one,
// never a mix. The previous version is kept under a second key for recovery.
void save_document(const std::string& json);
// Keeps unreadable stored text under a dated key instead of deleting it.
void set_aside_corrupt_document(const std::string& text);

void download_text(const std::string& file_name, const std::string& text, const char* mime_type);
void open_file_picker();
void set_clipboard_text(const std::string& text);
const char* clipboard_text(); // last text the user pasted into the page
// Opens http/https links only (the caller checks with is_safe_to_open), with noopener.
void open_url(const std::string& url);
void reload_page();

float device_pixel_ratio();
void canvas_css_size(double* width, double* height);
int today_yyyymmdd(); // local date
double now_ms();
const char* user_preference(const char* key); // localStorage, for UI settings
void set_user_preference(const char* key, const char* value);

// Input wakes the render loop; the loop draws only while this counter is above zero.
int take_frames_to_draw();
void request_frames(int count);

} // namespace reftier::platform
