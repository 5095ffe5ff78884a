// Loading assets/title_rules.json and assets/aws_services.json into TitleRules, every problem
// reported by file and key.
#include <algorithm>
#include <cmath>

#include "core/checks/title/length.h"
#include "core/checks/title/rules_json.h"
#include "core/checks/title/text_scan.h"
#include "core/checks/title/vocabulary.h"

namespace reftier {

using nlohmann::json;
using namespace title;

namespace {

// The service names of assets/aws_services.json: those generated from botocore, then those added
// by hand ({name, source}), all AWS services and so technology.
void read_aws_services(const json* data, TitleRules& rules, std::vector<std::string>& errors,
                       TextScan& scan) {
    if (data == nullptr) return;
    const auto problem = [&](std::string_view key, std::string_view text) {
        errors.push_back("aws_services.json: " + std::string(key) + " " + std::string(text));
    };
    if (!data->is_object()) return problem("the file", "must be a JSON object");
    std::vector<std::string> names;
    if (const auto services = read_string_list(member(data, "services")))
        names = *services;
    else
        problem("services", "must be a list of non-empty strings");
    const json* by_hand = member(data, "added_by_hand");
    if (by_hand == nullptr || !by_hand->is_array()) {
        problem("added_by_hand", "must be a list of {name, source}");
    } else {
        for (std::size_t i = 0; i < by_hand->size(); ++i) {
            const json* name = member(&(*by_hand)[i], "name");
            const json* source = member(&(*by_hand)[i], "source");
            if (name && name->is_string() && !name->get_ref<const std::string&>().empty() &&
                source && source->is_string() && !source->get_ref<const std::string&>().empty())
                names.push_back(name->get<std::string>());
            else
                problem("added_by_hand[" + std::to_string(i) + "]",
                        "must have a non-empty string name and source");
        }
    }
    for (const std::string& name : names)
        if (!add_vocabulary_entry(rules, name, kTechnology | kAwsService, scan))
            problem("services", "has a name with no words: \"" + name + "\"");
}

void read_vocabulary(const json& data, const json* aws_services, TitleRules& rules,
                     std::vector<std::string>& errors) {
    TextScan scan;
    for (const VocabularyList& list : kVocabularyLists) {
        const auto entries = read_string_list(member(&data, list.key));
        if (!entries) {
            add_error(errors, list.key, "must be a list of non-empty strings");
            continue;
        }
        for (const std::string& entry : *entries)
            if (!add_vocabulary_entry(rules, entry, list.flag, scan))
                add_error(errors, list.key, "has an entry with no words: \"" + entry + "\"");
    }
    read_aws_services(aws_services, rules, errors, scan);
    // By second word, then longest first: a title's term then looks only at the phrases that
    // go on with its next term ("Amazon" starts some 150 service names).
    for (VocabularyWord& word : rules.words)
        std::stable_sort(word.phrases.begin(), word.phrases.end(),
                         [&](std::uint32_t a, std::uint32_t b) {
                             const std::vector<std::uint32_t>& x = rules.phrases[a].words;
                             const std::vector<std::uint32_t>& y = rules.phrases[b].words;
                             return x[1] != y[1] ? x[1] < y[1] : x.size() > y.size();
                         });
}

void read_stemming(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const json* stemming = member(&data, "stemming");
    if (stemming == nullptr || !stemming->is_object()) {
        add_error(errors, "stemming", "must be an object with min_stem_length and rules");
        return;
    }
    const auto min_stem_length = read_whole_number(member(stemming, "min_stem_length"), 1, 20);
    if (min_stem_length)
        rules.min_stem_length = static_cast<std::size_t>(*min_stem_length);
    else
        add_error(errors, "stemming.min_stem_length", "must be a whole number from 1 to 20");
    const json* stem_rules = member(stemming, "rules");
    if (stem_rules == nullptr || !stem_rules->is_array()) {
        add_error(errors, "stemming.rules", "must be a list of {suffix, base}");
        return;
    }
    for (std::size_t i = 0; i < stem_rules->size(); ++i) {
        const json& rule = (*stem_rules)[i];
        const json* suffix = member(&rule, "suffix");
        const json* base = member(&rule, "base");
        if (suffix == nullptr || !suffix->is_string() || suffix->get<std::string>().empty() ||
            base == nullptr || !base->is_string()) {
            add_error(errors, "stemming.rules[" + std::to_string(i) + "]",
                      "must have a non-empty string suffix and a string base");
            continue;
        }
        rules.stem_rules.push_back({suffix->get<std::string>(), base->get<std::string>()});
    }
}

void read_lengths_and_case(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    rules.word_count_bands =
        length_bands(read_bands(data, "word_count_bands", errors), "word", "words");
    rules.character_count_bands =
        length_bands(read_bands(data, "character_count_bands", errors),
                     "character, not counting spaces", "characters, not counting spaces");

    const auto tip_points = read_number(member(&data, "length_tip_min_points"), 0, 100);
    if (tip_points)
        rules.length_tip_min_points = *tip_points;
    else
        add_error(errors, "length_tip_min_points", "must be a number from 0 to 100");

    const json* all_caps = member(&data, "all_caps");
    const auto min_words = read_whole_number(member(all_caps, "min_words"), 1, 1000);
    const auto min_letters = read_whole_number(member(all_caps, "min_word_letters"), 1, 1000);
    if (min_words && min_letters) {
        rules.all_caps_min_words = static_cast<std::size_t>(*min_words);
        rules.all_caps_min_word_letters = static_cast<std::size_t>(*min_letters);
    } else {
        add_error(errors, "all_caps",
                  "must be an object with whole numbers min_words and min_word_letters, 1 or more");
    }

    const json* mixed = member(&data, "mixed_case");
    const auto min_lower = read_whole_number(member(mixed, "min_lower_in_title_case"), 1, 1000);
    const auto min_capitalized =
        read_whole_number(member(mixed, "min_capitalized_in_sentence_case"), 1, 1000);
    const auto min_share = read_number(member(mixed, "min_minority_share"), 0, 0.5);
    if (min_lower && min_capitalized && min_share)
        rules.mixed_case = {static_cast<std::size_t>(*min_lower),
                            static_cast<std::size_t>(*min_capitalized), *min_share};
    else
        add_error(errors, "mixed_case",
                  "must be an object with whole numbers min_lower_in_title_case and "
                  "min_capitalized_in_sentence_case, 1 or more, and min_minority_share from 0 "
                  "to 0.5");
}

void read_weights(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const json* weights = member(&data, "weights");
    if (weights == nullptr || !weights->is_object()) {
        add_error(errors, "weights", "must be an object of numbers");
        return;
    }
    double total = 0;
    bool all_read = true;
    for (const WeightKey& weight : kWeightKeys) {
        const auto number = read_number(member(weights, weight.key), 0, 100);
        if (!number) {
            add_error(errors, std::string("weights.") + weight.key,
                      "must be a number from 0 to 100");
            all_read = false;
            continue;
        }
        rules.weights.*weight.member = *number;
        total += *number;
    }
    if (all_read && std::abs(total - 100) > 1e-9)
        add_error(errors, "weights", "must add up to 100");
}

void read_penalties(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const json* penalties = member(&data, "penalties");
    if (penalties == nullptr || !penalties->is_object()) {
        add_error(errors, "penalties", "must be an object of finding code to number");
        return;
    }
    for (const auto& [code, value] : penalties->items()) {
        const auto known = std::find(kCodeNames.begin(), kCodeNames.end(), code);
        const auto number = read_number(&value, 0, 100);
        if (known == kCodeNames.end())
            add_error(errors, "penalties." + code, "is not a title finding code");
        else if (!number)
            add_error(errors, "penalties." + code, "must be a number from 0 to 100");
        else
            rules.penalties[static_cast<std::size_t>(known - kCodeNames.begin())] = *number;
    }
}

void read_grades(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const auto cap = read_number(member(&data, "error_score_cap"), 0, 100);
    if (cap)
        rules.error_score_cap = *cap;
    else
        add_error(errors, "error_score_cap", "must be a number from 0 to 100");

    const json* grades = member(&data, "grades");
    const auto strong = read_number(member(grades, "strong"), 0, 100);
    const auto fair = read_number(member(grades, "fair"), 0, 100);
    if (strong && fair && *fair <= *strong) {
        rules.strong_score = *strong;
        rules.fair_score = *fair;
    } else {
        add_error(errors, "grades",
                  "must be an object with numbers strong and fair, 0 to 100, fair not above "
                  "strong");
    }
}

// "{workload} to {outcome}" into parts; every template names the workload.
std::optional<std::vector<TemplatePart>> parse_template(std::string_view text) {
    std::vector<TemplatePart> parts;
    bool has_workload = false;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        if (open != at) {
            const std::size_t end = std::min(open, text.size());
            if (text.substr(at, end - at).find('}') != std::string_view::npos) return std::nullopt;
            parts.push_back({TemplateField::Text, std::string(text.substr(at, end - at))});
            at = end;
            continue;
        }
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const auto field = std::find_if(kTemplateFields.begin(), kTemplateFields.end(),
                                        [&](const TemplateFieldName& f) { return f.name == name; });
        if (field == kTemplateFields.end()) return std::nullopt;
        if (field->field == TemplateField::Workload) has_workload = true;
        parts.push_back({field->field, {}});
        at = close + 1;
    }
    if (!has_workload) return std::nullopt;
    return parts;
}

void read_suggestion(const json& data, TitleRules& rules, std::vector<std::string>& errors) {
    const json* suggestion = member(&data, "suggestion");
    if (suggestion == nullptr || !suggestion->is_object()) {
        add_error(errors, "suggestion",
                  "must be an object with templates, max_services, outcomes and default_outcome");
        return;
    }
    const auto templates = read_string_list(member(suggestion, "templates"));
    if (!templates || templates->empty()) {
        add_error(errors, "suggestion.templates", "must be a non-empty list of strings");
    } else {
        for (const std::string& text : *templates) {
            auto parts = parse_template(text);
            if (parts)
                rules.templates.push_back(std::move(*parts));
            else
                add_error(errors, "suggestion.templates",
                          "has \"" + text +
                              "\": use {workload} once or more, and only {outcome}, {industry} "
                              "and {services} besides");
        }
    }
    const auto max_services = read_whole_number(member(suggestion, "max_services"), 0, 20);
    if (max_services)
        rules.max_services = static_cast<std::size_t>(*max_services);
    else
        add_error(errors, "suggestion.max_services", "must be a whole number from 0 to 20");

    const json* default_outcome = member(suggestion, "default_outcome");
    if (default_outcome && default_outcome->is_string() &&
        !default_outcome->get<std::string>().empty())
        rules.default_outcome = default_outcome->get<std::string>();
    else
        add_error(errors, "suggestion.default_outcome", "must be a non-empty string");

    const json* outcomes = member(suggestion, "outcomes");
    if (outcomes == nullptr || !outcomes->is_array()) {
        add_error(errors, "suggestion.outcomes", "must be a list of {when, phrase}");
        return;
    }
    for (std::size_t i = 0; i < outcomes->size(); ++i) {
        const json& item = (*outcomes)[i];
        const std::string key = "suggestion.outcomes[" + std::to_string(i) + "]";
        const json* phrase = member(&item, "phrase");
        auto when = read_string_list(member(&item, "when"));
        const bool single_lower_words =
            when && std::all_of(when->begin(), when->end(), [](const std::string& word) {
                return std::all_of(word.begin(), word.end(),
                                   [](char c) { return c != ' ' && ascii_lower(c) == c; });
            });
        if (phrase == nullptr || !phrase->is_string() || phrase->get<std::string>().empty() ||
            !single_lower_words) {
            add_error(errors, key,
                      "must have a non-empty string phrase and when, a list of lower-case "
                      "single words");
            continue;
        }
        rules.outcomes.push_back({std::move(*when), phrase->get<std::string>()});
    }
}

// Lower-case strings, each the whole of one key's list.
std::vector<std::string> read_lower_list(const json* object, const char* key,
                                         std::vector<std::string>& errors, std::string_view path) {
    const auto list = read_string_list(member(object, key));
    if (!list) {
        add_error(errors, std::string(path) + key, "must be a list of non-empty strings");
        return {};
    }
    std::vector<std::string> lower = *list;
    for (std::string& text : lower)
        for (char& c : text) c = ascii_lower(c);
    return lower;
}

// What makes a number a stated outcome, and the words that start an AWS name.
void read_figures_and_brands(const json& data, TitleRules& rules,
                             std::vector<std::string>& errors) {
    const json* figures = member(&data, "figures");
    if (figures == nullptr || !figures->is_object()) {
        add_error(errors, "figures",
                  "must be an object with currency_symbols, number_suffixes and number_followers");
    } else {
        rules.figures.currency_symbols =
            read_lower_list(figures, "currency_symbols", errors, "figures.");
        rules.figures.number_suffixes =
            read_lower_list(figures, "number_suffixes", errors, "figures.");
        rules.figures.number_followers =
            read_lower_list(figures, "number_followers", errors, "figures.");
    }
    rules.brand_words = read_lower_list(&data, "brand_words", errors, "");
}

} // namespace

