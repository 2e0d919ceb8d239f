#include "report/report_layout.h"

#include <algorithm>

#include "ita/ita_chart.h"
#include "ita/score_card.h"
#include "base/error.h"
#include "layout/block_layout.h"
#include "layout/flow.h"
#include "image/image.h"
#include "layout/page_numbers.h"
#include "layout/styles.h"

namespace thaidoc {

namespace {

FlowBox page_break() {
  FlowBox b;
  b.page_break = true;
  return b;
}

// Centred lines in one size, as boxes.
void centred_lines(const std::vector<std::string>& lines, double size, bool bold, const BlockLayouter& b,
                   double width, std::vector<FlowBox>& out) {
  ParagraphStyle ps;
  ps.align = Align::Center;
  for (const std::string& line : lines) {
    ParagraphLayout l = b.engine().layout(plain_spans(line, b.fonts(), size, b.digits(), bold), ps, width);
    append_lines(out, l, 0, 0, LineRules{1, 1, true});
  }
}

// The cover fills its page: title from `cover_title_top`, "โดย ..." under it, the
// organisation at the foot.
FlowBox cover_box(const ReportCover& cover, const Template& tpl, const BlockLayouter& b, const std::string& base_dir) {
  const ReportStyle& rs = tpl.report;
  const double width = tpl.page.content_width();
  const double height = tpl.page.height - tpl.page.top_on_page(0) - tpl.page.margin_bottom;
  FlowBox box;
  box.height = height;
  double y = height * rs.cover_title_top;
  if (!cover.logo.empty()) {
    std::string path = cover.logo;
    if (!base_dir.empty() && path.front() != '/') path = base_dir + "/" + path;
    image::Size info = image::size_of(path);
    double h = rs.cover_logo_height, w = h * info.width / info.height;
    box.items.push_back(ImageItem{path, (width - w) / 2, std::max(0.0, y - h - 12), w, h});
  }
  auto add = [&](const std::vector<FlowBox>& lines) {
    for (const FlowBox& l : lines) {
      std::vector<FrameItem> items = l.items;
      translate_items(items, 0, y);
      box.items.insert(box.items.end(), items.begin(), items.end());
      y += l.height;
    }
  };
  std::vector<FlowBox> title, by, org;
  centred_lines(cover.title, rs.cover_title_size, true, b, width, title);
  add(title);
  if (!cover.by.empty()) {
    y += rs.cover_by_size;
    centred_lines({rs.cover_by_label, cover.by}, rs.cover_by_size, true, b, width, by);
    add(by);
  }
  centred_lines(cover.organisation, rs.cover_organisation_size, true, b, width, org);
  double org_h = 0;
  for (const FlowBox& l : org) org_h += l.height;
  y = std::max(y + rs.cover_organisation_size, height - org_h);
  add(org);
  return box;
}

struct TocEntry {
  std::string title;
  int level = 0;
  double text_end = 0;  // where the title's last line ends (for the dot leader)
};

// The headings the contents lists, from the model, as the layout will print them.
void collect_headings(const std::vector<Block>& blocks, DigitStyle digits, int levels, std::vector<TocEntry>& out) {
  for (const Block& b : blocks) {
    DigitStyle d = b.digits.value_or(digits);
    if (auto* h = std::get_if<Heading>(&b.content)) {
      if (h->level - 1 < levels) out.push_back({convert_digits(plain_text(h->text), d), h->level - 1});
    } else if (auto* l = std::get_if<List>(&b.content)) {
      for (const ListItem& item : l->items) collect_headings(item.blocks, d, levels, out);
    } else if (auto* s = std::get_if<Section>(&b.content)) {
      collect_headings(s->blocks, d, levels, out);
    }
  }
}

// Room kept for a page number: the width of "999" in the document's digits.
double number_room(const Template& tpl, const BlockLayouter& b) {
  return b.engine().measure(plain_spans(convert_digits("999", b.digits()), b.fonts(), tpl.body.size, b.digits()));
}

// One entry's title; the page number and the dot leader are drawn once the pages
// are known (a pseudo outline entry, level -1 - index, marks where).
FlowBox toc_line(TocEntry& e, size_t index, const Template& tpl, const BlockLayouter& b) {
  const ReportStyle& rs = tpl.report;
  const double width = tpl.page.content_width();
  const double size = tpl.body.size;
  double indent = e.level * rs.contents_level_indent;
  ParagraphStyle ps;
  ps.align = Align::Left;
  ps.left_indent = indent;
  ps.right_indent = number_room(tpl, b) + size;
  ParagraphLayout l = b.engine().layout(plain_spans(e.title, b.fonts(), size, b.digits(), e.level == 0), ps, width);
  std::vector<FlowBox> lines;
  append_lines(lines, l, 0, 0, LineRules{1, 1, true});
  FlowBox box = merge_boxes(lines);
  if (lines.empty()) return box;
  double y_last = box.height - lines.back().height + lines.back().baseline;
  e.text_end = indent + l.lines.back().natural_width;
  box.outline.push_back({"", -1 - static_cast<int>(index), 0, y_last});
  box.space_before = rs.contents_space;
  return box;
}

void toc_boxes(std::vector<TocEntry>& entries, const Template& tpl, const BlockLayouter& b,
               std::vector<FlowBox>& out) {
  const ReportStyle& rs = tpl.report;
  const double width = tpl.page.content_width();
  std::vector<FlowBox> head;
  centred_lines({rs.contents_heading}, rs.heading_size, true, b, width, head);
  for (FlowBox& h : head) {
    h.outline.push_back({rs.contents_heading, 0, 0, 0});
    out.push_back(std::move(h));
  }
  // "หน้า" over the page numbers.
  ParagraphStyle right;
  right.align = Align::Right;
  ParagraphLayout label = b.engine().layout(
      plain_spans(rs.contents_page_label, b.fonts(), tpl.body.size, b.digits(), true), right, width);
  append_lines(out, label, 0, 6, LineRules{1, 1, true});
  for (size_t i = 0; i < entries.size(); ++i) out.push_back(toc_line(entries[i], i, tpl, b));
}

// Draws each entry's page number at the right margin and its dot leader, where the
// pseudo outline entries say the lines landed; removes those entries.
void fill_toc_numbers(LaidOutDocument& out, const std::vector<TocEntry>& entries, const std::vector<int>& pages,
                      const Template& tpl, const BlockLayouter& b) {
  const double width = tpl.page.content_width();
  const double size = tpl.body.size;
  const double gap = size * 0.5;
  std::vector<OutlineEntry> kept;
  for (const OutlineEntry& e : out.outline) {
    if (e.level >= 0) {
      kept.push_back(e);
      continue;
    }
    size_t i = static_cast<size_t>(-1 - e.level);
    if (i >= entries.size() || i >= pages.size()) continue;
    Page& page = out.pages[static_cast<size_t>(e.page)];
    const double left = tpl.page.margin_left;
    std::string number = convert_digits(std::to_string(pages[i]), b.digits());
    ParagraphLayout num = b.engine().layout(plain_spans(number, b.fonts(), size, b.digits()), ParagraphStyle{}, 1e6);
    double number_w = num.lines[0].natural_width;
    std::vector<FrameItem> items = num.lines[0].items;
    translate_items(items, left + width - number_w, e.y);
    double from = left + entries[i].text_end + gap, to = left + width - number_w - gap;
    if (to > from)
      page.items.push_back(LineItem{from, e.y, to, e.y, tpl.dotted_line_width, Color{},
                                    {tpl.dotted_line_dash, tpl.dotted_line_dash * 2}});
    page.items.insert(page.items.end(), items.begin(), items.end());
  }
  out.outline = std::move(kept);
}

std::vector<FlowBox> report_boxes(const Document& doc, std::vector<TocEntry>& toc, BlockLayouter& b) {
  const Template& tpl = doc.style;
  const Report& r = doc.report;
  const double width = tpl.page.content_width();
  std::vector<FlowBox> out;
  if (r.cover) {
    out.push_back(cover_box(*r.cover, tpl, b, doc.base_dir));
    out.push_back(page_break());
  }
  if (r.preface) {
    std::vector<FlowBox> head;
    centred_lines({r.preface->heading}, tpl.report.heading_size, true, b, width, head);
    for (FlowBox& h : head) {
      h.outline.push_back({r.preface->heading, 0, 0, 0});
      out.push_back(std::move(h));
    }
    b.set_pending_space(tpl.body.space_after);
    b.add_blocks(r.preface->body, out, 0, width);
    // The closing lines sit right of centre, like a signature.
    ParagraphStyle ps;
    ps.align = Align::Center;
    double centre = width * tpl.memo.signature_center, half = std::min(centre, width - centre);
    bool first = true;
    for (const std::string& line : r.preface->closing) {
      ParagraphLayout l = b.engine().layout(plain_spans(line, b.fonts(), tpl.body.size, b.digits()), ps, 2 * half);
      append_lines(out, l, centre - half, first ? tpl.memo.signature_space_before * 2 : 0, LineRules{1, 1, !first});
      first = false;
    }
    out.push_back(page_break());
  }
  if (r.contents) {
    toc_boxes(toc, tpl, b, out);
    out.push_back(page_break());
  }
  b.set_pending_space(0);
  b.add_blocks(r.body, out, 0, width);
  return out;
}

}  // namespace

LaidOutDocument layout_report(const Document& doc, Resources& res) {
  const Template& tpl = doc.style;
  FontSet fonts = load_fonts(tpl.fonts, res.fonts);
  TextEngine engine(res.shapes, &res.paragraphs);
  engine.set_breaking(break_settings(tpl));
  auto chart_drawer = [&](const Chart& c, double w, double h) {
    ita::ChartText text{engine, fonts, tpl.digits};
    if (c.kind == Chart::Kind::IndicatorScores) return ita::indicator_bar_chart(*doc.ita, text, w, h);
    if (c.kind == Chart::Kind::ScoreCard) return ita::score_card(*doc.ita, text, w, h, ita::card_style(tpl.report.score_card, c));
    return ita::history_line_chart(*doc.ita, text, w, h);
  };

  // The contents lists the headings with the pages they land on. Its lines keep room
  // for the numbers, so one layout settles the pages; the numbers are drawn after.
  std::vector<TocEntry> toc;
  if (doc.report.contents) collect_headings(doc.report.body, tpl.digits, tpl.report.contents_levels, toc);
  BlockLayouter blocks(tpl, fonts, engine, tpl.digits, doc.base_dir);
  if (doc.ita) blocks.set_chart_drawer(chart_drawer);
  SourceLedger ledger;
  blocks.set_ledger(&ledger);
  blocks.set_source({doc.source}, "paragraph");
  LaidOutDocument out = paginate(report_boxes(doc, toc, blocks), tpl.page);
  out.warnings = ledger.take_warnings(out);
  out.sources = ledger.take();
  // The body's headings are the outline entries after the contents' own entry.
  std::vector<int> pages;
  bool after_contents = false;
  for (const OutlineEntry& e : out.outline) {
    if (e.level < 0) continue;
    if (!after_contents) {
      after_contents = e.title == tpl.report.contents_heading;
      continue;
    }
    if (e.level < tpl.report.contents_levels) pages.push_back(e.page + 1);
  }
  if (pages.size() != toc.size()) {
    throw Error({doc.source}, "internal: the contents found " + std::to_string(pages.size()) + " headings, expected " +
                                  std::to_string(toc.size()), 3);
  }
  fill_toc_numbers(out, toc, pages, tpl, blocks);
  DigitStyle page_digits = tpl.digits == DigitStyle::Arabic ? DigitStyle::Arabic : DigitStyle::Thai;
  add_page_numbers(out, engine, text_style(fonts, tpl.page_numbers.size), tpl.page_numbers, page_digits,
                   doc.page_number_offset);
  out.info = doc.info;
  if (out.info.language.empty()) out.info.language = "th";
  return out;
}

}  // namespace thaidoc
