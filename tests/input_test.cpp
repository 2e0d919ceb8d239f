// Reading documents and templates from YAML: the model they produce and the errors
// users see (file:line:col, key path, message, exit code).
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "input/document_reader.h"
#include "layout/kinds/registry.h"
#include "input/template_reader.h"
#include "input/yaml_reader.h"
#include "test_support.h"

using namespace thaidoc;
namespace fs = std::filesystem;

namespace {

// A complete 1 x 1 grey PNG (images are decoded when the document is read).
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00"
    "\x01\x08\x00\x00\x00\x00\x3a\x7e\x9b\x55\x00\x00\x00\x0a\x49\x44\x41\x54\x78\x9c\x63\x68\x00"
    "\x00\x00\x82\x00\x81\x77\xcd\x72\xb6\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    67);

class InputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::temp_dir(std::string("input-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(dir_); }

  ReadOptions options() const {
    ReadOptions o;
    o.template_dirs = {test::source_dir() + "/templates"};
    o.font_exists = [](const std::string& name) {
      return fs::is_regular_file(fs::path(test::source_dir()) / "fonts" / name);
    };
    return o;
  }

  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  void write(const std::string& name, const std::string& content) const { test::write_file(path(name), content); }

  Document read(const std::string& yaml, const std::string& name = "memo.yaml") const {
    write(name, yaml);
    return read_document(path(name), options());
  }

  // "memo.yaml:12:5: memo.signer.name: expected a string" (the temp dir left out);
  // expects exit code 2.
  std::string error(const std::string& yaml, const std::string& name = "memo.yaml") const {
    write(name, yaml);
    try {
      read_document(path(name), options());
    } catch (const Error& e) {
      EXPECT_EQ(e.exit_code(), 2) << e.what();
      std::string s = e.what();
      if (s.rfind(dir_ + "/", 0) == 0) s.erase(0, dir_.size() + 1);
      return s;
    }
    return "(no error)";
  }

  std::string dir_;
};

// A valid memo; tests replace parts of it to make one thing wrong.
const std::string kMemo = test::kMinimalMemo;

std::string replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

InlineSpan span(std::string text, bool bold = false, std::string link = "") {
  InlineSpan s;
  s.text = std::move(text);
  s.bold = bold;
  s.link = std::move(link);
  return s;
}

const Paragraph& para(const Block& b) { return std::get<Paragraph>(b.content); }

// Every number of a template, to check that an override changes only what it says.
std::vector<double> numbers(const Template& t) {
  std::vector<double> v = {t.page.width, t.page.height, t.page.margin_top, t.page.margin_bottom,
                           t.page.margin_left, t.page.margin_right, t.page.first_page_margin_top,
                           double(t.digits), double(t.page_numbers.enabled), double(t.page_numbers.first_numbered_page),
                           t.page_numbers.baseline_from_top, t.page_numbers.size, t.body.size, t.body.line_height,
                           t.body.first_indent, t.body.space_before, t.body.space_after, double(t.body.align),
                           double(t.body.orphans), double(t.body.widows)};
  for (const auto& h : t.headings) {
    v.insert(v.end(), {h.size, double(h.bold), double(h.align), h.space_before, h.space_after, h.first_indent});
  }
  const auto& m = t.memo;
  v.insert(v.end(), {t.lists.indent, t.lists.marker_gap, t.lists.level_indent, t.lists.item_space,
                     double(t.lists.hanging), m.emblem_height, m.title_size, m.title_baseline_raise, m.label_size,
                     double(m.label_bold), m.value_size, m.label_gap, double(m.dotted_values), m.dotted_offset,
                     m.date_column, m.header_line_height, m.space_after_title, m.space_before_to,
                     m.space_after_header, double(m.to_label_bold), m.to_label_size, m.closing_space_before,
                     m.signature_center, m.signature_space, m.signature_space_before,
                     double(m.comment_dotted_lines), double(m.comment_heading_bold), m.comment_dotted_indent,
                     m.comment_space_before, m.dotted_line_spacing, t.dotted_line_dash, t.dotted_line_width});
  return v;
}

std::vector<std::string> strings(const Template& t) {
  return {t.fonts.regular, t.fonts.bold, t.fonts.italic, t.fonts.bold_italic, t.fonts.fallback,
          t.page_numbers.format, t.memo.title, t.memo.agency_label, t.memo.reference_label, t.memo.date_label,
          t.memo.subject_label, t.memo.to_label, t.memo.closing};
}

}  // namespace

// ------------------------------------------------------------------ a full memo

TEST_F(InputTest, FullMemo) {
  write("garuda.png", kPng);
  write("sig.png", kPng);
  write("img/chart.jpg", test::read_file(test::source_dir() + "/tests/bad_input/files/ok.jpg"));  // a real JPEG
  Document doc = read(R"Y(kind: memo
title: รายงานผลการดำเนินการ ITA
author: สำนักปลัด อบต.ตาเนิน
subject: ITA ๒๕๖๘
keywords: [ITA, คุณธรรม]
digits: arabic
memo:
  emblem: garuda.png
  agency: สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน อำเภอเนินสง่า จังหวัดชัยภูมิ
  reference: ชย ๘๐๘๐๑/๓๓๕
  date: 2025-04-24
  subject: รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส
  to: นายกองค์การบริหารส่วนตำบลตาเนิน
  body:
    - heading: ๑. เรื่องเดิม
      level: 3
      align: left
    - ตามที่คณะทำงาน **ITA** ได้จัดทำรายงาน
    - paragraph: |
        บรรทัดแรก
        บรรทัดสอง
      align: right
      indent: 0
      left_indent: 1cm
      digits: thai
      keep_with_next: true
    - list:
        - เห็นควรให้ความเห็นชอบ
        - text: "[เว็บไซต์](https://www.taneun.go.th/ita/o42.pdf)"
          marker: arabic-paren
          start: 2
          list: [ก, ข]
        - - paragraph: ย่อหน้าในข้อ
          - list: [ค]
            marker: bullet
      marker: thai
      start: 3
    - image: img/chart.jpg
      width: 10cm
      height: 72
      align: left
    - space: 12pt
    - dotted: 3
    - pagebreak: true
    - pagebreak: false
  closing: จึงเรียนมาเพื่อโปรดทราบ
  signer:
    name: นางสาวเสาวนิตย์ ประยูรพันธ์
    position: นักวิเคราะห์นโยบายและแผนชำนาญการ
    image: sig.png
  comments:
    - heading: ความคิดเห็นของหัวหน้าสำนักปลัด
      lines: 3
      signer:
        name: นายสามารถ มาตริทิพล
        position: หัวหน้าสำนักปลัด
    - heading: ความคิดเห็นของนายกองค์การบริหารส่วนตำบลตาเนิน
      text: ทราบ **อนุมัติ**
      signer:
        name: นายปณวัฒน์ ประกายเพชร
        acting: ปลัดองค์การบริหารส่วนตำบลตาเนิน รักษาราชการแทน
        position: [นายกองค์การบริหารส่วนตำบลตาเนิน]
)Y");
  const std::string file = path("memo.yaml");
  EXPECT_EQ(doc.kind, DocumentKind::Memo);
  EXPECT_EQ(doc.source, file);
  EXPECT_EQ(doc.base_dir, fs::path(dir_).lexically_normal().string());
  EXPECT_EQ(doc.info.title, "รายงานผลการดำเนินการ ITA");
  EXPECT_EQ(doc.info.author, "สำนักปลัด อบต.ตาเนิน");
  EXPECT_EQ(doc.info.subject, "ITA ๒๕๖๘");
  EXPECT_EQ(doc.info.keywords, "ITA, คุณธรรม");
  EXPECT_EQ(doc.info.language, "th");
  EXPECT_EQ(doc.style.name, "memo");
  EXPECT_EQ(doc.style.digits, DigitStyle::Arabic);
  EXPECT_TRUE(doc.blocks.empty());

  const Memo& m = doc.memo;
  EXPECT_EQ(m.emblem, path("garuda.png"));
  EXPECT_EQ(m.agency, "สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน อำเภอเนินสง่า จังหวัดชัยภูมิ");
  EXPECT_EQ(m.reference, "ชย ๘๐๘๐๑/๓๓๕");
  EXPECT_EQ(m.date.year, 2025);
  EXPECT_EQ(m.date.month, 4);
  EXPECT_EQ(m.date.day, 24);
  EXPECT_EQ(m.subject, "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส");
  EXPECT_EQ(m.to, "นายกองค์การบริหารส่วนตำบลตาเนิน");
  EXPECT_EQ(m.closing, "จึงเรียนมาเพื่อโปรดทราบ");

  ASSERT_EQ(m.body.size(), 8u);  // `pagebreak: false` adds nothing
  // heading
  const auto& h = std::get<Heading>(m.body[0].content);
  EXPECT_EQ(h.level, 3);
  EXPECT_EQ(h.text, InlineText{span("๑. เรื่องเดิม")});
  EXPECT_EQ(h.align, BlockAlign::Left);
  EXPECT_EQ(m.body[0].where.to_string(), file + ":15:7");
  EXPECT_FALSE(m.body[0].digits.has_value());
  // plain string paragraph
  EXPECT_EQ(para(m.body[1]).text, (InlineText{span("ตามที่คณะทำงาน "), span("ITA", true), span(" ได้จัดทำรายงาน")}));
  EXPECT_FALSE(para(m.body[1]).align.has_value());
  EXPECT_FALSE(para(m.body[1]).first_indent.has_value());
  EXPECT_EQ(para(m.body[1]).left_indent, 0);
  EXPECT_FALSE(para(m.body[1]).keep_with_next);
  EXPECT_EQ(m.body[1].where.to_string(), file + ":18:7");
  // paragraph mapping with a literal block: the newline is a line break, the last one is dropped
  const Paragraph& p = para(m.body[2]);
  EXPECT_EQ(p.text, InlineText{span("บรรทัดแรก\nบรรทัดสอง")});
  EXPECT_EQ(p.align, BlockAlign::Right);
  EXPECT_EQ(p.first_indent, 0.0);
  EXPECT_NEAR(p.left_indent, kPointsPerCm, 1e-9);
  EXPECT_TRUE(p.keep_with_next);
  EXPECT_EQ(m.body[2].digits, DigitStyle::Thai);
  EXPECT_EQ(m.body[2].where.to_string(), file + ":19:7");
  // list
  const auto& list = std::get<List>(m.body[3].content);
  EXPECT_EQ(list.marker, ListMarker::ThaiNumber);
  EXPECT_EQ(list.start, 3);
  ASSERT_EQ(list.items.size(), 3u);
  ASSERT_EQ(list.items[0].blocks.size(), 1u);
  EXPECT_EQ(para(list.items[0].blocks[0]).text, InlineText{span("เห็นควรให้ความเห็นชอบ")});
  ASSERT_EQ(list.items[1].blocks.size(), 2u);
  EXPECT_EQ(para(list.items[1].blocks[0]).text,
            InlineText{span("เว็บไซต์", false, "https://www.taneun.go.th/ita/o42.pdf")});
  const auto& nested = std::get<List>(list.items[1].blocks[1].content);
  EXPECT_EQ(nested.marker, ListMarker::ArabicParen);
  EXPECT_EQ(nested.start, 2);
  ASSERT_EQ(nested.items.size(), 2u);
  EXPECT_EQ(para(nested.items[1].blocks[0]).text, InlineText{span("ข")});
  ASSERT_EQ(list.items[2].blocks.size(), 2u);
  EXPECT_EQ(para(list.items[2].blocks[0]).text, InlineText{span("ย่อหน้าในข้อ")});
  const auto& nested2 = std::get<List>(list.items[2].blocks[1].content);
  EXPECT_EQ(nested2.marker, ListMarker::Bullet);
  EXPECT_EQ(nested2.start, 1);
  EXPECT_EQ(para(nested2.items[0].blocks[0]).text, InlineText{span("ค")});
  // image
  const auto& img = std::get<Image>(m.body[4].content);
  EXPECT_EQ(img.path, path("img/chart.jpg"));
  EXPECT_NEAR(img.width, 10 * kPointsPerCm, 1e-9);
  EXPECT_EQ(img.height, 72);
  EXPECT_EQ(img.align, BlockAlign::Left);
  // space, dotted lines, page break
  EXPECT_EQ(std::get<VerticalSpace>(m.body[5].content).height, 12);
  EXPECT_EQ(std::get<DottedLines>(m.body[6].content).count, 3);
  EXPECT_TRUE(std::holds_alternative<PageBreak>(m.body[7].content));

  // signer
  EXPECT_EQ(m.signer.name, "นางสาวเสาวนิตย์ ประยูรพันธ์");
  EXPECT_EQ(m.signer.positions, std::vector<std::string>{"นักวิเคราะห์นโยบายและแผนชำนาญการ"});
  EXPECT_EQ(m.signer.acting, "");
  EXPECT_EQ(m.signer.image, path("sig.png"));
  // comments
  ASSERT_EQ(m.comments.size(), 2u);
  EXPECT_EQ(m.comments[0].heading, "ความคิดเห็นของหัวหน้าสำนักปลัด");
  EXPECT_EQ(m.comments[0].dotted_lines, 3);
  EXPECT_TRUE(m.comments[0].text.empty());
  EXPECT_EQ(m.comments[0].signer.name, "นายสามารถ มาตริทิพล");
  EXPECT_EQ(m.comments[0].signer.positions, std::vector<std::string>{"หัวหน้าสำนักปลัด"});
  EXPECT_EQ(m.comments[1].dotted_lines, -1);
  ASSERT_EQ(m.comments[1].text.size(), 1u);
  EXPECT_EQ(para(m.comments[1].text[0]).text, (InlineText{span("ทราบ "), span("อนุมัติ", true)}));
  EXPECT_EQ(m.comments[1].signer.acting, "ปลัดองค์การบริหารส่วนตำบลตาเนิน รักษาราชการแทน");
  EXPECT_EQ(m.comments[1].signer.positions, std::vector<std::string>{"นายกองค์การบริหารส่วนตำบลตาเนิน"});
}

TEST_F(InputTest, BlocksInOrderIncludingThePageBreak) {
  Document doc = read(replace(kMemo, "    - ข้อความ\n", "    - ก\n    - pagebreak: true\n    - dotted:\n"));
  ASSERT_EQ(doc.memo.body.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<PageBreak>(doc.memo.body[1].content));
  EXPECT_EQ(std::get<DottedLines>(doc.memo.body[2].content).count, 1);
}

TEST_F(InputTest, MemoDefaults) {
  Document doc = read(kMemo);
  EXPECT_EQ(doc.info.title, "รายงานผล");  // from memo.subject
  EXPECT_EQ(doc.memo.emblem, "");
  EXPECT_EQ(doc.memo.closing, "");      // the template's closing is used
  EXPECT_TRUE(doc.memo.comments.empty());
  EXPECT_EQ(doc.style.name, "memo");
  EXPECT_EQ(doc.style.digits, DigitStyle::Thai);
  EXPECT_EQ(doc.style.memo.title, "บันทึกข้อความ");
  EXPECT_EQ(doc.style.memo.title_size, 29);
  EXPECT_EQ(doc.style.memo.label_size, 20);
  EXPECT_NEAR(doc.style.page.first_page_margin_top, 1.5 * kPointsPerCm, 1e-9);
  EXPECT_EQ(doc.style.page_numbers.format, "- {n} -");
  EXPECT_EQ(doc.style.page_numbers.first_numbered_page, 2);
}

TEST_F(InputTest, GeneralDocument) {
  Document doc = read(R"Y(kind: document
blocks:
  - heading: รายงาน
  - paragraph: "**สรุป** ผล"
    align: center
)Y", "doc.yaml");
  EXPECT_EQ(doc.kind, DocumentKind::Document);
  EXPECT_EQ(doc.style.name, "default");
  EXPECT_EQ(doc.style.page.first_page_margin_top, -1);  // same as margin_top
  EXPECT_EQ(doc.info.title, "");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(std::get<Heading>(doc.blocks[0].content).level, 1);
  EXPECT_EQ(para(doc.blocks[1]).text, (InlineText{span("สรุป", true), span(" ผล")}));
  EXPECT_EQ(para(doc.blocks[1]).align, BlockAlign::Center);
}

TEST_F(InputTest, ReadFromAString) {
  Document doc = read_document_string(kMemo, path("virtual.yaml"), options());
  EXPECT_EQ(doc.source, path("virtual.yaml"));
  EXPECT_EQ(doc.memo.subject, "รายงานผล");
  try {
    read_document_string("kind: memo\nmemo: [", "x/virtual.yaml", options());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "x/virtual.yaml");
    EXPECT_EQ(e.exit_code(), 2);
  }
}

