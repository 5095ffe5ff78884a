#include "core/format/document_json.h"
#include "core/format/storable.h"

#include <bit>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "core/checks/url_check.h"
#include "core/model/date.h"
#include "core/model/enum_names.h"
#include "core/text/utf8_text.h"

namespace reftier {

std::string to_string(const ReadError& error) {
    return error.path.empty() ? error.message : error.path + ": " + error.message;
}

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Versions this copy can read; ones older than kFormatVersion would be migrated first.
constexpr int kOldestReadableVersion = 1;

// A UTF-8 byte order mark carries no meaning; Windows editors add one, so it is skipped.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// JSON's short escapes: the letter after the backslash, and the byte it stands for.
constexpr std::string_view kEscapeLetters = "\"\\/bfnrt";
constexpr std::string_view kEscapedBytes = "\"\\/\b\f\n\r\t";

// ASCII that stands for itself inside a JSON string.
bool is_plain_string_byte(unsigned char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

// How many of the eight bytes at `at` pass is_plain_string_byte before the first that does
// not: most of a document is text inside strings, read this way several times faster than
// byte by byte. Each term marks a byte by its top bit: below 0x20, equal to '"', equal to '\\'
// (the bit tricks "has a byte less than" and "has a zero byte", exact up to the first marked
// byte), or 0x80 and above.
int plain_string_bytes(const char* at) {
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
        : begin_(text.data()), pos_(text.data()), end_(text.data() + text.size()), depth_(depth) {
        skip_byte_order_mark();
    }
    explicit JsonCursor(const ReadSource& source)
        : source_(&source), source_done_(false), window_(new char[kReadPieceBytes]),
          window_capacity_(kReadPieceBytes) {
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
        return "'" + std::string(at, std::max<std::size_t>(1, utf8_sequence_length(at, end_))) +
               "'";
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
    std::size_t dropped_ = 0;            // bytes of the text before begin_
    std::size_t dropped_lines_ = 0;      // line breaks among them
    std::size_t dropped_line_start_ = 0; // offset of the first byte after the last of them
    std::size_t pinned_ = SIZE_MAX;      // offset of the first byte skip_value still needs
    int depth_ = 0;
    std::string scratch_; // strings and names of skipped values
    bool last_string_had_escapes_ = false;
    std::string error_;
};

// Writes JSON text straight into a string, laid out as nlohmann's dump() does (which still
// writes the unknown fields): building an ordered_json first made saving 100,000 references
// take seconds.
class JsonWriter {
  public:
    explicit JsonWriter(int indent, const WriteSink* sink = nullptr)
        : indent_(indent), sink_(sink) {
        if (sink_) out_.reserve(2 * kWritePieceBytes);
    }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view name) {
        start_item();
        write_string(name);
        out_ += indent_ >= 0 ? ": " : ":";
        after_key_ = true;
    }
    void string(std::string_view text) {
        start_item();
        write_string(text);
    }
    void boolean(bool value) {
        start_item();
        out_ += value ? "true" : "false";
    }
    void number(int value) {
        start_item();
        out_ += std::to_string(value);
    }
    void null() {
        start_item();
        out_ += "null";
    }
    // A value this copy does not interpret, indented to sit where it is written.
    void unknown(const json& value) {
        start_item();
        const std::string text = value.dump(indent_, ' ', false, json::error_handler_t::replace);
        if (indent_ < 0) {
            out_ += text;
            return;
        }
        const std::string margin(static_cast<std::size_t>(depth_ * indent_), ' ');
        for (char c : text) {
            out_ += c;
            if (c == '\n') out_ += margin;
        }
    }
    // A document's text ends with a line break, as text files do.
    void end_document() { out_ += '\n'; }
    std::string take() { return std::move(out_); }
    // Hands what is left to the sink.
    void flush() {
        if (!out_.empty()) (*sink_)(out_);
        out_.clear();
    }

  private:
    // Before each value or key: the comma and line break that separate it from the last one.
    void start_item() {
        // Between values, so a piece is never more than one value past kWritePieceBytes.
        if (sink_ && out_.size() >= kWritePieceBytes) flush();
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0) return;
        if (!empty_) out_ += ',';
        empty_ = false;
        new_line();
    }
    void open(char bracket) {
        start_item();
        out_ += bracket;
        ++depth_;
        empty_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (!empty_) new_line();
        empty_ = false;
        out_ += bracket;
    }
    void new_line() {
        if (indent_ < 0) return;
        out_ += '\n';
        out_.append(static_cast<std::size_t>(depth_ * indent_), ' ');
    }

    // Escapes as nlohmann writes them (and DEL too); a byte that is not UTF-8 becomes U+FFFD,
    // since the browser build has no exceptions to report it with.
    void write_string(std::string_view text) {
        out_ += '"';
        const char* at = text.data();
        const char* end = at + text.size();
        while (at < end) {
            const char* run = at;
            // DEL is plain JSON, but written escaped so no file or message carries it raw.
            while (at < end && is_plain_string_byte(static_cast<unsigned char>(*at)) && *at != 0x7f)
                ++at;
            out_.append(run, at);
            if (at == end) break;
            const auto c = static_cast<unsigned char>(*at);
            if (c >= 0x80) {
                const std::size_t length = utf8_sequence_length(at, end);
                out_.append(length ? std::string_view(at, length) : "\xEF\xBF\xBD");
                at += length ? length : 1;
                continue;
            }
            ++at;
            if (const std::size_t simple = kEscapedBytes.find(static_cast<char>(c));
                simple != std::string_view::npos) {
                out_ += '\\';
                out_ += kEscapeLetters[simple];
                continue;
            }
            char code[8];
            std::snprintf(code, sizeof code, "\\u%04x", c);
            out_ += code;
        }
        out_ += '"';
    }

    int indent_;
    const WriteSink* sink_; // null: the whole text stays in out_ for take()
    int depth_ = 0;
    bool empty_ = false;     // the open container has no item yet
    bool after_key_ = false; // a key was written; its value follows on the same line
    std::string out_;
};

// Keeps the first kMaxReadErrors errors and counts the rest for one summary line.
class ReadErrors {
  public:
    void add(std::string path, std::string message) {
        if (errors_.size() < kMaxReadErrors)
            errors_.push_back({std::move(path), std::move(message)});
        else
            ++dropped_;
    }
    bool empty() const { return errors_.empty(); }
    // Drops the errors at `path` and below it: that value was replaced by a later one.
    void forget(const std::string& path) {
        std::erase_if(errors_, [&](const ReadError& e) {
            return e.path.starts_with(path) &&
                   (e.path.size() == path.size() || e.path[path.size()] == '.' ||
                    e.path[path.size()] == '[');
        });
    }
    std::vector<ReadError> take() {
        if (dropped_ > 0)
            errors_.push_back({"", "... and " + std::to_string(dropped_) + " more errors"});
        return std::move(errors_);
    }

