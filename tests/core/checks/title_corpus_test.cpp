// The title checker against tests/data/titles/corpus.json: verbatim titles AWS and its partners
// published, the negative cases, and the seed's two examples (README.md there says where each
// came from). Prints the agreement figures and holds the checker to issue 12's targets.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/checks/title_check.h"
#include "core/test_assets.h"

using namespace reftier;

namespace {

struct CorpusTitle {
    std::string title;
    std::string kind;  // published | negative | seed
    std::string group; // for negatives: placeholder, generic, all-caps, ...
    Grade label = Grade::Weak;
};

Grade grade_named(const std::string& name) {
    if (name == "strong") return Grade::Strong;
    if (name == "fair") return Grade::Fair;
    return Grade::Weak;
}

std::vector<CorpusTitle> read_corpus() {
    const nlohmann::json data = nlohmann::json::parse(test::read_data("titles/corpus.json"));
    std::vector<CorpusTitle> titles;
    for (const nlohmann::json& entry : data.at("titles"))
        titles.push_back({entry.at("title").get<std::string>(), entry.at("kind").get<std::string>(),
                          entry.value("group", std::string()),
                          grade_named(entry.at("label").get<std::string>())});
    return titles;
}

const TitleRules& shipped_rules() {
    static const TitleRulesLoad load = load_title_rules_text(test::read_asset("title_rules.json"),
                                                             test::read_asset("aws_services.json"));
    return *load.rules;
}

struct Tally {
    int total = 0;
    int weak = 0;
    int fair = 0;
    int strong = 0;
    int same_as_label = 0;
    void add(Grade grade, Grade label) {
        ++total;
        weak += grade == Grade::Weak;
        fair += grade == Grade::Fair;
        strong += grade == Grade::Strong;
        same_as_label += grade == label;
    }
    double share(int count) const { return total == 0 ? 0 : 100.0 * count / total; }
};

} // namespace

TEST(TitleCorpus, AgreesWithWhatAwsAndItsPartnersPublish) {
    const std::vector<CorpusTitle> corpus = read_corpus();
    Tally published, negatives, seeds;
    std::map<std::string, Tally> by_group;
    std::vector<std::string> weak_published, missed_negatives, weak_seeds;
    for (const CorpusTitle& entry : corpus) {
        TitleContext context; // title only, as `reftier check-title "TITLE"` sees it
        context.want_suggestion = false;
        const TitleReport report = check_title(entry.title, context, shipped_rules());
        if (entry.kind == "published") {
            published.add(report.grade, entry.label);
            if (report.grade == Grade::Weak)
                weak_published.push_back(std::to_string(report.score) + "  " + entry.title);
        } else if (entry.kind == "negative") {
            negatives.add(report.grade, entry.label);
            by_group[entry.group].add(report.grade, entry.label);
            if (report.grade != Grade::Weak)
                missed_negatives.push_back(std::to_string(report.score) + "  " + entry.title);
        } else {
            seeds.add(report.grade, entry.label);
            if (report.grade != Grade::Strong) weak_seeds.push_back(entry.title);
        }
    }
    std::printf("title corpus: %d published, %d negative, %d seed titles\n", published.total,
                negatives.total, seeds.total);
    std::printf("  published: %.1f%% not weak (target >= 95), %.1f%% strong (target >= 60); "
                "weak %d, fair %d, strong %d; same grade as the label %.1f%%\n",
                published.share(published.total - published.weak),
                published.share(published.strong), published.weak, published.fair, published.strong,
                published.share(published.same_as_label));
    std::printf("  negatives: %d of %d weak (target: all)\n", negatives.weak, negatives.total);
    for (const auto& [group, tally] : by_group)
        std::printf("    %-15s %d of %d weak\n", group.c_str(), tally.weak, tally.total);
    std::printf("  seed examples: %d of %d strong (target: both)\n", seeds.strong, seeds.total);
    for (const std::string& line : weak_published)
        std::printf("  weak published: %s\n", line.c_str());
    for (const std::string& line : missed_negatives)
        std::printf("  negative not weak: %s\n", line.c_str());

    ASSERT_GE(published.total, 150);
    EXPECT_GE(published.share(published.total - published.weak), 95.0);
    EXPECT_GE(published.share(published.strong), 60.0);
    EXPECT_EQ(negatives.weak, negatives.total);
    EXPECT_EQ(seeds.strong, seeds.total);
    EXPECT_TRUE(weak_seeds.empty());
}
