// The checker's entry point (title_check.h): analyse, write the findings, suggest a rewrite.
#include "core/checks/title_check.h"

#include "core/checks/title/suggestion.h"
#include "core/checks/title/title_analysis.h"

namespace reftier {

using namespace title;

void TitleRulesDeleter::operator()(TitleRules* rules) const {
    delete rules;
}

std::string_view to_string(Grade grade) {
    switch (grade) {
    case Grade::Weak:
        return "weak";
    case Grade::Fair:
        return "fair";
    case Grade::Strong:
        return "strong";
    }
    return "weak";
}

TitleReport check_title(std::string_view title, const TitleContext& context,
                        const TitleRules& rules) {
    Scratch& scratch = thread_scratch();
    scratch.record.scanned = 0; // a new record
    analyze_title(title, context, rules, scratch);
    TitleReport report;
    report.score = scratch.analysis.score;
    report.grade = scratch.analysis.grade;
    write_findings(scratch.analysis, report.findings);
    if (context.want_suggestion && report.grade != Grade::Strong)
        report.suggestion =
            build_suggestion(context, rules, report.score, scratch.analysis.sentence_case, scratch);
    return report;
}

} // namespace reftier