TEST_F(InputTest, UnreadableFileIsExitCode1) {
  try {
    read_document(path("nope.yaml"), options());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), 1);
    EXPECT_EQ(e.where().file, path("nope.yaml"));
  }
}

// ------------------------------------------------------------------ templates

TEST_F(InputTest, ShippedTemplatesMatchTheBuiltInDefaults) {
  // default.yaml spells out the C++ defaults; memo.yaml adds the memo conventions
  // (which the C++ defaults also have) and a 1.5 cm top margin on the first page.
  Template def = read_template("default", options());
  Template builtin;
  std::vector<double> a = numbers(def), b = numbers(builtin);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-9) << "number " << i;
  EXPECT_EQ(strings(def), strings(builtin));
  EXPECT_EQ(def.name, "default");

  Template memo = read_template("memo", options());
  EXPECT_NEAR(memo.page.first_page_margin_top, 1.5 * kPointsPerCm, 1e-9);
  memo.page.first_page_margin_top = -1;
  a = numbers(memo);
  b = numbers(Template{});
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-9) << "number " << i;
  EXPECT_EQ(strings(memo), strings(Template{}));
  EXPECT_EQ(memo.name, "memo");
}

TEST_F(InputTest, StyleOverridesOnlyWhatItSays) {
  Document plain = read(kMemo);
  Document styled = read(replace(kMemo, "kind: memo\n", "kind: memo\nstyle:\n  body: {size: 15}\n"));
  EXPECT_EQ(styled.style.body.size, 15);
  std::vector<double> a = numbers(plain.style), b = numbers(styled.style);
  int differences = 0;
  for (size_t i = 0; i < a.size(); ++i) differences += a[i] != b[i];
  EXPECT_EQ(differences, 1);
  EXPECT_EQ(strings(plain.style), strings(styled.style));
}

