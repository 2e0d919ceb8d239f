// Digits that are not numbers stay as written; Buddhist-era dates only when they say so;
// the no-break and keep-digits markup.
#include <gtest/gtest.h>

#include <algorithm>

#include "base/digits.h"
#include "input/document_reader.h"
#include "layout/styles.h"
#include "model/inline.h"
#include "model/thai_date.h"
#include "test_support.h"

using namespace thaidoc;

namespace {
std::string thai(const std::string& s) { return convert_digits(s, DigitStyle::Thai); }

std::string date_error(const std::string& text) {
  ThaiDate d;
  std::string error;
  EXPECT_FALSE(parse_date(text, d, error)) << text;
  return error;
}

ThaiDate date(const std::string& text) {
  ThaiDate d;
  std::string error;
  EXPECT_TRUE(parse_date(text, d, error)) << text << ": " << error;
  return d;
}
}  // namespace

// ------------------------------------------------------------------ digits

TEST(Digits, NumbersInThaiTextBecomeThaiDigits) {
  EXPECT_EQ(thai("ปี 2568 ร้อยละ 95.82 ข้อ 4.1 (3 เรื่อง)"), "ปี ๒๕๖๘ ร้อยละ ๙๕.๘๒ ข้อ ๔.๑ (๓ เรื่อง)");
  EXPECT_EQ(thai("ปีงบประมาณ2568"), "ปีงบประมาณ๒๕๖๘");
  EXPECT_EQ(thai("พ.ศ. 2568"), "พ.ศ. ๒๕๖๘");
  EXPECT_EQ(thai("1,234.50 บาท"), "๑,๒๓๔.๕๐ บาท");
}

TEST(Digits, UrlsAndEmailAddressesKeepTheirDigits) {
  EXPECT_EQ(thai("ดูที่ https://www.example.go.th/report/2568/q2.html ครับ"),
            "ดูที่ https://www.example.go.th/report/2568/q2.html ครับ");
  EXPECT_EQ(thai("ติดต่อ saraban123@example.go.th โทร 044 123 456"),
            "ติดต่อ saraban123@example.go.th โทร ๐๔๔ ๑๒๓ ๔๕๖");
  EXPECT_EQ(thai("(www.nacc.go.th/2568)"), "(www.nacc.go.th/2568)");
}

TEST(Digits, CodesMixingLatinLettersAndDigitsStayAsWritten) {
  EXPECT_EQ(thai("ตัวชี้วัด O42 และ E12"), "ตัวชี้วัด O42 และ E12");
  EXPECT_EQ(thai("มาตรฐาน ISO 9001 และ ISO/IEC 27001:2013"), "มาตรฐาน ISO 9001 และ ISO/IEC 27001:2013");
  EXPECT_EQ(thai("โรค COVID-19 ระบาด 2 ปี"), "โรค COVID-19 ระบาด ๒ ปี");
  EXPECT_EQ(thai("รุ่น v2.1 และ 1.2.3"), "รุ่น v2.1 และ 1.2.3");
  // A Thai word in between: the number after it is a number again.
  EXPECT_EQ(thai("ISO ข้อ 9"), "ISO ข้อ ๙");
  // Arabic conversion (also used to read numbers) still rewrites every Thai digit.
  EXPECT_EQ(convert_digits("O๔๒ ปี ๒๕๖๘", DigitStyle::Arabic), "O42 ปี 2568");
}

TEST(Digits, LinkTextAndKeptTextAreNotConverted) {
  FontSet fonts;  // no fonts needed to convert the text
  InlineText t = parse_inline("ปี 2568 [รายงาน 2568](https://x.go.th/2568) `เลขที่ 0042` 7");
  std::vector<StyledSpan> spans = styled_spans(t, fonts, 16, DigitStyle::Thai);
  std::string all;
  for (const auto& s : spans) all += s.text;
  EXPECT_EQ(all, "ปี ๒๕๖๘ รายงาน 2568 เลขที่ 0042 ๗");
}

// ------------------------------------------------------------------ markup

TEST(Inline, KeepDigitsMarkup) {
  InlineText t = parse_inline("ก `**12**` ข");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "**12**");  // literal inside
  EXPECT_TRUE(t[1].keep_digits);
  EXPECT_FALSE(t[0].keep_digits);
  EXPECT_FALSE(t[2].keep_digits);
  EXPECT_EQ(plain_text(parse_inline("a \\` b")), "a ` b");
  try {
    parse_inline("ab `12", SourceLocation{"t.yaml", 3, 10});
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "t.yaml:3:13: unclosed '`' (digits kept as written; write '\\`' for a literal backquote)");
  }
}

