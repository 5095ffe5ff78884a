#include <gtest/gtest.h>

#include "core/progress/progress_summary.h"

using namespace reftier;

TEST(ReferenceMarkdownLine, LinksTheTitleAndNamesTheCustomer) {
    Reference r;
    r.customer = "Acme Retail";
    r.title = "DevOps and Cloud Culture Drive Velocity in Retail";
    r.url = "https://example.com/customers/acme-retail";
    EXPECT_EQ(reference_markdown_line(r),
              "[DevOps and Cloud Culture Drive Velocity in Retail]"
              "(https://example.com/customers/acme-retail), Acme Retail");
}

TEST(ReferenceMarkdownLine, EscapesMarkdownInTextAndParenthesesInTheUrl) {
    Reference r;
    r.customer = "*Star* [Corp]";
    r.title = "Data_Lake [beta]";
    r.url = "https://example.com/a_(b)";
    EXPECT_EQ(reference_markdown_line(r),
              "[Data\\_Lake \\[beta\\]](https://example.com/a_%28b%29), \\*Star\\* \\[Corp\\]");
}
