// An edit of a text field kept within a limit (fit_edit.h).
#include "core/text/fit_edit.h"

#include <algorithm>

namespace reftier {

namespace {

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

FittedEdit fit_edit(std::string_view before, std::string_view after, std::size_t max_bytes) {
    if (after.size() <= max_bytes || after.size() <= before.size())
        return {std::string(after), after.size(), false};
    // The insertion: after[prefix, after.size() - suffix), both ends on character boundaries.
    std::size_t prefix = 0;
    const std::size_t shorter = std::min(before.size(), after.size());
    while (prefix < shorter && before[prefix] == after[prefix]) ++prefix;
    while (prefix > 0 && prefix < after.size() && is_continuation(after[prefix])) --prefix;
    std::size_t suffix = 0;
    while (suffix < shorter - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    while (suffix > 0 && is_continuation(after[after.size() - suffix])) --suffix;

    const std::size_t kept_around = prefix + suffix;
    const std::size_t room = max_bytes > kept_around ? max_bytes - kept_around : 0;
    std::size_t keep = std::min(room, after.size() - kept_around);
    while (keep > 0 && is_continuation(after[prefix + keep])) --keep;

    std::string text(after.substr(0, prefix + keep));
    text += after.substr(after.size() - suffix);
    return {std::move(text), prefix + keep, true};
}

} // namespace reftier
