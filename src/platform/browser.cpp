// The C++ side of the browser glue: storage, files, clipboard, links (JS: browser_library.js).
#include "platform/browser.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include "core/format/storable.h"

// Implemented in browser_library.js.
extern "C" {
void reftier_js_load_document();
int reftier_js_read_input(char* buffer, int capacity);
void reftier_js_run_import_slices();
double reftier_js_input_read_fraction();
double reftier_js_input_bytes();
void reftier_js_set_aside_stored();
void reftier_js_append_output(const char* data, int length);
void reftier_js_append_save_piece(const char* data, int length);
void reftier_js_discard_save_pieces();
void reftier_js_save_pieces(int references, int accounts);
void reftier_js_run_in_slices();
void reftier_js_keep_output_aside(const char* kind);
void reftier_js_keep_stored_aside(const char* kind, int tell);
void reftier_js_list_kept_aside();
void reftier_js_open_kept_aside(const char* key, const char* file_name);
void reftier_js_remove_kept_aside(const char* key);
void reftier_js_download_output(const char* name, const char* mime);
void reftier_js_open_file_picker();
void reftier_js_set_clipboard(const char* text);
void reftier_js_open_url(const char* url);
void reftier_js_reload();
int reftier_js_today();
int reftier_js_coarse_pointer(); // touch_library.js
const char* reftier_js_get_preference(const char* key);
void reftier_js_set_preference(const char* key, const char* value);
}

namespace reftier::platform {

static Callbacks g_callbacks;
static int g_frames_to_draw = 3;
static double g_frame_due_ms = -1; // a frame asked for at a time (request_frame_after)

void set_callbacks(const Callbacks& callbacks) {
    g_callbacks = callbacks;
}
void load_stored_document() {
    reftier_js_load_document();
}

std::size_t read_input(char* buffer, std::size_t capacity) {
    return static_cast<std::size_t>(reftier_js_read_input(buffer, static_cast<int>(capacity)));
}

void run_import_slices() {
    reftier_js_run_import_slices();
}

double input_read_fraction() {
    return reftier_js_input_read_fraction();
}

std::size_t input_bytes() {
    return static_cast<std::size_t>(reftier_js_input_bytes());
}

void set_aside_stored_document() {
    reftier_js_set_aside_stored();
}

void append_output(std::string_view piece) {
    reftier_js_append_output(piece.data(), static_cast<int>(piece.size()));
}

void append_save_piece(std::string_view piece) {
    reftier_js_append_save_piece(piece.data(), static_cast<int>(piece.size()));
}

void discard_save_pieces() {
    reftier_js_discard_save_pieces();
}

void save_pieces_as_document(std::size_t references, std::size_t accounts) {
    reftier_js_save_pieces(static_cast<int>(references), static_cast<int>(accounts));
}

static bool (*g_slice)() = nullptr;

void run_in_slices(bool (*slice)()) {
    g_slice = slice;
    reftier_js_run_in_slices();
}

void keep_output_aside(const char* kind) {
    reftier_js_keep_output_aside(kind);
}

void keep_stored_aside(const char* kind, bool tell) {
    reftier_js_keep_stored_aside(kind, tell ? 1 : 0);
}

void list_kept_aside() {
    reftier_js_list_kept_aside();
}

void open_kept_aside(const std::string& key) {
    reftier_js_open_kept_aside(key.c_str(), nullptr);
}

void download_kept_aside(const std::string& key, const std::string& file_name) {
    reftier_js_open_kept_aside(key.c_str(), file_name.c_str());
}

void remove_kept_aside(const std::string& key) {
    reftier_js_remove_kept_aside(key.c_str());
}

void download_output(const std::string& file_name, const char* mime_type) {
    reftier_js_download_output(file_name.c_str(), mime_type);
}

void download_text(const std::string& file_name, std::string_view text, const char* mime_type) {
    append_output(text);
    download_output(file_name, mime_type);
}

void open_file_picker() {
    reftier_js_open_file_picker();
}

void set_clipboard_text(const std::string& text) {
    reftier_js_set_clipboard(text.c_str());
}

void open_url(const std::string& url) {
    reftier_js_open_url(url.c_str());
}

void reload_page() {
    reftier_js_reload();
}
float device_pixel_ratio() {
    return static_cast<float>(emscripten_get_device_pixel_ratio());
}

bool coarse_pointer() {
    return reftier_js_coarse_pointer() != 0;
}

void canvas_css_size(double* width, double* height) {
    emscripten_get_element_css_size("#canvas", width, height);
}

int today_yyyymmdd() {
    return reftier_js_today();
}
double now_ms() {
    return emscripten_get_now();
}
const char* user_preference(const char* key) {
    return reftier_js_get_preference(key);
}
void set_user_preference(const char* key, const char* value) {
    reftier_js_set_preference(key, value);
}

int take_frames_to_draw() {
    if (g_frame_due_ms >= 0 && now_ms() >= g_frame_due_ms) {
        g_frame_due_ms = -1;
        if (g_frames_to_draw <= 0) g_frames_to_draw = 1;
    }
    if (g_frames_to_draw <= 0) return 0;
    return g_frames_to_draw--;
}

void request_frames(int count) {
    if (count > g_frames_to_draw) g_frames_to_draw = count;
}

void request_frame_after(double ms) {
    const double due = now_ms() + ms;
    if (g_frame_due_ms < 0 || due < g_frame_due_ms) g_frame_due_ms = due;
}

} // namespace reftier::platform

