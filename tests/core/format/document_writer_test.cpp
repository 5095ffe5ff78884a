// DocumentWriter: a document written a few records at a time gives exactly the text of
// write_document, whatever the slice size (the autosave writes 100,000 references in slices).
#include <gtest/gtest.h>

#include <string>

#include "core/format/document_writer.h"
#include "core/test_assets.h"

using namespace reftier;

namespace {

// The unknown-fields example (unknown fields in the document, the partner, records, nested
// values), with `copies` more references and an account per ten, so the lists are long.
Document long_document(std::size_t copies) {
    ReadResult read = read_document(test::read_data("valid/unknown_fields.json"));
    EXPECT_TRUE(read.document);
    Document document = read.document ? *read.document : Document{};
    const Reference reference = document.references.at(0);
    const Account account = document.accounts.empty() ? Account{} : document.accounts[0];
    for (std::size_t i = 0; i < copies; ++i) {
        Reference copy = reference;
        copy.id = "copy-" + std::to_string(i);
        copy.title = "Title " + std::to_string(i) + " \"quoted\" caf\xC3\xA9";
        document.references.push_back(copy);
        if (i % 10 == 0) {
            Account a = account;
            a.id = std::to_string(100000000000 + i);
            document.accounts.push_back(a);
        }
    }
    return document;
}

// The text a DocumentWriter gives when asked for `records` at a time, and how many calls it took.
std::string written_in_slices(const Document& document, int indent, std::size_t records,
                              std::size_t* calls = nullptr) {
    std::string text;
    DocumentWriter writer(document, indent, [&](std::string_view piece) { text += piece; });
    std::size_t count = 1;
    while (!writer.write(records)) ++count;
    if (calls) *calls = count;
    return text;
}

} // namespace

TEST(DocumentWriter, SlicesOfEverySizeGiveTheTextOfOneWrite) {
    const Document document = long_document(60);
    const std::size_t records = document.references.size() + document.accounts.size();
    for (const int indent : {2, -1, 0, 4}) {
        const std::string whole = write_document(document, indent);
        for (std::size_t slice = 1; slice <= records + 1; ++slice)
            ASSERT_EQ(written_in_slices(document, indent, slice), whole)
                << "indent " << indent << ", slices of " << slice << " records";
    }
}

TEST(DocumentWriter, EmptyListsAndAnEmptyDocumentAreWrittenAsInOneGo) {
    Document empty;
    EXPECT_EQ(written_in_slices(empty, 2, 1), write_document(empty, 2));
    Document only_accounts = long_document(20);
    only_accounts.references.clear();
    EXPECT_EQ(written_in_slices(only_accounts, -1, 1), write_document(only_accounts, -1));
}

TEST(DocumentWriter, WritesAtMostTheRecordsAskedForEachCall) {
    const Document document = long_document(99);
    const std::size_t records = document.references.size() + document.accounts.size();
    std::size_t calls = 0;
    written_in_slices(document, -1, 7, &calls);
    // One call per 7 records, and one more for the header or the end at most.
    EXPECT_GE(calls, (records + 6) / 7);
    EXPECT_LE(calls, (records + 6) / 7 + 1);
}

TEST(DocumentWriter, HandsOnlyFullPiecesUntilTheLastAndNothingOnceDone) {
    Document document = long_document(3000);
    std::string text;
    std::size_t small_pieces = 0;
    DocumentWriter writer(document, 2, [&](std::string_view piece) {
        EXPECT_FALSE(piece.empty());
        EXPECT_LE(piece.size(), kWritePieceBytes + 1024);
        if (piece.size() < kWritePieceBytes) ++small_pieces;
        text += piece;
    });
    EXPECT_FALSE(writer.done());
    while (!writer.write(100)) EXPECT_EQ(small_pieces, 0u) << "a short piece before the end";
    EXPECT_TRUE(writer.done());
    EXPECT_LE(small_pieces, 1u);
    const std::size_t size = text.size();
    EXPECT_TRUE(writer.write(100));
    EXPECT_EQ(text.size(), size);
    EXPECT_EQ(text, write_document(document, 2));
}

TEST(DocumentWriter, WhatItWritesReadsBackAsTheDocument) {
    const Document document = long_document(500);
    const ReadResult back = read_document(written_in_slices(document, -1, 33));
    ASSERT_TRUE(back.document) << to_string(back.errors.front());
    EXPECT_TRUE(*back.document == document);
}
