// Property test of the storable rule through the Workspace API (issue 17): random sequences of
// edits on every field, with long and hostile strings, undo and redo, from a fixed seed. After
// every step the open document reads back equal through write_document and read_document, an
// edit is refused exactly when the document it would make does not read back, and a refused
// edit changes nothing. The generator is this file's own (splitmix64), so the native and the
// wasm builds run the very same sequences.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/format/document_json.h"
#include "core/format/storable.h"
#include "core/session/workspace.h"

using namespace reftier;

namespace {

constexpr std::uint64_t kSeed = 17; // the number; any fixed seed will do
constexpr int kSequences = 120;
constexpr int kStepsPerSequence = 30;

class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool one_in(std::size_t n) { return below(n) == 0; }
    template <typename T> const T& pick(const std::vector<T>& list) {
        return list[below(list.size())];
    }

  private:
    std::uint64_t state_;
};

// Texts that broke or could break a reader, a terminal, a spreadsheet or a page.
const std::vector<std::string>& hostile_texts() {
    static const std::vector<std::string> texts = {
        "",
        "Acme Retail",
        "Serverless Order Processing Cuts Cost in Retail",
        "\xF0\x9F\x9A\x80 Rocket \xE6\x97\xA5\xE6\x9C\xAC \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7",
        "e\xCC\x81\xE2\x80\x8F\xE2\x80\xAE reversed",
        "\"quoted\" \\back\\slash /",
        "</script><script>alert(1)</script>",
        "javascript:alert(1)",
        "https://user:secret@example.com/",
        "http://localhost/intranet",
        "https://example.com/a?b=c#d",
        "=HYPERLINK(\"https://evil.example\")",
        "Lambda, DynamoDB; S3",
        "line one\nline two",
        "tab\there",
        "carriage\rreturn",
        "escape \x1B[31mred\x1B[0m",
        std::string("nul\0inside", 10),
        "delete \x7F char",
        "Caf\xE9",                     // Latin-1, not UTF-8
        "lone \xED\xA0\x80 surrogate", // a UTF-16 surrogate written as UTF-8
        "overlong \xC0\xAF slash",
        "cut \xE6\x97", // a sequence cut short
        "2026-02-30",
        "111122223333",
        "r-0001",
        std::string(kMaxLineBytes - 1, 'a') + "\xC3\xA9", // ends past the limit by one byte
        std::string(kMaxLineBytes, 'b'),
        std::string(kMaxLineBytes + 1, 'c'),
        std::string(4034, 'd'), // issue 17's partner name
        std::string(kMaxNotesBytes, 'n'),
        std::string(kMaxNotesBytes + 1, 'n'),
    };
    return texts;
}

std::string random_text(Random& random) {
    if (!random.one_in(3)) return random.pick(hostile_texts());
    // Short runs of bytes the writer and reader treat specially, mixed with letters.
    static const std::vector<std::string> pieces = {"a",
                                                    "Z",
                                                    " ",
                                                    ",",
                                                    ";",
                                                    "\"",
                                                    "\\",
                                                    "\n",
                                                    "\t",
                                                    "\x01",
                                                    "\x7F",
                                                    "\xC3\xA9",
                                                    "\xF0\x9F\x98\x80",
                                                    "\xFF",
                                                    "\xE2\x80\xA8",
                                                    "{",
                                                    "}",
                                                    "[",
                                                    "]",
                                                    "u0000",
                                                    "\\u0000"};
    std::string text;
    for (std::size_t n = random.below(24); n > 0; --n) text += random.pick(pieces);
    return text;
}

std::optional<Date> random_date(Random& random) {
    if (random.one_in(3)) return std::nullopt;
    const int year = 1990 + static_cast<int>(random.below(60));
    return Date{std::chrono::year{year}, std::chrono::month{unsigned(1 + random.below(12))},
                std::chrono::day{unsigned(1 + random.below(28))}};
}

