// One check of one title: the findings it collects before they become Findings, the record's
// fields scanned once per check, and the working data each thread reuses from check to check.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/checks/title/text_scan.h"
#include "core/checks/title/title_rules.h"
#include "core/checks/title/vocabulary.h"
#include "core/text/title_similarity.h"

namespace reftier::title {

// The record's fields, each scanned the first time a check needs it and kept for the rest of
// that check: the title, every candidate suggestion and the suggestion itself compare with them.
struct RecordScan {
    enum Part : unsigned { kServices = 1, kWorkload = 2, kIndustry = 4 };
    unsigned scanned = 0;           // Part bits
    std::vector<TextScan> services; // may hold more than the record has, to reuse their buffers
    TextScan workload;
    TextScan industry;
};

// A finding before it becomes a Finding: scoring a candidate suggestion needs only the penalty
// and whether there is an error, and the strings of a Finding cost more than the analysis.
struct PendingFinding {
    TitleCode code = TitleCode::Empty;
    Severity severity = Severity::Error;
    std::string_view message;   // a literal, from the rules, or one of Analysis::length_messages
    std::size_t first_span = 0; // into Analysis::spans
    std::size_t span_count = 0;
};

// What analyze_title finds about one text. Reused from check to check, so it allocates only
// while its buffers grow.
struct Analysis {
    const TitleRules* rules = nullptr;
    std::vector<PendingFinding> findings;
    std::vector<Span> spans;
    std::array<std::string, 2> length_messages; // words, characters
    double penalty = 0;
    bool has_error = false;
    int score = 0;
    Grade grade = Grade::Weak;
    bool sentence_case = false; // the title is written in sentence case (or all lower case)

    void start(const TitleRules& title_rules) {
        rules = &title_rules;
        findings.clear();
        spans.clear();
        penalty = 0;
        has_error = false;
        sentence_case = false;
    }

    // The finding's spans are spans[first_span, end), appended by the caller just before.
    void add_from(TitleCode code, Severity severity, std::string_view message,
                  std::size_t first_span) {
        findings.push_back({code, severity, message, first_span, spans.size() - first_span});
        penalty += rules->penalties[static_cast<std::size_t>(code)];
        if (severity == Severity::Error) has_error = true;
    }

    void add(TitleCode code, Severity severity, std::string_view message,
             std::span<const Span> finding_spans = {}) {
        const std::size_t first_span = spans.size();
        spans.insert(spans.end(), finding_spans.begin(), finding_spans.end());
        add_from(code, severity, message, first_span);
    }
};

// Reused by every check on this thread so the hot path does not allocate for its working data.
struct Scratch {
    TextScan title;
    std::vector<Match> matches;
    RecordScan record;
    Analysis analysis;
    std::string record_text; // the workload and services in one text, for choose_outcome
    TextScan record_text_scan;
    TitleKey title_key, sibling_key; // for comparing with sibling titles
    std::vector<std::size_t> edit_row;
    std::vector<bool> aws_terms; // per term of `title`: part of an AWS name
};

Scratch& thread_scratch();

std::span<const TextScan> service_scans(RecordScan& record, const TitleContext& context,
                                        const TitleRules& rules);
const TextScan& workload_scan(RecordScan& record, const TitleContext& context,
                              const TitleRules& rules);
const TextScan& industry_scan(RecordScan& record, const TitleContext& context,
                              const TitleRules& rules);

void finish_score(Analysis& analysis, double earned);
// Score, grade and findings of `title`, into scratch.analysis. Findings stay pending: only
// check_title turns them into Findings, candidate suggestions need just the score.
void analyze_title(std::string_view title, const TitleContext& context, const TitleRules& rules,
                   Scratch& scratch);
// The pending findings as the report gives them: errors first, so a reader sees what blocks
// the title before what would polish it; in the order found within each severity.
void write_findings(const Analysis& analysis, std::vector<Finding>& findings);

} // namespace reftier::title
