// The one table of enum spellings: the JSON interchange spelling (docs/format.md, a contract that
// must not change without a version bump) and the label a person reads. Everything that turns
// an enum into text or back goes through here.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/model/model.h"

namespace reftier {

template <typename E> struct EnumName {
    E value;
    std::string_view json;  // as written in files
    std::string_view label; // as shown to a person
};

inline constexpr std::array<EnumName<AssetType>, 6> kAssetTypeNames{{
    {AssetType::CaseStudy, "case_study", "Case study"},
    {AssetType::NewsArticle, "news_article", "News article"},
    {AssetType::BlogPost, "blog_post", "Blog post"},
    {AssetType::Video, "video", "Video"},
    {AssetType::CustomerQuote, "customer_quote", "Customer quote"},
    {AssetType::LogoPage, "logo_page", "Logo page"},
}};

inline constexpr std::array<EnumName<Channel>, 2> kChannelNames{{
    {Channel::PublicReferencesTool, "public_references_tool", "Public References Tool"},
    {Channel::AcePipelineManager, "ace_pipeline_manager", "ACE Pipeline Manager"},
}};

inline constexpr std::array<EnumName<Status>, 4> kStatusNames{{
    {Status::Draft, "draft", "Draft"},
    {Status::Submitted, "submitted", "Submitted"},
    {Status::Approved, "approved", "Approved"},
    {Status::Rejected, "rejected", "Rejected"},
}};

inline constexpr std::array<EnumName<PartnerPath>, 2> kPartnerPathNames{{
    {PartnerPath::Consulting, "consulting", "Consulting"},
    {PartnerPath::Technology, "technology", "Technology"},
}};

inline constexpr std::array<EnumName<AccountRole>, 3> kAccountRoleNames{{
    {AccountRole::Management, "management", "Management account"},
    {AccountRole::Member, "member", "Member account"},
    {AccountRole::Standalone, "standalone", "Standalone account"},
}};

template <typename E> constexpr const auto& enum_names();
template <> constexpr const auto& enum_names<AssetType>() {
    return kAssetTypeNames;
}
template <> constexpr const auto& enum_names<Channel>() {
    return kChannelNames;
}
template <> constexpr const auto& enum_names<Status>() {
    return kStatusNames;
}
template <> constexpr const auto& enum_names<PartnerPath>() {
    return kPartnerPathNames;
}
template <> constexpr const auto& enum_names<AccountRole>() {
    return kAccountRoleNames;
}

template <typename E> constexpr std::string_view to_json_name(E value) {
    for (const auto& n : enum_names<E>())
        if (n.value == value) return n.json;
    return {};
}

template <typename E> constexpr std::string_view to_label(E value) {
    for (const auto& n : enum_names<E>())
        if (n.value == value) return n.label;
    return {};
}

template <typename E> constexpr std::optional<E> from_json_name(std::string_view text) {
    for (const auto& n : enum_names<E>())
        if (n.json == text) return n.value;
    return std::nullopt;
}

} // namespace reftier
