// Length bands: scoring a count, its finding, and reading the bands (length.h).
#include "core/checks/title/length.h"

#include <algorithm>
#include <limits>

#include "core/checks/title/rules_json.h"

namespace reftier::title {

using nlohmann::json;

namespace {

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

} // namespace

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

} // namespace reftier::title
