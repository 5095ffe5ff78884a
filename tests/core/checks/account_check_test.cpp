#include <gtest/gtest.h>

#include <algorithm>

#include "core/checks/account_check.h"

using namespace reftier;

namespace {

constexpr const char* kManagementId = "111122223333";

Account make_account(std::string id, std::string name, AccountRole role, bool linked,
                     bool partner_activity, std::optional<std::string> parent = std::nullopt) {
    Account account;
    account.id = std::move(id);
    account.name = std::move(name);
    account.role = role;
    account.parent = std::move(parent);
    account.linked = linked;
    account.partner_activity = partner_activity;
    return account;
}

Account management(bool linked, bool partner_activity = false) {
    return make_account(kManagementId, "Org management", AccountRole::Management, linked,
                        partner_activity);
}

Account member(std::string id, std::string name, bool linked, bool partner_activity) {
    return make_account(std::move(id), std::move(name), AccountRole::Member, linked,
                        partner_activity, kManagementId);
}

Account standalone(std::string id, std::string name, bool linked, bool partner_activity) {
    return make_account(std::move(id), std::move(name), AccountRole::Standalone, linked,
                        partner_activity);
}

// The seed's picture: the management account linked, three member project accounts running
// partner activity, the third not linked.
std::vector<Account> source_example() {
    return {management(true), member("444455556666", "Project 1", true, true),
            member("555566667777", "Project 2", true, true),
            member("666677778888", "Project 3", false, true)};
}

bool has_code(const std::vector<Finding>& findings, std::string_view code) {
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding& finding) { return finding.code == code; });
}

const Finding* find_code(const std::vector<Finding>& findings, std::string_view code) {
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [&](const Finding& finding) { return finding.code == code; });
    return it == findings.end() ? nullptr : &*it;
}

} // namespace

// The seed's example --------------------------------------------------------------------------

TEST(AccountLinking, SourceExampleLosesPointsOnExactlyOneAccount) {
    const AccountReport report = check_accounts(source_example());
    const auto losing = std::count_if(
        report.accounts.begin(), report.accounts.end(),
        [](const AccountStatus& status) { return status.state == AccountState::NotLinkedLosing; });
    EXPECT_EQ(losing, 1);
    EXPECT_EQ(report.accounts[3].state, AccountState::NotLinkedLosing);
    EXPECT_EQ(report.findings.size(), 1u);
}

TEST(AccountLinking, SourceExampleSaysWhyTheUnlinkedMemberEarnsNothing) {
    const AccountReport report = check_accounts(source_example());
    const Finding* finding = find_code(report.accounts[3].findings, "account-not-linked");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->severity, Severity::Warning);
    EXPECT_EQ(finding->path, "accounts[3].linked");
    EXPECT_NE(finding->message.find("666677778888"), std::string::npos);
    EXPECT_NE(finding->message.find(
                  "Linking the management account 111122223333 does not cover member accounts"),
              std::string::npos);
    EXPECT_NE(finding->message.find("consolidated billing does not aggregate points"),
              std::string::npos);
}

TEST(AccountLinking, SourceExampleSaysHowToLinkTheMember) {
    const AccountReport report = check_accounts(source_example());
    const std::string& fix = report.accounts[3].fix;
    EXPECT_NE(fix.find("Partner Central"), std::string::npos);
    EXPECT_NE(fix.find("666677778888"), std::string::npos);
    EXPECT_NE(fix.find("subsidiary account connection"), std::string::npos);
    EXPECT_NE(fix.find("permission in both"), std::string::npos);
}

TEST(AccountLinking, SourceExampleCountsThreeActiveAccountsTwoEarning) {
    const AccountReport report = check_accounts(source_example());
    EXPECT_EQ(report.with_activity, 3);
    EXPECT_EQ(report.with_activity_earning, 2);
}

// States ------------------------------------------------------------------------------------

TEST(AccountLinking, LinkedAccountWithActivityEarnsPoints) {
    const AccountReport report =
        check_accounts({standalone("123456789012", "SaaS product", true, true)});
    EXPECT_EQ(report.accounts[0].state, AccountState::LinkedEarning);
    EXPECT_TRUE(report.accounts[0].earns_points);
    EXPECT_TRUE(report.accounts[0].fix.empty());
}

TEST(AccountLinking, LinkedAccountWithoutActivityIsIdleAndFine) {
    const AccountReport report = check_accounts({standalone("123456789012", "Spare", true, false)});
    EXPECT_EQ(report.accounts[0].state, AccountState::LinkedIdle);
    EXPECT_FALSE(report.accounts[0].earns_points);
    EXPECT_TRUE(report.findings.empty());
}

