// ACE import: the Partner Central Selling API's opportunity shapes (ListOpportunities'
// OpportunitySummaries, GetOpportunity's response; see tests/data/ace/README.md for the
// sources), read with the document reader's strict JSON cursor, into draft references.
#include "core/format/ace_import.h"

#include <algorithm>
#include <unordered_map>

#include "core/format/document_json.h"
#include "core/format/document_merge.h"
#include "core/format/field_values.h"
#include "core/format/json_cursor.h"

namespace reftier {

std::string to_string(const AceProblem& problem) {
    std::string text = problem.file + ": ";
    if (!problem.path.empty()) text += problem.path + ": ";
    return text + problem.message;
}

namespace {

using nlohmann::json;

constexpr std::string_view kNotAce =
    "not ACE output: expected what `aws partnercentral-selling list-opportunities` prints (an "
    "object with OpportunitySummaries) or `get-opportunity` prints (an object with Id and "
    "LifeCycle)";

// One opportunity as the listings give it; empty strings for what a listing leaves out.
struct Opportunity {
    std::string id;
    std::string stage;
    std::string company;
    std::string industry;
    std::string website;
    std::string use_case;
    std::string project_title;
    std::string target_close;
    std::string file; // where it was first listed, for messages
    std::string path;
};

class Reader {
  public:
    explicit Reader(std::vector<AceProblem>& errors) : errors_(errors) {}

    void read_file(const AceInput& input) {
        file_ = input.name;
        detail::JsonCursor cursor(input.text);
        if (cursor.at_end()) return fail("", "the file is empty");
        for (int page = 1; !cursor.at_end(); ++page) {
            // Pages saved one after another are named by number from the second one on.
            if (page > 1) file_ = input.name + " (page " + std::to_string(page) + ")";
            const json value = cursor.parse_value();
            if (cursor.failed()) return fail("", cursor.error());
            read_page(value);
        }
    }

    std::vector<Opportunity> take() { return std::move(opportunities_); }

  private:
    // Several fields share a wrongly typed parent: it is reported once.
    void fail(std::string path, std::string_view message) {
        AceProblem problem{file_, std::move(path), std::string(message)};
        if (std::find(errors_.begin(), errors_.end(), problem) == errors_.end())
            errors_.push_back(std::move(problem));
    }

    void read_page(const json& page) {
        if (page.is_object() && page.contains("OpportunitySummaries")) {
            const json& list = page["OpportunitySummaries"];
            if (!list.is_array()) return fail("OpportunitySummaries", "must be a list");
            for (std::size_t i = 0; i < list.size(); ++i)
                read_opportunity(list[i], "OpportunitySummaries[" + std::to_string(i) + "]");
            return;
        }
        if (page.is_object() && page.contains("Id") &&
            (page.contains("LifeCycle") || page.contains("Catalog")))
            return read_opportunity(page, "");
        if (page.is_array() && !page.empty()) { // `--query OpportunitySummaries` prints a list
            for (std::size_t i = 0; i < page.size(); ++i)
                read_opportunity(page[i], "[" + std::to_string(i) + "]");
            return;
        }
        fail("", kNotAce);
    }

    // The string at `keys` under `object`, "" when a level is absent; a wrongly typed value on
    // the way is an error (a file of another shape must not pass as ACE output).
    std::string text_at(const json& object, std::initializer_list<const char*> keys,
                        const std::string& path) {
        const json* at = &object;
        std::string at_path = path;
        for (const char* key : keys) {
            if (!at->is_object()) {
                fail(at_path, "must be an object");
                return "";
            }
            const auto it = at->find(key);
            if (it == at->end() || it->is_null()) return "";
            at = &*it;
            at_path = at_path.empty() ? key : at_path + "." + key;
        }
        if (!at->is_string()) {
            fail(at_path, "must be a string");
            return "";
        }
        return at->get<std::string>();
    }

    void read_opportunity(const json& item, const std::string& path) {
        if (!item.is_object()) return fail(path, "must be an opportunity (an object)");
        const std::string id_path = path.empty() ? "Id" : path + ".Id";
        Opportunity o;
        o.id = text_at(item, {"Id"}, path);
        if (o.id.empty()) return fail(id_path, "missing: every opportunity has an Id");
        if (!is_ace_opportunity_id(o.id))
            return fail(id_path, detail::quote(o.id) +
                                     " is not an ACE opportunity id (O and 1 to 19 digits)");
        o.stage = text_at(item, {"LifeCycle", "Stage"}, path);
        o.company = text_at(item, {"Customer", "Account", "CompanyName"}, path);
        o.industry = text_at(item, {"Customer", "Account", "Industry"}, path);
        if (o.industry == "Other") {
            const std::string other = text_at(item, {"Customer", "Account", "OtherIndustry"}, path);
            if (!other.empty()) o.industry = other;
        }
        o.website = text_at(item, {"Customer", "Account", "WebsiteUrl"}, path);
        o.use_case = text_at(item, {"Project", "CustomerUseCase"}, path);
        o.project_title = text_at(item, {"Project", "Title"}, path);
        o.target_close = text_at(item, {"LifeCycle", "TargetCloseDate"}, path);
        o.file = file_;
        o.path = path;
        opportunities_.push_back(std::move(o));
    }

