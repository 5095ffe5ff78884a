// JsonCursor: the strict, fast JSON reader the document reader pulls values from one at a time
// (whole text in memory, or piece by piece from a ReadSource). Internal to src/core/format.
#pragma once

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/format/document_json.h"
#include "core/format/json_text.h"
#include "core/text/utf8_text.h"

namespace reftier::detail {

using nlohmann::json;

// How many of the eight bytes at `at` pass is_plain_string_byte before the first that does
// not: most of a document is text inside strings, read this way several times faster than
// byte by byte. Each term marks a byte by its top bit: below 0x20, equal to '"', equal to '\\'
// (the bit tricks "has a byte less than" and "has a zero byte", exact up to the first marked
// byte), or 0x80 and above.
inline int plain_string_bytes(const char* at) {
    constexpr std::uint64_t kOnes = 0x0101010101010101;
    constexpr std::uint64_t kHighs = 0x8080808080808080;
    std::uint64_t word;
    std::memcpy(&word, at, sizeof word);
    const std::uint64_t quote = word ^ (kOnes * '"');
    const std::uint64_t backslash = word ^ (kOnes * '\\');
    const std::uint64_t marks = ((word - kOnes * 0x20) & ~word) | ((quote - kOnes) & ~quote) |
                                ((backslash - kOnes) & ~backslash) | word;
    const std::uint64_t high_marks = marks & kHighs;
    if constexpr (std::endian::native == std::endian::little)
        return std::countr_zero(high_marks) / 8;
    else
        return std::countl_zero(high_marks) / 8;
}

enum class ValueKind { Object, Array, String, Number, True, False, Null, Invalid };

// A strict JSON reader (RFC 8259) over the file text that the document reader below pulls
// values from one at a time, so records are filled straight from the text: building
// nlohmann's DOM first made importing 100,000 references several times slower than the
// browser's JSON.parse. Unknown fields are checked here and then handed to nlohmann as their
// own span of text. The first error stops everything; later calls then do nothing.
//
// The text is either all in memory, or pulled from a ReadSource into a window that holds only
// what is not read yet. The token code reads the window as if it were the whole text; a token
// that runs into the end of the window is read again once more is loaded (read_token), so a
// token split across pieces reads exactly as the same token in one piece.
class JsonCursor {
  public:
    // `depth`: how deep the text sits in a document (a record read back on its own).
    explicit JsonCursor(std::string_view text, int depth = 0)
        : begin_(text.data()), pos_(text.data()), end_(text.data() + text.size()),
          expected_bytes_(text.size()), depth_(depth) {
        skip_byte_order_mark();
    }
    // `expected_bytes`: how long the source's text is said to be, 0 when unknown.
    explicit JsonCursor(const ReadSource& source, std::size_t expected_bytes = 0)
        : source_(&source), source_done_(false), window_(new char[kReadPieceBytes]),
          window_capacity_(kReadPieceBytes), expected_bytes_(expected_bytes) {
        begin_ = pos_ = end_ = window_.get();
        while (static_cast<std::size_t>(end_ - begin_) < kByteOrderMark.size() && load_more()) {
        }
        skip_byte_order_mark();
    }

    // Only whitespace left (or none at all).
    bool at_end() {
        skip_whitespace();
        return pos_ == end_;
    }

    bool failed() const { return !error_.empty(); }
    // How far the reading is into the text, and how long the text is (0: not known).
    std::size_t offset() const { return offset_of(pos_); }
    std::size_t expected_bytes() const { return expected_bytes_; }
    // A raw control character is a syntax error, so only an escape can put one in a string.
    bool last_string_had_escapes() const { return last_string_had_escapes_; }
    const std::string& error() const { return error_; }

    // The kind of the next value, from its first character (whitespace skipped).
    ValueKind next_kind() {
        skip_whitespace();
        if (failed() || pos_ == end_) return ValueKind::Invalid;
        switch (*pos_) {
        case '{':
            return ValueKind::Object;
        case '[':
            return ValueKind::Array;
        case '"':
            return ValueKind::String;
        case 't':
            return ValueKind::True;
        case 'f':
            return ValueKind::False;
        case 'n':
            return ValueKind::Null;
        default:
            return *pos_ == '-' || (*pos_ >= '0' && *pos_ <= '9') ? ValueKind::Number
                                                                  : ValueKind::Invalid;
        }
    }

    // for (bool more = first_member(key); more; more = next_member(key)) read the value;
    // call only when next_kind() is Object.
    bool first_member(std::string& key) {
        if (!open(ValueKind::Object)) return false;
        skip_whitespace();
        if (pos_ < end_ && *pos_ == '}') return close();
        return read_member_name(key);
    }
    bool next_member(std::string& key) {
        switch (after_item('}', "expected , or } after a field")) {
        case After::Comma:
            return read_member_name(key);
        case After::Close:
            return close();
        case After::Error:
            return false;
        }
        return false;
    }