TEST_F(InputTest, StyleSettingsOfEveryGroup) {
  Document doc = read(replace(kMemo, "kind: memo\n", R"Y(kind: memo
digits: keep
style:
  page: {size: A5 landscape, margin_left: 20mm}
  fonts: {regular: DejaVuSans.ttf}
  digits: arabic
  page_numbers: {enabled: false, format: "หน้า {n}", first_numbered_page: 1, size: 14pt}
  body: {line_height: 1.2, first_indent: 1in, align: left, orphans: 3, widows: 1}
  headings: {h2: {size: 17, bold: false, align: right}}
  lists: {indent: 1cm, item_space: 3}
  memo: {title: บันทึก, title_size: 24, dotted_values: no, signature_center: 0.5, comment_dotted_lines: 4}
  dotted_line: {dash: 2, width: 0.3}
)Y"));
  const Template& t = doc.style;
  EXPECT_EQ(t.page.width, 595.276);  // A5 landscape
  EXPECT_EQ(t.page.height, 419.528);
  EXPECT_NEAR(t.page.margin_left, 2 * kPointsPerCm, 1e-9);
  EXPECT_EQ(t.fonts.regular, "DejaVuSans.ttf");
  EXPECT_EQ(t.fonts.bold, "Laksaman-Bold.ttf");
  EXPECT_EQ(t.digits, DigitStyle::Keep);  // the top-level `digits:` wins over style.digits
  EXPECT_FALSE(t.page_numbers.enabled);
  EXPECT_EQ(t.page_numbers.format, "หน้า {n}");
  EXPECT_EQ(t.page_numbers.first_numbered_page, 1);
  EXPECT_EQ(t.page_numbers.size, 14);
  EXPECT_EQ(t.body.line_height, 1.2);
  EXPECT_EQ(t.body.first_indent, 72);
  EXPECT_EQ(t.body.align, BlockAlign::Left);
  EXPECT_EQ(t.body.orphans, 3);
  EXPECT_EQ(t.body.widows, 1);
  EXPECT_EQ(t.headings[1].size, 17);
  EXPECT_FALSE(t.headings[1].bold);
  EXPECT_EQ(t.headings[1].align, BlockAlign::Right);
  EXPECT_EQ(t.headings[0].size, 20);
  EXPECT_NEAR(t.lists.indent, kPointsPerCm, 1e-9);
  EXPECT_EQ(t.lists.item_space, 3);
  EXPECT_EQ(t.memo.title, "บันทึก");
  EXPECT_EQ(t.memo.title_size, 24);
  EXPECT_FALSE(t.memo.dotted_values);
  EXPECT_EQ(t.memo.signature_center, 0.5);
  EXPECT_EQ(t.memo.comment_dotted_lines, 4);
  EXPECT_EQ(t.dotted_line_dash, 2);
  EXPECT_EQ(t.dotted_line_width, 0.3);
}

TEST_F(InputTest, TemplateExtends) {
  write("house.yaml", "extends: memo\nbody:\n  size: 18\npage:\n  margin_left: 2cm\n");
  write("strict.yaml", "extends: ./house.yaml\nmemo: {closing: ขอแสดงความนับถือ}\n");
  Document doc = read(replace(kMemo, "kind: memo\n", "kind: memo\ntemplate: strict.yaml\n"));
  const Template& t = doc.style;
  EXPECT_EQ(t.name, "strict");
  EXPECT_EQ(t.body.size, 18);                                        // house
  EXPECT_NEAR(t.page.margin_left, 2 * kPointsPerCm, 1e-9);           // house
  EXPECT_EQ(t.memo.closing, "ขอแสดงความนับถือ");                       // strict
  EXPECT_EQ(t.memo.title_size, 29);                                  // memo
  EXPECT_NEAR(t.page.first_page_margin_top, 1.5 * kPointsPerCm, 1e-9);  // memo
  EXPECT_NEAR(t.body.first_indent, 2.5 * kPointsPerCm, 1e-9);       // default

  // By name from a template directory.
  fs::create_directories(path("tpl"));
  write("tpl/brief.yaml", "extends: default\nbody: {size: 14}\n");
  ReadOptions o = options();
  o.template_dirs.insert(o.template_dirs.begin(), path("tpl"));
  write("doc.yaml", "kind: document\ntemplate: brief\nblocks: [ข้อความ]\n");
  Document d = read_document(path("doc.yaml"), o);
  EXPECT_EQ(d.style.name, "brief");
  EXPECT_EQ(d.style.body.size, 14);
  EXPECT_EQ(d.style.page.first_page_margin_top, -1);
}

TEST_F(InputTest, TemplateErrorsPointIntoTheTemplateFile) {
  write("bad.yaml", "extends: default\nbody:\n  size: big\n");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\ntemplate: bad.yaml\n")),
            "bad.yaml:3:9: body.size: 'big' is not a length (expected a number of points, or a number with pt, "
            "cm, mm or in, e.g. '2.5cm')");
  write("bad2.yaml", "extend: default\n");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\ntemplate: bad2.yaml\n")),
            "bad2.yaml:1:1: extend: unknown key (did you mean 'extends'?)");
  write("loop1.yaml", "extends: loop2.yaml\n");
  write("loop2.yaml", "extends: loop1.yaml\n");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\ntemplate: loop1.yaml\n")),
            "loop2.yaml:1:10: extends: templates extend each other in a cycle (loop1.yaml -> loop2.yaml -> "
            "loop1.yaml)");
  write("missing-base.yaml", "extends: nonesuch\n");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\ntemplate: missing-base.yaml\n")),
            "missing-base.yaml:1:10: extends: template 'nonesuch' not found");
}

