// JsonWriter: writes JSON text straight into a string (or hands it to a sink in pieces), laid
// out as nlohmann's dump() does. Internal to src/core/format.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/format/document_json.h"
#include "core/format/json_text.h"
#include "core/text/utf8_text.h"

namespace reftier::detail {

using nlohmann::json;

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

} // namespace reftier::detail
