// Issue 11: the text of every PDF comes back exactly in the seven readers people and search
// systems use (poppler, MuPDF, pdf.js, PDFium, pdfminer.six, pypdf, PDFBox), and the
// per-character shaping this relies on leaves layout's grapheme clusters as they were.
//
// The readers run only in the Release stage of scripts/test.sh: they are other programs
// (Python, Java, Node) reading finished files, so running them under the sanitizer build
// would only repeat the same seconds of work. The rendering itself (layout and the PDF
// writer, the C++ that the sanitizers watch) runs in both stages: in the sanitizer stage
// the same cases are laid out and written, and only the readers are skipped.
#include <gtest/gtest.h>
#include <hb.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "input/document_reader.h"
#include "layout/resources.h"
#include "pdf/pdf_writer.h"
#include "report/report_layout.h"
#include "test_support.h"
#include "text/shaper.h"

#if defined(__SANITIZE_ADDRESS__)
#define THAIDOC_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define THAIDOC_UNDER_SANITIZER 1
#endif
#endif

namespace thaidoc {
namespace {

using test::quote;
using test::read_file;
using test::run;
using test::source_dir;
using test::write_file;

std::string squash(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out.push_back(c);
  return out;
}

LaidOutDocument lay_out(const std::string& relative, Resources& res) {
  ReadOptions read;
  Document doc = read_document(source_dir() + "/" + relative, read);
  return layout_any(doc, res);
}

LaidOutDocument pages_of(const LaidOutDocument& doc, const std::vector<size_t>& pages) {
  LaidOutDocument out;
  out.info = doc.info;
  for (size_t p : pages) out.pages.push_back(doc.pages.at(p));
  return out;
}

// Everything drawn as text, in drawing order, and its words (each run split at spaces).
// A run's last word that ends in '-' is marked: pdftotext takes a '-' ending a line for a
// hyphen and drops it (its dehyphenation; "- ๒ -" page numbers), see seven_readers.py.
struct Drawn {
  std::string sequence;
  std::vector<std::string> words;
};

Drawn drawn(const LaidOutDocument& doc) {
  Drawn d;
  for (const auto& r : test::runs_of(doc)) {
    d.sequence += r.text + "\n";
    std::string word;
    for (char c : r.text + " ") {
      if (c == ' ' || c == '\t' || c == '\n') {
        if (!word.empty()) d.words.push_back(word);
        word.clear();
      } else {
        word.push_back(c);
      }
    }
    if (!d.words.empty() && d.words.back().back() == '-' && r.text.find_last_not_of(' ') == r.text.size() - 1)
      d.words.back() += "\tline-final";
  }
  return d;
}

// Writes NAME.pdf, NAME.words and, for a single-column case, NAME.seq (seven_readers.py).
void write_case(const std::string& dir, const std::string& name, const LaidOutDocument& doc, bool sequence) {
  ASSERT_FALSE(doc.pages.empty()) << name;
  write_pdf(doc, dir + "/" + name + ".pdf");
  Drawn d = drawn(doc);
  ASSERT_FALSE(d.words.empty()) << name;
  std::string words;
  for (const auto& w : d.words) words += w + "\n";
  write_file(dir + "/" + name + ".words", words);
  if (sequence) write_file(dir + "/" + name + ".seq", d.sequence);
}

// The first page after `after` with a run containing `text`.
size_t page_with(const LaidOutDocument& doc, const std::string& text, size_t after = 0) {
  for (size_t p = after + 1; p < doc.pages.size(); ++p)
    for (const auto& r : test::runs_of(pages_of(doc, {p})))
      if (r.text.find(text) != std::string::npos) return p;
  return 0;
}

// The corpus is one page and is drawn exactly as tests/readers/corpus.txt reads (the
// markup gone): what the readers are held to is the input, not just what was drawn.
TEST(SevenReaders, CorpusIsDrawnAsWritten) {
  Resources res;
  LaidOutDocument doc = lay_out("tests/readers/corpus.yaml", res);
  ASSERT_EQ(doc.pages.size(), 1u) << "the corpus must stay one page (no page number between its lines)";
  EXPECT_EQ(squash(drawn(doc).sequence), squash(read_file(source_dir() + "/tests/readers/corpus.txt")));
}

TEST(SevenReaders, EveryReaderExtractsExactlyWhatIsDrawn) {
  std::string dir = test::temp_dir("seven-readers");
  Resources res;
  write_case(dir, "corpus", lay_out("tests/readers/corpus.yaml", res), true);
  write_case(dir, "memo", lay_out("data/memo/taneun-ita-results.yaml", res), false);
  LaidOutDocument table = lay_out("data/tables/taneun-results-2568.yaml", res);
  ASSERT_GE(table.pages.size(), 2u);
  write_case(dir, "table", pages_of(table, {0, 1}), false);  // the header and its repetition (ต่อ)
  LaidOutDocument report = lay_out("data/report/klongmai-ita-2565.yaml", res);
  // The cover, สารบัญ, part 1 (its trend chart and table) and a page of the long table.
  size_t contents = page_with(report, "สารบัญ");
  size_t part1 = page_with(report, "ส่วนที่ ๑", contents);
  size_t table5 = page_with(report, "ตารางที่ ๕", contents);
  write_case(dir, "report", pages_of(report, {0, contents, part1, part1 + 1, table5}), false);
  if (HasFailure()) return;
#ifdef THAIDOC_UNDER_SANITIZER
  GTEST_SKIP() << "the seven readers run in the Release stage only (see the top of this file)";
#else
  auto r = run("/usr/bin/python3 " + quote(source_dir() + "/tests/readers/seven_readers.py") + " " + quote(dir));
  EXPECT_EQ(r.exit_code, 0) << r.out << "\n(exit 2: a reader is missing; scripts/setup.sh installs them)";
  std::cout << r.out;
#endif
}

// The same corpus set in an OpenType/CFF font (Debian's fonts-tlwg-laksaman-otf, found by
// family through fontconfig): embedded as CIDFontType0 with FontFile3 /OpenType and an
// encoding CMap, every reader must still extract exactly what is drawn.
TEST(SevenReaders, EveryReaderExtractsAnOpenTypeCffFont) {
  ASSERT_TRUE(std::filesystem::exists("/usr/share/fonts/opentype/tlwg/Laksaman.otf"))
      << "install fonts-tlwg-laksaman-otf (scripts/setup.sh does)";
  std::string yaml = read_file(source_dir() + "/tests/readers/corpus.yaml");
  size_t at = yaml.find("kind: document\n");
  ASSERT_NE(at, std::string::npos);
  yaml.insert(at + 15, "style:\n  fonts: {family: Laksaman}\n");
  Resources res;
  ReadOptions read;
  Document doc = read_document_string(yaml, source_dir() + "/tests/readers/corpus-otf.yaml", read);
  ASSERT_NE(doc.style.fonts.regular.find(".otf"), std::string::npos) << doc.style.fonts.regular;
  LaidOutDocument laid_out = layout_any(doc, res);
  ASSERT_EQ(laid_out.pages.size(), 1u);
  std::string dir = test::temp_dir("seven-readers-otf");
  write_case(dir, "corpus-otf", laid_out, true);
  if (HasFailure()) return;
#ifdef THAIDOC_UNDER_SANITIZER
  GTEST_SKIP() << "the seven readers run in the Release stage only (see the top of this file)";
#else
  auto r = run("/usr/bin/python3 " + quote(source_dir() + "/tests/readers/seven_readers.py") + " " + quote(dir));
  EXPECT_EQ(r.exit_code, 0) << r.out << "\n(exit 2: a reader is missing; scripts/setup.sh installs them)";
  std::cout << r.out;
#endif
}

// Layout works on grapheme clusters; the shaper now asks HarfBuzz for per-character
// clusters and forms the grapheme clusters itself. They must be exactly what HarfBuzz's
// default level gives, or lines would break and justify differently.
TEST(SevenReaders, ShaperGraphemeClustersMatchHarfBuzz) {
  Resources res;
  FontPtr font = res.fonts.get("Laksaman.ttf");
  std::string text = read_file(source_dir() + "/tests/readers/corpus.txt");
  for (const char* f : {"/data/text/corpus.txt", "/data/text/memo-taneun.txt", "/data/text/ita-analysis-klongmai.txt"})
    text += read_file(source_dir() + f);
  text += "ก่ำ ปั่ำ ฦๅ ่ ำ ก\u0E33\u0E33 e\u0301 a\u200Db";
  size_t checked = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    ShapedPtr ours = shape_text(*font, HB_SCRIPT_THAI, line);

    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, line.data(), static_cast<int>(line.size()), 0, static_cast<int>(line.size()));
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, HB_SCRIPT_THAI);
    hb_buffer_set_language(buf, hb_language_from_string("th", 2));
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
    hb_shape(font->hb_font(), buf, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    std::vector<uint32_t> starts;  // glyph index where each grapheme cluster starts
    for (unsigned i = 0; i < count; ++i)
      if (i == 0 || info[i].cluster != info[i - 1].cluster) starts.push_back(i);
    ASSERT_EQ(ours->glyphs.size(), count) << line;
    std::vector<uint32_t> our_starts;
    for (const auto& c : ours->clusters) our_starts.push_back(c.glyph_begin);
    EXPECT_EQ(our_starts, starts) << line;
    for (unsigned i = 0; i < count; ++i) {
      EXPECT_EQ(ours->glyphs[i].gid, info[i].codepoint) << line;
      // Each glyph's own characters lie within its grapheme cluster.
      EXPECT_GE(ours->glyphs[i].cluster, info[i].cluster) << line;
    }
    hb_buffer_destroy(buf);
    ++checked;
  }
  EXPECT_GT(checked, 20u);
}

}  // namespace
}  // namespace thaidoc
