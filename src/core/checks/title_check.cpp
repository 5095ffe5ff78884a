#include "core/checks/title_check.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>

#include "core/text/title_similarity.h"
#include "core/text/utf8_text.h"

namespace reftier {

namespace {

using nlohmann::json;

// Finding codes, stable for scripts. The order is also the index into TitleRules::penalties.
enum class TitleCode {
    Empty,
    Url,
    Placeholder,
    Generic,
    Duplicate,
    TooShortWords,
    TooLongWords,
    TooShortCharacters,
    TooLongCharacters,
    NoTechnology,
    NoOutcome,
    NoContext,
    AllCaps,
    InconsistentCase,
    NotTitleCase,
    TrailingPeriod,
    RepeatedPunctuation,
    Emoji,
    Filler,
    NearDuplicate,
    Count
};

constexpr std::size_t kCodeCount = static_cast<std::size_t>(TitleCode::Count);

constexpr std::array<std::string_view, kCodeCount> kCodeNames{{
    "title-empty",
    "title-url",
    "title-placeholder",
    "title-generic",
    "title-duplicate",
    "title-too-short-words",
    "title-too-long-words",
    "title-too-short-characters",
    "title-too-long-characters",
    "title-no-technology",
    "title-no-outcome",
    "title-no-context",
    "title-all-caps",
    "title-inconsistent-case",
    "title-not-title-case",
    "title-trailing-period",
    "title-repeated-punctuation",
    "title-emoji",
    "title-filler",
    "title-near-duplicate",
}};

// What a vocabulary word or phrase is; one word may be several things.
enum TermFlag : std::uint16_t {
    kPlaceholder = 1 << 0,
    kPlaceholderAlone = 1 << 1, // a placeholder only when nothing else is in the title
    kGenericPhrase = 1 << 2,
    kGenericWord = 1 << 3,
    kTechnology = 1 << 4,
    kOutcome = 1 << 5,
    kContext = 1 << 6,
    kFiller = 1 << 7,
    kSmallWord = 1 << 8,
};

struct VocabularyList {
    const char* key;
    std::uint16_t flag;
};

constexpr std::array<VocabularyList, 11> kVocabularyLists{{
    {"placeholder_words", kPlaceholder},
    {"placeholder_words_when_alone", kPlaceholderAlone},
    {"generic_phrases", kGenericPhrase},
    {"generic_words", kGenericWord},
    {"technology_terms", kTechnology},
    {"aws_services", kTechnology},
    {"outcome_terms", kOutcome},
    {"industries", kContext},
    {"application_terms", kContext},
    {"filler_terms", kFiller},
    {"title_case_small_words", kSmallWord},
}};

struct Band {
    long long min = 0;
    long long max = 0; // inclusive; the last band runs to the largest count
    double points = 0;
};

// One length's bands, with what its findings say worked out at load: formatting the message
// for each title cost as much as the rest of the length check.
struct LengthBands {
    std::vector<Band> bands;
    Band best;
    std::string_view unit;  // "word"
    std::string_view units; // "words"
    std::string best_text;  // "5 to 9"
    // The finding's message for the counts below kPrecomputedLengthMessages; empty where the
    // count is in the best band.
    std::vector<std::string> messages;
};

constexpr std::size_t kPrecomputedLengthMessages = 256;

struct StemRule {
    std::string suffix;
    std::string base; // what replaces the suffix: "driving" - "ing" + "e" = "drive"
};

struct VocabularyWord {
    std::uint16_t flags = 0;
    std::string display;                // spelling from the rules when it has capitals ("DevOps")
    std::vector<std::uint32_t> phrases; // phrases starting with this word, longest first
};

struct Phrase {
    std::vector<std::uint32_t> words;
    std::uint16_t flags = 0;
    std::string display;
};

struct Weights {
    double word_count = 0;
    double character_count = 0;
    double technology = 0;
    double outcome = 0;
    double context = 0;
    double title_case = 0;
};

struct WeightKey {
    const char* key;
    double Weights::*member;
};

constexpr std::array<WeightKey, 6> kWeightKeys{{
    {"word_count", &Weights::word_count},
    {"character_count", &Weights::character_count},
    {"technology", &Weights::technology},
    {"outcome", &Weights::outcome},
    {"context", &Weights::context},
    {"title_case", &Weights::title_case},
}};

enum class TemplateField { Text, Workload, Outcome, Industry, Services };

struct TemplatePart {
    TemplateField field = TemplateField::Text;
    std::string text; // for TemplateField::Text
};

struct TemplateFieldName {
    std::string_view name;
    TemplateField field;
};

constexpr std::array<TemplateFieldName, 4> kTemplateFields{{
    {"workload", TemplateField::Workload},
    {"outcome", TemplateField::Outcome},
    {"industry", TemplateField::Industry},
    {"services", TemplateField::Services},
}};

// Lower-case; `starts` marks their first bytes, so most terms are ruled out with one look-up.
struct UrlPrefixes {
    std::vector<std::string> texts;
    std::array<bool, 256> starts{};
};

struct OutcomeRule {
    std::vector<std::string> when; // lower-case single words of the workload or services
    std::string phrase;
};

// Every spelling that matches a vocabulary word: the words themselves, then what each stemming
// rule turns into them ("drives", "optimizing"), so a term costs one lookup. Open addressing on
// a power-of-two table with the hash kept per entry: it runs for every term of every title.
struct SpellingTable {
    struct Entry {
        std::uint32_t hash = 0;
        std::uint32_t text_begin = 0; // into texts
        std::uint32_t text_length = 0;
        std::uint32_t word_id = 0;
    };
    std::string texts;
    std::vector<Entry> entries;
    std::vector<std::uint32_t> slots; // entry index + 1, 0 when empty
};

} // namespace

struct TitleRules {
    // Vocabulary: every word of every list gets an id; phrases are id sequences, so "data lakes"
    // matches "data lake" through the stemmer of each word.
    SpellingTable spellings;
    std::vector<VocabularyWord> words;
    std::vector<Phrase> phrases;
    std::size_t min_stem_length = 3;
    std::vector<StemRule> stem_rules;
    UrlPrefixes url_prefixes;

    LengthBands word_count_bands;
    LengthBands character_count_bands;
    double length_tip_min_points = 0;
    std::size_t all_caps_min_words = 0;
    std::size_t all_caps_min_word_letters = 0;
    Weights weights;
    std::array<double, kCodeCount> penalties{};
    double error_score_cap = 0;
    double strong_score = 0;
    double fair_score = 0;

