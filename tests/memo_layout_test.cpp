// The memo's parts: order, positions, pagination rules, template overrides, and
// what a reader extracts from the PDF.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "base/digits.h"
#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "layout/verify.h"
#include "test_support.h"

using namespace thaidoc;
namespace fs = std::filesystem;

namespace {

using test::RunInfo;
using test::runs_of;



// The first run whose text starts with `prefix` (on `page`, or any page if -1).
const RunInfo* find(const std::vector<RunInfo>& runs, const std::string& prefix, int page = -1) {
  for (const auto& r : runs)
    if (r.text.rfind(prefix, 0) == 0 && (page < 0 || r.page == page)) return &r;
  return nullptr;
}

ReadOptions options() {
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  return o;
}

Resources& resources() {
  static Resources res{FontManager({test::source_dir() + "/fonts"}), ShapeCache()};
  return res;
}

// Every layout a test makes must keep the layout invariants (layout/verify.h).
LaidOutDocument checked(LaidOutDocument doc) {
  for (const LayoutViolation& v : verify_layout(doc)) ADD_FAILURE() << describe(v, "test document");
  return doc;
}

LaidOutDocument layout_file(const std::string& path) {
  Document doc = read_document(path, options());
  return checked(layout_document(doc, resources()));
}

LaidOutDocument layout_yaml(const std::string& yaml, const std::string& dir = "") {
  std::string d = dir.empty() ? test::temp_dir("memo-yaml") : dir;
  Document doc = read_document_string(yaml, d + "/memo.yaml", options());
  return checked(layout_document(doc, resources()));
}

std::string th(int n) { return convert_digits(std::to_string(n), DigitStyle::Thai); }

std::string memo_yaml(int paragraphs, int comments, const std::string& extra_style = "") {
  std::string y = "kind: memo\n" + extra_style +
                  "memo:\n"
                  "  agency: สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ\n"
                  "  reference: ทส ๑๒๓๔/๕๖\n"
                  "  date: 2025-04-24\n"
                  "  subject: ทดสอบการจัดหน้าบันทึกข้อความ\n"
                  "  to: นายกองค์การบริหารส่วนตำบลทดสอบ\n"
                  "  body:\n";
  for (int i = 0; i < paragraphs; ++i)
    y += "    - ย่อหน้าที่ " + th(i + 1) +
         " คณะทำงานได้จัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบล\n";
  y += "  signer:\n    name: นางสาวทดสอบ ระบบดี\n    position: นักวิเคราะห์นโยบายและแผน\n";
  if (comments > 0) y += "  comments:\n";
  for (int c = 0; c < comments; ++c)
    y += "    - heading: ความคิดเห็นของผู้บังคับบัญชาลำดับที่ " + th(c + 1) +
         "\n      lines: 2\n      signer:\n        name: นายผู้บังคับบัญชา คนที่" + th(c + 1) +
         "\n        position: หัวหน้าสำนักปลัด\n";
  return y;
}

}  // namespace

TEST(MemoLayout, PartsComeInOrderOnTheFirstPage) {
  auto doc = layout_file(test::source_dir() + "/data/memo/taneun-ita-results.yaml");
  auto runs = runs_of(doc);
  std::vector<std::string> order = {"บันทึกข้อความ", "ส่วนราชการ", "ที่", "เรื่อง", "เรียน", "เรื่องเดิม",
                                    "ข้อเท็จจริง", "ข้อเสนอเพื่อพิจารณา"};
  double last_y = -1;
  for (const auto& prefix : order) {
    const RunInfo* r = find(runs, prefix, 0);
    ASSERT_NE(r, nullptr) << prefix;
    EXPECT_GT(r->y, last_y) << prefix << " is not below the part before it";
    last_y = r->y;
  }
}

TEST(MemoLayout, ReferenceAndDateShareABaseline) {
  auto doc = layout_file(test::source_dir() + "/data/memo/taneun-ita-results.yaml");
  auto runs = runs_of(doc);
  const RunInfo* ref = find(runs, "ที่", 0);
  const RunInfo* date_label = find(runs, "วันที่", 0);
  const RunInfo* date_value = find(runs, "๒๔ เมษายน ๒๕๖๘", 0);
  ASSERT_TRUE(ref && date_label && date_value);
  EXPECT_DOUBLE_EQ(ref->y, date_label->y);
  EXPECT_DOUBLE_EQ(ref->y, date_value->y);
  // วันที่ starts at half the text width (template memo.date_column = 0.5).
  Template tpl;
  EXPECT_NEAR(date_label->x, tpl.page.margin_left + 0.5 * tpl.page.content_width(), 0.5);
  EXPECT_GT(date_value->x, date_label->x + date_label->width);
  // Labels 20 pt bold, values 16 pt.
  EXPECT_EQ(ref->size, 20);
  EXPECT_EQ(date_value->size, 16);
}

