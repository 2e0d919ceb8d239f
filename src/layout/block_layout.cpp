#include "layout/block_layout.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "image/image.h"
#include "layout/table_layout.h"

namespace thaidoc {

std::string list_marker(ListMarker marker, int number) {
  std::string n = std::to_string(number);
  switch (marker) {
    case ListMarker::ThaiNumber: return convert_digits(n, DigitStyle::Thai) + ".";
    case ListMarker::ArabicNumber: return n + ".";
    case ListMarker::ThaiParen: return "(" + convert_digits(n, DigitStyle::Thai) + ")";
    case ListMarker::ArabicParen: return "(" + n + ")";
    case ListMarker::Dash: return "-";
    case ListMarker::Bullet: return "•";
  }
  return "-";
}

BlockLayouter::BlockLayouter(const Template& tpl, const FontSet& fonts, const TextEngine& engine, DigitStyle digits,
                             std::string base_dir)
    : tpl_(tpl), fonts_(fonts), engine_(engine), digits_(digits), base_dir_(std::move(base_dir)) {}

double BlockLayouter::body_line_height() const {
  const Font& f = *fonts_.family.regular;
  double k = tpl_.body.size / f.units_per_em();
  return (f.ascender() - f.descender() + f.line_gap()) * k * tpl_.body.line_height;
}

double BlockLayouter::take_space(double own_before) {
  double s = std::max(pending_space_, own_before);
  pending_space_ = 0;
  return s;
}

void BlockLayouter::add_blocks(const std::vector<Block>& blocks, std::vector<FlowBox>& out, double x, double width) {
  for (const Block& b : blocks) add_block(b, out, x, width, 0);
}

void BlockLayouter::add_paragraph(const InlineText& text, std::vector<FlowBox>& out, double x, double width,
                                  const ParagraphStyle& style, double size, bool bold, DigitStyle digits,
                                  double space_before) {
  auto layout = engine_.layout_shared(styled_spans(text, fonts_, size, digits, bold), style, width);
  LineRules rules{tpl_.body.orphans, tpl_.body.widows, keep_next_};
  keep_next_ = false;
  append_lines(out, *layout, x, space_before, rules);
}

void BlockLayouter::add_dotted_lines(int count, std::vector<FlowBox>& out, double x, double width) {
  double h = tpl_.memo.dotted_line_spacing > 0 ? tpl_.memo.dotted_line_spacing : body_line_height();
  const Font& f = *fonts_.family.regular;
  double k = tpl_.body.size / f.units_per_em();
  double asc = f.ascender() * k, desc = -f.descender() * k;
  double baseline = (h - asc - desc) / 2 + asc;
  for (int i = 0; i < count; ++i) {
    FlowBox box;
    box.height = h;
    box.baseline = baseline;
    box.space_before = i == 0 ? take_space(0) : 0;
    box.break_before = i == 0 ? !keep_next_ : true;
    LineItem line{x, baseline, x + width, baseline, tpl_.dotted_line_width, Color{},
                  {tpl_.dotted_line_dash, tpl_.dotted_line_dash * 1.5}};
    box.items.push_back(line);
    out.push_back(std::move(box));
  }
  keep_next_ = false;
}

void BlockLayouter::add_block(const Block& block, std::vector<FlowBox>& out, double x, double width, int level) {
  DigitStyle digits = block.digits.value_or(digits_);
  bool figure = std::holds_alternative<Chart>(block.content) || std::holds_alternative<Image>(block.content) ||
                std::holds_alternative<Table>(block.content);
  struct AfterFigure {  // remembers, for the next block, whether this one was a figure
    bool& flag;
    bool value;
    ~AfterFigure() { flag = value; }
  } remember{after_figure_, figure};
  std::visit(
      [&](const auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Paragraph>) {
          ParagraphStyle ps;
          ps.left_indent = b.left_indent;
          ps.line_height = tpl_.body.line_height;
          if (b.role == ParagraphRole::Body) {
            ps.first_line_indent = b.first_indent.value_or(level > 0 ? 0 : tpl_.body.first_indent);
            ps.align = to_align(b.align.value_or(tpl_.body.align));
            add_paragraph(b.text, out, x, width, ps, tpl_.body.size, bold_, digits,
                          take_space(tpl_.body.space_before));
            pending_space_ = tpl_.body.space_after;
          } else {
            const RoleStyle& rs = b.role == ParagraphRole::Caption ? tpl_.report.caption
                                  : b.role == ParagraphRole::Note  ? tpl_.report.note
                                                                   : tpl_.report.source;
            ps.first_line_indent = b.first_indent.value_or(rs.first_indent);
            ps.align = to_align(b.align.value_or(rs.align));
            // A caption or source line right after a figure or table stays with it.
            if (b.role != ParagraphRole::Note && after_figure_) keep_next_ = true;
            add_paragraph(b.text, out, x, width, ps, rs.size, bold_ || rs.bold, digits, take_space(rs.space_before));
            pending_space_ = rs.space_after;
          }
          if (b.keep_with_next) keep_next_ = true;
        } else if constexpr (std::is_same_v<T, Heading>) {
          const HeadingStyle& hs = tpl_.headings[std::clamp(b.level, 1, 3) - 1];
          ParagraphStyle ps;
          ps.first_line_indent = hs.first_indent;
          ps.align = to_align(b.align.value_or(hs.align));
          ps.line_height = tpl_.body.line_height;
          size_t first = out.size();
          add_paragraph(b.text, out, x, width, ps, hs.size, hs.bold, digits, take_space(hs.space_before));
          if (first < out.size())
            out[first].outline.push_back({convert_digits(plain_text(b.text), digits), b.level - 1, 0, 0});
          pending_space_ = hs.space_after;
          keep_next_ = true;
        } else if constexpr (std::is_same_v<T, List>) {
          add_list(b, digits, out, x, width, level);
        } else if constexpr (std::is_same_v<T, Image>) {
          add_image(b, out, x, width);
        } else if constexpr (std::is_same_v<T, VerticalSpace>) {
          if (out.empty() || out.back().page_break) {
            // At the start of a page (a title page) the space is kept: an empty box.
            FlowBox spacer;
            spacer.height = b.height;
            out.push_back(spacer);
          } else {
            pending_space_ += b.height;  // elsewhere it is dropped at a page top
          }
        } else if constexpr (std::is_same_v<T, PageBreak>) {
          FlowBox box;
          box.page_break = true;
          out.push_back(box);
          pending_space_ = 0;
          keep_next_ = false;
        } else if constexpr (std::is_same_v<T, DottedLines>) {
          add_dotted_lines(b.count, out, x, width);
        } else if constexpr (std::is_same_v<T, Table>) {
          double fixed = 0;
          for (const TableColumn& c : b.columns)
            fixed += c.unit == TableColumn::Unit::Points ? c.value
                     : c.unit == TableColumn::Unit::Percent ? width * c.value / 100
                                                             : 0;
          if (fixed > width + 0.5) {
            char msg[160];
            std::snprintf(msg, sizeof msg,
                          "the table's fixed column widths add up to %.1f cm, more than the %.1f cm of text width",
                          fixed / kPointsPerCm, width / kPointsPerCm);
            throw Error(block.where, msg, 2);
          }
          double before = take_space(tpl_.tables.space_before);
          size_t first = out.size();
          layout_table(b, digits, *this, out, x, width);
          if (first < out.size()) {
            out[first].space_before = std::max(out[first].space_before, before);
            if (keep_next_) out[first].break_before = false;
          }
          keep_next_ = false;
          pending_space_ = tpl_.tables.space_after;
        } else if constexpr (std::is_same_v<T, Section>) {
          add_section(b, digits, out);
        } else if constexpr (std::is_same_v<T, Chart>) {
          if (!chart_drawer_) throw Error(block.where, "a chart needs the document's ITA data (an 'ita:' section)", 2);
          double w = b.width > 0 ? std::min(b.width, width) : width;
          double h = b.height > 0 ? b.height : tpl_.report.chart_height;
          FlowBox box;
          box.height = h;
          box.space_before = take_space(tpl_.body.space_before);
          box.break_before = !keep_next_;
          keep_next_ = false;
          box.items = chart_drawer_(b, w, h);
          translate_items(box.items, x + (width - w) / 2, 0);
          out.push_back(std::move(box));
          pending_space_ = tpl_.body.space_after;
        }
      },
      block.content);
}

