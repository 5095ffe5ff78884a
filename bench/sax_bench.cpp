// The reader question of issue 16: would nlohmann's own SAX interface (`json::sax_parse` with a
// handler that fills records) do as well as the project's JSON cursor (format/json_cursor)?
// Times both on the same document text, natively and as wasm under node, and prints one JSON
// object. The handler below is the cheapest honest one: it fills every known field of every
// reference and account, looks enums up and parses dates, but checks nothing else (no
// lengths, control characters, URL rules, duplicate ids or error paths) and drops unknown
// fields, where the real reader keeps them. So its time is a lower bound for a SAX reader
// that did the real reader's work.
//
// Usage: sax_bench DOCUMENT.json
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/format/document_json.h"
#include "core/format/text_file.h"
#include "core/model/date.h"
#include "core/model/enum_names.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
// Emscripten's clock() is wall time; node knows the process's real CPU time.
EM_JS(double, process_cpu_ms, (), {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
});
#else
#include <ctime>
static double process_cpu_ms() {
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}
#endif

namespace {

using nlohmann::json;
using namespace reftier;

// Where the handler is: which container, and for records which field the next value fills.
enum class Place { Root, Partner, ReferenceList, Reference, Services, AccountList, Account, Skip };

class FillingHandler : public nlohmann::json_sax<json> {
  public:
    Document document;
    bool ok = true;

    bool null() override { return true; }
    bool boolean(bool value) override {
        if (top() == Place::Account) {
            if (key_ == "linked") document.accounts.back().linked = value;
            if (key_ == "partner_activity") document.accounts.back().partner_activity = value;
        }
        return true;
    }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }

    bool string(string_t& value) override {
        switch (top()) {
        case Place::Partner:
            if (key_ == "name")
                document.partner.name = std::move(value);
            else if (key_ == "rule_set")
                document.partner.rule_set = std::move(value);
            else if (key_ == "path")
                set_enum(document.partner.path, value);
            break;
        case Place::Reference:
            fill_reference(document.references.back(), value);
            break;
        case Place::Services:
            document.references.back().services.push_back(std::move(value));
            break;
        case Place::Account: {
            Account& a = document.accounts.back();
            if (key_ == "id")
                a.id = std::move(value);
            else if (key_ == "name")
                a.name = std::move(value);
            else if (key_ == "parent")
                a.parent = std::move(value);
            else if (key_ == "role")
                set_enum(a.role, value);
            break;
        }
        default:
            break;
        }
        return true;
    }

    bool start_object(std::size_t) override {
        switch (top()) {
        case Place::Root:
            if (stack_.empty()) return push(Place::Root);
            return push(key_ == "partner" ? Place::Partner : Place::Skip);
        case Place::ReferenceList:
            document.references.emplace_back();
            return push(Place::Reference);
        case Place::AccountList:
            document.accounts.emplace_back();
            return push(Place::Account);
        default:
            return push(Place::Skip);
        }
    }
    bool end_object() override { return pop(); }
    bool start_array(std::size_t) override {
        if (top() == Place::Root && key_ == "references") return push(Place::ReferenceList);
        if (top() == Place::Root && key_ == "accounts") return push(Place::AccountList);
        if (top() == Place::Reference && key_ == "services") return push(Place::Services);
        return push(Place::Skip);
    }
    bool end_array() override { return pop(); }
    bool key(string_t& name) override {
        key_ = name;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        ok = false;
        return false;
    }

  private:
    template <typename E> void set_enum(E& out, const std::string& text) {
        if (const std::optional<E> value = from_json_name<E>(text)) out = *value;
    }
    void fill_reference(Reference& r, std::string& value) {
        if (key_ == "id")
            r.id = std::move(value);
        else if (key_ == "customer")
            r.customer = std::move(value);
        else if (key_ == "title")
            r.title = std::move(value);
        else if (key_ == "url")
            r.url = std::move(value);
        else if (key_ == "workload")
            r.workload = std::move(value);
        else if (key_ == "industry")
            r.industry = std::move(value);
        else if (key_ == "notes")
            r.notes = std::move(value);
        else if (key_ == "asset_type")
            set_enum(r.asset_type, value);
        else if (key_ == "channel")
            set_enum(r.channel, value);
        else if (key_ == "status")
            set_enum(r.status, value);
        else if (key_ == "submitted_on")
            r.submitted_on = parse_iso_date(value);
        else if (key_ == "decided_on")
            r.decided_on = parse_iso_date(value);
    }
    Place top() const { return stack_.empty() ? Place::Root : stack_.back(); }
    bool push(Place place) {
        stack_.push_back(place);
        return true;
    }
    bool pop() {
        stack_.pop_back();
        return true;
    }
    std::vector<Place> stack_;
    std::string key_;
};

double now_wall_ms() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The least CPU time of a few runs: other work on the machine only ever adds to a run.
template <typename Step> nlohmann::ordered_json fastest_of_runs(Step step) {
    constexpr int kRuns = 5;
    double best_cpu = 1e300, best_wall = 0;
    for (int run = 0; run < kRuns; ++run) {
        const double wall = now_wall_ms(), cpu = process_cpu_ms();
        step();
        const double used = process_cpu_ms() - cpu;
        if (used < best_cpu) {
            best_cpu = used;
            best_wall = now_wall_ms() - wall;
        }
    }
    return {{"cpu_ms", best_cpu}, {"wall_ms", best_wall}};
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: sax_bench DOCUMENT.json\n");
        return 2;
    }
    const std::optional<std::string> text = read_text_file(argv[1]);
    if (!text) {
        std::fprintf(stderr, "sax_bench: cannot read %s\n", argv[1]);
        return 1;
    }
    nlohmann::ordered_json out;
    out["bytes"] = text->size();

    std::size_t cursor_references = 0;
    out["cursor_read_document"] = fastest_of_runs([&] {
        const ReadResult read = read_document(*text);
        cursor_references = read.document ? read.document->references.size() : 0;
    });
    std::size_t sax_references = 0;
    out["nlohmann_sax_filling_records"] = fastest_of_runs([&] {
        FillingHandler handler;
        json::sax_parse(text->data(), text->data() + text->size(), &handler);
        sax_references = handler.ok ? handler.document.references.size() : 0;
    });
    std::size_t dom_references = 0;
    out["nlohmann_dom_parse"] =
        fastest_of_runs([&] { dom_references = json::parse(*text)["references"].size(); });
    out["references"] = {
        {"cursor", cursor_references}, {"sax", sax_references}, {"dom", dom_references}};
    out["sax_over_cursor"] = out["nlohmann_sax_filling_records"]["cpu_ms"].get<double>() /
                             out["cursor_read_document"]["cpu_ms"].get<double>();
    std::printf("%s\n", out.dump(2).c_str());
    return cursor_references == sax_references && cursor_references > 0 ? 0 : 1;
}
