// The URL rules of a public reference, and the normal form that makes two spellings one page.
#include "core/checks/url_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "core/text/ascii_text.h"

namespace reftier {

namespace {

bool ends_with_label(std::string_view host, std::string_view name) {
    if (host == name) return true;
    return host.size() > name.size() && host.ends_with(name) &&
           host[host.size() - name.size() - 1] == '.';
}

// Length of the scheme before its ':', or 0 when the text has none. "example.com:8080/x" has
// none: a colon followed only by digits is a port.
std::size_t scheme_length(std::string_view text) {
    if (text.empty() || !is_ascii_alpha(text[0])) return 0;
    std::size_t colon = 1;
    while (colon < text.size() && (is_ascii_alpha(text[colon]) || is_ascii_digit(text[colon]) ||
                                   text[colon] == '+' || text[colon] == '-' || text[colon] == '.'))
        ++colon;
    if (colon >= text.size() || text[colon] != ':') return 0;
    std::size_t after = colon + 1;
    while (after < text.size() && is_ascii_digit(text[after])) ++after;
    const bool only_port_digits =
        after > colon + 1 && (after == text.size() || text.find_first_of("/?#", after) == after);
    return only_port_digits ? 0 : colon;
}

// The pieces of "scheme://user@host:port/path" that the checks look at. Backslashes end the
// authority as they do in browsers, so "https://evil.example\@good.example" has host evil.example.
struct Authority {
    bool present = false; // "//" followed the scheme
    bool has_userinfo = false;
    std::string_view host; // IPv6 literals keep their brackets
    bool has_port = false;
    std::string_view port;
    std::string_view rest; // path, query and fragment
};

Authority split_authority(std::string_view after_scheme) {
    Authority parts;
    if (!after_scheme.starts_with("//")) {
        parts.rest = after_scheme;
        return parts;
    }
    after_scheme.remove_prefix(2);
    parts.present = true;
    const std::size_t end = std::min(after_scheme.find_first_of("/?#\\"), after_scheme.size());
    std::string_view host_port = after_scheme.substr(0, end);
    parts.rest = after_scheme.substr(end);
    const std::size_t at = host_port.rfind('@');
    if (at != std::string_view::npos) {
        parts.has_userinfo = true;
        host_port.remove_prefix(at + 1);
    }
    std::size_t host_end = std::min(host_port.find(':'), host_port.size());
    if (host_port.starts_with('[')) { // an IPv6 literal has colons of its own
        const std::size_t close = host_port.find(']');
        host_end = close == std::string_view::npos ? host_port.size() : close + 1;
    }
    parts.host = host_port.substr(0, host_end);
    if (host_end < host_port.size() && host_port[host_end] == ':') {
        parts.has_port = true;
        parts.port = host_port.substr(host_end + 1);
    }
    return parts;
}

// Dotted decimal only, each part 0-255 without leading zeros (browsers read "010" as octal,
// so such a host would not be the address it seems to be).
std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
    std::uint32_t address = 0;
    for (int part = 0; part < 4; ++part) {
        const std::size_t dot = text.find('.');
        const std::string_view digits = text.substr(0, dot);
        if (digits.empty() || digits.size() > 3 || (digits.size() > 1 && digits[0] == '0'))
            return std::nullopt;
        unsigned value = 0;
        for (char c : digits) {
            if (!is_ascii_digit(c)) return std::nullopt;
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        if (value > 255) return std::nullopt;
        address = (address << 8) | value;
        const bool last = part == 3;
        if (last != (dot == std::string_view::npos)) return std::nullopt;
        if (!last) text.remove_prefix(dot + 1);
    }
    return address;
}

struct Ipv4Range {
    std::uint32_t base;
    int prefix_bits;
};

// Not reachable from the internet: "this network", private (RFC 1918), carrier-grade NAT,
// loopback, link-local, multicast and reserved.
constexpr std::array<Ipv4Range, 8> kPrivateIpv4Ranges{{
    {0x00000000u, 8},
    {0x0A000000u, 8},
    {0x64400000u, 10},
    {0x7F000000u, 8},
    {0xA9FE0000u, 16},
    {0xAC100000u, 12},
    {0xC0A80000u, 16},
    {0xE0000000u, 3},
}};

bool is_private_ipv4(std::uint32_t address) {
    for (const Ipv4Range& range : kPrivateIpv4Ranges) {
        const std::uint32_t mask = ~0u << (32 - range.prefix_bits);
        if ((address & mask) == range.base) return true;
    }
    return false;
}

using Ipv6Groups = std::array<std::uint16_t, 8>;

// Hex groups separated by ':' (the very last may be dotted IPv4), appended to `groups`.
bool parse_ipv6_groups(std::string_view text, bool may_end_in_ipv4, Ipv6Groups& groups,
                       std::size_t& count) {
    while (!text.empty()) {
        const std::size_t colon = text.find(':');
        const std::string_view group = text.substr(0, colon);
        if (colon == std::string_view::npos && may_end_in_ipv4 &&
            group.find('.') != std::string_view::npos) {
            const auto v4 = parse_ipv4(group);
            if (!v4 || count + 2 > groups.size()) return false;
            groups[count++] = static_cast<std::uint16_t>(*v4 >> 16);
            groups[count++] = static_cast<std::uint16_t>(*v4 & 0xffff);
            return true;
        }
        if (group.empty() || group.size() > 4 || count == groups.size()) return false;
        unsigned value = 0;
        for (char c : group) {
            const char lower = static_cast<char>(c | 0x20);
            if (is_ascii_digit(c))
                value = value * 16 + static_cast<unsigned>(c - '0');
            else if (lower >= 'a' && lower <= 'f')
                value = value * 16 + 10u + (lower - 'a');
            else
                return false;
        }
        groups[count++] = static_cast<std::uint16_t>(value);
        if (colon == std::string_view::npos) break;
        text.remove_prefix(colon + 1);
        if (text.empty()) return false; // trailing single ':'
    }
    return true;
}

// "::1", "fe80::1", "::ffff:10.0.0.1"; no zone ids (a zone only means something on one machine).
std::optional<Ipv6Groups> parse_ipv6(std::string_view text) {
    Ipv6Groups head{}, tail{};
    std::size_t head_count = 0, tail_count = 0;
    const std::size_t gap = text.find("::");
    if (gap == std::string_view::npos) {
        if (!parse_ipv6_groups(text, true, head, head_count) || head_count != 8)
            return std::nullopt;
        return head;
    }
    const std::string_view after = text.substr(gap + 2);
    if (after.find("::") != std::string_view::npos) return std::nullopt;
    if (!parse_ipv6_groups(text.substr(0, gap), false, head, head_count) ||
        !parse_ipv6_groups(after, true, tail, tail_count) || head_count + tail_count > 7)
        return std::nullopt;
    Ipv6Groups groups{};
    for (std::size_t i = 0; i < head_count; ++i) groups[i] = head[i];
    for (std::size_t i = 0; i < tail_count; ++i) groups[8 - tail_count + i] = tail[i];
    return groups;
}

bool is_private_ipv6(const Ipv6Groups& g) {
    const bool first_five_zero = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
    if (first_five_zero && g[5] == 0 && g[6] == 0 && g[7] <= 1) return true; // :: and ::1
    if (first_five_zero && g[5] == 0xffff)                                   // IPv4-mapped
        return is_private_ipv4((static_cast<std::uint32_t>(g[6]) << 16) | g[7]);
    return (g[0] & 0xfe00) == 0xfc00     // unique local
           || (g[0] & 0xffc0) == 0xfe80  // link-local
           || (g[0] & 0xff00) == 0xff00; // multicast
}

// Names that only resolve inside a company network or on one machine.
constexpr std::array<std::string_view, 8> kPrivateHostSuffixes{
    "localhost", "local", "internal", "lan", "corp", "home.arpa", "intranet", "localdomain"};

bool is_top_level_domain(std::string_view label) {
    if (label.starts_with("xn--")) return label.size() > 4; // punycode IDN
    bool has_non_ascii = false;
    for (char c : label) {
        if (static_cast<unsigned char>(c) >= 0x80)
            has_non_ascii = true;
        else if (!is_ascii_alpha(c))
            return false;
    }
    return has_non_ascii || label.size() >= 2;
}

// In double quotes, with control characters shown as \u00XX so none reaches the screen raw.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

class UrlFindings {
  public:
    explicit UrlFindings(std::string_view path) : path_(path) {}