TEST(AccountLinking, UnlinkedAccountWithoutActivityIsNotNeeded) {
    const AccountReport report =
        check_accounts({standalone("123456789012", "Sandbox", false, false)});
    EXPECT_EQ(report.accounts[0].state, AccountState::NotNeeded);
    EXPECT_TRUE(report.findings.empty());
    EXPECT_TRUE(report.accounts[0].fix.empty());
}

TEST(AccountLinking, UnlinkedStandaloneWithActivityLosesPoints) {
    const AccountReport report =
        check_accounts({standalone("123456789012", "Marketplace", false, true)});
    const AccountStatus& status = report.accounts[0];
    EXPECT_EQ(status.state, AccountState::NotLinkedLosing);
    EXPECT_FALSE(status.earns_points);
    ASSERT_TRUE(has_code(status.findings, "account-not-linked"));
    EXPECT_NE(status.fix.find("123456789012"), std::string::npos);
}

TEST(AccountLinking, StandaloneWarningDoesNotTalkAboutOrganizations) {
    const AccountReport report =
        check_accounts({standalone("123456789012", "Marketplace", false, true)});
    const Finding* finding = find_code(report.accounts[0].findings, "account-not-linked");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->message.find("management account"), std::string::npos);
    EXPECT_EQ(finding->message.find("consolidated billing"), std::string::npos);
}

TEST(AccountLinking, MemberUnderLinkedManagementDoesNotEarnWithoutItsOwnLink) {
    const AccountReport report =
        check_accounts({management(true), member("444455556666", "Project A", false, true)});
    EXPECT_FALSE(report.accounts[1].earns_points);
    EXPECT_EQ(report.accounts[1].state, AccountState::NotLinkedLosing);
}

TEST(AccountLinking, MemberUnderUnlinkedManagementIsToldBillingDoesNotAggregatePoints) {
    const AccountReport report =
        check_accounts({management(false), member("444455556666", "Project A", false, true),
                        member("555566667777", "Project B", true, true)});
    const Finding* finding = find_code(report.accounts[1].findings, "account-not-linked");
    ASSERT_NE(finding, nullptr);
    EXPECT_NE(finding->message.find("consolidated billing"), std::string::npos);
    EXPECT_EQ(finding->message.find("Linking the management account"), std::string::npos);
}

TEST(AccountLinking, UnlinkedManagementAccountWithActivityLosesPoints) {
    const AccountReport report =
        check_accounts({management(false, true), member("444455556666", "Project A", true, false)});
    EXPECT_EQ(report.accounts[0].state, AccountState::NotLinkedLosing);
    EXPECT_FALSE(report.accounts[0].fix.empty());
}

TEST(AccountLinking, OnlyManagementLinkedWhileMembersRunActivityIsFlaggedOnTheManagement) {
    const AccountReport report =
        check_accounts({management(true), member("444455556666", "Project A", false, true),
                        member("555566667777", "Project B", false, true),
                        member("666677778888", "Archive", false, false)});
    const Finding* finding =
        find_code(report.accounts[0].findings, "account-only-management-linked");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->severity, Severity::Warning);
    EXPECT_NE(finding->message.find("444455556666, 555566667777"), std::string::npos);
    EXPECT_EQ(finding->message.find("666677778888"), std::string::npos);
    EXPECT_NE(report.accounts[0].fix.find("444455556666, 555566667777"), std::string::npos);
}

TEST(AccountLinking, OnlyManagementLinkedWithIdleMembersIsFine) {
    const AccountReport report =
        check_accounts({management(true, true), member("444455556666", "Archive", false, false)});
    EXPECT_TRUE(report.findings.empty());
    EXPECT_EQ(report.accounts[0].state, AccountState::LinkedEarning);
}

TEST(AccountLinking, StatesHaveStableNamesAndDescriptions) {
    EXPECT_EQ(to_string(AccountState::LinkedEarning), "linked_earning");
    EXPECT_EQ(to_string(AccountState::LinkedIdle), "linked_idle");
    EXPECT_EQ(to_string(AccountState::NotLinkedLosing), "not_linked_losing");
    EXPECT_EQ(to_string(AccountState::NotNeeded), "not_needed");
    EXPECT_EQ(describe(AccountState::LinkedEarning), "Linked and earning points");
    EXPECT_FALSE(describe(AccountState::NotLinkedLosing).empty());
}

// Structure ---------------------------------------------------------------------------------

TEST(AccountStructure, TwelveDigitIdIsAccepted) {
    const AccountReport report = check_accounts({standalone("000011112222", "Zeros", true, true)});
    EXPECT_FALSE(has_code(report.findings, "account-id-format"));
}

