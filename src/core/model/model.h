// The RefTier data model: a partner's public references, AWS accounts and tier rules, as kept in
// one document. Plain data; the rules that judge it live in their own files (reference_check,
// title_check, tier_progress, account_check). Field names follow docs/format.md.
#pragma once

#include <chrono>
#include <map>
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
    std::optional<std::string>
        ace_opportunity_id; // "O1234567": the launched opportunity it came from
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

// A tier's requirement beside the public-reference count ("Launched Opportunities", 20),
// counted from the partner's own Partner Scorecard figures.
struct TierRequirement {
    std::string id;   // lower-case words joined by "_": "launched_opportunities"
    std::string name; // as the Partner Scorecard names it: "Launched Opportunities"
    int required = 0;
    nlohmann::json unknown_fields;

    bool operator==(const TierRequirement&) const = default;
};

struct TierRule {
    std::string name;            // "Select"
    std::optional<int> required; // distinct qualifying public references; nullopt: no such tier
    std::vector<TierRequirement> requirements;
    nlohmann::json unknown_fields;

    bool operator==(const TierRule&) const = default;
};

// The tiers of one programme as one source states them (assets/tier_rules.json), or as a partner
// copied them from their scorecard (Document::rule_sets).
struct RuleSet {
    std::string id;   // "apn-2021-consulting"
    std::string name; // "APN Consulting Partner tiers, 2021"
    PartnerPath path = PartnerPath::Consulting;
    int review_business_days = 5; // Public References Tool review time
    std::string source;           // where the numbers come from, shown beside them
    bool verified = false;        // checked against an AWS document
    std::vector<TierRule> tiers;  // lowest first
    nlohmann::json unknown_fields;

    bool operator==(const RuleSet&) const = default;
};

// The partner's current count per requirement id, as their Partner Scorecard shows it ("X of
// Y": the X). A requirement without a count is not met.
using Scorecard = std::map<std::string, int>;

struct PartnerProfile {
    std::string name;
    PartnerPath path = PartnerPath::Consulting;
    std::string rule_set = "apn-2021-consulting";
    Scorecard scorecard;
    nlohmann::json unknown_fields;

    bool operator==(const PartnerProfile&) const = default;
};

struct Document {
    PartnerProfile partner;
    std::vector<RuleSet> rule_sets; // the partner's own; one with a shipped id replaces it
    std::vector<Reference> references;
    std::vector<Account> accounts;
    nlohmann::json unknown_fields;

    bool operator==(const Document&) const = default;
};

} // namespace reftier
