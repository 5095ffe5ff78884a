// Reading and writing the RefTier document format (PRODUCT.md, version 1).
//
// Reading is strict and all-or-nothing: every structural problem is collected with its JSON
// path, and a document is returned only when there are none, so a caller can never apply half
// a file. Structural means: not JSON, wrong format name, newer version, missing or wrongly
// typed fields, unknown enum spellings, impossible dates, duplicate ids, and URLs that must
// never be stored (a scheme other than http/https, credentials in the URL). Softer rules
// (private hosts, duplicate titles, weak titles) are findings of reference_check/title_check,
// because a draft may still have them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace reftier {

inline constexpr std::string_view kFormatName = "reftier";
inline constexpr int kFormatVersion = 1;

struct ReadError {
    std::string path;    // JSON path, "" for the whole document
    std::string message; // plain words
    bool operator==(const ReadError&) const = default;
};

// "references[3].url: scheme must be http or https"
std::string to_string(const ReadError& error);

struct ReadResult {
    std::optional<Document> document; // set only when errors is empty
    std::vector<ReadError> errors;
    int source_version = 0; // version found in the file (for "migrated from" messages)
};

// Errors past this many are summarised in one last entry, so a hostile file of 100,000 bad
// records gives a readable list.
inline constexpr std::size_t kMaxReadErrors = 200;

ReadResult read_document(std::string_view text);
std::string write_document(const Document& document, int indent = 2);

} // namespace reftier