TEST_F(InputTest, TemplateNotFound) {
  std::string message = error(replace(kMemo, "kind: memo\n", "kind: memo\ntemplate: memmo\n"));
  EXPECT_EQ(message, "memo.yaml:2:11: template: template 'memmo' not found (looked for memmo.yaml in: " +
                         test::source_dir() + "/templates)");
}

// ------------------------------------------------------------------ errors, one class at a time

TEST_F(InputTest, UnknownKeyWithSuggestion) {
  EXPECT_EQ(error(replace(kMemo, "  subject:", "  subjet:")),
            "memo.yaml:6:3: memo.subjet: unknown key (did you mean 'subject'?)");
  EXPECT_EQ(error(replace(kMemo, "    name:", "    nmae:")),
            "memo.yaml:11:5: memo.signer.nmae: unknown key (did you mean 'name'?)");
  EXPECT_EQ(error("titel: x\n" + kMemo), "memo.yaml:1:1: titel: unknown key (did you mean 'title'?)");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - paragraf: ข้อความ")),
            "memo.yaml:9:7: memo.body[1].paragraf: unknown key (did you mean 'paragraph'?)");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nstyle:\n  body: {sise: 15}\n")),
            "memo.yaml:3:10: style.body.sise: unknown key (did you mean 'size'?)");
}

