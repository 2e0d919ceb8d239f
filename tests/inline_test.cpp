// The document model's small parsers: inline markup and Thai dates.
#include <gtest/gtest.h>

#include "model/inline.h"
#include "model/thai_date.h"

using namespace thaidoc;

namespace {

InlineSpan span(std::string text, bool bold = false, bool italic = false, bool underline = false,
                std::string link = "") {
  InlineSpan s;
  s.text = std::move(text);
  s.bold = bold;
  s.italic = italic;
  s.underline = underline;
  s.link = std::move(link);
  return s;
}

// The error parse_inline throws for `markup` located at `where`: "file:line:col: message".
std::string inline_error(const std::string& markup, SourceLocation where = {"t.yaml", 3, 10}) {
  try {
    parse_inline(markup, where);
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    return e.what();
  }
  return "(no error)";
}

}  // namespace

// ------------------------------------------------------------------ inline markup

TEST(Inline, PlainText) {
  EXPECT_EQ(parse_inline("ส่วนราชการ สำนักปลัด"), (InlineText{span("ส่วนราชการ สำนักปลัด")}));
  EXPECT_TRUE(parse_inline("").empty());
}

TEST(Inline, Emphasis) {
  EXPECT_EQ(parse_inline("ก **ข** ค"), (InlineText{span("ก "), span("ข", true), span(" ค")}));
  EXPECT_EQ(parse_inline("*เอียง*"), (InlineText{span("เอียง", false, true)}));
  EXPECT_EQ(parse_inline("__ขีดเส้นใต้__ต่อ"), (InlineText{span("ขีดเส้นใต้", false, false, true), span("ต่อ")}));
  EXPECT_EQ(parse_inline("***ทั้งสอง***"), (InlineText{span("ทั้งสอง", true, true)}));
  // Thai has no spaces between words: emphasis inside a word.
  EXPECT_EQ(parse_inline("คำ**หนา**ต่อกัน"), (InlineText{span("คำ"), span("หนา", true), span("ต่อกัน")}));
  // Nesting.
  EXPECT_EQ(parse_inline("**a *b* c**"),
            (InlineText{span("a ", true), span("b", true, true), span(" c", true)}));
  EXPECT_EQ(parse_inline("__**x**__"), (InlineText{span("x", true, false, true)}));
}

TEST(Inline, AdjacentSpansWithTheSameStyleMerge) {
  EXPECT_EQ(parse_inline("**a****b**"), (InlineText{span("a****b", true)}));  // "****" is literal
  EXPECT_EQ(parse_inline("**a**\\***b**"), (InlineText{span("a", true), span("*"), span("b", true)}));
  EXPECT_EQ(parse_inline("**ก****ข**").size(), 1u);
  EXPECT_EQ(parse_inline("**ก** **ข**"), (InlineText{span("ก", true), span(" "), span("ข", true)}));
  EXPECT_EQ(parse_inline("a\\*b\\_c"), (InlineText{span("a*b_c")}));
}

TEST(Inline, Links) {
  EXPECT_EQ(parse_inline("ดู [เว็บไซต์](https://www.taneun.go.th/ita/o42.pdf) นะ"),
            (InlineText{span("ดู "), span("เว็บไซต์", false, false, false, "https://www.taneun.go.th/ita/o42.pdf"),
                        span(" นะ")}));
  EXPECT_EQ(parse_inline("[**ตัวหนา** ลิงก์](http://x.th)"),
            (InlineText{span("ตัวหนา", true, false, false, "http://x.th"),
                        span(" ลิงก์", false, false, false, "http://x.th")}));
  // Balanced parentheses in the address, and an empty text shows the address.
  EXPECT_EQ(parse_inline("[a](https://th.wikipedia.org/wiki/X_(Y))"),
            (InlineText{span("a", false, false, false, "https://th.wikipedia.org/wiki/X_(Y)")}));
  EXPECT_EQ(parse_inline("[](https://a.th)"), (InlineText{span("https://a.th", false, false, false, "https://a.th")}));
  // Brackets without an address are text.
  EXPECT_EQ(parse_inline("ตามเอกสาร [๑] และ [ร่าง]"), (InlineText{span("ตามเอกสาร [๑] และ [ร่าง]")}));
}

