// Fuzz target: document import. Arbitrary bytes go through read_document, the way an imported
// or dropped file does. A document that reads must survive export and re-import unchanged
// (written text is a fixed point: write(read(write(x))) == write(x)), and every check the app
// runs on an open document (references, accounts, tier progress) must hold its invariants.
// A refused file must say why, without raw control characters in its messages.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/checks/account_check.h"
#include "core/checks/reference_check.h"
#include "core/format/document_json.h"
#include "core/format/storable.h"
#include "core/format/text_file.h"
#include "core/model/date.h"
#include "core/progress/tier_progress.h"
#include "fuzz_check.h"

using namespace reftier;

namespace {

// The shipped rule sets, loaded once: their file is not what is being fuzzed.
const RuleSetsLoad& shipped_rule_sets() {
    static const RuleSetsLoad load = [] {
        const auto text = read_text_file(REFTIER_FUZZ_ASSETS_DIR "/tier_rules.json");
        FUZZ_CHECK(text.has_value(), "assets/tier_rules.json is readable");
        RuleSetsLoad loaded = load_rule_sets_text(*text);
        FUZZ_CHECK(loaded.errors.empty() && !loaded.rule_sets.empty(),
                   "assets/tier_rules.json loads");
        return loaded;
    }();
    return load;
}

bool has_raw_control_character(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

void check_refusal(const ReadResult& result) {
    FUZZ_CHECK(!result.errors.empty(), "a refused file has at least one error");
    // kMaxReadErrors entries plus the "... and N more errors" summary.
    FUZZ_CHECK(result.errors.size() <= kMaxReadErrors + 1, "errors are capped");
    for (const ReadError& error : result.errors) {
        FUZZ_CHECK(!error.message.empty(), "every error says why");
        FUZZ_CHECK(!has_raw_control_character(to_string(error)),
                   "no raw control character in an error message");
    }
}

void check_round_trip(const Document& document) {
    const std::string written = write_document(document);
    const ReadResult reread = read_document(written);
    FUZZ_CHECK(reread.document.has_value(), "a written document reads back");
    FUZZ_CHECK(*reread.document == document, "read(write(d)) == d");
    FUZZ_CHECK(write_document(*reread.document) == written, "write(read(write(x))) == write(x)");
    // A replacing import relies on it and skips the storable check (src/app/import_run.cpp).
    FUZZ_CHECK(storable_problems(document).empty(),
               "the storable rule takes what the reader returns");

    // The compact form (indent -1) is the same document on one line.
    const ReadResult compact = read_document(write_document(document, -1));
    FUZZ_CHECK(compact.document.has_value() && *compact.document == document,
               "the compact form reads back as the same document");
}

void check_reference_checks(const Document& document, const DocumentCheck& check) {
    const std::size_t count = document.references.size();
    FUZZ_CHECK(check.has_error.size() == count, "one error flag per reference");
    FUZZ_CHECK(check.is_duplicate.size() == count, "one duplicate flag per reference");
    for (const DuplicatePair& pair : check.duplicates)
        FUZZ_CHECK(pair.first < pair.second && pair.second < count,
                   "duplicate pairs are ordered indices into references");
}

void check_tree(const AccountTreeNode& node, std::size_t account_count) {
    if (node.kind == AccountTreeNode::Kind::Account)
        FUZZ_CHECK(node.account_index >= 0 &&
                       static_cast<std::size_t>(node.account_index) < account_count,
                   "an account node points into accounts");
    for (const AccountTreeNode& child : node.children) check_tree(child, account_count);
}

void check_account_report(const Document& document) {
    const AccountReport report = check_accounts(document.accounts);
    FUZZ_CHECK(report.accounts.size() == document.accounts.size(), "one status per account");
    FUZZ_CHECK(report.with_activity_earning <= report.with_activity &&
                   report.with_activity_earning >= 0,
               "earning accounts are a subset of accounts with activity");
    check_tree(report.tree, document.accounts.size());
}

void check_tier_progress(const Document& document, const DocumentCheck& check) {
    // A fixed day keeps every run reproducible from the input alone.
    const Date today{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{23}};
    const std::size_t count = document.references.size();
    for (const RuleSet& rules : rule_sets_with(shipped_rule_sets().rule_sets, document.rule_sets)) {
        const TierProgress progress = compute_tier_progress(document, check, rules, today);
        FUZZ_CHECK(progress.tiers.size() == rules.tiers.size(), "one status per tier");
        FUZZ_CHECK(progress.approved >= 0 && progress.pending >= 0, "counts are not negative");
        FUZZ_CHECK(static_cast<std::size_t>(progress.approved + progress.pending) +
                           progress.excluded.size() ==
                       count,
                   "every reference is approved, pending or excluded, once");
        for (std::size_t i = 0; i < progress.tiers.size(); ++i) {
            const TierStatus& tier = progress.tiers[i];
            FUZZ_CHECK(tier.missing >= 0 && tier.to_find >= 0 && tier.to_find <= tier.missing,
                       "missing and to_find are not negative, and to_find is part of missing");
            FUZZ_CHECK(!tier.reached || (tier.references_met && tier.requirements_met),
                       "a reached tier meets its references and every requirement");
            FUZZ_CHECK(!tier.required ||
                           tier.requirements.size() == rules.tiers[i].requirements.size(),
                       "one status per requirement");
        }
        for (const PendingReference& pending : progress.pending_references)
            FUZZ_CHECK(pending.index < count, "pending references point into references");
        for (const ExcludedReference& excluded : progress.excluded)
            FUZZ_CHECK(excluded.index < count, "excluded references point into references");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ReadResult result = read_document(text);
    if (!result.document) {
        check_refusal(result);
        return 0;
    }
    FUZZ_CHECK(result.errors.empty(), "a document is returned only without errors");
    const Document& document = *result.document;
    check_round_trip(document);
    const DocumentCheck check = check_references(document.references);
    check_reference_checks(document, check);
    check_account_report(document);
    check_tier_progress(document, check);
    return 0;
}
