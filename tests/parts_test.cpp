// Multi-part documents (`parts:`): each part laid out as a document of its own kind,
// template and orientation, the pages concatenated; page numbers restarting or
// continuing per part; the layout invariants across parts; part files confined to the
// document's folder; errors naming file:line:col.
#include <gtest/gtest.h>

#include <filesystem>

#include "input/document_reader.h"
#include "layout/parts_layout.h"
#include "layout/verify.h"
#include "report/report_layout.h"
#include "test_support.h"

using namespace thaidoc;
namespace fs = std::filesystem;

namespace {

ReadOptions options(bool allow_outside = false) {
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  o.allow_outside = allow_outside;
  return o;
}

Resources& resources() {
  static Resources res{FontManager({test::source_dir() + "/fonts"}), ShapeCache(), ParagraphCache()};
  return res;
}

LaidOutDocument checked(LaidOutDocument doc) {
  for (const LayoutViolation& v : verify_layout(doc)) ADD_FAILURE() << describe(v, "test document");
  return doc;
}

// A paragraph long enough that `n` of them fill more than a page.
std::string paragraphs(int n, const std::string& indent) {
  std::string y;
  for (int i = 0; i < n; ++i)
    y += indent + "- ย่อหน้าที่ " + std::to_string(i + 1) +
         " คณะทำงานได้จัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบล"
         "เพื่อเสนอผู้บริหารพิจารณาและเผยแพร่ทางเว็บไซต์ของหน่วยงานให้ประชาชนได้รับทราบโดยทั่วกัน\n";
  return y;
}

// A memo of `memo_paragraphs` paragraphs, then a general document (landscape when asked)
// numbered as `numbering` says.
std::string two_parts(int memo_paragraphs, int doc_paragraphs, const std::string& numbering, bool landscape) {
  std::string y =
      "title: บันทึกและเอกสารแนบ\n"
      "parts:\n"
      "  - kind: memo\n"
      "    memo:\n"
      "      agency: สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ\n"
      "      reference: ทส ๑๒๓๔/๕๖\n"
      "      date: 2025-04-24\n"
      "      subject: ทดสอบเอกสารหลายส่วน\n"
      "      to: นายกองค์การบริหารส่วนตำบลทดสอบ\n"
      "      body:\n" +
      paragraphs(memo_paragraphs, "        ") +
      "      signer:\n"
      "        name: นางสาวทดสอบ ระบบดี\n"
      "  - kind: document\n"
      "    page_numbers: " + numbering + "\n";
  if (landscape) y += "    style: {page: {size: A4 landscape}}\n";
  y += "    blocks:\n" + paragraphs(doc_paragraphs, "      ");
  return y;
}

LaidOutDocument layout_yaml(const std::string& yaml, std::string dir = "") {
  if (dir.empty()) dir = test::temp_dir("parts-yaml");
  Document doc = read_document_string(yaml, dir + "/bundle.yaml", options());
  EXPECT_EQ(doc.kind, DocumentKind::Parts);
  return checked(layout_any(doc, resources()));
}

// The page-number text printed on each page ("" when none): a run at the number's
// baseline (1.5cm from the top) that is not body text.
std::vector<std::string> page_numbers(const LaidOutDocument& doc) {
  std::vector<std::string> out(doc.pages.size());
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    for (size_t i = page.flow_items; i < page.items.size(); ++i) {
      if (const auto* r = std::get_if<GlyphRun>(&page.items[i]); r && r->source < 0) {
        for (const auto& c : r->clusters) out[p] += c.text;
      }
    }
  }
  return out;
}

// Pages a single document of the same text takes (to know where a part ends).
size_t pages_alone(const std::string& yaml) {
  std::string dir = test::temp_dir("parts-alone");
  Document doc = read_document_string(yaml, dir + "/alone.yaml", options());
  return layout_any(doc, resources()).pages.size();
}

std::string memo_alone(int n) {
  return "kind: memo\nmemo:\n  agency: สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ\n  reference: ทส ๑๒๓๔/๕๖\n"
         "  date: 2025-04-24\n  subject: ทดสอบเอกสารหลายส่วน\n  to: นายกองค์การบริหารส่วนตำบลทดสอบ\n  body:\n" +
         paragraphs(n, "    ") + "  signer:\n    name: นางสาวทดสอบ ระบบดี\n";
}

}  // namespace

