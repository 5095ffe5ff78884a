// Title-check benchmark: runs the core's check_title over many records given in one buffer, so
// the figure is the checker's own cost, not JS<->wasm string marshalling per title.
//
// What is timed is what the table does for each row (Workspace::title_grade): build the row's
// TitleContext from its fields and run the check without the suggested rewrite, report findings
// included. The editor's check, suggestion included, is timed the same way for information.
// Splitting the records out of the buffer is a separate call, timed apart: the app never does
// it, and write-good is handed its titles ready as strings.
//
// Records are lines of tab-separated fields: title, customer, workload, industry, services
// (comma separated); bench/generate.mjs writes them. Built two ways:
//   - wasm (bench/title.mjs loads it in the same node process as write-good): exports
//     bench_title_load_rules, bench_title_load_records and bench_title_check; no main.
//   - native (scripts/bench.sh --profile): a main that reads the rules and records from files,
//     so valgrind can profile the same code; --with-suggestion profiles the editor's check.
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "../tests/support/split_fields.h"
#include "core/checks/title_check.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include "core/format/text_file.h"
#endif

using reftier::test::split_fields;

namespace {

// A row's fields, as a Reference holds them for the table.
struct TitleRecord {
    std::string_view title;
    std::string_view customer;
    std::string_view workload;
    std::string_view industry;
    std::vector<std::string_view> services;
};

std::vector<TitleRecord> parse_records(std::string_view buffer) {
    std::vector<TitleRecord> records;
    for (std::string_view line : split_fields(buffer, '\n')) {
        const std::vector<std::string_view> fields = split_fields(line, '\t');
        if (fields.size() != 5) continue;
        TitleRecord record;
        record.title = fields[0];
        record.customer = fields[1];
        record.workload = fields[2];
        record.industry = fields[3];
        if (!fields[4].empty()) record.services = split_fields(fields[4], ',');
        records.push_back(std::move(record));
    }
    return records;
}

double now_ms() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

reftier::TitleRulesPtr g_rules;
std::string g_text; // the records' text; g_records points into it
std::vector<TitleRecord> g_records;

// What a run found, so the caller can check that wasm and native agree and see the mix of
// grades the generated titles produce.
struct RunResult {
    std::size_t titles = 0;
    long long score_sum = 0;
    std::size_t grades[3] = {0, 0, 0}; // weak, fair, strong
    std::size_t findings = 0;
    double loop_ms = 0; // the check loop alone, records already split
};

RunResult g_last;

void load_records(std::string_view text) {
    g_text.assign(text);
    g_records = parse_records(g_text);
}

RunResult check_all(bool want_suggestion) {
    RunResult result;
    result.titles = g_records.size();
    const double start = now_ms();
    for (const TitleRecord& record : g_records) {
        reftier::TitleContext context;
        context.customer = record.customer;
        context.workload = record.workload;
        context.industry = record.industry;
        for (std::string_view service : record.services) context.services.push_back(service);
        context.want_suggestion = want_suggestion;
        const reftier::TitleReport report = reftier::check_title(record.title, context, *g_rules);
        result.score_sum += report.score;
        ++result.grades[static_cast<int>(report.grade)];
        result.findings += report.findings.size();
    }
    result.loop_ms = now_ms() - start;
    return result;
}

bool load_rules(std::string_view json_text, std::string_view aws_services_json) {
    reftier::TitleRulesLoad load = reftier::load_title_rules_text(json_text, aws_services_json);
    for (const std::string& error : load.errors) std::fprintf(stderr, "%s\n", error.c_str());
    g_rules = std::move(load.rules);
    return g_rules != nullptr;
}

} // namespace

#ifdef __EMSCRIPTEN__

extern "C" {

EMSCRIPTEN_KEEPALIVE int bench_title_load_rules(const char* json_text,
                                                const char* aws_services_json) {
    return load_rules(json_text, aws_services_json) ? 1 : 0;
}

// Copies buffer[0, length) and splits it into records for bench_title_check; returns how many.
EMSCRIPTEN_KEEPALIVE double bench_title_load_records(const char* buffer, std::size_t length) {
    load_records(std::string_view(buffer, length));
    return double(g_records.size());
}

// Checks every loaded record, with the suggestion when want_suggestion is not 0; returns the
// loop time in ms. The other figures of the run are read with bench_title_result(i) afterwards.
EMSCRIPTEN_KEEPALIVE double bench_title_check(int want_suggestion) {
    g_last = check_all(want_suggestion != 0);
    return g_last.loop_ms;
}

// 0 titles, 1 score sum, 2 weak, 3 fair, 4 strong, 5 findings.
EMSCRIPTEN_KEEPALIVE double bench_title_result(int which) {
    const double values[] = {double(g_last.titles),    double(g_last.score_sum),
                             double(g_last.grades[0]), double(g_last.grades[1]),
                             double(g_last.grades[2]), double(g_last.findings)};
    return which >= 0 && which < 6 ? values[which] : -1;
}
}

#else

int main(int argc, char** argv) {
    const bool want_suggestion = argc == 4 && std::string_view(argv[3]) == "--with-suggestion";
    if (argc != 3 && !want_suggestion) {
        std::fprintf(stderr,
                     "usage: title_bench TITLE_RULES.json RECORDS.tsv [--with-suggestion]\n");
        return 2;
    }
    // The AWS service names sit next to the title rules (assets/aws_services.json).
    const std::string rules_path = argv[1];
    const std::string services_path =
        rules_path.substr(0, rules_path.find_last_of('/') + 1) + "aws_services.json";
    const std::optional<std::string> rules = reftier::read_text_file(rules_path);
    const std::optional<std::string> services = reftier::read_text_file(services_path);
    const std::optional<std::string> records = reftier::read_text_file(argv[2]);
    if (!rules || !services || !records || !load_rules(*rules, *services)) {
        std::fprintf(stderr, "title_bench: cannot read %s, %s or %s\n", argv[1],
                     services_path.c_str(), argv[2]);
        return 1;
    }
    load_records(*records);
    const RunResult r = check_all(want_suggestion);
    std::printf("%stitles %zu, %.1f ms, %.3f us per title, score sum %lld, weak %zu, fair %zu, "
                "strong %zu, findings %zu\n",
                want_suggestion ? "with suggestion: " : "", r.titles, r.loop_ms,
                r.loop_ms * 1000 / double(r.titles), r.score_sum, r.grades[0], r.grades[1],
                r.grades[2], r.findings);
    return 0;
}

#endif
