// A list of names as one line of text (name_list.h).
#include "core/text/name_list.h"

namespace reftier {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool needs_quotes(std::string_view name, char separator) {
    return name.empty() || is_blank(name.front()) || is_blank(name.back()) ||
           name.find(separator) != std::string_view::npos ||
           name.find('"') != std::string_view::npos;
}

std::size_t skip_blanks(std::string_view line, std::size_t at) {
    while (at < line.size() && is_blank(line[at])) ++at;
    return at;
}

// The quoted name that starts at line[at] (a quote), and where the text after it starts; false
// when the quote does not open a quoted name.
bool read_quoted(std::string_view line, std::size_t at, char separator, std::string& name,
                 std::size_t& next) {
    name.clear();
    std::size_t k = at + 1;
    for (;;) {
        if (k == line.size()) return false; // never closed
        if (line[k] == '"') {
            if (k + 1 < line.size() && line[k + 1] == '"') {
                name += '"';
                k += 2;
                continue;
            }
            break;
        }
        name += line[k++];
    }
    next = skip_blanks(line, k + 1);
    return next == line.size() || line[next] == separator;
}

} // namespace

std::string join_names(const std::vector<std::string>& names, char separator) {
    std::string line;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        if (i > 0) {
            line += separator;
            line += ' ';
        }
        if (!needs_quotes(name, separator)) {
            line += name;
            continue;
        }
        line += '"';
        for (char c : name) {
            if (c == '"') line += '"';
            line += c;
        }
        line += '"';
    }
    return line;
}

std::vector<std::string> split_names(std::string_view line, char separator) {
    std::vector<std::string> names;
    std::size_t at = 0;
    while (at <= line.size()) {
        at = skip_blanks(line, at);
        std::string quoted;
        std::size_t next = 0;
        if (at < line.size() && line[at] == '"' && read_quoted(line, at, separator, quoted, next)) {
            names.push_back(std::move(quoted));
            at = next + 1;
            continue;
        }
        std::size_t end = line.find(separator, at);
        if (end == std::string_view::npos) end = line.size();
        std::size_t last = end;
        while (last > at && is_blank(line[last - 1])) --last;
        if (last > at) names.emplace_back(line.substr(at, last - at));
        at = end + 1;
    }
    return names;
}

} // namespace reftier
