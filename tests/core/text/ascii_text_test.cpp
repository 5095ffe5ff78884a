#include <gtest/gtest.h>

#include "core/text/ascii_text.h"

namespace reftier {
namespace {

TEST(AsciiLower, ChangesOnlyAsciiCapitals) {
    EXPECT_EQ(ascii_lower("AWS Lambda \xC3\x89t\xC3\xA9 42"), "aws lambda \xC3\x89t\xC3\xA9 42");
}

TEST(AsciiUpper, ChangesOnlyAsciiSmallLetters) {
    EXPECT_EQ(ascii_upper('q'), 'Q');
    EXPECT_EQ(ascii_upper('Q'), 'Q');
    EXPECT_EQ(ascii_upper('1'), '1');
    EXPECT_EQ(ascii_upper('\xE9'), '\xE9');
}

TEST(AsciiClasses, BytesAboveAsciiAreNeitherLettersNorDigits) {
    EXPECT_TRUE(is_ascii_alpha('z'));
    EXPECT_TRUE(is_ascii_digit('0'));
    EXPECT_FALSE(is_ascii_alpha('\xC3'));
    EXPECT_FALSE(is_ascii_digit('\xD9'));
}

TEST(Trim, RemovesSpacesTabsLineBreaksAndControlsAtBothEnds) {
    EXPECT_EQ(trim(" \t\r\n Acme Retail \x7f\x01"), "Acme Retail");
}

TEST(Trim, KeepsInnerSpaceAndNonAsciiSpace) {
    // U+00A0 (no-break space) is text to the reader, not padding: it stays.
    EXPECT_EQ(trim("  Acme  Retail\xC2\xA0"), "Acme  Retail\xC2\xA0");
}

TEST(Trim, OfOnlySpaceIsEmpty) {
    EXPECT_EQ(trim(" \t "), "");
    EXPECT_TRUE(is_blank("\r\n\t"));
    EXPECT_FALSE(is_blank(" x "));
}

} // namespace
} // namespace reftier