void BlockLayouter::add_list(const List& list, DigitStyle digits, std::vector<FlowBox>& out, double x, double width,
                             int level) {
  const ListStyle& ls = tpl_.lists;
  double marker_x = x + (level == 0 ? ls.indent : ls.level_indent);
  DigitStyle marker_digits = digits;
  if (list.marker == ListMarker::ThaiNumber || list.marker == ListMarker::ThaiParen) marker_digits = DigitStyle::Thai;
  if (list.marker == ListMarker::ArabicNumber || list.marker == ListMarker::ArabicParen)
    marker_digits = DigitStyle::Arabic;

  double marker_w = 0;
  for (size_t i = 0; i < list.items.size(); ++i) {
    std::string m = list_marker(list.marker, list.start + static_cast<int>(i));
    marker_w = std::max(marker_w, engine_.measure(plain_spans(m, fonts_, tpl_.body.size, marker_digits)));
  }
  double content_x = marker_x + marker_w + ls.marker_gap;
  for (size_t i = 0; i < list.items.size(); ++i) {
    const ListItem& item = list.items[i];
    if (i > 0) pending_space_ = std::max(pending_space_, ls.item_space);
    size_t first = out.size();
    double item_x = ls.hanging ? content_x : x;
    for (size_t k = 0; k < item.blocks.size(); ++k) {
      const Block& b = item.blocks[k];
      if (!ls.hanging && k == 0 && std::holds_alternative<Paragraph>(b.content)) {
        // The first paragraph starts after the marker and wraps back to the margin.
        Block copy = b;
        auto& p = std::get<Paragraph>(copy.content);
        if (!p.first_indent) p.first_indent = content_x - x;
        add_block(copy, out, item_x, width - (item_x - x), level + 1);
      } else {
        add_block(b, out, item_x, width - (item_x - x), level + 1);
      }
    }
    // The marker sits on the first baseline of the item.
    size_t at = first;
    while (at < out.size() && out[at].page_break) ++at;
    std::string m = list_marker(list.marker, list.start + static_cast<int>(i));
    ParagraphStyle ps;
    ps.align = Align::Left;
    ParagraphLayout ml = engine_.layout(plain_spans(m, fonts_, tpl_.body.size, marker_digits), ps, width);
    if (at < out.size() && !ml.lines.empty()) {
      std::vector<FrameItem> items = ml.lines[0].items;
      translate_items(items, marker_x, out[at].baseline);
      out[at].items.insert(out[at].items.end(), items.begin(), items.end());
    } else if (!ml.lines.empty()) {
      // An empty item: the marker on its own line.
      ParagraphLayout only = ml;
      append_lines(out, only, marker_x, take_space(0), LineRules{});
    }
  }
  pending_space_ = std::max(pending_space_, tpl_.body.space_after);
}

