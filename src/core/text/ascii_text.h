// The one place for byte-level ASCII text: case, digits, and the one trim. Locale-free on
// purpose (std::tolower and std::isspace depend on the C locale and take negative chars badly);
// Unicode case folding is text/case_fold.
#pragma once

#include <string>
#include <string_view>

namespace reftier {

inline constexpr bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
inline constexpr bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline constexpr bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
inline constexpr char ascii_lower(char c) {
    return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
inline constexpr char ascii_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

// What trim removes: the WHATWG URL parser's "C0 control or space" plus DEL, so a URL, a CSV
// cell and a typed name all lose the same bytes (a pasted tab or CR included).
inline constexpr bool is_ascii_space_or_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f;
}
inline std::string_view trim(std::string_view text) {
    while (!text.empty() && is_ascii_space_or_control(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_space_or_control(text.back())) text.remove_suffix(1);
    return text;
}
inline bool is_blank(std::string_view text) {
    return trim(text).empty();
}

} // namespace reftier
