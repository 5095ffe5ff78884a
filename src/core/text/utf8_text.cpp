#include "core/text/utf8_text.h"

#include <cstdio>

namespace reftier {

static constexpr std::size_t kMaxQuotedBytes = 60;

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
static std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const std::size_t length = lead < 0x80   ? 1
                               : lead < 0xC2 ? 0
                               : lead < 0xE0 ? 2
                               : lead < 0xF0 ? 3
                               : lead < 0xF5 ? 4
                                             : 0;
    if (length == 0 || i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    if (length == 3 &&
        ((lead == 0xE0 && byte(i + 1) < 0xA0) || (lead == 0xED && byte(i + 1) >= 0xA0)))
        return 0; // overlong, or a UTF-16 surrogate
    if (length == 4 &&
        ((lead == 0xF0 && byte(i + 1) < 0x90) || (lead == 0xF4 && byte(i + 1) >= 0x90)))
        return 0; // overlong, or beyond U+10FFFF
    return length;
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

static void append_escape(std::string& out, unsigned code) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\u%04x", code);
    out += buffer;
}

std::string quote_for_message(std::string_view text) {
    std::string out = "\"";
    std::size_t i = 0;
    while (i < text.size()) {
        if (out.size() > kMaxQuotedBytes) {
            out += "...";
            break;
        }
        const std::size_t length = utf8_sequence_length(text, i);
        const auto c = static_cast<unsigned char>(text[i]);
        if (length == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD for a byte that is not UTF-8
            ++i;
            continue;
        }
        if (length == 1) {
            if (c == '"' || c == '\\')
                out += {'\\', static_cast<char>(c)};
            else if (c < 0x20 || c == 0x7F)
                append_escape(out, c);
            else
                out.push_back(static_cast<char>(c));
        } else if (length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            append_escape(out,
                          static_cast<unsigned char>(text[i + 1])); // C1 controls U+0080-U+009F
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    out += "\"";
    return out;
}

} // namespace reftier
