// Letter case of a title (case_style.h).
#include "core/checks/title/case_style.h"

#include <algorithm>

#include "core/checks/title/outcome_and_technology.h"

namespace reftier::title {

namespace {

// Words whose case says nothing about the style: the first of each part, small words, words
// without cased letters, acronyms ("AWS", "KYC"), brand spellings with an inner capital
// ("iPhone", "DynamoDB", "PointFive") and AWS names, which keep their capitals in either style.
bool is_style_neutral(const TitleRules& rules, const Term& term, bool aws_name) {
    if (term.starts_part || aws_name || term.cased_letters == 0) return true;
    if (term_flags(rules, term) & kSmallWord) return true;
    if (term.cased_letters >= 2 && term.upper_letters == term.cased_letters) return true;
    return term.upper_letters >= 2 || (term.upper_letters == 1 && term.first_letter_case < 0);
}

// A capitalised word shows title case only when it is a common word: the vocabulary knows it
// and spells it in lower case. Other capitalised words may be names ("Boomi", "Apache Spark"),
// which sentence case capitalises too.
bool is_common_word(const TitleRules& rules, const TextScan& scan, const Match& match) {
    if (scan.terms[match.first_term].word_id < 0) return false;
    const std::string_view display = match_display(rules, scan, match);
    return std::none_of(display.begin(), display.end(), is_ascii_upper);
}

bool is_all_caps(const TitleRules& rules, const TextScan& scan, std::vector<Span>& spans) {
    if (scan.has_lowercase) return false;
    // Short all-capital words are acronyms (AWS, EKS); only long ones shout.
    const std::size_t first_span = spans.size();
    for (const Term& term : scan.terms)
        if (term.upper_letters >= rules.all_caps_min_word_letters) spans.push_back(term_span(term));
    if (spans.size() - first_span >= rules.all_caps_min_words) return true;
    spans.resize(first_span);
    return false;
}

bool is_all_lower_case(const TextScan& scan) {
    if (scan.has_uppercase) return false;
    std::size_t cased_words = 0;
    for (const Term& term : scan.terms) cased_words += term.first_in_word && term.cased_letters > 0;
    return cased_words >= 2;
}

} // namespace

bool check_case(Analysis& analysis, const TextScan& scan, const std::vector<Match>& matches,
                const std::vector<bool>& aws_terms) {
    const TitleRules& rules = *analysis.rules;
    std::vector<Span>& spans = analysis.spans;
    const std::size_t first_span = spans.size();
    if (is_all_caps(rules, scan, spans)) {
        analysis.add_from(TitleCode::AllCaps, Severity::Warning,
                          "The title is in capitals; use title case or sentence case.", first_span);
        return false;
    }
    if (is_all_lower_case(scan)) {
        analysis.sentence_case = true;
        analysis.add(TitleCode::AllLowerCase, Severity::Warning,
                     "The title is all lower case; use title case or sentence case.");
        return false;
    }
    for (const Term& term : scan.terms)
        if (term.first_in_word && is_lower_case_brand(rules, scan, term))
            spans.push_back(term_span(term));
    if (spans.size() > first_span) {
        analysis.add_from(TitleCode::InconsistentCase, Severity::Warning,
                          "AWS and Amazon keep their capitals in a title, in either style.",
                          first_span);
        return false;
    }
    // Title case capitalises every main word; sentence case only the first and names. A title
    // that does both at once has the rarer way marked. Counted first, marked in a second pass:
    // this runs for every title, and most need no marks.
    const auto style_of = [&](const Match& match) {
        const Term& term = scan.terms[match.first_term];
        if (!term.first_in_word || is_style_neutral(rules, term, aws_terms[match.first_term]))
            return 0;
        if (term.first_letter_case < 0) return -1;
        return is_common_word(rules, scan, match) ? 1 : 0;
    };
    std::size_t capitalized = 0, lower_case = 0;
    for (const Match& match : matches) {
        const int style = style_of(match);
        capitalized += style > 0;
        lower_case += style < 0;
    }
    const MixedCaseRules& mixed = rules.mixed_case;
    const bool mostly_capitalized = capitalized >= lower_case;
    analysis.sentence_case = !mostly_capitalized;
    const std::size_t rarer = mostly_capitalized ? lower_case : capitalized;
    const std::size_t enough =
        mostly_capitalized ? mixed.min_lower_in_title_case : mixed.min_capitalized_in_sentence_case;
    const double both = static_cast<double>(capitalized + lower_case);
    if (rarer < enough || static_cast<double>(rarer) < mixed.min_minority_share * both) return true;
    const int rarer_style = mostly_capitalized ? -1 : 1;
    for (const Match& match : matches)
        if (style_of(match) == rarer_style)
            spans.push_back(term_span(scan.terms[match.first_term]));
    analysis.add_from(TitleCode::InconsistentCase, Severity::Warning,
                      "The title mixes title case and sentence case; keep to one of them.",
                      first_span);
    return false;
}

} // namespace reftier::title
