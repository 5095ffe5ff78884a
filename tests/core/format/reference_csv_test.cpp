#include <gtest/gtest.h>

#include <set>

#include "core/format/reference_csv.h"
#include "core/model/date.h"

using namespace reftier;

namespace {

const std::string kHeader = "id,customer,title,url,asset_type,workload,services,industry,"
                            "channel,status,submitted_on,decided_on,notes,"
                            "ace_opportunity_id\r\n";

Reference full_reference() {
    Reference r;
    r.id = "r-0007";
    r.customer = "Müller Logística 東京";
    r.title = "Serverless Ordering Cuts Checkout Time in Retail";
    r.url = "https://example.com/customers/müller?ref=a,b";
    r.asset_type = AssetType::CustomerQuote;
    r.workload = "serverless order processing";
    r.services = {"Lambda", "DynamoDB", "Step Functions"};
    r.industry = "Retail";
    r.channel = Channel::AcePipelineManager;
    r.status = Status::Approved;
    r.submitted_on = parse_iso_date("2026-11-02");
    r.decided_on = parse_iso_date("2026-11-06");
    r.notes = "First line, with a comma\r\nsecond line with \"quotes\"\nthird line\ttabbed";
    r.ace_opportunity_id = "O1234567";
    return r;
}

CsvImport import_csv(std::string_view text) {
    return read_references_csv(text, Document{});
}

Reference round_trip(const Reference& reference) {
    const CsvImport read = import_csv(write_references_csv({reference}, false));
    EXPECT_TRUE(read.errors.empty()) << (read.errors.empty() ? "" : to_string(read.errors[0]));
    return read.references.empty() ? Reference{} : read.references[0];
}

// The data line of a one-reference export, without the header and the CRLF.
std::string exported_row(const Reference& reference) {
    const std::string csv = write_references_csv({reference}, false);
    return csv.substr(kHeader.size(), csv.size() - kHeader.size() - 2);
}

Reference titled(std::string title) {
    Reference r;
    r.id = "r-0001";
    r.customer = "Acme";
    r.title = std::move(title);
    return r;
}

const char* const kFormulaStarts[] = {"=", "+", "-", "@", "\t", "\r"};

} // namespace

TEST(CsvExport, WritesTheHeaderWithTheJsonFieldNamesAndCrlf) {
    EXPECT_EQ(write_references_csv({}, false), kHeader);
}

TEST(CsvExport, WritesEnumsInTheirJsonSpellingAndServicesJoinedBySemicolons) {
    EXPECT_EQ(
        exported_row(full_reference()),
        "r-0007,Müller Logística 東京,Serverless Ordering Cuts Checkout Time in Retail,"
        "\"https://example.com/customers/müller?ref=a,b\",customer_quote,"
        "serverless order processing,Lambda; DynamoDB; Step Functions,Retail,"
        "ace_pipeline_manager,approved,2026-11-02,2026-11-06,"
        "\"First line, with a comma\r\nsecond line with \"\"quotes\"\"\nthird line\ttabbed\","
        "O1234567");
}

TEST(CsvExport, QuotesACellWithACommaAQuoteOrALineBreakAndDoublesItsQuotes) {
    Reference r = titled("Say \"hi\", then\nleave");
    r.customer = "Plain";
    EXPECT_EQ(exported_row(r), "r-0001,Plain,\"Say \"\"hi\"\", then\nleave\",,case_study,,,,"
                               "public_references_tool,draft,,,,");
}

TEST(CsvExport, StartsWithAByteOrderMarkOnlyWhenAsked) {
    EXPECT_EQ(write_references_csv({}, true), "\xEF\xBB\xBF" + kHeader);
    EXPECT_FALSE(write_references_csv({}, false).starts_with("\xEF"));
}

TEST(CsvExport, PrefixesEveryFormulaStartWithAnApostrophe) {
    for (const char* start : kFormulaStarts) {
        SCOPED_TRACE(testing::PrintToString(start));
        const std::string guarded = std::string("'") + start + "1+1";
        // A CR needs quotes as well.
        const std::string cell = start[0] == '\r' ? "\"" + guarded + "\"" : guarded;
        EXPECT_EQ(exported_row(titled(std::string(start) + "1+1")),
                  "r-0001,Acme," + cell + ",,case_study,,,,public_references_tool,draft,,,,");
    }
}

TEST(CsvRoundTrip, KeepsEveryFieldIncludingUnicodeAndMultiLineNotes) {
    EXPECT_EQ(round_trip(full_reference()), full_reference());
}