// Entry points the JavaScript side calls.
extern "C" {

EMSCRIPTEN_KEEPALIVE void reftier_on_stored_document(int stored, const char* error) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_callbacks.stored_document)
        reftier::platform::g_callbacks.stored_document(stored != 0, error);
}

EMSCRIPTEN_KEEPALIVE void reftier_on_saved(const char* error, int retry) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_callbacks.saved)
        reftier::platform::g_callbacks.saved(error, retry != 0);
}

EMSCRIPTEN_KEEPALIVE void reftier_on_storage_closed(const char* message) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_callbacks.storage_closed)
        reftier::platform::g_callbacks.storage_closed(message);
}

EMSCRIPTEN_KEEPALIVE void reftier_on_kept_aside_listed(const char* json) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_callbacks.kept_aside_listed)
        reftier::platform::g_callbacks.kept_aside_listed(json);
}

EMSCRIPTEN_KEEPALIVE void reftier_on_kept_aside_opened(const char* key, const char* error) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_callbacks.kept_aside_opened)
        reftier::platform::g_callbacks.kept_aside_opened(key, error);
}

EMSCRIPTEN_KEEPALIVE void reftier_on_kept_for_undo(const char* key) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_callbacks.kept_for_undo)
        reftier::platform::g_callbacks.kept_for_undo(key);
}

// The read-back on the page, where no worker can run (browser_library.js RefTierReadBack).
EMSCRIPTEN_KEEPALIVE const char* reftier_read_back_on_page(int references, int accounts) {
    static std::string answer;
    answer = reftier::stored_bytes_problem(reftier::platform::read_input,
                                           static_cast<std::size_t>(references),
                                           static_cast<std::size_t>(accounts));
    return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE void reftier_on_file_opened(const char* name) {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_callbacks.file_opened)
        reftier::platform::g_callbacks.file_opened(name);
}

EMSCRIPTEN_KEEPALIVE void reftier_on_other_tab_saved() {
    reftier::platform::request_frames(3);
    if (reftier::platform::g_callbacks.other_tab_saved)
        reftier::platform::g_callbacks.other_tab_saved();
}

// One slice of run_in_slices' work: 1 while there is more.
EMSCRIPTEN_KEEPALIVE int reftier_run_slice() {
    if (reftier::platform::g_slice && reftier::platform::g_slice()) return 1;
    reftier::platform::g_slice = nullptr;
    return 0;
}

// Any input event: draw a few frames so ImGui can settle hover and focus states.
EMSCRIPTEN_KEEPALIVE void reftier_wake() {
    reftier::platform::request_frames(3);
}
}
