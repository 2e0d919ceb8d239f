// Pagination rules, one test per rule (tests/README.md lists them). The paginator is
// driven directly with synthetic boxes; the rules that live in block, table and memo
// layout are checked as properties over every position on the page: a spacer of
// growing height moves the content down in steps, and at every step the rule must hold.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <cmath>

#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "layout/flow.h"
#include "layout/verify.h"
#include "test_support.h"

using namespace thaidoc;

namespace {

// ---- synthetic boxes --------------------------------------------------------

// A page whose text area is exactly 100 pt tall and 200 pt wide.
PageStyle small_page() {
  PageStyle p;
  p.width = 240;
  p.height = 130;
  p.margin_left = 20;
  p.margin_right = 20;
  p.margin_top = 10;
  p.margin_bottom = 20;
  return p;
}

// A box `h` tall that draws one rule across it, tagged with `id` (the rule's y1 carries the id).
FlowBox box(double h, int id, bool break_before = true) {
  FlowBox b;
  b.height = h;
  b.break_before = break_before;
  b.items.push_back(LineItem{0, 0, 10, 0, static_cast<double>(id), Color{}, {}});
  return b;
}

// The page each box id landed on, and its y on that page.
struct Where {
  int page = -1;
  double y = 0;
};
std::map<int, Where> where_ids(const LaidOutDocument& doc) {
  std::map<int, Where> out;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const FrameItem& item : doc.pages[p].items)
      if (const auto* l = std::get_if<LineItem>(&item)) out[static_cast<int>(l->width)] = {static_cast<int>(p), l->y1};
  return out;
}

TEST(Paginate, BoxesFillAPageThenStartTheNext) {
  std::vector<FlowBox> boxes;
  for (int i = 1; i <= 5; ++i) boxes.push_back(box(30, i));
  LaidOutDocument doc = paginate(boxes, small_page());
  auto w = where_ids(doc);
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(w[1].page, 0);
  EXPECT_DOUBLE_EQ(w[1].y, 10);  // the top margin
  EXPECT_DOUBLE_EQ(w[3].y, 70);
  EXPECT_EQ(w[4].page, 1);  // 3 x 30 fill 90 of 100 pt
  EXPECT_DOUBLE_EQ(w[4].y, 10);
  EXPECT_EQ(doc.pages[0].flow_items, 3u);
  EXPECT_DOUBLE_EQ(doc.pages[0].area.y1, 110);
}

TEST(Paginate, SpaceBeforeIsDroppedAtTheTopOfAPage) {
  std::vector<FlowBox> boxes = {box(90, 1), box(20, 2)};
  boxes[1].space_before = 15;
  auto w = where_ids(paginate(boxes, small_page()));
  EXPECT_EQ(w[2].page, 1);
  EXPECT_DOUBLE_EQ(w[2].y, 10);
}

TEST(Paginate, ABreakGoesBackToTheLastBoxThatAllowsOne) {
  // Boxes 3 and 4 may not be separated from what precedes them.
  std::vector<FlowBox> boxes = {box(30, 1), box(30, 2), box(30, 3, false), box(30, 4, false)};
  auto w = where_ids(paginate(boxes, small_page()));
  EXPECT_EQ(w[1].page, 0);
  EXPECT_EQ(w[2].page, 1);  // the chain 2-3-4 moves whole
  EXPECT_EQ(w[3].page, 1);
  EXPECT_EQ(w[4].page, 1);
}

TEST(Paginate, AChainLongerThanAPageBreaksWhereItMust) {
  std::vector<FlowBox> boxes = {box(40, 1), box(40, 2, false), box(40, 3, false)};
  auto w = where_ids(paginate(boxes, small_page()));
  EXPECT_EQ(w[2].page, 0);
  EXPECT_EQ(w[3].page, 1);
}

TEST(Paginate, ASplittableBoxIsCutAtThePageEndAndItsHeaderRepeated) {
  auto header = std::make_shared<FlowBox>(box(15, 99));
  FlowBox tall = box(150, 1);
  tall.repeat = header;
  std::vector<double> asked;
  tall.split = [&](double avail, bool, FlowBox& head, FlowBox& tail) {
    asked.push_back(avail);
    head = box(avail, 2);
    tail = box(150 - avail, 3);
    return true;
  };
  std::vector<FlowBox> boxes = {box(40, 0), tall};
  LaidOutDocument doc = paginate(boxes, small_page());
  auto w = where_ids(doc);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_DOUBLE_EQ(asked[0], 60);  // 100 - 40
  EXPECT_EQ(w[2].page, 0);
  EXPECT_EQ(w[99].page, 1);  // the header comes first on the next page
  EXPECT_DOUBLE_EQ(w[99].y, 10);
  EXPECT_DOUBLE_EQ(w[3].y, 25);
}