TEST(Inline, LiteralCharacters) {
  EXPECT_EQ(parse_inline("5 * 3 = 15"), (InlineText{span("5 * 3 = 15")}));
  EXPECT_EQ(parse_inline("2 ** 3"), (InlineText{span("2 ** 3")}));
  EXPECT_EQ(parse_inline("snake_case"), (InlineText{span("snake_case")}));
  EXPECT_EQ(parse_inline("ลงชื่อ ________ ผู้รับ"), (InlineText{span("ลงชื่อ ________ ผู้รับ")}));
  EXPECT_EQ(parse_inline("หมายเหตุ *"), (InlineText{span("หมายเหตุ *")}));
  EXPECT_EQ(parse_inline("\\*\\_\\[\\]\\(\\)\\\\"), (InlineText{span("*_[]()\\")}));
  EXPECT_EQ(parse_inline("C:\\temp"), (InlineText{span("C:\\temp")}));  // not an escape
  EXPECT_EQ(parse_inline("\\[๑](x)"), (InlineText{span("[๑](x)")}));
}

TEST(Inline, LineBreaksAreKept) {
  EXPECT_EQ(parse_inline("บรรทัดแรก\n**บรรทัดสอง**"), (InlineText{span("บรรทัดแรก\n"), span("บรรทัดสอง", true)}));
}

TEST(Inline, PlainTextConcatenates) {
  EXPECT_EQ(plain_text(parse_inline("ก **ข** *ค* [ง](http://x)")), "ก ข ค ง");
  EXPECT_EQ(plain_text({}), "");
}

TEST(Inline, UnclosedMarkersPointAtTheOpeningMarker) {
  // where = t.yaml:3:10; the column counts code points.
  EXPECT_EQ(inline_error("abc **def"), "t.yaml:3:14: unclosed '**' (bold)");
  EXPECT_EQ(inline_error("ภาษา **ไทย"), "t.yaml:3:15: unclosed '**' (bold)");
  EXPECT_EQ(inline_error("*เอียง"), "t.yaml:3:10: unclosed '*' (italic)");
  EXPECT_EQ(inline_error("ก __ข"), "t.yaml:3:12: unclosed '__' (underline)");
  EXPECT_EQ(inline_error("5*3"), "t.yaml:3:11: unclosed '*' (italic)");
  // The earliest still-open marker is reported.
  EXPECT_EQ(inline_error("a __b **c"), "t.yaml:3:12: unclosed '__' (underline)");
  // A closing marker with spaces on both sides does not close.
  EXPECT_EQ(inline_error("**ตัวหนา ** ต่อ"), "t.yaml:3:10: unclosed '**' (bold)");
}

TEST(Inline, ErrorsOnLaterLinesCountFromTheLineStart) {
  EXPECT_EQ(inline_error("บรรทัดแรก\nบรรทัด **สอง"), "t.yaml:4:8: unclosed '**' (bold)");
  EXPECT_EQ(inline_error("a\nb\n  *c"), "t.yaml:5:3: unclosed '*' (italic)");
}

TEST(Inline, LinkErrors) {
  EXPECT_EQ(inline_error("ดู [เว็บ"), "t.yaml:3:13: unclosed '[' (write '\\[' for a literal bracket)");
  EXPECT_EQ(inline_error("[เว็บ](http://x"), "t.yaml:3:16: unclosed '(' in link (expected '[text](address)')");
  EXPECT_EQ(inline_error("[เว็บ]()"), "t.yaml:3:16: empty link address");
  EXPECT_EQ(inline_error("[a](http://x y)"), "t.yaml:3:13: a link address cannot contain spaces");
}

TEST(Inline, UnknownLocationGivesJustTheMessage) {
  try {
    parse_inline("**x");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "unclosed '**' (bold)");
    EXPECT_EQ(e.exit_code(), 2);
  }
}

