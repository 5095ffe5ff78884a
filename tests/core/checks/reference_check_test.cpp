#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <optional>

#include "core/checks/reference_check.h"
#include "core/model/date.h"
#include "core/text/title_similarity.h"

using namespace reftier;

namespace {

Reference complete_reference(std::string id = "r-0001") {
    Reference reference;
    reference.id = std::move(id);
    reference.customer = "Acme Retail";
    reference.title = "DevOps and Cloud Culture Drive Velocity in Retail";
    reference.url = "https://example.com/customers/acme-retail";
    reference.workload = "CI/CD pipelines on AWS CodePipeline";
    reference.channel = Channel::AcePipelineManager;
    reference.status = Status::Approved;
    reference.submitted_on = parse_iso_date("2026-11-16");
    reference.decided_on = parse_iso_date("2026-11-16");
    return reference;
}

// A copy, so a test may look into findings of a temporary vector.
std::optional<Finding> find_code(const std::vector<Finding>& findings, std::string_view code) {
    for (const Finding& finding : findings)
        if (finding.code == code) return finding;
    return std::nullopt;
}

Reference with_url_and_title(std::string id, std::string url, std::string title) {
    Reference reference = complete_reference(std::move(id));
    reference.url = std::move(url);
    reference.title = std::move(title);
    return reference;
}

} // namespace

TEST(ReferenceCheck, FindsNothingWrongWithACompleteApprovedReference) {
    EXPECT_TRUE(check_reference(complete_reference(), "references[0]").empty());
}

// The document check takes the flag from reference_has_error and shows check_reference's
// findings: one case for each rule, with and without an error among its findings.
TEST(ReferenceCheck, ErrorFlagAgreesWithTheFindingsOnEveryRule) {
    std::vector<Reference> cases(10, complete_reference());
    cases[1].customer = " ";
    cases[2].title = "";
    cases[3].workload = "";
    cases[4].url = "javascript:alert(1)";
    cases[5].url = "http://example.com/customers/acme-retail"; // a tip only
    cases[6].decided_on = parse_iso_date("2026-11-01");        // before submitted_on
    cases[7].status = Status::Draft;                           // the reviewer's tip
    cases[8].status = Status::Submitted;
    cases[8].channel = Channel::PublicReferencesTool;
    cases[8].submitted_on.reset(); // a warning
    cases[9].decided_on.reset();   // a tip: approved without the decision's date
    int with_error = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::vector<Finding> findings = check_reference(cases[i], "references[0]");
        EXPECT_EQ(reference_has_error(cases[i]), has_errors(findings)) << "case " << i;
        if (i > 0) {
            EXPECT_FALSE(findings.empty()) << "case " << i << " reports nothing";
        }
        with_error += has_errors(findings) ? 1 : 0;
    }
    EXPECT_EQ(with_error, 5);
}

TEST(ReferenceCheck, ReportsAMissingCustomerAsAnError) {
    Reference reference = complete_reference();
    reference.customer = "";
    const std::vector<Finding> findings = check_reference(reference, "references[2]");
    const std::optional<Finding> finding = find_code(findings, "missing-customer");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->severity, Severity::Error);
    EXPECT_EQ(finding->path, "references[2].customer");
}

TEST(ReferenceCheck, TreatsWhitespaceOnlyTextAsMissing) {
    Reference reference = complete_reference();
    reference.title = "  \t ";
    EXPECT_TRUE(find_code(check_reference(reference, "references[0]"), "missing-title"));
}

TEST(ReferenceCheck, ReportsAMissingWorkload) {
    Reference reference = complete_reference();
    reference.workload = "";
    const std::optional<Finding> finding =
        find_code(check_reference(reference, "references[0]"), "missing-workload");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->path, "references[0].workload");
}

TEST(ReferenceCheck, ReportsAMissingUrlOnceWithItsOwnCode) {
    Reference reference = complete_reference();
    reference.url = "";
    const std::vector<Finding> findings = check_reference(reference, "references[0]");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "missing-url");
    EXPECT_EQ(findings[0].path, "references[0].url");
}

TEST(ReferenceCheck, PassesUrlFindingsOnUnderThePrefix) {
    Reference reference = complete_reference();
    reference.url = "http://wiki.internal/acme";
    const std::optional<Finding> finding =
        find_code(check_reference(reference, "references[4]"), "url-private-host");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->path, "references[4].url");
}