TEST(AccountStructure, IdsThatAreNotExactlyTwelveDigitsAreErrors) {
    for (const char* id : {"11112222333", "1111222233334", "11112222333a", " 11122223333",
                           "1111-2222-33", "", "١١١١٢٢٢٢٣٣٣٣"}) {
        const AccountReport report = check_accounts({standalone(id, "Bad", true, true)});
        const Finding* finding = find_code(report.findings, "account-id-format");
        ASSERT_NE(finding, nullptr) << id;
        EXPECT_EQ(finding->severity, Severity::Error);
        EXPECT_EQ(finding->path, "accounts[0].id");
    }
}

TEST(AccountStructure, RepeatedIdIsAnErrorOnTheLaterAccount) {
    const AccountReport report = check_accounts({standalone("123456789012", "One", true, true),
                                                 standalone("123456789012", "Two", true, true)});
    EXPECT_FALSE(has_code(report.accounts[0].findings, "account-id-duplicate"));
    const Finding* finding = find_code(report.accounts[1].findings, "account-id-duplicate");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->severity, Severity::Error);
    EXPECT_NE(finding->message.find("accounts[0]"), std::string::npos);
}

TEST(AccountStructure, EmptyNameIsAWarning) {
    const AccountReport report = check_accounts({standalone("123456789012", "", true, true)});
    const Finding* finding = find_code(report.findings, "account-name-empty");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->severity, Severity::Warning);
    EXPECT_EQ(finding->path, "accounts[0].name");
}

TEST(AccountStructure, MemberWithoutParentIsAnError) {
    Account orphan = member("444455556666", "Project A", true, true);
    orphan.parent.reset();
    const AccountReport report = check_accounts({orphan});
    const Finding* finding = find_code(report.findings, "account-member-no-parent");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->severity, Severity::Error);
    EXPECT_EQ(finding->path, "accounts[0].parent");
}

TEST(AccountStructure, MemberWhoseParentIsNotInTheDocumentIsAnError) {
    const AccountReport report = check_accounts({member("444455556666", "Project A", true, true)});
    const Finding* finding = find_code(report.findings, "account-parent-missing");
    ASSERT_NE(finding, nullptr);
    EXPECT_NE(finding->message.find(kManagementId), std::string::npos);
}

TEST(AccountStructure, MemberWhoseParentIsNotAManagementAccountIsAnError) {
    Account parent = standalone(kManagementId, "Not an org", true, false);
    const AccountReport report =
        check_accounts({parent, member("444455556666", "Project A", true, true)});
    EXPECT_TRUE(has_code(report.accounts[1].findings, "account-parent-not-management"));
}

TEST(AccountStructure, StandaloneAccountWithParentIsAnError) {
    Account account = standalone("123456789012", "Tools", true, true);
    account.parent = kManagementId;
    const AccountReport report = check_accounts({management(true), account});
    EXPECT_TRUE(has_code(report.accounts[1].findings, "account-standalone-has-parent"));
}

TEST(AccountStructure, ManagementAccountWithParentIsAnError) {
    Account nested = make_account("999988887777", "Nested org", AccountRole::Management, true,
                                  false, kManagementId);
    const AccountReport report = check_accounts({management(true), nested});
    const Finding* finding =
        find_code(report.accounts[1].findings, "account-management-has-parent");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->severity, Severity::Error);
}

TEST(AccountStructure, ManagementAccountWithoutMembersGetsATip) {
    const AccountReport report = check_accounts({management(true, true)});
    const Finding* finding = find_code(report.findings, "account-management-no-members");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(finding->severity, Severity::Tip);
}

TEST(AccountStructure, ReportListsErrorsBeforeWarnings) {
    const AccountReport report = check_accounts(
        {standalone("123456789012", "", false, true), standalone("12345", "Short id", true, true)});
    ASSERT_GE(report.findings.size(), 3u);
    EXPECT_EQ(report.findings[0].severity, Severity::Error);
    EXPECT_EQ(report.findings[0].code, "account-id-format");
    EXPECT_EQ(report.findings.back().severity, Severity::Warning);
}

// Tree --------------------------------------------------------------------------------------

TEST(AccountTree, RootIsThePartnerCentralAccount) {
    const AccountReport report = check_accounts({});
    EXPECT_EQ(report.tree.kind, AccountTreeNode::Kind::PartnerCentral);
    EXPECT_TRUE(report.tree.children.empty());
    EXPECT_EQ(report.with_activity, 0);
}

