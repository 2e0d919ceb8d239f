// The PDF writer: text extraction (ToUnicode), fonts, determinism, errors.
// Text is shaped here with HarfBuzz directly, so this test only depends on
// src/font, src/frame and src/pdf.
#include <gtest/gtest.h>
#include <hb.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/error.h"
#include "font/font.h"
#include "frame/frame.h"
#include "pdf/pdf_font.h"
#include "pdf/pdf_writer.h"
#include "text/shaper.h"
#include "test_support.h"

namespace thaidoc {
namespace {

using test::quote;
using test::run;

FontPtr load_font(const std::string& name) { return Font::load(test::source_dir() + "/fonts/" + name); }

// Shapes `text` into a run at (x, y) the way the engine does (text/shaper.h and the
// paragraph engine): grapheme clusters, each glyph with the offset of its own characters.
GlyphRun shape_run(const FontPtr& font, const std::string& text, double size, double x, double y,
                   hb_script_t script = HB_SCRIPT_THAI, Color color = {}) {
  ShapedPtr shaped = shape_text(*font, script, text);
  GlyphRun run;
  run.font = font;
  run.size = size;
  run.x = x;
  run.y = y;
  run.color = color;
  const double scale = size / font->units_per_em();
  double pen = 0;
  for (const ShapedCluster& cl : shaped->clusters) {
    run.clusters.push_back({static_cast<uint32_t>(run.glyphs.size()), cl.glyph_end - cl.glyph_begin,
                            text.substr(cl.text_begin, cl.text_end - cl.text_begin), cl.advance * scale});
    for (uint32_t i = cl.glyph_begin; i < cl.glyph_end; ++i) {
      const ShapedGlyph& sg = shaped->glyphs[i];
      run.glyphs.push_back({sg.gid, (pen + sg.x_offset) * scale, -sg.y_offset * scale, sg.cluster - cl.text_begin});
      pen += sg.advance;
    }
  }
  run.width = pen * scale;
  return run;
}

// The test lines: hard Thai clusters, words, Latin, digits, a URL.
const std::vector<std::string>& thai_lines() {
  static const std::vector<std::string> lines = {
      "น้ำ ผู้ใหญ่ ปั้น ญูฐู ที่ ก่อน",
      "ป่า ฝั่ง ฟ้า ปี่ ศักดิ์สิทธิ์ ฤๅษี ฯลฯ ๆ",
      "เด็ก แม่ โต๊ะ ใจ ไม้ ญาติ ฐานะ",
      "ศักดิ์สิทธิ์",
      "น้ำ",
      "ผู้ใหญ่ปั้นน้ำเป็นตัว",
      "กรุณาตรวจสอบเอกสารก่อนส่งภายในวันที่",
      "E-Service",
      "Dos & Don'ts",
      "๙๕.๘๒",
      "95.82%",
      "https://www.example.go.th/ita",
      "การประเมินคุณธรรมและความโปร่งใส (ITA) ปี ๒๕๖๗",
  };
  return lines;
}

// pdftotext output, one entry per non-empty line.
std::vector<std::string> extract_lines(const std::string& pdf) {
  auto r = run("pdftotext " + quote(pdf) + " -");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(r.out);
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\f' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == '\f') line.erase(0, 1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> extract_lines_of_page(const std::string& pdf, int page) {
  auto r = run("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(pdf) + " -");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(r.out);
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\f' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == '\f') line.erase(0, 1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

LaidOutDocument thai_document() {
  static FontPtr laksaman = load_font("Laksaman.ttf");
  static FontPtr dejavu = load_font("DejaVuSans.ttf");
  LaidOutDocument doc;
  doc.info.title = "ทดสอบการเขียน PDF";
  doc.info.author = "สำนักงานทดสอบ";
  doc.info.subject = "ภาษาไทย";
  doc.info.keywords = "ไทย, PDF";
  Page page;
  double y = 50;
  for (const std::string& line : thai_lines()) {
    page.items.push_back(shape_run(laksaman, line, 16, 50, y));
    y += 28;
  }
  page.items.push_back(shape_run(dejavu, "☐ ☑ ✓", 14, 50, y, HB_SCRIPT_COMMON));
  y += 28;
  // Check boxes from DejaVu between Thai from Laksaman, on one baseline.
  double x = 50;
  for (auto [font, text] : {std::pair{dejavu, "☑"}, {laksaman, " เห็นด้วย "}, {dejavu, "☐"},
                            {laksaman, " ไม่เห็นด้วย"}}) {
    GlyphRun part = shape_run(font, text, 16, x, y, font == dejavu ? HB_SCRIPT_COMMON : HB_SCRIPT_THAI);
    x += part.width;
    page.items.push_back(std::move(part));
  }
  y += 28;
  RectItem rect;
  rect.x = 40;
  rect.y = 20;
  rect.w = 500;
  rect.h = y - 10;
  rect.stroke_color = {0, 0, 0.6};
  page.items.push_back(rect);
  LineItem line;
  line.x1 = 50;
  line.x2 = 540;
  line.y1 = line.y2 = y;
  line.dash = {1, 2};
  page.items.push_back(line);
  LinkItem link;
  link.x = 50;
  link.y = 50 + 11 * 28 - 14;
  link.w = 200;
  link.h = 18;
  link.uri = "https://www.example.go.th/ita";
  page.items.push_back(link);
  doc.pages.push_back(page);
  Page second;
  second.items.push_back(shape_run(laksaman, "หน้าที่สอง", 20, 50, 80, HB_SCRIPT_THAI, {0.8, 0, 0}));
  doc.pages.push_back(second);
  doc.outline.push_back({"บทที่ ๑", 0, 0, 50});
  doc.outline.push_back({"ส่วนย่อย", 1, 0, 200});
  doc.outline.push_back({"บทที่ ๒", 0, 1, 80});
  return doc;
}

TEST(PdfFormat, NumbersAreShortAndExact) {
  auto fmt = [](double v, int decimals) {
    std::string s;
    pdf_detail::append_number(s, v, decimals);
    return s;
  };
  EXPECT_EQ(fmt(16, 3), "16");
  EXPECT_EQ(fmt(791.89, 3), "791.89");
  EXPECT_EQ(fmt(0.1 + 0.2, 3), "0.3");
  EXPECT_EQ(fmt(-0.0001, 3), "0");
  EXPECT_EQ(fmt(-475.004, 2), "-475");
  EXPECT_EQ(fmt(12.3456, 2), "12.35");
  EXPECT_EQ(fmt(1e300, 3), "1000000000");
  EXPECT_EQ(fmt(std::nan(""), 3), "0");
}

TEST(PdfFormat, Utf16WithSurrogatesAndBadBytes) {
  EXPECT_EQ(pdf_detail::utf16be("ก"), std::string("\x0E\x01", 2));
  EXPECT_EQ(pdf_detail::utf16be("😀"), std::string("\xD8\x3D\xDE\x00", 4));
  EXPECT_EQ(pdf_detail::utf16be("a\xFF" "b"), std::string("\x00" "a" "\xFF\xFD" "\x00" "b", 6));
}

TEST(PdfFormat, ToUnicodeLeavesOutTextlessCodes) {
  std::string cmap = pdf_detail::build_to_unicode_cmap({"น้ำ", "", "", "ก"});
  EXPECT_NE(cmap.find("2 beginbfchar"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<0001> <0E190E490E33>"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<0004> <0E01>"), std::string::npos) << cmap;
  EXPECT_EQ(cmap.find("<0002>"), std::string::npos) << cmap;
}

class PdfWriterTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::temp_dir("pdf_writer"); }
  std::string dir_;
};

TEST_F(PdfWriterTest, ThaiTextExtractsExactly) {
  std::string path = dir_ + "/thai.pdf";
  write_pdf(thai_document(), path);
  std::vector<std::string> got = extract_lines(path);
  std::vector<std::string> want = thai_lines();
  // The symbols line: poppler infers spaces from geometry and reads "☐☑✓" (whitespace
  // only: ActualText, which kept the spaces, is now written only over unspaced gaps).
  want.push_back("☐☑✓");
  want.push_back("☑ เห็นด้วย ☐ ไม่เห็นด้วย");
  want.push_back("หน้าที่สอง");
  ASSERT_EQ(got.size(), want.size()) << run("pdftotext " + quote(path) + " -").out;
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << "line " << i;
}

TEST_F(PdfWriterTest, EveryFontIsEmbeddedSubsetCidTrueTypeWithToUnicode) {
  std::string path = dir_ + "/fonts.pdf";
  write_pdf(thai_document(), path);
  auto r = run("pdffonts " + quote(path));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream in(r.out);
  std::string line;
  int fonts = 0;
  while (std::getline(in, line)) {
    if (line.find('+') == std::string::npos) continue;  // header lines
    ++fonts;
    EXPECT_NE(line.find("CID TrueType"), std::string::npos) << line;
    EXPECT_NE(line.find("Identity-H"), std::string::npos) << line;
    EXPECT_NE(line.find("yes yes yes"), std::string::npos) << line;  // emb sub uni
  }
  EXPECT_EQ(fonts, 2) << r.out;  // Laksaman and DejaVuSans, each once
}

TEST_F(PdfWriterTest, QpdfCheckIsClean) {
  for (bool compress : {true, false}) {
    std::string path = dir_ + (compress ? "/check.pdf" : "/check-plain.pdf");
    write_pdf(thai_document(), path, PdfOptions{compress});
    auto r = run("qpdf --check " + quote(path));
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("WARNING"), std::string::npos) << r.out;
  }
}

TEST_F(PdfWriterTest, InfoOutlineAndLanguage) {
  std::string path = dir_ + "/info.pdf";
  write_pdf(thai_document(), path);
  auto info = run("pdfinfo " + quote(path));
  ASSERT_EQ(info.exit_code, 0) << info.out;
  EXPECT_NE(info.out.find("ทดสอบการเขียน PDF"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("สำนักงานทดสอบ"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("ไทย, PDF"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("thaidoc"), std::string::npos) << info.out;
  EXPECT_EQ(info.out.find("CreationDate"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Pages:           2"), std::string::npos) << info.out;

  auto plain = dir_ + "/info-plain.pdf";
  write_pdf(thai_document(), plain, PdfOptions{false});
  std::string bytes = test::read_file(plain);
  EXPECT_NE(bytes.find("/Lang (th)"), std::string::npos);
  EXPECT_NE(bytes.find("/Title <FEFF"), std::string::npos);  // UTF-16BE with BOM
  EXPECT_NE(bytes.find("/Outlines"), std::string::npos);
  EXPECT_NE(bytes.find("/XYZ"), std::string::npos);
  EXPECT_NE(bytes.find("/URI (https:\\057\\057www.example.go.th\\057ita)"), std::string::npos);  // '/' escaped
  EXPECT_NE(bytes.find("/Border [ 0 0 0 ]"), std::string::npos);
  EXPECT_NE(bytes.find("/ID [ <"), std::string::npos);  // a hash of the content (pdf_archive.h)
  EXPECT_EQ(bytes.find("CreationDate"), std::string::npos);
  // Content is glyph codes in hex strings, set with TJ, at the run's size.
  EXPECT_NE(bytes.find("16 Tf"), std::string::npos);
  EXPECT_NE(bytes.find("]TJ"), std::string::npos);
  EXPECT_NE(bytes.find("/CIDToGIDMap"), std::string::npos);
  EXPECT_NE(bytes.find("/Registry (Adobe)"), std::string::npos);
  EXPECT_NE(bytes.find("/Ordering (Identity)"), std::string::npos);

  // The bookmarks, nested by level. The outline is dumped by qpdf as JSON.
  // qpdf prints each item's kids before its title: ส่วนย่อย is a kid of บทที่ ๑,
  // and บทที่ ๒ (page 2) comes after both.
  auto json = run("qpdf --json --json-key=outlines " + quote(path));
  ASSERT_EQ(json.exit_code, 0) << json.out;
  size_t sub = json.out.find("\"title\": \"ส่วนย่อย\"");
  size_t one = json.out.find("\"title\": \"บทที่ ๑\"");
  size_t two = json.out.find("\"title\": \"บทที่ ๒\"");
  ASSERT_NE(sub, std::string::npos) << json.out;
  ASSERT_NE(one, std::string::npos) << json.out;
  ASSERT_NE(two, std::string::npos) << json.out;
  EXPECT_LT(sub, one);
  EXPECT_LT(one, two);
  EXPECT_NE(json.out.find("\"destpageposfrom1\": 2"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"/XYZ\""), std::string::npos) << json.out;
}

TEST_F(PdfWriterTest, SameInputGivesIdenticalBytes) {
  std::string a = write_pdf_to_memory(thai_document());
  std::string b = write_pdf_to_memory(thai_document());
  EXPECT_EQ(a, b);
  std::string p1 = dir_ + "/same1.pdf", p2 = dir_ + "/same2.pdf";
  write_pdf(thai_document(), p1);
  write_pdf(thai_document(), p2);
  EXPECT_EQ(test::read_file(p1), test::read_file(p2));
  EXPECT_EQ(test::read_file(p1), a);
}

TEST_F(PdfWriterTest, SameGlyphWithDifferentTextsGetsDifferentCodes) {
  // "ป" alone and "ป" starting "ปั้" / "ปี่" are the same glyph with different cluster
  // texts; each must extract as written.
  FontPtr font = load_font("Laksaman.ttf");
  LaidOutDocument doc;
  Page page;
  const std::vector<std::string> lines = {"ป ปั้ ปี่ ป่ ปิ", "ปปปป", "ำ น้ำ ำ"};
  double y = 60;
  for (const auto& l : lines) {
    page.items.push_back(shape_run(font, l, 18, 40, y));
    y += 30;
  }
  doc.pages.push_back(page);
  std::string path = dir_ + "/codes.pdf";
  write_pdf(doc, path);
  EXPECT_EQ(extract_lines(path), lines);
}

TEST_F(PdfWriterTest, MoreThan65535CodesSpillIntoASecondFont) {
  // 70000 distinct (glyph, text) pairs: one Type0 font holds 65535 codes, the
  // rest go to a second Type0 font sharing the same embedded program.
  FontPtr font = load_font("Laksaman.ttf");
  const uint32_t gid = font->glyph_for(U'ก');
  const double adv = font->to_points(font->glyph_advance(gid), 10);
  LaidOutDocument doc;
  std::string last_line;
  for (int p = 0; p < 70; ++p) {
    Page page;
    for (int l = 0; l < 10; ++l) {
      GlyphRun run;
      run.font = font;
      run.size = 10;
      run.x = 20;
      run.y = 40 + l * 20;
      std::string line;
      for (int k = 0; k < 100; ++k) {
        int n = (p * 10 + l) * 100 + k;
        std::string text = "[" + std::to_string(n) + "]";
        run.glyphs.push_back({gid, k * adv, 0});
        run.clusters.push_back({static_cast<uint32_t>(k), 1, text});
        line += text;
      }
      last_line = line;
      page.items.push_back(std::move(run));
    }
    doc.pages.push_back(std::move(page));
  }
  std::string path = dir_ + "/many.pdf";
  write_pdf(doc, path);
  auto check = run("qpdf --check " + quote(path));
  EXPECT_EQ(check.exit_code, 0) << check.out;
  // Page 66 holds codes 65000..65999, so it uses both fonts.
  auto fonts = run("pdffonts -f 66 -l 66 " + quote(path));
  EXPECT_EQ(fonts.exit_code, 0) << fonts.out;
  std::istringstream in(fonts.out);
  std::string line;
  int count = 0;
  while (std::getline(in, line))
    if (line.find("+Laksaman") != std::string::npos) ++count;
  EXPECT_EQ(count, 2) << fonts.out;
  std::vector<std::string> last = extract_lines_of_page(path, 70);
  ASSERT_FALSE(last.empty());
  EXPECT_EQ(last.back(), last_line);
}

TEST_F(PdfWriterTest, MissingImageNamesThePath) {
  LaidOutDocument doc;
  Page page;
  ImageItem image;
  image.path = dir_ + "/no-such-logo.png";
  image.w = image.h = 50;
  page.items.push_back(image);
  doc.pages.push_back(page);
  try {
    write_pdf_to_memory(doc);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-logo.png"), std::string::npos) << e.what();
  }
}

TEST_F(PdfWriterTest, NotAnImageIsAnError) {
  std::string path = dir_ + "/fake.png";
  test::write_file(path, "this is not an image");
  LaidOutDocument doc;
  Page page;
  ImageItem image;
  image.path = path;
  image.w = image.h = 50;
  page.items.push_back(image);
  doc.pages.push_back(page);
  try {
    write_pdf_to_memory(doc);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("fake.png"), std::string::npos) << e.what();
  }
}

TEST_F(PdfWriterTest, ImagesAreEmbeddedOnce) {
  // Make a PNG and a JPEG with pdftoppm from a tiny PDF of our own.
  LaidOutDocument src;
  Page p;
  p.width = p.height = 40;
  RectItem r;
  r.x = 5;
  r.y = 5;
  r.w = 30;
  r.h = 30;
  r.fill = true;
  r.fill_color = {0.9, 0.6, 0.1};
  p.items.push_back(r);
  src.pages.push_back(p);
  write_pdf(src, dir_ + "/square.pdf");
  ASSERT_EQ(run("pdftoppm -r 72 -png -singlefile " + quote(dir_ + "/square.pdf") + " " + quote(dir_ + "/square")).exit_code, 0);
  ASSERT_EQ(run("pdftoppm -r 72 -jpeg -singlefile " + quote(dir_ + "/square.pdf") + " " + quote(dir_ + "/square")).exit_code, 0);

  LaidOutDocument doc;
  for (int i = 0; i < 2; ++i) {
    Page page;
    for (const char* name : {"/square.png", "/square.jpg", "/square.png"}) {
      ImageItem image;
      image.path = dir_ + name;
      image.x = 50 + 60 * i;
      image.y = 50;
      image.w = image.h = 50;
      page.items.push_back(image);
    }
    doc.pages.push_back(page);
  }
  std::string path = dir_ + "/images.pdf";
  write_pdf(doc, path);
  auto r2 = run("pdfimages -list " + quote(path));
  ASSERT_EQ(r2.exit_code, 0) << r2.out;
  // 6 placements of 2 distinct image objects.
  std::istringstream in(r2.out);
  std::string line;
  std::vector<std::string> objects;
  int placements = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string pageno, num, type, w, h, color, comp, bpc, enc, interp, object, id;
    fields >> pageno >> num >> type >> w >> h >> color >> comp >> bpc >> enc >> interp >> object >> id;
    if (type != "image") continue;
    ++placements;
    if (std::find(objects.begin(), objects.end(), object) == objects.end()) objects.push_back(object);
  }
  EXPECT_EQ(placements, 6) << r2.out;
  EXPECT_EQ(objects.size(), 2u) << r2.out;
  auto check = run("qpdf --check " + quote(path));
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

TEST_F(PdfWriterTest, EmptyDocumentIsValid) {
  LaidOutDocument doc;
  std::string path = dir_ + "/empty.pdf";
  write_pdf(doc, path);
  auto r = run("qpdf --check " + quote(path));
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(PdfWriterTest, UnwritablePathIsAnError) {
  EXPECT_THROW(write_pdf(thai_document(), dir_ + "/no/such/dir/out.pdf"), Error);
}

// 100 pages of dense Thai text: must write well under a second; several threads
// at once must give the same bytes as one.
LaidOutDocument big_document(const FontPtr& font, std::string* first_line = nullptr) {
  const std::vector<std::string> words = {
      "การ", "ประเมิน", "คุณธรรม", "และ", "ความ", "โปร่งใส", "ใน", "การ", "ดำเนินงาน", "ของ",
      "หน่วยงาน", "ภาครัฐ", "ผู้ใหญ่", "ปั้น", "น้ำ", "ศักดิ์สิทธิ์", "ที่", "ก่อน", "ฝั่ง", "ฟ้า"};
  std::vector<GlyphRun> lines;
  for (int l = 0; l < 40; ++l) {
    std::string text;
    for (int w = 0; w < 14; ++w) text += words[(l * 7 + w * 3) % words.size()];
    lines.push_back(shape_run(font, text, 16, 60, 0));
    if (l == 0 && first_line) *first_line = text;
  }
  LaidOutDocument doc;
  for (int p = 0; p < 100; ++p) {
    Page page;
    for (int l = 0; l < 30; ++l) {
      GlyphRun run = lines[(p + l) % lines.size()];
      run.y = 60 + l * 25;
      page.items.push_back(std::move(run));
    }
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

TEST_F(PdfWriterTest, HundredDensePagesAreThreadSafe) {
  FontPtr font = load_font("Laksaman.ttf");
  std::string first_line;
  LaidOutDocument doc = big_document(font, &first_line);
  auto t0 = std::chrono::steady_clock::now();
  std::string one = write_pdf_to_memory(doc);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // Speed is measured by scripts/benchmark.sh, not asserted here (a loaded CI machine).
  std::printf("100 pages: %.3f s, %zu bytes\n", seconds, one.size());

  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = write_pdf_to_memory(doc); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, one);

  std::string path = dir_ + "/big.pdf";
  test::write_file(path, one);
  auto check = run("qpdf --check " + quote(path));
  EXPECT_EQ(check.exit_code, 0) << check.out;
  auto text = run("pdftotext -f 1 -l 1 " + quote(path) + " -");
  EXPECT_NE(text.out.find(first_line), std::string::npos) << text.out;
}

}  // namespace
}  // namespace thaidoc
