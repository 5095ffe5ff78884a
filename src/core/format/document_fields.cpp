// The field tables of the document format (docs/format.md): the partner profile, a reference,
// an account and the document itself, in the order they are written.
#include "core/format/document_fields.h"

#include "core/format/record_fields.h"

namespace reftier::detail {

namespace {

constexpr FieldRule<PartnerProfile> kPartnerFields[] = {
    {"name", true, [](const Field& f, PartnerProfile& p) { read_line(f, p.name); },
     [](JsonWriter& o, const PartnerProfile& p) { o.string(p.name); }},
    {"path", true, [](const Field& f, PartnerProfile& p) { read_enum(f, p.path); },
     [](JsonWriter& o, const PartnerProfile& p) { write_enum(o, p.path); }},
    {"rule_set", true, [](const Field& f, PartnerProfile& p) { read_line(f, p.rule_set); },
     [](JsonWriter& o, const PartnerProfile& p) { o.string(p.rule_set); }},
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
         read_record(f.errors, f.cursor, RecordPath{path, std::nullopt}, kPartnerFields, d.partner);
     },
     [](JsonWriter& o, const Document& d) { write_record(o, d.partner, kPartnerFields); }},
    {"references", true,
     [](const Field& f, Document& d) { read_record_list(f, kReferenceFields, d.references); },
     [](JsonWriter& o, const Document& d) {
         write_record_list(o, d.references, kReferenceFields);
     }},
    {"accounts", true,
     [](const Field& f, Document& d) { read_record_list(f, kAccountFields, d.accounts); },
     [](JsonWriter& o, const Document& d) { write_record_list(o, d.accounts, kAccountFields); }},
};

} // namespace

void read_document_fields(ReadErrors& errors, JsonCursor& cursor, Document& out) {
    read_record(errors, cursor, RecordPath{}, kDocumentFields, out);
}

void write_document_fields(JsonWriter& out, const Document& document) {
    write_record(out, document, kDocumentFields);
}

} // namespace reftier::detail

namespace reftier {

nlohmann::ordered_json reference_to_json(const Reference& reference) {
    return detail::record_json(reference, detail::kReferenceFields);
}

nlohmann::ordered_json account_to_json(const Account& account) {
    return detail::record_json(account, detail::kAccountFields);
}

} // namespace reftier
