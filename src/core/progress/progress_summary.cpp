// The Markdown summary: tier progress with each tier's requirements and what holds the next
// tier back, pending reviews (with advice for late ones) and open problems.
#include "core/progress/progress_summary.h"

#include <sstream>

#include "core/model/date.h"
#include "core/model/enum_names.h"
#include "core/progress/progress_text.h"

namespace reftier {

// Markdown special characters in user text would turn names into formatting.
static std::string escape_markdown(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '#' ||
            c == '|' || c == '<' || c == '>')
            out.push_back('\\');
        out.push_back(c == '\n' || c == '\r' ? ' ' : c);
    }
    return out;
}

std::string reference_markdown_line(const Reference& reference) {
    std::string url;
    for (char c : reference.url) {
        if (c == ')')
            url += "%29";
        else if (c == '(')
            url += "%28";
        else if (c == ' ')
            url += "%20";
        else
            url.push_back(c);
    }
    std::string line = "[" + escape_markdown(reference.title) + "](" + url + ")";
    if (!reference.customer.empty()) line += ", " + escape_markdown(reference.customer);
    return line;
}

static void write_tiers(std::ostringstream& out, const TierProgress& progress) {
    out << "| Tier | References | Other requirements | Reached |\n"
        << "|---|---|---|---|\n";
    for (const TierStatus& tier : progress.tiers) {
        std::string requirements;
        for (const RequirementStatus& r : tier.requirements)
            requirements += (requirements.empty() ? "" : "; ") + requirement_text(r);
        out << "| " << escape_markdown(tier.name) << " | " << escape_markdown(references_text(tier))
            << " | " << escape_markdown(requirements) << " | " << (tier.reached ? "yes" : "no")
            << " |\n";
    }
}

std::string progress_summary_markdown(const Document& document, const RuleSet& rules,
                                      const TierProgress& progress, const DocumentCheck& check,
                                      const AccountReport& accounts, Date today) {
    std::ostringstream out;
    const std::string partner =
        document.partner.name.empty() ? "Our" : escape_markdown(document.partner.name);
    out << "## " << partner << " APN public references, " << format_iso_date(today) << "\n\n"
        << "Rule set: " << escape_markdown(rules.name) << " ("
        << escape_markdown(source_text(rules)) << ")\n\nCurrent tier: **"
        << (progress.current_tier.empty() ? "none" : progress.current_tier) << "** ("
        << progress.approved << " approved, " << progress.pending << " pending review). "
        << escape_markdown(next_tier_text(progress)) << ".\n\n";
    write_tiers(out, progress);

    if (!progress.pending_references.empty()) {
        out << "\n### Pending review\n";
        for (const PendingReference& p : progress.pending_references) {
            const Reference& r = document.references[p.index];
            out << "- " << escape_markdown(r.customer) << ": " << escape_markdown(r.title)
                << ", decision expected " << format_iso_date(p.expected)
                << (p.overdue ? " (overdue)" : "") << "\n";
        }
        if (const auto advice = overdue_advice(progress, rules))
            out << "\n" << escape_markdown(*advice) << "\n";
    }

    int problems = 0;
    std::ostringstream list;
    for (std::size_t i = 0; i < document.references.size(); ++i) {
        if (!check.has_error[i]) continue;
        for (const Finding& f : findings_of(check, document.references, i)) {
            if (f.severity != Severity::Error) continue;
            list << "- " << document.references[i].id << " ("
                 << escape_markdown(document.references[i].customer)
                 << "): " << escape_markdown(f.message) << "\n";
            ++problems;
        }
    }
    for (std::size_t i = 0; i < accounts.accounts.size(); ++i) {
        if (accounts.accounts[i].state != AccountState::NotLinkedLosing) continue;
        list << "- Account " << document.accounts[i].id << " ("
             << escape_markdown(document.accounts[i].name)
             << ") runs partner activity but is not linked: it earns no APN points.\n";
        ++problems;
    }
    out << "\n### Open problems (" << problems << ")\n";
    out << (problems ? list.str() : std::string("None.\n"));
    out << "\nAccounts: " << accounts.with_activity_earning << " of " << accounts.with_activity
        << " with partner activity earn APN points.\n";
    return out.str();
}

} // namespace reftier