  private:
    std::vector<ReadError> errors_;
    std::size_t dropped_ = 0;
};

std::string join_path(std::string_view parent, std::string_view name) {
    std::string path(parent);
    if (!path.empty()) path += '.';
    path += name;
    return path;
}

std::string indexed_path(std::string_view list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

// Where a record sits: "references[3]", "partner", or the top level (""). Made into text only
// when an error needs it, so reading 100,000 good records builds no path strings.
struct RecordPath {
    std::string_view name;
    std::optional<std::size_t> index; // set for an element of a list

    std::string text() const { return index ? indexed_path(name, *index) : std::string(name); }
};

// A value being read and where it sits, so an error can name its path.
struct Field {
    ReadErrors& errors;
    JsonCursor& cursor;
    const RecordPath& record;
    std::string_view name;           // "services"
    std::optional<std::size_t> item; // set for an element of a list of strings

    std::string path() const {
        const std::string path = join_path(record.text(), name);
        return item ? indexed_path(path, *item) : path;
    }
    void fail(std::string message) const { errors.add(path(), std::move(message)); }
};

// A value quoted for a message: JSON-escaped, so no raw control character reaches the screen,
// and cut to a readable length on a UTF-8 boundary.
std::string quote(std::string_view text) {
    constexpr std::size_t kMaxQuotedBytes = 60;
    const bool cut = text.size() > kMaxQuotedBytes;
    if (cut) {
        std::size_t end = kMaxQuotedBytes;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        text = text.substr(0, end);
    }
    JsonWriter out(-1);
    out.string(text);
    std::string quoted = out.take();
    if (cut) quoted.insert(quoted.size() - 1, "...");
    return quoted;
}

// Skips the value at the cursor and says what it was: " (found a list)", " (found 42)".
std::string found(JsonCursor& cursor) {
    constexpr std::size_t kMaxShownBytes = 40;
    const ValueKind kind = cursor.next_kind();
    const std::string_view text = cursor.skip_value();
    switch (kind) {
    case ValueKind::Object:
        return " (found an object)";
    case ValueKind::Array:
        return " (found a list)";
    case ValueKind::String:
        return " (found a string)";
    case ValueKind::Number:
    case ValueKind::True:
    case ValueKind::False:
    case ValueKind::Null:
        return " (found " + std::string(text.substr(0, kMaxShownBytes)) + ")";
    case ValueKind::Invalid:
        return ""; // a syntax error, which the cursor reports
    }
    return "";
}

// For optional fields: true (and the null consumed) when the value is null.
bool skip_null(JsonCursor& cursor) {
    if (cursor.next_kind() != ValueKind::Null) return false;
    cursor.skip_value();
    return true;
}

// A string value into `out`; false (after reporting) for any other kind.
bool read_string_value(const Field& field, std::string& out, std::string_view expected) {
    if (field.cursor.next_kind() == ValueKind::String) return field.cursor.read_string(out);
    field.fail(std::string(expected) + found(field.cursor));
    return false;
}

using TextKind = StoredText;

// The one text rule (storable.h): lengths and control characters.
bool read_text(const Field& field, std::string& out, TextKind kind) {
    if (!read_string_value(field, out, "must be a string")) return false;
    // A raw control character is a syntax error, so only a long or escaped text needs a look.
    if (out.size() <= max_stored_bytes(kind) && !field.cursor.last_string_had_escapes())
        return true;
    std::string problem = stored_text_problem(out, kind);
    if (problem.empty()) return true;
    field.fail(std::move(problem));
    return false;
}

void read_line(const Field& field, std::string& out) {
    read_text(field, out, TextKind::Line);
}

// null replaces a value given earlier in the same object, as in JSON.parse.
void read_optional_line(const Field& field, std::string& out) {
    if (skip_null(field.cursor))
        out.clear();
    else
        read_text(field, out, TextKind::Line);
}

void read_optional_notes(const Field& field, std::string& out) {
    if (skip_null(field.cursor))
        out.clear();
    else
        read_text(field, out, TextKind::Notes);
}

// Reference ids are keys (merge matches by them) and are generated, so never empty. Account
// ids are typed by the partner and may be empty in a draft; account_check judges their form.
void read_reference_id(const Field& field, std::string& out) {
    if (read_text(field, out, TextKind::Line) && out.empty())
        field.fail("must not be empty: every reference needs an id");
}

void read_optional_account_id(const Field& field, std::optional<std::string>& out) {
    if (skip_null(field.cursor)) return out.reset();
    std::string id;
    if (read_text(field, id, TextKind::Line)) out = std::move(id);
}

// Schemes other than http/https and credentials are never stored; everything else about a
// URL is a finding, so a draft can still be saved and fixed later.
void read_url(const Field& field, std::string& out) {
    if (!read_text(field, out, TextKind::Line) || out.empty()) return;
    // The usual case needs no parsing: the scheme is fine and without '@' there are no
    // credentials.
    const bool plain_web_address = out.starts_with("https://") || out.starts_with("http://");
    if (plain_web_address && out.find('@') == std::string::npos) return;
    for (const Finding& finding : check_url(out))
        if (finding.code == kUrlScheme || finding.code == kUrlCredentials)
            field.fail(finding.message);
}

void read_bool(const Field& field, bool& out) {
    const ValueKind kind = field.cursor.next_kind();
    if (kind != ValueKind::True && kind != ValueKind::False)
        return field.fail("must be true or false" + found(field.cursor));
    field.cursor.skip_value();
    out = kind == ValueKind::True;
}

template <typename E> std::string expected_names() {
    const auto& names = enum_names<E>();
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
        text += names[i].json;
    }
    return text;
}

template <typename E> void read_enum(const Field& field, E& out) {
    // Not read_string_value: the list of names is built only for a message.
    if (field.cursor.next_kind() != ValueKind::String)
        return field.fail("must be one of " + expected_names<E>() + found(field.cursor));
    std::string text;
    if (!field.cursor.read_string(text)) return;
    if (const auto parsed = from_json_name<E>(text))
        out = *parsed;
    else
        field.fail("unknown value " + quote(text) + " (expected " + expected_names<E>() + ")");
}

bool has_iso_date_shape(std::string_view text) {
    if (text.size() != 10) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash_here = i == 4 || i == 7;
        if (dash_here ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
    }
    return true;
}

void read_optional_date(const Field& field, std::optional<Date>& out) {
    if (skip_null(field.cursor)) return out.reset();
    std::string text;
    if (!read_string_value(field, text, "must be a date written YYYY-MM-DD, or null")) return;
    out = parse_iso_date(text);
    if (out) return;
    if (has_iso_date_shape(text))
        field.fail(text + " is not a real date");
    else
        field.fail(quote(text) + " is not a date written YYYY-MM-DD");
}

void read_string_list(const Field& field, std::vector<std::string>& out) {
    JsonCursor& cursor = field.cursor;
    if (skip_null(cursor)) return out.clear();
    if (cursor.next_kind() != ValueKind::Array)
        return field.fail("must be a list of strings" + found(cursor));
    out.clear(); // a field given twice: the last one counts, as in JSON.parse
    for (bool more = cursor.first_element(); more; more = cursor.next_element()) {
        const std::size_t item = out.size();
        read_line(Field{field.errors, cursor, field.record, field.name, item}, out.emplace_back());
    }
}

template <typename E> void write_enum(JsonWriter& out, E value) {
    out.string(to_json_name(value));
}

void write_date(JsonWriter& out, const std::optional<Date>& date) {
    if (date)
        out.string(format_iso_date(*date));
    else
        out.null();
}

void write_strings(JsonWriter& out, const std::vector<std::string>& strings) {
    out.begin_array();
    for (const std::string& text : strings) out.string(text);
    out.end_array();
}

// One field of a record: its JSON name, whether a file must have it, and both directions.
// The order of a table is the order fields are written in (PRODUCT.md's example).
template <typename Record> struct FieldRule {
    std::string_view name;
    bool required;
    void (*read)(const Field& field, Record& out);
    void (*write)(JsonWriter& out, const Record& record);
};

// Index of the rule for field `name`, or N for a field this version does not know.
template <typename Record, std::size_t N>
std::size_t find_rule(const FieldRule<Record> (&rules)[N], std::string_view name) {
    std::size_t rule = 0;
    while (rule < N && rules[rule].name != name) ++rule;
    return rule;
}

template <typename Record, std::size_t N>
void read_record(ReadErrors& errors, JsonCursor& cursor, const RecordPath& path,
                 const FieldRule<Record> (&rules)[N], Record& out) {
    if (cursor.next_kind() != ValueKind::Object)
        return errors.add(path.text(), "must be an object" + found(cursor));
    bool seen[N] = {};
    std::string key;
    std::size_t next_rule = 0; // fields usually come in rule order, as they are written
    for (bool more = cursor.first_member(key); more; more = cursor.next_member(key)) {
        const std::size_t rule =
            next_rule < N && rules[next_rule].name == key ? next_rule : find_rule(rules, key);
        next_rule = rule + 1;
        if (rule == N) {
            // Kept as an object only when there is something to keep, so a record built in
            // code compares equal to the same record read back.
            if (!out.unknown_fields.is_object()) out.unknown_fields = json::object();
            out.unknown_fields[key] = cursor.parse_value();
            continue;
        }
        // A field given twice: only its last value counts, errors included, as in JSON.parse.
        if (seen[rule]) errors.forget(join_path(path.text(), rules[rule].name));
        seen[rule] = true;
        rules[rule].read(Field{errors, cursor, path, rules[rule].name, std::nullopt}, out);
    }
    for (std::size_t rule = 0; rule < N; ++rule)
        if (rules[rule].required && !seen[rule])
            errors.add(join_path(path.text(), rules[rule].name), "missing required field");
}

// Fields in rule order, then the unknown ones (never one that shadows a known field).
template <typename Record, std::size_t N>
void write_record(JsonWriter& out, const Record& record, const FieldRule<Record> (&rules)[N]) {
    out.begin_object();
    for (const FieldRule<Record>& rule : rules) {
        out.key(rule.name);
        rule.write(out, record);
    }
    if (record.unknown_fields.is_object()) {
        for (const auto& [key, value] : record.unknown_fields.items()) {
            if (find_rule(rules, key) < N) continue;
            out.key(key);
            out.unknown(value);
        }
    }
    out.end_object();
}

template <typename Record, std::size_t N>
void write_record_list(JsonWriter& out, const std::vector<Record>& records,
                       const FieldRule<Record> (&rules)[N]) {
    out.begin_array();
    for (const Record& record : records) write_record(out, record, rules);
    out.end_array();
}

// The record as nlohmann JSON, through the same writer, so both always agree.
template <typename Record, std::size_t N>
ordered_json record_json(const Record& record, const FieldRule<Record> (&rules)[N]) {
    JsonWriter out(-1);
    write_record(out, record, rules);
    return ordered_json::parse(out.take(), nullptr, /*allow_exceptions=*/false);
}

template <typename Record>
void check_unique_ids(ReadErrors& errors, const std::string& list_path,
                      const std::vector<Record>& records) {
    std::unordered_map<std::string_view, std::size_t> first_index;
    first_index.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].id.empty()) continue;
        const auto [it, inserted] = first_index.try_emplace(records[i].id, i);
        if (!inserted)
            errors.add(indexed_path(list_path, i) + ".id",
                       "duplicate id " + quote(records[i].id) + " (also used by " +
                           indexed_path(list_path, it->second) + ")");
    }
}

