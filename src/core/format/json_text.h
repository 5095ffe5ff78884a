// JSON's string escapes and the bytes that need none: shared by the reader (json_cursor.h) and
// the writer (json_writer.h), so both agree on what a plain string byte is.
#pragma once

#include <string_view>

namespace reftier::detail {

// A UTF-8 byte order mark carries no meaning; Windows editors add one, so it is skipped.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// JSON's short escapes: the letter after the backslash, and the byte it stands for.
inline constexpr std::string_view kEscapeLetters = "\"\\/bfnrt";
inline constexpr std::string_view kEscapedBytes = "\"\\/\b\f\n\r\t";

// ASCII that stands for itself inside a JSON string.
inline bool is_plain_string_byte(unsigned char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

} // namespace reftier::detail
