// One way to split a list of names (issue 16's data bug): a service name that holds a comma
// survives the editor's round trip, and plain lines split as they always did.
#include <gtest/gtest.h>

#include <cstdint>

#include "core/text/name_list.h"

using namespace reftier;
using Names = std::vector<std::string>;

TEST(NameList, SplitsPlainTextOnTheSeparatorAndTrimsBlanks) {
    EXPECT_EQ(split_names("Lambda, DynamoDB ,\tS3", ','), (Names{"Lambda", "DynamoDB", "S3"}));
    EXPECT_EQ(split_names("Lambda; DynamoDB", ';'), (Names{"Lambda", "DynamoDB"}));
}

TEST(NameList, SkipsEmptyNamesBetweenSeparators) {
    EXPECT_EQ(split_names(",, Lambda,,  ,DynamoDB,", ','), (Names{"Lambda", "DynamoDB"}));
    EXPECT_EQ(split_names("", ','), Names{});
    EXPECT_EQ(split_names("   ", ','), Names{});
}

TEST(NameList, KeepsANameWithTheSeparatorInQuotes) {
    const Names names = {"Amazon EC2, Spot Instances", "Lambda"};
    EXPECT_EQ(join_names(names, ','), "\"Amazon EC2, Spot Instances\", Lambda");
    EXPECT_EQ(split_names(join_names(names, ','), ','), names);
}

TEST(NameList, DoublesQuotesInsideAQuotedName) {
    const Names names = {"The \"Big\" Service", "\"quoted\""};
    EXPECT_EQ(join_names(names, ','), "\"The \"\"Big\"\" Service\", \"\"\"quoted\"\"\"");
    EXPECT_EQ(split_names(join_names(names, ','), ','), names);
}

TEST(NameList, ReadsAQuoteInsidePlainTextAsAnOrdinaryCharacter) {
    EXPECT_EQ(split_names("AWS \"Foo\", \"Bar\" baz", ','), (Names{"AWS \"Foo\"", "\"Bar\" baz"}));
    EXPECT_EQ(split_names("\"never closed, Lambda", ','), (Names{"\"never closed", "Lambda"}));
}

TEST(NameList, KeepsBlanksAtTheEndsAndEmptyNamesWhenQuoted) {
    const Names names = {" padded ", "", "\ttab"};
    EXPECT_EQ(split_names(join_names(names, ';'), ';'), names);
}

TEST(NameList, JoinsWithTheSeparatorAndASpace) {
    EXPECT_EQ(join_names({"CodePipeline", "ECS"}, ','), "CodePipeline, ECS");
    EXPECT_EQ(join_names({"CodePipeline", "ECS"}, ';'), "CodePipeline; ECS");
    EXPECT_EQ(join_names({}, ','), "");
}

TEST(NameList, SplitOfJoinGivesBackEveryRandomList) {
    const std::string alphabet[] = {"a", "Z", " ", "\t", ",", ";", "\"", "\"\"", "\xC3\xA9", "x y"};
    std::uint64_t state = 16; // issue 16
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int round = 0; round < 3000; ++round) {
        Names names(next() % 5);
        for (std::string& name : names)
            for (std::size_t n = next() % 6; n > 0; --n)
                name += alphabet[next() % std::size(alphabet)];
        for (char separator : {',', ';'})
            ASSERT_EQ(split_names(join_names(names, separator), separator), names)
                << join_names(names, separator);
    }
}
