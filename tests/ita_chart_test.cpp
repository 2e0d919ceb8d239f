// ITA charts: geometry (bar heights proportional to the scores, the pass line, the axis),
// colours by tier and by instrument, and a real PDF whose text (scores, names, years,
// Thai or Arabic digits) comes back out of pdftotext.
//
// To look at the charts: THAIDOC_ITA_CHART_OUT=/some/dir ./ita_chart_test, then
// pdftoppm -r 100 -png /some/dir/ita-charts.pdf /some/dir/page
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "input/ita_reader.h"
#include "ita/ita_chart.h"
#include "ita/ita_compute.h"
#include "layout/flow.h"
#include "layout/resources.h"
#include "layout/styles.h"
#include "model/template.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"

using namespace thaidoc;
using namespace thaidoc::ita;
namespace fs = std::filesystem;

namespace {

class ItaChartTest : public ::testing::Test {
 protected:
  ItaChartTest() : fonts_(load_fonts(Template{}.fonts, res_.fonts)), engine_(res_.shapes) {}

  ChartText text(DigitStyle digits) const { return ChartText{engine_, fonts_, digits}; }

  static Analysis load(const std::string& name) {
    return analyse(read_ita_file(test::source_dir() + "/data/ita/" + name));
  }

  // The bars: filled rectangles in a bar colour wider than a legend swatch, left to right.
  static std::vector<RectItem> bars(const std::vector<FrameItem>& items, const std::vector<Color>& colors) {
    std::vector<RectItem> out;
    for (const auto& item : items) {
      const auto* r = std::get_if<RectItem>(&item);
      if (!r || !r->fill || r->w <= 10) continue;
      if (std::find(colors.begin(), colors.end(), r->fill_color) != colors.end()) out.push_back(*r);
    }
    std::sort(out.begin(), out.end(), [](const RectItem& a, const RectItem& b) { return a.x < b.x; });
    return out;
  }

  static std::vector<LineItem> lines(const std::vector<FrameItem>& items) {
    std::vector<LineItem> out;
    for (const auto& item : items) {
      if (const auto* l = std::get_if<LineItem>(&item)) out.push_back(*l);
    }
    return out;
  }

  static std::string text_of(const std::vector<FrameItem>& items) {
    std::string s;
    for (const auto& item : items) {
      if (const auto* g = std::get_if<GlyphRun>(&item)) {
        for (const auto& c : g->clusters) s += c.text;
        s += "|";
      }
    }
    return s;
  }

  // Every item inside the box (with a little slack for glyph overhang).
  static void expect_inside(const std::vector<FrameItem>& items, double w, double h) {
    for (const auto& item : items) {
      if (const auto* r = std::get_if<RectItem>(&item)) {
        EXPECT_GE(r->x, -0.01);
        EXPECT_GE(r->y, -0.01);
        EXPECT_LE(r->x + r->w, w + 0.01);
        EXPECT_LE(r->y + r->h, h + 0.01);
      } else if (const auto* l = std::get_if<LineItem>(&item)) {
        for (double x : {l->x1, l->x2}) EXPECT_TRUE(x >= -0.01 && x <= w + 0.01) << x;
        for (double y : {l->y1, l->y2}) EXPECT_TRUE(y >= -0.01 && y <= h + 0.01) << y;
      } else if (const auto* g = std::get_if<GlyphRun>(&item)) {
        EXPECT_GE(g->x, -0.5);
        EXPECT_LE(g->x + g->width, w + 0.5);
        EXPECT_GE(g->y, 0);
        EXPECT_LE(g->y, h);
      }
    }
  }

