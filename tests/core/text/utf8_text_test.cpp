#include <gtest/gtest.h>

#include "core/text/utf8_text.h"

namespace reftier {
namespace {

TEST(Utf8Decode, AsciiIsOneByte) {
    const CodePoint cp = decode_utf8("A", 0);
    EXPECT_EQ(cp.value, U'A');
    EXPECT_EQ(cp.length, 1u);
}

TEST(Utf8Decode, TwoThreeAndFourByteSequences) {
    const std::string text = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"; // é € 😀
    EXPECT_EQ(decode_utf8(text, 0).value, U'\u00E9');
    EXPECT_EQ(decode_utf8(text, 2).value, U'\u20AC');
    EXPECT_EQ(decode_utf8(text, 5).value, U'\U0001F600');
    EXPECT_EQ(decode_utf8(text, 5).length, 4u);
}

TEST(Utf8Decode, OverlongFormIsOneReplacementByte) {
    const CodePoint cp = decode_utf8("\xC0\xAF", 0); // overlong '/'
    EXPECT_EQ(cp.value, kReplacementCharacter);
    EXPECT_EQ(cp.length, 1u);
}

TEST(Utf8Decode, SurrogateIsOneReplacementByte) {
    EXPECT_EQ(decode_utf8("\xED\xA0\x80", 0).value, kReplacementCharacter);
}

TEST(Utf8Decode, AboveU10FFFFIsOneReplacementByte) {
    EXPECT_EQ(decode_utf8("\xF4\x90\x80\x80", 0).value, kReplacementCharacter);
}

TEST(Utf8Decode, TruncatedSequenceIsOneReplacementByte) {
    const CodePoint cp = decode_utf8("\xE2\x82", 0);
    EXPECT_EQ(cp.value, kReplacementCharacter);
    EXPECT_EQ(cp.length, 1u);
}

TEST(Utf8Append, EncodesWhatDecodeReads) {
    for (const char32_t code : {U'\u0041', U'\u00E9', U'\u20AC', U'\U0001F600', U'\U0010FFFF'}) {
        std::string out;
        append_utf8(out, code);
        EXPECT_TRUE(is_valid_utf8(out));
        EXPECT_EQ(decode_utf8(out, 0).value, code);
        EXPECT_EQ(decode_utf8(out, 0).length, out.size());
    }
}

TEST(Utf8Valid, RefusesLoneContinuationByte) {
    EXPECT_FALSE(is_valid_utf8("a\x80"));
}

} // namespace
} // namespace reftier
