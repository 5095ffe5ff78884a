// Spelling table, vocabulary matching and building the vocabulary at load (vocabulary.h).
#include "core/checks/title/vocabulary.h"

#include <algorithm>

namespace reftier::title {

namespace {

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

bool has_upper_case(std::string_view text) {
    return std::any_of(text.begin(), text.end(), is_ascii_upper);
}

bool phrase_matches_at(const Phrase& phrase, const TextScan& scan, std::size_t first_term) {
    if (first_term + phrase.words.size() > scan.terms.size()) return false;
    for (std::size_t i = 0; i < phrase.words.size(); ++i)
        if (scan.terms[first_term + i].word_id != static_cast<std::int32_t>(phrase.words[i]))
            return false;
    return true;
}

bool terms_equal(const TextScan& a, std::size_t a_first, const TextScan& b, std::size_t b_first,
                 std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        if (a.term_text(a.terms[a_first + i]) != b.term_text(b.terms[b_first + i])) return false;
    return true;
}

std::uint32_t intern_word(TitleRules& rules, std::string_view text) {
    const auto next_id = static_cast<std::uint32_t>(rules.words.size());
    const std::uint32_t id = add_spelling(rules.spellings, text, next_id);
    if (id == next_id) rules.words.emplace_back();
    return id;
}

// Longer words never stem: a stem is built in a fixed buffer of this size.
constexpr std::size_t kMaxStemmedWord = 48;

} // namespace

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

std::int32_t find_word(const TitleRules& rules, std::string_view lower) {
    const SpellingTable& table = rules.spellings;
    if (table.slots.empty()) return -1; // rules without vocabulary
    const std::uint32_t slot = table.slots[find_slot(table, lower, hash_text(lower))];
    return slot == 0 ? -1 : static_cast<std::int32_t>(table.entries[slot - 1].word_id);
}

std::uint16_t term_flags(const TitleRules& rules, const Term& term) {
    return term.word_id < 0 ? 0 : rules.words[static_cast<std::size_t>(term.word_id)].flags;
}

void match_vocabulary(const TitleRules& rules, TextScan& scan, std::vector<Match>& matches) {
    for (Term& term : scan.terms) term.word_id = find_word(rules, scan.term_text(term));
    matches.clear();
    std::size_t t = 0;
    while (t < scan.terms.size()) {
        Match match;
        match.first_term = t;
        match.flags = term_flags(rules, scan.terms[t]);
        const std::int32_t id = scan.terms[t].word_id;
        const std::int32_t next = t + 1 < scan.terms.size() ? scan.terms[t + 1].word_id : -1;
        if (id >= 0 && next >= 0) {
            // The phrases go by second word (read_vocabulary), so only those of `next` are tried.
            const std::vector<std::uint32_t>& phrases =
                rules.words[static_cast<std::size_t>(id)].phrases;
            const auto second = [&](std::uint32_t p) { return rules.phrases[p].words[1]; };
            auto p_it = std::partition_point(phrases.begin(), phrases.end(), [&](std::uint32_t p) {
                return second(p) < static_cast<std::uint32_t>(next);
            });
            for (; p_it != phrases.end() && second(*p_it) == static_cast<std::uint32_t>(next);
                 ++p_it) {
                const std::uint32_t p = *p_it;
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

std::string_view match_display(const TitleRules& rules, const TextScan& scan, const Match& match) {
    if (match.phrase >= 0) return rules.phrases[static_cast<std::size_t>(match.phrase)].display;
    const std::int32_t id = scan.terms[match.first_term].word_id;
    return id < 0 ? std::string_view() : rules.words[static_cast<std::size_t>(id)].display;
}

} // namespace reftier::title