TEST(CsvRoundTrip, RestoresEveryCellThatStartedAFormula) {
    for (const char* start : kFormulaStarts) {
        SCOPED_TRACE(testing::PrintToString(start));
        const std::string prefix = start;
        Reference r = titled("Plain");
        r.notes = prefix + "cmd|' /C calc'!A0";
        // Single-line fields may not hold TAB or CR (the JSON reader refuses them too).
        if (prefix != "\t" && prefix != "\r") {
            r.id = prefix + "1";
            r.customer = prefix + "Acme";
            r.title = prefix + "HYPERLINK(\"https://evil.example/\")";
            r.workload = prefix + "2+3";
            r.industry = prefix + "Retail";
            r.services = {prefix + "Lambda"};
        }
        EXPECT_EQ(round_trip(r), r);
    }
}

TEST(CsvRoundTrip, KeepsTextThatAlreadyStartsWithApostrophes) {
    for (const char* title : {"'=SUM(A1)", "''-x", "'plain", "'"}) {
        SCOPED_TRACE(title);
        EXPECT_EQ(round_trip(titled(title)).title, title);
    }
}

TEST(CsvImport, SkipsAByteOrderMark) {
    const CsvImport read = import_csv("\xEF\xBB\xBF"
                                      "customer,title\r\nAcme,Data Lake\r\n");
    ASSERT_EQ(read.references.size(), 1u);
    EXPECT_EQ(read.references[0].customer, "Acme");
}

TEST(CsvImport, MapsColumnsByTheirLabelsInAnyCase) {
    const CsvImport read =
        import_csv(" Customer ,TITLE,Asset type,AWS services,Submitted on,"
                   "Submission channel\n"
                   "Acme,Data Lake,Video,S3;Glue,2026-01-05,ace_pipeline_manager\n");
    ASSERT_EQ(read.references.size(), 1u);
    const Reference& r = read.references[0];
    EXPECT_EQ(r.customer, "Acme");
    EXPECT_EQ(r.title, "Data Lake");
    EXPECT_EQ(r.asset_type, AssetType::Video);
    EXPECT_EQ(r.services, (std::vector<std::string>{"S3", "Glue"}));
    EXPECT_EQ(r.submitted_on, parse_iso_date("2026-01-05"));
    EXPECT_EQ(r.channel, Channel::AcePipelineManager);
}

TEST(CsvImport, AcceptsEnumLabelsInAnyCase) {
    const CsvImport read = import_csv("customer,title,asset_type,channel,status\n"
                                      "Acme,Data Lake,case STUDY,ACE Pipeline Manager,APPROVED\n");
    ASSERT_EQ(read.references.size(), 1u);
    EXPECT_EQ(read.references[0].asset_type, AssetType::CaseStudy);
    EXPECT_EQ(read.references[0].channel, Channel::AcePipelineManager);
    EXPECT_EQ(read.references[0].status, Status::Approved);
}

TEST(CsvImport, LeavesAbsentColumnsAndEmptyCellsAtTheirDefaults) {
    const CsvImport read = import_csv("customer,title,status,decided_on\nAcme,Data Lake,,\n");
    ASSERT_EQ(read.references.size(), 1u);
    Reference expected = titled("Data Lake");
    expected.id = read.references[0].id;
    EXPECT_EQ(read.references[0], expected);
}

TEST(CsvImport, IgnoresAnUnknownColumnWithANotice) {
    const CsvImport read = import_csv("customer,Owner,title\nAcme,Jane,Data Lake\n");
    EXPECT_TRUE(read.errors.empty());
    ASSERT_EQ(read.references.size(), 1u);
    EXPECT_EQ(read.references[0].title, "Data Lake");
    ASSERT_EQ(read.notices.size(), 2u);
    EXPECT_EQ(read.notices[0], "read as comma-separated");
    EXPECT_EQ(read.notices[1], "ignored unknown column 2 \"Owner\"");
}

TEST(CsvImport, RefusesAHeaderWithoutATitleColumn) {
    const CsvImport read = import_csv("customer,url\nAcme,https://example.com/\n");
    EXPECT_FALSE(read.header_ok);
    EXPECT_TRUE(read.references.empty());
    EXPECT_EQ(read.errors,
              (std::vector<CsvRowError>{{1, "title",
                                         "missing required column (the header row must name "
                                         "customer and title)"}}));
}