TEST_F(InputTest, StyleCannotExtend) {
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nstyle:\n  extends: default\n")),
            "memo.yaml:3:3: style.extends: unknown key (expected one of: " +
                join_alternatives(template_setting_keys(), ", ") + ")");
  // The settings, then the shared stamps, then a section for each kind that has one.
  EXPECT_EQ(join_alternatives(template_setting_keys(), ", "),
            "page, fonts, digits, dates, page_numbers, body, headings, lists, tables, memo, report, dotted_line, "
            "pdf_standard, line_breaking, dictionary, dictionary_file, stamps, " +
                join_alternatives(
                    [] {
                      std::vector<std::string> sections;
                      for (const Kind& k : document_kinds())
                        if (k.read_style) sections.emplace_back(k.name);
                      return sections;
                    }(),
                    ", "));
}

TEST_F(InputTest, FirstPageMarginSame) {
  Document doc = read(replace(kMemo, "kind: memo\n", "kind: memo\nstyle: {page: {first_page_margin_top: same}}\n"));
  EXPECT_EQ(doc.style.page.first_page_margin_top, -1);
  EXPECT_EQ(doc.style.page.top_on_page(0), doc.style.page.margin_top);
}

TEST_F(InputTest, WithoutTemplateFilesTheBuiltInDefaultsAreUsed) {
  write("memo.yaml", kMemo);
  ReadOptions o = options();
  o.template_dirs.clear();
  Document doc = read_document(path("memo.yaml"), o);
  EXPECT_EQ(doc.style.name, "memo");
  EXPECT_EQ(numbers(doc.style), numbers(Template{}));
  // ... but a template asked for by name must exist.
  write("memo.yaml", "template: memo\n" + kMemo);
  EXPECT_THROW(read_document(path("memo.yaml"), o), Error);
}

