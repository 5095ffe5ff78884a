// Where the test binaries find the shipped assets and the test data files, natively and as
// wasm (where they are embedded at /assets and /data).
#pragma once

#include <string>
#include <string_view>

#include "core/model/model.h"

namespace reftier::test {

std::string asset_path(const std::string& name); // under assets/
std::string data_path(const std::string& name);  // under tests/data/
// The file's text; fails the current test when it is missing.
std::string read_asset(const std::string& name);
std::string read_data(const std::string& name);

// A date written YYYY-MM-DD in a test; fails the current test when it is not a real date.
Date iso(std::string_view text);

} // namespace reftier::test
