// Text as the table compares it: case folded and accent-insensitive, for the filter ("müller"
// finds "MÜLLER"), and a collation order for the sort ("Émile" sorts with E). Built on
// utf8proc (Debian's source package; see scripts/setup.sh), not on tables of our own.
#pragma once

#include <string>
#include <string_view>

namespace reftier {

// The folded form of `text`, appended to `out`: compatibility decomposition (NFKD), full case
// folding ("ß" -> "ss"), combining marks stripped ("é" -> "e"), default-ignorable characters
// (soft hyphen, zero-width joiner) dropped, and dashes, quotes and spaces lumped to their ASCII
// forms. ASCII is only lowercased, without a call into utf8proc. Invalid UTF-8 folds as U+FFFD.
void append_folded(std::string_view text, std::string& out);
std::string fold_text(std::string_view text);

// Whether `folded_needle` (from fold_text) occurs in the folded form of `haystack`. ASCII
// text is searched as it is; other text is folded into a buffer reused between calls, so a row
// of the table costs no allocation.
bool contains_folded(std::string_view haystack, std::string_view folded_needle);

// The sort order of the table's text columns: the folded forms in code point order, so case and
// accents are ignored ("Émile" sorts between "Emil" and "Emilia", "Ärzte" with A) and texts
// that fold alike compare equal (the table keeps such ties in document order). Returns <0, 0
// or >0.
int collate(std::string_view a, std::string_view b);

} // namespace reftier
