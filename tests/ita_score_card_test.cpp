// The score card (`chart: score_card`): seed 004's "คะแนน <organisation> / 76.81 คะแนน /
// ระดับผลการประเมิน / B" as a framed box with the level on a badge in the level's colour.
// Checked: the texts and their order, where each is (centred, stacked, the level inside its
// badge), the badge colour by level, the template's and the block's texts, a box too small,
// and a whole report through the CLI.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "input/ita_reader.h"
#include "ita/ita_compute.h"
#include "ita/score_card.h"
#include "layout/resources.h"
#include "layout/styles.h"
#include "model/template.h"
#include "test_support.h"

using namespace thaidoc;
using namespace thaidoc::ita;

namespace {

class ScoreCardTest : public ::testing::Test {
 protected:
  ScoreCardTest() : fonts_(load_fonts(Template{}.fonts, res_.fonts)), engine_(res_.shapes) {}

  ChartText text(DigitStyle digits) const { return ChartText{engine_, fonts_, digits}; }

  static Analysis load(const std::string& name) {
    return analyse(read_ita_file(test::source_dir() + "/data/ita/" + name));
  }

  struct Run {
    std::string text;
    double left, right, baseline, size;
  };
  // The glyph runs in drawing order, runs on one baseline that touch joined into one.
  static std::vector<Run> runs(const std::vector<FrameItem>& items) {
    std::vector<Run> out;
    for (const auto& item : items) {
      const auto* g = std::get_if<GlyphRun>(&item);
      if (!g) continue;
      std::string t;
      for (const auto& c : g->clusters) t += c.text;
      if (!out.empty() && std::fabs(out.back().baseline - g->y) < 0.01 && std::fabs(out.back().right - g->x) < 0.01 &&
          std::fabs(out.back().size - g->size) < 0.01) {
        out.back().text += t;
        out.back().right = g->x + g->width;
        continue;
      }
      out.push_back({t, g->x, g->x + g->width, g->y, g->size});
    }
    return out;
  }

  static std::vector<RectItem> rects(const std::vector<FrameItem>& items) {
    std::vector<RectItem> out;
    for (const auto& item : items)
      if (const auto* r = std::get_if<RectItem>(&item)) out.push_back(*r);
    return out;
  }

