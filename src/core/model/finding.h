// What every check reports: a severity, a stable code for scripts, a one-line reason, and
// where it applies (the JSON path of the field, and for text checks the offending span).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reftier {

enum class Severity { Error, Warning, Tip };

constexpr std::string_view to_string(Severity s) {
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Tip:
        return "tip";
    }
    return "error";
}

// Byte offsets into the checked text (UTF-8).
struct Span {
    std::size_t begin = 0;
    std::size_t length = 0;
    bool operator==(const Span&) const = default;
};

struct Finding {
    Severity severity = Severity::Error;
    std::string code;        // stable, kebab-case, e.g. "url-scheme", "title-generic"
    std::string message;     // one plain sentence
    std::string path;        // JSON path, e.g. "references[3].url"; empty when not tied to a field
    std::vector<Span> spans; // offending parts of the text, when known
    std::string related_id;  // for duplicates: the id of the other reference

    bool operator==(const Finding&) const = default;
};

inline bool has_errors(const std::vector<Finding>& findings) {
    for (const auto& f : findings)
        if (f.severity == Severity::Error) return true;
    return false;
}

} // namespace reftier
