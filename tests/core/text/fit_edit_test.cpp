// Typing or pasting past a field's limit keeps what fits, cut on a character boundary.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "core/text/fit_edit.h"
#include "core/text/utf8_text.h"

using namespace reftier;

TEST(FitEdit, KeepsAnEditThatFits) {
    const FittedEdit e = fit_edit("abc", "abXc", 4);
    EXPECT_EQ(e.text, "abXc");
    EXPECT_FALSE(e.cut);
}

TEST(FitEdit, CutsAPasteAtTheEndToTheLimit) {
    const FittedEdit e = fit_edit("Name ", "Name " + std::string(4034, 'x'), 2048);
    EXPECT_EQ(e.text.size(), 2048u);
    EXPECT_EQ(e.text.substr(0, 5), "Name ");
    EXPECT_EQ(e.cursor, 2048u);
    EXPECT_TRUE(e.cut);
}

TEST(FitEdit, KeepsTheTextAfterACutPasteInTheMiddle) {
    const FittedEdit e = fit_edit("[]", "[123456789]", 6);
    EXPECT_EQ(e.text, "[1234]");
    EXPECT_EQ(e.cursor, 5u);
}

TEST(FitEdit, CutsAPasteOverASelection) {
    // "bbbb" selected in "abbbbc" and replaced by a long paste.
    const FittedEdit e = fit_edit("abbbbc", "a0123456789c", 8);
    EXPECT_EQ(e.text, "a012345c");
}

TEST(FitEdit, NeverSplitsACharacter) {
    const std::string snowmen = "\xE2\x98\x83\xE2\x98\x83\xE2\x98\x83"; // three 3-byte characters
    const FittedEdit e = fit_edit("ab", "ab" + snowmen, 7);
    EXPECT_EQ(e.text, "ab\xE2\x98\x83");
    EXPECT_TRUE(is_valid_utf8(e.text));
}

TEST(FitEdit, FindsTheInsertionWhenItSharesBytesWithTheTextAround) {
    // "\xC3\xA9" (e) inserted before "\xC3\xA8" (e grave): the common prefix must not end
    // inside a character.
    const FittedEdit e = fit_edit("\xC3\xA8", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA8", 4);
    EXPECT_EQ(e.text, "\xC3\xA9\xC3\xA8");
    EXPECT_TRUE(is_valid_utf8(e.text));
}

TEST(FitEdit, RefusesEveryByteMoreWhenTheTextWasAlreadyOverTheLimit) {
    EXPECT_EQ(fit_edit("abcdef", "abcXdef", 4).text, "abcdef");
}

TEST(FitEdit, LetsTextOverTheLimitBeShortened) {
    const FittedEdit e = fit_edit("abcdef", "abdef", 4);
    EXPECT_EQ(e.text, "abdef");
    EXPECT_FALSE(e.cut);
}

TEST(FitEdit, KeepsEveryRandomEditValidAndWithinTheLimit) {
    const char* pieces[] = {"a", "b", "\xC3\xA9", "\xE2\x98\x83", "\xF0\x9F\x98\x80"};
    std::uint64_t state = 17;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int round = 0; round < 2000; ++round) {
        std::string before, inserted;
        for (std::size_t n = next() % 8; n > 0; --n) before += pieces[next() % 5];
        for (std::size_t n = next() % 12; n > 0; --n) inserted += pieces[next() % 5];
        std::size_t at = next() % (before.size() + 1);
        while (at > 0 && at < before.size() && (before[at] & 0xC0) == 0x80) --at;
        const std::string after = before.substr(0, at) + inserted + before.substr(at);
        const std::size_t limit = next() % 24;
        const FittedEdit e = fit_edit(before, after, limit);
        ASSERT_TRUE(is_valid_utf8(e.text)) << round;
        ASSERT_TRUE(e.text.size() <= std::max(limit, before.size())) << round;
        ASSERT_LE(e.cursor, e.text.size());
    }
}