// ------------------------------------------------------------------ Thai dates

TEST(ThaiDate, ParsesIsoDates) {
  ThaiDate d;
  ASSERT_TRUE(parse_iso_date("2025-04-24", d));
  EXPECT_EQ(d.year, 2025);
  EXPECT_EQ(d.month, 4);
  EXPECT_EQ(d.day, 24);
  EXPECT_FALSE(d.empty());
  EXPECT_TRUE(ThaiDate{}.empty());
}

TEST(ThaiDate, RejectsImpossibleOrMalformedDates) {
  ThaiDate d;
  for (const char* bad : {"2025-02-29", "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
                          "2025-1-5", "25-01-05", "2025/01/05", "2025-01-05x", " 2025-01-05", "", "๒๕๖๘-๐๔-๒๔",
                          "1900-02-29", "0000-01-01"}) {
    EXPECT_FALSE(parse_iso_date(bad, d)) << bad;
  }
  // Leap years: every 4 years, not every 100, but every 400.
  EXPECT_TRUE(parse_iso_date("2024-02-29", d));
  EXPECT_TRUE(parse_iso_date("2000-02-29", d));
  EXPECT_FALSE(parse_iso_date("2100-02-29", d));
  EXPECT_TRUE(parse_iso_date("2025-12-31", d));
  EXPECT_TRUE(parse_iso_date("2025-06-30", d));
  EXPECT_FALSE(parse_iso_date("2025-06-31", d));
}

TEST(ThaiDate, FormatsTheThaiWay) {
  ThaiDate d{2025, 4, 24};
  EXPECT_EQ(format_thai_date(d, MonthStyle::Full, DigitStyle::Thai), "๒๔ เมษายน ๒๕๖๘");
  EXPECT_EQ(format_thai_date(d, MonthStyle::Abbreviated, DigitStyle::Thai), "๒๔ เม.ย. ๒๕๖๘");
  EXPECT_EQ(format_thai_date(d, MonthStyle::Full, DigitStyle::Arabic), "24 เมษายน 2568");
  EXPECT_EQ(format_thai_date(d, MonthStyle::Full, DigitStyle::Keep), "24 เมษายน 2568");
  // No leading zero on the day.
  EXPECT_EQ(format_thai_date({2024, 10, 1}, MonthStyle::Full, DigitStyle::Thai), "๑ ตุลาคม ๒๕๖๗");
  EXPECT_EQ(format_thai_date({2024, 2, 29}, MonthStyle::Abbreviated, DigitStyle::Arabic), "29 ก.พ. 2567");
  EXPECT_EQ(format_thai_date({}, MonthStyle::Full, DigitStyle::Thai), "");
}

TEST(ThaiDate, MonthNames) {
  const char* full[] = {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
  const char* abbreviated[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                               "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
  for (int m = 1; m <= 12; ++m) {
    EXPECT_STREQ(thai_month_name(m, MonthStyle::Full), full[m - 1]);
    EXPECT_STREQ(thai_month_name(m, MonthStyle::Abbreviated), abbreviated[m - 1]);
  }
  EXPECT_STREQ(thai_month_name(0, MonthStyle::Full), "");
  EXPECT_STREQ(thai_month_name(13, MonthStyle::Full), "");
}

TEST(ThaiDate, FiscalYear) {
  EXPECT_EQ(fiscal_year_be({2024, 10, 1}), 2568);
  EXPECT_EQ(fiscal_year_be({2024, 9, 30}), 2567);
  EXPECT_EQ(fiscal_year_be({2025, 4, 24}), 2568);
  EXPECT_EQ(fiscal_year_be({2025, 9, 30}), 2568);
  EXPECT_EQ(fiscal_year_be({2025, 10, 1}), 2569);
  EXPECT_EQ(fiscal_year_be({2025, 12, 31}), 2569);
  EXPECT_EQ(fiscal_year_be({2026, 1, 1}), 2569);
}