TEST(AccountTree, ManagementAccountHoldsItsOrganizationAndMembers) {
    const AccountReport report = check_accounts(source_example());
    ASSERT_EQ(report.tree.children.size(), 1u);
    const AccountTreeNode& management_node = report.tree.children[0];
    EXPECT_EQ(management_node.kind, AccountTreeNode::Kind::Account);
    EXPECT_EQ(management_node.account_index, 0);
    EXPECT_EQ(management_node.label, "Org management (111122223333)");
    ASSERT_EQ(management_node.children.size(), 1u);
    const AccountTreeNode& organization = management_node.children[0];
    EXPECT_EQ(organization.kind, AccountTreeNode::Kind::Organization);
    EXPECT_EQ(organization.children.size(), 3u);
}

TEST(AccountTree, MembersAreSortedByNameWhetherLinkedOrNot) {
    const AccountReport report = check_accounts(
        {management(true), member("444455556666", "Beta", false, true),
         member("555566667777", "Zeta", true, true), member("666677778888", "Alpha", true, false)});
    const AccountTreeNode& organization = report.tree.children.at(0).children.at(0);
    ASSERT_EQ(organization.children.size(), 3u);
    EXPECT_EQ(organization.children[0].account_index, 3);
    EXPECT_EQ(organization.children[1].account_index, 1);
    EXPECT_EQ(organization.children[2].account_index, 2);
}

// Issue 18: linking an account re-sorted the tree, so the next click on the same spot hit
// another account.
TEST(AccountTree, LinkingAnAccountKeepsItsPlaceInTheTree) {
    std::vector<Account> accounts = {management(true), member("444455556666", "Beta", false, true),
                                     member("555566667777", "Alpha", false, true),
                                     member("666677778888", "Gamma", true, true)};
    auto order = [](const AccountReport& report) {
        std::vector<long> out;
        for (const AccountTreeNode& n : report.tree.children.at(0).children.at(0).children)
            out.push_back(n.account_index);
        return out;
    };
    const std::vector<long> before = order(check_accounts(accounts));
    accounts[1].linked = true;
    EXPECT_EQ(order(check_accounts(accounts)), before);
    accounts[3].linked = false;
    EXPECT_EQ(order(check_accounts(accounts)), before);
}

TEST(AccountTree, StandaloneAccountsGoUnderOtherAccounts) {
    const AccountReport report =
        check_accounts({standalone("123456789012", "Tools", true, true), management(true),
                        member("444455556666", "Project A", true, true)});
    ASSERT_EQ(report.tree.children.size(), 2u);
    EXPECT_EQ(report.tree.children[0].account_index, 1);
    const AccountTreeNode& others = report.tree.children[1];
    EXPECT_EQ(others.kind, AccountTreeNode::Kind::OtherAccounts);
    ASSERT_EQ(others.children.size(), 1u);
    EXPECT_EQ(others.children[0].account_index, 0);
}

TEST(AccountTree, MemberWhoseManagementIsMissingGoesUnderOtherAccounts) {
    const AccountReport report = check_accounts({member("444455556666", "Project A", true, true)});
    ASSERT_EQ(report.tree.children.size(), 1u);
    EXPECT_EQ(report.tree.children[0].kind, AccountTreeNode::Kind::OtherAccounts);
    EXPECT_EQ(report.tree.children[0].children.at(0).account_index, 0);
}

TEST(AccountTree, ManagementAccountsAreSortedByNameWhetherLinkedOrNot) {
    Account unlinked_management =
        make_account("999988887777", "Another org", AccountRole::Management, false, false);
    const AccountReport report = check_accounts(
        {unlinked_management, management(true), member("444455556666", "P", true, true),
         make_account("555566667777", "Q", AccountRole::Member, true, true, "999988887777")});
    ASSERT_EQ(report.tree.children.size(), 2u);
    EXPECT_EQ(report.tree.children[0].account_index, 0); // "Another org"
    EXPECT_EQ(report.tree.children[1].account_index, 1); // "Org management"
    EXPECT_EQ(report.tree.children[0].children.at(0).children.at(0).account_index, 3);
}

TEST(AccountTree, AccountWithoutNameIsLabelledByItsId) {
    const AccountReport report = check_accounts({standalone("123456789012", "", true, true)});
    EXPECT_EQ(report.tree.children.at(0).children.at(0).label, "123456789012");
}

TEST(AccountParent, AMemberKeepsItsManagementAccount) {
    EXPECT_EQ(parent_to_keep(AccountRole::Member, "111122223333"), "111122223333");
}

TEST(AccountParent, AnEmptyParentIsNone) {
    EXPECT_EQ(parent_to_keep(AccountRole::Member, ""), std::nullopt);
}

TEST(AccountParent, OnlyMembersKeepAParent) {
    EXPECT_EQ(parent_to_keep(AccountRole::Management, "111122223333"), std::nullopt);
    EXPECT_EQ(parent_to_keep(AccountRole::Standalone, "111122223333"), std::nullopt);
}
