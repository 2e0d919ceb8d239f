#include "ita/ita_chart.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "base/utf8.h"
#include "ita/chart_painter.h"
#include "layout/flow.h"
#include "text/segment.h"

namespace thaidoc::ita {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// "85", "92.5" (no trailing zeros), for thresholds.
std::string plain_number(Hundredths v) { return v.plain(); }
std::string plain_number(double v) { return Exact(static_cast<std::int64_t>(std::llround(v * 100)), 100).round2().plain(); }

const Color kWhite{1, 1, 1};

// The words of a text, split where a line may break (libthai for Thai).
std::vector<std::string> words_of(const std::string& text) {
  std::u32string u = utf8::decode(text);
  std::vector<bool> breaks = find_line_breaks(u);
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 1; i <= u.size(); ++i) {
    if (i == u.size() || breaks[i]) {
      std::u32string w = u.substr(start, i - start);
      while (!w.empty() && w.back() == U' ') w.pop_back();
      if (!w.empty()) out.push_back(utf8::encode(w));
      start = i;
    }
  }
  return out;
}

Color darker(Color c, double k = 0.75) { return Color{c.r * k, c.g * k, c.b * k}; }


// A legend: entries flow left to right, wrapping to new rows, each row centred.
// Both charts: the two axes, and the dashed pass line at `pass_y` with its label
// (already in the document's digits) in the right margin.
template <class Style>
void draw_axes_and_pass_line(Painter& p, const Style& st, double left, double top, double right, double bottom,
                             double pass_y, const std::string& pass_label) {
  p.line(left, top, left, bottom, 0.8, st.axis_color);
  p.line(left, bottom, right, bottom, 0.8, st.axis_color);
  if (!st.pass_line) return;
  p.line(left, pass_y, right, pass_y, 1.0, st.pass_color, {4, 2});
  if (!pass_label.empty())
    p.text(pass_label, st.text_size, true, st.pass_color, right + 3, pass_y + p.digit_height(st.text_size) / 2,
           Align::Left);
}

struct LegendEntry {
  enum Kind { Swatch, Dashed } kind = Swatch;
  Color color;
  std::string text;
};

struct LegendLayout {
  std::vector<std::vector<size_t>> rows;
  std::vector<double> row_widths;
  double height = 0;
};

constexpr double kSwatch = 8, kSwatchGap = 3, kEntryGap = 12;

LegendLayout plan_legend(const Painter& p, const std::vector<LegendEntry>& entries, double size, double width) {
  LegendLayout l;
  double row_w = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    double w = kSwatch + kSwatchGap + p.width(entries[i].text, size);
    if (!l.rows.empty() && !l.rows.back().empty() && row_w + kEntryGap + w <= width) {
      l.rows.back().push_back(i);
      row_w += kEntryGap + w;
      l.row_widths.back() = row_w;
    } else {
      l.rows.push_back({i});
      row_w = w;
      l.row_widths.push_back(w);
    }
  }
  l.height = static_cast<double>(l.rows.size()) * p.line_height(size);
  return l;
}

void draw_legend(Painter& p, const std::vector<LegendEntry>& entries, const LegendLayout& l, double size,
                 Color text_color, double width, double top) {
  double y = top;
  for (size_t r = 0; r < l.rows.size(); ++r) {
    double x = (width - l.row_widths[r]) / 2;
    double baseline = y + (p.line_height(size) - p.ascent(size) - p.descent(size)) / 2 + p.ascent(size);
    double mid = baseline - p.digit_height(size) / 2;
    for (size_t i : l.rows[r]) {
      const LegendEntry& e = entries[i];
      if (e.kind == LegendEntry::Swatch) {
        p.rect(x, mid - kSwatch / 2, kSwatch, kSwatch, e.color, darker(e.color), 0.4);
      } else {
        p.line(x, mid, x + kSwatch, mid, 1.0, e.color, {2.5, 1.5});
      }
      x += kSwatch + kSwatchGap;
      p.text(e.text, size, false, text_color, x, baseline, Align::Left);
      x += p.width(e.text, size) + kEntryGap;
    }
    y += p.line_height(size);
  }
}

