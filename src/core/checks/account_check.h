// Account linking (PRODUCT.md "Account linking"): only explicitly linked AWS accounts earn APN
// points; linking an Organization's management account does not cover its members. For each
// account: does it earn points, and if it runs partner activity without earning, why and how
// to fix it. Plus structural checks and the tree the app and CLI draw.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/finding.h"
#include "core/model/model.h"

namespace reftier {

enum class AccountState {
    LinkedEarning,   // linked and runs partner activity: earns points
    LinkedIdle,      // linked, no partner activity: fine, nothing to earn
    NotLinkedLosing, // partner activity but not linked: earns nothing (the costly case)
    NotNeeded,       // not linked, no partner activity: nothing lost
};
std::string_view to_string(AccountState state); // "linked_earning", ...
std::string_view describe(AccountState state);  // "Linked and earning points", ...

struct AccountStatus {
    AccountState state = AccountState::NotNeeded;
    bool earns_points = false;
    std::vector<Finding> findings; // path "accounts[i]..."; warnings carry the reason
    std::string fix;               // what to do, empty when nothing is needed
};

struct AccountTreeNode {
    enum class Kind { PartnerCentral, Account, Organization, OtherAccounts } kind = Kind::Account;
    std::string label;
    long account_index = -1; // into Document::accounts for Kind::Account
    std::vector<AccountTreeNode> children;
};

struct AccountReport {
    std::vector<AccountStatus> accounts; // one per Document::accounts entry
    std::vector<Finding> findings;       // every finding, errors first
    AccountTreeNode tree;
    int with_activity = 0;         // accounts that run partner activity
    int with_activity_earning = 0; // ... and earn points
};

AccountReport check_accounts(const std::vector<Account>& accounts);

// The parent an account keeps from its editor: only a member belongs to a management account
// (an Organization has one level), so a parent typed before the role changed is dropped, and
// an empty one means none.
std::optional<std::string> parent_to_keep(AccountRole role, std::string_view parent);

} // namespace reftier
