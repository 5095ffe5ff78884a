#include <gtest/gtest.h>

#include "core/checks/url_check.h"

using namespace reftier;

namespace {

std::vector<std::string> codes_of(std::string_view url) {
    std::vector<std::string> codes;
    for (const Finding& finding : check_url(url)) codes.push_back(finding.code);
    return codes;
}

// The message of the one finding, or how many findings there were instead.
std::string only_message(std::string_view url) {
    const std::vector<Finding> findings = check_url(url);
    if (findings.size() == 1) return findings[0].message;
    return std::to_string(findings.size()) + " findings";
}

using Codes = std::vector<std::string>;

} // namespace

TEST(UrlCheck, AcceptsAnHttpsUrlWithPathAndQuery) {
    EXPECT_EQ(codes_of("https://example.com/customers/acme-retail?lang=en#top"), Codes{});
}

// Issue 18: a plain http:// public URL got no hint.
TEST(UrlCheck, AcceptsPlainHttpWithATipToUseHttps) {
    const std::vector<Finding> findings = check_url("http://aws.amazon.com/partners/");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "url-plain-http");
    EXPECT_EQ(findings[0].severity, Severity::Tip);
    EXPECT_NE(findings[0].message.find("https://"), std::string::npos);
    EXPECT_TRUE(is_safe_to_open("http://aws.amazon.com/partners/"));
}

TEST(UrlCheck, GivesTheHttpsTipOnlyWhenNothingElseIsWrong) {
    EXPECT_EQ(codes_of("http://intranet/wiki"), Codes{"url-private-host"});
}

TEST(UrlCheck, AcceptsAnUpperCaseSchemeAndHost) {
    EXPECT_EQ(codes_of("HTTPS://WWW.EXAMPLE.COM/Case"), Codes{});
}

TEST(UrlCheck, AcceptsAnInternationalisedDomainName) {
    EXPECT_EQ(codes_of("https://bücher.de/kunden"), Codes{});
    EXPECT_EQ(codes_of("https://xn--bcher-kva.de/kunden"), Codes{});
}

TEST(UrlCheck, AcceptsAnExplicitPort) {
    EXPECT_EQ(codes_of("https://example.com:8443/case"), Codes{});
}

TEST(UrlCheck, ReportsAnEmptyUrl) {
    EXPECT_EQ(codes_of(""), Codes{"url-empty"});
    EXPECT_EQ(codes_of("   "), Codes{"url-empty"});
}

TEST(UrlCheck, ReportsSpacesInsideTheUrl) {
    EXPECT_EQ(codes_of("https://example.com/acme retail"), Codes{"url-whitespace"});
}

TEST(UrlCheck, ReportsControlCharactersAsWhitespace) {
    EXPECT_EQ(codes_of("https://example.com/a\tb"), Codes{"url-whitespace"});
}

TEST(UrlCheck, ReportsABackslash) {
    EXPECT_EQ(codes_of("https://example.com\\@evil.example/"), Codes{"url-backslash"});
}

TEST(UrlCheck, ReportsAMissingScheme) {
    EXPECT_EQ(codes_of("www.example.com/acme"), Codes{"url-no-scheme"});
    EXPECT_EQ(only_message("example.com:8080/acme"),
              "the URL must start with https:// (or http://)");
}

TEST(UrlCheck, NamesAJavascriptSchemeInTheMessage) {
    EXPECT_EQ(codes_of("javascript:alert(1)"), Codes{"url-scheme"});
    EXPECT_EQ(only_message("javascript:alert(1)"), "scheme must be http or https, not javascript:");
}

TEST(UrlCheck, RecognisesASchemeInAnyCase) {
    EXPECT_EQ(only_message("JaVaScRiPt:alert(1)"), "scheme must be http or https, not javascript:");
}

TEST(UrlCheck, NamesDataFileAndFtpSchemes) {
    EXPECT_EQ(only_message("data:text/html,<b>x</b>"), "scheme must be http or https, not data:");
    EXPECT_EQ(only_message("file:///etc/passwd"), "scheme must be http or https, not file:");
    EXPECT_EQ(only_message("ftp://example.com/a.pdf"), "scheme must be http or https, not ftp:");
}

TEST(UrlCheck, SeesASchemeBehindLeadingWhitespace) {
    EXPECT_EQ(codes_of(" javascript:alert(1)"), (Codes{"url-whitespace", "url-scheme"}));
}

TEST(UrlCheck, ReportsCredentials) {
    EXPECT_EQ(codes_of("https://user:secret@example.com/acme"), Codes{"url-credentials"});
}

TEST(UrlCheck, ReportsAUserNameAloneAsCredentials) {
    EXPECT_EQ(codes_of("https://example.com@evil.example/acme"), Codes{"url-credentials"});
}

TEST(UrlCheck, ReportsAMissingHost) {
    EXPECT_EQ(codes_of("https:///acme"), Codes{"url-no-host"});
    EXPECT_EQ(codes_of("https:example.com"), Codes{"url-no-host"});
}

TEST(UrlCheck, ReportsAnInvalidPort) {
    EXPECT_EQ(codes_of("https://example.com:99999/"), Codes{"url-port"});
    EXPECT_EQ(codes_of("https://example.com:http/"), Codes{"url-port"});
}

TEST(UrlCheck, ReportsAHostWithoutARealTopLevelDomain) {
    EXPECT_EQ(codes_of("https://example.123/"), Codes{"url-host"});
}