template <typename Record, std::size_t N>
void read_record_list(const Field& field, const FieldRule<Record> (&rules)[N],
                      std::vector<Record>& out) {
    JsonCursor& cursor = field.cursor;
    if (cursor.next_kind() != ValueKind::Array) return field.fail("must be a list" + found(cursor));
    const std::string list_path = field.path();
    out.clear(); // a field given twice: the last one counts, as in JSON.parse
    for (bool more = cursor.first_element(); more; more = cursor.next_element()) {
        out.emplace_back();
        read_record(field.errors, cursor, RecordPath{list_path, out.size() - 1}, rules, out.back());
    }
    check_unique_ids(field.errors, list_path, out);
}

constexpr FieldRule<PartnerProfile> kPartnerFields[] = {
    {"name", true, [](const Field& f, PartnerProfile& p) { read_line(f, p.name); },
     [](JsonWriter& o, const PartnerProfile& p) { o.string(p.name); }},
    {"path", true, [](const Field& f, PartnerProfile& p) { read_enum(f, p.path); },
     [](JsonWriter& o, const PartnerProfile& p) { write_enum(o, p.path); }},
    {"rule_set", true, [](const Field& f, PartnerProfile& p) { read_line(f, p.rule_set); },
     [](JsonWriter& o, const PartnerProfile& p) { o.string(p.rule_set); }},
};

