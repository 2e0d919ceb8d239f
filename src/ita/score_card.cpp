#include "ita/score_card.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "ita/chart_painter.h"

namespace thaidoc::ita {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

}  // namespace

ScoreCardStyle card_style(const ScoreCardStyle& style, const Chart& block) {
  ScoreCardStyle s = style;
  if (block.title) s.title = *block.title;
  if (block.unit) s.unit = *block.unit;
  if (block.label) s.label = *block.label;
  if (block.note) s.note = *block.note;
  return s;
}

std::string score_card_text(const std::string& text, const Analysis& a) {
  std::string s = text;
  s = replace_all(s, "{organisation}", a.organisation);
  s = replace_all(s, "{year}", std::to_string(a.year));
  s = replace_all(s, "{total}", a.total().str());
  s = replace_all(s, "{level}", a.level);
  s = replace_all(s, "{passed}", pass_word(a.passed));
  s = replace_all(s, "{pass}", a.framework.pass_mark.whole_or_2());
  return s;
}

std::vector<FrameItem> score_card(const Analysis& a, const ChartText& text, double width, double height,
                                  const ScoreCardStyle& st) {
  std::vector<FrameItem> out;
  Painter p(text, out);
  const std::string title = score_card_text(st.title, a);
  const std::string unit = score_card_text(st.unit, a);
  const std::string label = score_card_text(st.label, a);
  const std::string note = score_card_text(st.note, a);
  const double inner = width - 2 * st.padding;
  if (inner <= st.badge_size) {
    throw std::invalid_argument("a score card needs a width above " + std::to_string(static_cast<int>(
                                    std::ceil(st.badge_size + 2 * st.padding))) + "pt");
  }

  // The stack of lines, top to bottom: its height decides where it starts.
  // Every line of every text is kept (never cut): a text too long for the box is an error.
  auto lines = [&](const std::string& s, double size, bool bold = false) {
    return s.empty() ? 0 : p.count_lines(s, size, inner, bold);
  };
  const int title_lines = lines(title, st.title_size, true), label_lines = lines(label, st.text_size),
            note_lines = lines(note, st.text_size);
  std::vector<double> heights;
  if (title_lines) heights.push_back(title_lines * p.line_height(st.title_size));
  // The total's line: its digits (no ascender or descender of their own) and the unit's
  // descent, with a fifth of the size above for air.
  const double total_rise = 1.2 * p.digit_height(st.total_size);
  const double total_h = total_rise + p.descent(st.text_size);
  heights.push_back(total_h);
  if (label_lines) heights.push_back(label_lines * p.line_height(st.text_size));
  heights.push_back(st.badge_size);
  if (note_lines) heights.push_back(note_lines * p.line_height(st.text_size));
  double content = st.gap * static_cast<double>(heights.size() - 1);
  for (double h : heights) content += h;
  const double needed = content + 2 * st.padding;
  if (height <= 0) height = needed;  // as tall as its lines need
  if (needed > height + 1e-6) {
    throw std::invalid_argument("a score card needs a height of at least " +
                                std::to_string(static_cast<int>(std::ceil(needed))) + "pt, the box has " +
                                std::to_string(static_cast<int>(std::floor(height))) + "pt");
  }

  // The card's box (not drawn): its items lie inside it, and it tells the layout the card's
  // height when the card sizes itself.
  out.push_back(BoundsItem{0, 0, width, height, 0});
  if (st.border || st.fill) {
    RectItem r;
    r.x = st.border_width / 2;
    r.y = st.border_width / 2;
    r.w = width - st.border_width;
    r.h = height - st.border_width;
    r.fill = st.fill;
    r.fill_color = st.fill_color;
    r.stroke = st.border;
    r.stroke_color = st.border_color;
    r.line_width = st.border_width;
    out.push_back(r);
  }

  const double cx = width / 2;
  double y = (height - content) / 2;
  if (title_lines) {
    p.wrapped(title, st.title_size, true, st.text_color, cx, y, inner, title_lines);
    y += title_lines * p.line_height(st.title_size) + st.gap;
  }
  // The total and its unit on one baseline, centred together.
  {
    Painter::Shaped number = p.shape(a.total().str(), st.total_size, true, st.total_color);
    Painter::Shaped u = p.shape(unit, st.text_size, false, st.text_color);
    const double space = unit.empty() ? 0 : 0.3 * st.text_size;
    const double w = number.width + space + (unit.empty() ? 0 : u.width);
    const double baseline = y + total_rise;
    p.put(std::move(number), cx - w / 2, baseline, Align::Left);
    if (!unit.empty()) p.put(std::move(u), cx + w / 2, baseline, Align::Right);
    y += total_h + st.gap;
  }
  if (label_lines) {
    p.wrapped(label, st.text_size, false, st.text_color, cx, y, inner, label_lines);
    y += label_lines * p.line_height(st.text_size) + st.gap;
  }
  // The badge: the level's colour, the level centred on it.
  {
    size_t index = st.level_colors.size();
    for (size_t i = 0; i < a.framework.levels.size(); ++i)
      if (a.framework.levels[i].name == a.level) index = i;
    Color fill = st.level_colors.empty() ? Color{0.5, 0.5, 0.5}
                 : index < a.framework.levels.size() ? st.level_colors[index % st.level_colors.size()]
                                                     : st.level_colors.back();
    p.rect(cx - st.badge_size / 2, y, st.badge_size, st.badge_size, fill);
    const double baseline = y + st.badge_size / 2 + p.digit_height(st.badge_text_size) / 2;
    p.text(a.level, st.badge_text_size, true, st.badge_text_color, cx, baseline, Align::Center);
    y += st.badge_size + st.gap;
  }
  if (note_lines) p.wrapped(note, st.text_size, false, st.text_color, cx, y, inner, note_lines);
  std::get<BoundsItem>(out.front()).count = static_cast<uint32_t>(out.size() - 1);
  return out;
}

}  // namespace thaidoc::ita
