// Reading and writing the RefTier document format (docs/format.md, versions 1 and 2).
//
// Reading is strict and all-or-nothing: every structural problem is collected with its JSON
// path, and a document is returned only when there are none, so a caller can never apply half
// a file. Structural means: not JSON, wrong format name, newer version, missing or wrongly
// typed fields, unknown enum spellings, impossible dates, duplicate ids, and URLs that must
// never be stored (a scheme other than http/https, credentials in the URL), and rule sets that
// break their own rules (tiers out of order, repeated names or ids). Softer rules
// (private hosts, duplicate titles, weak titles) are findings of reference_check/title_check,
// because a draft may still have them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace reftier {

inline constexpr std::string_view kFormatName = "reftier";
// Written into every file. Version 1 files read with the same rules (version 2 only added
// optional fields) and are written back as version 2; a newer version is refused.
inline constexpr int kFormatVersion = 2;

struct ReadError {
    std::string path;    // JSON path, "" for the whole document
    std::string message; // plain words
    bool operator==(const ReadError&) const = default;
};

// "references[3].url: scheme must be http or https"
std::string to_string(const ReadError& error);

struct ReadResult {
    std::optional<Document> document; // set only when errors is empty
    std::vector<ReadError> errors;
    int source_version = 0; // version found in the file (for "migrated from" messages)
};

// Errors past this many are summarised in one last entry, so a hostile file of 100,000 bad
// records gives a readable list.
inline constexpr std::size_t kMaxReadErrors = 200;

// Guards against hostile files, each refused with a clear message. No RefTier document nests
// deeper than 4 levels; unknown fields may add a few. Text fields are single lines of at most
// kMaxLineBytes (a title, a URL) without control characters (U+0000 to U+001F); notes may hold
// tabs and line breaks. The editor must keep to these limits too, or a saved document would
// not open again.
inline constexpr int kMaxNestingDepth = 64;
inline constexpr std::size_t kMaxLineBytes = 2048;
inline constexpr std::size_t kMaxNotesBytes = 65536;

// Limits of rule sets and the scorecard (a rule set in a document or in assets/tier_rules.json):
// a hostile file cannot make the app draw a million tiers or walk 10^9 business days.
inline constexpr std::size_t kMaxRuleSets = 100;
inline constexpr std::size_t kMaxTiers = 20;
inline constexpr std::size_t kMaxRequirements = 50; // per tier
inline constexpr std::size_t kMaxScorecardEntries = 200;
inline constexpr std::size_t kMaxIdBytes = 64;     // rule set and requirement ids
inline constexpr int kMaxReviewBusinessDays = 260; // about one year
inline constexpr int kMaxRequiredReferences = 100000;
inline constexpr int kMaxRequirementCount = 1000000000; // counts and amounts (MRR in dollars)

// The forms of ids (docs/format.md): a rule set id is lower-case letters and digits in words
// joined by "-" or "_" ("apn-2021-consulting"); a requirement id joins its words by "_"
// ("launched_opportunities"); both at most kMaxIdBytes. An ACE opportunity id is "O" and 1 to
// 19 digits, as the Partner Central Selling API writes it ("O1234567").
bool is_rule_set_id(std::string_view text);
bool is_requirement_id(std::string_view text);
bool is_ace_opportunity_id(std::string_view text);

// A UTF-8 byte order mark at the start is accepted (Windows editors write one). A field given
// twice in one object counts once, with its last value (null included; the errors of the
// earlier value are dropped), as in JavaScript's JSON.parse.
ReadResult read_document(std::string_view text);

// Hands over the next piece of a text: copies at most `capacity` bytes to `buffer` and returns
// how many; 0 only once the text has ended.
using ReadSource = std::function<std::size_t(char* buffer, std::size_t capacity)>;
inline constexpr std::size_t kReadPieceBytes = 64 * 1024;
// The same, reading the text piece by piece: only the unread rest of the current piece (and a
// token or unknown value that spans pieces) is in memory, never the whole text. Errors,
// positions included, are exactly those of reading the whole text at once.
// `expected_bytes`: the text's length if known (0 if not), so the references' list is sized
// once instead of grown.
ReadResult read_document(const ReadSource& source, std::size_t expected_bytes = 0);

// The same reading a slice at a time, so a large import never holds up the page for long (the
// app reads a few milliseconds of it between frames): step() reads on until `references` more
// references are read (at least one), or the text has ended. The result, errors included, is
// exactly read_document's, whatever the slices.
class DocumentReading {
  public:
    explicit DocumentReading(std::string_view text); // the text must outlive the reading
    explicit DocumentReading(ReadSource source, std::size_t expected_bytes = 0);
    ~DocumentReading();
    DocumentReading(const DocumentReading&) = delete;
    DocumentReading& operator=(const DocumentReading&) = delete;

    // True once the text is read and take_result() has its answer.
    bool step(std::size_t references);
    std::size_t references_read() const;
    // Reads whatever is left, then hands over the result (once).
    ReadResult take_result();

  private:
    struct Reading;
    std::unique_ptr<Reading> reading_;
};

// Fields in the order of docs/format.md, unknown fields after them; null for absent dates and
// parent; UTF-8 unescaped; indent -1 gives one compact line. Ends with a newline.
std::string write_document(const Document& document, int indent = 2);

// The same text handed to `sink` in pieces of about kWritePieceBytes, in order, so a caller that
// stores or sends it never needs the whole text in memory at once.
using WriteSink = std::function<void(std::string_view piece)>;
inline constexpr std::size_t kWritePieceBytes = 64 * 1024;
void write_document(const Document& document, int indent, const WriteSink& sink);

// One record as written in a document (also used by merge to name differing fields).
nlohmann::ordered_json reference_to_json(const Reference& reference);
nlohmann::ordered_json account_to_json(const Account& account);
nlohmann::ordered_json rule_set_to_json(const RuleSet& rule_set);

// For the storable rule (storable.h): one record written as in a document and read back by the
// reader's own field rules into `back`; the errors name fields inside the record ("url").
std::vector<ReadError> read_back(const PartnerProfile& partner, PartnerProfile& back);
std::vector<ReadError> read_back(const Reference& reference, Reference& back);
std::vector<ReadError> read_back(const Account& account, Account& back);
// The reader's rule across records: no id twice in a list ("accounts[2].id: duplicate id ...").
std::vector<ReadError> duplicate_id_errors(const std::vector<Reference>& references);
std::vector<ReadError> duplicate_id_errors(const std::vector<Account>& accounts);

} // namespace reftier
