#include <gtest/gtest.h>

#include "core/format/document_merge.h"

using namespace reftier;

namespace {

Reference reference(std::string id, std::string title) {
    Reference r;
    r.id = std::move(id);
    r.customer = "Acme Retail";
    r.title = std::move(title);
    r.url = "https://example.com/" + r.id;
    r.workload = "Serverless ordering";
    return r;
}

Account account(std::string id, std::string name) {
    Account a;
    a.id = std::move(id);
    a.name = std::move(name);
    return a;
}

Document current_document() {
    Document document;
    document.partner.name = "Current Partner";
    document.references = {reference("r-0001", "First Workload"),
                           reference("r-0002", "Second Workload")};
    document.accounts = {account("111122223333", "Management")};
    return document;
}

std::vector<std::string> reference_ids(const Document& document) {
    std::vector<std::string> ids;
    for (const Reference& r : document.references) ids.push_back(r.id);
    return ids;
}

using Ids = std::vector<std::string>;

} // namespace

TEST(MergePlan, CountsNewIdsAsAdded) {
    Document incoming;
    incoming.references = {reference("r-0003", "Third Workload")};
    incoming.accounts = {account("444455556666", "Project A")};
    const MergePlan plan = plan_merge(current_document(), incoming);
    EXPECT_EQ(plan.references_added, 1);
    EXPECT_EQ(plan.accounts_added, 1);
    EXPECT_EQ(plan.unchanged, 0);
    EXPECT_TRUE(plan.conflicts.empty());
}

TEST(MergePlan, CountsIdenticalRecordsAsUnchanged) {
    const MergePlan plan = plan_merge(current_document(), current_document());
    EXPECT_EQ(plan.unchanged, 3);
    EXPECT_EQ(plan.references_added, 0);
    EXPECT_TRUE(plan.conflicts.empty());
}

TEST(MergePlan, ListsASameIdWithOtherContentAsAConflictNamingTheFields) {
    Document incoming;
    incoming.references = {reference("r-0001", "Renamed Workload")};
    incoming.references[0].status = Status::Approved;
    const MergePlan plan = plan_merge(current_document(), incoming);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].kind, MergeConflict::Kind::Reference);
    EXPECT_EQ(plan.conflicts[0].id, "r-0001");
    EXPECT_EQ(plan.conflicts[0].differing_fields, (Ids{"title", "status"}));
}

TEST(MergePlan, ListsAccountConflicts) {
    Document incoming;
    incoming.accounts = {account("111122223333", "Management")};
    incoming.accounts[0].linked = true;
    const MergePlan plan = plan_merge(current_document(), incoming);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].kind, MergeConflict::Kind::Account);
    EXPECT_EQ(plan.conflicts[0].differing_fields, (Ids{"linked"}));
}

TEST(MergePlan, NamesDifferingUnknownFields) {
    Document incoming;
    incoming.references = {reference("r-0002", "Second Workload")};
    incoming.references[0].unknown_fields = {{"crm_id", 7}};
    const MergePlan plan = plan_merge(current_document(), incoming);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].differing_fields, (Ids{"crm_id"}));
}

TEST(MergePlan, ChangesNothing) {
    const Document current = current_document();
    Document incoming;
    incoming.references = {reference("r-0009", "New")};
    plan_merge(current, incoming);
    EXPECT_EQ(current, current_document());
}

// Issue 18: a conflict showed neither value and named the record by its id.
TEST(MergePlan, AConflictNamesTheRecordAndShowsBothValuesOfEachField) {
    Document incoming = current_document();
    incoming.references[1].title = "Second Workload Cuts Cost";
    incoming.references[1].status = Status::Approved;
    const MergePlan plan = plan_merge(current_document(), incoming);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    const MergeConflict& c = plan.conflicts[0];
    EXPECT_EQ(c.name, "Acme Retail, \"Second Workload\"");
    ASSERT_EQ(c.changes.size(), 2u);
    EXPECT_EQ(c.changes[0].field, "title");
    EXPECT_EQ(c.changes[0].current, "Second Workload");
    EXPECT_EQ(c.changes[0].incoming, "Second Workload Cuts Cost");
    EXPECT_EQ(c.changes[1].field, "status");
    EXPECT_EQ(c.changes[1].current, "draft");
    EXPECT_EQ(c.changes[1].incoming, "approved");
}

TEST(MergePlan, AnEmptyValueReadsAsEmpty) {
    Document incoming = current_document();
    incoming.references[0].submitted_on =
        Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{16}};
    const MergePlan plan = plan_merge(current_document(), incoming);
    ASSERT_EQ(plan.conflicts.at(0).changes.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].changes[0].current, "(empty)");
    EXPECT_EQ(plan.conflicts[0].changes[0].incoming, "2026-11-16");
}

TEST(MergePlan, AnAccountConflictNamesTheAccount) {
    Document incoming = current_document();
    incoming.accounts[0].linked = true;
    const MergePlan plan = plan_merge(current_document(), incoming);
    ASSERT_EQ(plan.conflicts.size(), 1u);
    EXPECT_EQ(plan.conflicts[0].name, "Management (111122223333)");
    EXPECT_EQ(plan.conflicts[0].changes.at(0).current, "false");
    EXPECT_EQ(plan.conflicts[0].changes.at(0).incoming, "true");
}

