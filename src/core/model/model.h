// The RefTier data model: a partner's public references and AWS accounts, as kept in one
// document. Plain data; the rules that judge it live in their own files (reference_check,
// title_check, tier_progress, account_check). Field names follow PRODUCT.md "The document format".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace reftier {

using Date = std::chrono::year_month_day;

enum class AssetType { CaseStudy, NewsArticle, BlogPost, Video, CustomerQuote, LogoPage };
enum class Channel { PublicReferencesTool, AcePipelineManager };
enum class Status { Draft, Submitted, Approved, Rejected };
enum class PartnerPath { Consulting, Technology };
enum class AccountRole { Management, Member, Standalone };

struct Reference {
    std::string id;
    std::string customer;
    std::string title;
    std::string url;
    AssetType asset_type = AssetType::CaseStudy;
    std::string workload;
    std::vector<std::string> services;
    std::string industry;
    Channel channel = Channel::PublicReferencesTool;
    Status status = Status::Draft;
    std::optional<Date> submitted_on;
    std::optional<Date> decided_on;
    std::string notes;
    // Fields this version does not know, kept so a round trip loses nothing (an object or null).
    nlohmann::json unknown_fields;

    bool operator==(const Reference&) const = default;
};

struct Account {
    std::string id; // 12 digits
    std::string name;
    AccountRole role = AccountRole::Standalone;
    std::optional<std::string> parent; // management account id, members only
    bool linked = false;
    bool partner_activity = false;
    nlohmann::json unknown_fields;

    bool operator==(const Account&) const = default;
};

struct PartnerProfile {
    std::string name;
    PartnerPath path = PartnerPath::Consulting;
    std::string rule_set = "apn-2019-consulting";
    nlohmann::json unknown_fields;

    bool operator==(const PartnerProfile&) const = default;
};

struct Document {
    PartnerProfile partner;
    std::vector<Reference> references;
    std::vector<Account> accounts;
    nlohmann::json unknown_fields;

    bool operator==(const Document&) const = default;
};

} // namespace reftier
