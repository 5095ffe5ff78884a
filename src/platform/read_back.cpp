// The storage boundary's read-back, as its own small wasm module that runs in a Web Worker
// (web/read_back_worker.js): before a save replaces the stored document, the bytes about to be
// stored are read by the same document reader the app opens them with (stored_bytes_problem),
// off the page's main thread, so a document of 100,000 references never holds up a frame.
#include <emscripten.h>

#include <string>

#include "core/format/storable.h"

// The bytes come from the worker's script, piece by piece into the reader's window.
EM_JS(int, read_back_fill, (char* buffer, int capacity),
      { return Module.fillInput(buffer, capacity); });

extern "C" {

// "" when the bytes make a document with these counts, otherwise why not.
EMSCRIPTEN_KEEPALIVE const char* reftier_read_back(int references, int accounts) {
    static std::string answer;
    answer = reftier::stored_bytes_problem(
        [](char* buffer, std::size_t capacity) {
            return static_cast<std::size_t>(read_back_fill(buffer, static_cast<int>(capacity)));
        },
        static_cast<std::size_t>(references), static_cast<std::size_t>(accounts));
    return answer.c_str();
}
}
