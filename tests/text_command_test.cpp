// End-to-end tests of `thaidoc text`: what a reader gets out of the PDF.
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <set>
#include <sstream>

#include "base/utf8.h"
#include "cli/text_command.h"
#include "test_support.h"
#include "text/segment.h"

using namespace thaidoc;
namespace fs = std::filesystem;

namespace {

// Paragraphs exercising marks, sara am, lower vowels, leading vowels, Latin and digits.
const std::vector<std::string> kCorpus = {
    "น้ำ ผู้ใหญ่ ปั้น ญูฐู ที่ ก่อน ป่า ฝั่ง ฟ้า ปี่ ศักดิ์สิทธิ์ ฤๅษี ฯลฯ ต่าง ๆ เกณฑ์ แม่น้ำ โรงเรียน ใจดี ไม้ไผ่",
    "ผู้ใหญ่บ้านได้ปั้นโอ่งน้ำใบใหญ่ไว้ที่ฝั่งคลองก่อนฤดูฝนจะมาถึงเพื่อให้ชาวบ้านมีน้ำใช้อย่างเพียงพอตลอดปีและพระภิกษุ"
    "ในวัดศักดิ์สิทธิ์ประจำหมู่บ้านได้ทำพิธีสวดมนต์เพื่อความเป็นสิริมงคลแก่ชุมชนโดยมีเจ้าหน้าที่องค์การบริหารส่วนตำบลเข้าร่วม",
    "องค์การบริหารส่วนตำบลตาเนินได้พัฒนาระบบ E-Service สำหรับรับคำร้องออนไลน์ และจัดทำคู่มือ Dos & Don'ts "
    "เพื่อเผยแพร่แก่เจ้าหน้าที่ ผลการประเมินได้ ๙๕.๘๒ คะแนน หรือคิดเป็นร้อยละ 95.82% ของคะแนนเต็ม "
    "ดูรายละเอียดได้ที่ https://www.taneun.go.th/ita/o42.pdf",
    "เจ้าหน้าที่ต้องเปิดเผยข้อมูลการจัดซื้อจัดจ้างประจำปีงบประมาณพ.ศ.๒๕๖๘ให้ประชาชนตรวจสอบได้ทุกไตรมาส "
    "และรายงานผลการดำเนินงานต่อผู้บริหารภายในวันที่ ๓๐ กันยายน ๒๕๖๘ เพื่อประกอบการประเมินคุณธรรมและความโปร่งใส",
};

// The extracted lines, without form feeds and without the spaces at line ends.
std::vector<std::string> extracted_lines(const std::string& extracted) {
  std::vector<std::string> lines;
  std::istringstream in(extracted);
  std::string line;
  while (std::getline(in, line)) {
    size_t b = 0;
    while (b < line.size() && line[b] == '\f') ++b;
    line.erase(0, b);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\f' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// True when the extracted lines, in order, spell `input` exactly, allowing only
// the spaces at line ends (a line that broke at a space does not draw it).
::testing::AssertionResult spells_input(const std::string& extracted, const std::string& input) {
  size_t pos = 0;
  for (const std::string& line : extracted_lines(extracted)) {
    if (pos > 0)
      while (pos < input.size() && input[pos] == ' ') ++pos;
    if (input.compare(pos, line.size(), line) != 0)
      return ::testing::AssertionFailure() << "at byte " << pos << " expected \"" << input.substr(pos, 120)
                                           << "\"\n got line \"" << line << "\"";
    pos += line.size();
  }
  if (pos != input.size()) return ::testing::AssertionFailure() << "missing: " << input.substr(pos);
  return ::testing::AssertionSuccess();
}

std::string strip_line_ends(const std::string& extracted) {
  std::string out;
  for (const auto& l : extracted_lines(extracted)) out += l;
  return out;
}


struct Rendered {
  test::CommandResult result;
  std::string pdf;
};

Rendered render(const std::string& dir, const std::string& text, const std::string& extra = "") {
  std::string in = dir + "/in.txt";
  test::write_file(in, text);
  Rendered r;
  r.pdf = dir + "/out.pdf";
  r.result = test::run(test::quote(test::thaidoc_binary()) + " text " + test::quote(in) + " -o " + test::quote(r.pdf) +
                       " " + extra);
  return r;
}

std::string joined_corpus() {
  std::string all;
  for (const auto& p : kCorpus) all += p;
  return all;
}

std::string corpus_file() {
  std::string text;
  for (const auto& p : kCorpus) text += p + "\n\n";
  return text;
}

}  // namespace

TEST(TextCommand, ExtractedTextEqualsInput) {
  std::string dir = test::temp_dir("extract");
  for (const char* size : {"16", "14", "20"}) {
    Rendered r = render(dir, corpus_file(), std::string("--no-page-numbers --size ") + size);
    ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
    auto text = test::run("pdftotext -enc UTF-8 " + test::quote(r.pdf) + " -");
    ASSERT_EQ(text.exit_code, 0);
    EXPECT_TRUE(spells_input(text.out, joined_corpus())) << "size " << size << "\n" << text.out;
  }
}

TEST(TextCommand, NoLineEndsInsideAThaiWord) {
  std::string dir = test::temp_dir("wordends");
  Rendered r = render(dir, corpus_file(), "--no-page-numbers");
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  auto text = test::run("pdftotext -enc UTF-8 " + test::quote(r.pdf) + " -");
  // Walk the extracted lines through the corpus paragraphs.
  std::istringstream in(text.out);
  std::string line;
  size_t para = 0;
  std::string done;  // text of the current paragraph so far
  int checked = 0;
  while (std::getline(in, line) && para < kCorpus.size()) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\f')) line.pop_back();
    if (line.empty()) continue;
    done += line;
    const std::string& p = kCorpus[para];
    if (done.size() >= p.size()) {
      EXPECT_EQ(done, p);
      ++para;
      done.clear();
      continue;
    }
    // Skip the space the line ended at.
    if (p.compare(done.size(), 1, " ") == 0) {
      done += " ";
      continue;
    }
    std::vector<size_t> offsets;
    std::u32string chars = utf8::decode(p, &offsets);
    size_t cp = std::lower_bound(offsets.begin(), offsets.end(), done.size()) - offsets.begin();
    ASSERT_LT(cp, chars.size());
    ASSERT_EQ(offsets[cp], done.size()) << "line ends inside a character";
    bool thai_pair = is_thai(chars[cp - 1]) && is_thai(chars[cp]) && classify(chars[cp]) != CharClass::Digit;
    if (thai_pair) {
      // Find the Thai run around the break and ask libthai.
      size_t b = cp, e = cp;
      while (b > 0 && is_thai(chars[b - 1])) --b;
      while (e < chars.size() && is_thai(chars[e])) ++e;
      auto allowed = test::libthai_breaks(chars.substr(b, e - b));
      EXPECT_TRUE(allowed.count(cp - b)) << "line ends inside a word: ..." << line;
      ++checked;
    }
  }
  EXPECT_EQ(para, kCorpus.size());
  EXPECT_GT(checked, 3) << "the corpus should have lines ending between Thai words";
}

TEST(TextCommand, PdfIsWellFormedWithEmbeddedSubsetFonts) {
  std::string dir = test::temp_dir("structure");
  Rendered r = render(dir, corpus_file() + "เครื่องหมาย ✓ ☐ ☑\n");
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  auto check = test::run("qpdf --check " + test::quote(r.pdf));
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;
  auto fonts = test::run("pdffonts " + test::quote(r.pdf));
  ASSERT_EQ(fonts.exit_code, 0);
  std::istringstream in(fonts.out);
  std::string line;
  int font_lines = 0;
  while (std::getline(in, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty()) continue;
    ++font_lines;
    EXPECT_NE(line.find("CID TrueType"), std::string::npos) << line;
    EXPECT_NE(line.find("yes yes yes"), std::string::npos) << "not embedded subset with ToUnicode: " << line;
    EXPECT_NE(line.find('+'), std::string::npos) << "subset tag missing: " << line;
  }
  EXPECT_EQ(font_lines, 2) << fonts.out;  // Laksaman and the DejaVu fallback
}

TEST(TextCommand, DigitsOption) {
  std::string dir = test::temp_dir("digits");
  Rendered r = render(dir, "คะแนน 95.82% ปี ๒๕๖๘\n", "--digits thai --no-page-numbers");
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  EXPECT_EQ(strip_line_ends(test::run("pdftotext " + test::quote(r.pdf) + " -").out), "คะแนน ๙๕.๘๒% ปี ๒๕๖๘");
  r = render(dir, "คะแนน 95.82% ปี ๒๕๖๘\n", "--digits arabic --no-page-numbers");
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  EXPECT_EQ(strip_line_ends(test::run("pdftotext " + test::quote(r.pdf) + " -").out), "คะแนน 95.82% ปี 2568");
}

TEST(TextCommand, PageNumbersFromPageTwo) {
  std::string dir = test::temp_dir("pages");
  std::string text;
  for (int i = 0; i < 40; ++i) text += kCorpus[1] + "\n\n";
  Rendered r = render(dir, text);
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  // -layout: in its default mode pdftotext joins a line ending in "-" to the
  // next line (de-hyphenation), which would glue "- ๒ -" to the first text line.
  auto p1 = test::run("pdftotext -layout -f 1 -l 1 " + test::quote(r.pdf) + " -").out;
  auto p2 = test::run("pdftotext -layout -f 2 -l 2 " + test::quote(r.pdf) + " -").out;
  // Spaces aside: -layout places words by position, and each of "-", "๒", "-" is drawn
  // as its own text now (no ActualText over the line), so the gaps may round away.
  auto squash = [](std::string t) {
    t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
    return t;
  };
  EXPECT_EQ(squash(p1).find("-๑-"), std::string::npos);
  std::string s2 = squash(p2);
  size_t first_text = s2.find_first_not_of("\n");
  EXPECT_EQ(s2.compare(first_text, std::string("-๒-").size(), "-๒-"), 0) << p2.substr(0, 300);
}

TEST(TextCommand, MissingInputFails) {
  std::string dir = test::temp_dir("missing");
  auto r = test::run(test::quote(test::thaidoc_binary()) + " text " + dir + "/nope.txt -o " + dir + "/out.pdf");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find(dir + "/nope.txt"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir + "/out.pdf"));
}