TEST_F(InputTest, UnknownKeyWithoutSuggestionListsTheKeys) {
  EXPECT_EQ(error(replace(kMemo, "    name:", "    colour: red\n    name:")),
            "memo.yaml:11:5: memo.signer.colour: unknown key (expected one of: name, position, acting, image)");
}

TEST_F(InputTest, DuplicateKey) {
  EXPECT_EQ(error(replace(kMemo, "  to:", "  subject: อีกเรื่อง\n  to:")),
            "memo.yaml:7:3: memo.subject: duplicate key (first given on line 6)");
}

TEST_F(InputTest, WrongTypes) {
  EXPECT_EQ(error(replace(kMemo, "    name: นางสาวเสาวนิตย์ ประยูรพันธ์", "    name: [ก, ข]")),
            "memo.yaml:11:11: memo.signer.name: expected a string");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - ข้อความ\n    - space: มาก")),
            "memo.yaml:10:14: memo.body[2].space: 'มาก' is not a length (expected a number of points, or a "
            "number with pt, cm, mm or in, e.g. '2.5cm')");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - dotted: สาม")),
            "memo.yaml:9:15: memo.body[1].dotted: expected a whole number");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nstyle: {memo: {date_column: ครึ่ง}}\n")),
            "memo.yaml:2:29: style.memo.date_column: expected a number");
  EXPECT_EQ(error(replace(kMemo, "  body:\n    - ข้อความ", "  body: {a: 1}")),
            "memo.yaml:8:9: memo.body: expected a list");
  EXPECT_EQ(error(kMemo + "  comments: ไม่มี\n"), "memo.yaml:12:13: memo.comments: expected a list");
  EXPECT_EQ(error(replace(kMemo, "  signer:\n    name: นางสาวเสาวนิตย์ ประยูรพันธ์\n", "  signer: นาง ก\n")),
            "memo.yaml:10:11: memo.signer: expected a mapping");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - paragraph: ก\n      keep_with_next: maybe")),
            "memo.yaml:10:23: memo.body[1].keep_with_next: expected true or false");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - heading: ก\n      level: 4")),
            "memo.yaml:10:14: memo.body[1].level: must be between 1 and 3");
}

TEST_F(InputTest, MissingRequiredFields) {
  EXPECT_EQ(error(replace(kMemo, "  subject: รายงานผล\n", "")),
            "memo.yaml:3:3: memo.subject: required field is missing");
  EXPECT_EQ(error(replace(kMemo, "    name: นางสาวเสาวนิตย์ ประยูรพันธ์\n", "    position: ก\n")),
            "memo.yaml:11:5: memo.signer.name: required field is missing");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "")), "memo.yaml:1:1: kind: required field is missing");
  EXPECT_EQ(error("kind: memo\n"), "memo.yaml:1:1: memo: required field is missing");
  EXPECT_EQ(error("kind: document\n"), "memo.yaml:1:1: blocks: required field is missing");
  EXPECT_EQ(error(replace(kMemo, "  subject: รายงานผล", "  subject:")), "memo.yaml:6:3: memo.subject: value is empty");
  EXPECT_EQ(error(replace(kMemo, "  subject: รายงานผล", "  subject: \"  \"")),
            "memo.yaml:6:12: memo.subject: must not be empty");
}

TEST_F(InputTest, BadDate) {
  EXPECT_EQ(error(replace(kMemo, "2025-04-24", "2025-02-30")),
            "memo.yaml:5:9: memo.date: '2025-02-30' is not a valid date (expected YYYY-MM-DD)");
  // A Thai date is a Buddhist-era date (issue 12); an ISO date with a Buddhist-era year is not.
  EXPECT_EQ(error(replace(kMemo, "2025-04-24", "๒๔ เมษายน ๒๕๖๘")), "(no error)");
  EXPECT_EQ(error(replace(kMemo, "2025-04-24", "2568-04-24")),
            "memo.yaml:5:9: memo.date: 2568-04-24 looks like a Buddhist-era year: write 2025-04-24 or 2568-04-24 BE");
  EXPECT_EQ(error(replace(kMemo, "2025-04-24", "2024-02-29")), "(no error)");
}