TEST(Parts, RestartNumbersEachPartFromOneAndHidesItsFirstPage) {
  size_t memo_pages = pages_alone(memo_alone(7));
  ASSERT_EQ(memo_pages, 2u);
  LaidOutDocument doc = layout_yaml(two_parts(7, 10, "restart", false));
  ASSERT_EQ(doc.pages.size(), 4u);
  // Memo: page 1 unnumbered, page 2 "- ๒ -"; the attachment starts again: unnumbered, "- ๒ -".
  EXPECT_EQ(page_numbers(doc), (std::vector<std::string>{"", "- ๒ -", "", "- ๒ -"}));
}

TEST(Parts, ContinueNumbersOnFromThePreviousPart) {
  LaidOutDocument doc = layout_yaml(two_parts(7, 10, "continue", false));
  ASSERT_EQ(doc.pages.size(), 4u);
  EXPECT_EQ(page_numbers(doc), (std::vector<std::string>{"", "- ๒ -", "- ๓ -", "- ๔ -"}));
}

TEST(Parts, EachPartHasItsOwnOrientation) {
  LaidOutDocument doc = layout_yaml(two_parts(7, 10, "continue", true));
  ASSERT_GE(doc.pages.size(), 3u);
  for (size_t p = 0; p < 2; ++p) {
    EXPECT_NEAR(doc.pages[p].width, 595.276, 0.01) << "memo page " << p + 1;
    EXPECT_NEAR(doc.pages[p].height, 841.89, 0.01);
  }
  for (size_t p = 2; p < doc.pages.size(); ++p) {
    EXPECT_NEAR(doc.pages[p].width, 841.89, 0.01) << "attachment page " << p + 1;
    EXPECT_NEAR(doc.pages[p].height, 595.276, 0.01);
  }
  // The continued number is centred on the landscape page.
  EXPECT_EQ(page_numbers(doc)[2], "- ๓ -");
}

TEST(Parts, TheSecondPartsTextPointsAtItsOwnSourceAndIsPlacedOnce) {
  std::string yaml = two_parts(1, 2, "restart", false);
  LaidOutDocument doc = layout_yaml(yaml);
  // The invariants (checked()) count every character of every source once: a source
  // index not shifted by the first part's sources would count the attachment's text
  // against the memo's. And the attachment's paragraphs are its own lines of the file.
  ASSERT_EQ(doc.pages.size(), 2u);
  size_t blocks_line = 0;
  {
    size_t at = yaml.find("    blocks:\n");
    blocks_line = static_cast<size_t>(std::count(yaml.begin(), yaml.begin() + static_cast<long>(at), '\n')) + 1;
  }
  int on_page_2 = 0;
  for (const FrameItem& item : doc.pages[1].items) {
    const auto* r = std::get_if<GlyphRun>(&item);
    if (!r || r->source < 0) continue;
    const SourceText& s = doc.sources.at(static_cast<size_t>(r->source));
    EXPECT_EQ(s.what, "paragraph");
    EXPECT_GT(s.where.line, static_cast<int>(blocks_line)) << s.text;
    EXPECT_EQ(s.text.rfind("ย่อหน้าที่", 0), 0u) << s.text;
    ++on_page_2;
  }
  EXPECT_GT(on_page_2, 0);
  // The memo's parts come first, in order: its title, then the attachment's first paragraph.
  std::vector<test::RunInfo> runs = test::runs_of(doc);
  ASSERT_FALSE(runs.empty());
  EXPECT_EQ(runs.front().text, "บันทึกข้อความ");
  EXPECT_EQ(runs.front().page, 0);
}

