// CSV as spreadsheets really write it: the delimiter found from the header row (`,` `;` tab),
// headers in any order and case or as the app displays them, Excel's European re-save (BOM,
// `;`, CRLF, DD.MM.YYYY dates) and text pasted from Google Sheets; and the ACE id column.
#include <gtest/gtest.h>

#include "core/format/reference_csv.h"
#include "core/model/date.h"
#include "core/test_assets.h"

using namespace reftier;

namespace {

CsvImport import_csv(std::string_view text) {
    return read_references_csv(text, Document{});
}

std::string errors_text(const CsvImport& read) {
    std::string text;
    for (const CsvRowError& e : read.errors) text += to_string(e) + "\n";
    return text;
}

} // namespace

TEST(SpreadsheetCsv, ReadsOurExportResavedByExcelInAGermanLocale) {
    const CsvImport read = import_csv(test::read_data("csv/excel_de_semicolon_bom_crlf.csv"));
    ASSERT_TRUE(read.errors.empty()) << errors_text(read);
    EXPECT_EQ(read.delimiter, ';');
    EXPECT_EQ(read.notices.front(), "read as semicolon-separated (as Excel saves CSV where the "
                                    "decimal separator is a comma)");
    ASSERT_EQ(read.references.size(), 3u);
    const Reference& acme = read.references[0];
    EXPECT_EQ(acme.services, (std::vector<std::string>{"CodePipeline", "ECS"}));
    EXPECT_EQ(acme.submitted_on, parse_iso_date("2026-11-02"));
    EXPECT_EQ(acme.decided_on, parse_iso_date("2026-11-06"));
    EXPECT_EQ(acme.notes, "Reviewed by Jane, legal signed off");
    const Reference& mueller = read.references[1];
    EXPECT_EQ(mueller.customer, "Müller Logística");
    EXPECT_EQ(mueller.notes, "Quote: \"fastest release ever\"; from the ACE listing");
    EXPECT_EQ(mueller.ace_opportunity_id, std::optional<std::string>("O3456789"));
    EXPECT_EQ(mueller.channel, Channel::AcePipelineManager);
    // Excel drops the guarding apostrophe: the title is kept as text, exactly as written.
    EXPECT_EQ(read.references[2].title, "=Serverless Payments Cut Costs in Financial Services");
}

TEST(SpreadsheetCsv, ReadsRowsPastedFromGoogleSheetsWithDisplayNamesInAnyOrder) {
    const CsvImport read = import_csv(test::read_data("csv/sheets_paste.tsv"));
    ASSERT_TRUE(read.errors.empty()) << errors_text(read);
    EXPECT_EQ(read.delimiter, '\t');
    EXPECT_EQ(read.notices.front(), "read as tab-separated (as text copied from a spreadsheet)");
    ASSERT_EQ(read.references.size(), 2u);
    const Reference& initech = read.references[0];
    EXPECT_EQ(initech.customer, "Initech");
    EXPECT_EQ(initech.asset_type, AssetType::Video);
    EXPECT_EQ(initech.status, Status::Submitted);
    EXPECT_EQ(initech.submitted_on, parse_iso_date("2026-11-20"));
    EXPECT_EQ(initech.services, (std::vector<std::string>{"S3", "Glue"}));
    EXPECT_EQ(read.references[1].asset_type, AssetType::NewsArticle);
}

TEST(SpreadsheetCsv, SaysWhenTheFileIsCommaSeparated) {
    const CsvImport read = import_csv("customer,title\nAcme,A\n");
    EXPECT_EQ(read.delimiter, ',');
    EXPECT_EQ(read.notices.front(), "read as comma-separated");
}

TEST(SpreadsheetCsv, TheHeaderRowDecidesEvenWhenCellsHoldOtherDelimiters) {
    const CsvImport read = import_csv("customer;title;notes\nAcme, Inc.;A;one, two\tthree\n");
    ASSERT_TRUE(read.errors.empty()) << errors_text(read);
    EXPECT_EQ(read.references[0].customer, "Acme, Inc.");
    EXPECT_EQ(read.references[0].notes, "one, two\tthree");
}

TEST(SpreadsheetCsv, DelimitersInsideAQuotedHeaderDoNotCount) {
    const CsvImport read = import_csv("\"customer;x\",title\nAcme,A\n");
    EXPECT_EQ(read.delimiter, ',');
}

TEST(SpreadsheetCsv, ATieIsReadAsCommas) {
    EXPECT_EQ(import_csv("customer,title;x\nAcme,A;b\n").delimiter, ',');
}

TEST(SpreadsheetCsv, DottedDatesAreDayFirstAndSlashedOnesAreRefused) {
    const CsvImport dotted = import_csv("customer;title;submitted_on\nAcme;A;1.2.2026\n");
    ASSERT_TRUE(dotted.errors.empty()) << errors_text(dotted);
    EXPECT_EQ(dotted.references[0].submitted_on, parse_iso_date("2026-02-01"));
    const CsvImport slashed = import_csv("customer;title;submitted_on\nAcme;A;02/01/2026\n");
    ASSERT_EQ(slashed.errors.size(), 1u);
    EXPECT_NE(slashed.errors[0].message.find("is not a real date"), std::string::npos);
    EXPECT_EQ(import_csv("customer;title;submitted_on\nAcme;A;31.02.2026\n").errors.size(), 1u);
}

TEST(SpreadsheetCsv, RefusesAnAceIdOfAnotherForm) {
    const CsvImport read = import_csv("customer,title,ACE opportunity\nAcme,A,1234567\n");
    ASSERT_EQ(read.errors.size(), 1u);
    EXPECT_EQ(to_string(read.errors[0]), "line 2, column ACE opportunity: \"1234567\" is not an "
                                         "ACE opportunity id: O and 1 to 19 digits, as in "
                                         "O1234567");
}

TEST(SpreadsheetCsv, RoundTripsTheAceId) {
    Reference r;
    r.id = "r-0001";
    r.customer = "Acme";
    r.title = "A";
    r.ace_opportunity_id = "O1234567";
    const CsvImport read = import_csv(write_references_csv({r}, true));
    ASSERT_EQ(read.references.size(), 1u);
    EXPECT_EQ(read.references[0], r);
}