TEST(Paginate, RepeatedTextIsMarkedSoItIsNotCountedTwice) {
  auto header = std::make_shared<FlowBox>();
  GlyphRun run;
  run.source = 0;
  header->items.push_back(run);
  header->height = 10;
  FlowBox b1 = box(95, 1), b2 = box(50, 2);
  b2.repeat = header;
  LaidOutDocument doc = paginate({b1, b2}, small_page());
  ASSERT_EQ(doc.pages.size(), 2u);
  const auto* r = std::get_if<GlyphRun>(&doc.pages[1].items[0]);
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(r->repeated);
}

TEST(Paginate, AForcedBreakChangesThePageStyle) {
  FlowBox brk;
  brk.page_break = true;
  PageStyle land = small_page();
  std::swap(land.width, land.height);
  brk.page_style = land;
  LaidOutDocument doc = paginate({box(10, 1), brk, box(10, 2)}, small_page());
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_DOUBLE_EQ(doc.pages[1].width, 130);
  EXPECT_DOUBLE_EQ(doc.pages[1].area.x1, 130 - 20);
}

// A paragraph of n lines, each 20 pt, as append_lines makes them.
ParagraphLayout lines(int n) {
  ParagraphLayout p;
  for (int i = 0; i < n; ++i) {
    TextLine l;
    l.height = 20;
    l.ascent = 14;
    l.descent = 6;
    l.items.push_back(LineItem{0, 0, 10, 0, static_cast<double>(i + 1), Color{}, {}});
    p.lines.push_back(l);
  }
  return p;
}

// Lines of the paragraph on each page, for every height of content before it.
void for_every_start(int n, const LineRules& rules, const std::function<void(double, std::vector<int>)>& check) {
  for (double before = 0; before <= 100; before += 5) {
    std::vector<FlowBox> boxes;
    if (before > 0) boxes.push_back(box(before, 1000));
    append_lines(boxes, lines(n), 0, 0, rules);
    auto w = where_ids(paginate(boxes, small_page()));
    std::vector<int> per_page(4, 0);
    for (int i = 1; i <= n; ++i) per_page[w[i].page]++;
    check(before, per_page);
  }
}

TEST(LineRules, OrphansNeverLeaveOneLineAtThePageFoot) {
  for_every_start(5, LineRules{2, 1, false}, [](double before, std::vector<int> per_page) {
    EXPECT_NE(per_page[0], 1) << "content before: " << before << " pt";
  });
}

TEST(LineRules, WidowsNeverCarryOneLineToTheNextPage) {
  for_every_start(5, LineRules{1, 2, false}, [](double before, std::vector<int> per_page) {
    for (size_t p = 1; p < per_page.size(); ++p)
      if (per_page[p - 1] > 0) EXPECT_NE(per_page[p], 1) << "content before: " << before << " pt";
  });
}

TEST(LineRules, KeepWithPreviousForbidsABreakBeforeTheFirstLine) {
  std::vector<FlowBox> boxes = {box(30, 999), box(60, 1000)};
  append_lines(boxes, lines(2), 0, 0, LineRules{1, 1, true});
  auto w = where_ids(paginate(boxes, small_page()));
  EXPECT_EQ(w[999].page, 0);
  EXPECT_EQ(w[1000].page, 1);  // the box before moved with the line rather than be split from it
  EXPECT_EQ(w[1].page, 1);
}

// ---- rules in block, table and memo layout -----------------------------------

Resources& resources() {
  static Resources res{FontManager({test::source_dir() + "/fonts"}), ShapeCache(), ParagraphCache()};
  return res;
}

LaidOutDocument layout_yaml(const std::string& yaml) {
  ReadOptions o;
  o.template_dirs = {test::source_dir() + "/templates"};
  Document doc = read_document_string(yaml, test::temp_dir("pagination") + "/t.yaml", o);
  return layout_document(doc, resources());
}

