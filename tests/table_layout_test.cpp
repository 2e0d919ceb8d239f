// Tables: column widths, repeated headers, rows split across pages, cells that
// keep their text inside their column, rowspans, landscape sections, errors.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "base/deadline.h"
#include "base/digits.h"
#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "layout/table_layout.h"
#include "pdf/pdf_writer.h"
#include "layout/verify.h"
#include "test_support.h"

using namespace thaidoc;

namespace {

using test::RunInfo;
using test::runs_of;



Resources& resources() {
  static Resources res{FontManager({test::source_dir() + "/fonts"}), ShapeCache()};
  return res;
}

// Every layout a test makes must keep the layout invariants (layout/verify.h).
LaidOutDocument checked(LaidOutDocument doc) {
  for (const LayoutViolation& v : verify_layout(doc)) ADD_FAILURE() << describe(v, "test document");
  return doc;
}

LaidOutDocument layout_yaml(const std::string& yaml) {
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  Document doc = read_document_string(yaml, test::temp_dir("table") + "/t.yaml", o);
  return checked(layout_document(doc, resources()));
}

std::string error_of(const std::string& yaml) {
  try {
    layout_yaml(yaml);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// A table with a 2-level header and `rows` rows; the step cell of row r has
// `lines_of(r)` numbered lines. Cell texts are unique: "c<row>.<col>".
std::string table_yaml(int rows, int (*lines_of)(int), const std::string& extra = "") {
  std::string y =
      "kind: document\n"
      "digits: arabic\n"
      "blocks:\n"
      "  - table:\n" +
      extra +
      "      columns: [1.5cm, 3, 5, 2cm, 2cm]\n"
      "      header:\n"
      "        - [{text: ลำดับ, rowspan: 2}, {text: มาตรการ, rowspan: 2}, {text: ขั้นตอน, rowspan: 2}, "
      "{text: สรุปผล, colspan: 2}]\n"
      "        - [เสร็จ, ไม่เสร็จ]\n"
      "      rows:\n";
  for (int r = 1; r <= rows; ++r) {
    y += "        - - c" + std::to_string(r) + ".1\n";
    y += "          - c" + std::to_string(r) + ".2 มาตรการส่งเสริมคุณธรรม\n";
    y += "          - |-\n";
    for (int k = 1; k <= lines_of(r); ++k)
      y += "            c" + std::to_string(r) + ".3.s" + std::to_string(k) + " ขั้นตอน\n";
    y += "          - c" + std::to_string(r) + ".4 ✓\n";
    y += "          - c" + std::to_string(r) + ".5\n";
  }
  return y;
}

int three(int) { return 3; }
int long_every_fourth(int r) { return r % 4 == 0 ? 40 : 2; }

// Column edges on the page for the table above (A4 portrait, margins 3/2 cm).
std::vector<double> page_columns() {
  Template tpl;
  std::vector<TableColumn> cols(5);
  cols[0] = {TableColumn::Unit::Points, 1.5 * kPointsPerCm};
  cols[1] = {TableColumn::Unit::Relative, 3};
  cols[2] = {TableColumn::Unit::Relative, 5};
  cols[3] = {TableColumn::Unit::Points, 2 * kPointsPerCm};
  cols[4] = {TableColumn::Unit::Points, 2 * kPointsPerCm};
  std::vector<double> w = column_widths(cols, tpl.page.content_width());
  std::vector<double> edges{tpl.page.margin_left};
  for (double v : w) edges.push_back(edges.back() + v);
  return edges;
}

}  // namespace

TEST(ColumnWidths, PointsPercentAndWeights) {
  std::vector<TableColumn> cols = {{TableColumn::Unit::Points, 100},
                                   {TableColumn::Unit::Percent, 20},
                                   {TableColumn::Unit::Relative, 1},
                                   {TableColumn::Unit::Relative, 3}};
  auto w = column_widths(cols, 500);
  EXPECT_DOUBLE_EQ(w[0], 100);
  EXPECT_DOUBLE_EQ(w[1], 100);
  EXPECT_DOUBLE_EQ(w[2], 75);
  EXPECT_DOUBLE_EQ(w[3], 225);
  // Fixed widths wider than the table shrink in proportion.
  auto s = column_widths({{TableColumn::Unit::Points, 400}, {TableColumn::Unit::Points, 400}}, 400);
  EXPECT_DOUBLE_EQ(s[0] + s[1], 400);
}

// A relative column is at least as wide as its content's widest name or word when all such
// minimums fit (the others share the rest by weight); when they do not, the weights decide.
TEST(ColumnWidths, RelativeColumnsHoldTheirWidestPieceWhenAllFit) {
  std::vector<TableColumn> cols = {{TableColumn::Unit::Points, 100},
                                   {TableColumn::Unit::Relative, 1},
                                   {TableColumn::Unit::Relative, 3},
                                   {TableColumn::Unit::Relative, 1}};
  // 400 left for 1 : 3 : 1 = 80, 240, 80; the first needs 150: 150, then 250 for 3 : 1.
  auto w = column_widths(cols, 500, {500, 150, 0, 10});
  EXPECT_DOUBLE_EQ(w[0], 100);  // a fixed column ignores its minimum
  EXPECT_DOUBLE_EQ(w[1], 150);
  EXPECT_DOUBLE_EQ(w[2], 187.5);
  EXPECT_DOUBLE_EQ(w[3], 62.5);
  // Raising one to its minimum can push another under its own: both are then held.
  auto c = column_widths(cols, 500, {0, 150, 0, 70});
  EXPECT_DOUBLE_EQ(c[1], 150);
  EXPECT_DOUBLE_EQ(c[3], 70);
  EXPECT_DOUBLE_EQ(c[2], 180);
  // Minimums that cannot all fit: the weights alone.
  auto n = column_widths(cols, 500, {0, 300, 0, 200});
  EXPECT_DOUBLE_EQ(n[1], 80);
  EXPECT_DOUBLE_EQ(n[2], 240);
  EXPECT_DOUBLE_EQ(n[3], 80);
}

namespace {

// Lays out a document of one table whose `columns` and `rows` are given, with `name` in its
// dictionary; the name must come out as one run (on one line) and nothing be reported.
void expect_name_whole_in_table(const std::string& name, const std::string& columns, const std::string& rows) {
  std::string y =
      "kind: document\n"
      "dictionary: [" + name + "]\n"
      "blocks:\n"
      "  - table:\n"
      "      columns: " + columns + "\n"
      "      rows:\n" + rows;
  auto doc = layout_yaml(y);
  std::vector<std::string> texts;
  for (const auto& r : runs_of(doc)) texts.push_back(r.text);
  EXPECT_NE(std::find(texts.begin(), texts.end(), name), texts.end()) << ::testing::PrintToString(texts);
  for (const std::string& w : doc.warnings) ADD_FAILURE() << w;
}

const std::string kOrgName = "องค์การบริหารส่วนตำบลคลองใหม่";

}  // namespace

// A name in a column whose weight would leave it too narrow: the column widens to hold it,
// and the name is on one line, with no warning.
TEST(TableLayout, AColumnWidensToHoldANameWhole) {
  expect_name_whole_in_table(kOrgName, "[1, 8]",
                             "        - [" + kOrgName + ", ข้อความในช่องที่สองซึ่งยาวกว่าช่องแรกมาก]\n");
}

// The same under a rowspan: the name in the second row sits in the second column (the first
// is the cell above's), so the second column is the one that widens.
TEST(TableLayout, AColumnPastARowspanWidensToHoldANameWhole) {
  expect_name_whole_in_table(kOrgName, "[1, 1, 8]",
                             "        - [{text: ก, rowspan: 2}, ข, ข้อความในช่องที่สามซึ่งยาวกว่าช่องอื่นมาก]\n"
                             "        - [" + kOrgName + ", ข้อความในช่องที่สามซึ่งยาวกว่าช่องอื่นมาก]\n");
}

TEST(TableLayout, HeaderRepeatsOnEveryPageWithRows) {
  auto doc = layout_yaml(table_yaml(40, three));
  ASSERT_GT(doc.pages.size(), 2u);
  auto runs = runs_of(doc);
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    std::set<std::string> texts;
    double header_bottom = 0, first_row_top = 1e9;
    for (const auto& r : runs) {
      if (r.page != static_cast<int>(p)) continue;
      texts.insert(r.text);
      if (r.text == "ลำดับ" || r.text == "สรุปผล" || r.text == "เสร็จ" || r.text == "ไม่เสร็จ")
        header_bottom = std::max(header_bottom, r.y);
      if (r.text.rfind("c", 0) == 0) first_row_top = std::min(first_row_top, r.y);
    }
    bool has_rows = first_row_top < 1e9;
    if (!has_rows) continue;
    for (const char* h : {"ลำดับ", "มาตรการ", "ขั้นตอน", "สรุปผล", "เสร็จ", "ไม่เสร็จ"})
      EXPECT_TRUE(texts.count(h)) << "page " << p + 1 << " lacks header cell " << h;
    EXPECT_LT(header_bottom, first_row_top) << "page " << p + 1;
    if (p > 0) EXPECT_TRUE(texts.count("(ต่อ)")) << "page " << p + 1 << " lacks the continuation caption";
  }
}

TEST(TableLayout, EveryCellTextOnceAndInsideItsColumn) {
  auto doc = layout_yaml(table_yaml(30, long_every_fourth));
  auto runs = runs_of(doc);
  auto edges = page_columns();
  std::map<std::string, int> seen;
  std::regex cell_id("^c([0-9]+)\\.([0-9])");
  for (const auto& r : runs) {
    std::smatch m;
    if (!std::regex_search(r.text, m, cell_id)) continue;
    ++seen[r.text];
    int col = std::stoi(m[2]) - 1;
    EXPECT_GE(r.x, edges[col]) << r.text;
    EXPECT_LE(r.x + r.width, edges[col + 1] + 0.01) << r.text << " leaves its column";
  }
  for (int row = 1; row <= 30; ++row) {
    for (int col = 1; col <= 5; ++col) {
      std::string id = "c" + std::to_string(row) + "." + std::to_string(col);
      if (col == 3) {
        for (int k = 1; k <= long_every_fourth(row); ++k) {
          std::string line = id + ".s" + std::to_string(k) + " ขั้นตอน";
          EXPECT_EQ(seen[line], 1) << line;
        }
      }
    }
    // The ✓ is a run of the fallback font; from row 10 on, "cNN.4 ✓" is wider than the 2 cm
    // column and the ✓ goes to the next line (the space no longer shrinks past the cell edge).
    EXPECT_EQ(seen["c" + std::to_string(row) + ".4 "] + seen["c" + std::to_string(row) + ".4"], 1) << row;
  }
  int marks = 0;
  for (const auto& r : runs) marks += r.text == "✓";
  EXPECT_EQ(marks, 30);
}

TEST(TableLayout, LongRowsSplitAndContinueInOrderWithoutOrphans) {
  auto doc = layout_yaml(table_yaml(12, long_every_fourth));
  auto runs = runs_of(doc);
  // Row 4's 40 step lines: in order, across at least two pages, at least 2 on each page.
  std::vector<std::pair<int, double>> where;  // (page, y) per line
  std::map<int, int> per_page;
  for (int k = 1; k <= 40; ++k) {
    std::string line = "c4.3.s" + std::to_string(k) + " ขั้นตอน";
    auto it = std::find_if(runs.begin(), runs.end(), [&](const RunInfo& r) { return r.text == line; });
    ASSERT_NE(it, runs.end()) << line;
    where.emplace_back(it->page, it->y);
    ++per_page[it->page];
  }
  for (size_t k = 1; k < where.size(); ++k) EXPECT_LT(where[k - 1], where[k]) << "line " << k + 1 << " out of order";
  EXPECT_GE(per_page.size(), 2u);
  for (auto [page, n] : per_page) EXPECT_GE(n, 2) << "page " << page + 1 << " has an orphan line of a split cell";
}

TEST(TableLayout, RowspanGroupsStayConsistentAcrossPages) {
  std::string y =
      "kind: document\n"
      "digits: arabic\n"
      "blocks:\n";
  for (int i = 0; i < 30; ++i) y += "  - ย่อหน้านำก่อนตาราง\n";
  y += "  - table:\n"
       "      columns: [3, 3, 3]\n"
       "      header:\n"
       "        - [ก, ข, ค]\n"
       "      rows:\n";
  for (int g = 1; g <= 12; ++g) {
    y += "        - [{text: span" + std::to_string(g) + ", rowspan: 3}, a" + std::to_string(g) + ", x]\n";
    y += "        - [b" + std::to_string(g) + ", x]\n";
    y += "        - [d" + std::to_string(g) + ", x]\n";
  }
  auto doc = layout_yaml(y);
  ASSERT_GE(doc.pages.size(), 2u);
  auto runs = runs_of(doc);
  Template tpl;
  double second_col = tpl.page.margin_left + tpl.page.content_width() / 3;
  for (int g = 1; g <= 12; ++g) {
    std::vector<const RunInfo*> span;
    for (const auto& r : runs)
      if (r.text == "span" + std::to_string(g)) span.push_back(&r);
    ASSERT_EQ(span.size(), 1u) << "the rowspan cell's text is drawn once";
    EXPECT_LT(span[0]->x, second_col);
    // Its rows follow in order, on the same page or (after a cut) the next one.
    double last_y = span[0]->y - 1;
    int last_page = span[0]->page;
    for (const char* p : {"a", "b", "d"}) {
      auto it = std::find_if(runs.begin(), runs.end(), [&](const RunInfo& r) { return r.text == p + std::to_string(g); });
      ASSERT_NE(it, runs.end());
      EXPECT_GE(it->x, second_col);
      EXPECT_TRUE(it->page == last_page ? it->y > last_y : it->page == last_page + 1) << p << g;
      last_page = it->page;
      last_y = it->y;
    }
    EXPECT_LE(last_page - span[0]->page, 1);
  }
}

TEST(TableLayout, OverWideWordBreaksInsideTheCell) {
  std::string y =
      "kind: document\n"
      "blocks:\n"
      "  - table:\n"
      "      columns: [1.5cm, 3]\n"
      "      rows:\n"
      "        - [องค์การบริหารส่วนตำบลตาเนินศักดิ์สิทธิ์, ข้อความ]\n";
  auto doc = layout_yaml(y);
  Template tpl;
  double col_right = tpl.page.margin_left + 1.5 * kPointsPerCm;
  std::string joined;
  for (const auto& r : runs_of(doc)) {
    if (r.text == "ข้อความ") continue;
    EXPECT_LE(r.x + r.width, col_right + 0.01) << r.text;
    joined += r.text;
  }
  EXPECT_EQ(joined, "องค์การบริหารส่วนตำบลตาเนินศักดิ์สิทธิ์");
}

TEST(TableLayout, GroupRowsSpanTheTableAndAreRestatedAfterABreak) {
  std::string y =
      "kind: document\n"
      "digits: arabic\n"
      "blocks:\n"
      "  - table:\n"
      "      columns: [1, 4]\n"
      "      header:\n"
      "        - [ตัวชี้วัด, คะแนน]\n"
      "      rows:\n"
      "        - group: แบบวัด IIT\n";
  for (int i = 1; i <= 60; ++i) y += "        - [\"" + std::to_string(i) + "\", คะแนน" + std::to_string(i) + "]\n";
  auto doc = layout_yaml(y);
  ASSERT_GE(doc.pages.size(), 2u);
  auto runs = runs_of(doc);
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    bool group = false;
    for (const auto& r : runs)
      if (r.page == static_cast<int>(p) && r.text == "แบบวัด IIT") group = true;
    EXPECT_TRUE(group) << "page " << p + 1;
  }
  const RunInfo* g = nullptr;
  for (const auto& r : runs)
    if (r.text == "แบบวัด IIT") g = g ? g : &r;
  Template tpl;
  EXPECT_NEAR(g->x, tpl.page.margin_left + tpl.tables.padding_x, 0.5);  // starts in the first column...
}

