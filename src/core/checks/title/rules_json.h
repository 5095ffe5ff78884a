// Reading title_rules.json: typed values with their limits, and errors named by key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace reftier::title {

void add_error(std::vector<std::string>& errors, std::string_view key, std::string_view problem);
// Null when `object` is null, not an object, or has no member `key`.
const nlohmann::json* member(const nlohmann::json* object, const std::string& key);
std::optional<std::vector<std::string>> read_string_list(const nlohmann::json* value);
std::optional<double> read_number(const nlohmann::json* value, double min, double max);
std::optional<long long> read_whole_number(const nlohmann::json* value, long long min,
                                           long long max);

} // namespace reftier::title
