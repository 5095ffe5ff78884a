// DocumentWriter: a document's text written a few records at a time, for a caller that spreads a
// large write over several tasks.
#pragma once

#include <cstddef>
#include <memory>

#include "core/format/document_json.h"

namespace reftier {

// The same text again, written a few records at a time, so a large write can be spread over
// several tasks (the autosave yields to the browser between slices of a few ms). The document
// must neither change nor move while it is being written: after an edit, start again.
class DocumentWriter {
  public:
    DocumentWriter(const Document& document, int indent, WriteSink sink);
    ~DocumentWriter();
    DocumentWriter(const DocumentWriter&) = delete;
    DocumentWriter& operator=(const DocumentWriter&) = delete;
    // Writes at most `records` more references and accounts (and what lies between them) and
    // hands full pieces to the sink; true once the whole text, its last piece too, has gone.
    bool write(std::size_t records);
    bool done() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace reftier