    std::vector<std::vector<TemplatePart>> templates;
    std::size_t max_services = 0;
    std::vector<OutcomeRule> outcomes;
    std::string default_outcome;
};

void TitleRulesDeleter::operator()(TitleRules* rules) const {
    delete rules;
}

std::string_view to_string(Grade grade) {
    switch (grade) {
    case Grade::Weak:
        return "weak";
    case Grade::Fair:
        return "fair";
    case Grade::Strong:
        return "strong";
    }
    return "weak";
}

namespace {

// ---- Text scanning ------------------------------------------------------------------------

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

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char ascii_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
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

// The punctuation whose doubling ("!!", "?!", "...") the title checker reports.
bool is_repeatable_punctuation(char32_t c) {
    return c == '!' || c == '?' || c == '.' || c == ',' || c == ';' || c == ':' || c == kEllipsis;
}

struct Term {
    std::size_t begin = 0; // bytes into the text
    std::size_t end = 0;
    std::size_t word = 0; // index of the whitespace-separated word it belongs to
    bool first_in_word = false;
    int first_letter_case = 0;
    std::size_t upper_letters = 0;
    std::int32_t word_id = -1; // vocabulary id, -1 when unknown
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

    std::string_view term_text(const Term& term) const {
        return std::string_view(lower).substr(term.begin, term.end - term.begin);
    }
};

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

// One pass over the text: terms, words, characters, URLs, emoji and punctuation runs.
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

    bool in_term = false;
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
                if (!in_word) ++words;
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
}

// ---- Vocabulary matching ------------------------------------------------------------------

// A run of terms that matched one vocabulary entry (or one unknown term, with no flags).
struct Match {
    std::size_t first_term = 0;
    std::size_t term_count = 1;
    std::uint16_t flags = 0;
    std::int32_t phrase = -1; // index into TitleRules::phrases, -1 for a single word
};

// FNV-1a: words are short, so a simple byte loop beats anything with a set-up cost.
std::uint32_t hash_text(std::string_view text) {
    std::uint32_t hash = 2166136261u;
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash;
}

std::string_view entry_text(const SpellingTable& table, const SpellingTable::Entry& entry) {
    return std::string_view(table.texts).substr(entry.text_begin, entry.text_length);
}

// Whether `entry` spells `text`. Once hash and length agree the bytes nearly always do, and for
// words this short a loop costs less than a call to memcmp.
bool entry_spells(const SpellingTable& table, const SpellingTable::Entry& entry,
                  std::string_view text, std::uint32_t hash) {
    if (entry.hash != hash || entry.text_length != text.size()) return false;
    const char* spelling = table.texts.data() + entry.text_begin;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (spelling[i] != text[i]) return false;
    return true;
}

// The index of the slot holding `text`, or of the empty slot where it would go.
std::size_t find_slot(const SpellingTable& table, std::string_view text, std::uint32_t hash) {
    const std::size_t mask = table.slots.size() - 1;
    std::size_t at = hash & mask;
    while (table.slots[at] != 0 &&
           !entry_spells(table, table.entries[table.slots[at] - 1], text, hash))
        at = (at + 1) & mask;
    return at;
}

// Keeps the table at most half full, so probe runs stay short.
void grow_slots(SpellingTable& table) {
    if ((table.entries.size() + 1) * 2 <= table.slots.size()) return;
    table.slots.assign(std::max<std::size_t>(64, table.slots.size() * 2), 0);
    const std::size_t mask = table.slots.size() - 1;
    for (std::size_t i = 0; i < table.entries.size(); ++i) {
        std::size_t at = table.entries[i].hash & mask;
        while (table.slots[at] != 0) at = (at + 1) & mask;
        table.slots[at] = static_cast<std::uint32_t>(i + 1);
    }
}

// The word id `text` is spelled with; a spelling already in the table keeps its word, so the
// first way to reach a spelling wins.
std::uint32_t add_spelling(SpellingTable& table, std::string_view text, std::uint32_t word_id) {
    grow_slots(table);
    const std::uint32_t hash = hash_text(text);
    std::uint32_t& slot = table.slots[find_slot(table, text, hash)];
    if (slot != 0) return table.entries[slot - 1].word_id;
    table.entries.push_back({hash, static_cast<std::uint32_t>(table.texts.size()),
                             static_cast<std::uint32_t>(text.size()), word_id});
    table.texts += text;
    slot = static_cast<std::uint32_t>(table.entries.size());
    return word_id;
}

// The vocabulary word `lower` spells, -1 for none.
std::int32_t find_word(const TitleRules& rules, std::string_view lower) {
    const SpellingTable& table = rules.spellings;
    if (table.slots.empty()) return -1; // rules without vocabulary
    const std::uint32_t slot = table.slots[find_slot(table, lower, hash_text(lower))];
    return slot == 0 ? -1 : static_cast<std::int32_t>(table.entries[slot - 1].word_id);
}

std::uint16_t term_flags(const TitleRules& rules, const Term& term) {
    return term.word_id < 0 ? 0 : rules.words[static_cast<std::size_t>(term.word_id)].flags;
}

bool phrase_matches_at(const Phrase& phrase, const TextScan& scan, std::size_t first_term) {
    if (first_term + phrase.words.size() > scan.terms.size()) return false;
    for (std::size_t i = 0; i < phrase.words.size(); ++i)
        if (scan.terms[first_term + i].word_id != static_cast<std::int32_t>(phrase.words[i]))
            return false;
    return true;
}

// Longest phrase first at each term, so "generative AI" wins over "AI".
void match_vocabulary(const TitleRules& rules, TextScan& scan, std::vector<Match>& matches) {
    for (Term& term : scan.terms) term.word_id = find_word(rules, scan.term_text(term));
    matches.clear();
    std::size_t t = 0;
    while (t < scan.terms.size()) {
        Match match;
        match.first_term = t;
        match.flags = term_flags(rules, scan.terms[t]);
        const std::int32_t id = scan.terms[t].word_id;
        if (id >= 0) {
            for (std::uint32_t p : rules.words[static_cast<std::size_t>(id)].phrases) {
                if (!phrase_matches_at(rules.phrases[p], scan, t)) continue;
                match.term_count = rules.phrases[p].words.size();
                match.flags = rules.phrases[p].flags;
                match.phrase = static_cast<std::int32_t>(p);
                break;
            }
        }
        matches.push_back(match);
        t += match.term_count;
    }
}

Span match_span(const TextScan& scan, const Match& match) {
    const Term& first = scan.terms[match.first_term];
    const Term& last = scan.terms[match.first_term + match.term_count - 1];
    return {first.begin, last.end - first.begin};
}

Span term_span(const Term& term) {
    return {term.begin, term.end - term.begin};
}

void append_match_spans(std::vector<Span>& spans, const TextScan& scan,
                        const std::vector<Match>& matches, std::uint16_t flags) {
    for (const Match& match : matches)
        if (match.flags & flags) spans.push_back(match_span(scan, match));
}

bool terms_equal(const TextScan& a, std::size_t a_first, const TextScan& b, std::size_t b_first,
                 std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        if (a.term_text(a.terms[a_first + i]) != b.term_text(b.terms[b_first + i])) return false;
    return true;
}

// Whether `needle`'s terms appear, in order and adjacent, among `haystack`'s.
bool contains_terms(const TextScan& haystack, const TextScan& needle) {
    const std::size_t count = needle.terms.size();
    if (count == 0 || count > haystack.terms.size()) return false;
    for (std::size_t i = 0; i + count <= haystack.terms.size(); ++i)
        if (terms_equal(haystack, i, needle, 0, count)) return true;
    return false;
}

bool contains_term(const TextScan& scan, std::string_view lower) {
    for (const Term& term : scan.terms)
        if (scan.term_text(term) == lower) return true;
    return false;
}

// ---- Analysis -----------------------------------------------------------------------------

// The record's fields, each scanned the first time a check needs it and kept for the rest of
// that check: the title, every candidate suggestion and the suggestion itself compare with them.
struct RecordScan {
    enum Part : unsigned { kServices = 1, kWorkload = 2, kIndustry = 4 };
    unsigned scanned = 0;           // Part bits
    std::vector<TextScan> services; // may hold more than the record has, to reuse their buffers
    TextScan workload;
    TextScan industry;
};

std::span<const TextScan> service_scans(RecordScan& record, const TitleContext& context,
                                        const TitleRules& rules) {
    const std::size_t count = context.services.size();
    if (!(record.scanned & RecordScan::kServices)) {
        if (record.services.size() < count) record.services.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            scan_text(context.services[i], rules.url_prefixes, record.services[i]);
        record.scanned |= RecordScan::kServices;
    }
    return {record.services.data(), count};
}

// The record's text `part` scanned on first use in a check, then reused.
const TextScan& scan_once(RecordScan& record, RecordScan::Part part, std::string_view text,
                          TextScan& scan, const TitleRules& rules) {
    if (!(record.scanned & part)) {
        scan_text(text, rules.url_prefixes, scan);
        record.scanned |= part;
    }
    return scan;
}

const TextScan& workload_scan(RecordScan& record, const TitleContext& context,
                              const TitleRules& rules) {
    return scan_once(record, RecordScan::kWorkload, context.workload, record.workload, rules);
}

const TextScan& industry_scan(RecordScan& record, const TitleContext& context,
                              const TitleRules& rules) {
    return scan_once(record, RecordScan::kIndustry, context.industry, record.industry, rules);
}

// A finding before it becomes a Finding: scoring a candidate suggestion needs only the penalty
// and whether there is an error, and the strings of a Finding cost more than the analysis.
struct PendingFinding {
    TitleCode code = TitleCode::Empty;
    Severity severity = Severity::Error;
    std::string_view message;   // a literal, from the rules, or one of Analysis::length_messages
    std::size_t first_span = 0; // into Analysis::spans
    std::size_t span_count = 0;
};

// What analyze_title finds about one text. Reused from check to check, so it allocates only
// while its buffers grow.
struct Analysis {
    const TitleRules* rules = nullptr;
    std::vector<PendingFinding> findings;
    std::vector<Span> spans;
    std::array<std::string, 2> length_messages; // words, characters
    double penalty = 0;
    bool has_error = false;
    int score = 0;
    Grade grade = Grade::Weak;