// Pages of the runs whose text contains `token`, in order.
std::vector<int> pages_of(const LaidOutDocument& doc, const std::string& token) {
  std::vector<int> out;
  for (const auto& r : test::runs_of(doc))
    if (r.text.find(token) != std::string::npos) out.push_back(r.page);
  return out;
}

// Lays out `body` after a spacer of every height from 0 to a page, in 0.3 cm steps,
// checks the invariants, and calls `check` with the result.
void sweep(const std::string& head, const std::string& body,
           const std::function<void(const LaidOutDocument&, const std::string&)>& check, double step_cm = 0.3) {
  for (double cm = 0; cm <= 25.5; cm += step_cm) {
    char space[64];
    std::snprintf(space, sizeof space, "  - space: %.2fcm\n", cm);
    std::string yaml = head + (cm > 0 ? std::string(space) : "") + body;
    LaidOutDocument doc = layout_yaml(yaml);
    std::string at = "spacer " + std::to_string(cm) + " cm";
    for (const LayoutViolation& v : verify_layout(doc)) ADD_FAILURE() << at << ": " << describe(v, "t.yaml");
    check(doc, at);
    if (::testing::Test::HasFailure()) return;
  }
}

const char* kDoc = "kind: document\ndigits: arabic\nblocks:\n";
const char* kLong =
    "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐเป็นเครื่องมือที่ช่วยให้หน่วยงานทราบจุดแข็ง"
    "และจุดที่ต้องพัฒนา เพื่อนำไปปรับปรุงการบริหารงานให้มีประสิทธิภาพ โปร่งใส และตรวจสอบได้ ";

TEST(BlockRules, AHeadingIsNeverLastOnAPage) {
  sweep(kDoc, "  - heading: หัวข้อHEAD\n  - paragraph: BODY ย่อหน้าหนึ่งบรรทัด\n", [](const auto& doc, const auto& at) {
    EXPECT_EQ(pages_of(doc, "HEAD"), pages_of(doc, "BODY")) << at;
  });
}

TEST(BlockRules, AListItemThatIntroducesMoreIsNeverLastOnAPage) {
  sweep(kDoc,
        "  - list:\n"
        "      - - ITEM ประเด็นหลัก\n"
        "        - list: [SUB ประเด็นย่อยที่หนึ่ง]\n",
        [](const auto& doc, const auto& at) { EXPECT_EQ(pages_of(doc, "ITEM"), pages_of(doc, "SUB")) << at; });
}

TEST(BlockRules, KeepWithNextOnAnyBlock) {
  sweep(kDoc,
        "  - list: [LAST รายการสุดท้าย]\n"
        "    keep_with_next: true\n"
        "  - paragraph: NEXT ย่อหน้าถัดไป\n",
        [](const auto& doc, const auto& at) { EXPECT_EQ(pages_of(doc, "LAST"), pages_of(doc, "NEXT")) << at; });
}

TEST(BlockRules, KeepTogetherOnAnyBlock) {
  sweep(kDoc,
        "  - list: [K1 หนึ่ง, K2 สอง, K3 สาม, K4 สี่]\n"
        "    keep: together\n",
        [](const auto& doc, const auto& at) {
          std::vector<int> p1 = pages_of(doc, "K1"), p4 = pages_of(doc, "K4");
          ASSERT_FALSE(p1.empty());
          ASSERT_FALSE(p4.empty());
          EXPECT_EQ(p1.front(), p4.front()) << at;
        });
}

TEST(BlockRules, KeepTogetherTallerThanAPageIsSplitWithAWarning) {
  std::string yaml = std::string(kDoc) + "  - list:\n";
  for (int i = 0; i < 60; ++i) yaml += "      - รายการที่ยาวมาก\n";
  yaml += "    keep: together\n";
  LaidOutDocument doc = layout_yaml(yaml);
  EXPECT_GT(doc.pages.size(), 1u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].find("t.yaml:4:5: warning: page 1: keep: together: the block is"), std::string::npos)
      << doc.warnings[0];
  EXPECT_TRUE(verify_layout(doc).empty());
}