    // for (bool more = first_element(); more; more = next_element()) read the value;
    // call only when next_kind() is Array.
    bool first_element() {
        if (!open(ValueKind::Array)) return false;
        skip_whitespace();
        if (pos_ < end_ && *pos_ == ']') return close();
        return true;
    }
    bool next_element() {
        switch (after_item(']', "expected , or ] after a list element")) {
        case After::Comma:
            return true;
        case After::Close:
            return close();
        case After::Error:
            return false;
        }
        return false;
    }

    // Call only when next_kind() is String.
    bool read_string(std::string& out) {
        return read_token([&] { return read_string_in_window(out); });
    }

    bool read_string_in_window(std::string& out) {
        out.clear();
        last_string_had_escapes_ = false;
        const char* opening = pos_++;
        for (;;) {
            const char* run = pos_;
            while (end_ - pos_ >= 8) {
                const int plain = plain_string_bytes(pos_);
                pos_ += plain;
                if (plain < 8) break;
            }
            while (pos_ < end_ && is_plain_string_byte(static_cast<unsigned char>(*pos_))) ++pos_;
            out.append(run, pos_);
            if (pos_ == end_)
                return fail_syntax(opening,
                                   "the file ends early, inside a string (is it cut off?)");
            const auto c = static_cast<unsigned char>(*pos_);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c == '\\') {
                if (!read_escape(out)) return false;
                continue;
            }
            if (c < 0x20) return fail_syntax(pos_, describe_byte(pos_) + " must be escaped");
            const std::size_t length = utf8_sequence_length(pos_, end_);
            if (length == 0) return fail_encoding(pos_);
            out.append(pos_, length);
            pos_ += length;
        }
    }

    // Checks the next value and returns its text.
    std::string_view skip_value() {
        const ValueKind kind = next_kind();
        // The value's text must stay in the window until it is returned.
        const std::size_t start = offset_of(pos_);
        const std::size_t outer_pin = pinned_;
        pinned_ = std::min(pinned_, start);
        switch (kind) {
        case ValueKind::Object:
            for (bool more = first_member(scratch_); more; more = next_member(scratch_))
                skip_value();
            break;
        case ValueKind::Array:
            for (bool more = first_element(); more; more = next_element()) skip_value();
            break;
        case ValueKind::String:
            read_string(scratch_);
            break;
        case ValueKind::Number:
            skip_number();
            break;
        case ValueKind::True:
            skip_literal("true");
            break;
        case ValueKind::False:
            skip_literal("false");
            break;
        case ValueKind::Null:
            skip_literal("null");
            break;
        case ValueKind::Invalid:
            fail_unexpected();
            break;
        }
        pinned_ = outer_pin;
        const char* first = begin_ + (start - dropped_);
        return failed() ? std::string_view() : std::string_view(first, pos_ - first);
    }

    // A value this copy does not interpret (unknown fields, the version number), as nlohmann
    // sees it. Depth is already limited here, so nlohmann never recurses deeply.
    json parse_value() {
        const std::string_view text = skip_value();
        if (failed()) return nullptr;
        json value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
        if (value.is_discarded()) fail_syntax(text.data(), "a value that cannot be read");
        return value;
    }

    void expect_end() {
        skip_whitespace();
        if (!failed() && pos_ != end_)
            fail_syntax(pos_, "unexpected text after the end of the document");
    }

  private:
    enum class After { Comma, Close, Error };

    void skip_whitespace() {
        for (;;) {
            while (pos_ < end_ && (*pos_ == ' ' || *pos_ == '\n' || *pos_ == '\r' || *pos_ == '\t'))
                ++pos_;
            if (pos_ < end_ || !load_more()) break;
        }
        // Enough for a literal, a UTF-8 sequence or a message quoting the next character.
        while (!source_done_ && static_cast<std::size_t>(end_ - pos_) < kLookahead && load_more()) {
        }
    }

    void skip_byte_order_mark() {
        if (std::string_view(begin_, end_ - begin_).starts_with(kByteOrderMark))
            begin_ = pos_ = begin_ + kByteOrderMark.size();
    }

    // Offset from the start of the text (after a byte order mark) of a byte in the window.
    std::size_t offset_of(const char* at) const { return dropped_ + (at - begin_); }

