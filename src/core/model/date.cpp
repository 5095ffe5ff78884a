// ISO 8601 dates both ways, and business-day arithmetic.
#include "core/model/date.h"

#include <cstdio>

namespace reftier {

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count) -> int {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt; // 2026-02-30, month 13, day 0
    return date;
}

std::string format_iso_date(Date date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

Date add_business_days(Date start, int days) {
    using std::chrono::Saturday;
    using std::chrono::Sunday;
    std::chrono::sys_days day{start};
    auto is_weekend = [](std::chrono::sys_days d) {
        const std::chrono::weekday wd{d};
        return wd == Saturday || wd == Sunday;
    };
    while (is_weekend(day)) day += std::chrono::days{1};
    for (int left = days; left > 0;) {
        day += std::chrono::days{1};
        if (!is_weekend(day)) --left;
    }
    return Date{day};
}

} // namespace reftier