// "1–5", "9–10", "1, 3 และ 5"
std::string number_range(const std::vector<int>& numbers) {
  if (numbers.empty()) return "";
  bool contiguous = true;
  for (size_t i = 1; i < numbers.size(); ++i) contiguous = contiguous && numbers[i] == numbers[i - 1] + 1;
  if (numbers.size() == 1) return std::to_string(numbers[0]);
  if (contiguous) return std::to_string(numbers.front()) + "–" + std::to_string(numbers.back());
  std::string s;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (i) s += i + 1 == numbers.size() ? " และ " : ", ";
    s += std::to_string(numbers[i]);
  }
  return s;
}

Color pick(const std::vector<Color>& colors, size_t i, Color fallback) {
  return colors.empty() ? fallback : colors[i % colors.size()];
}

// The instrument's place in the framework (IIT 0, EIT 1, OIT 2 in the presets).
size_t instrument_index(const Analysis& a, const Instrument& i) {
  for (size_t k = 0; k < a.framework.instruments.size(); ++k)
    if (a.framework.instruments[k].instrument == i) return k;
  return 0;
}

void check_fits(double needed, double have, const char* what) {
  if (needed > have) {
    throw std::invalid_argument(std::string(what) + " needs at least " + plain_number(std::ceil(needed)) +
                                "pt, the box has " + plain_number(have) + "pt");
  }
}

// A value label's baseline moved clear of the pass line: the label box (as Painter::label
// draws it, from baseline - digit height - 1.2 to baseline + 0.18 x size) must not contain
// the line. `above`: move it above the line, else below.
double clear_of_line(const Painter& p, double baseline, double size, double line_y, bool above) {
  const double top = baseline - p.digit_height(size) - 1.2, bottom = baseline + 0.18 * size;
  if (line_y < top - 1 || line_y > bottom + 1) return baseline;
  return above ? line_y - 0.18 * size - 2 : line_y + p.digit_height(size) + 1.2 + 2;
}

}  // namespace

std::string tier_range_thai(const Framework& f, size_t tier) {
  if (tier >= f.tiers.size()) return "";
  bool last = tier + 1 == f.tiers.size();
  std::string from = plain_number(f.tiers[tier].from);
  if (f.tiers.size() == 1) return "ทุกคะแนน";
  if (tier == 0) return "ต่ำกว่า " + plain_number(f.tiers[1].from);
  if (last) return from + " ขึ้นไป";
  return from + " ถึงต่ำกว่า " + plain_number(f.tiers[tier + 1].from);
}

