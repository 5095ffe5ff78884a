// A list of names (AWS services) as one line of text, the way the editor, the CLI's --services
// and CSV cells write it: "Lambda, DynamoDB". The one place that splits such a line, so every
// path agrees and a name that holds the separator survives: such a name, one with a double
// quote, with blanks at either end, or an empty one is written in double quotes with its quotes
// doubled, as a CSV cell is ("\"Amazon EC2, Spot\", Lambda"). Plain text splits as before, so
// lines typed or saved without quotes read as they always did.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reftier {

// The names separated by `separator` and a space.
std::string join_names(const std::vector<std::string>& names, char separator);

// The names of a line, blanks around each one dropped, empty ones skipped (unless quoted).
// A quote opens a quoted name only at the start of a name, and only when its closing quote is
// followed by the separator or the end; otherwise it is an ordinary character.
// split_names(join_names(names, s), s) == names for every list.
std::vector<std::string> split_names(std::string_view line, char separator);

} // namespace reftier