  Resources res_;
  FontSet fonts_;
  TextEngine engine_;
};

const std::vector<double> kKlongmai = {93.37, 83.33, 89.17, 83.06, 89.65, 84.20, 82.10, 77.08, 87.00, 43.75};

TEST_F(ItaChartTest, BarHeightsAreProportionalToScores) {
  Analysis a = load("klongmai-2565.yaml");
  BarChartStyle st;
  auto items = indicator_bar_chart(a, text(DigitStyle::Thai), 450, 300, st);
  expect_inside(items, 450, 300);
  std::vector<RectItem> b = bars(items, st.tier_colors);
  ASSERT_EQ(b.size(), 10u);
  const double bottom = b[0].y + b[0].h;
  const double k = b[0].h / kKlongmai[0];  // points per score point
  EXPECT_GT(k, 1.0);
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_NEAR(b[i].y + b[i].h, bottom, 1e-6) << i;   // all on the axis
    EXPECT_NEAR(b[i].h, k * kKlongmai[i], 1e-6) << i;  // proportional
    EXPECT_NEAR(b[i].w, b[0].w, 1e-9);
    if (i) {
      EXPECT_NEAR(b[i].x - b[i - 1].x, b[1].x - b[0].x, 1e-6);  // evenly spaced
    }
  }
  // 43.75 / 93.37 of the tallest bar.
  EXPECT_NEAR(b[9].h / b[0].h, 43.75 / 93.37, 1e-9);

  // Tier colours: only indicator 1 (93.37) reaches 90; nothing reaches 95.
  EXPECT_EQ(b[0].fill_color, st.tier_colors[1]);
  for (size_t i = 1; i < 10; ++i) EXPECT_EQ(b[i].fill_color, st.tier_colors[0]) << i;

  // The axis scale: gridlines at 50 and 100 where the bars' scale puts them, and the
  // dashed pass line at 85.
  bool grid50 = false, grid100 = false, pass = false;
  for (const LineItem& l : lines(items)) {
    if (l.y1 != l.y2) continue;
    if (std::fabs(l.y1 - (bottom - 50 * k)) < 1e-6 && l.dash.empty()) grid50 = true;
    if (std::fabs(l.y1 - (bottom - 100 * k)) < 1e-6 && l.dash.empty()) grid100 = true;
    if (std::fabs(l.y1 - (bottom - 85 * k)) < 1e-6 && !l.dash.empty()) {
      pass = true;
      EXPECT_EQ(l.color, st.pass_color);
    }
  }
  EXPECT_TRUE(grid50);
  EXPECT_TRUE(grid100);
  EXPECT_TRUE(pass);

  // Labels: scores in Thai digits, numbers and short names.
  std::string t = text_of(items);
  EXPECT_NE(t.find("๙๓.๓๗"), std::string::npos) << t;
  EXPECT_NE(t.find("๔๓.๗๕"), std::string::npos) << t;
  EXPECT_NE(t.find("|๑๐|"), std::string::npos) << t;
  EXPECT_NE(t.find("ปฏิบัติ"), std::string::npos) << t;
  EXPECT_NE(t.find("เกณฑ์ผ่าน"), std::string::npos) << t;
  EXPECT_EQ(t.find("93.37"), std::string::npos) << t;
}