TEST(Parts, FileInTheFolderIsReadWithItsOwnTemplateAndErrorsNameThatFile) {
  std::string dir = test::temp_dir("parts-files");
  fs::create_directories(dir + "/attach");
  test::write_file(dir + "/memo.yaml", memo_alone(1));
  test::write_file(dir + "/attach/table.yaml",
                   "kind: document\nstyle: {page: {size: A4 landscape}}\nblocks:\n  - ตารางแนบท้าย\n");
  test::write_file(dir + "/bundle.yaml",
                   "parts:\n  - file: memo.yaml\n  - file: attach/table.yaml\n    page_numbers: continue\n");
  Document doc = read_document(dir + "/bundle.yaml", options());
  ASSERT_EQ(doc.parts.size(), 2u);
  EXPECT_EQ(doc.parts[0].document.kind, DocumentKind::Memo);
  EXPECT_EQ(doc.parts[1].numbering, PageNumbering::Continue);
  EXPECT_EQ(doc.parts[1].document.source, dir + "/attach/table.yaml");
  LaidOutDocument out = checked(layout_any(doc, resources()));
  ASSERT_EQ(out.pages.size(), 2u);
  EXPECT_NEAR(out.pages[1].width, 841.89, 0.01);
  EXPECT_EQ(page_numbers(out), (std::vector<std::string>{"", "- ๒ -"}));
  EXPECT_EQ(out.info.title, "ทดสอบเอกสารหลายส่วน");  // the first part's, the bundle has none

  // An error inside a part file names that file, its line and column.
  test::write_file(dir + "/attach/table.yaml", "kind: document\nblocks:\n  - heading: หัวข้อ\n    level: 9\n");
  try {
    read_document(dir + "/bundle.yaml", options());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), dir + "/attach/table.yaml:4:12: blocks[1].level: must be between 1 and 3");
    EXPECT_EQ(e.exit_code(), 2);
  }
}