TEST(CsvImport, RefusesAColumnNamedTwice) {
    const CsvImport read = import_csv("customer,title,Title\nAcme,A,B\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].column, "Title");
    EXPECT_EQ(read.rows, 0);
}

TEST(CsvImport, ReportsABadEnumWithItsLineAndColumn) {
    const CsvImport read = import_csv("customer,title,Asset type\nAcme,A,video\nAcme,B,Webinar\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(to_string(read.errors[0]),
              "line 3, column Asset type: unknown value \"Webinar\" (expected Case study, News "
              "article, Blog post, Video, Customer quote or Logo page)");
}

TEST(CsvImport, ReportsAnImpossibleDate) {
    const CsvImport read = import_csv("customer,title,submitted_on\nAcme,A,2026-02-30\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(to_string(read.errors[0]),
              "line 2, column submitted_on: \"2026-02-30\" is not a real date written YYYY-MM-DD "
              "(or DD.MM.YYYY)");
}

TEST(CsvImport, RefusesAJavascriptUrl) {
    const CsvImport read = import_csv("customer,title,url\nAcme,A,javascript:alert(1)\n");
    EXPECT_TRUE(read.references.empty());
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].line, 2);
    EXPECT_EQ(read.errors[0].column, "url");
    EXPECT_TRUE(read.errors[0].message.starts_with("scheme must be http or https"));
}

TEST(CsvImport, RefusesAUrlCarryingCredentials) {
    const CsvImport read = import_csv("customer,title,url\nAcme,A,https://u:p@example.com/\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].column, "url");
}

TEST(CsvImport, RefusesALineBreakInATitle) {
    const CsvImport read = import_csv("customer,title\nAcme,\"Two\nlines\"\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(to_string(read.errors[0]),
              "line 2, column title: must be a single line without control characters (found "
              "U+000A)");
}

TEST(CsvImport, RefusesTextThatIsNotUtf8) {
    const CsvImport read = import_csv("customer,title\nCaf\xE9 Roma,A\n"); // Windows-1252 é
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].column, "customer");
    EXPECT_TRUE(read.errors[0].message.starts_with("not UTF-8 text"));
}

TEST(CsvImport, ReportsAnUnterminatedQuoteWithTheLineItOpensOn) {
    const CsvImport read = import_csv("customer,title,notes\nAcme,A,ok\nAcme,B,\"never closed\n"
                                      "Acme,C,more\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].line, 3);
    EXPECT_EQ(read.errors[0].column, "notes");
    EXPECT_NE(read.errors[0].message.find("never closed"), std::string::npos);
    ASSERT_EQ(read.references.size(), 1u);
    EXPECT_EQ(read.references[0].title, "A");
}

TEST(CsvImport, ReportsAnUndoubledQuoteInsideAQuotedCell) {
    const CsvImport read = import_csv("customer,title\nAcme,\"Say \"hi\" now\"\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].column, "title");
    EXPECT_NE(read.errors[0].message.find("must be doubled"), std::string::npos);
}

TEST(CsvImport, ReadsLfLineEndsLikeCrlf) {
    const CsvImport crlf = import_csv("customer,title\r\nAcme,A\r\nGlobex,B\r\n");
    const CsvImport lf = import_csv("customer,title\nAcme,A\nGlobex,B\n");
    ASSERT_EQ(crlf.references.size(), 2u);
    EXPECT_EQ(crlf.references, lf.references);
}

TEST(CsvImport, CountsLinesInsideMultiLineCellsForLaterRows) {
    const CsvImport read = import_csv("customer,title,notes,status\r\n"
                                      "Acme,A,\"one\r\ntwo\r\nthree\",draft\r\n"
                                      "Acme,B,,bogus\r\n");
    ASSERT_EQ(read.references.size(), 1u);
    EXPECT_EQ(read.references[0].notes, "one\r\ntwo\r\nthree");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].line, 5);
}

TEST(CsvImport, ReportsAnEmptyFile) {
    for (const char* text : {"", "\xEF\xBB\xBF", "\r\n\r\n"}) {
        const CsvImport read = import_csv(text);
        ASSERT_EQ(read.errors.size(), 1u);
        EXPECT_EQ(read.errors[0].line, 1);
        EXPECT_TRUE(read.errors[0].message.starts_with("the file is empty"));
    }
}

TEST(CsvImport, ReadsAHeaderOnlyFileAsNoRows) {
    const CsvImport read = import_csv(kHeader);
    EXPECT_TRUE(read.header_ok);
    EXPECT_TRUE(read.errors.empty());
    EXPECT_TRUE(read.references.empty());
    EXPECT_EQ(read.rows, 0);
}

