// Hardening (issue 16, points 2-4): limits in bytes and time, confined file access, clean
// failures. Each test runs the real `thaidoc` binary on small generated inputs (or calls
// the function that holds the rule) and checks the exact outcome.
#include <gtest/gtest.h>
#include <malloc.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/atomic_file.h"
#include "base/deadline.h"
#include "base/error.h"
#include "input/document_reader.h"
#include "layout/block_layout.h"
#include "layout/document_layout.h"
#include "layout/resources.h"
#include "layout/source_ledger.h"
#include "layout/styles.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"
#include "text/segment.h"

namespace thaidoc {
namespace {
namespace fs = std::filesystem;

const std::string kMemo = test::kMinimalMemo;

class Harden : public testing::Test {
 protected:
  void SetUp() override { dir_ = test::temp_dir("harden"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories(fs::path(path(name)).parent_path());
    test::write_file(path(name), text);
  }
  // Runs `thaidoc ARGS` in the test folder (shipped templates and fonts), bounded in time.
  test::CommandResult thaidoc(const std::string& args) const {
    return test::run("cd " + test::quote(dir_) + " && env -u THAIDOC_TEMPLATES -u THAIDOC_FONTS timeout 60 " +
                     test::quote(test::thaidoc_binary()) + " " + args);
  }
  std::string dir_;
};

std::string with(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// ---------------------------------------------------------------- 1. linear tables

// Heap bytes in use (glibc).
size_t heap_in_use() { return mallinfo2().uordblks; }

// The boxes of a one-table document of `rows` short rows, laid out as layout_document does
// before pagination; returns the heap they hold (the layout's caches warmed first).
size_t table_boxes_bytes(int rows) {
  std::string yaml = "kind: document\ndigits: arabic\nblocks:\n  - table:\n      columns: [2cm, 1, 3cm, 3cm]\n"
                     "      header:\n        - [ลำดับ, หน่วยงาน, คะแนน, ระดับ]\n      rows:\n";
  for (int r = 1; r <= rows; ++r)
    yaml += "        - [" + std::to_string(r) + ", องค์การบริหารส่วนตำบลที่ " + std::to_string(r) + ", 8" +
            std::to_string(r % 10) + ".5, ผ่าน]\n";
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  Document doc = read_document_string(yaml, test::temp_dir("linear") + "/t.yaml", o);
  static Resources res{FontManager({test::source_dir() + "/fonts"}), ShapeCache(), ParagraphCache()};
  const Template& tpl = doc.style;
  FontSet fonts = load_fonts(tpl.fonts, res.fonts);
  TextEngine engine(res.shapes, &res.paragraphs);
  BlockLayouter blocks(tpl, fonts, engine, tpl.digits, doc.base_dir);
  for (int pass = 0; pass < 2; ++pass) {  // the first pass fills the shaping caches
    size_t before = heap_in_use();
    std::vector<FlowBox> boxes;
    blocks.add_blocks(doc.blocks, boxes, 0, tpl.page.content_width());
    EXPECT_EQ(boxes.size(), static_cast<size_t>(rows) + 1);  // the header and one box a row
    if (pass == 1) return heap_in_use() - before;
  }
  return 0;
}

TEST(HardenTable, MemoryIsProportionalToTheRows) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "under AddressSanitizer the heap is the sanitizer's (mallinfo reports nothing); the Release run checks this";
#endif
  // Twice the rows, twice the memory (a row box that held anything sized to the whole
  // table, as once its list of every cell's first line did, makes it about four times).
  size_t small = table_boxes_bytes(300), big = table_boxes_bytes(600);
  ASSERT_GT(small, 0u);
  double ratio = static_cast<double>(big) / static_cast<double>(small);
  EXPECT_GT(ratio, 1.6) << small << " " << big;
  EXPECT_LT(ratio, 2.5) << small << " " << big;
  // And not much per row: the cells' laid-out lines, nothing drawn twice (about 4 KB here).
  EXPECT_LT(big / 600, 6500u) << big;
}

// ---------------------------------------------------------------- 2. limits

TEST_F(Harden, AliasesAreCountedByTheBytesTheyExpandTo) {
  // 60 uses of one 1,000,000-byte value: 1 MB of file, 60 MB of text.
  std::string yaml = "kind: document\nblocks:\n  - &big " + std::string(1000000, 'x') + "\n";
  for (int i = 0; i < 59; ++i) yaml += "  - *big\n";
  write("aliases.yaml", yaml);
  auto r = thaidoc("render aliases.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out,
            "aliases.yaml:3:3: error: too much text: more than 50 MB of values with every alias (*name) "
            "expanded; a document this large is refused\n");
  EXPECT_FALSE(fs::exists(path("out.pdf")));
}

TEST_F(Harden, TextHasTheInputLimitsOfRender) {
  // A (sparse) file over 50 MB is refused from its size, before it is read.
  { std::ofstream(path("big.txt")) << "x"; }
  fs::resize_file(path("big.txt"), (50u << 20) + 1);
  auto r = thaidoc("text big.txt -o out.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "thaidoc: error: big.txt: file too large (at most 50 MB)\n");
  // One paragraph over 1 MB, like a YAML value over 1 MB.
  write("long.txt", "สั้น\n\n" + std::string(600000, 'a') + "\n" + std::string(600000, 'b') + "\n");
  r = thaidoc("text long.txt -o out.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "long.txt:3:1: error: paragraph too long: more than 1 MB without a blank line\n");
  EXPECT_FALSE(fs::exists(path("out.pdf")));
}

TEST_F(Harden, BatchRecordValuesAreAtMostOneMegabyte) {
  write("t.yaml", with(kMemo, "    - ข้อความ", "    - \"{{text}}\""));
  write("d.csv", "text\nสั้น\n" + std::string((1u << 20) + 1, 'x') + "\n");
  auto r = thaidoc("batch t.yaml --data d.csv -o 'out/{record}.pdf' -q -j1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("d.csv:3: error: the value of column 'text' is too long: 1048577 bytes (at "
                       "most 1 MB in one value) [record 2]\n"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(fs::exists(path("out/1.pdf")));
  EXPECT_FALSE(fs::exists(path("out/2.pdf")));
}

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// A paragraph's layout warnings are reported once per kind with the count of the others, in
// linear time: a long paragraph in a narrow column can have a warning a line (the fuzzer's
// slowest input spent most of its time here when each warning looked at all the others).
TEST(HardenText, AParagraphsManyWarningsAreCountedInLinearTime) {
  ParagraphLayout layout;
  const size_t n = 120000;
  for (size_t i = 0; i < n; ++i)
    layout.warnings.push_back({i % 3 == 0 ? TextWarning::Stretched : TextWarning::WordCut, "w" + std::to_string(i), i});
  SourceLedger ledger;
  double start = cpu_seconds();
  report_text_warnings(ledger, SourceLocation{"t.yaml", 3, 5}, layout, -1);
  double used = cpu_seconds() - start;
  EXPECT_LT(used, 2.0);  // quadratic (each against all): 10 s in a Release build; linear: 0.1 s
  EXPECT_EQ(ledger.take_warnings(LaidOutDocument{}),
            (std::vector<std::string>{
                "t.yaml:3:5: warning: stretched: w0 (and 39999 more in this paragraph)",
                "t.yaml:3:5: warning: word cut: w1 (and 79999 more in this paragraph)"}));
}

TEST(HardenText, LongUnbrokenThaiIsBrokenInLinearTime) {
  const std::u32string word = U"การประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน";
  std::u32string text;
  while (text.size() < 600000) text += word;
  double start = cpu_seconds();
  std::vector<bool> breaks = find_line_breaks(text);
  double used = cpu_seconds() - start;
  // Quadratic (one libthai call on the whole run) takes about 8 s of CPU here; linear well
  // under one. The bound leaves room for a slow sanitizer build.
  EXPECT_LT(used, 4.0);
  // The breaks are libthai's, window by window: the same in the first window and near the
  // end as for a short text, with a break at every repeat of the phrase.
  std::u32string head = text.substr(0, 10 * word.size());
  std::set<size_t> expected = test::libthai_breaks(head);
  for (size_t i = 1; i < 9 * word.size(); ++i) EXPECT_EQ(breaks[i], expected.count(i) > 0) << i;
  // Far from the start, as many breaks per phrase as in the head (windows lose none).
  size_t head_breaks = 0, all_breaks = 0;
  for (size_t i = 0; i < head.size(); ++i) head_breaks += breaks[i];
  for (size_t i = 0; i < text.size(); ++i) all_breaks += breaks[i];
  double per_phrase_head = head_breaks / 10.0, per_phrase = all_breaks / double(text.size() / word.size());
  EXPECT_GT(per_phrase_head, 3);
  EXPECT_NEAR(per_phrase, per_phrase_head, 0.2);
}

// A deadline that has passed (the server's --time-limit, set in its worker) stops reading,
// layout and PDF writing with DeadlinePassed, which is not an Error (nothing takes it for a
// bad block and goes on); with no deadline, or after its scope, the same steps run.
TEST_F(Harden, APassedDeadlineStopsReadingLayoutAndWriting) {
  const std::string yaml = "kind: document\nblocks:\n  - ย่อหน้าแรก\n  - ย่อหน้าที่สอง\n";
  const std::string path = test::temp_dir("deadline") + "/t.yaml";
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  Resources res;
  const auto past = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  const auto future = std::chrono::steady_clock::now() + std::chrono::hours(1);
  {
    ScopedDeadline limit(past);
    EXPECT_THROW(read_document_string(yaml, path, o), DeadlinePassed);
  }
  Document doc = read_document_string(yaml, path, o);
  {
    ScopedDeadline limit(past);
    EXPECT_THROW(layout_document(doc, res), DeadlinePassed);
  }
  LaidOutDocument laid_out;
  {
    ScopedDeadline limit(future);
    laid_out = layout_document(doc, res);
  }
  ASSERT_EQ(laid_out.pages.size(), 1u);
  {
    ScopedDeadline outer(future);
    {
      ScopedDeadline inner(past);
      EXPECT_THROW(write_pdf_to_memory(laid_out), DeadlinePassed);
    }
    EXPECT_EQ(write_pdf_to_memory(laid_out).compare(0, 5, "%PDF-"), 0);  // the outer deadline is back
  }
}

// ---------------------------------------------------------------- 3. confinement

TEST_F(Harden, TemplatesFontsAndExtendsStayInsideTheAllowedFolders) {
  write("outside/t.yaml", "extends: memo\n");
  write("outside/f.ttf", test::read_file(test::source_dir() + "/fonts/DejaVuSans.ttf"));
  write("doc/sub/t.yaml", "extends: ../../outside/t.yaml\n");
  write("doc/a.yaml", "template: ../outside/t.yaml\n" + kMemo);
  write("doc/b.yaml", "style:\n  fonts: {regular: ../outside/f.ttf}\n" + kMemo);
  write("doc/c.yaml", "template: sub/t.yaml\n" + kMemo);
  write("doc/d.yaml", "template: /etc/passwd\n" + kMemo);
  fs::create_symlink(path("outside/t.yaml"), path("doc/link.yaml"));
  write("doc/e.yaml", "template: link.yaml\n" + kMemo);

  auto r = thaidoc("render doc/a.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc/a.yaml:1:11: error: template: template '../outside/t.yaml' is outside the "
                   "document's folder and the template folders (--allow-outside lifts this)\n");
  r = thaidoc("render doc/b.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc/b.yaml:2:20: error: style.fonts.regular: font file '../outside/f.ttf' is outside "
                   "the document's folder and the font folders (--allow-outside lifts this)\n");
  r = thaidoc("render doc/c.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, path("doc/sub/t.yaml") + ":1:10: error: extends: template '../../outside/t.yaml' "
                   "is outside this template's folder and the template folders (--allow-outside lifts this)\n");
  r = thaidoc("render doc/d.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc/d.yaml:1:11: error: template: template '/etc/passwd' is outside the document's "
                   "folder and the template folders (--allow-outside lifts this)\n");
  r = thaidoc("render doc/e.yaml -o out.pdf");  // a symlink is followed
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("template 'link.yaml' is outside"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(path("out.pdf")));

  // --allow-outside (and its old name) lifts it for trusted documents.
  for (const char* doc : {"a", "b", "c", "e"}) {
    r = thaidoc(std::string("render doc/") + doc + ".yaml -o out.pdf --allow-outside");
    EXPECT_EQ(r.exit_code, 0) << doc << ": " << r.out;
  }
  r = thaidoc("render doc/a.yaml -o out.pdf --allow-outside-images");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(Harden, DictionaryFilesStayInsideAndAreRegularFiles) {
  write("outside/words.txt", "คำศัพท์\n");
  write("doc/a.yaml", "dictionary_file: ../outside/words.txt\n" + kMemo);
  write("doc/b.yaml", "dictionary_file: /dev/zero\n" + kMemo);
  write("doc/c.yaml", "dictionary_file: fifo\n" + kMemo);
  write("doc/d.yaml", "style:\n  dictionary_file: ../outside/words.txt\n" + kMemo);
  write("doc/e.yaml", "dictionary_file: words.txt\n" + kMemo);
  write("doc/words.txt", "คำศัพท์\n");
  ASSERT_EQ(mkfifo(path("doc/fifo").c_str(), 0600), 0);
  auto r = thaidoc("render doc/a.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc/a.yaml:1:18: error: dictionary_file: dictionary file '../outside/words.txt' is "
                   "outside the document's folder and the template folders (--allow-outside lifts this)\n");
  r = thaidoc("render doc/d.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("dictionary file '../outside/words.txt' is outside"), std::string::npos) << r.out;
  // A device or a FIFO is refused at once (it would fill memory or block), even when allowed.
  r = thaidoc("render doc/b.yaml -o out.pdf --allow-outside");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc/b.yaml:1:18: error: dictionary_file: dictionary file '/dev/zero': is not a regular "
                   "file (a character device); only files are read\n");
  r = thaidoc("render doc/c.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc/c.yaml:1:18: error: dictionary_file: dictionary file 'fifo': is not a regular "
                   "file (a FIFO); only files are read\n");
  EXPECT_FALSE(fs::exists(path("out.pdf")));
  for (const char* doc : {"a", "d"}) {
    r = thaidoc(std::string("render doc/") + doc + ".yaml -o out.pdf --allow-outside");
    EXPECT_EQ(r.exit_code, 0) << doc << ": " << r.out;
  }
  r = thaidoc("render doc/e.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(Harden, AFontTableTagIsQuotedWithItsBytesEscaped) {
  // DejaVu Sans with its first table record's tag made of an escape sequence and a byte
  // that is not UTF-8, and the table's length reaching past the end of the file.
  std::string font = test::read_file(test::source_dir() + "/fonts/DejaVuSans.ttf");
  ASSERT_GT(font.size(), 28u);
  font.replace(12, 4, std::string("\x1b[\xff", 3) + "J");
  font.replace(24, 4, std::string("\x7f\xff\xff\xff", 4));
  write("bad.ttf", font);
  write("doc.yaml", "style:\n  fonts: {regular: bad.ttf}\n" + kMemo);
  auto r = thaidoc("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\xff'), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("font file is truncated or damaged (its '\\x1B[\\xFFJ' table runs past the end)"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(path("out.pdf")));
}

TEST_F(Harden, BatchValuesNeverChooseTheTemplateOrAFont) {
  write("t.yaml", "template: \"{{tpl}}\"\n" + kMemo);
  write("d.csv", "tpl\n/etc/shadow\n");
  auto r = thaidoc("batch t.yaml --data d.csv -o 'out/{record}.pdf' -q --report report.json");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "t.yaml:1:12: error: template: placeholder {{tpl}}: the template and the fonts cannot "
                   "come from the data (name them in the template itself)\n");
  write("t.yaml", "style:\n  fonts:\n    regular: \"{{font}}.ttf\"\n" + kMemo);
  write("d.csv", "font\nDejaVuSans\n");
  r = thaidoc("batch t.yaml --data d.csv -o 'out/{record}.pdf' -q");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("style.fonts.regular: placeholder {{font}}: the template and the fonts cannot come"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(path("out")));
}

TEST_F(Harden, AFileThatIsNotATemplateIsNotQuoted) {
  write("secret.yaml", "root: s3cr3t-hash\n");
  write("doc.yaml", "template: secret.yaml\n" + kMemo);
  auto r = thaidoc("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out.find("s3cr3t"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("root"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.rfind(path("secret.yaml") + ":1:1: error: not a template: unknown top-level key", 0),
            0u)
      << r.out;
}

TEST_F(Harden, ControlCharactersInEchoedValuesAreEscaped) {
  write("doc.yaml", with(kMemo, "kind: memo", "kind: memo\ndigits: \"\\e[31mred\\x9b\""));
  auto r = thaidoc("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unknown value '\\x1B[31mred\\u009B'"), std::string::npos) << r.out;
  EXPECT_EQ(escape_controls("a\tb\nc\x07"), "a\\tb\\nc\\x07");
}

// ---------------------------------------------------------------- 4. clean failures

TEST_F(Harden, FifosAreRefusedWithoutBlocking) {
  ASSERT_EQ(mkfifo(path("fifo.yaml").c_str(), 0600), 0);
  ASSERT_EQ(mkfifo(path("fifo.csv").c_str(), 0600), 0);
  write("t.yaml", kMemo);
  auto start = std::chrono::steady_clock::now();
  auto r = thaidoc("render fifo.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "thaidoc: error: fifo.yaml: is not a regular file (a FIFO); only files are read\n");
  r = thaidoc("text fifo.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "thaidoc: error: fifo.yaml: is not a regular file (a FIFO); only files are read\n");
  r = thaidoc("batch t.yaml --data fifo.csv -o '{record}.pdf'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "thaidoc: error: fifo.csv: is not a regular file (a FIFO); only files are read\n");
  r = thaidoc("render /dev/zero -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "thaidoc: error: /dev/zero: is not a regular file (a character device); only files are read\n");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(50));
}

TEST_F(Harden, NonFiniteAndOutOfRangeOptionsExitWithTwo) {
  write("in.txt", "ข้อความ\n");
  for (const char* args : {"--size nan", "--size inf", "--size 1000", "--line-height inf", "--line-height nan",
                           "--line-height -1", "--size abc"}) {
    auto r = thaidoc(std::string("text in.txt -o out.pdf ") + args);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.out;
    EXPECT_FALSE(fs::exists(path("out.pdf"))) << args;
  }
  write("t.yaml", kMemo);
  write("d.csv", "a\nb\n");
  auto r = thaidoc("batch t.yaml --data d.csv -o '{record}.pdf' -j nan");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  // A shard number beyond size_t is refused, not saturated (sscanf made it 18446744073709551615).
  for (const char* shard : {"1/99999999999999999999", "99999999999999999999/99999999999999999999", "1/", "/2",
                            "1/2/3", "+1/2", "1/2 ", "0/2", "3/2"}) {
    r = thaidoc(std::string("batch t.yaml --data d.csv -o '{record}.pdf' -q --shard '") + shard + "'");
    EXPECT_EQ(r.exit_code, 2) << shard << ": " << r.out;
    EXPECT_EQ(r.out, std::string("thaidoc: error: --shard '") + shard +
                         "': expected K/N with 1 <= K <= N (e.g. 2/8)\n")
        << shard;
  }
  r = thaidoc("batch t.yaml --data d.csv -o '{record}.pdf' -q --shard 1/2");  // d.csv: one record
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(fs::exists(path("1.pdf")));
  r = thaidoc("text in.txt -o out.pdf --size 12");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(Harden, MissingGlyphsGiveOneWarningPerScript) {
  write("doc.yaml", with(kMemo, "    - ข้อความ", "    - ข้อความ 中文 和 한국어 한글"));
  auto r = thaidoc("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("thaidoc: warning: doc.yaml: no font has glyphs for Han (Chinese) text (first on page 1: "
                       "'中文和')"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("no font has glyphs for Hangul (Korean) text"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Thai text"), std::string::npos) << r.out;
  size_t lines = std::count(r.out.begin(), r.out.end(), '\n');
  EXPECT_EQ(lines, 2u) << r.out;
  // Thai in a font without Thai (main and fallback both DejaVu Sans).
  write("doc2.yaml", "style:\n  fonts: {regular: DejaVuSans.ttf, bold: DejaVuSans.ttf, fallback: DejaVuSans.ttf}\n" +
                         kMemo);
  r = thaidoc("render doc2.yaml -o out2.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("no font has glyphs for Thai text"), std::string::npos) << r.out;
  // The shipped fonts cover the example.
  write("doc3.yaml", kMemo);
  r = thaidoc("render doc3.yaml -o out3.pdf");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

TEST_F(Harden, ASecondYamlDocumentIsAnError) {
  write("doc.yaml", kMemo + "---\nkind: document\nblocks: [x]\n");
  auto r = thaidoc("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc.yaml:12:1: error: a second YAML document (after '---'): a file holds one "
                   "document; remove the '---' line or put the second document in its own file\n");
}

// yaml-cpp 0.7's LoadAll never returned (memory growing) when a document would start with a
// ',' outside [ ] and { }, or with a '?' after a top-level value; every YAML input went
// through it. Each case runs under `timeout 10`: a loop is exit 124, not a hung test.
TEST_F(Harden, YamlThatMadeTheParserLoopIsRefusedAtItsToken) {
  auto render = [&](const std::string& args) {
    return test::run("cd " + test::quote(dir_) + " && env -u THAIDOC_TEMPLATES -u THAIDOC_FONTS timeout 10 " +
                     test::quote(test::thaidoc_binary()) + " " + args);
  };
  const std::string comma =
      "invalid YAML: unexpected ',' (a ',' separates the items of [a, b] or {a: 1, b: 2}; text that starts "
      "with ',' must be in quotes)\n";
  struct Case {
    const char* text;
    const char* where;
  };
  for (const Case& c : {Case{",", "1:1"}, Case{"\n\n  ,", "3:3"}, Case{"\"x\",", "1:4"}, Case{"[a]\n,", "2:1"},
                        Case{"{kind: memo}\n, x", "2:1"}, Case{"&a ,", "1:4"}, Case{"!x ,", "1:4"},
                        Case{"# c\n,\nkind: memo\n", "2:1"}}) {
    write("doc.yaml", c.text);
    auto r = render("render doc.yaml -o out.pdf");
    EXPECT_EQ(r.exit_code, 2) << c.text;
    EXPECT_EQ(r.out, "doc.yaml:" + std::string(c.where) + ": error: " + comma) << c.text;
  }
  write("doc.yaml", "!x |\n  ข้อความ\n? kind\n");
  auto r = render("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc.yaml:3:1: error: invalid YAML: unexpected '?' (text that starts with '?' must be in quotes)\n");
  // After '---' the second document is the error (it is found before the loop).
  write("doc.yaml", kMemo + "---\n,\n");
  r = render("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc.yaml:12:1: error: a second YAML document (after '---'): a file holds one "
                   "document; remove the '---' line or put the second document in its own file\n");
  write("doc.yaml", "[kind, memo] x\n");
  r = render("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "doc.yaml:1:14: error: invalid YAML: unexpected 'x' after the end of the document's "
                   "top-level value\n");
  // Batch data, a template and a part file are read the same way.
  write("t.yaml", kMemo);
  write("d.yaml", "- {a: 1}\n,\n");
  r = render("batch t.yaml --data d.yaml -o '{record}.pdf' -q");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "d.yaml:2:1: error: " + comma);
  write("tpl.yaml", "[extends, memo]\n,\n");
  write("doc.yaml", "template: tpl.yaml\n" + kMemo);
  r = render("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, path("tpl.yaml") + ":2:1: error: " + comma);  // templates are named by their full path
  write("part.yaml", "\"x\",\n");
  write("doc.yaml", "parts:\n  - file: part.yaml\n");
  r = render("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "part.yaml:1:4: error: " + comma);
  EXPECT_FALSE(fs::exists(path("out.pdf")));
  // Commas where YAML allows them: in [ ] and { }, in quoted, plain and block scalars, in
  // comments; both with the root mapping first (one parse) and after '---' (checked first).
  const std::string commas = with(with(kMemo, "    - ข้อความ",
                                       "    - \"ข้อความ, ต่อ\"\n    - ข้อความ, ต่อ  # หมายเหตุ, ต่อ\n"
                                       "    - |\n      ,ข้อความ\n    - >\n      , ข้อความ\n"
                                       "    - list: [ก, ข, 'ค, ง']\n    - {paragraph: \"จ, ฉ\"}"),
                                  "kind: memo", "kind: memo\nkeywords: [a, b,]\n# , ความเห็น");
  for (const std::string& text : {commas, "---\n" + commas, "# ,\n\n" + commas}) {
    write("doc.yaml", text);
    r = render("render doc.yaml -o out.pdf");
    EXPECT_EQ(r.exit_code, 0) << text << r.out;
    EXPECT_EQ(r.out, "") << text;
    EXPECT_TRUE(fs::remove(path("out.pdf")));
  }
}

// A font name longer than a file name may be made std::filesystem throw ENAMETOOLONG from
// the CLI's font lookup: exit 3 "internal error" (found by fuzz_yaml_structured).
TEST_F(Harden, AFontNameLongerThanNameMaxIsNotFound) {
  const std::string name(300, 'x');
  write("doc.yaml", "style:\n  fonts: {regular: " + name + ".ttf}\n" + kMemo);
  auto r = thaidoc("render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "doc.yaml:2:20: error: style.fonts.regular: font file '" + name + ".ttf' not found\n");
  write("d.csv", "a\n1\n");
  r = thaidoc("batch doc.yaml --data d.csv -o 'out/{record}.pdf' -q");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out.rfind("doc.yaml:2:20: error: style.fonts.regular: font file '" + name +
                            ".ttf' not found [record 1, d.csv:2]\nthaidoc batch: 0 done, 0 skipped, 1 failed, 0 pages, ",
                        0),
            0u)
      << r.out;
  EXPECT_FALSE(fs::exists(path("out.pdf")));
}

TEST_F(Harden, ContentOffThePageIsReported) {
  write("doc.yaml", "kind: document\nblocks:\n  - paragraph: ข้อความ\n    left_indent: 100cm\n");
  // Without --strict: written, with a warning at the paragraph for each cluster off the paper.
  auto r = test::run("cd " + test::quote(dir_) + " && env -u THAIDOC_STRICT -u THAIDOC_TEMPLATES -u THAIDOC_FONTS " +
                     "timeout 60 " + test::quote(test::thaidoc_binary()) + " render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // (after the text engine's own warnings about the same paragraph: could not keep it within its measure)
  EXPECT_NE(r.out.find("\ndoc.yaml:3:5: warning: page 1: text off the paper: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pt past the right edge"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(path("out.pdf")));
  fs::remove(path("out.pdf"));
  // With --strict: an error, exit code 2 and no file.
  r = thaidoc("render doc.yaml -o out.pdf --strict");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("layout violations (--strict)"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(path("out.pdf")));
}

TEST_F(Harden, LongOutputNamesFitNameMax) {
  write("doc.yaml", kMemo);
  std::string name = std::string(246, 'n') + ".pdf";  // 250 bytes: legal
  auto r = thaidoc("render doc.yaml -o " + name);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(fs::exists(path(name)));
  EXPECT_EQ(temp_name_stem(std::string(300, 'x')).size(), 200u);
  EXPECT_EQ(temp_name_stem(std::string(199, 'x') + "ก").size(), 199u);  // cut at a character boundary
}

TEST_F(Harden, LongTitlesAndManyKeywordsAreInputErrors) {
  write("title.yaml", "title: " + std::string(40000, 't') + "\n" + kMemo);
  auto r = thaidoc("render title.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "title.yaml:1:8: error: title: too long for the PDF's document information: 40000 "
                   "bytes (at most 32000)\n");
  std::string words = "keywords: [";
  for (int i = 0; i < 10000; ++i) words += (i ? ", k" : "k") + std::to_string(i);
  write("keywords.yaml", words + "]\n" + kMemo);
  r = thaidoc("render keywords.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("keywords.yaml:1:11: error: keywords: too long for the PDF's document information"),
            std::string::npos)
      << r.out;
  // A long memo subject is the title cut short, not an error.
  write("subject.yaml", with(kMemo, "subject: รายงานผล", "subject: " + std::string(40000, 's')));
  r = thaidoc("render subject.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

// A small filesystem that fills up: tmpfs, which needs the right to mount (root in a
// container); skipped where that is not allowed.
class FullDisk : public Harden {
 protected:
  void SetUp() override {
    Harden::SetUp();
    fs::create_directories(path("disk"));
    if (mount("tmpfs", path("disk").c_str(), "tmpfs", 0, "size=32k") != 0) {
      GTEST_SKIP() << "cannot mount a tmpfs here";
    }
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) umount2(path("disk").c_str(), MNT_DETACH);  // detach even if still busy
    Harden::TearDown();
  }
  bool mounted_ = false;
};

TEST_F(FullDisk, ErrorsNameTheOutputAndTheBatchStopsStartingRecords) {
  // A report with a table long enough to need more than the disk holds.
  std::string doc = "kind: document\nblocks:\n";
  for (int i = 0; i < 3000; ++i) doc += "  - ย่อหน้าที่ " + std::to_string(i) + " การประเมินคุณธรรมและความโปร่งใส\n";
  write("doc.yaml", doc);
  auto r = thaidoc("render doc.yaml -o disk/asked-for.pdf");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out.rfind("thaidoc: error: disk/asked-for.pdf: ", 0), 0u) << r.out;
  EXPECT_EQ(r.out.find(".tmp-"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::is_empty(path("disk")));

  write("t.yaml", with(doc, "blocks:\n", "blocks:\n  - \"{{n}}\"\n"));
  std::string csv = "n\n";
  for (int i = 1; i <= 40; ++i) csv += std::to_string(i) + "\n";
  write("d.csv", csv);
  r = thaidoc("batch t.yaml --data d.csv -o 'disk/{n}.pdf' -j1 -q --report report.json");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("thaidoc: error: the disk is full: no further documents were started\n"), std::string::npos)
      << r.out;
  // One record failed; the ones after it were never started.
  std::string report = test::read_file(path("report.json"));
  EXPECT_NE(report.find("\"failed\": 1, \"not_started\": "), std::string::npos) << report;
  EXPECT_EQ(report.find("\"not_started\": 0"), std::string::npos) << report;
  EXPECT_NE(r.out.find(" not started (disk full)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace thaidoc