    void start(const TitleRules& title_rules) {
        rules = &title_rules;
        findings.clear();
        spans.clear();
        penalty = 0;
        has_error = false;
    }

    // The finding's spans are spans[first_span, end), appended by the caller just before.
    void add_from(TitleCode code, Severity severity, std::string_view message,
                  std::size_t first_span) {
        findings.push_back({code, severity, message, first_span, spans.size() - first_span});
        penalty += rules->penalties[static_cast<std::size_t>(code)];
        if (severity == Severity::Error) has_error = true;
    }

    void add(TitleCode code, Severity severity, std::string_view message,
             std::span<const Span> finding_spans = {}) {
        const std::size_t first_span = spans.size();
        spans.insert(spans.end(), finding_spans.begin(), finding_spans.end());
        add_from(code, severity, message, first_span);
    }
};

// Reused by every check on this thread so the hot path does not allocate for its working data.
struct Scratch {
    TextScan title;
    std::vector<Match> matches;
    RecordScan record;
    Analysis analysis;
    std::string record_text; // the workload and services in one text, for choose_outcome
    TextScan record_text_scan;
};

Scratch& thread_scratch() {
    thread_local Scratch scratch;
    return scratch;
}

// The record's own services, and the distinctive words of its workload, count as technology.
bool mentions_record_technology(const TextScan& title, const TitleContext& context,
                                const TitleRules& rules, RecordScan& record) {
    for (const TextScan& service : service_scans(record, context, rules))
        if (contains_terms(title, service)) return true;
    const TextScan& workload = workload_scan(record, context, rules);
    for (const Term& term : workload.terms) {
        const std::string_view text = workload.term_text(term);
        // The title's terms first: most workload words are not in it, and the lookup costs more.
        if (!contains_term(title, text)) continue;
        const std::int32_t id = find_word(rules, text);
        const std::uint16_t flags = id < 0 ? 0 : rules.words[static_cast<std::size_t>(id)].flags;
        if ((flags & ~kTechnology) == 0) return true;
    }
    return false;
}

const Band& band_for(const std::vector<Band>& bands, std::size_t count) {
    for (const Band& band : bands)
        if (static_cast<long long>(count) <= band.max) return band;
    return bands.back();
}

// "The title has 3 words; 5 to 9 read best."
void write_length_message(std::string& out, const LengthBands& bands, std::size_t count) {
    out.assign("The title has ");
    out += std::to_string(count);
    out += ' ';
    out += count == 1 ? bands.unit : bands.units;
    out += "; ";
    out += bands.best_text;
    out += " read best.";
}

// Scores one length (words or characters) against its bands and reports when outside the best.
// A count beyond the precomputed messages has its message written into `message`, a buffer kept
// from check to check.
double check_length(Analysis& analysis, const LengthBands& bands, std::size_t count,
                    TitleCode too_short, TitleCode too_long, std::string& message) {
    const Band& band = band_for(bands.bands, count);
    const Band& best = bands.best;
    if (band.points < best.points) {
        const Severity severity = band.points >= analysis.rules->length_tip_min_points
                                      ? Severity::Tip
                                      : Severity::Warning;
        const TitleCode code = static_cast<long long>(count) < best.min ? too_short : too_long;
        if (count < bands.messages.size()) {
            analysis.add(code, severity, bands.messages[count]);
        } else {
            write_length_message(message, bands, count);
            analysis.add(code, severity, message);
        }
    }
    return band.points / 100.0;
}

// A lower bound on the edit distance of two normalized titles: the letters one has that the
// other lacks. title_similarity runs a full edit distance, which dominates the check's time, so
// siblings that cannot reach the near-same threshold are ruled out with this first.
bool could_be_near_same(std::string_view a, std::string_view b) {
    std::array<long, 256> surplus{};
    for (unsigned char c : a) ++surplus[c];
    for (unsigned char c : b) --surplus[c];
    long only_in_a = 0;
    long only_in_b = 0;
    for (long count : surplus) {
        if (count > 0)
            only_in_a += count;
        else
            only_in_b -= count;
    }
    const double longer = static_cast<double>(std::max(a.size(), b.size()));
    const double distance_at_least = static_cast<double>(std::max(only_in_a, only_in_b));
    return 1.0 - distance_at_least / longer >= kNearDuplicateTitleThreshold;
}

void check_siblings(Analysis& analysis, std::string_view title, const TitleContext& context) {
    if (context.sibling_titles.empty()) return;
    const std::string normalized = normalize_title(title);
    if (normalized.empty()) return; // punctuation only: "title-empty" already says it all
    double closest = 0;
    for (std::string_view sibling : context.sibling_titles) {
        const std::string normalized_sibling = normalize_title(sibling);
        if (normalized_sibling == normalized)
            closest = 1.0;
        else if (could_be_near_same(normalized, normalized_sibling))
            closest = std::max(closest, title_similarity(title, sibling));
    }
    if (closest >= 1.0)
        analysis.add(TitleCode::Duplicate, Severity::Error,
                     "Another reference for this customer has the same title; say what sets this "
                     "workload apart.");
    else if (closest >= kNearDuplicateTitleThreshold)
        analysis.add(TitleCode::NearDuplicate, Severity::Warning,
                     "Another reference for this customer has almost the same title; say what "
                     "sets this workload apart.");
}

// Placeholder, generic label or generic phrase, judged over the title's main words.
void check_vocabulary_quality(Analysis& analysis, const TextScan& scan,
                              const std::vector<Match>& matches) {
    std::size_t main_words = 0;
    std::size_t placeholders = 0;
    std::size_t placeholders_when_alone = 0;
    std::size_t generic = 0;
    for (const Match& match : matches) {
        if (match.flags & kSmallWord) continue;
        ++main_words;
        if (match.flags & kPlaceholder) ++placeholders;
        if (match.flags & (kPlaceholder | kPlaceholderAlone)) ++placeholders_when_alone;
        if (match.flags & (kGenericPhrase | kGenericWord | kPlaceholderAlone)) ++generic;
    }
    if (main_words == 0) return;
    std::vector<Span>& spans = analysis.spans;
    const std::size_t first_span = spans.size();
    if (placeholders > 0 || placeholders_when_alone == main_words) {
        const std::uint16_t flags =
            placeholders > 0 ? kPlaceholder : (kPlaceholder | kPlaceholderAlone);
        append_match_spans(spans, scan, matches, flags);
        analysis.add_from(TitleCode::Placeholder, Severity::Error,
                          "The title is placeholder text; write the real title.", first_span);
    } else if (generic == main_words) {
        append_match_spans(spans, scan, matches, kGenericPhrase | kGenericWord);
        analysis.add_from(TitleCode::Generic, Severity::Error,
                          "The title is a generic label; name the workload and what it achieved.",
                          first_span);
    } else {
        append_match_spans(spans, scan, matches, kGenericPhrase);
        if (spans.size() > first_span)
            analysis.add_from(TitleCode::Generic, Severity::Warning,
                              "A generic phrase takes the room the workload and outcome need.",
                              first_span);
    }
    const std::size_t first_filler = spans.size();
    append_match_spans(spans, scan, matches, kFiller);
    if (spans.size() > first_filler)
        analysis.add_from(TitleCode::Filler, Severity::Warning,
                          "Filler words add length, not meaning.", first_filler);
}

// Title case: main words capitalized, small words may stay lower case. Returns whether the
// title passes.
bool check_case(Analysis& analysis, const TextScan& scan) {
    const TitleRules& rules = *analysis.rules;
    std::vector<Span>& spans = analysis.spans;
    const std::size_t first_span = spans.size();
    if (!scan.has_lowercase) {
        // Short all-capital words are acronyms (AWS, EKS); only long ones shout.
        for (const Term& term : scan.terms)
            if (term.upper_letters >= rules.all_caps_min_word_letters)
                spans.push_back(term_span(term));
        if (spans.size() - first_span < rules.all_caps_min_words) {
            spans.resize(first_span);
            return true;
        }
        analysis.add_from(TitleCode::AllCaps, Severity::Warning,
                          "The title is in capitals; use title case.", first_span);
        return false;
    }
    std::size_t capitalized = 0;
    for (const Term& term : scan.terms) {
        if (!term.first_in_word || (term_flags(rules, term) & kSmallWord)) continue;
        // The first word is capitalized in sentence case too, so it does not show title case.
        if (term.first_letter_case > 0 && term.word > 0) ++capitalized;
        // A capital further in ("iPhone", "eBay") is a brand's own spelling.
        if (term.first_letter_case < 0 && term.upper_letters == 0) spans.push_back(term_span(term));
    }
    if (spans.size() == first_span) return true;
    if (capitalized > 0)
        analysis.add_from(TitleCode::InconsistentCase, Severity::Warning,
                          "Some main words are capitalized and some are not; use title case.",
                          first_span);
    else
        analysis.add_from(TitleCode::NotTitleCase, Severity::Warning,
                          "The main words are lower case; use title case.", first_span);
    return false;
}

void check_punctuation(Analysis& analysis, const TextScan& scan) {
    if (scan.has_trailing_period)
        analysis.add(TitleCode::TrailingPeriod, Severity::Tip,
                     "A title does not end with a period.",
                     std::span<const Span>(&scan.trailing_period, 1));
    if (!scan.repeated_punctuation.empty())
        analysis.add(TitleCode::RepeatedPunctuation, Severity::Warning,
                     "Repeated punctuation reads as shouting or an unfinished thought.",
                     scan.repeated_punctuation);
    if (!scan.emoji.empty())
        analysis.add(TitleCode::Emoji, Severity::Warning,
                     "Emoji do not belong in a public reference title.", scan.emoji);
}

void finish_score(Analysis& analysis, double earned) {
    const TitleRules& rules = *analysis.rules;
    double score = earned - analysis.penalty;
    if (analysis.has_error) score = std::min(score, rules.error_score_cap);
    analysis.score = static_cast<int>(std::lround(std::clamp(score, 0.0, 100.0)));
    analysis.grade = analysis.score >= rules.strong_score ? Grade::Strong
                     : analysis.score >= rules.fair_score ? Grade::Fair
                                                          : Grade::Weak;
}

// Score, grade and findings of `title`, into scratch.analysis. Findings stay pending: only
// check_title turns them into Findings, candidate suggestions need just the score.
void analyze_title(std::string_view title, const TitleContext& context, const TitleRules& rules,
                   Scratch& scratch) {
    TextScan& scan = scratch.title;
    Analysis& analysis = scratch.analysis;
    analysis.start(rules);
    scan_text(title, rules.url_prefixes, scan);
    if (scan.characters == 0) {
        analysis.add(TitleCode::Empty, Severity::Error, "The title is empty.");
        finish_score(analysis, 0);
        return;
    }
    match_vocabulary(rules, scan, scratch.matches);
    const std::vector<Match>& matches = scratch.matches;

    if (!scan.urls.empty())
        analysis.add(TitleCode::Url, Severity::Error,
                     "The title contains a web address; the URL has its own field.", scan.urls);
    if (scan.words == 0 && scan.urls.empty())
        analysis.add(TitleCode::Empty, Severity::Error, "The title has no words.");
    check_vocabulary_quality(analysis, scan, matches);
    check_siblings(analysis, title, context);

    const Weights& weights = rules.weights;
    double earned = 0;
    earned += weights.word_count * check_length(analysis, rules.word_count_bands, scan.words,
                                                TitleCode::TooShortWords, TitleCode::TooLongWords,
                                                analysis.length_messages[0]);
    earned += weights.character_count * check_length(analysis, rules.character_count_bands,
                                                     scan.characters, TitleCode::TooShortCharacters,
                                                     TitleCode::TooLongCharacters,
                                                     analysis.length_messages[1]);

    std::uint16_t found = 0;
    for (const Match& match : matches) found |= match.flags;
    const bool technology =
        (found & kTechnology) || mentions_record_technology(scan, context, rules, scratch.record);
    const bool outcome = found & kOutcome;
    const bool has_context =
        (found & kContext) || contains_terms(scan, industry_scan(scratch.record, context, rules));
    if (technology)
        earned += weights.technology;
    else
        analysis.add(TitleCode::NoTechnology, Severity::Warning,
                     "The title names no technology or workload, such as serverless, a data "
                     "lake or an AWS service.");
    if (outcome)
        earned += weights.outcome;
    else
        analysis.add(TitleCode::NoOutcome, Severity::Warning,
                     "The title names no outcome, such as lower cost, faster delivery or scale.");
    if (has_context)
        earned += weights.context;
    else
        analysis.add(TitleCode::NoContext, Severity::Tip,
                     "The title names no context: an industry or the kind of application.");

    if (check_case(analysis, scan)) earned += weights.title_case;
    check_punctuation(analysis, scan);
    finish_score(analysis, earned);
}

// The pending findings as the report gives them: errors first, so a reader sees what blocks
// the title before what would polish it; in the order found within each severity.
void write_findings(const Analysis& analysis, std::vector<Finding>& findings) {
    findings.reserve(analysis.findings.size());
    for (const Severity severity : {Severity::Error, Severity::Warning, Severity::Tip}) {
        for (const PendingFinding& pending : analysis.findings) {
            if (pending.severity != severity) continue;
            // Constructed in place: assigning to an empty string costs a reallocation each.
            const auto first =
                analysis.spans.begin() + static_cast<std::ptrdiff_t>(pending.first_span);
            findings.push_back(
                {severity,
                 std::string(kCodeNames[static_cast<std::size_t>(pending.code)]),
                 std::string(pending.message),
                 "title",
                 std::vector<Span>(first, first + static_cast<std::ptrdiff_t>(pending.span_count)),
                 {}});
        }
    }
}

// ---- Suggestion ---------------------------------------------------------------------------

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

std::string_view match_display(const TitleRules& rules, const TextScan& scan, const Match& match) {
    if (match.phrase >= 0) return rules.phrases[static_cast<std::size_t>(match.phrase)].display;
    const std::int32_t id = scan.terms[match.first_term].word_id;
    return id < 0 ? std::string_view() : rules.words[static_cast<std::size_t>(id)].display;
}

// Vocabulary spellings where the rules give one ("CI/CD", "DynamoDB"); otherwise each main word
// starts with a capital and small words after the first are lower case.
void apply_title_case(const TitleRules& rules, std::string& text, Scratch& scratch) {
    TextScan& scan = scratch.title;
    std::vector<Match>& matches = scratch.matches;
    scan_text(text, rules.url_prefixes, scan);
    match_vocabulary(rules, scan, matches);
    for (const Match& match : matches) {
        const Span span = match_span(scan, match);
        const std::string_view display = match_display(rules, scan, match);
        if (equals_ignoring_ascii_case(display,
                                       std::string_view(text).substr(span.begin, span.length))) {
            text.replace(span.begin, span.length, display);
            continue;
        }
        for (std::size_t t = match.first_term; t < match.first_term + match.term_count; ++t) {
            const Term& term = scan.terms[t];
            if ((term_flags(rules, term) & kSmallWord) && t > 0) {
                for (std::size_t i = term.begin; i < term.end; ++i) text[i] = ascii_lower(text[i]);
            } else if (term.upper_letters == 0) {
                text[term.begin] = ascii_upper(text[term.begin]);
            }
        }
    }
}

// Appends `text` trimmed, with each run of spaces and control characters as one space: a
// record field may hold a tab or a terminal escape, a suggested title must not.
void append_collapsed(std::string& out, std::string_view text) {
    bool pending_space = false;
    bool started = false;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= ' ' || byte == 0x7F) {
            pending_space = started;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        started = true;
        out.push_back(c);
    }
}