  Resources res_;
  FontSet fonts_;
  TextEngine engine_;
};

// klongmai 2565 (seed 004): total 76.81, level B (the third band, so the third colour).
TEST_F(ScoreCardTest, TextsAndPositions) {
  Analysis a = load("klongmai-2565.yaml");
  ScoreCardStyle st;
  const double w = 12 * kPointsPerCm;
  ASSERT_EQ(st.height, 0);  // as tall as its lines need
  auto items = score_card(a, text(DigitStyle::Arabic), w, st.height, st);
  // The first item is the card's box: its height is the stack of lines and the padding.
  ASSERT_TRUE(std::holds_alternative<BoundsItem>(items.front()));
  const BoundsItem card = std::get<BoundsItem>(items.front());
  const double h = card.h;
  EXPECT_EQ(card.w, w);
  EXPECT_EQ(card.count, items.size() - 1);
  // The natural height is exactly what it needs: a hundredth of a point less is refused.
  EXPECT_NO_THROW(score_card(a, text(DigitStyle::Arabic), w, h, st));
  EXPECT_THROW(score_card(a, text(DigitStyle::Arabic), w, h - 0.01, st), std::invalid_argument);
  std::vector<Run> r = runs(items);
  ASSERT_EQ(r.size(), 5u) << (r.empty() ? "" : r[0].text);
  EXPECT_EQ(r[0].text, "คะแนน องค์การบริหารส่วนตำบลคลองใหม่");
  EXPECT_EQ(r[1].text, "76.81");
  EXPECT_EQ(r[2].text, "คะแนน");
  EXPECT_EQ(r[3].text, "ระดับผลการประเมิน");
  EXPECT_EQ(r[4].text, "B");
  EXPECT_DOUBLE_EQ(r[1].size, st.total_size);
  EXPECT_DOUBLE_EQ(r[4].size, st.badge_text_size);

  // Each line centred; the total and its unit on one baseline, centred together with a
  // 0.3 x text size space between them.
  auto mid = [](const Run& x) { return (x.left + x.right) / 2; };
  EXPECT_NEAR(mid(r[0]), w / 2, 0.01);
  EXPECT_NEAR(mid(r[3]), w / 2, 0.01);
  EXPECT_DOUBLE_EQ(r[1].baseline, r[2].baseline);
  EXPECT_NEAR((r[1].left + r[2].right) / 2, w / 2, 0.01);
  EXPECT_NEAR(r[2].left - r[1].right, 0.3 * st.text_size, 0.01);
  // Stacked top to bottom.
  EXPECT_LT(r[0].baseline, r[1].baseline);
  EXPECT_LT(r[1].baseline, r[3].baseline);

  // The frame, then the badge: badge_size square, centred, under the label, B's colour.
  std::vector<RectItem> rs = rects(items);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_TRUE(rs[0].stroke && rs[0].fill);
  EXPECT_NEAR(rs[0].x, st.border_width / 2, 1e-9);
  EXPECT_NEAR(rs[0].w, w - st.border_width, 1e-9);
  const RectItem& badge = rs[1];
  EXPECT_DOUBLE_EQ(badge.w, st.badge_size);
  EXPECT_DOUBLE_EQ(badge.h, st.badge_size);
  EXPECT_NEAR(badge.x + badge.w / 2, w / 2, 1e-9);
  EXPECT_EQ(badge.fill_color, st.level_colors[2]);  // AA, A, B
  EXPECT_GT(badge.y, r[3].baseline);
  // The level inside its badge, centred across it.
  EXPECT_NEAR(mid(r[4]), w / 2, 0.01);
  EXPECT_GT(r[4].baseline, badge.y);
  EXPECT_LT(r[4].baseline, badge.y + badge.h);
  EXPECT_GT(r[4].left, badge.x);
  EXPECT_LT(r[4].right, badge.x + badge.w);
  // The stack is centred vertically: as much room above the title as below the badge
  // (the title's line box starts at the top of the stack).
  const double line = fonts_.family.regular->to_points(
      fonts_.family.regular->ascender() - fonts_.family.regular->descender() + fonts_.family.regular->line_gap(),
      st.title_size);
  const double ascent = fonts_.family.regular->to_points(fonts_.family.regular->ascender(), st.title_size);
  const double stack_top = r[0].baseline - ascent;
  (void)line;
  EXPECT_NEAR(stack_top, st.padding, 0.01);  // natural height: the padding above and below
  EXPECT_NEAR(h - (badge.y + badge.h), st.padding, 0.01);
  // In a taller box the stack is centred: as much room above the title as below the badge.
  auto tall = score_card(a, text(DigitStyle::Arabic), w, h + 40, st);
  std::vector<Run> tr = runs(tall);
  EXPECT_NEAR(tr[0].baseline - ascent, st.padding + 20, 0.01);
  EXPECT_NEAR(rects(tall)[1].y, badge.y + 20, 0.01);
  // Everything inside the box.
  for (const Run& x : r) {
    EXPECT_GE(x.left, st.padding - 0.5);
    EXPECT_LE(x.right, w - st.padding + 0.5);
  }
}

// The level's colour follows the printed level: nakhonpathom is AA (the first colour), and
// Thai digits print the total in Thai.
TEST_F(ScoreCardTest, BadgeColourByLevelAndThaiDigits) {
  Analysis a = load("nakhonpathom-2565.yaml");
  ScoreCardStyle st;
  auto items = score_card(a, text(DigitStyle::Thai), 12 * kPointsPerCm, st.height, st);
  std::vector<Run> r = runs(items);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[1].text, "๙๕.๘๒");
  EXPECT_EQ(r[4].text, "AA");
  EXPECT_EQ(rects(items)[1].fill_color, st.level_colors[0]);
  // A level past the end of a short colour list reuses the list from its start.
  st.level_colors = {{1, 0, 0}, {0, 1, 0}};
  Analysis b = load("klongmai-2565.yaml");  // B, the third band
  EXPECT_EQ(rects(score_card(b, text(DigitStyle::Thai), 12 * kPointsPerCm, st.height, st))[1].fill_color,
            (Color{1, 0, 0}));
}

// The template's texts with their values, a block's own texts instead, and no frame.
TEST_F(ScoreCardTest, TextsFromTheTemplateAndTheBlock) {
  Analysis a = load("klongmai-2565.yaml");
  ScoreCardStyle st;
  st.note = "{passed}เกณฑ์การประเมิน ({pass} คะแนนขึ้นไป)";
  st.border = false;
  st.fill = false;
  // A fifth line makes the card taller.
  const double four = std::get<BoundsItem>(score_card(a, text(DigitStyle::Arabic), 12 * kPointsPerCm, 0, ScoreCardStyle{}).front()).h;
  auto items = score_card(a, text(DigitStyle::Arabic), 12 * kPointsPerCm, 0, st);
  EXPECT_GT(std::get<BoundsItem>(items.front()).h, four + 14);
  std::vector<Run> r = runs(items);
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[5].text, "ไม่ผ่านเกณฑ์การประเมิน (85 คะแนนขึ้นไป)");
  EXPECT_EQ(rects(items).size(), 1u);  // the badge only

  Chart block;
  block.kind = Chart::Kind::ScoreCard;
  block.title = "ผลคะแนน ITA ปี {year}";
  block.unit = "";
  block.label = "ระดับ";
  ScoreCardStyle own = card_style(ScoreCardStyle{}, block);
  r = runs(score_card(a, text(DigitStyle::Arabic), 12 * kPointsPerCm, own.height, own));
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].text, "ผลคะแนน ITA ปี 2565");
  EXPECT_EQ(r[1].text, "76.81");
  EXPECT_NEAR((r[1].left + r[1].right) / 2, 6 * kPointsPerCm, 0.01);  // no unit: the number alone centred
  EXPECT_EQ(r[2].text, "ระดับ");
  EXPECT_EQ(r[3].text, "B");
}