constexpr FieldRule<Reference> kReferenceFields[] = {
    {"id", true, [](const Field& f, Reference& r) { read_reference_id(f, r.id); },
     [](JsonWriter& o, const Reference& r) { o.string(r.id); }},
    {"customer", true, [](const Field& f, Reference& r) { read_line(f, r.customer); },
     [](JsonWriter& o, const Reference& r) { o.string(r.customer); }},
    {"title", true, [](const Field& f, Reference& r) { read_line(f, r.title); },
     [](JsonWriter& o, const Reference& r) { o.string(r.title); }},
    {"url", true, [](const Field& f, Reference& r) { read_url(f, r.url); },
     [](JsonWriter& o, const Reference& r) { o.string(r.url); }},
    {"asset_type", true, [](const Field& f, Reference& r) { read_enum(f, r.asset_type); },
     [](JsonWriter& o, const Reference& r) { write_enum(o, r.asset_type); }},
    {"workload", true, [](const Field& f, Reference& r) { read_line(f, r.workload); },
     [](JsonWriter& o, const Reference& r) { o.string(r.workload); }},
    {"services", false, [](const Field& f, Reference& r) { read_string_list(f, r.services); },
     [](JsonWriter& o, const Reference& r) { write_strings(o, r.services); }},
    {"industry", false, [](const Field& f, Reference& r) { read_optional_line(f, r.industry); },
     [](JsonWriter& o, const Reference& r) { o.string(r.industry); }},
    {"channel", true, [](const Field& f, Reference& r) { read_enum(f, r.channel); },
     [](JsonWriter& o, const Reference& r) { write_enum(o, r.channel); }},
    {"status", true, [](const Field& f, Reference& r) { read_enum(f, r.status); },
     [](JsonWriter& o, const Reference& r) { write_enum(o, r.status); }},
    {"submitted_on", false,
     [](const Field& f, Reference& r) { read_optional_date(f, r.submitted_on); },
     [](JsonWriter& o, const Reference& r) { write_date(o, r.submitted_on); }},
    {"decided_on", false, [](const Field& f, Reference& r) { read_optional_date(f, r.decided_on); },
     [](JsonWriter& o, const Reference& r) { write_date(o, r.decided_on); }},
    {"notes", false, [](const Field& f, Reference& r) { read_optional_notes(f, r.notes); },
     [](JsonWriter& o, const Reference& r) { o.string(r.notes); }},
};

