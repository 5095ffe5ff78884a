// reftier: the command-line face of the core, for partners who lint their references file in a
// script before submitting. Every subcommand has --json output for machines and plain words
// for people. Exit codes: 0 clean, 1 the input has errors, 2 usage error.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/checks/account_check.h"
#include "core/checks/reference_check.h"
#include "core/checks/title_check.h"
#include "core/format/ace_import.h"
#include "core/format/document_json.h"
#include "core/format/document_merge.h"
#include "core/format/reference_csv.h"
#include "core/format/text_file.h"
#include "core/model/date.h"
#include "core/progress/progress_text.h"
#include "core/progress/tier_progress.h"
#include "core/text/name_list.h"
#include "core/text/utf8_text.h"

using namespace reftier;
using nlohmann::json;

namespace {

constexpr int kExitClean = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;

const char* const kUsage = R"(usage: reftier <command> [options]

commands:
  check-title "TITLE" [--customer NAME] [--workload TEXT] [--industry TEXT] [--services A,B]
                        score a public reference title, explain every finding, suggest a rewrite
  validate FILE.json    check a RefTier document: every error with its JSON path
  progress FILE.json [--today YYYY-MM-DD] [--rule-set ID]
                        tier progress: approved, pending with expected dates, missing per tier,
                        each tier's other requirements against the document's scorecard, and
                        what holds the next tier back (rule sets: the document's own, then the
                        shipped ones)
  accounts FILE.json    which AWS accounts earn APN points, as a tree, with fixes
  export-csv FILE.json [--bom] [--output OUT.csv]
                        the references as CSV (RFC 4180, UTF-8; --bom for Excel), to stdout
  import-csv FILE.csv [--into FILE.json] [--good-rows]
                        references from CSV with a header row, printed as a RefTier document
                        (merged into --into); every bad row by line and column, and nothing
                        imported unless --good-rows skips the bad rows; the delimiter (, ; or
                        tab) is the one the header row uses
  import-ace FILE.json... [--into FILE.json]
                        draft references from the launched opportunities in the output of
                        `aws partnercentral-selling list-opportunities` (pages in one file or
                        several) or `get-opportunity`, printed as a RefTier document (merged
                        into --into); opportunities a reference already carries are skipped

options for every command:
  --json                machine-readable output on stdout
  --assets DIR          rule files (title_rules.json, aws_services.json, tier_rules.json);
                        default: the built-in path
  --help                this text

exit codes: 0 clean, 1 the input has errors, 2 usage error
)";

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; // --name value
    std::set<std::string> flags;                // --name, without a value
    bool json = false;
};