TEST_F(ItaChartTest, ColouredByInstrumentWithLevelBands) {
  Analysis a = load("nakhonpathom-2565.yaml");
  BarChartStyle st;
  st.colour_by = BarColouring::Instrument;
  st.level_bands = true;
  auto items = indicator_bar_chart(a, text(DigitStyle::Arabic), 450, 320, st);
  expect_inside(items, 450, 320);
  std::vector<RectItem> b = bars(items, st.instrument_colors);
  ASSERT_EQ(b.size(), 10u);
  for (size_t i = 0; i < 10; ++i) {
    size_t expected = i < 5 ? 0 : i < 8 ? 1 : 2;  // 1-5 IIT, 6-8 EIT, 9-10 OIT
    EXPECT_EQ(b[i].fill_color, st.instrument_colors[expected]) << i;
  }
  EXPECT_NEAR(b[8].h, b[9].h, 1e-9);                 // 100 and 100
  EXPECT_NEAR(b[0].h / b[8].h, 94.56 / 100, 1e-9);   // 94.56
  // Seven band stripes behind the plot.
  int stripes = 0;
  for (const auto& item : items) {
    const auto* r = std::get_if<RectItem>(&item);
    if (r && r->fill && !r->stroke &&
        std::find(st.band_colors.begin(), st.band_colors.end(), r->fill_color) != st.band_colors.end()) {
      ++stripes;
    }
  }
  EXPECT_EQ(stripes, 7);
  std::string t = text_of(items);
  EXPECT_NE(t.find("100.00"), std::string::npos) << t;
  EXPECT_NE(t.find("88.09"), std::string::npos) << t;
  EXPECT_EQ(t.rfind("AA|A|B|C|D|E|F|", 0), 0u) << t;  // the band names come first
  EXPECT_NE(t.find("IIT (ตัวชี้วัดที่ 1–5)"), std::string::npos) << t;
}

TEST_F(ItaChartTest, LineChartOfTotals) {
  Analysis a = load("klongmai-2565.yaml");
  LineChartStyle st;
  auto items = history_line_chart(a, text(DigitStyle::Thai), 450, 220, st);
  expect_inside(items, 450, 220);
  // Five points (filled squares in the point colours) and four segments.
  std::vector<RectItem> points;
  for (const auto& item : items) {
    const auto* r = std::get_if<RectItem>(&item);
    if (r && r->fill && (r->fill_color == st.point_color || r->fill_color == st.current_color)) points.push_back(*r);
  }
  ASSERT_EQ(points.size(), 5u);
  EXPECT_EQ(points[4].fill_color, st.current_color);  // 2565
  int segments = 0;
  for (const LineItem& l : lines(items)) segments += l.color == st.line_color && l.width == st.line_width;
  EXPECT_EQ(segments, 4);
  // Point heights are linear in the totals: (y2562 - y2561) / (y2563 - y2561) = (85.03 - 75.41) / (84.05 - 75.41).
  auto cy = [&](int i) { return points[i].y + points[i].h / 2; };
  EXPECT_NEAR((cy(1) - cy(0)) / (cy(2) - cy(0)), (85.03 - 75.41) / (84.05 - 75.41), 1e-9);
  std::string t = text_of(items);
  for (const char* s : {"๗๕.๔๑", "๘๕.๐๓", "๗๖.๘๑", "๒๕๖๑", "๒๕๖๕", "ปีงบประมาณ"}) {
    EXPECT_NE(t.find(s), std::string::npos) << s << " in " << t;
  }
  LineChartStyle with_levels;
  with_levels.levels = true;
  t = text_of(history_line_chart(a, text(DigitStyle::Arabic), 450, 220, with_levels));
  EXPECT_NE(t.find("85.03 (A)"), std::string::npos) << t;
  EXPECT_NE(t.find("76.81 (B)"), std::string::npos) << t;
}