constexpr FieldRule<Account> kAccountFields[] = {
    {"id", true, [](const Field& f, Account& a) { read_line(f, a.id); },
     [](JsonWriter& o, const Account& a) { o.string(a.id); }},
    {"name", true, [](const Field& f, Account& a) { read_line(f, a.name); },
     [](JsonWriter& o, const Account& a) { o.string(a.name); }},
    {"role", true, [](const Field& f, Account& a) { read_enum(f, a.role); },
     [](JsonWriter& o, const Account& a) { write_enum(o, a.role); }},
    {"parent", false, [](const Field& f, Account& a) { read_optional_account_id(f, a.parent); },
     [](JsonWriter& o, const Account& a) {
         if (a.parent)
             o.string(*a.parent);
         else
             o.null();
     }},
    {"linked", true, [](const Field& f, Account& a) { read_bool(f, a.linked); },
     [](JsonWriter& o, const Account& a) { o.boolean(a.linked); }},
    {"partner_activity", true, [](const Field& f, Account& a) { read_bool(f, a.partner_activity); },
     [](JsonWriter& o, const Account& a) { o.boolean(a.partner_activity); }},
};

// Format and version are judged before anything else, once the whole file is read
// (check_format_and_version), so until then they wait among the unknown fields.
void keep_for_header_check(const Field& field, Document& document) {
    if (!document.unknown_fields.is_object()) document.unknown_fields = json::object();
    document.unknown_fields[std::string(field.name)] = field.cursor.parse_value();
}

