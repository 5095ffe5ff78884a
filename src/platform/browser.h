// The browser glue, and the only place that knows it runs in a browser: IndexedDB storage,
// file download and pick, clipboard, links, pixel ratio, the date. Implemented in
// browser.cpp (C++ side) and browser_library.js (the JavaScript side, an Emscripten JS library).
// Asynchronous results come back through the callbacks the app registers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reftier::platform {

struct Callbacks {
    // At start-up. `stored`: a document is stored, its bytes readable with read_input() during
    // the call; `error` set when storage could not be opened (private mode, blocked IndexedDB).
    void (*stored_document)(bool stored, const char* error) = nullptr;
    // A save finished; `error` null on success ("The browser's storage is full ..."). `retry`:
    // whether saving the same document again can help (not when its bytes would not read back).
    void (*saved)(const char* error, bool retry) = nullptr;
    // The user picked or dropped a file: its bytes as they are, readable with read_input()
    // during the call.
    void (*file_opened)(const char* name) = nullptr;
    // Another tab saved the same document (BroadcastChannel).
    void (*other_tab_saved)() = nullptr;
    // Storage was closed under the app for good (another tab upgraded or deleted the
    // database): nothing more is saved in this tab; `message` says what to do.
    void (*storage_closed)(const char* message) = nullptr;
    // The kept-aside copies, as JSON: {"copies": [{"key", "kind" (corrupt | before-import),
    // "date" (local, "YYYY-MM-DD HH:MM"), "bytes"}], "usage", "quota"} (bytes this site uses
    // and may use, null when the browser does not say), or {"copies": [], "error": "..."}.
    void (*kept_aside_listed)(const char* json) = nullptr;
    // A kept-aside copy's bytes, readable with read_input() during the call (to restore it),
    // or `error` (not null) when it could not be read from storage.
    void (*kept_aside_opened)(const char* key, const char* error) = nullptr;
    // keep_stored_aside(..., true): the copy is in storage under `key`; null when it is not.
    void (*kept_for_undo)(const char* key) = nullptr;
};
void set_callbacks(const Callbacks& callbacks);

void load_stored_document();
// The bytes JavaScript offers during a callback or an API call (the stored document, a file,
// text to import), piece by piece: a ReadSource for read_document, so they are never all in
// wasm memory at once.
std::size_t read_input(char* buffer, std::size_t capacity);
// How long that input is in UTF-8: exact for bytes, judged from its start for a string (a hint
// for the reader).
std::size_t input_bytes();
// A sliced import (src/app/import_run.cpp): the page calls reftier_import_step() between its
// tasks until it returns 0, and keeps offering the input it offered when this was called until
// then. How much of that input has been handed out, 0 to 1.
void run_import_slices();
double input_read_fraction();
// Keeps the stored document just offered, which could not be read, under a dated key instead
// of deleting it.
void set_aside_stored_document();
// Large texts (the document, an export) go to JavaScript in pieces, so no copy of the whole
// text sits in wasm memory, whose size never shrinks. append_output() copies a piece out;
// save_output_as_document() or download_output() then hands all pieces on and clears them.
void append_output(std::string_view piece);
// The autosave's document, written over several tasks (run_in_slices): each piece goes to
// JavaScript as it is written and is gathered there into a Blob, outside wasm memory, until
// save_pieces_as_document() stores them or discard_save_pieces() drops them (the document
// changed while it was being written). Apart from the output above, so an export between two
// slices takes none of them.
void append_save_piece(std::string_view piece);
void discard_save_pieces();
// Saves the pieces as one Blob in one IndexedDB transaction: the stored document is the old one
// or the new one, never a mix. The previous version is kept under a second key for recovery.
// First the bytes are read back by the document reader, in a worker: if they would not make a
// document with these counts, nothing is stored and `saved` reports why (issue 17's belt and
// braces). Storing the same bytes as the last save stores nothing and keeps the previous one.
void save_pieces_as_document(std::size_t references, std::size_t accounts);
// Calls `slice` in tasks of its own, one call a task, until it returns false, so the browser
// handles input and draws frames in between. A sliced import's slices (run_import_slices) take
// turns with these, so neither waits for the other to end. One slicer at a time: a second call
// replaces it.
void run_in_slices(bool (*slice)());
// Keeps the output (a whole document) aside under "<kind>-<time>" until the user removes it:
// kind "before-import" for the document an import, sample data or a restore replaces.
void keep_output_aside(const char* kind);
// The same for the document as stored now (the last save), copied inside browser storage as it
// is: nothing is written again on the page. `tell`: kept_for_undo says when it is there.
void keep_stored_aside(const char* kind, bool tell = false);
// The kept-aside copies (answered through kept_aside_listed), one copy's bytes (through
// kept_aside_opened) or as a downloaded file, and removing one (then listed again).
void list_kept_aside();
void open_kept_aside(const std::string& key);
void download_kept_aside(const std::string& key, const std::string& file_name);
void remove_kept_aside(const std::string& key);
void download_output(const std::string& file_name, const char* mime_type);
void download_text(const std::string& file_name, std::string_view text, const char* mime_type);

void open_file_picker();
// navigator.clipboard.writeText; pasting into a field goes through the text agent.
void set_clipboard_text(const std::string& text);
// Opens http/https links only (the caller checks with is_safe_to_open), with noopener.
void open_url(const std::string& url);
void reload_page();

float device_pixel_ratio();
bool coarse_pointer(); // a finger rather than a mouse (CSS "pointer: coarse")
void canvas_css_size(double* width, double* height);
int today_yyyymmdd(); // local date
double now_ms();
const char* user_preference(const char* key); // localStorage, for UI settings
void set_user_preference(const char* key, const char* value);

// Input wakes the render loop; the loop draws only while this counter is above zero.
int take_frames_to_draw();
void request_frames(int count);
// One frame once `ms` have passed (the earliest such request wins), for a change that is due
// at a known time, like a text cursor's next blink, rather than a frame every display refresh.
void request_frame_after(double ms);

} // namespace reftier::platform