// Value labels are never crossed by the pass line: scores and totals just under and over 85
// whose labels, put above the point, would straddle it.
TEST_F(ItaChartTest, ValueLabelsClearThePassLine) {
  ItaData d = read_ita_file(test::source_dir() + "/data/ita/klongmai-2565.yaml");
  for (auto& sc : d.scores) sc.score = Hundredths(sc.number % 2 ? 8420 : 8540);  // 84.20 and 85.40
  d.history = {{2562, {Hundredths(8440), {}}, {}}, {2563, {Hundredths(8520), {}}, {}}, {2564, {Hundredths(8470), {}}, {}}};
  d.supplied = {};
  Analysis a = analyse(d);
  auto check = [&](const std::vector<FrameItem>& items, Color pass_color, size_t expected_labels) {
    double pass_y = -1, longest = 0;  // the pass line (not the legend's short sample of it)
    for (const LineItem& l : lines(items)) {
      if (l.color == pass_color && !l.dash.empty() && std::fabs(l.x2 - l.x1) > longest) {
        longest = std::fabs(l.x2 - l.x1);
        pass_y = l.y1;
      }
    }
    ASSERT_GT(pass_y, 0);
    size_t labels = 0;
    for (const auto& item : items) {
      const auto* g = std::get_if<GlyphRun>(&item);
      if (!g) continue;
      std::string t;
      for (const auto& c : g->clusters) t += c.text;
      if (t.size() < 4 || !std::isdigit(static_cast<unsigned char>(t[0])) || t.find('.') == std::string::npos) {
        continue;  // not a value label ("84.50")
      }
      ++labels;
      double top = g->y - 0.75 * g->size - 1.2, bottom = g->y + 0.18 * g->size;
      EXPECT_FALSE(pass_y >= top && pass_y <= bottom) << t << " crosses the pass line at " << pass_y;
    }
    EXPECT_EQ(labels, expected_labels);
  };
  BarChartStyle bars;
  check(indicator_bar_chart(a, text(DigitStyle::Arabic), 450, 300, bars), bars.pass_color, 10);
  LineChartStyle line;
  check(history_line_chart(a, text(DigitStyle::Arabic), 450, 220, line), line.pass_color, 4);
}

// The trend has a year axis: a missing year keeps its place (and its year), the line breaks there.
TEST_F(ItaChartTest, TrendKeepsGapsForMissingYears) {
  ItaData d = read_ita_file(test::source_dir() + "/data/ita/klongmai-2565.yaml");
  d.history = {{2561, {Hundredths(7541), {}}, {}}, {2562, {Hundredths(8503), {}}, {}}, {2564, {Hundredths(8095), {}}, {}}};
  Analysis a = analyse(d);  // + 2565 (the assessed year): 2561, 2562, 2564, 2565
  LineChartStyle st;
  auto items = history_line_chart(a, text(DigitStyle::Arabic), 450, 220, st);
  std::vector<RectItem> points;
  for (const auto& item : items) {
    const auto* r = std::get_if<RectItem>(&item);
    if (r && r->fill && (r->fill_color == st.point_color || r->fill_color == st.current_color)) points.push_back(*r);
  }
  ASSERT_EQ(points.size(), 4u);
  auto cx = [&](int i) { return points[i].x + points[i].w / 2; };
  // 2562 -> 2564 is two slots, 2561 -> 2562 one.
  EXPECT_NEAR(cx(2) - cx(1), 2 * (cx(1) - cx(0)), 1e-9);
  EXPECT_NEAR(cx(3) - cx(2), cx(1) - cx(0), 1e-9);
  int segments = 0;
  for (const LineItem& l : lines(items)) segments += l.color == st.line_color && l.width == st.line_width;
  EXPECT_EQ(segments, 2);  // 2561-2562 and 2564-2565; none across 2563
  EXPECT_NE(text_of(items).find("2563"), std::string::npos);  // the missing year is on the axis
}

TEST_F(ItaChartTest, TooSmallBoxIsRefused) {
  Analysis a = load("klongmai-2565.yaml");
  EXPECT_THROW(indicator_bar_chart(a, text(DigitStyle::Thai), 450, 60), std::invalid_argument);
  EXPECT_THROW(indicator_bar_chart(a, text(DigitStyle::Thai), 80, 300), std::invalid_argument);
  EXPECT_THROW(history_line_chart(a, text(DigitStyle::Thai), 450, 40), std::invalid_argument);
}