std::string_view choose_outcome(const TitleRules& rules, const TitleContext& context,
                                Scratch& scratch) {
    std::string& record_text = scratch.record_text;
    record_text.assign(context.workload);
    for (std::string_view service : context.services) {
        record_text += ' ';
        record_text += service;
    }
    TextScan& record = scratch.record_text_scan;
    scan_text(record_text, rules.url_prefixes, record);
    for (const OutcomeRule& rule : rules.outcomes)
        for (const std::string& word : rule.when)
            if (contains_term(record, word)) return rule.phrase;
    return rules.default_outcome;
}

// The record's services the workload does not already name, joined with "and".
std::string services_to_mention(const TitleRules& rules, const TitleContext& context,
                                const TextScan& workload, std::span<const TextScan> services) {
    std::string joined;
    std::size_t count = 0;
    for (std::size_t i = 0; i < services.size(); ++i) {
        if (count == rules.max_services) break;
        if (services[i].terms.empty() || contains_terms(workload, services[i])) continue;
        if (count > 0) joined += " and ";
        append_collapsed(joined, context.services[i]);
        ++count;
    }
    return joined;
}

struct SuggestionFields {
    std::string_view workload;
    std::string_view outcome;
    std::string_view industry; // empty when the record has none or the workload names it
    std::string_view services; // empty when there are none left to mention
};

