// The field tables of the document format (docs/format.md): the partner profile, rule sets with
// their tiers and requirements, a reference, an account and the document itself, in the order
// they are written.
#include "core/format/document_fields.h"

#include <unordered_set>

#include "core/format/record_fields.h"

namespace reftier::detail {

namespace {

constexpr FieldRule<TierRequirement> kRequirementFields[] = {
    {"id", true, [](const Field& f, TierRequirement& r) { read_requirement_id(f, r.id); },
     [](JsonWriter& o, const TierRequirement& r) { o.string(r.id); }},
    {"name", true, [](const Field& f, TierRequirement& r) { read_name(f, r.name); },
     [](JsonWriter& o, const TierRequirement& r) { o.string(r.name); }},
    {"required", true,
     [](const Field& f, TierRequirement& r) {
         read_whole_number(f, r.required, 0, kMaxRequirementCount);
     },
     [](JsonWriter& o, const TierRequirement& r) { o.number(r.required); }},
};

constexpr FieldRule<TierRule> kTierFields[] = {
    {"name", true, [](const Field& f, TierRule& t) { read_name(f, t.name); },
     [](JsonWriter& o, const TierRule& t) { o.string(t.name); }},
    {"required", true,
     [](const Field& f, TierRule& t) {
         read_optional_whole_number(f, t.required, 0, kMaxRequiredReferences);
     },
     [](JsonWriter& o, const TierRule& t) {
         if (t.required)
             o.number(*t.required);
         else
             o.null();
     }},
    {"requirements", false,
     [](const Field& f, TierRule& t) {
         read_record_list(f, kRequirementFields, t.requirements, true, kMaxRequirements,
                          "requirements");
     },
     [](JsonWriter& o, const TierRule& t) {
         write_record_list(o, t.requirements, kRequirementFields);
     },
     [](const TierRule& t) { return !t.requirements.empty(); }},
};

// Tiers go lowest first: their names are unique and the reference count never goes down.
void check_tiers(const Field& field, const std::vector<TierRule>& tiers) {
    const std::string list_path = field.path();
    if (tiers.empty()) field.fail("must hold at least one tier, lowest first");
    std::unordered_set<std::string_view> names;
    std::optional<int> previous;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const TierRule& tier = tiers[i];
        const std::string tier_path = indexed_path(list_path, i);
        if (!tier.name.empty() && !names.insert(tier.name).second)
            field.errors.add(tier_path + ".name", "repeats the tier name " + quote(tier.name));
        if (tier.required && previous && *tier.required < *previous)
            field.errors.add(tier_path + ".required", "must not be less than the tier before it (" +
                                                          std::to_string(*previous) +
                                                          "): tiers go lowest first");
        if (tier.required) previous = tier.required;
    }
}

constexpr FieldRule<RuleSet> kRuleSetFields[] = {
    {"id", true, [](const Field& f, RuleSet& r) { read_rule_set_id(f, r.id); },
     [](JsonWriter& o, const RuleSet& r) { o.string(r.id); }},
    {"name", true, [](const Field& f, RuleSet& r) { read_name(f, r.name); },
     [](JsonWriter& o, const RuleSet& r) { o.string(r.name); }},
    {"path", true, [](const Field& f, RuleSet& r) { read_enum(f, r.path); },
     [](JsonWriter& o, const RuleSet& r) { write_enum(o, r.path); }},
    {"review_business_days", true,
     [](const Field& f, RuleSet& r) {
         read_whole_number(f, r.review_business_days, 0, kMaxReviewBusinessDays);
     },
     [](JsonWriter& o, const RuleSet& r) { o.number(r.review_business_days); }},
    {"source", true, [](const Field& f, RuleSet& r) { read_name(f, r.source); },
     [](JsonWriter& o, const RuleSet& r) { o.string(r.source); }},
    {"verified", true, [](const Field& f, RuleSet& r) { read_bool(f, r.verified); },
     [](JsonWriter& o, const RuleSet& r) { o.boolean(r.verified); }},
    {"tiers", true,
     [](const Field& f, RuleSet& r) {
         const std::size_t before = f.errors.count();
         read_record_list(f, kTierFields, r.tiers, false, kMaxTiers, "tiers");
         if (f.errors.count() == before) check_tiers(f, r.tiers);
     },
     [](JsonWriter& o, const RuleSet& r) { write_record_list(o, r.tiers, kTierFields); }},
};

constexpr FieldRule<PartnerProfile> kPartnerFields[] = {
    {"name", true, [](const Field& f, PartnerProfile& p) { read_line(f, p.name); },
     [](JsonWriter& o, const PartnerProfile& p) { o.string(p.name); }},
    {"path", true, [](const Field& f, PartnerProfile& p) { read_enum(f, p.path); },
     [](JsonWriter& o, const PartnerProfile& p) { write_enum(o, p.path); }},
    {"rule_set", true, [](const Field& f, PartnerProfile& p) { read_line(f, p.rule_set); },
     [](JsonWriter& o, const PartnerProfile& p) { o.string(p.rule_set); }},
    {"scorecard", false, [](const Field& f, PartnerProfile& p) { read_scorecard(f, p.scorecard); },
     [](JsonWriter& o, const PartnerProfile& p) { write_scorecard(o, p.scorecard); },
     [](const PartnerProfile& p) { return !p.scorecard.empty(); }},
};

constexpr FieldRule<Reference> kReferenceFields[] = {
    {"id", true, [](const Field& f, Reference& r) { read_reference_id(f, r.id); },
     [](JsonWriter& o, const Reference& r) { o.string(r.id); }},
    {"customer", true, [](const Field& f, Reference& r) { read_line(f, r.customer); },
     [](JsonWriter& o, const Reference& r) { o.string(r.customer); }},
    {"title", true, [](const Field& f, Reference& r) { read_line(f, r.title); },
     [](JsonWriter& o, const Reference& r) { o.string(r.title); }},
    {"url", true, [](const Field& f, Reference& r) { read_url(f, r.url); },
     [](JsonWriter& o, const Reference& r) { o.string(r.url); }},
    {"asset_type", true, [](const Field& f, Reference& r) { read_enum(f, r.asset_type); },
     [](JsonWriter& o, const Reference& r) { write_enum(o, r.asset_type); }},
    {"workload", true, [](const Field& f, Reference& r) { read_line(f, r.workload); },
     [](JsonWriter& o, const Reference& r) { o.string(r.workload); }},
    {"services", false, [](const Field& f, Reference& r) { read_string_list(f, r.services); },
     [](JsonWriter& o, const Reference& r) { write_strings(o, r.services); }},
    {"industry", false, [](const Field& f, Reference& r) { read_optional_line(f, r.industry); },
     [](JsonWriter& o, const Reference& r) { o.string(r.industry); }},
    {"channel", true, [](const Field& f, Reference& r) { read_enum(f, r.channel); },
     [](JsonWriter& o, const Reference& r) { write_enum(o, r.channel); }},
    {"status", true, [](const Field& f, Reference& r) { read_enum(f, r.status); },
     [](JsonWriter& o, const Reference& r) { write_enum(o, r.status); }},
    {"submitted_on", false,
     [](const Field& f, Reference& r) { read_optional_date(f, r.submitted_on); },
     [](JsonWriter& o, const Reference& r) { write_date(o, r.submitted_on); }},
    {"decided_on", false, [](const Field& f, Reference& r) { read_optional_date(f, r.decided_on); },
     [](JsonWriter& o, const Reference& r) { write_date(o, r.decided_on); }},
    {"notes", false, [](const Field& f, Reference& r) { read_optional_notes(f, r.notes); },
     [](JsonWriter& o, const Reference& r) { o.string(r.notes); }},
    {"ace_opportunity_id", false,
     [](const Field& f, Reference& r) {
         read_optional_ace_opportunity_id(f, r.ace_opportunity_id);
     },
     [](JsonWriter& o, const Reference& r) { o.string(*r.ace_opportunity_id); },
     [](const Reference& r) { return r.ace_opportunity_id.has_value(); }},
};

constexpr FieldRule<Account> kAccountFields[] = {
    {"id", true, [](const Field& f, Account& a) { read_line(f, a.id); },
     [](JsonWriter& o, const Account& a) { o.string(a.id); }},
    {"name", true, [](const Field& f, Account& a) { read_line(f, a.name); },
     [](JsonWriter& o, const Account& a) { o.string(a.name); }},
    {"role", true, [](const Field& f, Account& a) { read_enum(f, a.role); },
     [](JsonWriter& o, const Account& a) { write_enum(o, a.role); }},
    {"parent", false, [](const Field& f, Account& a) { read_optional_account_id(f, a.parent); },
     [](JsonWriter& o, const Account& a) {
         if (a.parent)
             o.string(*a.parent);
         else
             o.null();
     }},
    {"linked", true, [](const Field& f, Account& a) { read_bool(f, a.linked); },
     [](JsonWriter& o, const Account& a) { o.boolean(a.linked); }},
    {"partner_activity", true, [](const Field& f, Account& a) { read_bool(f, a.partner_activity); },
     [](JsonWriter& o, const Account& a) { o.boolean(a.partner_activity); }},
};

// Format and version are judged before anything else, once the whole file is read
// (check_format_and_version), so until then they wait among the unknown fields.
void keep_for_header_check(const Field& field, Document& document) {
    if (!document.unknown_fields.is_object()) document.unknown_fields = json::object();
    document.unknown_fields[std::string(field.name)] = field.cursor.parse_value();
}

// format and version are not "required" here: check_format_and_version reports them.
constexpr FieldRule<Document> kDocumentFields[] = {
    {"format", false, keep_for_header_check,
     [](JsonWriter& o, const Document&) { o.string(kFormatName); }},
    {"version", false, keep_for_header_check,
     [](JsonWriter& o, const Document&) { o.number(kFormatVersion); }},
    {"partner", true,
     [](const Field& f, Document& d) {
         const std::string path = f.path();
         d.partner = PartnerProfile{}; // given twice: the last object alone counts
         read_record(f.errors, f.cursor, RecordPath{path, std::nullopt}, kPartnerFields, d.partner);
     },
     [](JsonWriter& o, const Document& d) { write_record(o, d.partner, kPartnerFields); }},
    {"rule_sets", false,
     [](const Field& f, Document& d) {
         read_record_list(f, kRuleSetFields, d.rule_sets, true, kMaxRuleSets, "rule sets");
     },
     [](JsonWriter& o, const Document& d) { write_record_list(o, d.rule_sets, kRuleSetFields); },
     [](const Document& d) { return !d.rule_sets.empty(); }},
    {"references", true,
     [](const Field& f, Document& d) { read_record_list(f, kReferenceFields, d.references); },
     [](JsonWriter& o, const Document& d) {
         write_record_list(o, d.references, kReferenceFields);
     }},
    {"accounts", true,
     [](const Field& f, Document& d) { read_record_list(f, kAccountFields, d.accounts); },
     [](JsonWriter& o, const Document& d) { write_record_list(o, d.accounts, kAccountFields); }},
};

constexpr std::size_t kReferencesRule = find_rule(kDocumentFields, "references");

} // namespace

