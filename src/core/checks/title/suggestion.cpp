// The suggested rewrite (suggestion.h).
#include "core/checks/title/suggestion.h"

namespace reftier::title {

namespace {

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

// A common word the rules spell in lower case: sentence case writes it so after the first word.
// Other words (a name from the record, "Salesforce") keep the spelling they came with.
bool is_lower_case_word(const TitleRules& rules, const TextScan& scan, const Match& match) {
    return scan.terms[match.first_term].word_id >= 0 && match_display(rules, scan, match).empty();
}

// Vocabulary spellings where the rules give one ("CI/CD", "DynamoDB"). Title case: each main
// word starts with a capital and small words after the first are lower case. Sentence case, to
// keep the style of a title written that way: the first word starts with a capital, common
// words after it are lower case.
void apply_case(const TitleRules& rules, std::string& text, bool sentence_case, Scratch& scratch) {
    TextScan& scan = scratch.title;
    std::vector<Match>& matches = scratch.matches;
    scan_text(text, rules.url_prefixes, scan);
    match_vocabulary(rules, scan, matches);
    const auto lower = [&](const Term& term) {
        for (std::size_t i = term.begin; i < term.end; ++i) text[i] = ascii_lower(text[i]);
    };
    for (const Match& match : matches) {
        const Span span = match_span(scan, match);
        const std::string_view display = match_display(rules, scan, match);
        if (equals_ignoring_ascii_case(display,
                                       std::string_view(text).substr(span.begin, span.length))) {
            text.replace(span.begin, span.length, display);
            continue;
        }
        for (std::size_t t = match.first_term; t < match.first_term + match.term_count; ++t) {
            const Term& term = scan.terms[t];
            if (t == 0) {
                text[term.begin] = ascii_upper(text[term.begin]);
            } else if (sentence_case) {
                if (is_lower_case_word(rules, scan, match)) lower(term);
            } else if (term_flags(rules, term) & kSmallWord) {
                lower(term);
            } else if (term.upper_letters == 0) {
                text[term.begin] = ascii_upper(text[term.begin]);
            }
        }
    }
}

// Appends `text` trimmed, with each run of spaces and control characters as one space: a
// record field may hold a tab or a terminal escape, a suggested title must not.
void append_collapsed(std::string& out, std::string_view text) {
    bool pending_space = false;
    bool started = false;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= ' ' || byte == 0x7F) {
            pending_space = started;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        started = true;
        out.push_back(c);
    }
}

std::string_view choose_outcome(const TitleRules& rules, const TitleContext& context,
                                Scratch& scratch) {
    std::string& record_text = scratch.record_text;
    record_text.assign(context.workload);
    for (std::string_view service : context.services) {
        record_text += ' ';
        record_text += service;
    }
    TextScan& record = scratch.record_text_scan;
    scan_text(record_text, rules.url_prefixes, record);
    for (const OutcomeRule& rule : rules.outcomes)
        for (const std::string& word : rule.when)
            if (contains_term(record, word)) return rule.phrase;
    return rules.default_outcome;
}

// The record's services the workload does not already name, joined with "and".
std::string services_to_mention(const TitleRules& rules, const TitleContext& context,
                                const TextScan& workload, std::span<const TextScan> services) {
    std::string joined;
    std::size_t count = 0;
    for (std::size_t i = 0; i < services.size(); ++i) {
        if (count == rules.max_services) break;
        if (services[i].terms.empty() || contains_terms(workload, services[i])) continue;
        if (count > 0) joined += " and ";
        append_collapsed(joined, context.services[i]);
        ++count;
    }
    return joined;
}

struct SuggestionFields {
    std::string_view workload;
    std::string_view outcome;
    std::string_view industry; // empty when the record has none or the workload names it
    std::string_view services; // empty when there are none left to mention
};

// False when the template needs a field the record does not have.
bool expand_template(const std::vector<TemplatePart>& parts, const SuggestionFields& fields,
                     std::string& out) {
    out.clear();
    for (const TemplatePart& part : parts) {
        std::string_view value;
        switch (part.field) {
        case TemplateField::Text:
            value = part.text;
            break;
        case TemplateField::Workload:
            value = fields.workload;
            break;
        case TemplateField::Outcome:
            value = fields.outcome;
            break;
        case TemplateField::Industry:
            value = fields.industry;
            break;
        case TemplateField::Services:
            value = fields.services;
            break;
        }
        if (value.empty()) return false;
        if (part.field == TemplateField::Text)
            out += value;
        else
            append_collapsed(out, value);
    }
    return true;
}

} // namespace

std::string build_suggestion(const TitleContext& context, const TitleRules& rules,
                             int score_to_beat, bool sentence_case, Scratch& scratch) {
    RecordScan& record = scratch.record;
    const TextScan& workload = workload_scan(record, context, rules);
    if (workload.terms.empty()) return {};
    const TextScan& industry = industry_scan(record, context, rules);
    const std::string services =
        services_to_mention(rules, context, workload, service_scans(record, context, rules));

    SuggestionFields fields;
    fields.workload = context.workload;
    fields.outcome = choose_outcome(rules, context, scratch);
    if (!industry.terms.empty() && !contains_terms(workload, industry))
        fields.industry = context.industry;
    fields.services = services;

    std::string best;
    int best_score = score_to_beat;
    std::string candidate;
    for (const std::vector<TemplatePart>& parts : rules.templates) {
        if (!expand_template(parts, fields, candidate)) continue;
        apply_case(rules, candidate, sentence_case, scratch);
        analyze_title(candidate, context, rules, scratch);
        const int score = scratch.analysis.score;
        // Between candidates that score alike, the one naming more of the record (its
        // services) says more about the workload.
        const bool better = best.empty() ? score > best_score
                                         : score > best_score || (score == best_score &&
                                                                  candidate.size() > best.size());
        if (!better) continue;
        best_score = score;
        best = candidate;
    }
    return best;
}

} // namespace reftier::title
