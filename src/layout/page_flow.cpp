#include "layout/page_flow.h"

#include <algorithm>

namespace thaidoc {

PageFlow::PageFlow(PageGeometry geometry) : geo_(geometry) { new_page(); }

void PageFlow::new_page() {
  Page p;
  p.width = geo_.width;
  p.height = geo_.height;
  doc_.pages.push_back(std::move(p));
  y_ = geo_.margin_top;
  at_top_ = true;
  pending_space_ = 0;
}

void PageFlow::page_break() {
  if (!at_top_) new_page();
}

void place_items(const std::vector<FrameItem>& items, double x, double baseline, Page& page) {
  for (const FrameItem& item : items) {
    FrameItem moved = item;
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, LineItem>) {
            it.x1 += x;
            it.x2 += x;
            it.y1 += baseline;
            it.y2 += baseline;
          } else {
            it.x += x;
            it.y += baseline;
          }
        },
        moved);
    page.items.push_back(std::move(moved));
  }
}

void PageFlow::place_line(const TextLine& line) {
  // The line box: its height is split so that the baseline sits `ascent` scaled
  // into the line's share (extra leading goes equally above and below).
  double natural = line.ascent + line.descent;
  double lead = (line.height - natural) / 2;
  double baseline = y_ + lead + line.ascent;
  place_items(line.items, geo_.margin_left, baseline, doc_.pages.back());
  y_ += line.height;
  at_top_ = false;
}

void PageFlow::add_paragraph(const ParagraphLayout& para, const FlowSpacing& spacing) {
  if (!at_top_) y_ += std::max(pending_space_, spacing.before);
  pending_space_ = 0;
  const auto& lines = para.lines;
  size_t i = 0;
  const size_t n = lines.size();
  while (i < n) {
    // How many of the remaining lines fit on this page?
    size_t fit = 0;
    double h = 0;
    while (i + fit < n && h + lines[i + fit].height <= space_left() + 0.01) {
      h += lines[i + fit].height;
      ++fit;
    }
    size_t remaining = n - i;
    size_t take = fit;
    if (fit < remaining) {
      if (remaining - take < static_cast<size_t>(spacing.widows) && remaining > static_cast<size_t>(spacing.widows))
        take = remaining - spacing.widows;
      if (take > fit) take = fit;
      size_t min_first = i == 0 ? static_cast<size_t>(spacing.orphans) : 1;
      if (take < min_first) take = 0;
    }
    if (take == 0 && at_top_) take = std::max<size_t>(1, fit);  // nothing else can be done
    for (size_t k = 0; k < take; ++k) place_line(lines[i + k]);
    i += take;
    if (i < n) new_page();
  }
  pending_space_ = spacing.after;
}

LaidOutDocument PageFlow::take() { return std::move(doc_); }

void add_page_numbers(LaidOutDocument& doc, const TextEngine& engine, const TextStyle& style,
                      const std::string& format, double baseline_from_top, int first_numbered,
                      const std::function<std::string(const std::string&)>& digits) {
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    int number = static_cast<int>(p) + 1;
    if (number < first_numbered) continue;
    std::string text = format;
    size_t at = text.find("{n}");
    if (at != std::string::npos) text.replace(at, 3, std::to_string(number));
    text = digits(text);
    ParagraphStyle ps;
    ps.align = Align::Left;
    Page& page = doc.pages[p];
    ParagraphLayout l = engine.layout({StyledSpan{text, style}}, ps, page.width);
    if (l.lines.empty()) continue;
    double x = (page.width - l.lines[0].natural_width) / 2;
    place_items(l.lines[0].items, x, baseline_from_top, page);
  }
}

}  // namespace thaidoc
