// Reading assets/tier_rules.json through the document reader's rule set table, then judging its
// "default" entries against the rule sets read.
#include "core/format/rule_set_file.h"

#include <algorithm>

#include "core/format/document_fields.h"
#include "core/format/record_fields.h"

namespace reftier {

namespace {

using namespace detail;

// The file as read, before its defaults are judged.
struct FileFields {
    std::vector<RuleSet> rule_sets;
    std::vector<std::pair<std::string, std::string>> defaults; // (path as written, rule set id)
    nlohmann::json unknown_fields;
};

void read_defaults(const Field& field, FileFields& out) {
    JsonCursor& cursor = field.cursor;
    if (cursor.next_kind() != ValueKind::Object)
        return field.fail("must be an object naming a rule set id per path" + found(cursor));
    out.defaults.clear();
    const std::string path = field.path();
    const RecordPath record{path, std::nullopt};
    std::string key;
    for (bool more = cursor.first_member(key); more; more = cursor.next_member(key)) {
        std::string id;
        if (!from_json_name<PartnerPath>(key)) { // the key may hold anything: quoted, not a path
            field.fail(quote(key) + " is not a path; use " + expected_names<PartnerPath>());
            cursor.skip_value();
            continue;
        }
        read_line(Field{field.errors, cursor, record, key, std::nullopt}, id);
        out.defaults.emplace_back(key, std::move(id));
    }
}

constexpr FieldRule<FileFields> kFileFields[] = {
    {"rule_sets", true, [](const Field& f, FileFields& d) { read_rule_set_list(f, d.rule_sets); },
     nullptr},
    {"default", true, read_defaults, nullptr},
};

// Each default names a rule set of its own path; a path with rule sets has one.
std::vector<RuleSetDefault> check_defaults(const FileFields& file, ReadErrors& errors) {
    std::vector<RuleSetDefault> defaults;
    for (const auto& entry : file.defaults) {
        const std::string& path_name = entry.first;
        const std::string& id = entry.second; // clang 14 cannot capture a structured binding
        const PartnerPath path = *from_json_name<PartnerPath>(path_name);
        const auto set = std::find_if(file.rule_sets.begin(), file.rule_sets.end(),
                                      [&](const RuleSet& s) { return s.id == id; });
        if (set == file.rule_sets.end() || set->path != path) {
            errors.add("default." + path_name, "must be the id of a " + path_name + " rule set");
            continue;
        }
        defaults.push_back({path, id});
    }
    for (const auto& name : enum_names<PartnerPath>()) {
        const bool has_sets = std::any_of(file.rule_sets.begin(), file.rule_sets.end(),
                                          [&](const RuleSet& s) { return s.path == name.value; });
        const bool has_default =
            std::any_of(file.defaults.begin(), file.defaults.end(),
                        [&](const auto& entry) { return entry.first == name.json; });
        if (has_sets && !has_default)
            errors.add("default." + std::string(name.json), "missing: every path with rule sets "
                                                            "needs a default");
    }
    return defaults;
}

} // namespace

RuleSetFile read_rule_set_file(std::string_view text) {
    RuleSetFile result;
    JsonCursor cursor(text);
    if (cursor.at_end()) {
        result.errors.push_back({"", "the file is empty"});
        return result;
    }
    ReadErrors errors;
    FileFields file;
    read_record(errors, cursor, RecordPath{}, kFileFields, file);
    cursor.expect_end();
    if (cursor.failed()) {
        result.errors.push_back({"", cursor.error()});
        return result;
    }
    if (errors.empty() && file.rule_sets.empty())
        errors.add("rule_sets", "must hold at least one rule set");
    if (errors.empty()) result.defaults = check_defaults(file, errors);
    result.errors = errors.take();
    if (result.errors.empty())
        result.rule_sets = std::move(file.rule_sets);
    else
        result.defaults.clear();
    return result;
}

} // namespace reftier
