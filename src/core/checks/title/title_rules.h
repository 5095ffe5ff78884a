// What the title checker knows once assets/title_rules.json and assets/aws_services.json are
// loaded: finding codes, what a vocabulary word is, figures, length bands, case thresholds,
// weights, suggestion templates, and TitleRules holding them.
// Internal to src/core/checks/title/; callers see only the opaque TitleRules of title_check.h.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/checks/title_check.h"

namespace reftier::title {

// Finding codes, stable for scripts. The order is also the index into TitleRules::penalties.
enum class TitleCode {
    Empty,
    Url,
    Placeholder,
    Generic,
    Duplicate,
    TooShortWords,
    TooLongWords,
    TooShortCharacters,
    TooLongCharacters,
    NoTechnology,
    NoOutcome,
    NoContext,
    AllCaps,
    AllLowerCase,
    InconsistentCase,
    TrailingPeriod,
    RepeatedPunctuation,
    Emoji,
    Filler,
    NearDuplicate,
    Count
};

constexpr std::size_t kCodeCount = static_cast<std::size_t>(TitleCode::Count);

constexpr std::array<std::string_view, kCodeCount> kCodeNames{{
    "title-empty",
    "title-url",
    "title-placeholder",
    "title-generic",
    "title-duplicate",
    "title-too-short-words",
    "title-too-long-words",
    "title-too-short-characters",
    "title-too-long-characters",
    "title-no-technology",
    "title-no-outcome",
    "title-no-context",
    "title-all-caps",
    "title-all-lower-case",
    "title-inconsistent-case",
    "title-trailing-period",
    "title-repeated-punctuation",
    "title-emoji",
    "title-filler",
    "title-near-duplicate",
}};

// What a vocabulary word or phrase is; one word may be several things.
enum TermFlag : std::uint16_t {
    kPlaceholder = 1 << 0,
    kPlaceholderAlone = 1 << 1, // a placeholder only when nothing else is in the title
    kGenericPhrase = 1 << 2,
    kGenericWord = 1 << 3,
    kTechnology = 1 << 4,
    kOutcome = 1 << 5,
    kContext = 1 << 6,
    kFiller = 1 << 7,
    kSmallWord = 1 << 8,
    kAwsService = 1 << 9,  // an AWS service name: assets/aws_services.json and aws_services
    kFigureWord = 1 << 10, // after a number it makes a figure: "2 million", "3 times"
    kTimeUnit = 1 << 11,   // "minutes", in an outcome such as "in minutes", "days to minutes"
    kTimeLead = 1 << 12,   // "in", "within": before a time unit it states an outcome
};

struct VocabularyList {
    const char* key;
    std::uint16_t flag;
};

constexpr std::array<VocabularyList, 14> kVocabularyLists{{
    {"placeholder_words", kPlaceholder},
    {"placeholder_words_when_alone", kPlaceholderAlone},
    {"generic_phrases", kGenericPhrase},
    {"generic_words", kGenericWord},
    {"technology_terms", kTechnology},
    {"aws_services", kTechnology | kAwsService},
    {"outcome_terms", kOutcome},
    {"industries", kContext},
    {"application_terms", kContext},
    {"filler_terms", kFiller},
    {"title_case_small_words", kSmallWord},
    {"figure_words", kFigureWord},
    {"time_units", kTimeUnit},
    {"time_lead_words", kTimeLead},
}};

// Around a number, what makes it a stated outcome: "$2M", "35%", "10x", "400M+", "14,000".
struct FigureRules {
    std::vector<std::string> currency_symbols; // before the number: "$", "€"
    std::vector<std::string> number_suffixes;  // lower case, right after the digits: "m", "x"
    std::vector<std::string> number_followers; // right after the number: "%", "+"
};

// When a title mixes title case and sentence case. Mostly capitalised: lower-case main words
// are slips once there are `min_lower_in_title_case`. Mostly lower case: capitalised common
// words may be a name ("Network Operations"), so it takes `min_capitalized_in_sentence_case`.
// Either way the rarer style is at least `min_minority_share` of the words that show a style.
struct MixedCaseRules {
    std::size_t min_lower_in_title_case = 0;
    std::size_t min_capitalized_in_sentence_case = 0;
    double min_minority_share = 0;
};

struct Band {
    long long min = 0;
    long long max = 0; // inclusive; the last band runs to the largest count
    double points = 0;
};

// One length's bands, with what its findings say worked out at load: formatting the message
// for each title cost as much as the rest of the length check.
struct LengthBands {
    std::vector<Band> bands;
    Band best;
    std::string_view unit;  // "word"
    std::string_view units; // "words"
    std::string best_text;  // "5 to 9"
    // The finding's message for the counts below kPrecomputedLengthMessages; empty where the
    // count is in the best band.
    std::vector<std::string> messages;
};

constexpr std::size_t kPrecomputedLengthMessages = 256;

struct StemRule {
    std::string suffix;
    std::string base; // what replaces the suffix: "driving" - "ing" + "e" = "drive"
};

struct VocabularyWord {
    std::uint16_t flags = 0;
    std::string display;                // spelling from the rules when it has capitals ("DevOps")
    std::vector<std::uint32_t> phrases; // starting with this word: by second word, longest first
};

struct Phrase {
    std::vector<std::uint32_t> words;
    std::uint16_t flags = 0;
    std::string display;
};

struct Weights {
    double word_count = 0;
    double character_count = 0;
    double technology = 0;
    double outcome = 0;
    double context = 0;
    double letter_case = 0;
};

struct WeightKey {
    const char* key;
    double Weights::*member;
};

constexpr std::array<WeightKey, 6> kWeightKeys{{
    {"word_count", &Weights::word_count},
    {"character_count", &Weights::character_count},
    {"technology", &Weights::technology},
    {"outcome", &Weights::outcome},
    {"context", &Weights::context},
    {"case", &Weights::letter_case},
}};

enum class TemplateField { Text, Workload, Outcome, Industry, Services };

struct TemplatePart {
    TemplateField field = TemplateField::Text;
    std::string text; // for TemplateField::Text
};

struct TemplateFieldName {
    std::string_view name;
    TemplateField field;
};

constexpr std::array<TemplateFieldName, 4> kTemplateFields{{
    {"workload", TemplateField::Workload},
    {"outcome", TemplateField::Outcome},
    {"industry", TemplateField::Industry},
    {"services", TemplateField::Services},
}};

// Lower-case; `starts` marks their first bytes, so most terms are ruled out with one look-up.
struct UrlPrefixes {
    std::vector<std::string> texts;
    std::array<bool, 256> starts{};
};

struct OutcomeRule {
    std::vector<std::string> when; // lower-case single words of the workload or services
    std::string phrase;
};

// Every spelling that matches a vocabulary word: the words themselves, then what each stemming
// rule turns into them ("drives", "optimizing"), so a term costs one lookup. Open addressing on
// a power-of-two table with the hash kept per entry: it runs for every term of every title.
struct SpellingTable {
    struct Entry {
        std::uint32_t hash = 0;
        std::uint32_t text_begin = 0; // into texts
        std::uint32_t text_length = 0;
        std::uint32_t word_id = 0;
    };
    std::string texts;
    std::vector<Entry> entries;
    std::vector<std::uint32_t> slots; // entry index + 1, 0 when empty
};

} // namespace reftier::title

namespace reftier {

struct TitleRules {
    // Vocabulary: every word of every list gets an id; phrases are id sequences, so "data lakes"
    // matches "data lake" through the stemmer of each word.
    title::SpellingTable spellings;
    std::vector<title::VocabularyWord> words;
    std::vector<title::Phrase> phrases;
    std::size_t min_stem_length = 3;
    std::vector<title::StemRule> stem_rules;
    title::UrlPrefixes url_prefixes;
    title::FigureRules figures;
    std::vector<std::string> brand_words; // lower case: "amazon", "aws"

    title::LengthBands word_count_bands;
    title::LengthBands character_count_bands;
    double length_tip_min_points = 0;
    std::size_t all_caps_min_words = 0;
    std::size_t all_caps_min_word_letters = 0;
    title::MixedCaseRules mixed_case;
    title::Weights weights;
    std::array<double, title::kCodeCount> penalties{};
    double error_score_cap = 0;
    double strong_score = 0;
    double fair_score = 0;

    std::vector<std::vector<title::TemplatePart>> templates;
    std::size_t max_services = 0;
    std::vector<title::OutcomeRule> outcomes;
    std::string default_outcome;
};

} // namespace reftier