    // Drops what is read (but not a pinned value) and appends the next piece of the source;
    // false once the source has ended.
    bool load_more() {
        if (source_done_) return false;
        const char* keep = pos_;
        if (pinned_ < offset_of(pos_)) keep = begin_ + (pinned_ - dropped_);
        for (const char* at = begin_;
             (at = static_cast<const char*>(std::memchr(at, '\n', keep - at))) != nullptr; ++at) {
            ++dropped_lines_;
            dropped_line_start_ = offset_of(at) + 1;
        }
        dropped_ += keep - begin_;
        const std::size_t pos_in_window = pos_ - keep;
        const std::size_t kept = end_ - keep;
        if (kept + kReadPieceBytes > window_capacity_) {
            window_capacity_ = std::max(2 * window_capacity_, kept + kReadPieceBytes);
            std::unique_ptr<char[]> larger(new char[window_capacity_]);
            std::memcpy(larger.get(), keep, kept);
            window_ = std::move(larger);
        } else {
            std::memmove(window_.get(), keep, kept);
        }
        const std::size_t added =
            std::min((*source_)(window_.get() + kept, kReadPieceBytes), kReadPieceBytes);
        source_done_ = added == 0;
        begin_ = window_.get();
        pos_ = begin_ + pos_in_window;
        end_ = begin_ + kept + added;
        return !source_done_;
    }

    // Bytes a token reader may look past where it stops: a literal (false), a UTF-8 sequence,
    // a \u escape.
    static constexpr std::size_t kLookahead = 16;

    // Runs `read_here` (a string or number reader) on the window. When it got within
    // kLookahead of the window's end before the text's end, what it saw may be cut: it reads
    // the token again from its start after loading at least twice what it read, so even a
    // token of megabytes is read only a few times.
    template <typename Read> bool read_token(Read read_here) {
        const bool failed_before = failed();
        const std::size_t start = offset_of(pos_);
        for (;;) {
            const bool ok = read_here();
            if (source_done_ || static_cast<std::size_t>(end_ - pos_) >= kLookahead) return ok;
            if (!failed_before) error_.clear();
            const std::size_t read_bytes = offset_of(pos_) - start;
            pos_ = begin_ + (start - dropped_);
            while (static_cast<std::size_t>(end_ - pos_) < 2 * read_bytes + kLookahead &&
                   load_more()) {
            }
        }
    }

    bool fail(std::string message) {
        if (!failed()) error_ = std::move(message);
        return false;
    }
    bool fail_syntax(const char* at, std::string_view reason) {
        return fail("not valid JSON at " + line_and_column(at) + ": " + std::string(reason));
    }
    bool fail_encoding(const char* at) {
        return fail("not UTF-8 text (invalid byte at " + line_and_column(at) +
                    "); RefTier files are UTF-8: save the file as UTF-8 and try again");
    }
    bool fail_unexpected() {
        if (failed()) return false;
        if (pos_ == end_) return fail_syntax(pos_, "the file ends early (is it cut off?)");
        if (utf8_sequence_length(pos_, end_) == 0) return fail_encoding(pos_);
        return fail_syntax(pos_, "unexpected " + describe_byte(pos_) + " where a value should be");
    }

    // Lines and columns count bytes from the start of the text, dropped ones included.
    std::string line_and_column(const char* at) const {
        std::size_t line = dropped_lines_ + 1;
        std::size_t line_start = dropped_line_start_;
        for (const char* c = begin_; c < at; ++c) {
            if (*c != '\n') continue;
            ++line;
            line_start = offset_of(c) + 1;
        }
        return "line " + std::to_string(line) + ", column " +
               std::to_string(offset_of(at) - line_start + 1);
    }

    // "'x'" for a printable character, "control character U+0001" otherwise.
    std::string describe_byte(const char* at) const {
        const auto c = static_cast<unsigned char>(*at);
        if (c < 0x20 || c == 0x7F) {
            char code[32];
            std::snprintf(code, sizeof code, "control character U+%04X", c);
            return code;
        }
        // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "'" + std::string(...).
        std::string quoted = "'";
        quoted.append(at, std::max<std::size_t>(1, utf8_sequence_length(at, end_)));
        quoted += '\'';
        return quoted;
    }

    bool open(ValueKind kind) {
        if (next_kind() != kind) return fail_unexpected();
        ++pos_;
        if (++depth_ > kMaxNestingDepth)
            return fail("the JSON nests deeper than " + std::to_string(kMaxNestingDepth) +
                        " levels; a RefTier document needs only a few");
        return true;
    }
    bool close() {
        ++pos_;
        --depth_;
        return false;
    }

    After after_item(char closing, std::string_view expected) {
        skip_whitespace();
        if (failed()) return After::Error;
        if (pos_ < end_ && *pos_ == ',') {
            ++pos_;
            return After::Comma;
        }
        if (pos_ < end_ && *pos_ == closing) return After::Close;
        if (pos_ == end_)
            fail_unexpected();
        else
            fail_syntax(pos_, expected);
        return After::Error;
    }