TEST(ReferenceCheck, TipsToAddTheDecisionDateOfAnApprovedReference) {
    Reference reference = complete_reference();
    reference.decided_on.reset();
    const std::optional<Finding> finding =
        find_code(check_reference(reference, "references[0]"), "missing-decided-on");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->severity, Severity::Tip);
}

TEST(ReferenceCheck, WarnsWhenAToolSubmissionHasNoDate) {
    Reference reference = complete_reference();
    reference.channel = Channel::PublicReferencesTool;
    reference.status = Status::Submitted;
    reference.submitted_on.reset();
    reference.decided_on.reset();
    const std::optional<Finding> finding =
        find_code(check_reference(reference, "references[0]"), "missing-submitted-on");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->severity, Severity::Warning);
    EXPECT_NE(finding->message.find("expected approval date cannot be computed"),
              std::string::npos);
}

TEST(ReferenceCheck, NeedsNoSubmissionDateForAnAceReference) {
    Reference reference = complete_reference();
    reference.status = Status::Submitted;
    reference.submitted_on.reset();
    reference.decided_on.reset();
    EXPECT_TRUE(check_reference(reference, "references[0]").empty());
}

TEST(ReferenceCheck, ReportsADecisionBeforeTheSubmission) {
    Reference reference = complete_reference();
    reference.decided_on = parse_iso_date("2026-11-10");
    const std::optional<Finding> finding =
        find_code(check_reference(reference, "references[0]"), "decided-before-submitted");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->severity, Severity::Error);
    EXPECT_EQ(finding->path, "references[0].decided_on");
}

// Issue 18: a draft with a submission date was accepted without a word.
TEST(ReferenceCheck, WarnsAboutADraftWithASubmissionDate) {
    Reference reference = complete_reference();
    reference.status = Status::Draft;
    reference.decided_on.reset();
    const std::optional<Finding> finding =
        find_code(check_reference(reference, "references[0]"), "draft-with-submitted-on");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->severity, Severity::Warning);
    EXPECT_EQ(finding->path, "references[0].status");
}

TEST(ReferenceCheck, ADraftWithoutASubmissionDateIsFine) {
    Reference reference = complete_reference();
    reference.status = Status::Draft;
    reference.submitted_on.reset();
    reference.decided_on.reset();
    EXPECT_FALSE(find_code(check_reference(reference, "references[0]"), "draft-with-submitted-on"));
}

TEST(ReferenceCheck, TellsADraftWhatTheReviewerLooksFor) {
    Reference reference = complete_reference();
    reference.status = Status::Draft;
    const std::optional<Finding> finding =
        find_code(check_reference(reference, "references[0]"), "reviewer-looks-for");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->severity, Severity::Tip);
    EXPECT_NE(finding->message.find("\"Acme Retail\""), std::string::npos);
    EXPECT_NE(finding->message.find("\"CI/CD pipelines on AWS CodePipeline\""), std::string::npos);
}

TEST(ReferenceCheck, SaysNothingAboutTheReviewerOnceSubmitted) {
    Reference reference = complete_reference();
    reference.status = Status::Submitted;
    EXPECT_FALSE(find_code(check_reference(reference, "references[0]"), "reviewer-looks-for"));
}

TEST(DocumentDuplicates, PairsTwoSpellingsOfOneUrl) {
    const std::vector<Reference> references = {
        with_url_and_title("r-1", "https://www.example.com/acme/", "Serverless Ordering at Acme"),
        with_url_and_title("r-2", "http://example.com/acme#top", "Data Lake for Acme Finance"),
    };
    const std::vector<DuplicatePair> pairs = check_references(references).duplicates;
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].first, 0u);
    EXPECT_EQ(pairs[0].second, 1u);
    EXPECT_EQ(pairs[0].kind, DuplicatePair::Kind::SameUrl);
}

TEST(DocumentDuplicates, PairsTheSameTitleOfOneCustomerWrittenDifferently) {
    std::vector<Reference> references = {
        with_url_and_title("r-1", "https://example.com/a", "Serverless Order Processing"),
        with_url_and_title("r-2", "https://example.com/b", "serverless order processing."),
    };
    references[1].customer = "  ACME   retail ";
    const std::vector<DuplicatePair> pairs = check_references(references).duplicates;
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].kind, DuplicatePair::Kind::SameTitle);
}

