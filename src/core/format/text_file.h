// Whole-file text I/O for the native tools and tests. The browser build has its own storage
// path in src/platform; this is the plain-file side.
#pragma once

#include <optional>
#include <string>

namespace reftier {

std::optional<std::string> read_text_file(const std::string& path);

// Writes to "path.tmp" then renames it over `path`, so a crash leaves the old or the new file,
// never half of one. Returns an error message, or empty on success.
std::string write_text_file_atomically(const std::string& path, const std::string& text);

} // namespace reftier