TEST(TextCommand, InvalidUtf8NamesLineAndColumn) {
  std::string dir = test::temp_dir("badutf8");
  Rendered r = render(dir, "บรรทัดแรก\nกข\xFF\n");
  EXPECT_EQ(r.result.exit_code, 2);
  EXPECT_NE(r.result.out.find("in.txt:2:3: error: invalid UTF-8"), std::string::npos) << r.result.out;
  EXPECT_FALSE(fs::exists(r.pdf));
}

TEST(TextCommand, UnwritableOutputLeavesNothing) {
  std::string dir = test::temp_dir("unwritable");
  test::write_file(dir + "/in.txt", "ทดสอบ\n");
  test::write_file(dir + "/blocker", "a file, not a directory");
  auto r = test::run(test::quote(test::thaidoc_binary()) + " text " + dir + "/in.txt -o " + dir + "/blocker/out.pdf");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("blocker"), std::string::npos) << r.out;
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_TRUE(e.path().filename() == "in.txt" || e.path().filename() == "blocker") << e.path();
}

TEST(TextCommand, SameInputGivesIdenticalBytes) {
  std::string dir = test::temp_dir("determinism");
  Rendered a = render(dir, corpus_file());
  ASSERT_EQ(a.result.exit_code, 0);
  std::string first = test::read_file(a.pdf);
  Rendered b = render(dir, corpus_file());
  ASSERT_EQ(b.result.exit_code, 0);
  EXPECT_TRUE(first == test::read_file(b.pdf));
}