std::vector<FrameItem> indicator_bar_chart(const Analysis& a, const ChartText& text, double width, double height,
                                           const BarChartStyle& st) {
  std::vector<FrameItem> out;
  Painter p(text, out);
  const Framework& fw = a.framework;
  const size_t n = a.indicators.size();
  if (n == 0) return out;
  auto digits = [&](const std::string& s) { return convert_digits(s, text.digits); };
  const std::string pass_text = replace_all(st.pass_label, "{pass}", plain_number(fw.pass_mark));

  // Horizontal budget: tick labels | plot | pass label.
  double tick_w = 0;
  for (double v = 0; v <= 100 + 1e-9; v += st.label_step) tick_w = std::max(tick_w, p.width(plain_number(v), st.text_size));
  const double left = tick_w + 5;
  const double right = std::max(st.pass_line && !pass_text.empty() ? p.width(pass_text, st.text_size) + 6 : 0.0, 6.0);
  const double plot_w = width - left - right;
  check_fits(left + right + 10.0 * static_cast<double>(n), width, "the bar chart's width");
  // With level bands, their names get a column at the left of the plot, before the bars.
  const double band_size = st.text_size * 0.85;
  double band_col = 0;
  if (st.level_bands) {
    for (const auto& band : fw.levels) band_col = std::max(band_col, p.width(band.name, band_size) + 6);
  }
  const double bars_left = left + band_col;
  const double slot = (plot_w - band_col) / static_cast<double>(n);

  // Vertical budget: value labels | plot | numbers, names | legend.
  const double top = std::max(st.value_labels ? p.digit_height(st.value_size) + 5 : 0.0, p.digit_height(st.text_size) / 2 + 1);
  // Names share one size, small enough for every word to fit its slot (never below 60%).
  double name_size = st.name_size;
  if (st.names) {
    for (const auto& ind : a.indicators) {
      for (const std::string& word : words_of(ind.short_name)) {
        double w = p.width(word, st.name_size);
        if (w > slot - 2) name_size = std::min(name_size, st.name_size * (slot - 2) / w);
      }
    }
    name_size = std::max(name_size, st.name_size * 0.6);
  }
  int name_lines = 0;
  if (st.names) {
    for (const auto& ind : a.indicators) {
      name_lines = std::max(name_lines, std::min(st.max_name_lines, p.count_lines(ind.short_name, name_size, slot - 2)));
    }
  }
  const double numbers_h = 3 + p.line_height(st.text_size);
  const double names_h = name_lines * p.line_height(name_size);

  std::vector<LegendEntry> legend;
  if (st.legend) {
    if (st.colour_by == BarColouring::Tier) {
      for (size_t t = 0; t < fw.tiers.size(); ++t) {
        std::string label = t < st.tier_legend.size() && !st.tier_legend[t].empty()
                                ? st.tier_legend[t]
                                : fw.tiers[t].label + " (" + tier_range_thai(fw, t) + ")";
        legend.push_back({LegendEntry::Swatch, pick(st.tier_colors, t, Color{0.5, 0.5, 0.5}), digits(label)});
      }
    } else {
      for (const auto& in : a.instruments) {
        legend.push_back({LegendEntry::Swatch, pick(st.instrument_colors, instrument_index(a, in.instrument), Color{0.5, 0.5, 0.5}),
                          digits(std::string(instrument_code(in.instrument)) + " (ตัวชี้วัดที่ " +
                                 number_range(in.indicators) + ")")});
      }
    }
    if (st.pass_line && !st.pass_legend.empty()) {
      legend.push_back({LegendEntry::Dashed, st.pass_color,
                        digits(replace_all(st.pass_legend, "{pass}", plain_number(fw.pass_mark)))});
    }
  }
  LegendLayout legend_layout = plan_legend(p, legend, st.text_size, width);
  const double legend_h = legend.empty() ? 0 : 4 + legend_layout.height;

  const double plot_top = top;
  const double plot_h = height - top - numbers_h - names_h - legend_h;
  check_fits(top + numbers_h + names_h + legend_h + 40, height, "the bar chart's height");
  const double plot_bottom = plot_top + plot_h;
  const double plot_left = left, plot_right = left + plot_w;
  auto y_of = [&](double v) { return plot_bottom - plot_h * std::clamp(v, 0.0, 100.0) / 100.0; };

  // Level bands.
  if (st.level_bands) {
    std::vector<LevelBand> bands = fw.levels;
    std::sort(bands.begin(), bands.end(), [](const LevelBand& x, const LevelBand& y) { return x.from > y.from; });
    double upper = 100;
    for (size_t i = 0; i < bands.size(); ++i) {
      double y1 = y_of(upper), y2 = y_of(bands[i].from.to_double());
      p.rect(plot_left, y1, plot_w, y2 - y1, pick(st.band_colors, i, Color{0.95, 0.95, 0.95}));
      if (y2 - y1 >= p.digit_height(band_size) + 2) {
        p.text(bands[i].name, band_size, false, Color{0.40, 0.40, 0.40}, plot_left + band_col / 2,
               (y1 + y2) / 2 + p.digit_height(band_size) / 2, Align::Center);
      }
      upper = bands[i].from.to_double();
    }
  }

  // Gridlines and tick labels.
  for (int k = 0;; ++k) {
    double v = k * st.grid_step;
    if (v > 100 + 1e-9) break;
    bool labelled = std::fabs(std::remainder(v, st.label_step)) < 1e-6;
    double y = y_of(v);
    if (v > 0) p.line(plot_left, y, plot_right, y, labelled ? 0.5 : 0.3, st.grid_color);
    if (labelled) {
      p.line(plot_left - 3, y, plot_left, y, 0.6, st.axis_color);
      p.text(digits(plain_number(v)), st.text_size, false, st.text_color, plot_left - 5,
             y + p.digit_height(st.text_size) / 2, Align::Right);
    }
  }

  // Bars, scores above them, numbers and names under them.
  const double bar_w = slot * std::clamp(st.bar_fill, 0.1, 1.0);
  for (size_t i = 0; i < n; ++i) {
    const IndicatorResult& ind = a.indicators[i];
    double cx = bars_left + slot * (static_cast<double>(i) + 0.5);
    Color c = st.colour_by == BarColouring::Tier ? pick(st.tier_colors, ind.tier, Color{0.5, 0.5, 0.5})
                                                  : pick(st.instrument_colors, instrument_index(a, ind.instrument),
                                                         Color{0.5, 0.5, 0.5});
    double y = y_of(ind.score.to_double());
    if (plot_bottom - y > 0) p.rect(cx - bar_w / 2, y, bar_w, plot_bottom - y, c, darker(c), 0.5);
    p.text(digits(std::to_string(ind.number)), st.text_size, true, st.text_color, cx,
           plot_bottom + 3 + p.ascent(st.text_size), Align::Center);
    if (st.names && name_lines > 0) {
      p.wrapped(ind.short_name, name_size, false, st.text_color, cx, plot_bottom + numbers_h, slot - 2, name_lines);
    }
  }

  // Axes, and the pass line labelled in the right margin.
  draw_axes_and_pass_line(p, st, plot_left, plot_top, plot_right, plot_bottom, y_of(fw.pass_mark.to_double()), digits(pass_text));

  // The scores above the bars, over the gridlines and the pass line.
  if (st.value_labels) {
    for (size_t i = 0; i < n; ++i) {
      const IndicatorResult& ind = a.indicators[i];
      double cx = bars_left + slot * (static_cast<double>(i) + 0.5);
      std::string label = digits(format2(ind.score));
      double size = st.value_size;
      double w = p.width(label, size);
      if (w > slot - 3) size *= (slot - 3) / w;
      double baseline = y_of(ind.score.to_double()) - 3;
      if (st.pass_line) baseline = clear_of_line(p, baseline, size, y_of(fw.pass_mark.to_double()), true);
      p.label(label, size, false, st.text_color, cx, baseline, Align::Center, st.label_background);
    }
  }

  if (!legend.empty()) {
    draw_legend(p, legend, legend_layout, st.text_size, st.text_color, width, plot_bottom + numbers_h + names_h + 4);
  }
  return out;
}