TEST(TableLayout, LandscapeSectionTurnsItsPages) {
  std::string y = table_yaml(40, three);
  y.replace(y.find("  - table:\n"), 11, "  - paragraph: ก่อน\n  - section:\n      orientation: landscape\n      blocks:\n  - table:\n");
  // Re-indent the table under the section's blocks.
  std::string out, line;
  std::istringstream in(y);
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == "  - table:") inside = true;
    out += (inside ? "      " : "") + line + "\n";
  }
  out += "  - paragraph: หลัง\n";
  auto doc = layout_yaml(out);
  ASSERT_GE(doc.pages.size(), 4u);
  EXPECT_LT(doc.pages.front().width, doc.pages.front().height);
  EXPECT_LT(doc.pages.back().width, doc.pages.back().height);
  for (size_t p = 1; p + 1 < doc.pages.size(); ++p) EXPECT_GT(doc.pages[p].width, doc.pages[p].height) << p;
}

// The fuzz finding of 2026-12-01 (tests/fuzz/README.md), reduced: an ITA tiers table whose
// instrument cells span rows and are restated, narrow, on every continuation page, under a
// header made tall by a `continued:` caption of one long word (`keep` x n). With x 121 a
// row whose own text had ended was started again under the header on every new page
// (a page per turn until memory ran out); with x 140 the restatement left after the last
// row ran below the text area; with x 160 a row that the minimum lines before and after a
// cut would not let be cut at a page's top ran off the paper.
std::string restated_tiers_yaml(int keeps) {
  std::string caption;
  for (int i = 0; i < keeps; ++i) caption += "keep";
  return "kind: announcement\n"
         "ita:\n"
         "  organisation: {name: องค์การบริหารส่วนตำบลคลองใหม่, type: องค์การบริหารส่วนตำบล}\n"
         "  year: ๒๕๖๕\n"
         "  scores: {๑: ๙๓.๓๗, ๒: ๘๓.๓๓, ๓: ๘๙.๑๗, ๔: ๘๓.๐๖, ๕: ๘๙.๖๕, ๖: ๘๔.๒๐, ๗: ๘๒.๑๐, ๘: ๗๗.๐๘, "
         "๙: ๘๗.๐๐, ๑๐: ๔๓.๗๕}\n"
         "announcement:\n"
         "  issuer: องค์การบริหารส่วนตำบลห้วยทราย\n"
         "  subject: ทดสอบ\n"
         "  body:\n"
         "    - x\n"
         "  clauses:\n"
         "    - - ita_table: tiers\n"
         "        columns: [instrument, instrument, instrument, tier, instrument, comment]\n"
         "        continued: " +
         caption +
         "\n"
         "  date: 2025-06-20\n"
         "  signer:\n"
         "    name: นายประเสริฐ วงศ์คำจันทร์\n"
         "    position: นายก\n";
}

