#include <gtest/gtest.h>

#include "core/test_assets.h"

#include "core/model/date.h"

using namespace reftier;
using reftier::test::iso;

namespace {

std::string after_business_days(std::string_view start, int days) {
    return format_iso_date(add_business_days(iso(start), days));
}

} // namespace

TEST(DateParse, ReadsAPlainIsoDate) {
    const auto date = parse_iso_date("2026-11-16");
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(static_cast<int>(date->year()), 2026);
    EXPECT_EQ(static_cast<unsigned>(date->month()), 11u);
    EXPECT_EQ(static_cast<unsigned>(date->day()), 16u);
}

TEST(DateParse, AcceptsLeapDayInALeapYear) {
    EXPECT_TRUE(parse_iso_date("2028-02-29"));
}

TEST(DateParse, RefusesLeapDayInACommonYear) {
    EXPECT_FALSE(parse_iso_date("2027-02-29"));
}

TEST(DateParse, RefusesImpossibleDays) {
    EXPECT_FALSE(parse_iso_date("2026-02-30"));
    EXPECT_FALSE(parse_iso_date("2026-04-31"));
    EXPECT_FALSE(parse_iso_date("2026-01-00"));
}

TEST(DateParse, RefusesMonthZeroAndThirteen) {
    EXPECT_FALSE(parse_iso_date("2026-00-10"));
    EXPECT_FALSE(parse_iso_date("2026-13-10"));
}

TEST(DateParse, RefusesTextThatIsNotExactlyYyyyMmDd) {
    EXPECT_FALSE(parse_iso_date(""));
    EXPECT_FALSE(parse_iso_date("2026-1-05"));
    EXPECT_FALSE(parse_iso_date("2026/11/16"));
    EXPECT_FALSE(parse_iso_date("2026-11-16 "));
    EXPECT_FALSE(parse_iso_date("2026-11-16T10:00:00Z"));
    EXPECT_FALSE(parse_iso_date("+026-11-16"));
    EXPECT_FALSE(parse_iso_date("2026-1a-16"));
}

TEST(DateFormat, PadsMonthAndDayWithZeros) {
    const Date date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{7}};
    EXPECT_EQ(format_iso_date(date), "2026-03-07");
}

TEST(DateFormat, RoundTripsThroughParse) {
    EXPECT_EQ(format_iso_date(iso("2028-02-29")), "2028-02-29");
}

TEST(DateBusinessDays, FridaySubmissionIsDecidedTheNextFriday) {
    EXPECT_EQ(after_business_days("2026-11-20", 5), "2026-11-27");
}

TEST(DateBusinessDays, MondaySubmissionIsDecidedTheNextMonday) {
    EXPECT_EQ(after_business_days("2026-11-16", 5), "2026-11-23");
}

TEST(DateBusinessDays, SaturdaySubmissionCountsFromMonday) {
    EXPECT_EQ(after_business_days("2026-11-21", 5), "2026-11-30");
}

TEST(DateBusinessDays, SundaySubmissionCountsFromMonday) {
    EXPECT_EQ(after_business_days("2026-11-22", 5), "2026-11-30");
}

TEST(DateBusinessDays, OneDayAfterFridayIsMonday) {
    EXPECT_EQ(after_business_days("2026-11-20", 1), "2026-11-23");
}

TEST(DateBusinessDays, ZeroDaysOnAWeekdayIsThatDay) {
    EXPECT_EQ(after_business_days("2026-11-18", 0), "2026-11-18");
}

TEST(DateBusinessDays, ZeroDaysOnAWeekendIsTheNextMonday) {
    EXPECT_EQ(after_business_days("2026-11-21", 0), "2026-11-23");
}

TEST(DateBusinessDays, CrossesTheEndOfAMonth) {
    EXPECT_EQ(after_business_days("2026-01-30", 5), "2026-02-06");
}

TEST(DateBusinessDays, CrossesTheEndOfAYear) {
    EXPECT_EQ(after_business_days("2026-12-31", 5), "2027-01-07");
}

TEST(DateBusinessDays, CountsLeapDayAsABusinessDay) {
    EXPECT_EQ(after_business_days("2028-02-25", 2), "2028-02-29");
    EXPECT_EQ(after_business_days("2028-02-29", 5), "2028-03-07");
}

TEST(DateBusinessDays, TenDaysSpanTwoWeekends) {
    EXPECT_EQ(after_business_days("2026-11-16", 10), "2026-11-30");
}
