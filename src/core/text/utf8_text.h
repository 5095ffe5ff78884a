// UTF-8 rules shared by every reader (JSON, CSV): validity, and user text quoted inside an
// error message.
#pragma once

#include <string>
#include <string_view>

namespace reftier {

// RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// In double quotes, JSON-escaped so no control character (C0, DEL or C1) reaches a terminal or
// the screen raw, invalid UTF-8 replaced by U+FFFD, cut to a readable length on a character
// boundary.
std::string quote_for_message(std::string_view text);

} // namespace reftier