// False when the template needs a field the record does not have.
bool expand_template(const std::vector<TemplatePart>& parts, const SuggestionFields& fields,
                     std::string& out) {
    out.clear();
    for (const TemplatePart& part : parts) {
        std::string_view value;
        switch (part.field) {
        case TemplateField::Text:
            value = part.text;
            break;
        case TemplateField::Workload:
            value = fields.workload;
            break;
        case TemplateField::Outcome:
            value = fields.outcome;
            break;
        case TemplateField::Industry:
            value = fields.industry;
            break;
        case TemplateField::Services:
            value = fields.services;
            break;
        }
        if (value.empty()) return false;
        if (part.field == TemplateField::Text)
            out += value;
        else
            append_collapsed(out, value);
    }
    return true;
}

// The best-scoring template filled from the record, when it beats the title as it stands.
// Candidates are scored without building their findings.
std::string build_suggestion(const TitleContext& context, const TitleRules& rules,
                             int score_to_beat, Scratch& scratch) {
    RecordScan& record = scratch.record;
    const TextScan& workload = workload_scan(record, context, rules);
    if (workload.terms.empty()) return {};
    const TextScan& industry = industry_scan(record, context, rules);
    const std::string services =
        services_to_mention(rules, context, workload, service_scans(record, context, rules));

    SuggestionFields fields;
    fields.workload = context.workload;
    fields.outcome = choose_outcome(rules, context, scratch);
    if (!industry.terms.empty() && !contains_terms(workload, industry))
        fields.industry = context.industry;
    fields.services = services;

    std::string best;
    int best_score = score_to_beat;
    std::string candidate;
    for (const std::vector<TemplatePart>& parts : rules.templates) {
        if (!expand_template(parts, fields, candidate)) continue;
        apply_title_case(rules, candidate, scratch);
        analyze_title(candidate, context, rules, scratch);
        const int score = scratch.analysis.score;
        if (score <= best_score) continue;
        best_score = score;
        best = candidate;
    }
    return best;
}