// Options that take a value; everything else starting with -- is a flag.
bool takes_value(const std::string& name) {
    static const char* const names[] = {"--customer", "--workload", "--industry",
                                        "--services", "--today",    "--rule-set",
                                        "--assets",   "--output",   "--into"};
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

// Options without a value, besides --json.
bool is_flag(const std::string& name) {
    return name == "--bom" || name == "--good-rows";
}

// JSON output never aborts: text that is not UTF-8 (a file name, say) is written as U+FFFD.
std::string dump(const json& value) {
    return value.dump(2, ' ', false, json::error_handler_t::replace);
}

// A file name (or a message that holds one) as shown on the terminal: as typed, or quoted and
// escaped when it holds bytes a terminal would act on.
std::string shown(const std::string& text) {
    return prints_as_itself(text) ? text : quote_for_message(text);
}

int usage_error(const std::string& message) {
    std::cerr << "reftier: " << message << "\n(run 'reftier --help' for usage)\n";
    return kExitUsage;
}

std::string assets_dir(const Args& args) {
    if (auto it = args.options.find("--assets"); it != args.options.end()) return it->second;
    if (const char* env = std::getenv("REFTIER_ASSETS")) return env;
    return REFTIER_DEFAULT_ASSETS_DIR;
}

std::optional<std::string> read_asset(const Args& args, const std::string& name) {
    const std::string path = assets_dir(args) + "/" + name;
    auto text = read_text_file(path);
    if (!text) std::cerr << "reftier: cannot read " << shown(path) << " (set --assets DIR)\n";
    return text;
}

json finding_json(const Finding& f) {
    json spans = json::array();
    for (const Span& s : f.spans) spans.push_back({{"begin", s.begin}, {"length", s.length}});
    json out = {{"severity", to_string(f.severity)}, {"code", f.code}, {"message", f.message}};
    if (!f.path.empty()) out["path"] = f.path;
    if (!spans.empty()) out["spans"] = spans;
    if (!f.related_id.empty()) out["related_id"] = f.related_id;
    return out;
}

void print_finding(const Finding& f) {
    std::cout << "  " << to_string(f.severity) << " [" << f.code << "] ";
    if (!f.path.empty()) std::cout << f.path << ": ";
    std::cout << f.message << "\n";
}

std::string option(const Args& args, const char* name) {
    auto it = args.options.find(name);
    return it == args.options.end() ? std::string() : it->second;
}

int check_title_command(const Args& args) {
    if (args.positional.size() != 1) return usage_error("check-title takes one TITLE argument");
    const auto rules_text = read_asset(args, "title_rules.json");
    const auto services_text = read_asset(args, "aws_services.json");
    if (!rules_text || !services_text) return kExitUsage;
    TitleRulesLoad rules = load_title_rules_text(*rules_text, *services_text);
    if (!rules.rules) {
        for (const auto& e : rules.errors) std::cerr << "reftier: " << e << "\n";
        return kExitUsage;
    }
    // The title and its context are read as UTF-8: other bytes get a message, not a guess.
    if (!is_valid_utf8(args.positional[0])) {
        std::cerr << "reftier: the title is not UTF-8 text: "
                  << quote_for_message(args.positional[0]) << "\n";
        return kExitInputErrors;
    }
    for (const char* name : {"--customer", "--workload", "--industry", "--services"}) {
        if (is_valid_utf8(option(args, name))) continue;
        std::cerr << "reftier: " << name
                  << " is not UTF-8 text: " << quote_for_message(option(args, name)) << "\n";
        return kExitInputErrors;
    }
    const std::string customer = option(args, "--customer"), workload = option(args, "--workload"),
                      industry = option(args, "--industry");
    const std::vector<std::string> services = split_names(option(args, "--services"), ',');
    TitleContext context;
    context.customer = customer;
    context.workload = workload;
    context.industry = industry;
    for (const auto& s : services) context.services.push_back(s);
    const TitleReport report = check_title(args.positional[0], context, *rules.rules);

    if (args.json) {
        json out = {
            {"title", args.positional[0]},
            {"score", report.score},
            {"grade", to_string(report.grade)},
            {"findings", json::array()},
            {"suggestion", report.suggestion.empty() ? json(nullptr) : json(report.suggestion)}};
        for (const auto& f : report.findings) out["findings"].push_back(finding_json(f));
        std::cout << dump(out) << "\n";
    } else {
        std::cout << "score " << report.score << "/100, " << to_string(report.grade) << "\n";
        for (const auto& f : report.findings) print_finding(f);
        if (!report.suggestion.empty())
            std::cout << "suggested title: " << report.suggestion << "\n";
    }
    return has_errors(report.findings) ? kExitInputErrors : kExitClean;
}

// Reads the document at `path`; on failure prints every error (with its path), also as JSON
// on stdout when `json_output`, and returns nullopt.
std::optional<Document> read_document_file(const std::string& path, bool json_output) {
    auto text = read_text_file(path);
    if (!text) {
        std::cerr << "reftier: cannot read " << shown(path) << "\n";
        return std::nullopt;
    }
    ReadResult read = read_document(*text);
    if (read.document) return std::move(read.document);
    if (json_output) {
        json out = {{"file", path}, {"valid", false}, {"errors", json::array()}};
        for (const auto& e : read.errors)
            out["errors"].push_back({{"path", e.path}, {"message", e.message}});
        std::cout << dump(out) << "\n";
    }
    std::cerr << shown(path) << ": " << read.errors.size() << " error(s)\n";
    for (const auto& e : read.errors) std::cerr << "  " << to_string(e) << "\n";
    return std::nullopt;
}

// Reads the FILE.json argument; on failure prints every error and returns nullopt.
std::optional<Document> load_document(const Args& args, const char* command) {
    if (args.positional.size() != 1) {
        usage_error(std::string(command) + " takes one FILE.json argument");
        return std::nullopt;
    }
    return read_document_file(args.positional[0], args.json);
}

int validate_command(const Args& args) {
    auto doc = load_document(args, "validate");
    if (!doc) return args.positional.size() == 1 ? kExitInputErrors : kExitUsage;
    const DocumentCheck check = check_references(doc->references);
    std::vector<Finding> findings;
    for (std::size_t i = 0; i < doc->references.size(); ++i) {
        std::vector<Finding> of_reference = findings_of(check, doc->references, i);
        findings.insert(findings.end(), of_reference.begin(), of_reference.end());
    }
    const AccountReport accounts = check_accounts(doc->accounts);
    for (const auto& f : accounts.findings)
        if (f.severity == Severity::Error) findings.push_back(f);
    const bool errors = has_errors(findings);

    if (args.json) {
        json out = {{"file", args.positional[0]},
                    {"valid", !errors},
                    {"errors", json::array()},
                    {"findings", json::array()}};
        for (const auto& f : findings) {
            if (f.severity == Severity::Error)
                out["errors"].push_back({{"path", f.path}, {"message", f.message}});
            out["findings"].push_back(finding_json(f));
        }
        std::cout << dump(out) << "\n";
    } else {
        std::cout << shown(args.positional[0]) << ": " << doc->references.size() << " references, "
                  << doc->accounts.size() << " accounts, " << (errors ? "has errors" : "valid")
                  << "\n";
        for (const auto& f : findings) print_finding(f);
    }
    return errors ? kExitInputErrors : kExitClean;
}

json date_json(const std::optional<Date>& date) {
    return date ? json(format_iso_date(*date)) : json(nullptr);
}

json requirement_json(const RequirementStatus& r) {
    return {{"id", r.id},
            {"name", r.name},
            {"required", r.required},
            {"have", r.have ? json(*r.have) : json(nullptr)},
            {"met", r.met},
            {"missing", r.missing}};
}

json tier_json(const TierStatus& t) {
    json requirements = json::array();
    for (const auto& r : t.requirements) requirements.push_back(requirement_json(r));
    return {{"name", t.name},
            {"required", t.required ? json(*t.required) : json(nullptr)},
            {"approved", t.approved},
            {"pending", t.pending},
            {"missing", t.missing},
            {"to_find", t.to_find},
            {"reached", t.reached},
            {"expected_date", date_json(t.expected_date)},
            {"expected_overdue", t.expected_overdue},
            {"references", references_text(t)},
            {"requirements", requirements},
            {"holding_back", holding_back(t)}};
}

int progress_command(const Args& args) {
    Date today{};
    if (auto text = option(args, "--today"); !text.empty()) {
        auto parsed = parse_iso_date(text);
        if (!parsed) return usage_error("--today must be a real date as YYYY-MM-DD");
        today = *parsed;
    } else {
        today = Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    }
    auto doc = load_document(args, "progress");
    if (!doc) return args.positional.size() == 1 ? kExitInputErrors : kExitUsage;
    auto rules_text = read_asset(args, "tier_rules.json");
    if (!rules_text) return kExitUsage;
    RuleSetsLoad shipped = load_rule_sets_text(*rules_text);
    for (const auto& e : shipped.errors) std::cerr << "reftier: tier_rules.json: " << e << "\n";
    if (!shipped.errors.empty()) return kExitUsage;
    // The document's own rule sets take the place of shipped ones with the same id.
    const std::vector<RuleSet> sets = rule_sets_with(shipped.rule_sets, doc->rule_sets);
    const std::string id = option(args, "--rule-set");
    const RuleSet* rules = id.empty() ? active_rule_set(sets, shipped.defaults, doc->partner)
                                      : find_rule_set(sets, id);
    if (!rules) return usage_error("unknown rule set " + quote_for_message(id));

    const TierProgress p =
        compute_tier_progress(*doc, check_references(doc->references), *rules, today);
    const auto advice = overdue_advice(p, *rules);
    if (args.json) {
        json out = {{"rule_set", rules->id},
                    {"rule_set_name", rules->name},
                    {"source", rules->source},
                    {"verified", rules->verified},
                    {"today", format_iso_date(today)},
                    {"current_tier", p.current_tier},
                    {"next_tier", p.next_tier ? json(*p.next_tier) : json(nullptr)},
                    {"next_tier_expected", date_json(p.next_tier_expected)},
                    {"next", next_tier_text(p)},
                    {"approved", p.approved},
                    {"pending", p.pending},
                    {"overdue", p.overdue},
                    {"overdue_advice", advice ? json(*advice) : json(nullptr)},
                    {"tiers", json::array()},
                    {"pending_references", json::array()}};
        for (const auto& t : p.tiers) out["tiers"].push_back(tier_json(t));
        for (const auto& r : p.pending_references)
            out["pending_references"].push_back({{"id", doc->references[r.index].id},
                                                 {"expected", format_iso_date(r.expected)},
                                                 {"overdue", r.overdue}});
        std::cout << dump(out) << "\n";
        return kExitClean;
    }
    std::cout << rules->name << ", as of " << format_iso_date(today) << "\n"
              << "  " << source_text(*rules) << "\n"
              << "current tier: " << (p.current_tier.empty() ? "none" : p.current_tier) << " ("
              << p.approved << " approved, " << p.pending << " pending)\n"
              << next_tier_text(p) << "\n";
    if (const auto mismatch = path_mismatch_text(doc->partner, *rules))
        std::cout << "note: " << *mismatch << "\n";
    for (const auto& t : p.tiers) {
        std::cout << "  " << t.name << (t.reached ? " (reached)" : "") << ": " << references_text(t)
                  << "\n";
        for (const auto& r : t.requirements) std::cout << "    " << requirement_text(r) << "\n";
    }
    std::cout << pending_heading(*rules) << "\n";
    for (const auto& r : p.pending_references)
        std::cout << "  pending " << doc->references[r.index].id << ": decision expected "
                  << format_iso_date(r.expected) << (r.overdue ? " (overdue)" : "") << "\n";
    if (advice) std::cout << *advice << "\n";
    return kExitClean;
}

void print_tree(const Document& doc, const AccountReport& report, const AccountTreeNode& node,
                const std::string& indent) {
    std::cout << indent;
    if (node.kind == AccountTreeNode::Kind::Account) {
        const auto i = static_cast<std::size_t>(node.account_index);
        const Account& a = doc.accounts[i];
        std::cout << a.id << " " << a.name << " [" << describe(report.accounts[i].state) << "]\n";
        if (!report.accounts[i].fix.empty())
            std::cout << indent << "    fix: " << report.accounts[i].fix << "\n";
    } else {
        std::cout << node.label << "\n";
    }
    for (const auto& child : node.children) print_tree(doc, report, child, indent + "  ");
}

int accounts_command(const Args& args) {
    auto doc = load_document(args, "accounts");
    if (!doc) return args.positional.size() == 1 ? kExitInputErrors : kExitUsage;
    const AccountReport report = check_accounts(doc->accounts);
    const bool losing = report.with_activity_earning < report.with_activity;
    const bool errors = has_errors(report.findings);
    if (args.json) {
        json out = {{"accounts", json::array()},
                    {"with_activity", report.with_activity},
                    {"with_activity_earning", report.with_activity_earning},
                    {"findings", json::array()}};
        for (std::size_t i = 0; i < doc->accounts.size(); ++i) {
            const Account& a = doc->accounts[i];
            const AccountStatus& s = report.accounts[i];
            json warnings = json::array();
            for (const auto& f : s.findings) warnings.push_back(f.message);
            out["accounts"].push_back({{"id", a.id},
                                       {"name", a.name},
                                       {"state", to_string(s.state)},
                                       {"earns_points", s.earns_points},
                                       {"warnings", warnings},
                                       {"fix", s.fix.empty() ? json(nullptr) : json(s.fix)}});
        }
        for (const auto& f : report.findings) out["findings"].push_back(finding_json(f));
        std::cout << dump(out) << "\n";
    } else {
        print_tree(*doc, report, report.tree, "");
        std::cout << report.with_activity_earning << " of " << report.with_activity
                  << " accounts with partner activity earn APN points\n";
        for (const auto& f : report.findings) print_finding(f);
    }
    return losing || errors ? kExitInputErrors : kExitClean;
}

int export_csv_command(const Args& args) {
    auto doc = load_document(args, "export-csv");
    if (!doc) return args.positional.size() == 1 ? kExitInputErrors : kExitUsage;
    const std::string csv = write_references_csv(doc->references, args.flags.contains("--bom"));
    const std::string output = option(args, "--output");
    if (output.empty()) {
        std::cout << csv;
        return kExitClean;
    }
    const std::string error = write_text_file_atomically(output, csv);
    if (error.empty()) return kExitClean;
    std::cerr << "reftier: " << shown(error) << "\n";
    return kExitInputErrors;
}

// The --into document, or a new one when none is named; nullopt (errors printed) when it
// cannot be read.
std::optional<Document> read_into(const std::string& into) {
    if (into.empty()) return Document{};
    return read_document_file(into, false);
}

int import_csv_command(const Args& args) {
    if (args.positional.size() != 1) return usage_error("import-csv takes one FILE.csv argument");
    const std::string& path = args.positional[0];
    const auto text = read_text_file(path);
    if (!text) {
        std::cerr << "reftier: cannot read " << shown(path) << "\n";
        return kExitInputErrors;
    }
    const std::string into = option(args, "--into");
    const std::optional<Document> into_document = read_into(into);
    if (!into_document) return kExitInputErrors;
    const Document& current = *into_document;
    const CsvImport read = read_references_csv(*text, current);
    // A bad header leaves no good rows to choose, so --good-rows cannot make it a success.
    const bool apply =
        read.header_ok && (read.errors.empty() || args.flags.contains("--good-rows"));
    Document incoming;
    if (apply) incoming.references = read.references;
    const MergePlan plan = plan_merge(current, incoming);

    for (const auto& notice : read.notices)
        std::cerr << shown(path) << ": note: " << notice << "\n";
    if (!read.errors.empty()) {
        std::cerr << shown(path) << ": " << read.errors.size() << " error(s)"
                  << (apply ? ", bad rows skipped" : ", nothing imported") << "\n";
        for (const auto& e : read.errors) std::cerr << "  " << to_string(e) << "\n";
    }
    // Rows whose id is already in the document keep the document's version (KeepCurrent).
    for (const auto& c : plan.conflicts)
        std::cerr << shown(path) << ": note: " << c.id << " is already in " << shown(into)
                  << " with other values; kept the one there\n";

    if (args.json) {
        json out = {{"rows", read.rows},
                    {"imported", plan.references_added},
                    {"errors", json::array()},
                    {"notices", read.notices}};
        for (const auto& e : read.errors)
            out["errors"].push_back(
                {{"line", e.line}, {"column", e.column}, {"message", e.message}});
        std::cout << dump(out) << "\n";
    } else if (apply) {
        std::cout << write_document(
            merge_documents(current, incoming, ConflictPolicy::KeepCurrent));
    }
    return apply ? kExitClean : kExitInputErrors;
}

int import_ace_command(const Args& args) {
    if (args.positional.empty()) return usage_error("import-ace takes one or more FILE.json");
    std::vector<std::string> texts;
    for (const std::string& path : args.positional) {
        auto text = read_text_file(path);
        if (!text) {
            std::cerr << "reftier: cannot read " << path << "\n";
            return kExitInputErrors;
        }
        texts.push_back(std::move(*text));
    }
    std::vector<AceInput> inputs;
    for (std::size_t i = 0; i < texts.size(); ++i) inputs.push_back({args.positional[i], texts[i]});
    const std::string into = option(args, "--into");
    const std::optional<Document> into_document = read_into(into);
    if (!into_document) return kExitInputErrors;
    const Document& current = *into_document;
    const AceImport read = read_ace_opportunities(inputs, current);
    if (!read.errors.empty()) {
        std::cerr << read.errors.size() << " error(s), nothing imported\n";
        for (const auto& e : read.errors) std::cerr << "  " << to_string(e) << "\n";
    } else {
        std::cerr << read.opportunities << " opportunities, " << read.launched
                  << " launched: " << read.references.size() << " new draft reference(s)\n";
        for (const auto& skip : read.skipped)
            std::cerr << "  skipped " << skip.opportunity_id << " (" << skip.customer
                      << "): " << skip.reason << "\n";
    }
    if (args.json) {
        json out = {{"opportunities", read.opportunities},
                    {"launched", read.launched},
                    {"added", json::array()},
                    {"skipped", json::array()},
                    {"errors", json::array()}};
        for (const auto& r : read.references)
            out["added"].push_back({{"id", r.id},
                                    {"customer", r.customer},
                                    {"ace_opportunity_id", *r.ace_opportunity_id}});
        for (const auto& skip : read.skipped)
            out["skipped"].push_back({{"ace_opportunity_id", skip.opportunity_id},
                                      {"customer", skip.customer},
                                      {"reason", skip.reason}});
        for (const auto& e : read.errors)
            out["errors"].push_back({{"file", e.file}, {"path", e.path}, {"message", e.message}});
        std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    } else if (read.errors.empty()) {
        std::cout << write_document(with_ace_drafts(current, read));
    }
    return read.errors.empty() ? kExitClean : kExitInputErrors;
}

int run(int argc, char** argv) {
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return kExitClean;
        }
        if (a == "--version") {
            std::cout << "reftier " << REFTIER_VERSION << "\n";
            return kExitClean;
        }
        if (a == "--json")
            args.json = true;
        else if (is_flag(a))
            args.flags.insert(a);
        else if (a.rfind("--", 0) == 0) {
            if (!takes_value(a)) return usage_error("unknown option " + quote_for_message(a));
            if (i + 1 >= argc) return usage_error(a + " needs a value");
            args.options[a] = argv[++i];
        } else if (args.command.empty())
            args.command = a;
        else
            args.positional.push_back(a);
    }
    if (args.command.empty()) return usage_error("no command given");
    if (args.command == "check-title") return check_title_command(args);
    if (args.command == "validate") return validate_command(args);
    if (args.command == "progress") return progress_command(args);
    if (args.command == "accounts") return accounts_command(args);
    if (args.command == "export-csv") return export_csv_command(args);
    if (args.command == "import-csv") return import_csv_command(args);
    if (args.command == "import-ace") return import_ace_command(args);
    return usage_error("unknown command " + quote_for_message(args.command));
}

} // namespace

// No command may abort: an error no check foresaw still ends with a message and exit 1.
int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "reftier: stopped by an unexpected error (" << error.what() << ")\n";
        return kExitInputErrors;
    }
}