// The document's fields by its table, except the references, which are read here one at a
// time (the table's read for them does the same in one go).
struct DocumentFieldsReader::Reading {
    Reading(ReadErrors& errors, JsonCursor& cursor, Document& out)
        : fields(errors, cursor, path, kDocumentFields, out), document(out) {}

    const RecordPath path{};
    RecordReader<Document, std::size(kDocumentFields)> fields;
    Document& document;
    std::optional<RecordListReader<Reference, std::size(kReferenceFields)>> references;
};

DocumentFieldsReader::DocumentFieldsReader(ReadErrors& errors, JsonCursor& cursor, Document& out)
    : reading_(std::make_unique<Reading>(errors, cursor, out)) {}

DocumentFieldsReader::~DocumentFieldsReader() = default;

bool DocumentFieldsReader::step(std::size_t references) {
    Reading& r = *reading_;
    for (std::size_t read = 0; read < references;) {
        if (r.references) {
            if (r.references->read_next()) {
                ++read;
                continue;
            }
            r.references.reset();
        }
        if (!r.fields.next()) return false;
        if (r.fields.rule() == kReferencesRule)
            r.references.emplace(r.fields.start_value(), kReferenceFields, r.document.references);
        else
            r.fields.read_value();
    }
    return true;
}

void read_document_fields(ReadErrors& errors, JsonCursor& cursor, Document& out) {
    DocumentFieldsReader reader(errors, cursor, out);
    while (reader.step(SIZE_MAX)) {
    }
}

