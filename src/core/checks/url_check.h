// Rules for a public reference's URL (docs/format.md "references"): http/https only, a real host,
// no credentials, not a private or intranet host. Used by reference_check for findings, by
// document_json to refuse URLs that must never be stored, and by the UI before opening a link.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/finding.h"

namespace reftier {

// Finding codes, stable for scripts. All are errors except kUrlIpHost (a warning) and
// kUrlPlainHttp (a tip, given only when nothing else is wrong with the URL).
inline constexpr std::string_view kUrlEmpty = "url-empty";
inline constexpr std::string_view kUrlWhitespace = "url-whitespace"; // spaces, control chars
inline constexpr std::string_view kUrlBackslash = "url-backslash";   // browsers read \ as /
inline constexpr std::string_view kUrlNoScheme = "url-no-scheme";    // "www.example.com"
inline constexpr std::string_view kUrlScheme = "url-scheme";         // javascript:, ftp:, ...
inline constexpr std::string_view kUrlCredentials = "url-credentials";
inline constexpr std::string_view kUrlNoHost = "url-no-host";
inline constexpr std::string_view kUrlHost = "url-host"; // not a valid public host name
inline constexpr std::string_view kUrlPort = "url-port";
inline constexpr std::string_view kUrlPrivateHost = "url-private-host";
inline constexpr std::string_view kUrlIpHost = "url-ip-host";       // public IP instead of a name
inline constexpr std::string_view kUrlPlainHttp = "url-plain-http"; // a tip: http://, not https://

// All problems with the URL, each with code and message; `path` is copied into each finding.
std::vector<Finding> check_url(std::string_view url, std::string_view path = "url");

// True only for an absolute http/https URL with a public host and no credentials (check_url
// reports no error): the only kind the app will ever open in a new tab.
bool is_safe_to_open(std::string_view url);

// Lower-cased scheme + host + path + query with "www.", default ports, fragments and a
// trailing slash removed, so two spellings of one page compare equal for duplicate detection.
// http and https give the same key (one page served both ways), and so does a draft URL
// typed without a scheme. Other schemes are only trimmed and lower-cased.
std::string normalize_url_for_compare(std::string_view url);

} // namespace reftier