TEST(DocumentDuplicates, PairsNearlyTheSameTitleOfOneCustomer) {
    const std::vector<Reference> references = {
        with_url_and_title("r-1", "https://example.com/a",
                           "DevOps and Cloud Culture Drive Velocity in Retail"),
        with_url_and_title("r-2", "https://example.com/b",
                           "DevOps and Cloud Culture Drives Velocity in Retail"),
    };
    const std::vector<DuplicatePair> pairs = check_references(references).duplicates;
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].kind, DuplicatePair::Kind::NearTitle);
}

TEST(DocumentDuplicates, LeavesDifferentWorkloadsOfOneCustomerAlone) {
    const std::vector<Reference> references = {
        with_url_and_title("r-1", "https://example.com/a",
                           "Serverless Order Processing Cuts Cost for Retail"),
        with_url_and_title("r-2", "https://example.com/b",
                           "Data Lake on Amazon S3 Speeds Up Analytics for Retail"),
    };
    EXPECT_TRUE(check_references(references).duplicates.empty());
}

TEST(DocumentDuplicates, LeavesTheSameTitleOfDifferentCustomersAlone) {
    std::vector<Reference> references = {
        with_url_and_title("r-1", "https://example.com/a", "Serverless Order Processing"),
        with_url_and_title("r-2", "https://example.com/b", "Serverless Order Processing"),
    };
    references[1].customer = "Globex";
    EXPECT_TRUE(check_references(references).duplicates.empty());
}

TEST(DocumentDuplicates, DoesNotPairDraftsThatHaveNoUrlOrTitleYet) {
    std::vector<Reference> references = {with_url_and_title("r-1", "", ""),
                                         with_url_and_title("r-2", "", "")};
    EXPECT_TRUE(check_references(references).duplicates.empty());
}

TEST(DocumentDuplicates, ReportsAPairWithTheSameUrlAndTitleOnce) {
    const std::vector<Reference> references = {complete_reference("r-1"),
                                               complete_reference("r-2")};
    const std::vector<DuplicatePair> pairs = check_references(references).duplicates;
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].kind, DuplicatePair::Kind::SameUrl);
}

TEST(DocumentDuplicates, PairsEveryLaterCopyWithTheFirst) {
    const std::vector<Reference> references = {complete_reference("r-1"), complete_reference("r-2"),
                                               complete_reference("r-3")};
    const std::vector<DuplicatePair> pairs = check_references(references).duplicates;
    ASSERT_EQ(pairs.size(), 2u);
    EXPECT_EQ(pairs[0].first, 0u);
    EXPECT_EQ(pairs[1].first, 0u);
    EXPECT_EQ(pairs[1].second, 2u);
}

TEST(DocumentDuplicates, StaysLinearForAHundredThousandCopiesOfOneReference) {
    const std::vector<Reference> references(100000, complete_reference());
    EXPECT_EQ(check_references(references).duplicates.size(), 99999u);
}

TEST(DocumentDuplicates, FinishesForAHundredThousandDistinctTitlesOfOneCustomer) {
    // Titles of equal length and similar letters defeat the cheap filters; the window of
    // earlier titles compared keeps this linear.
    std::vector<Reference> references;
    references.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        char title[64];
        std::snprintf(title, sizeof title, "Workload %05d on AWS Lambda", i);
        references.push_back(with_url_and_title("r-" + std::to_string(i),
                                                "https://example.com/" + std::to_string(i), title));
    }
    const std::vector<DuplicatePair> pairs = check_references(references).duplicates;
    ASSERT_EQ(pairs.size(), 99999u); // each differs from the one before by a digit or two
    EXPECT_EQ(pairs[0].kind, DuplicatePair::Kind::NearTitle);
}