TEST(TableLayout, EveryPageOfACutRowShowsTextOfItsOwnAndNothingLeavesThePage) {
  for (int keeps : {121, 140, 160}) {
    SCOPED_TRACE("continued: keep x " + std::to_string(keeps));
    LaidOutDocument doc;
    {
      // Before the fix x 121 never ended: fail in seconds rather than exhaust memory.
      ScopedDeadline limit(std::chrono::steady_clock::now() + std::chrono::seconds(5));
      doc = layout_yaml(restated_tiers_yaml(keeps));  // checked: nothing outside the text area
    }
    ASSERT_GE(doc.pages.size(), 3u);
    // Each page shows document text that is not a repetition (a repeated header, caption or
    // restated cell): a page holding only repeated text would be a cut that placed nothing.
    for (size_t p = 0; p < doc.pages.size(); ++p) {
      int own = 0;
      for (const auto& item : doc.pages[p].items)
        if (auto* r = std::get_if<GlyphRun>(&item); r && r->source >= 0 && !r->repeated) ++own;
      EXPECT_GT(own, 0) << "page " << p + 1 << " of " << doc.pages.size();
    }
    // The signer's name ends the document, after the whole table.
    auto runs = runs_of(doc);
    auto signer = std::find_if(runs.begin(), runs.end(), [](const RunInfo& r) {
      return r.text.find("ประเสริฐ") != std::string::npos;
    });
    ASSERT_NE(signer, runs.end());
    EXPECT_EQ(signer->page, static_cast<int>(doc.pages.size()) - 1);
  }
}