TEST(CsvImport, SkipsBlankLinesWithoutCountingThemAsRows) {
    const CsvImport read = import_csv("customer,title\n\nAcme,A\n,\n\n");
    EXPECT_TRUE(read.errors.empty());
    EXPECT_EQ(read.rows, 1);
    EXPECT_EQ(read.references.size(), 1u);
}

TEST(CsvImport, RefusesARowWithMoreCellsThanTheHeader) {
    const CsvImport read = import_csv("customer,title\nAcme,A,stray\nAcme,B,\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(read.errors[0].line, 2);
    ASSERT_EQ(read.references.size(), 1u);
    EXPECT_EQ(read.references[0].title, "B");
}

TEST(CsvImport, ReturnsTheGoodRowsApartFromTheBadOnes) {
    const CsvImport read = import_csv("customer,title,status\nAcme,A,draft\nAcme,B,maybe\n"
                                      "Acme,C,approved\nAcme,D,2026\n");
    EXPECT_EQ(read.rows, 4);
    ASSERT_EQ(read.references.size(), 2u);
    EXPECT_EQ(read.references[0].title, "A");
    EXPECT_EQ(read.references[1].title, "C");
    ASSERT_EQ(read.errors.size(), 2u);
    EXPECT_EQ(read.errors[0].line, 3);
    EXPECT_EQ(read.errors[1].line, 5);
}

TEST(CsvImport, GivesRowsWithoutAnIdFreshIdsClearOfTheDocumentAndTheFile) {
    Document existing;
    existing.references = {titled("Old")};
    existing.references[0].id = "r-0002";
    const CsvImport read = read_references_csv("id,customer,title\n,Acme,A\nr-0005,Acme,B\n"
                                               ",Acme,C\nr-0002,Acme,D\n",
                                               existing);
    ASSERT_TRUE(read.errors.empty());
    std::vector<std::string> ids;
    for (const Reference& r : read.references) ids.push_back(r.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"r-0006", "r-0005", "r-0007", "r-0002"}));
}

TEST(CsvImport, ReportsADuplicateIdWithTheLineOfItsFirstUse) {
    const CsvImport read = import_csv("id,customer,title\nr-0001,Acme,A\nr-0001,Acme,B\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(to_string(read.errors[0]),
              "line 3, column id: \"r-0001\" is already the id of the row on line 2");
}

TEST(CsvImport, ImportsTenThousandRowsWithUniqueIds) {
    std::string csv = "customer,title,url\r\n";
    for (int i = 0; i < 10000; ++i)
        csv += "Customer " + std::to_string(i) + ",Title " + std::to_string(i) +
               ",https://example.com/" + std::to_string(i) + "\r\n";
    const CsvImport read = import_csv(csv);
    EXPECT_TRUE(read.errors.empty());
    EXPECT_EQ(read.rows, 10000);
    ASSERT_EQ(read.references.size(), 10000u);
    EXPECT_EQ(read.references[9999].title, "Title 9999");
    std::set<std::string> ids;
    for (const Reference& r : read.references) ids.insert(r.id);
    EXPECT_EQ(ids.size(), 10000u);
}

TEST(CsvImport, ListsAtMostTwoHundredErrorsAndSummarisesTheRest) {
    std::string csv = "customer,title,status\n";
    for (int i = 0; i < 500; ++i) csv += "Acme,A,bogus\n";
    const CsvImport read = import_csv(csv);
    ASSERT_EQ(read.errors.size(), 201u);
    EXPECT_EQ(to_string(read.errors.back()), "line 202: ... and 300 more errors from here");
}

TEST(CsvRoundTrip, KeepsServiceNamesThatHoldTheSeparatorOrQuotes) {
    Reference r = full_reference();
    r.services = {"Amazon EC2; Spot", "The \"Big\" One", "Lambda, DynamoDB"};
    EXPECT_EQ(round_trip(r).services, r.services);
}

TEST(CsvRoundTrip, KeepsALoneServiceNameThatHoldsACommaOrASemicolon) {
    Reference r = full_reference();
    for (const std::vector<std::string>& services :
         {std::vector<std::string>{"Amazon EC2, Spot"}, {"Amazon EC2; Spot"}, {"Lambda"}, {}}) {
        r.services = services;
        EXPECT_EQ(round_trip(r).services, r.services);
    }
}
