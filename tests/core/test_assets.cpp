#include "test_assets.h"

#include <gtest/gtest.h>

#include "core/format/text_file.h"
#include "core/model/date.h"

namespace reftier::test {

std::string asset_path(const std::string& name) {
    return std::string(REFTIER_TEST_ASSETS_DIR) + "/" + name;
}

std::string data_path(const std::string& name) {
    return std::string(REFTIER_TEST_DATA_DIR) + "/" + name;
}

static std::string read_or_fail(const std::string& path) {
    auto text = read_text_file(path);
    if (!text) ADD_FAILURE() << "missing file " << path;
    return text.value_or("");
}

std::string read_asset(const std::string& name) {
    return read_or_fail(asset_path(name));
}
std::string read_data(const std::string& name) {
    return read_or_fail(data_path(name));
}

Date iso(std::string_view text) {
    const auto date = parse_iso_date(text);
    EXPECT_TRUE(date.has_value()) << text;
    return date.value_or(Date{});
}

} // namespace reftier::test
