// Typed reads of title_rules.json values (rules_json.h).
#include "core/checks/title/rules_json.h"

#include <cstdint>

namespace reftier::title {

using nlohmann::json;

void add_error(std::vector<std::string>& errors, std::string_view key, std::string_view problem) {
    std::string text = "title_rules.json: ";
    text += key;
    text += " ";
    text += problem;
    errors.push_back(std::move(text));
}

const json* member(const json* object, const std::string& key) {
    if (object == nullptr || !object->is_object()) return nullptr;
    const auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
}

std::optional<std::vector<std::string>> read_string_list(const json* value) {
    if (value == nullptr || !value->is_array()) return std::nullopt;
    std::vector<std::string> list;
    for (const json& item : *value) {
        if (!item.is_string() || item.get_ref<const std::string&>().empty()) return std::nullopt;
        list.push_back(item.get<std::string>());
    }
    return list;
}

std::optional<double> read_number(const json* value, double min, double max) {
    if (value == nullptr || !value->is_number()) return std::nullopt;
    const double number = value->get<double>();
    if (!(number >= min && number <= max)) return std::nullopt;
    return number;
}

std::optional<long long> read_whole_number(const json* value, long long min, long long max) {
    if (value == nullptr) return std::nullopt;
    long long number = 0;
    if (value->is_number_unsigned()) {
        const auto unsigned_number = value->get<std::uint64_t>();
        if (unsigned_number > static_cast<std::uint64_t>(max)) return std::nullopt;
        number = static_cast<long long>(unsigned_number);
    } else if (value->is_number_integer()) {
        number = value->get<std::int64_t>();
    } else {
        return std::nullopt;
    }
    if (number < min || number > max) return std::nullopt;
    return number;
}

} // namespace reftier::title
