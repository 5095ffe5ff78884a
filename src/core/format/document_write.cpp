// Writing a document: the whole text at once, handed to a sink in pieces, or a slice at a time.
#include "core/format/document_writer.h"

#include <limits>

#include "core/format/document_fields.h"

namespace reftier {

static constexpr std::size_t kAllRecords = std::numeric_limits<std::size_t>::max();

std::string write_document(const Document& document, int indent) {
    detail::JsonWriter out(indent);
    detail::DocumentWritePosition at;
    detail::write_document_fields(out, document, at, kAllRecords);
    out.end_document();
    return out.take();
}

void write_document(const Document& document, int indent, const WriteSink& sink) {
    DocumentWriter(document, indent, sink).write(kAllRecords);
}

// The sink lives here, at a fixed address, since the JsonWriter keeps a pointer to it.
struct DocumentWriter::State {
    State(const Document& d, int indent, WriteSink s)
        : document(d), sink(std::move(s)), out(indent, &sink) {}
    const Document& document;
    WriteSink sink;
    detail::JsonWriter out;
    detail::DocumentWritePosition at;
};

DocumentWriter::DocumentWriter(const Document& document, int indent, WriteSink sink)
    : state_(std::make_unique<State>(document, indent, std::move(sink))) {}

DocumentWriter::~DocumentWriter() = default;

bool DocumentWriter::write(std::size_t records) {
    State& s = *state_;
    if (s.at.done) return true;
    if (!detail::write_document_fields(s.out, s.document, s.at, records)) return false;
    s.out.end_document();
    s.out.flush();
    return true;
}

bool DocumentWriter::done() const {
    return state_->at.done;
}

} // namespace reftier