TEST(MergeDocuments, ResolvesEachConflictByItsOwnChoice) {
    Document incoming = current_document();
    incoming.references[0].title = "Theirs One";
    incoming.references[1].title = "Theirs Two";
    incoming.accounts[0].name = "Theirs";
    const Document merged = merge_documents(
        current_document(), incoming,
        {ConflictPolicy::TakeIncoming, ConflictPolicy::KeepCurrent, ConflictPolicy::TakeIncoming});
    EXPECT_EQ(merged.references[0].title, "Theirs One");
    EXPECT_EQ(merged.references[1].title, "Second Workload");
    EXPECT_EQ(merged.accounts[0].name, "Theirs");
}

TEST(MergeDocuments, AConflictWithoutAChoiceKeepsTheCurrentRecord) {
    Document incoming = current_document();
    incoming.references[0].title = "Theirs One";
    incoming.references[1].title = "Theirs Two";
    const Document merged = merge_documents(
        current_document(), incoming, std::vector<ConflictPolicy>{ConflictPolicy::TakeIncoming});
    EXPECT_EQ(merged.references[0].title, "Theirs One");
    EXPECT_EQ(merged.references[1].title, "Second Workload");
}

TEST(MergeDocuments, AppendsNewRecordsInIncomingOrder) {
    Document incoming;
    incoming.references = {reference("r-0005", "Five"), reference("r-0004", "Four")};
    const Document merged =
        merge_documents(current_document(), incoming, ConflictPolicy::KeepCurrent);
    EXPECT_EQ(reference_ids(merged), (Ids{"r-0001", "r-0002", "r-0005", "r-0004"}));
}

TEST(MergeDocuments, KeepsTheCurrentRecordWhenAskedTo) {
    Document incoming;
    incoming.references = {reference("r-0001", "Renamed Workload")};
    const Document merged =
        merge_documents(current_document(), incoming, ConflictPolicy::KeepCurrent);
    EXPECT_EQ(merged.references[0].title, "First Workload");
}

TEST(MergeDocuments, TakesTheIncomingRecordWhenAskedTo) {
    Document incoming;
    incoming.references = {reference("r-0001", "Renamed Workload")};
    const Document merged =
        merge_documents(current_document(), incoming, ConflictPolicy::TakeIncoming);
    EXPECT_EQ(merged.references[0].title, "Renamed Workload");
    EXPECT_EQ(merged.references.size(), 2u);
}

TEST(MergeDocuments, KeepsTheCurrentPartnerProfile) {
    Document incoming = current_document();
    incoming.partner.name = "Someone Else";
    incoming.partner.path = PartnerPath::Technology;
    const Document merged =
        merge_documents(current_document(), incoming, ConflictPolicy::TakeIncoming);
    EXPECT_EQ(merged.partner, current_document().partner);
}

TEST(MergeDocuments, AddsUnknownTopLevelFieldsTheCurrentDocumentLacks) {
    Document current = current_document();
    current.unknown_fields = {{"kept", 1}};
    Document incoming;
    incoming.unknown_fields = {{"kept", 2}, {"added", true}};
    const Document merged = merge_documents(current, incoming, ConflictPolicy::TakeIncoming);
    EXPECT_EQ(merged.unknown_fields, (nlohmann::json{{"kept", 1}, {"added", true}}));
}

TEST(MergeDocuments, MatchesARepeatedIncomingIdAgainstItsFirstCopy) {
    Document incoming;
    incoming.references = {reference("r-0007", "Seven"), reference("r-0007", "Seven Again")};
    const MergePlan plan = plan_merge(current_document(), incoming);
    EXPECT_EQ(plan.references_added, 1);
    EXPECT_EQ(plan.conflicts.size(), 1u);
    const Document merged =
        merge_documents(current_document(), incoming, ConflictPolicy::TakeIncoming);
    EXPECT_EQ(merged.references.size(), 3u);
    EXPECT_EQ(merged.references.back().title, "Seven Again");
}

TEST(NextReferenceId, StartsAtOneInAnEmptyDocument) {
    EXPECT_EQ(next_reference_id(Document{}), "r-0001");
}

TEST(NextReferenceId, IsOneMoreThanTheHighestNumber) {
    Document document;
    document.references = {reference("r-0003", "a"), reference("r-0010", "b"),
                           reference("r-0007", "c")};
    EXPECT_EQ(next_reference_id(document), "r-0011");
}

TEST(NextReferenceId, IgnoresIdsOfAnotherForm) {
    Document document;
    document.references = {reference("r-0002", "a"), reference("acme-99", "b"),
                           reference("r-12x", "c"), reference("r-", "d")};
    EXPECT_EQ(next_reference_id(document), "r-0003");
}

TEST(NextReferenceId, ReadsNumbersWithoutPadding) {
    Document document;
    document.references = {reference("r-42", "a")};
    EXPECT_EQ(next_reference_id(document), "r-0043");
}

TEST(NextReferenceId, GrowsPastFourDigits) {
    Document document;
    document.references = {reference("r-9999", "a")};
    EXPECT_EQ(next_reference_id(document), "r-10000");
}

TEST(NextReferenceId, NeverCollidesWithAnIdTooLargeToCount) {
    Document document;
    document.references = {reference("r-18446744073709551614", "a"),
                           reference("r-18446744073709551615", "b")};
    const std::string id = next_reference_id(document);
    for (const Reference& r : document.references) EXPECT_NE(id, r.id);
}