// A paragraph's layout warnings name the file's line and column where the paragraph starts
// (the second paragraph: line 4, after two spaces, column 3) and the page it is on. The token
// of 20 x "A123456789" has no break and no hyphenation point: it is cut between letters.
TEST(TextCommand, LayoutWarningsNameLineColumnAndPage) {
  std::string dir = test::temp_dir("text-warnings");
  std::string token;
  for (int i = 0; i < 20; ++i) token += "A123456789";
  Rendered r = render(dir, "ย่อหน้าแรก\nบรรทัดที่สอง\n\n  ย่อหน้าที่สอง " + token + "\n", "--warnings layout");
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  EXPECT_NE(r.result.out.find("in.txt:4:3: warning: page 1: word cut: word wider than the line cut between letters"),
            std::string::npos)
      << r.result.out;
  EXPECT_EQ(r.result.out.find("in.txt:0"), std::string::npos) << r.result.out;
}

TEST(TextCommand, ParagraphsKnowWhereTheyStart) {
  std::vector<TextParagraph> p = split_paragraphs_at("\n\nแรก\nต่อ\n \n\t  สอง x\n  สาม\n");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].text, "แรกต่อ");
  EXPECT_EQ(p[0].line, 3);
  EXPECT_EQ(p[0].column, 1);
  EXPECT_EQ(p[1].text, "สอง x สาม");
  EXPECT_EQ(p[1].line, 6);
  EXPECT_EQ(p[1].column, 4);
}
