// Calendar dates as std::chrono::year_month_day: ISO 8601 text both ways, and business days
// (Saturdays and Sundays skipped; public holidays are not modelled, Partner Central does not
// publish which ones it skips).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/model.h"

namespace reftier {

// "YYYY-MM-DD" exactly; nullopt for anything else, including impossible dates (2026-02-30).
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(Date date);

// The date `days` business days after `start` (days >= 0). A start on a weekend counts from
// the next Monday, as a review queue would.
Date add_business_days(Date start, int days);

} // namespace reftier
