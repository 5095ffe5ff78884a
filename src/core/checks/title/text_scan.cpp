// Character classes and the one-pass scan behind every title check (text_scan.h).
#include "core/checks/title/text_scan.h"

#include <array>

#include "core/text/utf8_text.h"

namespace reftier::title {

namespace {

struct CodePointRange {
    char32_t first;
    char32_t last;
};

// Pictographs, dingbats, arrows-and-stars, flags, keycaps, tags, and the joiners and variation
// selector that glue emoji sequences together.
constexpr std::array<CodePointRange, 12> kEmojiRanges{{
    {0x200D, 0x200D},
    {0x20E3, 0x20E3},
    {0x2300, 0x23FF},
    {0x2600, 0x27BF},
    {0x2B00, 0x2BFF},
    {0x3030, 0x3030},
    {0x303D, 0x303D},
    {0x3297, 0x3297},
    {0x3299, 0x3299},
    {0xFE0F, 0xFE0F},
    {0x1F000, 0x1FAFF},
    {0xE0020, 0xE007F},
}};

constexpr std::array<CodePointRange, 8> kSpaceRanges{{
    {0x00A0, 0x00A0},
    {0x1680, 0x1680},
    {0x2000, 0x200B},
    {0x2028, 0x2029},
    {0x202F, 0x202F},
    {0x205F, 0x205F},
    {0x3000, 0x3000},
    {0xFEFF, 0xFEFF},
}};

// Non-ASCII punctuation and symbols: they separate words like ASCII punctuation does.
constexpr std::array<CodePointRange, 14> kPunctuationRanges{{
    {0x00A1, 0x00BF},
    {0x00D7, 0x00D7},
    {0x00F7, 0x00F7},
    {0x2010, 0x2027},
    {0x2030, 0x205E},
    {0x2100, 0x214F},
    {0x2190, 0x22FF},
    {0x3001, 0x303F},
    {0xFE10, 0xFE1F},
    {0xFE30, 0xFE6F},
    {0xFF01, 0xFF0F},
    {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF40},
    {0xFF5B, 0xFF65},
}};

constexpr char32_t kEllipsis = 0x2026;
constexpr char32_t kRightSingleQuote = 0x2019; // the typographic apostrophe in "Acme’s"
constexpr char32_t kHyphen = 0x2010;
constexpr char32_t kEnDash = 0x2013;
constexpr char32_t kEmDash = 0x2014;
constexpr char32_t kNonBreakingHyphen = 0x2011;

template <std::size_t N>
bool in_ranges(char32_t value, const std::array<CodePointRange, N>& ranges) {
    for (const CodePointRange& range : ranges)
        if (value >= range.first && value <= range.last) return true;
    return false;
}

constexpr bool is_ascii_alnum(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr bool is_ascii_space(char32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// Joiners split a word into terms ("CI/CD" is one word, two terms); connectors stay inside a
// term ("Node.js", "Acme's"). Both only when a letter follows, otherwise they are punctuation.
enum class CharKind { Space, Letter, Joiner, Connector, Punctuation, Emoji };

constexpr CharKind classify_ascii(char32_t c) {
    if (is_ascii_alnum(c)) return CharKind::Letter;
    if (is_ascii_space(c) || c < 0x20 || c == 0x7F) return CharKind::Space;
    if (c == '-' || c == '/') return CharKind::Joiner;
    if (c == '.' || c == '\'') return CharKind::Connector;
    return CharKind::Punctuation;
}

CharKind classify_beyond_ascii(char32_t c) {
    if (in_ranges(c, kEmojiRanges)) return CharKind::Emoji;
    if (in_ranges(c, kSpaceRanges)) return CharKind::Space;
    if (c == kHyphen || c == kNonBreakingHyphen) return CharKind::Joiner;
    if (c == kRightSingleQuote) return CharKind::Connector;
    if (in_ranges(c, kPunctuationRanges)) return CharKind::Punctuation;
    return CharKind::Letter;
}

// +1 upper case, -1 lower case, 0 uncased (digits, CJK). ASCII and Latin-1 letters only.
constexpr int letter_case(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return 1;
    if ((c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7)) return -1;
    return 0;
}

struct AsciiClass {
    CharKind kind = CharKind::Space;
    std::int8_t letter_case = 0;
};

// Looked up rather than worked out: most titles are ASCII only.
constexpr std::array<AsciiClass, 0x80> kAsciiClasses = [] {
    std::array<AsciiClass, 0x80> classes{};
    for (char32_t c = 0; c < 0x80; ++c)
        classes[c] = {classify_ascii(c), static_cast<std::int8_t>(letter_case(c))};
    return classes;
}();

CharKind classify(char32_t c) {
    return c < 0x80 ? kAsciiClasses[c].kind : classify_beyond_ascii(c);
}

// What ends one part of a title and starts another: "From weeks to hours: How ...".
bool is_part_separator(char32_t c) {
    return c == ':' || c == '|' || c == '?' || c == '!' || c == '-' || c == kEnDash || c == kEmDash;
}

// The punctuation whose doubling ("!!", "?!", "...") the title checker reports.
bool is_repeatable_punctuation(char32_t c) {
    return c == '!' || c == '?' || c == '.' || c == ',' || c == ';' || c == ':' || c == kEllipsis;
}

// Where a URL starting at `at` ends (the next space), or `at` when none starts there. Checked
// where a term would start, so "www." inside a word is not a URL.
std::size_t find_url_end(std::string_view lower, std::size_t at, const UrlPrefixes& url_prefixes) {
    if (!url_prefixes.starts[static_cast<unsigned char>(lower[at])]) return at;
    for (const std::string& prefix : url_prefixes.texts) {
        if (lower.compare(at, prefix.size(), prefix) != 0) continue;
        std::size_t end = at;
        while (end < lower.size() && !is_ascii_space(static_cast<unsigned char>(lower[end]))) ++end;
        return end;
    }
    return at;
}

} // namespace

void scan_text(std::string_view text, const UrlPrefixes& url_prefixes, TextScan& out) {
    // Written in one pass: assigning first would copy the text, then lower it in a second.
    out.lower.resize(text.size());
    char* const lower_data = out.lower.data();
    for (std::size_t i = 0; i < text.size(); ++i) lower_data[i] = ascii_lower(text[i]);
    const std::string_view lower(lower_data, text.size());
    out.terms.clear();
    out.urls.clear();
    out.emoji.clear();
    out.repeated_punctuation.clear();
    out.has_trailing_period = false;
    // Counted in locals, stored at the end: the loop keeps them in registers.
    std::size_t characters = 0;
    std::size_t words = 0;
    bool has_lowercase = false;
    bool has_uppercase = false;

    bool in_term = false;
    bool part_break = true; // the next word starts a part
    bool in_word = false;
    Span punctuation_run;
    std::size_t punctuation_run_count = 0;
    bool punctuation_run_has_ellipsis = false;
    bool last_visible_was_lone_period = false;

    auto end_punctuation_run = [&] {
        if (punctuation_run_count >= 2 || punctuation_run_has_ellipsis)
            out.repeated_punctuation.push_back(punctuation_run);
        punctuation_run_count = 0;
        punctuation_run_has_ellipsis = false;
    };

    std::size_t at = 0;
    while (at < text.size()) {
        // ASCII, the common case, needs no decoding.
        const auto byte = static_cast<unsigned char>(text[at]);
        const CodePoint cp = byte < 0x80 ? CodePoint{byte, 1} : decode_utf8(text, at);
        CharKind kind = classify(cp.value);
        if (kind == CharKind::Joiner || kind == CharKind::Connector) {
            const bool letter_follows =
                at + cp.length < text.size() &&
                classify(decode_utf8(text, at + cp.length).value) == CharKind::Letter;
            if (!in_term || !letter_follows) kind = CharKind::Punctuation;
        }
        if (kind == CharKind::Letter && !in_term) {
            const std::size_t url_end = find_url_end(lower, at, url_prefixes);
            if (url_end > at) {
                end_punctuation_run();
                out.urls.push_back({at, url_end - at});
                characters += url_end - at;
                in_word = false;
                last_visible_was_lone_period = false;
                at = url_end;
                continue;
            }
        }
        if (kind != CharKind::Space) ++characters;
        if (punctuation_run_count > 0 &&
            (kind != CharKind::Punctuation || !is_repeatable_punctuation(cp.value)))
            end_punctuation_run();

        std::size_t next = at + cp.length; // where the next character starts
        switch (kind) {
        case CharKind::Letter: {
            const int letter = letter_case(cp.value);
            if (!in_term) {
                Term term;
                term.begin = at;
                term.first_in_word = !in_word;
                term.starts_part = !in_word && part_break;
                if (!in_word) ++words;
                part_break = false;
                term.word = words - 1;
                term.first_letter_case = letter;
                out.terms.push_back(term);
                in_term = true;
                in_word = true;
            }
            Term& term = out.terms.back();
            const auto count_case = [&](int case_of_letter) {
                if (case_of_letter > 0) ++term.upper_letters;
                if (case_of_letter < 0) has_lowercase = true;
                if (case_of_letter != 0) ++term.cased_letters;
            };
            count_case(letter);
            // The rest of a run of ASCII letters and digits in one go: most of a title is such
            // runs, and in them a character only counts.
            while (next < text.size()) {
                const auto c = static_cast<unsigned char>(text[next]);
                if (c >= 0x80 || kAsciiClasses[c].kind != CharKind::Letter) break;
                count_case(kAsciiClasses[c].letter_case);
                ++characters;
                ++next;
            }
            term.end = next;
            break;
        }
        case CharKind::Joiner:
            in_term = false;
            break;
        case CharKind::Connector:
            break;
        case CharKind::Space:
            in_term = false;
            in_word = false;
            break;
        case CharKind::Punctuation:
            in_term = false;
            in_word = false;
            if (is_part_separator(cp.value)) part_break = true;
            if (is_repeatable_punctuation(cp.value)) {
                if (punctuation_run_count == 0) punctuation_run = {at, 0};
                punctuation_run.length = at + cp.length - punctuation_run.begin;
                ++punctuation_run_count;
                if (cp.value == kEllipsis) punctuation_run_has_ellipsis = true;
            }
            break;
        case CharKind::Emoji: {
            in_term = false;
            in_word = false;
            const bool continues_sequence =
                !out.emoji.empty() && out.emoji.back().begin + out.emoji.back().length == at;
            if (continues_sequence)
                out.emoji.back().length += cp.length;
            else
                out.emoji.push_back({at, cp.length});
            break;
        }
        }
        if (kind != CharKind::Space)
            last_visible_was_lone_period = cp.value == '.' && punctuation_run_count == 1;
        at = next;
    }
    if (last_visible_was_lone_period) {
        out.has_trailing_period = true;
        out.trailing_period = punctuation_run;
    }
    end_punctuation_run();
    out.characters = characters;
    out.words = words;
    out.has_lowercase = has_lowercase;
    for (const Term& term : out.terms) has_uppercase = has_uppercase || term.upper_letters > 0;
    out.has_uppercase = has_uppercase;
}

} // namespace reftier::title