    std::vector<AceProblem>& errors_;
    std::string file_;
    std::vector<Opportunity> opportunities_;
};

void fill_empty(std::string& into, const std::string& from) {
    if (into.empty()) into = from;
}

// One entry per id, in the order first listed; a later listing fills what an earlier one left
// out (a summary has no use case, get-opportunity has).
std::vector<Opportunity> distinct(std::vector<Opportunity> listed) {
    std::vector<Opportunity> out;
    std::unordered_map<std::string, std::size_t> index;
    for (Opportunity& o : listed) {
        const auto [it, inserted] = index.try_emplace(o.id, out.size());
        if (inserted) {
            out.push_back(std::move(o));
            continue;
        }
        Opportunity& first = out[it->second];
        if (first.stage != "Launched" && !o.stage.empty()) first.stage = o.stage;
        for (auto field :
             {&Opportunity::company, &Opportunity::industry, &Opportunity::website,
              &Opportunity::use_case, &Opportunity::project_title, &Opportunity::target_close})
            fill_empty(first.*field, o.*field);
    }
    return out;
}

Reference draft_for(const Opportunity& o) {
    Reference r;
    r.customer = o.company;
    r.industry = o.industry;
    r.workload = o.use_case;
    r.channel = Channel::AcePipelineManager;
    r.status = Status::Draft;
    r.ace_opportunity_id = o.id;
    r.notes = "From ACE opportunity " + o.id + " (launched";
    if (!o.target_close.empty()) r.notes += ", target close " + o.target_close;
    r.notes += ").";
    if (!o.project_title.empty()) r.notes += " Project: " + o.project_title + ".";
    if (!o.website.empty()) r.notes += " Customer website: " + o.website + ".";
    return r;
}

// A draft the document reader would refuse (a control character in a company name, a name
// over the length limit) is an error naming where the opportunity was listed.
void check_storable(const Reference& draft, const Opportunity& o, std::vector<AceProblem>& errors) {
    Document probe;
    probe.references.push_back(draft);
    probe.references.back().id = "r-probe";
    for (const ReadError& e : read_document(write_document(probe, -1)).errors)
        errors.push_back({o.file, o.path, "cannot become a reference: " + to_string(e)});
}

} // namespace

AceImport read_ace_opportunities(const std::vector<AceInput>& inputs, const Document& current) {
    AceImport result;
    Reader reader(result.errors);
    for (const AceInput& input : inputs) reader.read_file(input);
    if (!result.errors.empty()) return result;

    std::unordered_map<std::string, const Reference*> referenced;
    for (const Reference& r : current.references)
        if (r.ace_opportunity_id) referenced.try_emplace(*r.ace_opportunity_id, &r);

    std::vector<Opportunity> opportunities = distinct(reader.take());
    result.opportunities = static_cast<int>(opportunities.size());
    for (const Opportunity& o : opportunities) {
        if (o.stage != "Launched") {
            result.skipped.push_back(
                {o.id, o.company,
                 o.stage.empty() ? "no stage listed" : "not launched (stage " + o.stage + ")"});
            continue;
        }
        ++result.launched;
        if (const auto it = referenced.find(o.id); it != referenced.end()) {
            result.skipped.push_back({o.id, o.company, "already referenced by " + it->second->id});
            continue;
        }
        Reference draft = draft_for(o);
        check_storable(draft, o, result.errors);
        result.references.push_back(std::move(draft));
    }
    if (!result.errors.empty()) {
        result.references.clear();
        return result;
    }
    const std::vector<std::string> ids = next_reference_ids(current, result.references.size());
    for (std::size_t i = 0; i < ids.size(); ++i) result.references[i].id = ids[i];
    return result;
}

Document with_ace_drafts(const Document& current, const AceImport& read) {
    Document merged = current;
    merged.references.insert(merged.references.end(), read.references.begin(),
                             read.references.end());
    return merged;
}

} // namespace reftier