// Lines of the paragraph containing `token` (its runs' distinct baselines) on each page.
std::map<int, int> lines_per_page(const LaidOutDocument& doc, int32_t source) {
  std::map<int, std::set<long>> baselines;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const FrameItem& item : doc.pages[p].items)
      if (const auto* r = std::get_if<GlyphRun>(&item))
        if (r->source == source && !r->repeated) baselines[static_cast<int>(p)].insert(std::lround(r->y * 10));
  std::map<int, int> out;
  for (const auto& [p, b] : baselines) out[p] = static_cast<int>(b.size());
  return out;
}

int32_t source_with(const LaidOutDocument& doc, const std::string& token) {
  for (size_t i = 0; i < doc.sources.size(); ++i)
    if (doc.sources[i].text.find(token) != std::string::npos) return static_cast<int32_t>(i);
  return -1;
}

TEST(BlockRules, ParagraphsKeepTwoLinesAtTheFootAndTwoAtTheTop) {
  std::string text = "WIDOW ";
  for (int i = 0; i < 3; ++i) text += kLong;
  sweep(kDoc, "  - paragraph: " + text + "\n", [](const auto& doc, const auto& at) {
    auto per_page = lines_per_page(doc, source_with(doc, "WIDOW"));
    for (const auto& [page, n] : per_page) EXPECT_GE(n, 2) << at << ", page " << page + 1;
  });
}

// A table of `rows` rows; row 1's second cell has `lines` numbered lines (L1, L2, ...).
std::string table(int rows, int lines, const std::string& extra = "") {
  std::string y = "  - table:\n      caption: CAPTION ตารางทดสอบ\n      columns: [3cm, 1]\n" + extra +
                  "      header:\n        - [HEADA หัว, HEADB หัว]\n      rows:\n";
  for (int r = 1; r <= rows; ++r) {
    y += "        - - R" + std::to_string(r) + " แถว\n";
    if (r == 1 && lines > 1) {
      y += "          - |-\n";
      for (int k = 1; k <= lines; ++k) y += "              L" + std::to_string(k) + " ขั้นตอน\n";
    } else {
      y += "          - C" + std::to_string(r) + " ข้อความ\n";
    }
  }
  return y;
}

TEST(TableRules, TheFirstRowStaysWithTheHeader) {
  sweep(kDoc, table(8, 1), [](const auto& doc, const auto& at) {
    EXPECT_EQ(pages_of(doc, "HEADA").front(), pages_of(doc, "R1").front()) << at;
    EXPECT_EQ(pages_of(doc, "CAPTION").front(), pages_of(doc, "HEADA").front()) << at;
  });
}

TEST(TableRules, ARowCutLeavesTwoLinesBeforeAndCarriesTwoAfter) {
  const std::string style = "style:\n  tables:\n    keep_rows: 0\n";
  sweep(std::string("kind: document\ndigits: arabic\n") + style + "blocks:\n", table(1, 12),
        [](const auto& doc, const auto& at) {
          std::map<int, int> per_page;
          for (int k = 1; k <= 12; ++k) {
            auto p = pages_of(doc, "L" + std::to_string(k) + " ");
            ASSERT_EQ(p.size(), 1u) << at << " L" << k;
            per_page[p[0]]++;
          }
          for (const auto& [page, n] : per_page) EXPECT_GE(n, 2) << at << ", page " << page + 1;
        });
}

TEST(TableRules, ASmallTableIsNotSplit) {
  sweep(kDoc, table(3, 4), [](const auto& doc, const auto& at) {
    EXPECT_EQ(pages_of(doc, "CAPTION").front(), pages_of(doc, "R3").front()) << at;
    EXPECT_EQ(pages_of(doc, "L1").front(), pages_of(doc, "L4").front()) << at;
  });
}

TEST(TableRules, NotesAndSourceStayWithTheLastRow) {
  sweep(kDoc, table(8, 1) + "  - note: NOTE หมายเหตุ\n  - source: SOURCE ที่มา\n",
        [](const auto& doc, const auto& at) {
          EXPECT_EQ(pages_of(doc, "R8").front(), pages_of(doc, "NOTE").front()) << at;
          EXPECT_EQ(pages_of(doc, "NOTE").front(), pages_of(doc, "SOURCE").front()) << at;
        });
}