TEST(MemoLayout, TitleCentredAndSignatureRightOfCentre) {
  auto doc = layout_file(test::source_dir() + "/data/memo/taneun-ita-results.yaml");
  auto runs = runs_of(doc);
  const RunInfo* title = find(runs, "บันทึกข้อความ", 0);
  ASSERT_TRUE(title);
  EXPECT_NEAR(title->center(), doc.pages[0].width / 2, 0.5);
  EXPECT_EQ(title->size, 29);
  Template tpl;
  double text_center = tpl.page.margin_left + tpl.page.content_width() / 2;
  const RunInfo* name = find(runs, "(นางสาวเสาวนิตย์ ประยูรพันธ์)");
  const RunInfo* position = find(runs, "นักวิเคราะห์นโยบายและแผนชำนาญการ");
  ASSERT_TRUE(name && position);
  EXPECT_GT(name->center(), text_center + 20);
  EXPECT_NEAR(name->center(), position->center(), 0.5);  // the block's lines share a centre
  EXPECT_GT(position->y, name->y);
  // The acting line comes between the name and the position it acts for.
  const RunInfo* acting = find(runs, "ปลัดองค์การบริหารส่วนตำบลตาเนิน รักษาการแทน");
  const RunInfo* chief = find(runs, "นายกองค์การบริหารส่วนตำบลตาเนิน", acting ? acting->page : -1);
  ASSERT_TRUE(acting && chief);
  EXPECT_EQ(acting->page, chief->page);
}

TEST(MemoLayout, PageNumbersFromPageTwo) {
  auto doc = layout_yaml(memo_yaml(20, 2));
  ASSERT_GE(doc.pages.size(), 2u);
  auto runs = runs_of(doc);
  EXPECT_EQ(find(runs, "- ๑ -"), nullptr);
  for (size_t p = 1; p < doc.pages.size(); ++p) {
    std::string label = std::string("- ") + (p == 1 ? "๒" : p == 2 ? "๓" : "๔") + " -";
    const RunInfo* n = find(runs, label, static_cast<int>(p));
    ASSERT_TRUE(n) << "page " << p + 1;
    EXPECT_NEAR(n->center(), doc.pages[p].width / 2, 0.5);
    EXPECT_LT(n->y, 2.5 * kPointsPerCm);  // in the top margin
  }
}

TEST(MemoLayout, SignatureNeverAloneAndCommentsNeverSplit) {
  // Grow the body one paragraph at a time so that every part meets a page end.
  int saw_signature_on_later_page = 0;
  for (int n = 8; n <= 24; ++n) {
    auto doc = layout_yaml(memo_yaml(n, 3));
    auto runs = runs_of(doc);
    const RunInfo* name = find(runs, "(นางสาวทดสอบ ระบบดี)");
    const RunInfo* closing = find(runs, "จึงเรียนมาเพื่อโปรดพิจารณา");
    ASSERT_TRUE(name && closing) << n;
    EXPECT_EQ(name->page, closing->page) << "signature separated from the closing with " << n << " paragraphs";
    if (name->page > 0) ++saw_signature_on_later_page;
    for (int c = 1; c <= 3; ++c) {
      const RunInfo* heading = find(runs, "ความคิดเห็นของผู้บังคับบัญชาลำดับที่ " + th(c));
      const RunInfo* signer = find(runs, "(นายผู้บังคับบัญชา คนที่" + th(c) + ")");
      ASSERT_TRUE(heading && signer);
      EXPECT_EQ(heading->page, signer->page) << "comment block " << c << " split with " << n << " paragraphs";
    }
  }
  EXPECT_GT(saw_signature_on_later_page, 0);
}

TEST(MemoLayout, TemplateOverridesChangeTheLayout) {
  auto plain = runs_of(layout_yaml(memo_yaml(2, 0)));
  auto bigger = runs_of(layout_yaml(memo_yaml(2, 0, "style:\n  body: {size: 18}\n  memo: {date_column: 0.6}\n")));
  const RunInfo* p1 = find(plain, "ย่อหน้าที่ ๑");
  const RunInfo* p2 = find(bigger, "ย่อหน้าที่ ๑");
  ASSERT_TRUE(p1 && p2);
  EXPECT_EQ(p1->size, 16);
  EXPECT_EQ(p2->size, 18);
  Template tpl;
  EXPECT_NEAR(find(bigger, "วันที่")->x, tpl.page.margin_left + 0.6 * tpl.page.content_width(), 0.5);
}

