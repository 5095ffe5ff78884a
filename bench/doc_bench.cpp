// Document benchmark of the core on its own: reading and writing a large document, and the
// derived results the app computes on the first frame after an import, each timed, with the
// heap in use after each step. Prints one JSON object on stdout.
//
// Usage: doc_bench DOCUMENT.json TITLE_RULES.json TIER_RULES.json
// Built natively (scripts/bench.sh --profile, under valgrind) and as wasm run by node with the
// real file system (NODERAWFS), so the wasm figures are those of the code the browser runs.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "core/format/document_json.h"
#include "core/format/document_merge.h"
#include "core/format/text_file.h"
#include "core/session/workspace.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/heap.h>
#else
#include <ctime>
#endif

#ifdef __EMSCRIPTEN__
// Emscripten's clock() is wall time; node knows the process's real CPU time.
EM_JS(double, process_cpu_ms, (), {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
});
#endif

namespace {

#ifndef __EMSCRIPTEN__
double process_cpu_ms() {
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}
#endif

// Each step is timed by the wall clock and by CPU time: on a machine busy with other work the
// wall clock grows, the CPU time does not.
struct Stopwatch {
    double wall_start = now_wall_ms();
    double cpu_start = process_cpu_ms();

    static double now_wall_ms() {
        return std::chrono::duration<double, std::milli>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    nlohmann::ordered_json elapsed() const {
        return {{"wall_ms", now_wall_ms() - wall_start}, {"cpu_ms", process_cpu_ms() - cpu_start}};
    }
};

template <typename Step> nlohmann::ordered_json fastest_of_runs(Step step) {
    constexpr int kRuns = 3;
    nlohmann::ordered_json best;
    for (int run = 0; run < kRuns; ++run) {
        Stopwatch watch;
        step();
        nlohmann::ordered_json elapsed = watch.elapsed();
        if (best.is_null() || elapsed["cpu_ms"].get<double>() < best["cpu_ms"].get<double>())
            best = std::move(elapsed);
    }
    return best;
}

// Bytes handed out by malloc and not yet freed.
double heap_used_bytes() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(mallinfo().uordblks);
#else
    return static_cast<double>(mallinfo2().uordblks);
#endif
}

// The size of the wasm memory: it only grows, so it is the high-water mark of the run.
double memory_size_bytes() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(emscripten_get_heap_size());
#else
    return 0;
#endif
}

// Reads the document from a file piece by piece, as the app reads what the browser offers it
// (a file, the stored document), so the whole text is never in memory.
std::optional<reftier::ReadResult> read_file_in_pieces(const char* path) {
    std::FILE* file = std::fopen(path, "rb");
    if (!file) return std::nullopt;
    reftier::ReadResult read = reftier::read_document([file](char* buffer, std::size_t capacity) {
        return std::fread(buffer, 1, capacity, file);
    });
    std::fclose(file);
    return read;
}

