// AWS names and outcome figures in a scanned title (outcome_and_technology.h).
#include "core/checks/title/outcome_and_technology.h"

#include <algorithm>

namespace reftier::title {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_brand_word(const TitleRules& rules, std::string_view lower) {
    return std::find(rules.brand_words.begin(), rules.brand_words.end(), lower) !=
           rules.brand_words.end();
}

// A word that can follow "Amazon" or "AWS" in a service's name: written with a capital or a
// digit first ("S3", "Quick", "IoT"), and not a small word ("on", "for").
bool continues_aws_name(const TitleRules& rules, const TextScan& scan, const Term& term) {
    if (!term.first_in_word || term.starts_part) return false;
    if (term_flags(rules, term) & kSmallWord) return false;
    return term.first_letter_case > 0 || is_digit(scan.lower[term.begin]);
}

bool contains(const std::vector<std::string>& texts, std::string_view text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

// "15m" -> "m", "2.5x" -> "x": what follows the digits of a term that starts with one.
std::string_view number_suffix(std::string_view term) {
    std::size_t at = 0;
    while (at < term.size() && (is_digit(term[at]) || term[at] == '.')) ++at;
    return term.substr(at);
}

bool is_number_figure(const TitleRules& rules, const TextScan& scan, std::size_t t) {
    const Term& term = scan.terms[t];
    const std::string_view text = scan.term_text(term);
    if (!is_digit(text[0])) return false;
    const FigureRules& figures = rules.figures;
    const std::string_view before = std::string_view(scan.lower).substr(0, term.begin);
    for (const std::string& symbol : figures.currency_symbols)
        if (before.ends_with(symbol)) return true;
    const std::string_view suffix = number_suffix(text);
    if (!suffix.empty()) return contains(figures.number_suffixes, suffix);
    const std::string_view after = std::string_view(scan.lower).substr(term.end);
    for (const std::string& follower : figures.number_followers)
        if (after.starts_with(follower)) return true;
    // "14,000": a thousands group after a comma.
    if (after.size() >= 4 && after[0] == ',' && is_digit(after[1]) && is_digit(after[2]) &&
        is_digit(after[3]))
        return true;
    return t + 1 < scan.terms.size() && (term_flags(rules, scan.terms[t + 1]) & kFigureWord);
}

} // namespace

bool mark_aws_names(const TitleRules& rules, const TextScan& scan,
                    const std::vector<Match>& matches, std::vector<bool>& aws_terms) {
    aws_terms.assign(scan.terms.size(), false);
    bool found = false;
    for (const Match& match : matches) {
        if (!(match.flags & kAwsService)) continue;
        for (std::size_t t = match.first_term; t < match.first_term + match.term_count; ++t)
            aws_terms[t] = true;
        found = true;
    }
    for (std::size_t t = 0; t + 1 < scan.terms.size(); ++t) {
        const Term& term = scan.terms[t];
        if (term.first_letter_case <= 0 || !is_brand_word(rules, scan.term_text(term))) continue;
        std::size_t end = t + 1;
        while (end < scan.terms.size() && continues_aws_name(rules, scan, scan.terms[end])) ++end;
        if (end == t + 1) continue;
        for (std::size_t i = t; i < end; ++i) aws_terms[i] = true;
        found = true;
        t = end - 1;
    }
    return found;
}

bool is_lower_case_brand(const TitleRules& rules, const TextScan& scan, const Term& term) {
    return term.upper_letters == 0 && is_brand_word(rules, scan.term_text(term));
}

bool states_figure(const TitleRules& rules, const TextScan& scan) {
    for (std::size_t t = 0; t < scan.terms.size(); ++t) {
        if (is_number_figure(rules, scan, t)) return true;
        if (t > 0 && (term_flags(rules, scan.terms[t]) & kTimeUnit) &&
            (term_flags(rules, scan.terms[t - 1]) & kTimeLead))
            return true;
    }
    return false;
}

} // namespace reftier::title
