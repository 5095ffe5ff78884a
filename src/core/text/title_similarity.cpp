#include "core/text/title_similarity.h"

#include <algorithm>
#include <vector>

namespace reftier {

std::string normalize_title(std::string_view title) {
    std::string out;
    out.reserve(title.size());
    bool pending_space = false;
    for (unsigned char c : title) {
        const bool ascii_alnum =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (ascii_alnum || c >= 0x80) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        } else {
            pending_space = true;
        }
    }
    return out;
}

double title_similarity(std::string_view a, std::string_view b) {
    const std::string x = normalize_title(a), y = normalize_title(b);
    if (x.empty() && y.empty()) return 1.0;
    if (x == y) return 1.0;
    // Levenshtein with one row; titles are short (< 200 bytes), so this is cheap.
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] != y[j - 1])});
            diagonal = above;
        }
    }
    const double longer = static_cast<double>(std::max(x.size(), y.size()));
    return 1.0 - static_cast<double>(row[y.size()]) / longer;
}

} // namespace reftier