// A cut that would place no line (the rest of a cell spanning rows cannot keep the 30 lines
// asked for before a cut, and its neighbours have ended) must fail, so that at a page's top
// the row is cut with the minimum relaxed; had it "succeeded", the same rest would come
// back on every new page.
TEST(TableLayout, ACutAtAPageTopAlwaysMovesOn) {
  std::string lines;
  for (int k = 1; k <= 60; ++k) lines += (k > 1 ? "\\n" : "") + std::string("L") + std::to_string(k) + " บรรทัด";
  std::string y =
      "kind: document\n"
      "digits: arabic\n"
      "style:\n"
      "  tables:\n"
      "    min_lines_before_split: 30\n"
      "blocks:\n"
      "  - table:\n"
      "      columns: [3, 3]\n"
      "      header:\n"
      "        - [ก, ข]\n"
      "      rows:\n"
      "        - [{text: \"" +
      lines +
      "\", rowspan: 2}, a]\n"
      "        - [b]\n";
  LaidOutDocument doc;
  {
    ScopedDeadline limit(std::chrono::steady_clock::now() + std::chrono::seconds(5));
    doc = layout_yaml(y);
  }
  std::vector<std::pair<int, double>> where;
  for (const auto& r : runs_of(doc))
    if (r.text.rfind("L", 0) == 0) where.emplace_back(r.page, r.y);
  ASSERT_EQ(where.size(), 60u);  // every line once (the cell is never restated: it always has lines left)
  for (size_t k = 1; k < where.size(); ++k) EXPECT_LT(where[k - 1], where[k]) << "L" << k + 1;
}

