// The drawing helper the ITA charts and the score card share: shapes text with the
// document's TextEngine and places text, rectangles and lines as frame items, relative
// to the chart box's top-left corner (y down).
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "ita/ita_chart.h"
#include "layout/flow.h"

namespace thaidoc::ita {

// Shapes and places text, rectangles and lines into a chart's item list.
class Painter {
 public:
  Painter(const ChartText& t, std::vector<FrameItem>& out) : t_(t), out_(out) {}

  struct Shaped {
    std::vector<FrameItem> items;  // relative to the left end of the baseline
    double width = 0;
  };

  Shaped shape(const std::string& s, double size, bool bold, Color color) const {
    std::vector<StyledSpan> spans = plain_spans(s, t_.fonts, size, t_.digits, bold);
    for (auto& span : spans) span.style.color = color;
    ParagraphStyle ps;
    ps.align = Align::Left;
    ps.optimal_breaks = false;
    ParagraphLayout l = t_.engine.layout(spans, ps, 1e5);
    Shaped out;
    if (l.lines.empty()) return out;
    out.items = l.lines[0].items;
    out.width = l.lines[0].natural_width;
    return out;
  }

  double width(const std::string& s, double size, bool bold = false) const {
    return t_.engine.measure(plain_spans(s, t_.fonts, size, t_.digits, bold));
  }

  // Places shaped text with its baseline at y; `x` is its left, centre or right per `align`.
  void put(Shaped shaped, double x, double baseline, Align align) {
    double left = align == Align::Center ? x - shaped.width / 2 : align == Align::Right ? x - shaped.width : x;
    translate_items(shaped.items, left, baseline);
    out_.insert(out_.end(), shaped.items.begin(), shaped.items.end());
  }

  void text(const std::string& s, double size, bool bold, Color color, double x, double baseline, Align align) {
    put(shape(s, size, bold, color), x, baseline, align);
  }

  // Text on a small knock-out box, so lines running behind it (gridlines, the pass line,
  // the trend line) don't cross it.
  void label(const std::string& s, double size, bool bold, Color color, double x, double baseline, Align align,
             std::optional<Color> background) {
    Shaped shaped = shape(s, size, bold, color);
    if (background) {
      double left = align == Align::Center ? x - shaped.width / 2 : align == Align::Right ? x - shaped.width : x;
      double top = baseline - digit_height(size) - 1.2, bottom = baseline + 0.18 * size;
      rect(left - 1.2, top, shaped.width + 2.4, bottom - top, *background);
    }
    put(std::move(shaped), x, baseline, align);
  }

  // Text wrapped to `width`, centred on x; the first line's top at `top`. Returns the lines used.
  int wrapped(const std::string& s, double size, bool bold, Color color, double x, double top, double width,
              int max_lines) {
    std::vector<StyledSpan> spans = plain_spans(s, t_.fonts, size, t_.digits, bold);
    for (auto& span : spans) span.style.color = color;
    ParagraphStyle ps;
    ps.align = Align::Center;
    ParagraphLayout l = t_.engine.layout(spans, ps, width);
    double y = top;
    int n = 0;
    for (const TextLine& line : l.lines) {
      if (n == max_lines) break;
      std::vector<FrameItem> items = line.items;
      translate_items(items, x - width / 2, y + ascent(size));
      out_.insert(out_.end(), items.begin(), items.end());
      y += line_height(size);
      ++n;
    }
    return n;
  }

  int count_lines(const std::string& s, double size, double width, bool bold = false) const {
    ParagraphStyle ps;
    ps.align = Align::Center;
    return static_cast<int>(t_.engine.layout(plain_spans(s, t_.fonts, size, t_.digits, bold), ps, width).lines.size());
  }

  const Font& font() const { return *t_.fonts.family.regular; }
  double ascent(double size) const { return font().to_points(font().ascender(), size); }
  double descent(double size) const { return font().to_points(-font().descender(), size); }
  double line_height(double size) const {
    return font().to_points(font().ascender() - font().descender() + font().line_gap(), size);
  }
  // Height of digits above the baseline (for centring numbers on a gridline).
  // The tallest digit (Arabic or Thai) in the regular font, measured once.
  double digit_height(double size) const {
    if (digit_units_ < 0) {
      double top = font().cap_height() > 0 ? font().cap_height() : 0.6 * font().units_per_em();
      for (char32_t c : std::u32string(U"0123456789๐๑๒๓๔๕๖๗๘๙")) {
        hb_glyph_extents_t ext;
        uint32_t gid = font().glyph_for(c);
        if (gid && hb_font_get_glyph_extents(font().hb_font(), gid, &ext)) top = std::max(top, double(ext.y_bearing));
      }
      digit_units_ = top;
    }
    return font().to_points(digit_units_, size);
  }

  void rect(double x, double y, double w, double h, Color fill, std::optional<Color> stroke = std::nullopt,
            double line_width = 0.5) {
    RectItem r;
    r.x = x;
    r.y = y;
    r.w = w;
    r.h = h;
    r.fill = true;
    r.fill_color = fill;
    r.stroke = stroke.has_value();
    if (stroke) r.stroke_color = *stroke;
    r.line_width = line_width;
    out_.push_back(r);
  }

  void line(double x1, double y1, double x2, double y2, double width, Color c, std::vector<double> dash = {}) {
    out_.push_back(LineItem{x1, y1, x2, y2, width, c, std::move(dash)});
  }

  DigitStyle digits() const { return t_.digits; }

 private:
  const ChartText& t_;
  std::vector<FrameItem>& out_;
  mutable double digit_units_ = -1;
};

}  // namespace thaidoc::ita