// format and version are not "required" here: check_format_and_version reports them.
constexpr FieldRule<Document> kDocumentFields[] = {
    {"format", false, keep_for_header_check,
     [](JsonWriter& o, const Document&) { o.string(kFormatName); }},
    {"version", false, keep_for_header_check,
     [](JsonWriter& o, const Document&) { o.number(kFormatVersion); }},
    {"partner", true,
     [](const Field& f, Document& d) {
         const std::string path = f.path();
         d.partner = PartnerProfile{}; // given twice: the last object alone counts
         read_record(f.errors, f.cursor, RecordPath{path, std::nullopt}, kPartnerFields, d.partner);
     },
     [](JsonWriter& o, const Document& d) { write_record(o, d.partner, kPartnerFields); }},
    {"references", true,
     [](const Field& f, Document& d) { read_record_list(f, kReferenceFields, d.references); },
     [](JsonWriter& o, const Document& d) {
         write_record_list(o, d.references, kReferenceFields);
     }},
    {"accounts", true,
     [](const Field& f, Document& d) { read_record_list(f, kAccountFields, d.accounts); },
     [](JsonWriter& o, const Document& d) { write_record_list(o, d.accounts, kAccountFields); }},
};

// "a string", "a list", "an object", or the value itself when it is short (a number, true).
std::string describe_json(const json& value) {
    if (value.is_string()) return "a string";
    if (value.is_array()) return "a list";
    if (value.is_object()) return "an object";
    return value.dump();
}

// A file that is not ours, or is newer than this copy, gets that one reason instead of a list
// of field errors that would only confuse. `root` holds the document's format and version.
void check_format_and_version(const json& root, ReadErrors& errors, int& source_version) {
    const std::string expected_format = "expected " + quote(kFormatName);
    const auto format = root.find("format");
    if (format == root.end()) {
        errors.add("format",
                   "missing required field; " + expected_format + " (is this a RefTier file?)");
    } else if (const auto* name = format->get_ptr<const json::string_t*>(); !name) {
        errors.add("format", expected_format + " (found " + describe_json(*format) + ")");
    } else if (*name != kFormatName) {
        errors.add("format", expected_format + " (found " + quote(*name) + ")");
    }

    const auto version = root.find("version");
    if (version == root.end()) {
        errors.add("version", "missing required field");
        return;
    }
    if (!version->is_number_integer()) {
        errors.add("version", "must be a whole number such as " + std::to_string(kFormatVersion) +
                                  " (found " + describe_json(*version) + ")");
        return;
    }
    const bool negative = !version->is_number_unsigned() && version->get<std::int64_t>() < 0;
    const std::uint64_t number = negative ? 0 : version->get<std::uint64_t>();
    const std::string written = version->dump();
    if (!negative && number <= static_cast<std::uint64_t>(INT_MAX))
        source_version = static_cast<int>(number);
    if (!negative && number > static_cast<std::uint64_t>(kFormatVersion)) {
        errors.add("version", "this file was written by a newer RefTier (version " + written +
                                  "); this copy reads version " + std::to_string(kFormatVersion));
    } else if (negative || number < static_cast<std::uint64_t>(kOldestReadableVersion)) {
        errors.add("version", "version " + written +
                                  " is not a RefTier format version; versions start at " +
                                  std::to_string(kOldestReadableVersion));
    }
}