TEST(Inline, NoBreakMarkup) {
  InlineText t = parse_inline("เรียน [[นายสมชาย **ใจดี**]] ครับ");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].text, "เรียน ");
  EXPECT_FALSE(t[0].no_break);
  EXPECT_EQ(t[1].text, "นายสมชาย ");
  EXPECT_TRUE(t[1].no_break);
  EXPECT_TRUE(t[2].no_break);
  EXPECT_TRUE(t[2].bold);
  EXPECT_EQ(t[3].text, " ครับ");
  EXPECT_FALSE(t[3].no_break);
  // A single bracket is still a link or literal text.
  EXPECT_EQ(parse_inline("[a](http://x)")[0].link, "http://x");
  EXPECT_EQ(plain_text(parse_inline("[a] b")), "[a] b");
  try {
    parse_inline("ab [[cd", SourceLocation{"t.yaml", 3, 10});
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "t.yaml:3:13: unclosed '[[' (no-break phrase; write '\\[' for a literal bracket)");
  }
}

// ------------------------------------------------------------------ dates

TEST(ThaiDate, CommonEraIsoDates) {
  ThaiDate d = date("2025-04-24");
  EXPECT_EQ(d.year, 2025);
  EXPECT_EQ(d.month, 4);
  EXPECT_EQ(d.day, 24);
  EXPECT_EQ(date("๒๐๒๕-๐๔-๒๔").year, 2025);  // Thai digits
}

TEST(ThaiDate, BuddhistEraWhenItSaysSo) {
  for (const char* s : {"2568-04-24 BE", "2568-04-24 B.E.", "2568-04-24 พ.ศ.", "๒๕๖๘-๐๔-๒๔ BE", "๒๔ เมษายน ๒๕๖๘",
                        "24 เมษายน 2568", "24 เม.ย. 2568", "๒๔ เมษายน พ.ศ. ๒๕๖๘"}) {
    ThaiDate d = date(s);
    EXPECT_EQ(d.year, 2025) << s;
    EXPECT_EQ(d.month, 4) << s;
    EXPECT_EQ(d.day, 24) << s;
  }
  EXPECT_EQ(format_thai_date(date("๒๔ เมษายน ๒๕๖๘"), MonthStyle::Full, DigitStyle::Thai), "๒๔ เมษายน ๒๕๖๘");
  // 29 February exists in 2567 BE (2024), not in 2568 BE (2025).
  EXPECT_EQ(date("2567-02-29 BE").year, 2024);
  EXPECT_EQ(date_error("2568-02-29 BE"), "'2568-02-29 BE' is not a valid date (expected YYYY-MM-DD)");
}

TEST(ThaiDate, BuddhistLookingYearIsAnErrorShowingBothReadings) {
  EXPECT_EQ(date_error("2568-04-24"), "2568-04-24 looks like a Buddhist-era year: write 2025-04-24 or 2568-04-24 BE");
  EXPECT_EQ(date_error("๒๕๖๘-๐๔-๒๔"), "๒๕๖๘-๐๔-๒๔ looks like a Buddhist-era year: write 2025-04-24 or 2568-04-24 BE");
  EXPECT_EQ(date_error("2025-04-24 BE"),
            "2025-04-24 BE gives the year 2025 BE (1482 CE), which looks like a Common-Era year: write 2025-04-24 or "
            "2568-04-24 BE");
  EXPECT_EQ(date_error("24 เมษายน 2025"),
            "24 เมษายน 2025 gives the year 2025 BE (1482 CE), which looks like a Common-Era year: write 2025-04-24 or "
            "2568-04-24 BE");
  EXPECT_EQ(date_error("2025-02-30"), "'2025-02-30' is not a valid date (expected YYYY-MM-DD)");
  EXPECT_EQ(date_error("24 เมษา 2568"), "'24 เมษา 2568' is not a valid date (expected YYYY-MM-DD)");
}

