// The font atlas, built from the characters in use: the base font (RefTier Sans, embedded)
// holds Latin, Greek, Cyrillic, punctuation, currency, letterlike symbols and arrows; CJK and
// the other blocks come from fallback slices fetched when the document or the text being typed
// first needs them. ImGui 1.90.1 cannot add glyphs to a built atlas, so the atlas is rebuilt
// (before a frame) with exactly the blocks and characters seen so far.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/model.h"

namespace reftier::app {

// Reads the slice list (/assets/fonts/slices.json) once.
void init_font_atlas();
// Notes the characters of `text`; one without a glyph yet makes the atlas stale (once its
// slice has arrived: fetching it starts here).
void need_glyphs(std::string_view text);
// Looks through the document's texts, spread over calls like the table's filter: a change
// (a new `revision`) starts over; each call works for about `budget_ms`. True once all is seen.
bool scan_document_glyphs(const Document& document, std::uint64_t revision, double budget_ms);
bool font_atlas_stale();
// Clears and fills io.Fonts for `pixel_size` (the caller uploads the texture).
void build_font_atlas(float pixel_size);
// The characters of `text` the atlas has no glyph for, for tests (window.reftier).
std::string glyphs_missing(std::string_view text);

} // namespace reftier::app