ReadResult read_from(JsonCursor& cursor) {
    ReadResult result;
    if (cursor.at_end()) {
        result.errors.push_back({"", "the file is empty"});
        return result;
    }

    ReadErrors body_errors;
    Document document;
    if (cursor.next_kind() == ValueKind::Object) {
        read_record(body_errors, cursor, RecordPath{}, kDocumentFields, document);
        cursor.expect_end();
    } else {
        const std::string what = found(cursor);
        cursor.expect_end();
        if (!cursor.failed()) {
            result.errors.push_back(
                {"", "the file must hold a JSON object with a \"format\" field" + what});
            return result;
        }
    }
    if (cursor.failed()) {
        result.errors.push_back({"", cursor.error()});
        return result;
    }

    ReadErrors header_errors;
    check_format_and_version(document.unknown_fields, header_errors, result.source_version);
    if (!header_errors.empty()) {
        result.errors = header_errors.take();
        return result;
    }
    document.unknown_fields.erase("format");
    document.unknown_fields.erase("version");
    if (document.unknown_fields.empty()) document.unknown_fields = nullptr;
    // An older version would be migrated here, one step per version up to kFormatVersion.
    // Version 1 is the first format, so there is no step yet and the body read above stands.
    result.errors = body_errors.take();
    if (result.errors.empty()) result.document = std::move(document);
    return result;
}

} // namespace

ReadResult read_document(std::string_view text) {
    JsonCursor cursor(text);
    return read_from(cursor);
}

ReadResult read_document(const ReadSource& source) {
    JsonCursor cursor(source);
    return read_from(cursor);
}

std::string write_document(const Document& document, int indent) {
    JsonWriter out(indent);
    write_record(out, document, kDocumentFields);
    out.end_document();
    return out.take();
}

void write_document(const Document& document, int indent, const WriteSink& sink) {
    JsonWriter out(indent, &sink);
    write_record(out, document, kDocumentFields);
    out.end_document();
    out.flush();
}

ordered_json reference_to_json(const Reference& reference) {
    return record_json(reference, kReferenceFields);
}

ordered_json account_to_json(const Account& account) {
    return record_json(account, kAccountFields);
}

namespace {

// `depth`: the levels above the record in a document, so unknown fields nest as they would.
template <typename Record, std::size_t N>
std::vector<ReadError> read_back_record(const Record& record, const FieldRule<Record> (&rules)[N],
                                        int depth, Record& back) {
    JsonWriter out(-1);
    write_record(out, record, rules);
    const std::string text = out.take();
    JsonCursor cursor(text, depth);
    ReadErrors errors;
    back = Record{};
    read_record(errors, cursor, RecordPath{}, rules, back);
    cursor.expect_end();
    if (cursor.failed()) return {{"", cursor.error()}};
    return errors.take();
}

} // namespace

std::vector<ReadError> read_back(const PartnerProfile& partner, PartnerProfile& back) {
    return read_back_record(partner, kPartnerFields, 1, back);
}

std::vector<ReadError> read_back(const Reference& reference, Reference& back) {
    return read_back_record(reference, kReferenceFields, 2, back);
}

std::vector<ReadError> read_back(const Account& account, Account& back) {
    return read_back_record(account, kAccountFields, 2, back);
}

std::vector<ReadError> duplicate_id_errors(const std::vector<Reference>& references) {
    ReadErrors errors;
    check_unique_ids(errors, "references", references);
    return errors.take();
}

std::vector<ReadError> duplicate_id_errors(const std::vector<Account>& accounts) {
    ReadErrors errors;
    check_unique_ids(errors, "accounts", accounts);
    return errors.take();
}

} // namespace reftier