nlohmann::json random_unknown_fields(Random& random) {
    if (!random.one_in(6)) return nullptr;
    nlohmann::json fields = nlohmann::json::object();
    fields["x-" + std::to_string(random.below(3))] = random_text(random);
    if (random.one_in(2)) fields["x-number"] = random.below(1000) * 0.25;
    if (random.one_in(3)) fields["x-list"] = {1, nullptr, true, {{"k", random_text(random)}}};
    return fields;
}

template <typename E> E random_enum(Random& random, int count) {
    return static_cast<E>(random.below(static_cast<std::size_t>(count)));
}

// Changes one to three fields of `r`, any of them.
void change_reference(Random& random, Reference& r) {
    for (std::size_t n = 1 + random.below(3); n > 0; --n) {
        switch (random.below(13)) {
        case 0:
            r.customer = random_text(random);
            break;
        case 1:
            r.title = random_text(random);
            break;
        case 2:
            r.url = random.one_in(2) ? "https://example.com/" + std::to_string(random.below(50))
                                     : random_text(random);
            break;
        case 3:
            r.asset_type = random_enum<AssetType>(random, 6);
            break;
        case 4:
            r.workload = random_text(random);
            break;
        case 5:
            r.services.clear();
            for (std::size_t k = random.below(4); k > 0; --k)
                r.services.push_back(random_text(random));
            break;
        case 6:
            r.industry = random_text(random);
            break;
        case 7:
            r.channel = random_enum<Channel>(random, 2);
            break;
        case 8:
            r.status = random_enum<Status>(random, 4);
            break;
        case 9:
            r.submitted_on = random_date(random);
            break;
        case 10:
            r.decided_on = random_date(random);
            break;
        case 11:
            r.notes = random_text(random);
            break;
        case 12:
            r.unknown_fields = random_unknown_fields(random);
            break;
        }
    }
}

void change_account(Random& random, Account& a) {
    for (std::size_t n = 1 + random.below(3); n > 0; --n) {
        switch (random.below(7)) {
        case 0:
            a.id = random.one_in(2) ? std::to_string(100000000000 + random.below(8))
                                    : random_text(random);
            break;
        case 1:
            a.name = random_text(random);
            break;
        case 2:
            a.role = random_enum<AccountRole>(random, 3);
            break;
        case 3:
            a.parent = random.one_in(2) ? std::nullopt : std::optional(random_text(random));
            break;
        case 4:
            a.linked = random.one_in(2);
            break;
        case 5:
            a.partner_activity = random.one_in(2);
            break;
        case 6:
            a.unknown_fields = random_unknown_fields(random);
            break;
        }
    }
}

void change_partner(Random& random, PartnerProfile& p) {
    switch (random.below(4)) {
    case 0:
        p.name = random_text(random);
        break;
    case 1:
        p.path = random_enum<PartnerPath>(random, 2);
        break;
    case 2:
        p.rule_set = random.one_in(2) ? "apn-2019-consulting" : random_text(random);
        break;
    case 3:
        p.unknown_fields = random_unknown_fields(random);
        break;
    }
}

// The whole truth the rule must match: the document reads back through the reader, equal.
bool reads_back_equal(const Document& document) {
    const ReadResult read = read_document(write_document(document, -1));
    return read.document && *read.document == document;
}

std::string written(const Document& document) {
    return write_document(document, -1);
}

