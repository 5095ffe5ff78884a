#include "core/text/case_fold.h"

#include <cstdint>
#include <cstring>

#include <utf8proc.h>

#include "core/text/utf8_text.h"

namespace reftier {

namespace {

constexpr utf8proc_option_t kFoldOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                   UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP);
// utf8proc's longest decomposition is 18 code points (U+FDFA).
constexpr utf8proc_ssize_t kMaxDecomposition = 32;

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

void append_folded_code_point(char32_t code, std::string& out) {
    utf8proc_int32_t parts[kMaxDecomposition];
    int boundclass = 0; // only read with UTF8PROC_CHARBOUND
    const utf8proc_ssize_t count = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(code), parts, kMaxDecomposition, kFoldOptions, &boundclass);
    if (count < 0 || count > kMaxDecomposition) { // unassigned: kept as it is
        append_utf8(out, code);
        return;
    }
    for (utf8proc_ssize_t i = 0; i < count; ++i) append_utf8(out, static_cast<char32_t>(parts[i]));
}

bool is_ascii(std::string_view text) {
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) { // eight bytes at a time: most text is ASCII
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (word & 0x8080808080808080ull) return false;
    }
    for (; i < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
    return true;
}

// ASCII text searched as it is, lowercased as it goes: most positions are rejected by the
// needle's first byte in either case.
bool contains_ascii(std::string_view haystack, std::string_view folded_needle) {
    if (haystack.size() < folded_needle.size()) return false;
    const char first = folded_needle[0];
    const char first_upper =
        (first >= 'a' && first <= 'z') ? static_cast<char>(first - 'a' + 'A') : first;
    const std::size_t last_start = haystack.size() - folded_needle.size();
    for (std::size_t i = 0; i <= last_start; ++i) {
        const char c = haystack[i];
        if (c != first && c != first_upper) continue;
        std::size_t k = 1;
        while (k < folded_needle.size() && ascii_lower(haystack[i + k]) == folded_needle[k]) ++k;
        if (k == folded_needle.size()) return true;
    }
    return false;
}

} // namespace

void append_folded(std::string_view text, std::string& out) {
    for (std::size_t at = 0; at < text.size();) {
        const char c = text[at];
        if (static_cast<unsigned char>(c) < 0x80) {
            out.push_back(ascii_lower(c));
            ++at;
            continue;
        }
        const CodePoint code = decode_utf8(text, at);
        append_folded_code_point(code.value, out);
        at += code.length;
    }
}

std::string fold_text(std::string_view text) {
    std::string folded;
    folded.reserve(text.size());
    append_folded(text, folded);
    return folded;
}

bool contains_folded(std::string_view haystack, std::string_view folded_needle) {
    if (folded_needle.empty()) return true;
    if (is_ascii(haystack)) return contains_ascii(haystack, folded_needle);
    thread_local std::string folded;
    folded.clear();
    append_folded(haystack, folded);
    return folded.find(folded_needle) != std::string::npos;
}

int collate(std::string_view a, std::string_view b) {
    thread_local std::string folded_a, folded_b;
    folded_a.clear();
    folded_b.clear();
    append_folded(a, folded_a);
    append_folded(b, folded_b);
    return folded_a.compare(folded_b); // UTF-8 bytes compare in code point order
}

} // namespace reftier