TEST(TableInput, CellsMustFillTheColumns) {
  std::string y =
      "kind: document\n"
      "blocks:\n"
      "  - table:\n"
      "      columns: [1, 1, 1]\n"
      "      rows:\n"
      "        - [a, b, c]\n"
      "        - [a, {text: b, colspan: 3}]\n";
  std::string e = error_of(y);
  EXPECT_NE(e.find("t.yaml:7:11: blocks[1].table.rows[2]: the row's cells take more than the table's 3 columns"),
            std::string::npos)
      << e;
  y = "kind: document\nblocks:\n  - table:\n      columns: [1, 1]\n      rows:\n        - [a]\n";
  e = error_of(y);
  EXPECT_NE(e.find("the row's cells fill 1 of the table's 2 columns"), std::string::npos) << e;
  y = "kind: document\nblocks:\n  - table:\n      columns: [1, 1]\n      rows:\n        - [{text: a, rowspan: 3}, b]\n";
  e = error_of(y);
  EXPECT_NE(e.find("rowspan reaches past the last row"), std::string::npos) << e;
  y = "kind: document\nblocks:\n  - table:\n      columns: [1, 2x]\n      rows:\n        - [a, b]\n";
  e = error_of(y);
  EXPECT_NE(e.find("t.yaml:4:20: blocks[1].table.columns[2]"), std::string::npos) << e;
}

