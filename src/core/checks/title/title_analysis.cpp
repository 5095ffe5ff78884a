// Analysing one title: placeholder and generic labels, siblings, length, technology, outcome,
// context, case and punctuation, added up to a score (title_analysis.h).
#include "core/checks/title/title_analysis.h"

#include <algorithm>
#include <cmath>

#include "core/checks/title/case_style.h"
#include "core/checks/title/length.h"
#include "core/checks/title/outcome_and_technology.h"
#include "core/text/title_similarity.h"

namespace reftier::title {

namespace {

// The record's text `part` scanned on first use in a check, then reused.
const TextScan& scan_once(RecordScan& record, RecordScan::Part part, std::string_view text,
                          TextScan& scan, const TitleRules& rules) {
    if (!(record.scanned & part)) {
        scan_text(text, rules.url_prefixes, scan);
        record.scanned |= part;
    }
    return scan;
}

// The record's own services, and the distinctive words of its workload, count as technology.
bool mentions_record_technology(const TextScan& title, const TitleContext& context,
                                const TitleRules& rules, RecordScan& record) {
    for (const TextScan& service : service_scans(record, context, rules))
        if (contains_terms(title, service)) return true;
    const TextScan& workload = workload_scan(record, context, rules);
    for (const Term& term : workload.terms) {
        const std::string_view text = workload.term_text(term);
        // The title's terms first: most workload words are not in it, and the lookup costs more.
        if (!contains_term(title, text)) continue;
        const std::int32_t id = find_word(rules, text);
        const std::uint16_t flags = id < 0 ? 0 : rules.words[static_cast<std::size_t>(id)].flags;
        if ((flags & ~kTechnology) == 0) return true;
    }
    return false;
}

// The same or near-same title as another reference of this customer, by the one title measure
// the document's duplicate check uses too (text/title_similarity.h).
void check_siblings(Analysis& analysis, std::string_view title, const TitleContext& context,
                    Scratch& scratch) {
    if (context.sibling_titles.empty()) return;
    TitleKey& key = scratch.title_key;
    make_title_key(title, key);
    if (key.normalized.empty()) return; // punctuation only: "title-empty" already says it all
    TitleLikeness closest = TitleLikeness::Different;
    for (std::string_view sibling : context.sibling_titles) {
        make_title_key(sibling, scratch.sibling_key);
        closest = std::max(closest, compare_titles(key, scratch.sibling_key, scratch.edit_row));
        if (closest == TitleLikeness::Same) break;
    }
    if (closest == TitleLikeness::Same)
        analysis.add(TitleCode::Duplicate, Severity::Error,
                     "Another reference for this customer has the same title; say what sets this "
                     "workload apart.");
    else if (closest == TitleLikeness::NearSame)
        analysis.add(TitleCode::NearDuplicate, Severity::Warning,
                     "Another reference for this customer has almost the same title; say what "
                     "sets this workload apart.");
}

// Placeholder, generic label, generic phrase or a bare AWS service name, judged over the
// title's main words; `aws_terms` marks the terms of AWS names.
void check_vocabulary_quality(Analysis& analysis, const TextScan& scan,
                              const std::vector<Match>& matches,
                              const std::vector<bool>& aws_terms) {
    std::size_t main_words = 0;
    std::size_t placeholders = 0;
    std::size_t placeholders_when_alone = 0;
    std::size_t generic = 0;
    std::size_t service_or_generic = 0; // "Amazon S3", "AWS Lambda": a name, not a title
    bool names_a_service = false;
    bool says_more = false;
    for (const Match& match : matches) {
        if (match.flags & kSmallWord) continue;
        ++main_words;
        if (match.flags & kPlaceholder) ++placeholders;
        if (match.flags & (kPlaceholder | kPlaceholderAlone)) ++placeholders_when_alone;
        if (match.flags & (kGenericPhrase | kGenericWord | kPlaceholderAlone)) ++generic;
        const bool aws_name = aws_terms[match.first_term];
        names_a_service = names_a_service || aws_name;
        if (aws_name || (match.flags & (kGenericPhrase | kGenericWord))) ++service_or_generic;
        if (match.flags & (kOutcome | kContext)) says_more = true;
    }
    if (main_words == 0) return;
    std::vector<Span>& spans = analysis.spans;
    const std::size_t first_span = spans.size();
    if (placeholders > 0 || placeholders_when_alone == main_words) {
        const std::uint16_t flags =
            placeholders > 0 ? kPlaceholder : (kPlaceholder | kPlaceholderAlone);
        append_match_spans(spans, scan, matches, flags);
        analysis.add_from(TitleCode::Placeholder, Severity::Error,
                          "The title is placeholder text; write the real title.", first_span);
    } else if (names_a_service && !says_more && service_or_generic == main_words) {
        for (const Match& match : matches)
            if (!(match.flags & kSmallWord)) spans.push_back(match_span(scan, match));
        analysis.add_from(TitleCode::Generic, Severity::Error,
                          "The title is only a service name; say what was built with it and what "
                          "it achieved.",
                          first_span);
    } else if (generic == main_words) {
        append_match_spans(spans, scan, matches, kGenericPhrase | kGenericWord);
        analysis.add_from(TitleCode::Generic, Severity::Error,
                          "The title is a generic label; name the workload and what it achieved.",
                          first_span);
    } else {
        append_match_spans(spans, scan, matches, kGenericPhrase);
        if (spans.size() > first_span)
            analysis.add_from(TitleCode::Generic, Severity::Warning,
                              "A generic phrase takes the room the workload and outcome need.",
                              first_span);
    }
    const std::size_t first_filler = spans.size();
    append_match_spans(spans, scan, matches, kFiller);
    if (spans.size() > first_filler)
        analysis.add_from(TitleCode::Filler, Severity::Warning,
                          "Filler words add length, not meaning.", first_filler);
}

void check_punctuation(Analysis& analysis, const TextScan& scan) {
    if (scan.has_trailing_period)
        analysis.add(TitleCode::TrailingPeriod, Severity::Tip,
                     "A title does not end with a period.",
                     std::span<const Span>(&scan.trailing_period, 1));
    if (!scan.repeated_punctuation.empty())
        analysis.add(TitleCode::RepeatedPunctuation, Severity::Warning,
                     "Repeated punctuation reads as shouting or an unfinished thought.",
                     scan.repeated_punctuation);
    if (!scan.emoji.empty())
        analysis.add(TitleCode::Emoji, Severity::Warning,
                     "Emoji do not belong in a public reference title.", scan.emoji);
}

} // namespace

std::span<const TextScan> service_scans(RecordScan& record, const TitleContext& context,
                                        const TitleRules& rules) {
    const std::size_t count = context.services.size();
    if (!(record.scanned & RecordScan::kServices)) {
        if (record.services.size() < count) record.services.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            scan_text(context.services[i], rules.url_prefixes, record.services[i]);
        record.scanned |= RecordScan::kServices;
    }
    return {record.services.data(), count};
}

const TextScan& workload_scan(RecordScan& record, const TitleContext& context,
                              const TitleRules& rules) {
    return scan_once(record, RecordScan::kWorkload, context.workload, record.workload, rules);
}

const TextScan& industry_scan(RecordScan& record, const TitleContext& context,
                              const TitleRules& rules) {
    return scan_once(record, RecordScan::kIndustry, context.industry, record.industry, rules);
}

Scratch& thread_scratch() {
    thread_local Scratch scratch;
    return scratch;
}

void finish_score(Analysis& analysis, double earned) {
    const TitleRules& rules = *analysis.rules;
    double score = earned - analysis.penalty;
    if (analysis.has_error) score = std::min(score, rules.error_score_cap);
    analysis.score = static_cast<int>(std::lround(std::clamp(score, 0.0, 100.0)));
    analysis.grade = analysis.score >= rules.strong_score ? Grade::Strong
                     : analysis.score >= rules.fair_score ? Grade::Fair
                                                          : Grade::Weak;
}

void analyze_title(std::string_view title, const TitleContext& context, const TitleRules& rules,
                   Scratch& scratch) {
    TextScan& scan = scratch.title;
    Analysis& analysis = scratch.analysis;
    analysis.start(rules);
    scan_text(title, rules.url_prefixes, scan);
    if (scan.characters == 0) {
        analysis.add(TitleCode::Empty, Severity::Error, "The title is empty.");
        finish_score(analysis, 0);
        return;
    }
    match_vocabulary(rules, scan, scratch.matches);
    const std::vector<Match>& matches = scratch.matches;

    if (!scan.urls.empty())
        analysis.add(TitleCode::Url, Severity::Error,
                     "The title contains a web address; the URL has its own field.", scan.urls);
    if (scan.words == 0 && scan.urls.empty())
        analysis.add(TitleCode::Empty, Severity::Error, "The title has no words.");
    std::vector<bool>& aws_terms = scratch.aws_terms;
    const bool names_aws = mark_aws_names(rules, scan, matches, aws_terms);
    check_vocabulary_quality(analysis, scan, matches, aws_terms);
    check_siblings(analysis, title, context, scratch);

    const Weights& weights = rules.weights;
    double earned = 0;
    earned += weights.word_count * check_length(analysis, rules.word_count_bands, scan.words,
                                                TitleCode::TooShortWords, TitleCode::TooLongWords,
                                                analysis.length_messages[0]);
    earned += weights.character_count * check_length(analysis, rules.character_count_bands,
                                                     scan.characters, TitleCode::TooShortCharacters,
                                                     TitleCode::TooLongCharacters,
                                                     analysis.length_messages[1]);

    std::uint16_t found = 0;
    for (const Match& match : matches) found |= match.flags;
    const bool technology = (found & kTechnology) || names_aws ||
                            mentions_record_technology(scan, context, rules, scratch.record);
    const bool outcome = (found & kOutcome) || states_figure(rules, scan);
    const bool has_context =
        (found & kContext) || contains_terms(scan, industry_scan(scratch.record, context, rules));
    // What a good title names, each worth its weight, and what is said when it is missing.
    const struct {
        bool named;
        double weight;
        TitleCode missing;
        Severity severity;
        std::string_view message;
    } parts[] = {
        {technology, weights.technology, TitleCode::NoTechnology, Severity::Warning,
         "The title names no technology or workload, such as serverless, a data lake or an AWS "
         "service."},
        {outcome, weights.outcome, TitleCode::NoOutcome, Severity::Warning,
         "The title names no outcome, such as cut costs 35%, 3x faster, from days to minutes, or "
         "scaled."},
        {has_context, weights.context, TitleCode::NoContext, Severity::Tip,
         "The title names no context: an industry or the kind of application."},
    };
    for (const auto& part : parts) {
        if (part.named)
            earned += part.weight;
        else
            analysis.add(part.missing, part.severity, part.message);
    }

    if (check_case(analysis, scan, matches, aws_terms)) earned += weights.letter_case;
    check_punctuation(analysis, scan);
    finish_score(analysis, earned);
}

void write_findings(const Analysis& analysis, std::vector<Finding>& findings) {
    findings.reserve(analysis.findings.size());
    for (const Severity severity : {Severity::Error, Severity::Warning, Severity::Tip}) {
        for (const PendingFinding& pending : analysis.findings) {
            if (pending.severity != severity) continue;
            // Constructed in place: assigning to an empty string costs a reallocation each.
            const auto first =
                analysis.spans.begin() + static_cast<std::ptrdiff_t>(pending.first_span);
            findings.push_back(
                {severity,
                 std::string(kCodeNames[static_cast<std::size_t>(pending.code)]),
                 std::string(pending.message),
                 "title",
                 std::vector<Span>(first, first + static_cast<std::ptrdiff_t>(pending.span_count)),
                 {}});
        }
    }
}

} // namespace reftier::title
