// Length as bands of word and character counts: points for a count, the finding when it is
// outside the best band, and the bands read from the rules with their messages made at load.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/checks/title/title_analysis.h"

namespace reftier::title {

// Scores one length (words or characters) against its bands and reports when outside the best.
// A count beyond the precomputed messages has its message written into `message`, a buffer kept
// from check to check.
double check_length(Analysis& analysis, const LengthBands& bands, std::size_t count,
                    TitleCode too_short, TitleCode too_long, std::string& message);

// Bands cover every count from 0 up, in order, without gaps; only the last may leave out max.
std::vector<Band> read_bands(const nlohmann::json& data, const char* key,
                             std::vector<std::string>& errors);
LengthBands length_bands(std::vector<Band> bands, std::string_view unit, std::string_view units);

} // namespace reftier::title