TEST(DocumentDuplicates, FindsARepeatOfATitleLongOutOfTheNearTitleWindow) {
    // 200 distinct titles of one customer, then the first again, written another way: its
    // key left the window (and memory) long ago, so the repeat is confirmed from the text.
    std::vector<Reference> references;
    for (int i = 0; i < 200; ++i)
        references.push_back(with_url_and_title("r-" + std::to_string(i),
                                                "https://example.com/" + std::to_string(i),
                                                "Case " + std::to_string(i * 7919) + " on AWS"));
    references.push_back(
        with_url_and_title("r-again", "https://example.com/again", "CASE 0 ON AWS!"));
    const std::vector<DuplicatePair> pairs = check_references(references).duplicates;
    ASSERT_FALSE(pairs.empty());
    EXPECT_EQ(pairs.back().first, 0u);
    EXPECT_EQ(pairs.back().second, 200u);
    EXPECT_EQ(pairs.back().kind, DuplicatePair::Kind::SameTitle);
}

TEST(DocumentDuplicates, FinishesForAHundredThousandUnrelatedTitlesOfOneCustomer) {
    std::vector<Reference> references;
    references.reserve(100000);
    std::uint32_t seed = 12345;
    for (int i = 0; i < 100000; ++i) {
        std::string title;
        for (int letter = 0; letter < 40; ++letter) {
            seed = seed * 1664525u + 1013904223u;
            title.push_back(static_cast<char>('a' + (seed >> 24) % 26));
        }
        references.push_back(with_url_and_title("r-" + std::to_string(i),
                                                "https://example.com/" + std::to_string(i), title));
    }
    EXPECT_TRUE(check_references(references).duplicates.empty());
}

TEST(DocumentDuplicates, FlagsTheSameReferencesAsComparingEveryPair) {
    // Few customers and titles built from a few parts: many exact, near and far pairs, and
    // fewer distinct titles per customer (48) than the near-title window.
    const char* prefixes[] = {"Serverless Order Processing", "Data Lake on Amazon S3",
                              "Streaming Analytics with Kinesis"};
    const char* words[] = {"Cut", "Cuts", "Retail", "Banks"};
    const char* customers[] = {"Acme", "acme ", "Globex", "Initech"};
    std::vector<Reference> references;
    std::uint32_t seed = 7;
    auto next = [&seed](std::uint32_t range) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 16) % range;
    };
    for (int i = 0; i < 300; ++i) {
        std::string title = prefixes[next(3)];
        for (int w = 0; w < 2; ++w) title += std::string(" ") + words[next(4)];
        const std::string url = "https://example.com/" + std::to_string(next(1000));
        Reference reference = with_url_and_title("r-" + std::to_string(i), url, title);
        reference.customer = customers[next(4)];
        references.push_back(std::move(reference));
    }
    std::vector<bool> expected(references.size(), false);
    for (std::size_t later = 0; later < references.size(); ++later) {
        for (std::size_t earlier = 0; earlier < later; ++earlier) {
            const Reference& a = references[earlier];
            const Reference& b = references[later];
            const bool same_customer = title_similarity(a.customer, b.customer) == 1.0;
            expected[later] = expected[later] || a.url == b.url ||
                              (same_customer &&
                               title_similarity(a.title, b.title) >= kNearDuplicateTitleThreshold);
        }
    }
    std::vector<bool> flagged(references.size(), false);
    for (const DuplicatePair& pair : check_references(references).duplicates) {
        EXPECT_LT(pair.first, pair.second);
        flagged[pair.second] = true;
    }
    EXPECT_EQ(flagged, expected);
}

TEST(CheckReferences, MarksOnlyTheLaterCopyAsDuplicate) {
    const DocumentCheck check =
        check_references({complete_reference("r-1"), complete_reference("r-2")});
    EXPECT_EQ(check.is_duplicate, (std::vector<bool>{false, true}));
    EXPECT_EQ(check.duplicates.size(), 1u);
}

TEST(CheckReferences, NamesTheOtherReferenceInTheDuplicateFinding) {
    const std::vector<Reference> refs{complete_reference("r-1"), complete_reference("r-2")};
    const DocumentCheck check = check_references(refs);
    const std::optional<Finding> finding = find_code(findings_of(check, refs, 1), "duplicate-url");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->related_id, "r-1");
    EXPECT_EQ(finding->path, "references[1].url");
    EXPECT_NE(finding->message.find("r-1 (\"DevOps and Cloud Culture"), std::string::npos)
        << finding->message;
    EXPECT_TRUE(findings_of(check, refs, 0).empty());
}