// ---- Loading the rules --------------------------------------------------------------------

void add_error(std::vector<std::string>& errors, std::string_view key, std::string_view problem) {
    std::string text = "title_rules.json: ";
    text += key;
    text += " ";
    text += problem;
    errors.push_back(std::move(text));
}

// Null when `object` is null, not an object, or has no member `key`.
const json* member(const json* object, const std::string& key) {
    if (object == nullptr || !object->is_object()) return nullptr;
    const auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
}

bool has_upper_case(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::optional<std::vector<std::string>> read_string_list(const json* value) {
    if (value == nullptr || !value->is_array()) return std::nullopt;
    std::vector<std::string> list;
    for (const json& item : *value) {
        if (!item.is_string() || item.get_ref<const std::string&>().empty()) return std::nullopt;
        list.push_back(item.get<std::string>());
    }
    return list;
}

std::optional<double> read_number(const json* value, double min, double max) {
    if (value == nullptr || !value->is_number()) return std::nullopt;
    const double number = value->get<double>();
    if (!(number >= min && number <= max)) return std::nullopt;
    return number;
}

std::optional<long long> read_whole_number(const json* value, long long min, long long max) {
    if (value == nullptr) return std::nullopt;
    long long number = 0;
    if (value->is_number_unsigned()) {
        const auto unsigned_number = value->get<std::uint64_t>();
        if (unsigned_number > static_cast<std::uint64_t>(max)) return std::nullopt;
        number = static_cast<long long>(unsigned_number);
    } else if (value->is_number_integer()) {
        number = value->get<std::int64_t>();
    } else {
        return std::nullopt;
    }
    if (number < min || number > max) return std::nullopt;
    return number;
}

std::uint32_t intern_word(TitleRules& rules, std::string_view text) {
    const auto next_id = static_cast<std::uint32_t>(rules.words.size());
    const std::uint32_t id = add_spelling(rules.spellings, text, next_id);
    if (id == next_id) rules.words.emplace_back();
    return id;
}

// Splits the entry into terms exactly as a title is split, so both match alike.
bool add_vocabulary_entry(TitleRules& rules, std::string_view entry, std::uint16_t flag,
                          TextScan& scan) {
    scan_text(entry, rules.url_prefixes, scan);
    if (scan.terms.empty()) return false;
    const std::string display = has_upper_case(entry) ? std::string(entry) : std::string();
    if (scan.terms.size() == 1) {
        VocabularyWord& word = rules.words[intern_word(rules, scan.term_text(scan.terms[0]))];
        word.flags |= flag;
        if (word.display.empty()) word.display = display;
        return true;
    }
    std::vector<std::uint32_t> ids;
    for (const Term& term : scan.terms) ids.push_back(intern_word(rules, scan.term_text(term)));
    for (Phrase& phrase : rules.phrases) {
        if (phrase.words != ids) continue;
        phrase.flags |= flag;
        if (phrase.display.empty()) phrase.display = display;
        return true;
    }
    rules.words[ids[0]].phrases.push_back(static_cast<std::uint32_t>(rules.phrases.size()));
    rules.phrases.push_back({std::move(ids), flag, display});
    return true;
}

void read_vocabulary(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    TextScan scan;
    for (const VocabularyList& list : kVocabularyLists) {
        const auto entries = read_string_list(member(&data, list.key));
        if (!entries) {
            add_error(errors, list.key, "must be a list of non-empty strings");
            continue;
        }
        for (const std::string& entry : *entries)
            if (!add_vocabulary_entry(rules, entry, list.flag, scan))
                add_error(errors, list.key, "has an entry with no words: \"" + entry + "\"");
    }
    for (VocabularyWord& word : rules.words)
        std::stable_sort(word.phrases.begin(), word.phrases.end(),
                         [&](std::uint32_t a, std::uint32_t b) {
                             return rules.phrases[a].words.size() > rules.phrases[b].words.size();
                         });
}

// Longer words never stem: a stem is built in a fixed buffer of this size.
constexpr std::size_t kMaxStemmedWord = 48;

// Runs the stemming rules backwards once, so a title's term needs one lookup: each word gets
// the spellings that stem to it ("driving" for "drive"). Words come first and earlier rules
// before later ones, as when a term is stemmed rule by rule.
void add_inflections(TitleRules& rules) {
    SpellingTable& table = rules.spellings;
    const std::size_t word_count = table.entries.size();
    std::string spelling;
    for (const StemRule& rule : rules.stem_rules) {
        for (std::size_t i = 0; i < word_count; ++i) {
            const SpellingTable::Entry entry = table.entries[i];
            const std::string_view word = entry_text(table, entry);
            if (word.size() > kMaxStemmedWord || !word.ends_with(rule.base)) continue;
            const std::size_t stem_length = word.size() - rule.base.size();
            if (stem_length < rules.min_stem_length) continue;
            spelling.assign(word.substr(0, stem_length));
            spelling += rule.suffix;
            add_spelling(table, spelling, entry.word_id);
        }
    }
}

void read_stemming(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const json* stemming = member(&data, "stemming");
    if (stemming == nullptr || !stemming->is_object()) {
        add_error(errors, "stemming", "must be an object with min_stem_length and rules");
        return;
    }
    const auto min_stem_length = read_whole_number(member(stemming, "min_stem_length"), 1, 20);
    if (min_stem_length)
        rules.min_stem_length = static_cast<std::size_t>(*min_stem_length);
    else
        add_error(errors, "stemming.min_stem_length", "must be a whole number from 1 to 20");
    const json* stem_rules = member(stemming, "rules");
    if (stem_rules == nullptr || !stem_rules->is_array()) {
        add_error(errors, "stemming.rules", "must be a list of {suffix, base}");
        return;
    }
    for (std::size_t i = 0; i < stem_rules->size(); ++i) {
        const json& rule = (*stem_rules)[i];
        const json* suffix = member(&rule, "suffix");
        const json* base = member(&rule, "base");
        if (suffix == nullptr || !suffix->is_string() || suffix->get<std::string>().empty() ||
            base == nullptr || !base->is_string()) {
            add_error(errors, "stemming.rules[" + std::to_string(i) + "]",
                      "must have a non-empty string suffix and a string base");
            continue;
        }
        rules.stem_rules.push_back({suffix->get<std::string>(), base->get<std::string>()});
    }
}

// Bands cover every count from 0 up, in order, without gaps; only the last may leave out max.
std::vector<Band> read_bands(const json& data, const char* key, std::vector<std::string>& errors) {
    const std::string problem = "must be a list of {min, max, points} from 0 up, each min one "
                                "above the max before it, points 0 to 100, only the last "
                                "without max";
    const json* value = member(&data, key);
    if (value == nullptr || !value->is_array() || value->empty()) {
        add_error(errors, key, problem);
        return {};
    }
    constexpr long long kLargest = std::numeric_limits<long long>::max();
    std::vector<Band> bands;
    long long next_min = 0;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        const bool last = i + 1 == value->size();
        if (!item.is_object()) {
            add_error(errors, key, problem);
            return {};
        }
        const auto min = read_whole_number(member(&item, "min"), 0, kLargest - 1);
        const json* max_value = member(&item, "max");
        const auto max = max_value == nullptr && last
                             ? std::optional<long long>(kLargest)
                             : read_whole_number(max_value, 0, kLargest - 1);
        const auto points = read_number(member(&item, "points"), 0, 100);
        if (!min || !max || !points || *min != next_min || *max < *min) {
            add_error(errors, key, problem);
            return {};
        }
        bands.push_back({*min, *max, *points});
        if (!last) next_min = *max + 1;
    }
    bands.back().max = kLargest;
    return bands;
}

