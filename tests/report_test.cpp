// Reports: สารบัญ page numbers against the pages the headings are printed on,
// the PDF outline, numbers from the one ITA data source, and warnings.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>

#include "base/utf8.h"
#include "test_support.h"

namespace {

using thaidoc::test::quote;
using thaidoc::test::run;

std::string ita_section(const std::string& file) {
  std::string text = thaidoc::test::read_file(thaidoc::test::source_dir() + "/" + file);
  return text.substr(text.find("\nita:") + 1);
}

// A report whose parts are pushed across pages by filler paragraphs.
std::string report_yaml(const std::string& ita, int filler) {
  std::string y = "kind: report\ntitle: รายงานทดสอบ\n" + ita +
                  "\nreport:\n"
                  "  cover:\n"
                  "    title: [รายงานการวิเคราะห์ผลการประเมิน, \"ประจำปีงบประมาณ พ.ศ. {{ita.year}}\"]\n"
                  "    by: คณะทำงาน\n"
                  "    organisation: [\"{{ita.organisation}}\"]\n"
                  "  preface:\n"
                  "    body: [รายงานฉบับนี้จัดทำขึ้นเพื่อวิเคราะห์ผลการประเมิน]\n"
                  "    closing: [คณะทำงาน]\n"
                  "  body:\n"
                  "    - heading: ส่วนที่ ๑ บทนำ\n"
                  "    - heading: ๑.๑ ความเป็นมา\n"
                  "      level: 2\n";
  for (int i = 0; i < filler; ++i)
    y += "    - ผลคะแนนรวม {{ita.total}} คะแนน ระดับ {{ita.level}} ตัวชี้วัดที่ได้คะแนนต่ำสุดคือ {{ita.lowest}} "
         "ซึ่งต้องแก้ไขอย่างเร่งด่วนตามข้อเสนอแนะของสำนักงาน ป.ป.ช.\n";
  y += "    - heading: ๑.๒ วัตถุประสงค์\n"
       "      level: 2\n"
       "    - heading: ส่วนที่ ๒ ผลการประเมิน\n"
       "    - ita_table: weighted\n"
       "    - chart: scores\n"
       "    - caption: แผนภูมิที่ ๑ คะแนนรายตัวชี้วัด\n"
       "    - ita_table: ranking\n";
  for (int i = 0; i < filler; ++i) y += "    - ข้อความอธิบายผลการวิเคราะห์ตัวชี้วัดรายข้อ {{ita.highest}}\n";
  y += "    - heading: ส่วนที่ ๓ ข้อเสนอแนะ\n"
       "    - ita_table: recommendations\n"
       "    - heading: ส่วนที่ ๔ มาตรการ\n"
       "    - note: \"* ตัวชี้วัดที่ต่ำกว่า {{ita.pass_mark}} คะแนน\"\n";
  return y;
}

int thai_number(const std::string& s) {
  int n = 0;
  for (char32_t c : thaidoc::utf8::decode(s)) {
    if (c >= U'๐' && c <= U'๙') n = n * 10 + static_cast<int>(c - U'๐');
    else if (c >= '0' && c <= '9') n = n * 10 + static_cast<int>(c - '0');
  }
  return n;
}

std::string page_text(const std::string& pdf, int page) {
  return run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(pdf) + " -")
      .out;
}

struct Rendered {
  std::string pdf;
  thaidoc::test::CommandResult result;
};

Rendered render(const std::string& name, const std::string& yaml) {
  std::string dir = thaidoc::test::temp_dir(name);
  thaidoc::test::write_file(dir + "/r.yaml", yaml);
  Rendered r;
  r.pdf = dir + "/r.pdf";
  r.result = run(quote(thaidoc::test::thaidoc_binary()) + " render " + dir + "/r.yaml -o " + r.pdf);
  return r;
}

// (title, page) of every สารบัญ line.
std::vector<std::pair<std::string, int>> contents_of(const std::string& pdf, int contents_page) {
  std::vector<std::pair<std::string, int>> out;
  std::istringstream in(page_text(pdf, contents_page));
  std::string line;
  std::regex entry("^\\s*(\\S.*\\S)\\s{2,}(\\S+)\\s*$");
  bool started = false;
  while (std::getline(in, line)) {
    if (line.find("หน้า") != std::string::npos) {
      started = true;
      continue;
    }
    std::smatch m;
    if (started && std::regex_match(line, m, entry)) out.emplace_back(m[1], thai_number(m[2]));
  }
  return out;
}

}  // namespace