// The text in memory, handed out in pieces: the reader's own cost of reading in pieces.
reftier::ReadSource pieces_of(std::string_view text) {
    return [text](char* buffer, std::size_t capacity) mutable {
        const std::size_t count = std::min(capacity, text.size());
        std::memcpy(buffer, text.data(), count);
        text.remove_prefix(count);
        return count;
    };
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: doc_bench DOCUMENT.json TITLE_RULES.json TIER_RULES.json\n");
        return 2;
    }
    const std::optional<std::string> title_rules = reftier::read_text_file(argv[2]);
    const std::optional<std::string> tier_rules = reftier::read_text_file(argv[3]);
    if (!title_rules || !tier_rules) {
        std::fprintf(stderr, "doc_bench: cannot read the rules\n");
        return 1;
    }
    nlohmann::ordered_json out;
    // What the app does at start-up before it can draw.
    reftier::Workspace workspace;
    Stopwatch watch;
    for (const std::string& error : workspace.load_rules(*title_rules, *tier_rules))
        std::fprintf(stderr, "doc_bench: %s\n", error.c_str());
    out["load_rules"] = watch.elapsed();

    // Everything the run allocates from here on is the document's text or what it turns into.
    const double heap_baseline = heap_used_bytes();
    std::optional<reftier::ReadResult> in_pieces = read_file_in_pieces(argv[1]);
    if (!in_pieces || !in_pieces->document) {
        std::fprintf(stderr, "doc_bench: cannot read %s in pieces\n", argv[1]);
        return 1;
    }
    out["heap_document_read_in_pieces_bytes"] = heap_used_bytes() - heap_baseline;
    out["memory_after_read_in_pieces_bytes"] = memory_size_bytes();
    in_pieces.reset();

    std::optional<std::string> text = reftier::read_text_file(argv[1]);
    if (!text) {
        std::fprintf(stderr, "doc_bench: cannot read %s\n", argv[1]);
        return 1;
    }
    out["bytes"] = text->size();
    out["heap_text_bytes"] = heap_used_bytes() - heap_baseline;

    // Reading and writing are timed over a few runs and the run with the least CPU time is
    // kept: other work on the machine only ever adds to a run.
    reftier::ReadResult read;
    out["read"] = fastest_of_runs([&] { read = reftier::read_document(*text); });
    if (!read.document) {
        std::fprintf(stderr, "doc_bench: the document does not read: %s\n",
                     reftier::to_string(read.errors.front()).c_str());
        return 1;
    }
    out["references"] = read.document->references.size();
    out["memory_after_read_bytes"] = memory_size_bytes();
    out["read_in_pieces"] = fastest_of_runs([&] { reftier::read_document(pieces_of(*text)); });
    text.reset();
    out["heap_document_bytes"] = heap_used_bytes() - heap_baseline;

    std::size_t written_bytes = 0;
    out["write"] =
        fastest_of_runs([&] { written_bytes = reftier::write_document(*read.document, 2).size(); });
    out["written_bytes"] = written_bytes;
    out["write_compact"] = fastest_of_runs([&] { reftier::write_document(*read.document, -1); });

    // Importing as a merge plans it against the open document; importing the same file again is
    // the costliest case (every record matches).
    watch = Stopwatch();
    const std::size_t conflicts =
        reftier::plan_merge(*read.document, *read.document).conflicts.size();
    out["plan_merge_same_document"] = watch.elapsed();
    out["conflicts"] = conflicts;

    // What the app does with an imported document before and during the first frame after it:
    // the table's row order and the document-wide checks (duplicates, URL rules).
    workspace.replace_document(std::move(*read.document));
    read.document.reset();
    watch = Stopwatch();
    const std::size_t rows = workspace.query_rows(reftier::ReferenceQuery{}).size();
    out["query_sorted"] = watch.elapsed();
    out["rows"] = rows;
    watch = Stopwatch();
    const std::size_t checked = workspace.reference_check().has_error.size();
    out["reference_check"] = watch.elapsed();
    out["checked"] = checked;
    out["heap_after_first_frame_work_bytes"] = heap_used_bytes() - heap_baseline;

    // Typing in the filter box, one query per keystroke: "cloud", and "müller", which also
    // finds the generated "Café Müller" once the filter folds accents.
    const auto type_in_filter = [&](const std::string& typed, std::size_t first_length) {
        watch = Stopwatch();
        for (std::size_t length = first_length; length <= typed.size(); ++length) {
            reftier::ReferenceQuery query;
            query.text = typed.substr(0, length);
            if (length < typed.size() && (static_cast<unsigned char>(typed[length]) & 0xC0) == 0x80)
                continue; // not between two characters
            workspace.query_rows(query);
        }
        return watch.elapsed();
    };
    out["filter_five_keystrokes"] = type_in_filter("cloud", 1);
    workspace.query_rows(reftier::ReferenceQuery{});
    out["filter_accented_keystrokes"] = type_in_filter("m\xC3\xBCller", 1);

    // Sorting by the grade column needs every title's score.
    watch = Stopwatch();
    workspace.title_scores_within(reftier::Workspace::kNoBudget);
    out["title_scores"] = watch.elapsed();
    out["heap_with_title_reports_bytes"] = heap_used_bytes() - heap_baseline;
    out["memory_peak_bytes"] = memory_size_bytes();

    std::printf("%s\n", out.dump().c_str());
    return 0;
}