TEST(TableRules, RowsOfARowspanGroupSplitAndTheLabelIsRestated) {
  // Three rows joined by a label spanning them, six lines each, at every place on the
  // page: every line is placed once (sweep checks the invariants), and a page that
  // continues the group shows the label again, followed by (ต่อ).
  std::string rows = "  - table:\n      columns: [3cm, 1]\n      header:\n        - [ขั้นตอน, วิธีปฏิบัติ]\n"
                     "      rows:\n        - - {text: LABEL ดำเนินการ, rowspan: 3}\n";
  for (int r = 1; r <= 3; ++r) {
    rows += r > 1 ? "        - " : "          ";
    rows += "- |-\n";
    for (int k = 1; k <= 6; ++k) rows += "              S" + std::to_string(r) + "." + std::to_string(k) + " งาน\n";
  }
  int split_seen = 0;
  sweep("kind: document\ndigits: arabic\nstyle:\n  tables:\n    keep_rows: 0\nblocks:\n", rows,
        [&](const LaidOutDocument& doc, const std::string& at) {
          int first = pages_of(doc, "S1.1").front(), last = pages_of(doc, "S3.6").front();
          for (int p = first + 1; p <= last; ++p) {
            std::string text;
            for (const auto& r : test::runs_of(doc))
              if (r.page == p) text += r.text + "|";
            EXPECT_NE(text.find("LABEL|ดำเนินการ|(ต่อ)|"), std::string::npos) << at << ", page " << p + 1 << ": " << text;
            ++split_seen;
          }
        });
  EXPECT_GT(split_seen, 5);
}

TEST(TableRules, AHeaderTallerThanAPageIsAnError) {
  std::string y = std::string(kDoc) + "  - table:\n      columns: [1, 1]\n      header:\n        - - |-\n";
  for (int k = 0; k < 40; ++k) y += "              หัวตาราง\n";
  y += "          - หัว\n      rows:\n";
  for (int r = 0; r < 50; ++r) y += "        - [a, b]\n";
  try {
    layout_yaml(y);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("t.yaml:4:5: the table's header rows are"), std::string::npos) << e.what();
  }
}

const char* kMemoHead =
    "kind: memo\n"
    "digits: arabic\n"
    "memo:\n"
    "  agency: กองคลัง\n"
    "  reference: ที่ 1/2568\n"
    "  date: 2025-04-24\n"
    "  subject: ทดสอบ\n"
    "  to: นายก\n"
    "  closing: CLOSING จึงเรียนมาเพื่อโปรดทราบ\n"
    "  signer: {name: SIGNER ผู้ลงนาม}\n"
    "  body:\n";

TEST(MemoRules, TheClosingAndSignatureKeepTwoBodyLinesBeforeThem) {
  // The spacer moves the end of the body over a page break; the body's last
  // paragraphs are one line each, so only the rule keeps two of them with the closing.
  for (double cm = 8; cm <= 24; cm += 0.3) {
    char space[64];
    std::snprintf(space, sizeof space, "    - space: %.2fcm\n", cm);
    std::string yaml = std::string(kMemoHead) + "    - FIRST บรรทัดแรก\n" + space +
                       "    - B1 บรรทัดหนึ่ง\n    - B2 บรรทัดสอง\n    - B3 บรรทัดสาม\n";
    LaidOutDocument doc = layout_yaml(yaml);
    for (const LayoutViolation& v : verify_layout(doc)) ADD_FAILURE() << describe(v, "t.yaml");
    int closing = pages_of(doc, "CLOSING").front();
    EXPECT_EQ(pages_of(doc, "SIGNER").front(), closing) << cm;
    EXPECT_EQ(pages_of(doc, "B2").front(), closing) << cm;
    EXPECT_EQ(pages_of(doc, "B3").front(), closing) << cm;
    if (HasFailure()) return;
  }
}

}  // namespace

namespace {

// Readers that take text in drawing order (MuPDF, pdf.js, pypdf, PDFBox) must meet a list
// marker before its item's text, or "- เห็นควร..." comes out as "เห็นควร...-".
TEST(BlockRules, AListMarkerIsDrawnBeforeItsText) {
  LaidOutDocument doc = layout_yaml(std::string(kDoc) + "  - list: [ITEM ข้อความรายการ]\n");
  std::vector<std::string> order;
  for (const auto& r : test::runs_of(doc)) order.push_back(r.text);
  ASSERT_GE(order.size(), 2u);
  EXPECT_EQ(order[0], "-");
  EXPECT_NE(order[1].find("ITEM"), std::string::npos) << order[1];
}

}  // namespace
