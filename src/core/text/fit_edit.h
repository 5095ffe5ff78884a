// An edit of a text field kept within a limit: what the user typed or pasted is cut, on a
// character boundary, so the whole text fits, instead of the field taking text that could not
// be stored (issue 17) or refusing the paste without a word.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reftier {

struct FittedEdit {
    std::string text;   // what the field keeps
    std::size_t cursor; // byte offset just after what was kept of the insertion
    bool cut;           // part of the insertion was left out
};

// `after` is what an edit (typing, a paste over a selection) made of `before`. The inserted
// part is what lies between the longest common prefix and suffix of the two. When `after` is
// longer than `max_bytes` and longer than `before`, only as much of the insertion is kept as
// fits (none when `before` was already over the limit); an edit that does not add bytes is kept
// as it is, so text over the limit can always be shortened.
FittedEdit fit_edit(std::string_view before, std::string_view after, std::size_t max_bytes);

} // namespace reftier
