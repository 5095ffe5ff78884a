// The one UTF-8 module: well-formedness (RFC 3629), decoding and encoding code points, and
// user text quoted inside an error message. Every reader (JSON, CSV) and every text check
// (titles, filters) goes through these, so all agree on what a character is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reftier {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

namespace utf8_detail {
// The well-formed sequences of RFC 3629, by lead byte: how long each is and which second
// bytes may follow (the narrow ranges rule out overlong forms, surrogates and code points
// above U+10FFFF).
struct Lead {
    unsigned char first_lead, last_lead;
    std::size_t length;
    unsigned char second_low, second_high;
};
inline constexpr Lead kLeads[] = {
    {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF}, {0xE1, 0xEC, 3, 0x80, 0xBF},
    {0xED, 0xED, 3, 0x80, 0x9F}, {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
    {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},
};
} // namespace utf8_detail

// Length of the well-formed sequence at `at` (before `end`), or 0 when it is not one. Inline:
// the JSON reader calls it for every non-ASCII character of a document.
inline std::size_t utf8_sequence_length(const char* at, const char* end) {
    const auto lead = static_cast<unsigned char>(*at);
    if (lead < 0x80) return 1;
    for (const utf8_detail::Lead& form : utf8_detail::kLeads) {
        if (lead < form.first_lead || lead > form.last_lead) continue;
        if (static_cast<std::size_t>(end - at) < form.length) return 0;
        const auto second = static_cast<unsigned char>(at[1]);
        if (second < form.second_low || second > form.second_high) return 0;
        for (std::size_t k = 2; k < form.length; ++k)
            if ((static_cast<unsigned char>(at[k]) & 0xC0) != 0x80) return 0;
        return form.length;
    }
    return 0;
}

struct CodePoint {
    char32_t value;
    std::size_t length; // bytes
};

// The code point at text[at]. An ill-formed sequence reads as U+FFFD one byte long, so any
// input scans to its end and never yields an overlong form or a surrogate.
CodePoint decode_utf8(std::string_view text, std::size_t at);

// Appends `code` (at most U+10FFFF, not a surrogate) as UTF-8.
void append_utf8(std::string& out, char32_t code);

bool is_valid_utf8(std::string_view text);

// UTF-8 without a control character (C0, DEL or C1): a terminal shows it as it is, and
// quote_for_message would escape nothing in it.
bool prints_as_itself(std::string_view text);

// In double quotes, JSON-escaped so no control character (C0, DEL or C1) reaches a terminal or
// the screen raw, invalid UTF-8 replaced by U+FFFD, cut to a readable length on a character
// boundary.
std::string quote_for_message(std::string_view text);

} // namespace reftier