namespace {

// The next records of a list, at most `budget` of them; true once its "]" is written.
template <typename Record, std::size_t N>
bool write_list_slice(JsonWriter& out, const std::vector<Record>& records,
                      const FieldRule<Record> (&rules)[N], DocumentWritePosition& at,
                      std::size_t& budget) {
    for (; at.record < records.size(); ++at.record, --budget) {
        if (budget == 0) return false;
        write_record(out, records[at.record], rules);
    }
    out.end_array();
    return true;
}

} // namespace

// write_record's order for a document, with the two long lists written a slice at a time.
bool write_document_fields(JsonWriter& out, const Document& document, DocumentWritePosition& at,
                           std::size_t records) {
    if (at.done) return true;
    if (!at.started) {
        out.begin_object();
        at.started = true;
    }
    for (; at.field < std::size(kDocumentFields); ++at.field) {
        const FieldRule<Document>& rule = kDocumentFields[at.field];
        const bool references = rule.name == "references";
        if (!references && rule.name != "accounts") {
            if (rule.present && !rule.present(document)) continue;
            out.key(rule.name);
            rule.write(out, document);
            continue;
        }
        if (!at.in_list) {
            out.key(rule.name);
            out.begin_array();
            at.in_list = true;
            at.record = 0;
        }
        const bool list_done =
            references ? write_list_slice(out, document.references, kReferenceFields, at, records)
                       : write_list_slice(out, document.accounts, kAccountFields, at, records);
        if (!list_done) return false;
        at.in_list = false;
    }
    write_unknown_fields(out, document, kDocumentFields);
    out.end_object();
    at.done = true;
    return true;
}