TEST(CheckReferences, GivesNearTitlesTheirOwnCode) {
    const std::vector<Reference> refs{
        with_url_and_title("r-1", "https://example.com/a",
                           "DevOps and Cloud Culture Drive Velocity in Retail"),
        with_url_and_title("r-2", "https://example.com/b",
                           "DevOps and Cloud Culture Drives Velocity in Retail"),
    };
    const DocumentCheck check = check_references(refs);
    const std::optional<Finding> finding =
        find_code(findings_of(check, refs, 1), "near-duplicate-title");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->path, "references[1].title");
    EXPECT_EQ(finding->severity, Severity::Warning);
}

TEST(CheckReferences, KeepsEachReferencesOwnFindingsUnderItsIndex) {
    Reference broken = complete_reference("r-2");
    broken.url = "https://example.com/other";
    broken.customer = "";
    const std::vector<Reference> refs{complete_reference("r-1"), broken};
    const DocumentCheck check = check_references(refs);
    const std::optional<Finding> finding =
        find_code(findings_of(check, refs, 1), "missing-customer");
    ASSERT_TRUE(finding);
    EXPECT_EQ(finding->path, "references[1].customer");
}

TEST(CheckReferences, FlagsOnlyReferencesWithAnErrorOfTheirOwn) {
    Reference broken = complete_reference("r-2");
    broken.url = "https://example.com/other";
    broken.customer = "";
    const DocumentCheck check =
        check_references({complete_reference("r-1"), broken, complete_reference("r-3")});
    // r-3 repeats r-1's URL: a warning, which does not make it an error.
    EXPECT_EQ(check.has_error, (std::vector<bool>{false, true, false}));
    EXPECT_EQ(check.is_duplicate, (std::vector<bool>{false, false, true}));
}

TEST(CheckReferences, FindingsOfAReferenceAreItsOwnThenItsDuplicateOnes) {
    Reference later = complete_reference("r-2");
    later.workload.clear();
    const std::vector<Reference> refs{complete_reference("r-1"), later};
    const std::vector<Finding> findings = findings_of(check_references(refs), refs, 1);
    std::vector<Finding> expected = check_reference(later, "references[1]");
    ASSERT_FALSE(expected.empty());
    ASSERT_FALSE(findings.empty());
    EXPECT_EQ(std::vector<Finding>(findings.begin(), findings.begin() + expected.size()), expected);
    EXPECT_EQ(findings.back().code, "duplicate-url");
    EXPECT_EQ(findings.back().related_id, "r-1");
}

TEST(DocumentCheckRun, CheckedInSlicesGivesTheSameFindingsAsAtOnce) {
    std::vector<Reference> refs;
    for (int i = 0; i < 40; ++i) {
        Reference r = complete_reference("r-" + std::to_string(i));
        r.title = "Retail analytics platform number " + std::to_string(i % 7);
        r.url = "https://example.com/story/" + std::to_string(i % 11);
        if (i % 9 == 0) r.workload.clear();
        refs.push_back(std::move(r));
    }
    const DocumentCheck whole = check_references(refs);
    DocumentCheckRun run(refs);
    int calls = 1;
    while (!run.advance(3)) ++calls;
    // 40 references 3 at a time take 14 calls; the finder's strings are freed over more.
    EXPECT_GT(calls, 14);
    EXPECT_FLOAT_EQ(run.progress(), 1.f);
    const DocumentCheck sliced = run.take();
    ASSERT_FALSE(whole.duplicates.empty());
    EXPECT_EQ(sliced.is_duplicate, whole.is_duplicate);
    ASSERT_EQ(sliced.duplicates.size(), whole.duplicates.size());
    for (std::size_t i = 0; i < whole.duplicates.size(); ++i) {
        EXPECT_EQ(sliced.duplicates[i].first, whole.duplicates[i].first);
        EXPECT_EQ(sliced.duplicates[i].second, whole.duplicates[i].second);
        EXPECT_EQ(sliced.duplicates[i].kind, whole.duplicates[i].kind);
    }
    EXPECT_EQ(sliced.has_error, whole.has_error);
}

TEST(DocumentCheckRun, AnEmptyDocumentIsCompleteAtOnce) {
    const std::vector<Reference> none;
    DocumentCheckRun run(none);
    EXPECT_TRUE(run.advance(0));
    const DocumentCheck check = run.take();
    EXPECT_TRUE(check.has_error.empty());
    EXPECT_TRUE(check.is_duplicate.empty());
}