LengthBands length_bands(std::vector<Band> bands, std::string_view unit, std::string_view units) {
    LengthBands length;
    length.bands = std::move(bands);
    length.unit = unit;
    length.units = units;
    if (length.bands.empty()) return length; // read_bands has reported why
    length.best =
        *std::max_element(length.bands.begin(), length.bands.end(),
                          [](const Band& a, const Band& b) { return a.points < b.points; });
    const Band& best = length.best;
    if (best.max == std::numeric_limits<long long>::max())
        length.best_text = std::to_string(best.min) + " or more";
    else
        length.best_text = std::to_string(best.min) + " to " + std::to_string(best.max);
    length.messages.resize(kPrecomputedLengthMessages);
    for (std::size_t count = 0; count < length.messages.size(); ++count)
        if (band_for(length.bands, count).points < best.points)
            write_length_message(length.messages[count], length, count);
    return length;
}

void read_lengths_and_case(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    rules.word_count_bands =
        length_bands(read_bands(data, "word_count_bands", errors), "word", "words");
    rules.character_count_bands =
        length_bands(read_bands(data, "character_count_bands", errors),
                     "character, not counting spaces", "characters, not counting spaces");

    const auto tip_points = read_number(member(&data, "length_tip_min_points"), 0, 100);
    if (tip_points)
        rules.length_tip_min_points = *tip_points;
    else
        add_error(errors, "length_tip_min_points", "must be a number from 0 to 100");

    const json* all_caps = member(&data, "all_caps");
    const auto min_words = read_whole_number(member(all_caps, "min_words"), 1, 1000);
    const auto min_letters = read_whole_number(member(all_caps, "min_word_letters"), 1, 1000);
    if (min_words && min_letters) {
        rules.all_caps_min_words = static_cast<std::size_t>(*min_words);
        rules.all_caps_min_word_letters = static_cast<std::size_t>(*min_letters);
    } else {
        add_error(errors, "all_caps",
                  "must be an object with whole numbers min_words and min_word_letters, 1 or more");
    }
}

void read_weights(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const json* weights = member(&data, "weights");
    if (weights == nullptr || !weights->is_object()) {
        add_error(errors, "weights", "must be an object of numbers");
        return;
    }
    double total = 0;
    bool all_read = true;
    for (const WeightKey& weight : kWeightKeys) {
        const auto number = read_number(member(weights, weight.key), 0, 100);
        if (!number) {
            add_error(errors, std::string("weights.") + weight.key,
                      "must be a number from 0 to 100");
            all_read = false;
            continue;
        }
        rules.weights.*weight.member = *number;
        total += *number;
    }
    if (all_read && std::abs(total - 100) > 1e-9)
        add_error(errors, "weights", "must add up to 100");
}