TEST_F(InputTest, MissingImage) {
  EXPECT_EQ(error(replace(kMemo, "  agency:", "  emblem: garuda.png\n  agency:")),
            "memo.yaml:3:11: memo.emblem: image file 'garuda.png' not found");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - image: charts/a.png")),
            "memo.yaml:9:14: memo.body[1].image: image file 'charts/a.png' not found");
  write("fake.png", "GIF89a....");
  EXPECT_EQ(error(replace(kMemo, "    name:", "    image: fake.png\n    name:")),
            "memo.yaml:11:12: memo.signer.image: image file 'fake.png' is not a PNG or JPEG image");
}

TEST_F(InputTest, MissingFont) {
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nstyle:\n  fonts:\n    bold: THSarabunNew-Bold.ttf\n")),
            "memo.yaml:4:11: style.fonts.bold: font file 'THSarabunNew-Bold.ttf' not found");
  write("t.yaml", "fonts: {regular: Nope.ttf}\n");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\ntemplate: t.yaml\n")),
            "t.yaml:1:18: fonts.regular: font file 'Nope.ttf' not found");
}

TEST_F(InputTest, YamlSyntaxError) {
  EXPECT_EQ(error("kind: memo\nmemo: [ก, ข\n"), "memo.yaml:3:1: invalid YAML: end of sequence flow not found (a list written [a, b] must end with ']'; "
            "text that starts with '[', such as a [link](...), must be in quotes)");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - **ตัวหนา** ข้อความ")),
            "memo.yaml:9:7: invalid YAML: the referenced anchor is not defined (text that starts with '*', such as "
            "**bold**, must be in quotes)");
  EXPECT_EQ(error(replace(kMemo, "  to: นาย", "  to: เรียน: นาย")),
            "memo.yaml:7:12: invalid YAML: illegal map value (text containing ': ' must be in quotes)");
  EXPECT_EQ(error(replace(kMemo, "  body:\n    -", "  body:\n\t- ")),
            "memo.yaml:9:1: invalid YAML: a tab in the indentation (indent with spaces)");
}

TEST_F(InputTest, BadEnumValues) {
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - paragraph: ก\n      align: centre")),
            "memo.yaml:10:14: memo.body[1].align: unknown value 'centre' (expected left, center, right or "
            "justify; did you mean 'center'?)");
  EXPECT_EQ(error(replace(kMemo, "kind: memo", "kind: reprot")),
            "memo.yaml:1:7: kind: unknown value 'reprot' (expected " + join_alternatives(kind_names()) +
                "; did you mean 'report'?)");
  EXPECT_EQ(join_alternatives(kind_names()).rfind("memo, document, report, letter, stamped, order", 0), 0u);
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\ndigits: thai-digits\n")),
            "memo.yaml:2:9: digits: unknown value 'thai-digits' (expected thai, arabic or keep)");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - list: [ก]\n      marker: roman")),
            "memo.yaml:10:15: memo.body[1].marker: unknown value 'roman' (expected thai, arabic, thai-paren, "
            "arabic-paren, dash or bullet)");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nstyle: {page: {size: A6}}\n")),
            "memo.yaml:2:22: style.page.size: unknown page size 'A6' (expected A3, A4, A5, B5, Letter or Legal, "
            "optionally followed by 'landscape', or [width, height])");
}

TEST_F(InputTest, BadLengths) {
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - paragraph: ก\n      indent: 2.5km")),
            "memo.yaml:10:15: memo.body[1].indent: '2.5km' is not a length (expected a number of points, or a "
            "number with pt, cm, mm or in, e.g. '2.5cm')");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nstyle: {page: {margin_top: -1cm}}\n")),
            "memo.yaml:2:28: style.page.margin_top: must not be negative");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nstyle: {body: {size: 0}}\n")),
            "memo.yaml:2:22: style.body.size: must be at least 1pt");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nstyle:\n  page: {margin_left: 18cm}\n")),
            "memo.yaml:3:9: style.page: the left and right margins leave less than 1 inch for the text");
}

TEST_F(InputTest, BlockStructureErrors) {
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - align: center")),
            "memo.yaml:9:7: memo.body[1]: the block's type is missing (expected one of: paragraph, heading, list, "
            "image, space, pagebreak, dotted, table, section, caption, note, source, chart, ita_table)");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - heading: ก\n      paragraph: ข")),
            "memo.yaml:10:7: memo.body[1].paragraph: a block has one type, but 'heading' is also given");
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - paragraph: ก\n      width: 3cm")),
            "memo.yaml:10:7: memo.body[1].width: unknown key (expected one of: paragraph, align, indent, "
            "left_indent, digits, keep_with_next, keep)");
  EXPECT_EQ(error(replace(kMemo, "kind: memo\n", "kind: memo\nblocks: [ก]\n")),
            "memo.yaml:2:1: blocks: not used in a memo (the memo's text goes in memo.body)");
}

