// The vocabulary as a spelling table (every word, and what the stemming rules turn into it, in
// one hash lookup) and matching a scanned text against its words and phrases.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/checks/title/text_scan.h"
#include "core/checks/title/title_rules.h"

namespace reftier::title {

// A run of terms that matched one vocabulary entry (or one unknown term, with no flags).
struct Match {
    std::size_t first_term = 0;
    std::size_t term_count = 1;
    std::uint16_t flags = 0;
    std::int32_t phrase = -1; // index into TitleRules::phrases, -1 for a single word
};

// The word id `text` is spelled with; a spelling already in the table keeps its word, so the
// first way to reach a spelling wins.
std::uint32_t add_spelling(SpellingTable& table, std::string_view text, std::uint32_t word_id);
// The vocabulary word `lower` spells, -1 for none.
std::int32_t find_word(const TitleRules& rules, std::string_view lower);
std::uint16_t term_flags(const TitleRules& rules, const Term& term);
// Longest phrase first at each term, so "generative AI" wins over "AI".
void match_vocabulary(const TitleRules& rules, TextScan& scan, std::vector<Match>& matches);
Span match_span(const TextScan& scan, const Match& match);
// The spelling the rules give the match when it has capitals ("DevOps"), otherwise empty.
std::string_view match_display(const TitleRules& rules, const TextScan& scan, const Match& match);
Span term_span(const Term& term);
void append_match_spans(std::vector<Span>& spans, const TextScan& scan,
                        const std::vector<Match>& matches, std::uint16_t flags);
// Whether `needle`'s terms appear, in order and adjacent, among `haystack`'s.
bool contains_terms(const TextScan& haystack, const TextScan& needle);
bool contains_term(const TextScan& scan, std::string_view lower);

// Loading: an entry of a vocabulary list, split into terms exactly as a title is, so both match
// alike; false when it has no words. Then the stemming rules, run backwards once.
bool add_vocabulary_entry(TitleRules& rules, std::string_view entry, std::uint16_t flag,
                          TextScan& scan);
void add_inflections(TitleRules& rules);

} // namespace reftier::title