// One sequence: random edits, each checked against a model of what it should do.
void run_sequence(Random& random, int sequence) {
    Workspace ws;
    std::vector<Document> states{ws.document()}; // the model: every state, and where undo is
    std::size_t now = 0;
    int next_id = 1;
    for (int step = 0; step < kStepsPerSequence; ++step) {
        const Document before = ws.document();
        std::optional<Document> expected; // what a made edit leads to; unset for undo and redo
        EditResult result;
        const auto& refs = before.references;
        const auto& accounts = before.accounts;
        const std::size_t kind = random.below(10);
        std::string what;
        if (kind <= 2) { // add or change a reference
            Reference r;
            if (!refs.empty() && random.one_in(2)) {
                r = random.pick(refs);
            } else {
                r.id = random.one_in(12) ? random_text(random) : "r-" + std::to_string(next_id++);
                r.customer = "Customer";
            }
            change_reference(random, r);
            expected = before;
            auto same_id = std::find_if(expected->references.begin(), expected->references.end(),
                                        [&](const Reference& o) { return o.id == r.id; });
            if (same_id != expected->references.end())
                *same_id = r;
            else
                expected->references.push_back(r);
            result = ws.upsert_reference(r);
            what = "upsert_reference " + r.id;
        } else if (kind == 3 && !refs.empty()) {
            const std::string id = random.pick(refs).id;
            expected = before;
            std::erase_if(expected->references, [&](const Reference& o) { return o.id == id; });
            result.made = ws.remove_reference(id);
            what = "remove_reference";
        } else if (kind == 4) { // add or change an account
            Account a;
            std::string previous;
            if (!accounts.empty() && random.one_in(2)) {
                a = random.pick(accounts);
                previous = a.id;
            }
            change_account(random, a);
            expected = before;
            auto it = std::find_if(expected->accounts.begin(), expected->accounts.end(),
                                   [&](const Account& o) { return o.id == previous; });
            if (!previous.empty() && it != expected->accounts.end())
                *it = a;
            else
                expected->accounts.push_back(a);
            result = ws.upsert_account(a, previous);
            what = "upsert_account";
        } else if (kind == 5 && !accounts.empty()) {
            const std::string id = random.pick(accounts).id;
            expected = before;
            expected->accounts.erase(std::find_if(expected->accounts.begin(),
                                                  expected->accounts.end(),
                                                  [&](const Account& o) { return o.id == id; }));
            result.made = ws.remove_account(id);
            what = "remove_account";
        } else if (kind == 6) {
            PartnerProfile p = before.partner;
            change_partner(random, p);
            expected = before;
            expected->partner = p;
            result = ws.set_partner(p);
            what = "set_partner";
        } else if (kind == 7) { // an import: the document with one record more or changed
            Document incoming = before;
            Reference r;
            r.id = "r-" + std::to_string(next_id++);
            change_reference(random, r);
            incoming.references.push_back(r);
            if (!incoming.accounts.empty() && random.one_in(2))
                change_account(random, incoming.accounts[random.below(incoming.accounts.size())]);
            expected = incoming;
            result = ws.replace_document(std::move(incoming));
            what = "replace_document";
        } else if (kind == 8) {
            result = ws.undo();
            what = "undo";
            ASSERT_EQ(bool(result), now > 0) << what;
            if (result) --now;
        } else {
            result = ws.redo();
            what = "redo";
            ASSERT_EQ(bool(result), now + 1 < states.size()) << what;
            if (result) ++now;
        }
        const std::string where =
            "sequence " + std::to_string(sequence) + ", step " + std::to_string(step) + ": " + what;

        if (expected) {
            const bool changes = written(*expected) != written(before);
            const bool should_refuse = changes && !reads_back_equal(*expected);
            EXPECT_EQ(!result.refused.empty(), should_refuse) << where << " " << result.message();
            if (result) {
                EXPECT_TRUE(ws.document() == *expected) << where;
                states.resize(now + 1);
                states.push_back(ws.document());
                ++now;
            }
        } else {
            EXPECT_TRUE(result.refused.empty()) << where << ": every state in history was storable";
            EXPECT_TRUE(ws.document() == states[now]) << where;
        }
        if (!result)
            EXPECT_EQ(written(ws.document()), written(before)) << where << " changed nothing";
        if (!result.refused.empty()) EXPECT_FALSE(result.message().empty()) << where;
        ASSERT_TRUE(reads_back_equal(ws.document())) << where;
    }
}

} // namespace

TEST(WorkspaceProperty, EveryStateOfRandomEditsReadsBackEqual) {
    Random random(kSeed);
    for (int sequence = 0; sequence < kSequences && !testing::Test::HasFailure(); ++sequence)
        run_sequence(random, sequence);
}