    bool read_member_name(std::string& key) {
        skip_whitespace();
        if (pos_ == end_) return fail_unexpected();
        if (*pos_ != '"') return fail_syntax(pos_, "expected a field name in double quotes");
        if (!read_string(key)) return false;
        skip_whitespace();
        if (pos_ == end_) return fail_unexpected();
        if (*pos_ != ':') return fail_syntax(pos_, "expected : after a field name");
        ++pos_;
        return true;
    }

    bool read_hex4(unsigned& code) {
        if (end_ - pos_ < 4) return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *pos_++;
            const char lower = static_cast<char>(c | 0x20);
            if (c >= '0' && c <= '9')
                code = code * 16 + static_cast<unsigned>(c - '0');
            else if (lower >= 'a' && lower <= 'f')
                code = code * 16 + 10u + (lower - 'a');
            else
                return false;
        }
        return true;
    }

    bool read_escape(std::string& out) {
        last_string_had_escapes_ = true;
        const char* at = pos_;
        if (end_ - pos_ < 2)
            return fail_syntax(at, "the file ends early, inside a string (is it cut off?)");
        const char kind = pos_[1];
        pos_ += 2;
        if (const std::size_t simple = kEscapeLetters.find(kind);
            simple != std::string_view::npos) {
            out += kEscapedBytes[simple];
            return true;
        }
        if (kind != 'u') return fail_syntax(at, "unknown escape in a string");
        unsigned code = 0;
        if (!read_hex4(code)) return fail_syntax(at, "\\u needs four hex digits");
        const bool high_surrogate = code >= 0xD800 && code <= 0xDBFF;
        const bool low_surrogate = code >= 0xDC00 && code <= 0xDFFF;
        if (low_surrogate) return fail_syntax(at, "a \\u surrogate that is not part of a pair");
        if (high_surrogate) {
            unsigned low = 0;
            const bool escape_follows = end_ - pos_ >= 6 && pos_[0] == '\\' && pos_[1] == 'u';
            if (escape_follows) pos_ += 2;
            if (!escape_follows || !read_hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return fail_syntax(at, "a \\u surrogate that is not part of a pair");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, code);
        return true;
    }

    void skip_digits() {
        while (pos_ < end_ && *pos_ >= '0' && *pos_ <= '9') ++pos_;
    }

    bool skip_number() {
        return read_token([&] { return skip_number_in_window(); });
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, and finite as a double.
    bool skip_number_in_window() {
        const char* start = pos_;
        auto digit_here = [this] { return pos_ < end_ && *pos_ >= '0' && *pos_ <= '9'; };
        if (*pos_ == '-') ++pos_;
        if (!digit_here()) return fail_syntax(start, "a number needs digits");
        if (*pos_++ != '0') skip_digits();
        if (pos_ < end_ && *pos_ == '.') {
            ++pos_;
            if (!digit_here()) return fail_syntax(start, "a number needs digits after .");
            skip_digits();
        }
        if (pos_ < end_ && (*pos_ == 'e' || *pos_ == 'E')) {
            ++pos_;
            if (pos_ < end_ && (*pos_ == '+' || *pos_ == '-')) ++pos_;
            if (!digit_here()) return fail_syntax(start, "a number needs digits after e");
            skip_digits();
        }
        const std::string digits(start, pos_); // strtod needs the terminating NUL
        if (!std::isfinite(std::strtod(digits.c_str(), nullptr)))
            return fail_syntax(start, "the number " + digits + " is too large");
        return true;
    }

    bool skip_literal(std::string_view literal) {
        if (static_cast<std::size_t>(end_ - pos_) < literal.size() ||
            std::string_view(pos_, literal.size()) != literal)
            return fail_syntax(pos_, "expected a value (true, false, null, a number, a string, "
                                     "a list or an object)");
        pos_ += literal.size();
        return true;
    }

    const char* begin_; // the window: the text after its byte order mark, or what is not read yet
    const char* pos_;
    const char* end_;
    const ReadSource* source_ = nullptr; // null: the whole text is in the window
    bool source_done_ = true;
    std::unique_ptr<char[]> window_; // reading from a source: what is not read yet, then room
    std::size_t window_capacity_ = 0;
    std::size_t expected_bytes_ = 0;
    std::size_t dropped_ = 0;            // bytes of the text before begin_
    std::size_t dropped_lines_ = 0;      // line breaks among them
    std::size_t dropped_line_start_ = 0; // offset of the first byte after the last of them
    std::size_t pinned_ = SIZE_MAX;      // offset of the first byte skip_value still needs
    int depth_ = 0;
    std::string scratch_; // strings and names of skipped values
    bool last_string_had_escapes_ = false;
    std::string error_;
};

} // namespace reftier::detail