TEST(UrlCheck, ReportsCharactersAHostCannotHave) {
    EXPECT_EQ(codes_of("https://%6c%6fcalhost/"), Codes{"url-host"});
    EXPECT_EQ(codes_of("https://exa..mple.com/"), Codes{"url-host"});
}

TEST(UrlCheck, ReportsASingleLabelHostAsPrivate) {
    EXPECT_EQ(codes_of("http://intranet/wiki"), Codes{"url-private-host"});
}

class PrivateHosts : public testing::TestWithParam<const char*> {};

TEST_P(PrivateHosts, AreReportedAsPrivate) {
    EXPECT_EQ(codes_of(GetParam()), Codes{"url-private-host"}) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(
    UrlCheck, PrivateHosts,
    testing::Values("http://localhost/", "http://LOCALHOST:3000/x", "http://app.localhost/",
                    "https://printer.local/", "https://wiki.internal/page", "https://nas.lan/",
                    "https://portal.corp/", "https://router.home.arpa/", "http://127.0.0.1/",
                    "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/",
                    "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
                    "http://0.0.0.0/", "http://[::1]/", "http://[::]/", "http://[fc00::1]/",
                    "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/"));

TEST(UrlCheck, WarnsAboutAPublicIpAddress) {
    const std::vector<Finding> findings = check_url("http://172.32.0.1/");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, "url-ip-host");
    EXPECT_EQ(findings[0].severity, Severity::Warning);
    EXPECT_EQ(codes_of("http://[2001:db8::1]/"), Codes{"url-ip-host"});
}

TEST(UrlCheck, RefusesAnIpAddressWithLeadingZeros) {
    // Browsers read 0177.0.0.1 as octal, i.e. 127.0.0.1.
    EXPECT_EQ(codes_of("http://0177.0.0.1/"), Codes{"url-host"});
}

TEST(UrlCheck, ReportsAMalformedIpv6Literal) {
    EXPECT_EQ(codes_of("http://[1:2:3:4:5:6:7:8:9]/"), Codes{"url-host"});
    EXPECT_EQ(codes_of("http://[::1::2]/"), Codes{"url-host"});
}

TEST(UrlCheck, ShowsControlCharactersEscapedInMessages) {
    for (const Finding& finding : check_url("https://exa\x01mple.com/")) {
        EXPECT_EQ(finding.message.find('\x01'), std::string::npos) << finding.code;
    }
    EXPECT_EQ(codes_of("https://exa\x01mple.com/"), (Codes{"url-whitespace", "url-host"}));
}

TEST(UrlCheck, CopiesThePathIntoEachFinding) {
    const std::vector<Finding> findings = check_url("ftp://x", "references[3].url");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].path, "references[3].url");
    EXPECT_EQ(findings[0].severity, Severity::Error);
}

TEST(UrlSafeToOpen, AllowsAPublicHttpsUrl) {
    EXPECT_TRUE(is_safe_to_open("https://example.com/customers/acme"));
}

TEST(UrlSafeToOpen, AllowsAPublicIpAddress) {
    EXPECT_TRUE(is_safe_to_open("http://8.8.8.8/"));
}

TEST(UrlSafeToOpen, RefusesEveryOtherKind) {
    for (const char* url :
         {"", "javascript:alert(1)", "data:text/html,x", "example.com/acme", "//example.com/a",
          "https://user:pw@example.com/", "http://localhost/", "http://192.168.0.1/",
          "https://example.com/a b", "https://exa mple.com/"})
        EXPECT_FALSE(is_safe_to_open(url)) << url;
}

TEST(UrlNormalize, IgnoresCaseOfSchemeAndHostAndALeadingWww) {
    EXPECT_EQ(normalize_url_for_compare("HTTPS://WWW.Example.COM/case"),
              normalize_url_for_compare("https://example.com/case"));
}

TEST(UrlNormalize, TreatsHttpAndHttpsAsOnePage) {
    EXPECT_EQ(normalize_url_for_compare("http://example.com/case"), "https://example.com/case");
}

TEST(UrlNormalize, DropsDefaultPortsButKeepsOthers) {
    EXPECT_EQ(normalize_url_for_compare("https://example.com:443/a"), "https://example.com/a");
    EXPECT_EQ(normalize_url_for_compare("http://example.com:80/a"), "https://example.com/a");
    EXPECT_EQ(normalize_url_for_compare("https://example.com:8443/a"),
              "https://example.com:8443/a");
}

TEST(UrlNormalize, DropsTheFragmentAndATrailingSlash) {
    EXPECT_EQ(normalize_url_for_compare("https://example.com/case/#results"),
              "https://example.com/case");
    EXPECT_EQ(normalize_url_for_compare("https://example.com/"), "https://example.com");
}

TEST(UrlNormalize, KeepsTheQueryAndTheCaseOfThePath) {
    EXPECT_EQ(normalize_url_for_compare("https://example.com/Case/?id=7"),
              "https://example.com/Case?id=7");
    EXPECT_NE(normalize_url_for_compare("https://example.com/?id=7"),
              normalize_url_for_compare("https://example.com/?id=8"));
}

TEST(UrlNormalize, GivesADraftWithoutSchemeTheSameKey) {
    EXPECT_EQ(normalize_url_for_compare(" www.example.com/case "), "https://example.com/case");
}

TEST(UrlNormalize, OnlyLowerCasesOtherSchemes) {
    EXPECT_EQ(normalize_url_for_compare("MAILTO:Team@Example.com"), "mailto:team@example.com");
}