TEST(TableRender, PdftotextPerPageStartsWithTheHeader) {
  std::string dir = test::temp_dir("table-render");
  test::write_file(dir + "/t.yaml", table_yaml(40, long_every_fourth));
  auto r = test::run(test::quote(test::thaidoc_binary()) + " render " + dir + "/t.yaml -o " + dir + "/t.pdf");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  int pages = 0;
  for (int p = 1;; ++p) {
    // -layout keeps the table's rows as lines, so "before" means "above".
    auto t = test::run("pdftotext -layout -f " + std::to_string(p) + " -l " + std::to_string(p) + " " + dir +
                       "/t.pdf -");
    if (t.exit_code != 0 || t.out.find("c") == std::string::npos) break;
    ++pages;
    std::smatch m;
    std::regex first_row("c[0-9]+\\.");
    ASSERT_TRUE(std::regex_search(t.out, m, first_row)) << "page " << p;
    size_t first_cell = static_cast<size_t>(m.position(0));
    for (const char* h : {"ลำดับ", "มาตรการ", "ขั้นตอน", "สรุปผล", "เสร็จ", "ไม่เสร็จ"}) {
      size_t at = t.out.find(h);
      ASSERT_NE(at, std::string::npos) << "page " << p << " lacks header cell " << h;
      EXPECT_LT(at, first_cell) << "page " << p << " header cell " << h;
    }
  }
  EXPECT_GT(pages, 2);
  auto check = test::run("qpdf --check " + dir + "/t.pdf");
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

namespace {

struct Word {
  double y_min, y_max;
  std::string text;
};

// pdftotext -bbox words of one page.
std::vector<Word> words_of(const std::string& pdf, int page) {
  std::string xml = test::run("pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                              test::quote(pdf) + " -")
                        .out;
  std::vector<Word> out;
  std::regex word("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([^<]*)</word>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), word); it != std::sregex_iterator(); ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3]});
  return out;
}

}  // namespace

TEST(TableRender, Seed001ReportRepeatsTheCompleteHeaderOnEveryTablePage) {
  std::string dir = test::temp_dir("seed001");
  std::string pdf = dir + "/r.pdf";
  auto r = test::run(test::quote(test::thaidoc_binary()) + " render " +
                     test::quote(test::source_dir() + "/data/tables/taneun-results-2568.yaml") + " -o " + pdf);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  // The header's words, from the first table page: below "ลำดับ" and above the first row ("๑").
  auto first = words_of(pdf, 2);
  auto top = std::find_if(first.begin(), first.end(), [](const Word& w) { return w.text == "ลำดับ"; });
  auto row1 = std::find_if(first.begin(), first.end(), [](const Word& w) { return w.text == "๑"; });
  ASSERT_NE(top, first.end());
  ASSERT_NE(row1, first.end());
  std::set<std::string> header;
  for (const Word& w : first)
    if (w.y_min >= top->y_min - 30 && w.y_max <= row1->y_min + 0.5) header.insert(w.text);
  for (const char* h : {"ลำดับ", "ที่", "ขั้นตอนหรือวิธีการปฏิบัติ", "ผู้รับผิดชอบ", "สรุปผลการ", "แล้วเสร็จ", "ไม่สามารถ"})
    ASSERT_TRUE(header.count(h)) << "header word " << h << " not found on page 2";

  int table_pages = 0;
  for (int p = 3;; ++p) {
    auto words = words_of(pdf, p);
    if (words.empty()) break;
    // The first word that is not the page number, "(ต่อ)" or a header word starts the rows.
    double body_top = 1e9;
    for (const Word& w : words) {
      // "- ๓ -" as one word (ActualText) or as "-", "๓", "-" (pdftotext -bbox words).
      bool page_number = w.text.rfind("- ", 0) == 0 || w.text == "-" ||
                         (w.y_max < 60 && w.text.find_first_not_of("๐๑๒๓๔๕๖๗๘๙") == std::string::npos);
      if (!page_number && w.text != "(ต่อ)" && !header.count(w.text)) body_top = std::min(body_top, w.y_min);
    }
    if (body_top == 1e9) continue;
    ++table_pages;
    std::set<std::string> above;
    for (const Word& w : words)
      if (w.y_max <= body_top + 0.5) above.insert(w.text);
    for (const std::string& h : header) EXPECT_TRUE(above.count(h)) << "page " << p << " lacks header word " << h;
  }
  EXPECT_GT(table_pages, 20);
}
