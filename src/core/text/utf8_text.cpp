// UTF-8 decoding, encoding, validation and quoting for messages (utf8_text.h).
#include "core/text/utf8_text.h"

#include <cstdio>

namespace reftier {

static constexpr std::size_t kMaxQuotedBytes = 60;

CodePoint decode_utf8(std::string_view text, std::size_t at) {
    const char* begin = text.data() + at;
    const std::size_t length = utf8_sequence_length(begin, text.data() + text.size());
    if (length == 0) return {kReplacementCharacter, 1};
    const auto lead = static_cast<unsigned char>(*begin);
    if (length == 1) return {lead, 1};
    char32_t value = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i)
        value = (value << 6) | (static_cast<unsigned char>(begin[i]) & 0x3F);
    return {value, length};
}

void append_utf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text.data() + i, text.data() + text.size());
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

bool prints_as_itself(std::string_view text) {
    if (!is_valid_utf8(text)) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) return false;
        if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) return false; // C1
    }
    return true;
}

std::string quote_for_message(std::string_view text) {
    std::string out = "\"";
    std::size_t i = 0;
    while (i < text.size()) {
        if (out.size() > kMaxQuotedBytes) {
            out += "...";
            break;
        }
        const std::size_t length = utf8_sequence_length(text.data() + i, text.data() + text.size());
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