void read_rule_set_list(const Field& field, std::vector<RuleSet>& out) {
    read_record_list(field, kRuleSetFields, out, false, kMaxRuleSets, "rule sets");
}

} // namespace reftier::detail

namespace reftier {

nlohmann::ordered_json reference_to_json(const Reference& reference) {
    return detail::record_json(reference, detail::kReferenceFields);
}

nlohmann::ordered_json account_to_json(const Account& account) {
    return detail::record_json(account, detail::kAccountFields);
}

nlohmann::ordered_json rule_set_to_json(const RuleSet& rule_set) {
    return detail::record_json(rule_set, detail::kRuleSetFields);
}

namespace {

// `depth`: the levels above the record in a document, so unknown fields nest as they would.
template <typename Record, std::size_t N>
std::vector<ReadError> read_back_record(const Record& record,
                                        const detail::FieldRule<Record> (&rules)[N], int depth,
                                        Record& back) {
    detail::JsonWriter out(-1);
    detail::write_record(out, record, rules);
    const std::string text = out.take();
    detail::JsonCursor cursor(text, depth);
    detail::ReadErrors errors;
    back = Record{};
    detail::read_record(errors, cursor, detail::RecordPath{}, rules, back);
    cursor.expect_end();
    if (cursor.failed()) return {{"", cursor.error()}};
    return errors.take();
}

} // namespace

std::vector<ReadError> read_back(const PartnerProfile& partner, PartnerProfile& back) {
    return read_back_record(partner, detail::kPartnerFields, 1, back);
}

std::vector<ReadError> read_back(const Reference& reference, Reference& back) {
    return read_back_record(reference, detail::kReferenceFields, 2, back);
}

std::vector<ReadError> read_back(const Account& account, Account& back) {
    return read_back_record(account, detail::kAccountFields, 2, back);
}

std::vector<ReadError> duplicate_id_errors(const std::vector<Reference>& references) {
    detail::ReadErrors errors;
    detail::check_unique_ids(errors, "references", references);
    return errors.take();
}

std::vector<ReadError> duplicate_id_errors(const std::vector<Account>& accounts) {
    detail::ReadErrors errors;
    detail::check_unique_ids(errors, "accounts", accounts);
    return errors.take();
}

} // namespace reftier
