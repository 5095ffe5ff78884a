// The title checker tests' shared look-ups (title_test_support.h).
#include "core/checks/title_test_support.h"

#include <utility>

#include "core/test_assets.h"

namespace reftier::test {

const TitleRulesLoad& shipped_title_rules() {
    static const TitleRulesLoad load =
        load_title_rules_text(read_asset("title_rules.json"), read_asset("aws_services.json"));
    return load;
}

nlohmann::json shipped_title_rules_json() {
    return nlohmann::json::parse(read_asset("title_rules.json"));
}

const Finding* find_code(const TitleReport& report, std::string_view code) {
    for (const Finding& finding : report.findings)
        if (finding.code == code) return &finding;
    return nullptr;
}

bool has_code(const TitleReport& report, std::string_view code) {
    return find_code(report, code) != nullptr;
}

std::vector<std::string> spans_of(std::string_view title, const TitleReport& report,
                                  std::string_view code) {
    const Finding* finding = find_code(report, code);
    if (finding == nullptr) return {"<no finding>"};
    std::vector<std::string> texts;
    for (const Span& span : finding->spans)
        texts.emplace_back(title.substr(span.begin, span.length));
    return texts;
}

std::set<std::string> words_of(std::string_view text) {
    std::set<std::string> words;
    std::string word;
    for (char c : text) {
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum)
            word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        else if (!word.empty())
            words.insert(std::exchange(word, {}));
    }
    if (!word.empty()) words.insert(word);
    return words;
}

void collect_json_words(const nlohmann::json& value, std::set<std::string>& out) {
    if (value.is_string()) {
        for (const std::string& word : words_of(value.get<std::string>())) out.insert(word);
    } else if (value.is_structured()) {
        for (const auto& item : value) collect_json_words(item, out);
    }
}

} // namespace reftier::test