// Both examples' charts on A4 pages through the real PDF writer; pdftotext must find the labels.
TEST_F(ItaChartTest, RendersIntoASearchablePdf) {
  const char* keep = std::getenv("THAIDOC_ITA_CHART_OUT");
  std::string dir = keep ? std::string(keep) : test::temp_dir("ita-chart");
  fs::create_directories(dir);
  const std::string pdf = dir + "/ita-charts.pdf";

  Template tpl;
  const double x = tpl.page.margin_left, w = tpl.page.content_width();
  auto place = [&](Page& page, std::vector<FrameItem> items, double y) {
    translate_items(items, x, y);
    page.items.insert(page.items.end(), items.begin(), items.end());
  };
  auto title = [&](Page& page, const std::string& s, double y, DigitStyle digits) {
    ParagraphStyle ps;
    ps.align = Align::Left;
    ParagraphLayout l = engine_.layout(plain_spans(s, fonts_, 16, digits, true), ps, w);
    for (const TextLine& line : l.lines) {
      place(page, line.items, y);
      y += line.height;
    }
  };

  LaidOutDocument doc;
  doc.info.title = "ITA charts";
  {
    Analysis a = load("klongmai-2565.yaml");
    Page page;
    title(page, "คะแนนรายตัวชี้วัด องค์การบริหารส่วนตำบลคลองใหม่ ปีงบประมาณ พ.ศ. 2565", 70, DigitStyle::Thai);
    place(page, indicator_bar_chart(a, text(DigitStyle::Thai), w, 320), 105);
    title(page, "ผลการประเมิน ITA รายปี พ.ศ. 2561 - 2565", 470, DigitStyle::Thai);
    LineChartStyle ls;
    ls.levels = true;
    place(page, history_line_chart(a, text(DigitStyle::Thai), w, 220, ls), 485);
    doc.pages.push_back(std::move(page));
  }
  {
    Analysis a = load("nakhonpathom-2565.yaml");
    Page page;
    title(page, "คะแนนรายตัวชี้วัด เทศบาลนครนครปฐม ปีงบประมาณ พ.ศ. 2565", 70, DigitStyle::Arabic);
    BarChartStyle st;
    st.colour_by = BarColouring::Instrument;
    st.level_bands = true;
    place(page, indicator_bar_chart(a, text(DigitStyle::Arabic), w, 340, st), 105);
    // No history in the source: the trend is the assessed year alone.
    title(page, "ผลการประเมิน ITA พ.ศ. 2565", 480, DigitStyle::Arabic);
    place(page, history_line_chart(a, text(DigitStyle::Arabic), w / 2, 180), 495);
    doc.pages.push_back(std::move(page));
  }
  write_pdf(doc, pdf);

  auto page_text = [&](int n) {
    auto r = test::run("pdftotext -enc UTF-8 -f " + std::to_string(n) + " -l " + std::to_string(n) + " " +
                       test::quote(pdf) + " -");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return r.out;
  };
  std::string p1 = page_text(1);
  for (const char* s : {"คลองใหม่", "๙๓.๓๗", "๘๙.๖๕", "๔๓.๗๕", "ปฏิบัติ", "หน้าที่", "ป้องกัน", "เกณฑ์ผ่าน",
                        "๘๕", "๒๕๖๑", "๗๕.๔๑", "๘๕.๐๓ (A)", "๗๖.๘๑ (B)", "ปีงบประมาณ"}) {
    EXPECT_NE(p1.find(s), std::string::npos) << s << " not in page 1:\n" << p1;
  }
  std::string p2 = page_text(2);
  for (const char* s : {"นครปฐม", "94.56", "88.09", "100.00", "96.20", "IIT", "OIT", "AA", "เปิดเผย", "ข้อมูล", "95.82", "2565"}) {
    EXPECT_NE(p2.find(s), std::string::npos) << s << " not in page 2:\n" << p2;
  }
  // A raster of the page renders (the picture itself is checked by eye).
  EXPECT_EQ(test::run("pdftoppm -r 50 -png -f 1 -l 1 " + test::quote(pdf) + " " + test::quote(dir + "/page")).exit_code,
            0);
  if (!keep) fs::remove_all(dir);
}

}  // namespace