    void add(std::string_view code, std::string message, Severity severity = Severity::Error) {
        Finding finding;
        finding.severity = severity;
        finding.code = std::string(code);
        finding.message = std::move(message);
        finding.path = std::string(path_);
        findings_.push_back(std::move(finding));
    }

    std::vector<Finding> take() { return std::move(findings_); }
    bool empty() const { return findings_.empty(); }

  private:
    std::string_view path_;
    std::vector<Finding> findings_;
};

constexpr std::string_view kNotReachable =
    "; a public reference must be reachable from the internet";

void check_ip_host(std::string_view host, bool is_private, UrlFindings& out) {
    if (is_private)
        out.add(kUrlPrivateHost,
                quoted(host) + " is a private network address" + std::string(kNotReachable));
    else
        out.add(kUrlIpHost,
                quoted(host) + " is a bare IP address; public pages normally have a domain name",
                Severity::Warning);
}

void check_host_name(std::string_view written_host, UrlFindings& out) {
    std::string host = ascii_lower(written_host);
    if (host.starts_with('[')) {
        const auto groups = host.ends_with(']')
                                ? parse_ipv6(std::string_view(host).substr(1, host.size() - 2))
                                : std::nullopt;
        if (!groups)
            out.add(kUrlHost, quoted(written_host) + " is not a valid IPv6 address");
        else
            check_ip_host(written_host, is_private_ipv6(*groups), out);
        return;
    }
    if (host.ends_with('.')) host.pop_back(); // "example.com." is the same fully-qualified name
    if (host.find_first_not_of("0123456789.") == std::string::npos) {
        const auto v4 = parse_ipv4(host);
        if (!v4)
            out.add(kUrlHost, quoted(written_host) + " is not a valid IP address");
        else
            check_ip_host(written_host, is_private_ipv4(*v4), out);
        return;
    }
    for (char c : host) {
        const bool allowed = is_ascii_alpha(c) || is_ascii_digit(c) || c == '-' || c == '.' ||
                             c == '_' || static_cast<unsigned char>(c) >= 0x80;
        if (!allowed) {
            out.add(kUrlHost, "the host name " + quoted(written_host) + " contains " +
                                  quoted(std::string_view(&c, 1)) +
                                  ", which a web address cannot have");
            return;
        }
    }
    if (host.size() > 253 || host.starts_with('.') || host.find("..") != std::string::npos) {
        out.add(kUrlHost, quoted(written_host) + " is not a valid host name");
        return;
    }
    for (std::string_view suffix : kPrivateHostSuffixes) {
        if (ends_with_label(host, suffix)) {
            out.add(kUrlPrivateHost, quoted(written_host) + " is a local or intranet host name" +
                                         std::string(kNotReachable));
            return;
        }
    }
    const std::size_t last_dot = host.rfind('.');
    if (last_dot == std::string::npos) {
        out.add(kUrlPrivateHost, quoted(written_host) +
                                     " has no domain, so it only works inside a private network" +
                                     std::string(kNotReachable));
        return;
    }
    if (!is_top_level_domain(std::string_view(host).substr(last_dot + 1)))
        out.add(kUrlHost, quoted(written_host) + " does not end in a real top-level domain");
}

bool is_valid_port(std::string_view port) {
    if (port.empty() || port.size() > 5) return false;
    unsigned value = 0;
    for (char c : port) {
        if (!is_ascii_digit(c)) return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value >= 1 && value <= 65535;
}

} // namespace

std::vector<Finding> check_url(std::string_view url, std::string_view path) {
    UrlFindings out(path);
    const std::string_view text = trim(url);
    if (text.empty()) {
        out.add(kUrlEmpty, "a URL is required: the address of the public page");
        return out.take();
    }
    for (unsigned char c : url) {
        if (is_ascii_space_or_control(c)) {
            out.add(kUrlWhitespace,
                    "the URL contains spaces or control characters; remove them (write a space "
                    "inside a path as %20)");
            break;
        }
    }
    if (url.find('\\') != std::string_view::npos)
        out.add(kUrlBackslash, "the URL contains a backslash; browsers read it as /, so write /");

    const std::size_t scheme_size = scheme_length(text);
    if (scheme_size == 0) {
        out.add(kUrlNoScheme, "the URL must start with https:// (or http://)");
        return out.take();
    }
    const std::string scheme = ascii_lower(text.substr(0, scheme_size));
    if (scheme != "http" && scheme != "https") {
        out.add(kUrlScheme, "scheme must be http or https, not " + scheme + ":");
        return out.take();
    }
    const Authority parts = split_authority(text.substr(scheme_size + 1));
    if (parts.has_userinfo)
        out.add(kUrlCredentials, "the URL carries credentials (user:password@); remove them");
    if (!parts.present || parts.host.empty()) {
        out.add(kUrlNoHost, "the URL has no host: write it as " + scheme + "://example.com/page");
        return out.take();
    }
    if (parts.has_port && !is_valid_port(parts.port))
        out.add(kUrlPort, "the port " + quoted(parts.port) + " must be a number from 1 to 65535");
    check_host_name(parts.host, out);
    if (scheme == "http" && out.empty()) // said once the URL is otherwise right
        out.add(kUrlPlainHttp,
                "the page is served over plain http://: use its https:// address if it has one "
                "(browsers mark http pages \"Not secure\", and readers may not open it)",
                Severity::Tip);
    return out.take();
}

bool is_safe_to_open(std::string_view url) {
    for (const Finding& finding : check_url(url))
        if (finding.severity == Severity::Error) return false;
    return true;
}

std::string normalize_url_for_compare(std::string_view url) {
    const std::string_view text = trim(url);
    const std::size_t scheme_size = scheme_length(text);
    const std::string scheme = ascii_lower(text.substr(0, scheme_size));
    if (scheme_size > 0 && scheme != "http" && scheme != "https") return ascii_lower(text);

    // "https://x.com/a", "//x.com/a" and a draft's "x.com/a" all name the same page.
    std::string_view after_scheme = scheme_size > 0 ? text.substr(scheme_size + 1) : text;
    while (after_scheme.starts_with('/')) after_scheme.remove_prefix(1);
    std::string with_slashes = "//";
    with_slashes += after_scheme;
    const Authority parts = split_authority(with_slashes);

    std::string host = ascii_lower(parts.host);
    if (host.ends_with('.')) host.pop_back();
    if (host.starts_with("www.")) host.erase(0, 4);
    std::string key = "https://" + host;
    if (parts.has_port && parts.port != "80" && parts.port != "443") {
        key += ':';
        key += parts.port;
    }

    std::string_view rest = parts.rest.substr(0, parts.rest.find('#'));
    const std::size_t query = std::min(rest.find('?'), rest.size());
    std::string_view page = rest.substr(0, query);
    while (page.ends_with('/')) page.remove_suffix(1);
    key += page;
    key += rest.substr(query);
    return key;
}

} // namespace reftier
