// Writing a document: the whole text at once, or handed to a sink in pieces.
#include "core/format/document_json.h"

#include "core/format/document_fields.h"

namespace reftier {

std::string write_document(const Document& document, int indent) {
    detail::JsonWriter out(indent);
    detail::write_document_fields(out, document);
    out.end_document();
    return out.take();
}

void write_document(const Document& document, int indent, const WriteSink& sink) {
    detail::JsonWriter out(indent, &sink);
    detail::write_document_fields(out, document);
    out.end_document();
    out.flush();
}

} // namespace reftier