TitleRulesLoad load_title_rules(const nlohmann::json& data, const nlohmann::json* aws_services) {
    TitleRulesLoad load;
    if (!data.is_object()) {
        load.errors.push_back("title_rules.json: must be a JSON object");
        return load;
    }
    auto rules = TitleRulesPtr(new TitleRules());
    // URL prefixes first: splitting the vocabulary into terms uses them.
    const auto url_prefixes = read_string_list(member(&data, "url_prefixes"));
    if (url_prefixes) {
        for (const std::string& prefix : *url_prefixes) {
            std::string lower = prefix;
            for (char& c : lower) c = ascii_lower(c);
            rules->url_prefixes.starts[static_cast<unsigned char>(lower[0])] = true;
            rules->url_prefixes.texts.push_back(std::move(lower));
        }
    } else {
        add_error(load.errors, "url_prefixes", "must be a list of non-empty strings");
    }
    read_vocabulary(data, aws_services, *rules, load.errors);
    read_stemming(data, *rules, load.errors);
    add_inflections(*rules);
    read_lengths_and_case(data, *rules, load.errors);
    read_figures_and_brands(data, *rules, load.errors);
    read_weights(data, *rules, load.errors);
    read_penalties(data, *rules, load.errors);
    read_grades(data, *rules, load.errors);
    read_suggestion(data, *rules, load.errors);
    if (load.errors.empty()) load.rules = std::move(rules);
    return load;
}

TitleRulesLoad load_title_rules_text(std::string_view json_text,
                                     std::string_view aws_services_json) {
    TitleRulesLoad load;
    const json data = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (data.is_discarded()) load.errors.push_back("title_rules.json: is not valid JSON");
    json services;
    if (!aws_services_json.empty()) {
        services = json::parse(aws_services_json.begin(), aws_services_json.end(), nullptr, false);
        if (services.is_discarded()) load.errors.push_back("aws_services.json: is not valid JSON");
    }
    if (!load.errors.empty()) return load;
    return load_title_rules(data, aws_services_json.empty() ? nullptr : &services);
}

} // namespace reftier