std::vector<FrameItem> history_line_chart(const Analysis& a, const ChartText& text, double width, double height,
                                          const LineChartStyle& st) {
  std::vector<FrameItem> out;
  Painter p(text, out);
  const Framework& fw = a.framework;
  auto digits = [&](const std::string& s) { return convert_digits(s, text.digits); };
  const std::vector<HistoryPoint>& pts = a.history;
  const std::string pass_text = replace_all(st.pass_label, "{pass}", plain_number(fw.pass_mark));
  const double step = st.grid_step > 0 ? st.grid_step : 10;

  // The axis range.
  double lo = st.y_max;
  for (const auto& h : pts) lo = std::min(lo, h.total.to_double());
  if (st.pass_line) lo = std::min(lo, fw.pass_mark.to_double());
  double y_min = st.y_min ? *st.y_min : std::max(0.0, std::floor((lo - 5) / step) * step);
  double y_max = st.y_max;
  if (!(y_max > y_min)) y_max = y_min + step;

  double tick_w = 0;
  for (double v = y_min; v <= y_max + 1e-9; v += step) tick_w = std::max(tick_w, p.width(plain_number(v), st.text_size));
  const double left = tick_w + 5;
  const double right = std::max(st.pass_line && !pass_text.empty() ? p.width(pass_text, st.text_size) + 6 : 0.0, 6.0);
  const double plot_w = width - left - right;
  check_fits(left + right + 20, width, "the line chart's width");

  const double label_h = st.value_labels ? p.line_height(st.text_size) : 0;
  const double top = std::max(label_h * 0.8, p.digit_height(st.text_size) / 2 + 1);
  const double years_h = 3 + p.line_height(st.text_size);
  const double caption_h = st.caption.empty() ? 0 : p.line_height(st.text_size);
  const double plot_h = height - top - years_h - caption_h;
  check_fits(top + years_h + caption_h + 40, height, "the line chart's height");
  const double plot_top = top, plot_bottom = top + plot_h, plot_left = left, plot_right = left + plot_w;
  auto y_of = [&](double v) { return plot_bottom - plot_h * (std::clamp(v, y_min, y_max) - y_min) / (y_max - y_min); };

  for (int k = 0;; ++k) {
    double v = y_min + k * step;
    if (v > y_max + 1e-9) break;
    double y = y_of(v);
    if (k > 0) p.line(plot_left, y, plot_right, y, 0.4, st.grid_color);
    p.line(plot_left - 3, y, plot_left, y, 0.6, st.axis_color);
    p.text(digits(plain_number(v)), st.text_size, false, st.text_color, plot_left - 5,
           y + p.digit_height(st.text_size) / 2, Align::Right);
  }
  // Axes, and the pass line labelled in the right margin.
  draw_axes_and_pass_line(p, st, plot_left, plot_top, plot_right, plot_bottom, y_of(fw.pass_mark.to_double()), digits(pass_text));

  // A year axis: one slot per fiscal year from the first to the last, so a year without a
  // total is a gap (its year printed, no point, the line broken there).
  const size_t n = pts.size();
  const int first_year = n ? pts.front().year : 0;
  const size_t years = n ? static_cast<size_t>(pts.back().year - first_year + 1) : 0;
  const double slot = years ? plot_w / static_cast<double>(years) : plot_w;
  auto x_at = [&](int year) { return plot_left + slot * (static_cast<double>(year - first_year) + 0.5); };
  auto x_of = [&](size_t i) { return x_at(pts[i].year); };
  for (size_t i = 1; i < n; ++i) {
    if (pts[i].year != pts[i - 1].year + 1) continue;  // a missing year: no line across it
    p.line(x_of(i - 1), y_of(pts[i - 1].total.to_double()), x_of(i), y_of(pts[i].total.to_double()), st.line_width, st.line_color);
  }
  for (size_t k = 0; k < years; ++k) {
    int year = first_year + static_cast<int>(k);
    bool have = std::any_of(pts.begin(), pts.end(), [&](const HistoryPoint& h) { return h.year == year; });
    if (have) continue;
    p.line(x_at(year), plot_bottom, x_at(year), plot_bottom + 3, 0.6, st.axis_color);
    p.text(digits(std::to_string(year)), st.text_size, false, st.grid_color, x_at(year),
           plot_bottom + 3 + p.ascent(st.text_size), Align::Center);
  }
  for (size_t i = 0; i < n; ++i) {
    const HistoryPoint& h = pts[i];
    double x = x_of(i), y = y_of(h.total.to_double());
    Color c = h.current ? st.current_color : st.point_color;
    double s = st.point_size * (h.current ? 1.2 : 1.0);
    p.rect(x - s / 2, y - s / 2, s, s, c, kWhite, 0.6);
    p.line(x, plot_bottom, x, plot_bottom + 3, 0.6, st.axis_color);
    p.text(digits(std::to_string(h.year)), st.text_size, h.current, st.text_color, x,
           plot_bottom + 3 + p.ascent(st.text_size), Align::Center);
  }
  if (st.value_labels) {
    for (size_t i = 0; i < n; ++i) {
      const HistoryPoint& h = pts[i];
      double s = st.point_size * (h.current ? 1.2 : 1.0);
      std::string label = format2(h.total);
      if (st.levels && !h.level.empty()) label += " (" + h.level + ")";
      // Above the point, except at a low point (both neighbours higher) with room below it.
      bool prev_higher = i == 0 || pts[i - 1].total > h.total;
      bool next_higher = i + 1 == n || pts[i + 1].total > h.total;
      double y = y_of(h.total.to_double());
      double label_h = p.digit_height(st.text_size) + 0.2 * st.text_size;
      bool below = n > 1 && prev_higher && next_higher && plot_bottom - (y + s / 2 + 4) > label_h + 2;
      double baseline = below ? y + s / 2 + 4 + p.digit_height(st.text_size) : y - s / 2 - 4;
      if (st.pass_line) {
        // Clear of the pass line: to the side of the line the point is on.
        // A label crossing the line goes to the point's own side of it: above a point above the
        // line, below a point under it.
        double pass_y = y_of(fw.pass_mark.to_double());
        if (clear_of_line(p, baseline, st.text_size, pass_y, true) != baseline) {
          baseline = y <= pass_y ? y - s / 2 - 4 : y + s / 2 + 4 + p.digit_height(st.text_size);
          baseline = clear_of_line(p, baseline, st.text_size, pass_y, y <= pass_y);
        }
      }
      p.label(digits(label), st.text_size, h.current, h.current ? st.current_color : st.text_color, x_of(i),
              baseline, Align::Center, st.label_background);
    }
  }
  if (!st.caption.empty()) {
    p.text(digits(st.caption), st.text_size, false, st.text_color, (plot_left + plot_right) / 2,
           plot_bottom + years_h + p.ascent(st.text_size), Align::Center);
  }
  return out;
}

}  // namespace thaidoc::ita