TEST(MemoLayout, DigitsFollowTheDocumentSetting) {
  auto thai = runs_of(layout_yaml(memo_yaml(1, 0)));
  EXPECT_TRUE(find(thai, "๒๔ เมษายน ๒๕๖๘"));
  auto arabic = runs_of(layout_yaml(memo_yaml(1, 0, "digits: arabic\n")));
  EXPECT_TRUE(find(arabic, "24 เมษายน 2568"));
  EXPECT_TRUE(find(arabic, "ทส 1234/56"));
  auto abbreviated = runs_of(layout_yaml(memo_yaml(1, 0, "style:\n  dates: {months: abbreviated}\n")));
  EXPECT_TRUE(find(abbreviated, "๒๔ เม.ย. ๒๕๖๘"));
}

TEST(MemoLayout, EmblemSitsTopLeftAndTheTitleDoesNotMove) {
  std::string dir = test::temp_dir("emblem");
  // A valid 1x1 PNG.
  const unsigned char png[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
                               0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
                               0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78,
                               0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00,
                               0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  test::write_file(dir + "/garuda.png", std::string(reinterpret_cast<const char*>(png), sizeof png));
  std::string with = memo_yaml(1, 0);
  with.replace(with.find("memo:\n") + 6, 0, "  emblem: garuda.png\n");
  auto a = layout_yaml(with, dir);
  auto b = layout_yaml(memo_yaml(1, 0), dir);
  const ImageItem* img = nullptr;
  for (const auto& item : a.pages[0].items)
    if (auto* i = std::get_if<ImageItem>(&item)) img = i;
  ASSERT_TRUE(img);
  Template tpl;
  EXPECT_NEAR(img->x, tpl.page.margin_left, 0.01);
  EXPECT_NEAR(img->y, 1.5 * kPointsPerCm, 0.01);  // memo template: first page starts 1.5 cm from the top
  EXPECT_NEAR(img->h, 1.5 * kPointsPerCm, 0.01);
  EXPECT_DOUBLE_EQ(find(runs_of(a), "บันทึกข้อความ")->y, find(runs_of(b), "บันทึกข้อความ")->y);
}

TEST(MemoRender, ExtractedTextHasEveryPartInReadingOrder) {
  std::string dir = test::temp_dir("memo-render");
  std::string pdf = dir + "/memo.pdf";
  auto r = test::run(test::quote(test::thaidoc_binary()) + " render " +
                     test::quote(test::source_dir() + "/data/memo/taneun-ita-results.yaml") + " -o " + pdf);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string text = test::run("pdftotext " + pdf + " -").out;
  // Join lines (dropping line breaks) to follow wrapped parts.
  std::string flat;
  for (char c : text)
    if (c != '\n' && c != '\f') flat += c;
  std::vector<std::string> parts = {
      "บันทึกข้อความ", "ส่วนราชการ", "สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน", "ที่", "ชย ๘๐๘๐๑/๓๓๕", "วันที่",
      "๒๔ เมษายน ๒๕๖๘", "เรื่อง", "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
      "เรียน", "นายกองค์การบริหารส่วนตำบลตาเนิน", "เรื่องเดิม", "ข้อเท็จจริง", "ข้อเสนอเพื่อพิจารณา",
      "จึงเรียนมาเพื่อโปรดพิจารณา", "(นางสาวเสาวนิตย์ ประยูรพันธ์)", "นักวิเคราะห์นโยบายและแผนชำนาญการ",
      "ความคิดเห็นของหัวหน้าสำนักปลัด", "(นายสามารถ มาตริทิพล)", "หัวหน้าสำนักปลัด",
      "ความคิดเห็นของปลัดองค์การบริหารส่วนตำบลตาเนิน", "(นายปณวัฒน์ ประกายเพชร)",
      "ความคิดเห็นของนายกองค์การบริหารส่วนตำบลตาเนิน", "ปลัดองค์การบริหารส่วนตำบลตาเนิน รักษาการแทน"};
  size_t pos = 0;
  for (const auto& p : parts) {
    size_t at = flat.find(p, pos);
    ASSERT_NE(at, std::string::npos) << "missing or out of order: " << p << "\n" << text;
    pos = at + p.size();
  }
}

TEST(MemoRender, BadInputGivesLocatedErrorExitTwoAndNoFile) {
  std::string dir = test::temp_dir("memo-bad");
  std::string yaml = memo_yaml(1, 0);
  yaml.replace(yaml.find("  subject:"), 10, "  subjet:");
  test::write_file(dir + "/memo.yaml", yaml);
  auto r = test::run(test::quote(test::thaidoc_binary()) + " render " + dir + "/memo.yaml -o " + dir + "/out.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("memo.yaml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("did you mean 'subject'"), std::string::npos) << r.out;
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().filename(), "memo.yaml");
}
