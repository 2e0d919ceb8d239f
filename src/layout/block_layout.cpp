#include "layout/block_layout.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "base/deadline.h"
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

void report_text_warnings(SourceLedger& ledger, const SourceLocation& where, const ParagraphLayout& layout,
                          int32_t source) {
  // Once per paragraph and kind (the first), with the count of the others: in one pass over
  // the kinds, as a narrow column can give a paragraph a warning a line.
  std::map<TextWarning::Kind, size_t> count;
  for (const TextWarning& w : layout.warnings) ++count[w.kind];
  std::set<TextWarning::Kind> seen;
  for (const TextWarning& w : layout.warnings) {
    if (!seen.insert(w.kind).second) continue;
    size_t more = count[w.kind] - 1;
    std::string message = std::string(to_string(w.kind)) + ": " + w.message;
    if (more > 0) message += " (and " + std::to_string(more) + " more in this paragraph)";
    ledger.warn(where, message, source, w.offset);
  }
}

BlockLayouter::BlockLayouter(const Template& tpl, const FontSet& fonts, const TextEngine& engine, DigitStyle digits,
                             std::string base_dir)
    : tpl_(tpl), fonts_(fonts), engine_(engine), digits_(digits), base_dir_(std::move(base_dir)) {}

double BlockLayouter::body_line_height() const {
  const Font& f = *fonts_.family.regular;
  double k = tpl_.body.size / f.units_per_em();
  return (f.ascender() - f.descender() + f.line_gap()) * k * tpl_.body.line_height;
}

double BlockLayouter::text_height() const {
  const PageStyle& page = section_page_ ? *section_page_ : tpl_.page;
  return page.height - page.top_on_page(1) - page.margin_bottom;
}

double BlockLayouter::take_space(double own_before) {
  double s = std::max(pending_space_, own_before);
  pending_space_ = 0;
  return s;
}

void BlockLayouter::register_text(const std::string& text, std::vector<FlowBox>& out, size_t from) const {
  if (!ledger_) return;
  tag_source(out, from, ledger_->add(where_, what_, text));
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
  size_t first = out.size();
  append_lines(out, *layout, x, space_before, rules);
  register_text(layout->text, out, first);
  if (ledger_) report_text_warnings(*ledger_, where_, *layout, static_cast<int32_t>(ledger_->size()) - 1);
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
  check_deadline();
  DigitStyle digits = block.digits.value_or(digits_);
  struct Restore {  // the block's source position while it is laid out
    BlockLayouter& b;
    SourceLocation where;
    std::string what;
    ~Restore() { b.set_source(std::move(where), std::move(what)); }
  } restore{*this, where_, what_};
  if (!block.where.file.empty()) where_ = block.where;
  const size_t block_first = out.size();
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
            // A caption, note or source line right after a figure or table stays with
            // it (and so does the next note or source line).
            if (after_figure_ && (b.role != ParagraphRole::Note || tpl_.tables.keep_notes)) {
              keep_next_ = true;
              remember.value = true;
            }
            add_paragraph(b.text, out, x, width, ps, rs.size, bold_ || rs.bold, digits, take_space(rs.space_before));
            pending_space_ = rs.space_after;
          }
          if (b.keep_with_next) keep_next_ = true;
        } else if constexpr (std::is_same_v<T, Heading>) {
          what_ = "heading";
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
          const bool card = b.kind == Chart::Kind::ScoreCard;  // sized by report.score_card
          double w = std::min(b.width > 0 ? b.width : card ? tpl_.report.score_card.width : width, width);
          double h = b.height > 0 ? b.height : card ? tpl_.report.score_card.height : tpl_.report.chart_height;
          FlowBox box;
          box.height = h;
          box.space_before = take_space(tpl_.body.space_before);
          box.break_before = !keep_next_;
          keep_next_ = false;
          try {
            box.items = chart_drawer_(b, w, h);
          } catch (const std::invalid_argument& e) {  // the box too small for the chart's text
            throw Error(block.where, e.what(), 2);
          }
          // Height 0 (a score card by default): as tall as the chart made itself, which its
          // first item, a BoundsItem, says.
          if (h <= 0 && !box.items.empty() && std::holds_alternative<BoundsItem>(box.items.front()))
            box.height = std::get<BoundsItem>(box.items.front()).h;
          translate_items(box.items, x + (width - w) / 2, 0);
          out.push_back(std::move(box));
          pending_space_ = tpl_.body.space_after;
        }
      },
      block.content);
  if (block.keep_with_next) keep_next_ = true;
  if (block.keep_together) keep_together(block, out, block_first);
}

void BlockLayouter::keep_together(const Block& block, std::vector<FlowBox>& out, size_t from) {
  size_t n = 0;
  for (size_t i = from; i < out.size(); ++i) n += !out[i].page_break;
  if (n < 2) return;
  for (size_t i = from; i < out.size(); ++i)
    if (out[i].page_break) {
      if (ledger_)
        ledger_->warn(block.where, "keep: together ignored: the block contains a page break", first_source(out, from));
      return;
    }
  std::vector<FlowBox> parts(out.begin() + static_cast<long>(from), out.end());
  FlowBox whole = merge_boxes(parts);
  if (whole.height > text_height()) {
    if (ledger_) {
      char msg[160];
      std::snprintf(msg, sizeof msg, "keep: together: the block is %.1f cm tall, more than a page (%.1f cm); it is split",
                    whole.height / kPointsPerCm, text_height() / kPointsPerCm);
      ledger_->warn(block.where, msg, first_source(out, from));
    }
    return;
  }
  out.erase(out.begin() + static_cast<long>(from), out.end());
  out.push_back(std::move(whole));
}

DigitStyle list_marker_digits(ListMarker marker, DigitStyle digits) {
  if (marker == ListMarker::ThaiNumber || marker == ListMarker::ThaiParen) return DigitStyle::Thai;
  if (marker == ListMarker::ArabicNumber || marker == ListMarker::ArabicParen) return DigitStyle::Arabic;
  return digits;
}

double BlockLayouter::list_marker_width(const List& list, DigitStyle digits, double size) const {
  DigitStyle marker_digits = list_marker_digits(list.marker, digits);
  double widest = 0;
  for (size_t i = 0; i < list.items.size(); ++i) {
    std::string m = list_marker(list.marker, list.start + static_cast<int>(i));
    widest = std::max(widest, engine_.measure(plain_spans(m, fonts_, size, marker_digits)));
  }
  return widest;
}

void BlockLayouter::add_list(const List& list, DigitStyle digits, std::vector<FlowBox>& out, double x, double width,
                             int level) {
  const ListStyle& ls = tpl_.lists;
  double marker_x = x + (level == 0 ? ls.indent : ls.level_indent);
  DigitStyle marker_digits = list_marker_digits(list.marker, digits);
  double marker_w = list_marker_width(list, digits, tpl_.body.size);
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
      // An item whose first paragraph introduces more content acts as a heading:
      // it is never the last thing on a page.
      if (k == 0 && item.blocks.size() > 1 && std::holds_alternative<Paragraph>(b.content)) keep_next_ = true;
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
      // Before the item's text, so that readers taking text in drawing order read the marker first.
      out[at].items.insert(out[at].items.begin(), items.begin(), items.end());
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
  std::optional<PageStyle> saved_page = section_page_;
  section_page_ = turned;
  for (const Block& b : section.blocks) add_block(b, out, 0, turned.content_width(), 0);
  section_page_ = saved_page;
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