TEST_F(InputTest, InlineMarkupErrorsPointIntoTheText) {
  // A plain scalar: the column of the opening marker (counted in characters).
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - ข้อความ\n    - ข้อความ **หนา")),
            "memo.yaml:10:15: memo.body[2]: unclosed '**' (bold)");
  // Quoted.
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - heading: \"ก *ข\"")),
            "memo.yaml:9:19: memo.body[1].heading: unclosed '*' (italic)");
  // A literal block: the line and column in the file.
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - paragraph: |\n        บรรทัดแรก\n        บรรทัด __สอง")),
            "memo.yaml:11:16: memo.body[1].paragraph: unclosed '__' (underline)");
  // A folded plain scalar over two lines.
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - ข้อความยาว\n      ต่อ [ลิงก์")),
            "memo.yaml:10:11: memo.body[1]: unclosed '[' (write '\\[' for a literal bracket)");
  // In a list item.
  EXPECT_EQ(error(replace(kMemo, "    - ข้อความ", "    - list:\n        - ก\n        - ข *ค")),
            "memo.yaml:11:13: memo.body[1].list[2]: unclosed '*' (italic)");
}

TEST_F(InputTest, InvalidUtf8) {
  EXPECT_EQ(error("kind: memo\nmemo:\n  agency: ก\xff\n"),
            "memo.yaml:3:12: invalid UTF-8 (byte 0xFF); save the file as UTF-8");
  // TIS-620 (the old Thai encoding) is not UTF-8.
  EXPECT_EQ(error("kind: memo\n\xba\xd1\xb9\xb7\xd6\xa1: x\n"),
            "memo.yaml:2:1: invalid UTF-8 (byte 0xBA); save the file as UTF-8");
}

TEST_F(InputTest, EmptyOrNonMappingDocument) {
  EXPECT_EQ(error(""), "memo.yaml:1:1: the file is empty (expected 'kind: memo' or 'kind: document' and the "
                       "document's fields)");
  EXPECT_EQ(error("- a\n- b\n"),
            "memo.yaml:1:1: expected a mapping at the top level (key: value lines such as 'kind: memo')");
}

TEST_F(InputTest, ImagesOutsideTheDocumentFolder) {
  fs::create_directories(path("doc"));
  write("outside.png", kPng);
  write("doc/inside.png", kPng);
  std::string yaml = replace(kMemo, "  agency:", "  emblem: ../outside.png\n  agency:");
  write("doc/memo.yaml", yaml);
  EXPECT_EQ(read_document(path("doc/memo.yaml"), options()).memo.emblem, path("outside.png"));
  ReadOptions strict = options();
  strict.allow_outside = false;
  try {
    read_document(path("doc/memo.yaml"), strict);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              path("doc/memo.yaml") + ":3:11: memo.emblem: image file '../outside.png' is outside the document's folder");
  }
  write("doc/memo.yaml", replace(kMemo, "  agency:", "  emblem: ./inside.png\n  agency:"));
  EXPECT_EQ(read_document(path("doc/memo.yaml"), strict).memo.emblem, path("doc/inside.png"));
}

TEST_F(InputTest, TheExampleInTemplatesReadmeIsValid) {
  std::string readme = test::read_file(test::source_dir() + "/templates/README.md");
  size_t marker = readme.find("<!-- example: memo");
  ASSERT_NE(marker, std::string::npos);
  size_t start = readme.find("```yaml\n", marker);
  ASSERT_NE(start, std::string::npos);
  start += 8;
  size_t end = readme.find("```", start);
  write("garuda.png", kPng);
  Document doc = read(readme.substr(start, end - start));
  EXPECT_EQ(doc.kind, DocumentKind::Memo);
  EXPECT_EQ(doc.memo.reference, "ชย ๘๐๘๐๑/๓๓๕");
  EXPECT_EQ(doc.memo.comments.size(), 3u);
  EXPECT_EQ(doc.memo.comments[2].signer.acting, "ปลัดองค์การบริหารส่วนตำบลตาเนิน รักษาราชการแทน");
  EXPECT_EQ(doc.style.body.size, 15);
  EXPECT_GE(doc.memo.body.size(), 8u);
}

// ------------------------------------------------------------------ helpers

TEST(YamlHelpers, Lengths) {
  EXPECT_EQ(parse_length("12"), 12.0);
  EXPECT_EQ(parse_length("12pt"), 12.0);
  EXPECT_NEAR(*parse_length("2.5cm"), 2.5 * 72 / 2.54, 1e-9);
  EXPECT_NEAR(*parse_length("30mm"), 3 * 72 / 2.54, 1e-9);
  EXPECT_EQ(parse_length("1in"), 72.0);
  EXPECT_EQ(parse_length(" 1 in "), 72.0);
  EXPECT_NEAR(*parse_length("๒.๕cm"), 2.5 * 72 / 2.54, 1e-9);
  EXPECT_EQ(parse_length("-3pt"), -3.0);
  for (const char* bad : {"", "cm", "2.5 km", "1e", "nan", "inf", "0x10", "1,5cm", "12 pt pt"}) {
    EXPECT_FALSE(parse_length(bad).has_value()) << bad;
  }
}

TEST(YamlHelpers, Suggestions) {
  std::vector<std::string> keys = {"agency", "reference", "date", "subject", "to", "body", "signer"};
  EXPECT_EQ(suggest("subjet", keys), "subject");
  EXPECT_EQ(suggest("subejct", keys), "subject");
  EXPECT_EQ(suggest("Subject", keys), "subject");
  EXPECT_EQ(suggest("refrence", keys), "reference");
  EXPECT_EQ(suggest("signature", keys), "");
  EXPECT_EQ(suggest("xyz", keys), "");
  EXPECT_EQ(edit_distance("ก", "ข"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}
