// Splitting a text into words and terms in one pass: what each character is (letter, joiner,
// punctuation, emoji, space), URLs, emoji runs, repeated punctuation and letter case counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/checks/title/title_rules.h"
#include "core/model/finding.h"

namespace reftier::title {

inline char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
inline char ascii_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

struct Term {
    std::size_t begin = 0; // bytes into the text
    std::size_t end = 0;
    std::size_t word = 0; // index of the whitespace-separated word it belongs to
    bool first_in_word = false;
    // The first word of the title or of a part after ':', a dash, '|', '?' or '!': in title case
    // and sentence case alike it starts with a capital.
    bool starts_part = false;
    int first_letter_case = 0;
    std::size_t upper_letters = 0;
    std::size_t cased_letters = 0; // upper and lower case letters (not digits or CJK)
    std::int32_t word_id = -1;     // vocabulary id, -1 when unknown
};

struct TextScan {
    std::string lower; // the text with ASCII letters lower-cased; same byte offsets
    std::vector<Term> terms;
    std::vector<Span> urls;
    std::vector<Span> emoji;
    std::vector<Span> repeated_punctuation;
    bool has_trailing_period = false;
    Span trailing_period;
    std::size_t characters = 0; // code points other than spaces
    std::size_t words = 0;
    bool has_lowercase = false;
    bool has_uppercase = false;

    std::string_view term_text(const Term& term) const {
        return std::string_view(lower).substr(term.begin, term.end - term.begin);
    }
};

// One pass over the text: terms, words, characters, URLs, emoji and punctuation runs.
void scan_text(std::string_view text, const UrlPrefixes& url_prefixes, TextScan& out);

} // namespace reftier::title