TEST(Parts, PartFilesAreConfinedToTheDocumentsFolder) {
  std::string root = test::temp_dir("parts-confined");
  fs::create_directories(root + "/doc");
  test::write_file(root + "/outside.yaml", memo_alone(1));
  test::write_file(root + "/doc/bundle.yaml", "parts:\n  - file: ../outside.yaml\n");
  fs::create_symlink(root + "/outside.yaml", root + "/doc/link.yaml");
  test::write_file(root + "/doc/linked.yaml", "parts:\n  - file: link.yaml\n");
  test::write_file(root + "/doc/absolute.yaml", "parts:\n  - file: " + root + "/outside.yaml\n");
  auto error_of = [&](const std::string& file, bool allow_outside) -> std::string {
    try {
      read_document(root + "/doc/" + file, options(allow_outside));
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error_of("bundle.yaml", false),
            root + "/doc/bundle.yaml:2:11: parts[1].file: part file '../outside.yaml' is outside the document's folder "
                   "(--allow-outside lifts this)");
  EXPECT_EQ(error_of("linked.yaml", false),
            root + "/doc/linked.yaml:2:11: parts[1].file: part file 'link.yaml' is outside the document's folder "
                   "(--allow-outside lifts this)");
  EXPECT_NE(error_of("absolute.yaml", false).find("is outside the document's folder"), std::string::npos);
  // --allow-outside lifts it, as for templates, fonts and images.
  EXPECT_EQ(error_of("bundle.yaml", true), "");
}

TEST(Parts, BadPartsAreErrorsAtTheirPlace) {
  std::string dir = test::temp_dir("parts-bad");
  test::write_file(dir + "/memo.yaml", memo_alone(1));
  test::write_file(dir + "/inner.yaml", "parts:\n  - file: memo.yaml\n");
  struct Case {
    std::string yaml, error;
  };
  std::vector<Case> cases = {
      {"parts:\n  - file: memo.yaml\n    page_numbers: again\n",
       "bundle.yaml:3:19: parts[1].page_numbers: unknown value 'again' (expected restart or continue)"},
      {"parts:\n  - file: missing.yaml\n", "bundle.yaml:2:11: parts[1].file: part file 'missing.yaml' not found"},
      {"parts:\n  - file: inner.yaml\n",
       "bundle.yaml:2:11: parts[1].file: part file 'inner.yaml' is itself a multi-part document (parts are not "
       "nested)"},
      {"parts:\n  - kind: document\n    parts: []\n",
       "bundle.yaml:3:5: parts[1].parts: a part cannot have parts of its own (parts are not nested)"},
      {"parts: []\n", "bundle.yaml:1:8: parts: expected at least one part (a document file or an inline document)"},
      {"parts:\n  - memo.yaml\n",
       "bundle.yaml:2:5: parts[1]: expected a part: 'file: NAME.yaml' or an inline document (kind: ...)"},
      {"kind: memo\nparts:\n  - file: memo.yaml\n",
       "bundle.yaml:1:7: kind: a document with 'parts:' has no kind of its own (each part has one): leave 'kind' "
       "out or write 'kind: parts'"},
      {"template: memo\nparts:\n  - file: memo.yaml\n",
       "bundle.yaml:1:1: template: not used in a multi-part document (each part sets its own)"},
      {"parts:\n  - file: memo.yaml\n    kind: memo\n", "bundle.yaml:3:5: parts[1].kind: unknown key"},
      // An inline part is read like any document, at its own lines.
      {"parts:\n  - kind: memo\n    memo:\n      agency: ก\n",
       "bundle.yaml:4:7: parts[1].memo.reference: required field is missing"},
      {"parts:\n  - kind: document\n    page_numbers: continue\n    blocks: [ข้อความ]\n    colour: red\n",
       "bundle.yaml:5:5: parts[1].colour: unknown key"},
  };
  for (const Case& c : cases) {
    std::string path = dir + "/bundle.yaml";
    test::write_file(path, c.yaml);
    try {
      read_document(path, options());
      ADD_FAILURE() << "no error for:\n" << c.yaml;
    } catch (const Error& e) {
      std::string what = e.what();
      EXPECT_EQ(what.substr(0, std::min(what.size(), dir.size() + 1 + c.error.size())), dir + "/" + c.error)
          << c.yaml;
      EXPECT_EQ(e.exit_code(), 2);
    }
  }
}

TEST(Parts, RenderWritesOnePdfWithEveryPartsPages) {
  const std::string root = test::source_dir();
  std::string dir = test::temp_dir("parts-cli");
  test::CommandResult r = test::run("cd " + test::quote(root) + " && " + test::quote(test::thaidoc_binary()) +
                                    " render data/taneun-ita-2568.yaml -o " + test::quote(dir + "/out.pdf") +
                                    " --strict 2>&1 && pdfinfo -l 40 " + test::quote(dir + "/out.pdf"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  // The memo's 3 portrait pages, the report's portrait title page, then 37 landscape pages.
  EXPECT_NE(r.out.find("Pages:           41"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Page    4 size:  595.276 x 841.89 pts"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Page    5 size:  841.89 x 595.276 pts"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Author:          สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน"), std::string::npos) << r.out;
  // Numbering restarts with the report: its title page shows none, its second "- ๒ -".
  // (pdftotext joins the number "- ๒ -" to the next line as "-๒...".)
  auto first_line = [&](int page) {
    test::CommandResult t = test::run("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                                      test::quote(dir + "/out.pdf") + " - | grep -v '^$' | head -n 1 | tr -d ' '");
    return t.out;
  };
  EXPECT_EQ(first_line(3).rfind("-๓", 0), 0u);  // the memo's last page
  EXPECT_EQ(first_line(4), "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม\n");  // no number
  EXPECT_EQ(first_line(5).rfind("-๒", 0), 0u);
}

namespace {

// A part's layout warnings count pages in the whole document: the second part's "page 2"
// follows the first part's 3 pages, so it is page 5; a warning without a page stays as it is.
TEST(Parts, WarningPagesCountTheEarlierPartsPages) {
  thaidoc::LaidOutDocument whole, first, second;
  first.pages.resize(3);
  first.warnings = {"a.yaml:3:5: warning: page 3: stretched: x"};
  second.pages.resize(2);
  second.warnings = {"b.yaml:7:9: warning: page 2: name split: y", "b.yaml:8:1: warning: keep: z"};
  thaidoc::append_laid_out(whole, std::move(first));
  thaidoc::append_laid_out(whole, std::move(second));
  ASSERT_EQ(whole.warnings.size(), 3u);
  EXPECT_EQ(whole.warnings[0], "a.yaml:3:5: warning: page 3: stretched: x");
  EXPECT_EQ(whole.warnings[1], "b.yaml:7:9: warning: page 5: name split: y");
  EXPECT_EQ(whole.warnings[2], "b.yaml:8:1: warning: keep: z");
}

}  // namespace