void BlockLayouter::add_section(const Section& section, DigitStyle digits, std::vector<FlowBox>& out) {
  PageStyle turned = tpl_.page;
  bool landscape = section.orientation == Orientation::Landscape;
  if ((turned.width > turned.height) != landscape) std::swap(turned.width, turned.height);
  FlowBox to_section;
  to_section.page_break = true;
  to_section.page_style = turned;
  out.push_back(to_section);
  pending_space_ = 0;
  keep_next_ = false;
  DigitStyle saved = digits_;
  digits_ = digits;
  for (const Block& b : section.blocks) add_block(b, out, 0, turned.content_width(), 0);
  digits_ = saved;
  FlowBox back;
  back.page_break = true;
  back.page_style = tpl_.page;
  out.push_back(back);
  pending_space_ = 0;
}

void BlockLayouter::add_image(const Image& image, std::vector<FlowBox>& out, double x, double width) {
  namespace fs = std::filesystem;
  fs::path p(image.path);
  std::string path = p.is_absolute() || base_dir_.empty() ? image.path : (fs::path(base_dir_) / p).string();
  image::Size info = image::size_of(path);
  double aspect = static_cast<double>(info.height) / info.width;
  double w = image.width, h = image.height;
  if (w <= 0 && h <= 0) {
    w = info.width * 0.75;  // 96 dpi
    h = info.height * 0.75;
  } else if (w <= 0) {
    w = h / aspect;
  } else if (h <= 0) {
    h = w * aspect;
  }
  if (w > width) {
    h *= width / w;
    w = width;
  }
  double ix = x;
  if (image.align == BlockAlign::Center) ix = x + (width - w) / 2;
  if (image.align == BlockAlign::Right) ix = x + width - w;
  FlowBox box;
  box.height = h;
  box.space_before = take_space(tpl_.body.space_before);
  box.break_before = !keep_next_;
  keep_next_ = false;
  box.items.push_back(ImageItem{path, ix, 0, w, h});
  out.push_back(std::move(box));
  pending_space_ = tpl_.body.space_after;
}

}  // namespace thaidoc