// A supplied total and level are what the card prints (they are what the report prints).
TEST_F(ScoreCardTest, PrintsTheSuppliedTotalAndLevel) {
  ItaData d = read_ita_file(test::source_dir() + "/data/ita/klongmai-2565.yaml");
  d.supplied.total = Sourced<Hundredths>{Hundredths(7682), {}};
  Analysis a = analyse(d);
  ScoreCardStyle st;
  std::vector<Run> r = runs(score_card(a, text(DigitStyle::Arabic), 12 * kPointsPerCm, st.height, st));
  ASSERT_GE(r.size(), 2u);
  EXPECT_EQ(r[1].text, "76.82");
}

TEST_F(ScoreCardTest, TooSmallBoxIsRefusedNotCut) {
  Analysis a = load("klongmai-2565.yaml");
  ScoreCardStyle st;
  try {
    score_card(a, text(DigitStyle::Thai), 12 * kPointsPerCm, 60, st);
    FAIL() << "a 60pt card was drawn";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("needs a height of at least"), std::string::npos) << e.what();
  }
  // A narrow card wraps its title (never cuts it) and so needs more height.
  st.title = "คะแนน {organisation} อำเภอสามพราน จังหวัดนครปฐม ประจำปีงบประมาณ {year}";
  EXPECT_THROW(score_card(a, text(DigitStyle::Thai), 5 * kPointsPerCm, 5.6 * kPointsPerCm, st), std::invalid_argument);
  std::vector<Run> r = runs(score_card(a, text(DigitStyle::Thai), 5 * kPointsPerCm, 0, st));
  std::string all;
  for (const Run& x : r) all += x.text;
  EXPECT_NE(all.find("ประจำปีงบประมาณ"), std::string::npos) << all;
}

// A whole report: the block, the template settings (style: report: score_card:), the
// errors, through the CLI.
TEST(ScoreCardDocument, RendersAndRejectsMisuse) {
  std::string dir = test::temp_dir("score-card");
  auto doc = [](const std::string& block, const std::string& style) {
    return "kind: report\ndigits: arabic\n" + style +
           "ita:\n  organisation: {name: องค์การบริหารส่วนตำบลคลองใหม่}\n  year: 2565\n"
           "  scores: {1: 93.37, 2: 83.33, 3: 89.17, 4: 83.06, 5: 89.65, 6: 84.20, 7: 82.10, 8: 77.08, 9: 87.00, "
           "10: 43.75}\nreport:\n  contents: false\n  body:\n    - ผลการประเมิน\n" +
           block;
  };
  auto render = [&](const std::string& name, const std::string& yaml) {
    test::write_file(dir + "/" + name + ".yaml", yaml);
    return test::run(test::quote(test::thaidoc_binary()) + " render --strict " + test::quote(dir + "/" + name + ".yaml") +
                     " -o " + test::quote(dir + "/" + name + ".pdf"));
  };
  auto r = render("ok", doc("    - chart: score_card\n      remark: \"{passed}เกณฑ์ ({pass} คะแนนขึ้นไป)\"\n",
                            "style:\n  report:\n    score_card: {width: 10cm, title: \"ผลคะแนน {organisation}\"}\n"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string text = test::run("pdftotext " + test::quote(dir + "/ok.pdf") + " -").out;
  // At 10cm the title takes two lines (the card grows to hold them).
  for (const char* s : {"ผลคะแนน\nองค์การบริหารส่วนตำบลคลองใหม่", "76.81", "ระดับผลการประเมิน", "B",
                        "ไม่ผ่านเกณฑ์ (85 คะแนนขึ้นไป)"}) {
    EXPECT_NE(text.find(s), std::string::npos) << s << " not in:\n" << text;
  }
  // A score card's text on another chart is an error at its key.
  r = render("bad-key", doc("    - chart: scores\n      title: x\n", ""));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("bad-key.yaml:12:14"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("only a 'chart: score_card' has a title"), std::string::npos) << r.out;
  // A card too small for its lines is an error, no PDF.
  r = render("small", doc("    - chart: score_card\n      height: 2cm\n", ""));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("needs a height of at least"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir + "/small.pdf"));
}

}  // namespace
