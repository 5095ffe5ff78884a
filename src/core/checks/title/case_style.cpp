// Letter case of a title (case_style.h).
#include "core/checks/title/case_style.h"

namespace reftier::title {

bool check_case(Analysis& analysis, const TextScan& scan) {
    const TitleRules& rules = *analysis.rules;
    std::vector<Span>& spans = analysis.spans;
    const std::size_t first_span = spans.size();
    if (!scan.has_lowercase) {
        // Short all-capital words are acronyms (AWS, EKS); only long ones shout.
        for (const Term& term : scan.terms)
            if (term.upper_letters >= rules.all_caps_min_word_letters)
                spans.push_back(term_span(term));
        if (spans.size() - first_span < rules.all_caps_min_words) {
            spans.resize(first_span);
            return true;
        }
        analysis.add_from(TitleCode::AllCaps, Severity::Warning,
                          "The title is in capitals; use title case.", first_span);
        return false;
    }
    std::size_t capitalized = 0;
    for (const Term& term : scan.terms) {
        if (!term.first_in_word || (term_flags(rules, term) & kSmallWord)) continue;
        // The first word is capitalized in sentence case too, so it does not show title case.
        if (term.first_letter_case > 0 && term.word > 0) ++capitalized;
        // A capital further in ("iPhone", "eBay") is a brand's own spelling.
        if (term.first_letter_case < 0 && term.upper_letters == 0) spans.push_back(term_span(term));
    }
    if (spans.size() == first_span) return true;
    if (capitalized > 0)
        analysis.add_from(TitleCode::InconsistentCase, Severity::Warning,
                          "Some main words are capitalized and some are not; use title case.",
                          first_span);
    else
        analysis.add_from(TitleCode::NotTitleCase, Severity::Warning,
                          "The main words are lower case; use title case.", first_span);
    return false;
}

} // namespace reftier::title
