// Which accounts earn APN points and why not, the structural findings, and the account tree.
#include "core/checks/account_check.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "core/model/enum_names.h"
#include "core/model/reference_name.h"
#include "core/text/ascii_text.h"

namespace reftier {

namespace {

struct StateText {
    AccountState state;
    std::string_view name;
    std::string_view description;
};

constexpr std::array<StateText, 4> kStateTexts{{
    {AccountState::LinkedEarning, "linked_earning", "Linked and earning points"},
    {AccountState::LinkedIdle, "linked_idle", "Linked, no partner activity yet"},
    {AccountState::NotLinkedLosing, "not_linked_losing",
     "Not linked: its partner activity earns no points"},
    {AccountState::NotNeeded, "not_needed", "Not linked, no partner activity to count"},
}};

// The sentences of the seed (PRODUCT.md "Account linking") that the findings repeat.
constexpr std::string_view kEarnsNothing =
    " runs partner activity but is not linked to Partner Central, so that activity earns no APN "
    "points.";
constexpr std::string_view kManagementDoesNotCover =
    " does not cover member accounts, and consolidated billing does not aggregate points.";
constexpr std::string_view kOnlyLinkedEarn =
    " Only explicitly linked accounts earn; consolidated billing through the Organization does "
    "not aggregate points.";
constexpr std::string_view kLinkPermission =
    " signed in with an IAM role or user that has permission in both the AWS account and "
    "Partner Central.";

constexpr std::string_view kPartnerCentralLabel = "Partner Central account";
constexpr std::string_view kOrganizationLabel = "AWS Organization";
constexpr std::string_view kOtherAccountsLabel = "Other accounts";

constexpr std::size_t kAccountIdLength = 12;

bool is_account_id(std::string_view id) {
    if (id.size() != kAccountIdLength) return false;
    return std::all_of(id.begin(), id.end(), is_ascii_digit);
}

std::string account_path(std::size_t index, std::string_view field) {
    return "accounts[" + std::to_string(index) + "]." + std::string(field);
}

// "Member account 444455556666 (Project A)", as the findings name an account.
std::string describe_account(const Account& account) {
    std::string text = std::string(to_label(account.role)) + " " + account.id;
    if (!account.name.empty()) text += " (" + account.name + ")";
    return text;
}

// `what` is "this account" or "each member account that runs partner activity"; `ids` lists them.
std::string link_fix(std::string_view what, std::string_view ids) {
    return "In Partner Central, link " + std::string(what) +
           " as a subsidiary account connection, requested by 12-digit id (" + std::string(ids) +
           ")," + std::string(kLinkPermission);
}

AccountState state_of(const Account& account) {
    if (account.linked)
        return account.partner_activity ? AccountState::LinkedEarning : AccountState::LinkedIdle;
    return account.partner_activity ? AccountState::NotLinkedLosing : AccountState::NotNeeded;
}

void add_finding(AccountStatus& status, Severity severity, std::string_view code,
                 std::string message, std::string path) {
    Finding finding;
    finding.severity = severity;
    finding.code = code;
    finding.message = std::move(message);
    finding.path = std::move(path);
    status.findings.push_back(std::move(finding));
}

// Ids, names, and the parent pointer each role allows.
void check_structure(const std::vector<Account>& accounts,
                     const std::unordered_map<std::string, std::size_t>& first_with_id,
                     std::size_t index, AccountStatus& status) {
    const Account& account = accounts[index];
    if (!is_account_id(account.id))
        add_finding(status, Severity::Error, "account-id-format",
                    "Account id \"" + account.id + "\" must be exactly 12 digits (0-9).",
                    account_path(index, "id"));
    const std::size_t first = first_with_id.at(account.id);
    if (first != index)
        add_finding(status, Severity::Error, "account-id-duplicate",
                    "Account id " + account.id + " is already used by accounts[" +
                        std::to_string(first) + "]; each AWS account appears once.",
                    account_path(index, "id"));
    if (account.name.empty())
        add_finding(status, Severity::Warning, "account-name-empty",
                    "Account " + account.id + " has no name; a name tells accounts apart.",
                    account_path(index, "name"));

    if (account.role != AccountRole::Member) {
        if (!account.parent) return;
        const bool management = account.role == AccountRole::Management;
        add_finding(status, Severity::Error,
                    management ? "account-management-has-parent" : "account-standalone-has-parent",
                    describe_account(account) + " has parent " + *account.parent +
                        (management ? "; a management account is the root of its Organization."
                                    : "; only member accounts have a parent."),
                    account_path(index, "parent"));
        return;
    }
    if (!account.parent) {
        add_finding(status, Severity::Error, "account-member-no-parent",
                    describe_account(account) +
                        " names no parent; set it to its Organization's management account id.",
                    account_path(index, "parent"));
        return;
    }
    const auto parent_it = first_with_id.find(*account.parent);
    if (parent_it == first_with_id.end()) {
        add_finding(status, Severity::Error, "account-parent-missing",
                    describe_account(account) + " names parent " + *account.parent +
                        ", which is not an account in this document.",
                    account_path(index, "parent"));
        return;
    }
    const Account& parent = accounts[parent_it->second];
    if (parent.role != AccountRole::Management)
        add_finding(status, Severity::Error, "account-parent-not-management",
                    describe_account(account) + " names parent " + *account.parent +
                        ", which is a " + std::string(to_json_name(parent.role)) +
                        " account, not a management account.",
                    account_path(index, "parent"));
}

void check_linking(const std::vector<Account>& accounts, const std::vector<long>& organization_of,
                   std::size_t index, AccountStatus& status) {
    if (status.state != AccountState::NotLinkedLosing) return;
    const Account& account = accounts[index];
    std::string message = describe_account(account) + std::string(kEarnsNothing);
    if (account.role == AccountRole::Member) {
        const long root = organization_of[index];
        if (root >= 0 && accounts[static_cast<std::size_t>(root)].linked)
            message += " Linking the management account " +
                       accounts[static_cast<std::size_t>(root)].id +
                       std::string(kManagementDoesNotCover);
        else
            message += kOnlyLinkedEarn;
    }
    add_finding(status, Severity::Warning, "account-not-linked", std::move(message),
                account_path(index, "linked"));
    status.fix = link_fix("this account", account.id);
}

// The seed's warning case: the management account is linked, none of its members is, and
// members run the partner activity, so the Organization earns nothing for it.
void check_organization(const std::vector<Account>& accounts, std::size_t management_index,
                        const std::vector<std::size_t>& members, AccountStatus& status) {
    const Account& management = accounts[management_index];
    if (members.empty()) {
        add_finding(status, Severity::Tip, "account-management-no-members",
                    describe_account(management) +
                        " has no member accounts here; add those that run partner activity, or "
                        "mark it standalone if it is not an Organization's management account.",
                    account_path(management_index, "role"));
        return;
    }
    if (!management.linked) return;
    std::string active_unlinked;
    for (std::size_t member : members) {
        if (accounts[member].linked) return;
        if (!accounts[member].partner_activity) continue;
        if (!active_unlinked.empty()) active_unlinked += ", ";
        active_unlinked += accounts[member].id;
    }
    if (active_unlinked.empty()) return;
    add_finding(status, Severity::Warning, "account-only-management-linked",
                describe_account(management) +
                    " is the only linked account of its Organization, yet partner activity runs "
                    "in member accounts that are not linked (" +
                    active_unlinked + "). Linking the management account" +
                    std::string(kManagementDoesNotCover),
                account_path(management_index, "linked"));
    status.fix = link_fix("each member account that runs partner activity", active_unlinked);
}

// By name and id, never by state: linking an account must not move it under the pointer,
// where the next click would hit another account (issue 18).
void sort_for_tree(const std::vector<Account>& accounts, std::vector<std::size_t>& indices) {
    std::sort(indices.begin(), indices.end(), [&](std::size_t a, std::size_t b) {
        const Account& x = accounts[a];
        const Account& y = accounts[b];
        if (x.name != y.name) return x.name < y.name;
        if (x.id != y.id) return x.id < y.id;
        return a < b;
    });
}

AccountTreeNode account_node(const std::vector<Account>& accounts, std::size_t index) {
    AccountTreeNode node;
    node.kind = AccountTreeNode::Kind::Account;
    node.label = account_name(accounts[index]);
    node.account_index = static_cast<long>(index);
    return node;
}

AccountTreeNode group_node(AccountTreeNode::Kind kind, std::string_view label,
                           const std::vector<Account>& accounts,
                           const std::vector<std::size_t>& indices) {
    AccountTreeNode node;
    node.kind = kind;
    node.label = label;
    for (std::size_t index : indices) node.children.push_back(account_node(accounts, index));
    return node;
}

} // namespace

std::string_view to_string(AccountState state) {
    for (const StateText& text : kStateTexts)
        if (text.state == state) return text.name;
    return {};
}

std::optional<std::string> parent_to_keep(AccountRole role, std::string_view parent) {
    if (role != AccountRole::Member || parent.empty()) return std::nullopt;
    return std::string(parent);
}

std::string_view describe(AccountState state) {
    for (const StateText& text : kStateTexts)
        if (text.state == state) return text.description;
    return {};
}

AccountReport check_accounts(const std::vector<Account>& accounts) {
    AccountReport report;
    const std::size_t count = accounts.size();

    // A repeated id resolves to its first account, which is the one members attach to.
    std::unordered_map<std::string, std::size_t> first_with_id;
    for (std::size_t i = 0; i < count; ++i) first_with_id.emplace(accounts[i].id, i);

    // organization_of[i]: the management account a member belongs to, or -1.
    std::vector<long> organization_of(count, -1);
    std::vector<std::vector<std::size_t>> members_of(count);
    for (std::size_t i = 0; i < count; ++i) {
        const Account& account = accounts[i];
        if (account.role != AccountRole::Member || !account.parent) continue;
        const auto parent_it = first_with_id.find(*account.parent);
        if (parent_it == first_with_id.end()) continue;
        if (accounts[parent_it->second].role != AccountRole::Management) continue;
        organization_of[i] = static_cast<long>(parent_it->second);
        members_of[parent_it->second].push_back(i);
    }

    report.accounts.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        AccountStatus& status = report.accounts[i];
        status.state = state_of(accounts[i]);
        status.earns_points = status.state == AccountState::LinkedEarning;
        check_structure(accounts, first_with_id, i, status);
        check_linking(accounts, organization_of, i, status);
        if (accounts[i].role == AccountRole::Management)
            check_organization(accounts, i, members_of[i], status);
        if (accounts[i].partner_activity) ++report.with_activity;
        if (status.earns_points) ++report.with_activity_earning;
        report.findings.insert(report.findings.end(), status.findings.begin(),
                               status.findings.end());
    }
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.severity < b.severity; });

    report.tree.kind = AccountTreeNode::Kind::PartnerCentral;
    report.tree.label = kPartnerCentralLabel;
    std::vector<std::size_t> managements;
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < count; ++i) {
        if (accounts[i].role == AccountRole::Management)
            managements.push_back(i);
        else if (organization_of[i] < 0)
            others.push_back(i); // standalone, and members whose Organization is not here
    }
    sort_for_tree(accounts, managements);
    sort_for_tree(accounts, others);
    for (std::size_t management : managements) {
        AccountTreeNode node = account_node(accounts, management);
        std::vector<std::size_t>& members = members_of[management];
        if (!members.empty()) {
            sort_for_tree(accounts, members);
            node.children.push_back(group_node(AccountTreeNode::Kind::Organization,
                                               kOrganizationLabel, accounts, members));
        }
        report.tree.children.push_back(std::move(node));
    }
    if (!others.empty())
        report.tree.children.push_back(group_node(AccountTreeNode::Kind::OtherAccounts,
                                                  kOtherAccountsLabel, accounts, others));
    return report;
}

} // namespace reftier
