// Splits a record given as text into its fields, for the programs that feed the core records
// in bulk: the title benchmark (bench/title_bench.cpp) and the title fuzz target
// (tests/fuzz/title_fuzz.cpp). Every separator starts a new field, so "a,,b" has three and an
// empty text has one, empty.
#pragma once

#include <string_view>
#include <vector>

namespace reftier::test {

inline std::vector<std::string_view> split_fields(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

} // namespace reftier::test