void read_penalties(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const json* penalties = member(&data, "penalties");
    if (penalties == nullptr || !penalties->is_object()) {
        add_error(errors, "penalties", "must be an object of finding code to number");
        return;
    }
    for (const auto& [code, value] : penalties->items()) {
        const auto known = std::find(kCodeNames.begin(), kCodeNames.end(), code);
        const auto number = read_number(&value, 0, 100);
        if (known == kCodeNames.end())
            add_error(errors, "penalties." + code, "is not a title finding code");
        else if (!number)
            add_error(errors, "penalties." + code, "must be a number from 0 to 100");
        else
            rules.penalties[static_cast<std::size_t>(known - kCodeNames.begin())] = *number;
    }
}

void read_grades(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const auto cap = read_number(member(&data, "error_score_cap"), 0, 100);
    if (cap)
        rules.error_score_cap = *cap;
    else
        add_error(errors, "error_score_cap", "must be a number from 0 to 100");

    const json* grades = member(&data, "grades");
    const auto strong = read_number(member(grades, "strong"), 0, 100);
    const auto fair = read_number(member(grades, "fair"), 0, 100);
    if (strong && fair && *fair <= *strong) {
        rules.strong_score = *strong;
        rules.fair_score = *fair;
    } else {
        add_error(errors, "grades",
                  "must be an object with numbers strong and fair, 0 to 100, fair not above "
                  "strong");
    }
}

// "{workload} to {outcome}" into parts; every template names the workload.
std::optional<std::vector<TemplatePart>> parse_template(std::string_view text) {
    std::vector<TemplatePart> parts;
    bool has_workload = false;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        if (open != at) {
            const std::size_t end = std::min(open, text.size());
            if (text.substr(at, end - at).find('}') != std::string_view::npos) return std::nullopt;
            parts.push_back({TemplateField::Text, std::string(text.substr(at, end - at))});
            at = end;
            continue;
        }
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const auto field = std::find_if(kTemplateFields.begin(), kTemplateFields.end(),
                                        [&](const TemplateFieldName& f) { return f.name == name; });
        if (field == kTemplateFields.end()) return std::nullopt;
        if (field->field == TemplateField::Workload) has_workload = true;
        parts.push_back({field->field, {}});
        at = close + 1;
    }
    if (!has_workload) return std::nullopt;
    return parts;
}

void read_suggestion(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const json* suggestion = member(&data, "suggestion");
    if (suggestion == nullptr || !suggestion->is_object()) {
        add_error(errors, "suggestion",
                  "must be an object with templates, max_services, outcomes and default_outcome");
        return;
    }
    const auto templates = read_string_list(member(suggestion, "templates"));
    if (!templates || templates->empty()) {
        add_error(errors, "suggestion.templates", "must be a non-empty list of strings");
    } else {
        for (const std::string& text : *templates) {
            auto parts = parse_template(text);
            if (parts)
                rules.templates.push_back(std::move(*parts));
            else
                add_error(errors, "suggestion.templates",
                          "has \"" + text +
                              "\": use {workload} once or more, and only {outcome}, {industry} "
                              "and {services} besides");
        }
    }
    const auto max_services = read_whole_number(member(suggestion, "max_services"), 0, 20);
    if (max_services)
        rules.max_services = static_cast<std::size_t>(*max_services);
    else
        add_error(errors, "suggestion.max_services", "must be a whole number from 0 to 20");

    const json* default_outcome = member(suggestion, "default_outcome");
    if (default_outcome && default_outcome->is_string() &&
        !default_outcome->get<std::string>().empty())
        rules.default_outcome = default_outcome->get<std::string>();
    else
        add_error(errors, "suggestion.default_outcome", "must be a non-empty string");

    const json* outcomes = member(suggestion, "outcomes");
    if (outcomes == nullptr || !outcomes->is_array()) {
        add_error(errors, "suggestion.outcomes", "must be a list of {when, phrase}");
        return;
    }
    for (std::size_t i = 0; i < outcomes->size(); ++i) {
        const json& item = (*outcomes)[i];
        const std::string key = "suggestion.outcomes[" + std::to_string(i) + "]";
        const json* phrase = member(&item, "phrase");
        auto when = read_string_list(member(&item, "when"));
        const bool single_lower_words =
            when && std::all_of(when->begin(), when->end(), [](const std::string& word) {
                return std::all_of(word.begin(), word.end(),
                                   [](char c) { return c != ' ' && ascii_lower(c) == c; });
            });
        if (phrase == nullptr || !phrase->is_string() || phrase->get<std::string>().empty() ||
            !single_lower_words) {
            add_error(errors, key,
                      "must have a non-empty string phrase and when, a list of lower-case "
                      "single words");
            continue;
        }
        rules.outcomes.push_back({std::move(*when), phrase->get<std::string>()});
    }
}

} // namespace

TitleRulesLoad load_title_rules(const nlohmann::json& data) {
    TitleRulesLoad load;
    if (!data.is_object()) {
        load.errors.push_back("title_rules.json: must be a JSON object");
        return load;
    }
    auto rules = TitleRulesPtr(new TitleRules());
    // URL prefixes first: splitting the vocabulary into terms uses them.
    const auto url_prefixes = read_string_list(member(&data, "url_prefixes"));
    if (url_prefixes) {
        for (const std::string& prefix : *url_prefixes) {
            std::string lower = prefix;
            for (char& c : lower) c = ascii_lower(c);
            rules->url_prefixes.starts[static_cast<unsigned char>(lower[0])] = true;
            rules->url_prefixes.texts.push_back(std::move(lower));
        }
    } else {
        add_error(load.errors, "url_prefixes", "must be a list of non-empty strings");
    }
    read_vocabulary(data, *rules, load.errors);
    read_stemming(data, *rules, load.errors);
    add_inflections(*rules);
    read_lengths_and_case(data, *rules, load.errors);
    read_weights(data, *rules, load.errors);
    read_penalties(data, *rules, load.errors);
    read_grades(data, *rules, load.errors);
    read_suggestion(data, *rules, load.errors);
    if (load.errors.empty()) load.rules = std::move(rules);
    return load;
}

TitleRulesLoad load_title_rules_text(std::string_view json_text) {
    const json data = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (data.is_discarded()) {
        TitleRulesLoad load;
        load.errors.push_back("title_rules.json: is not valid JSON");
        return load;
    }
    return load_title_rules(data);
}

TitleReport check_title(std::string_view title, const TitleContext& context,
                        const TitleRules& rules) {
    Scratch& scratch = thread_scratch();
    scratch.record.scanned = 0; // a new record
    analyze_title(title, context, rules, scratch);
    TitleReport report;
    report.score = scratch.analysis.score;
    report.grade = scratch.analysis.grade;
    write_findings(scratch.analysis, report.findings);
    if (context.want_suggestion && report.grade != Grade::Strong)
        report.suggestion = build_suggestion(context, rules, report.score, scratch);
    return report;
}

} // namespace reftier
