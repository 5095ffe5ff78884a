// Fuzz target: the title checker, with the shipped rules (assets/title_rules.json, loaded once).
//
// Input layout: fields separated by the ASCII unit separator 0x1F, so any other byte (line
// breaks, tabs, control characters, which the CLI's check-title passes through) can reach the
// title:  title 0x1F customer 0x1F workload 0x1F industry 0x1F services 0x1F sibling...
// services is a comma-separated list; every field after it is a sibling title. Missing fields
// are empty, so a plain file is just a title.
//
// Properties: the score is 0..100; findings have a code and a message, sit at path "title" and
// come errors first; every span lies inside the title and, when the title is UTF-8, starts and
// ends on a character boundary (the editor highlights exactly those bytes); a suggestion scores
// better than the title it replaces and is UTF-8 when the record is.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../support/split_fields.h"
#include "core/checks/title_check.h"
#include "core/format/text_file.h"
#include "fuzz_check.h"

using namespace reftier;

namespace {

constexpr char kFieldSeparator = '\x1f';

const TitleRules& shipped_title_rules() {
    static const TitleRulesLoad load = [] {
        const auto text = read_text_file(REFTIER_FUZZ_ASSETS_DIR "/title_rules.json");
        const auto services = read_text_file(REFTIER_FUZZ_ASSETS_DIR "/aws_services.json");
        FUZZ_CHECK(text.has_value() && services.has_value(), "the title assets are readable");
        TitleRulesLoad loaded = load_title_rules_text(*text, *services);
        FUZZ_CHECK(loaded.rules != nullptr, "assets/title_rules.json loads");
        return loaded;
    }();
    return *load.rules;
}

// RFC 3629 UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        unsigned char low = 0x80, high = 0xBF;
        if (lead < 0x80)
            length = 1;
        else if (lead >= 0xC2 && lead <= 0xDF)
            length = 2;
        else if (lead == 0xE0)
            length = 3, low = 0xA0;
        else if (lead == 0xED)
            length = 3, high = 0x9F;
        else if (lead >= 0xE1 && lead <= 0xEF)
            length = 3;
        else if (lead == 0xF0)
            length = 4, low = 0x90;
        else if (lead == 0xF4)
            length = 4, high = 0x8F;
        else if (lead >= 0xF1 && lead <= 0xF3)
            length = 4;
        else
            return false;
        if (i + length > text.size()) return false;
        if (length > 1) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            if (second < low || second > high) return false;
            for (std::size_t k = 2; k < length; ++k)
                if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        }
        i += length;
    }
    return true;
}

bool is_character_boundary(std::string_view text, std::size_t offset) {
    return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

void check_report(std::string_view title, const TitleReport& report) {
    FUZZ_CHECK(report.score >= 0 && report.score <= 100, "the score is 0..100");
    const bool utf8_title = is_utf8(title);
    bool seen_non_error = false;
    for (const Finding& finding : report.findings) {
        FUZZ_CHECK(!finding.code.empty() && !finding.message.empty(),
                   "a finding has a code and a message");
        FUZZ_CHECK(finding.path == "title", "a title finding sits at path \"title\"");
        if (finding.severity != Severity::Error) seen_non_error = true;
        FUZZ_CHECK(!(seen_non_error && finding.severity == Severity::Error), "errors come first");
        for (const Span& span : finding.spans) {
            FUZZ_CHECK(span.begin <= title.size() && span.length <= title.size() - span.begin,
                       "a span lies inside the title");
            if (utf8_title)
                FUZZ_CHECK(is_character_boundary(title, span.begin) &&
                               is_character_boundary(title, span.begin + span.length),
                           "a span starts and ends on a UTF-8 character boundary");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string_view> fields = test::split_fields(
        std::string_view(reinterpret_cast<const char*>(data), size), kFieldSeparator);
    const auto field = [&](std::size_t i) { return i < fields.size() ? fields[i] : ""; };

    const std::string_view title = field(0);
    TitleContext context;
    context.customer = field(1);
    context.workload = field(2);
    context.industry = field(3);
    if (!field(4).empty()) context.services = test::split_fields(field(4), ',');
    for (std::size_t i = 5; i < fields.size(); ++i) context.sibling_titles.push_back(fields[i]);

    const TitleRules& rules = shipped_title_rules();
    const TitleReport report = check_title(title, context, rules);
    check_report(title, report);

    if (!report.suggestion.empty()) {
        const TitleReport suggested = check_title(report.suggestion, context, rules);
        check_report(report.suggestion, suggested);
        FUZZ_CHECK(suggested.score > report.score,
                   "a suggestion scores better than the title it replaces");
        bool utf8_record = is_utf8(context.workload) && is_utf8(context.industry);
        for (std::string_view service : context.services) utf8_record &= is_utf8(service);
        if (utf8_record)
            FUZZ_CHECK(is_utf8(report.suggestion), "a suggestion from UTF-8 fields is UTF-8");
    }
    return 0;
}
