// Rules for a public reference's URL (PRODUCT.md): http/https only, a real host, no
// credentials, not a private or intranet host. Used by reference_check for findings, by
// document_json to refuse URLs that must never be stored, and by the UI before opening a link.
#pragma once

#include <string_view>
#include <vector>

#include "finding.h"

namespace reftier {

// All problems with the URL, each with code and message; `path` is copied into each finding.
std::vector<Finding> check_url(std::string_view url, std::string_view path = "url");

// True only for an absolute http/https URL with a host and no credentials: the only kind the
// app will ever open in a new tab.
bool is_safe_to_open(std::string_view url);

// Lower-cased scheme + host + path with "www.", default ports, fragments and a trailing slash
// removed, so two spellings of one page compare equal for duplicate detection.
std::string normalize_url_for_compare(std::string_view url);

} // namespace reftier
