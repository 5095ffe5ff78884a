#include <gtest/gtest.h>

#include <string>

#include "core/text/case_fold.h"

using namespace reftier;

TEST(CaseFold, LowercasesAscii) {
    EXPECT_EQ(fold_text("Hello, World 42!"), "hello, world 42!");
}

TEST(CaseFold, FoldsAsciiTheWayUtf8procDoes) {
    // The ASCII fast path must agree with the full folding: fold each ASCII character next to a
    // non-ASCII one, which takes the utf8proc path for the whole text.
    for (char c = 0x20; c < 0x7F; ++c) {
        const std::string fast = fold_text(std::string(1, c));
        const std::string full = fold_text(std::string(1, c) + "é");
        EXPECT_EQ(full, fast + "e") << "character " << static_cast<int>(c);
    }
}

TEST(CaseFold, StripsAccentsAndFoldsCaseBeyondAscii) {
    EXPECT_EQ(fold_text("MÜLLER"), "muller");
    EXPECT_EQ(fold_text("Condé Nast"), "conde nast");
    EXPECT_EQ(fold_text("Ærø Ñandú"), "ærø nandu"); // letters that are not a base + accent stay
    EXPECT_EQ(fold_text("Straße"), "strasse");
    EXPECT_EQ(fold_text("ΑΘΗΝΑ"), "αθηνα");
    EXPECT_EQ(fold_text("ПРИВЕТ"), "привет");
}

TEST(CaseFold, DecomposedAndComposedAccentsFoldAlike) {
    EXPECT_EQ(fold_text("e\xCC\x81mile"), fold_text("émile")); // e + U+0301 and U+00E9
}

TEST(CaseFold, CompatibilityFormsFoldToTheirPlainLetters) {
    EXPECT_EQ(fold_text("ＡＷＳ"), "aws");                // full-width letters
    EXPECT_EQ(fold_text("\xEF\xAC\x81nance"), "finance"); // the "fi" ligature U+FB01
}

TEST(CaseFold, DropsIgnorablesAndLumpsDashesAndQuotes) {
    EXPECT_EQ(fold_text("e\xC2\xAD"
                        "commerce"),
              "ecommerce"); // soft hyphen
    EXPECT_EQ(fold_text("e\xE2\x80\x91"
                        "commerce"),
              "e-commerce"); // non-breaking hyphen
    EXPECT_EQ(fold_text("Partner\xE2\x80\x99s"), "partner's");
}

TEST(CaseFold, InvalidUtf8FoldsAsReplacementCharacters) {
    EXPECT_EQ(fold_text("a\xFF"
                        "b"),
              "a\xEF\xBF\xBD"
              "b");
}

TEST(CaseFold, ContainsFindsAsciiAndFoldedText) {
    EXPECT_TRUE(contains_folded("Serverless on AWS", fold_text("AWS")));
    EXPECT_TRUE(contains_folded("MÜLLER AG", fold_text("müller")));
    EXPECT_TRUE(contains_folded("Acme MÜLLER", fold_text("muller")));
    EXPECT_TRUE(contains_folded("Straße 5", fold_text("STRASSE")));
    EXPECT_TRUE(contains_folded("anything", ""));
    EXPECT_FALSE(contains_folded("Miller", fold_text("müller")));
    EXPECT_FALSE(contains_folded("Müll", fold_text("müller")));
    EXPECT_FALSE(contains_folded("", fold_text("a")));
}

TEST(CaseFold, ContainsFindsAMatchThatEndsInNonAsciiText) {
    EXPECT_TRUE(contains_folded("Cafe", fold_text("café")));
    EXPECT_TRUE(contains_folded("Le Café", fold_text("cafe")));
    EXPECT_TRUE(contains_folded("ab Ö", fold_text("b o")));
}

TEST(CaseFold, CollatesIgnoringCaseAndAccents) {
    EXPECT_LT(collate("Emil", "Émile"), 0);
    EXPECT_LT(collate("Émile", "Emilia"), 0);
    EXPECT_LT(collate("Émile", "Zenith"), 0);
    EXPECT_EQ(collate("émile", "EMILE"), 0);
    EXPECT_LT(collate("Ärzte", "Bank"), 0);
    EXPECT_GT(collate("Zoe", "Ärzte"), 0);
}