TEST(ThaiDate, BuddhistLookingYearInADocumentStopsWithItsLocation) {
  std::string dir = test::temp_dir("be-date");
  std::string doc = dir + "/be.yaml";
  test::write_file(doc,
                   "kind: memo\n"
                   "memo:\n"
                   "  agency: สำนักปลัด\n"
                   "  reference: ที่ ๑/๒๕๖๘\n"
                   "  date: 2568-04-24\n"
                   "  subject: ทดสอบ\n"
                   "  to: นายก\n"
                   "  body: [ข้อความ]\n"
                   "  signer: {name: นายสมชาย ใจดี, position: ปลัด}\n");
  auto r = test::run(test::quote(test::thaidoc_binary()) + " render " + test::quote(doc) + " -o " +
                     test::quote(dir + "/be.pdf") + " 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("be.yaml:5:9: error: memo.date: 2568-04-24 looks like a Buddhist-era year: write 2025-04-24 or "
                       "2568-04-24 BE"),
            std::string::npos)
      << r.out;
  test::write_file(doc, test::read_file(doc).replace(test::read_file(doc).find("2568-04-24"), 10, "2568-04-24 BE"));
  r = test::run(test::quote(test::thaidoc_binary()) + " render " + test::quote(doc) + " -o " +
                test::quote(dir + "/be.pdf") + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

// ------------------------------------------------------------------ dictionary

TEST(Dictionary, TemplateDocumentFileAndTheDocumentsOwnNames) {
  std::string dir = test::temp_dir("dictionary");
  test::write_file(dir + "/words.txt", "# names of the district\nคลองใหม่\n\n  สามพราน  \n");
  test::write_file(dir + "/house.yaml", "extends: memo\ndictionary: [ตาเนิน]\nline_breaking: {max_stretch: 20%}\n");
  test::write_file(dir + "/m.yaml",
                   "kind: memo\n"
                   "template: ./house.yaml\n"
                   "dictionary: [วังสมบูรณ์, นายสมชาย ใจดี]\n"
                   "dictionary_file: words.txt\n"
                   "author: กองคลัง อำเภอชุมแพ\n"
                   "memo:\n"
                   "  agency: สำนักปลัด เทศบาลตำบลวังสมบูรณ์ โทร. 0 4489 0000\n"
                   "  reference: ที่ ๑/๒๕๖๘\n"
                   "  date: 2025-04-24\n"
                   "  subject: ทดสอบ\n"
                   "  to: นายกเทศมนตรีตำบลวังสมบูรณ์\n"
                   "  body: [ข้อความ]\n"
                   "  signer: {name: นางสาวเสาวนิตย์ ประยูรพันธ์, position: [ปลัดเทศบาลตำบลวังสมบูรณ์, "
                   "นักวิเคราะห์นโยบายและแผนชำนาญการ]}\n");
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  Document doc = read_document(dir + "/m.yaml", o);
  const auto& d = doc.style.line_breaking.dictionary;
  auto has = [&](const std::string& w) { return std::find(d.begin(), d.end(), w) != d.end(); };
  EXPECT_DOUBLE_EQ(doc.style.line_breaking.max_stretch, 0.20);
  for (const char* w : {"ตาเนิน", "วังสมบูรณ์", "นายสมชาย ใจดี", "คลองใหม่", "สามพราน", "เทศบาลตำบลวังสมบูรณ์",
                        "นายกเทศมนตรี", "ตำบลวังสมบูรณ์", "นางสาวเสาวนิตย์ ประยูรพันธ์", "นางสาวเสาวนิตย์", "ประยูรพันธ์",
                        "ปลัด", "นักวิเคราะห์นโยบายและแผน", "ชำนาญการ", "อำเภอชุมแพ"})
    EXPECT_TRUE(has(w)) << w;
  // A position is its title, its office and its level, each an entry of its own: a narrow
  // column wraps it between them (ปลัด|เทศบาลตำบลวังสมบูรณ์), never inside one.
  for (const char* w : {"นายกเทศมนตรีตำบลวังสมบูรณ์", "ปลัดเทศบาลตำบลวังสมบูรณ์", "นักวิเคราะห์นโยบายและแผนชำนาญการ"})
    EXPECT_FALSE(has(w)) << w;
  EXPECT_FALSE(has("0")) << "numbers are no names";
  EXPECT_FALSE(has("4489"));
  // A missing file is an error at the key.
  test::write_file(dir + "/m.yaml", test::read_file(dir + "/m.yaml").replace(
                                        test::read_file(dir + "/m.yaml").find("words.txt"), 9, "nowords.txt"));
  try {
    read_document(dir + "/m.yaml", o);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("m.yaml:4:18: dictionary_file: cannot read dictionary file"), std::string::npos)
        << e.what();
  }
}