TEST(Report, ContentsPageNumbersAreWhereTheHeadingsArePrinted) {
  for (int filler : {2, 14, 30}) {
    Rendered r = render("report-toc", report_yaml(ita_section("data/ita/klongmai-2565.yaml"), filler));
    ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
    auto toc = contents_of(r.pdf, 3);
    ASSERT_EQ(toc.size(), 6u) << page_text(r.pdf, 3);
    int last = 0;
    for (const auto& [title, page] : toc) {
      EXPECT_GE(page, last) << title;
      last = page;
      std::string text = page_text(r.pdf, page);
      EXPECT_NE(text.find(title), std::string::npos)
          << "'" << title << "' is listed on page " << page << " but not printed there (filler " << filler << ")";
      // ... and not already on the page before (unless that is the contents itself).
      if (page - 1 > 3) EXPECT_EQ(page_text(r.pdf, page - 1).find(title + "\n"), std::string::npos) << title;
    }
    // The PDF outline has the same entries on the same pages (plus คำนำ and สารบัญ).
    std::string xml = run("pdftohtml -xml -i -stdout -q " + quote(r.pdf)).out;
    for (const auto& [title, page] : toc) {
      std::string item = "<item page=\"" + std::to_string(page) + "\">" + title + "</item>";
      EXPECT_NE(xml.find(item), std::string::npos) << item;
    }
    EXPECT_NE(xml.find(">คำนำ</item>"), std::string::npos);
    EXPECT_EQ(run("qpdf --check " + quote(r.pdf)).exit_code, 0);
  }
}

TEST(Report, EveryNumberComesFromTheDataSource) {
  Rendered r = render("report-numbers", report_yaml(ita_section("data/ita/klongmai-2565.yaml"), 2));
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  std::string text = run("pdftotext " + quote(r.pdf) + " -").out;
  // klongmai 2565 (worked out by hand in tests/ita_test.cpp): means 87.72 / 81.13 / 65.38,
  // weighted (from the printed means) 26.32 / 24.34 / 26.15, adding up to the total 76.81, level B.
  for (const char* expected : {"๘๗.๗๒", "๘๑.๑๓", "๖๕.๓๘", "๒๖.๓๒", "๒๔.๓๔", "๒๖.๑๕", "ผลคะแนนรวม ๗๖.๘๑ คะแนน ระดับ B",
                               "ประจำปีงบประมาณ พ.ศ. ๒๕๖๕", "องค์การบริหารส่วนตำบลคลองใหม่", "คะแนนต่ำสุด",
                               "การป้องกันการทุจริต"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  EXPECT_EQ(r.result.out.find("warning"), std::string::npos) << r.result.out;
}

TEST(Report, InconsistentSuppliedTotalWarnsAndPrintsTheSuppliedValue) {
  Rendered r = render("report-warning", report_yaml(ita_section("data/ita/fixtures/klongmai-2565-inconsistent.yaml"), 1));
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  EXPECT_NE(r.result.out.find("r.yaml:"), std::string::npos) << r.result.out;
  EXPECT_NE(r.result.out.find("warning: ita.supplied.total"), std::string::npos) << r.result.out;
  EXPECT_NE(r.result.out.find("85.03"), std::string::npos) << r.result.out;
  EXPECT_NE(r.result.out.find("76.81"), std::string::npos) << r.result.out;
  std::string text = run("pdftotext " + quote(r.pdf) + " -").out;
  EXPECT_NE(text.find("ผลคะแนนรวม ๘๕.๐๓"), std::string::npos) << "the supplied total is what gets printed";
}

TEST(Report, ChartsNeedData) {
  std::string yaml = "kind: report\nreport:\n  body:\n    - chart: scores\n";
  Rendered r = render("report-nodata", yaml);
  EXPECT_EQ(r.result.exit_code, 2);
  EXPECT_NE(r.result.out.find("r.yaml:4:14: error: report.body[1].chart: a chart needs ITA data"), std::string::npos)
      << r.result.out;
}
