#include "layout/flow.h"

#include <algorithm>

namespace thaidoc {

namespace {
void translate_tail(std::vector<FrameItem>& items, size_t from, double dx, double dy) {
  for (size_t k = from; k < items.size(); ++k) {
    FrameItem& item = items[k];
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, LineItem>) {
            it.x1 += dx;
            it.x2 += dx;
            it.y1 += dy;
            it.y2 += dy;
          } else {
            it.x += dx;
            it.y += dy;
          }
        },
        item);
  }
}
}  // namespace

void translate_items(std::vector<FrameItem>& items, double dx, double dy) { translate_tail(items, 0, dx, dy); }

void append_lines(std::vector<FlowBox>& out, const ParagraphLayout& para, double x, double space_before,
                  const LineRules& rules) {
  const size_t n = para.lines.size();
  for (size_t k = 0; k < n; ++k) {
    const TextLine& line = para.lines[k];
    FlowBox box;
    box.height = line.height;
    // Extra leading is shared above and below the line's ascent + descent.
    box.baseline = (line.height - line.ascent - line.descent) / 2 + line.ascent;
    box.items = line.items;
    translate_items(box.items, x, box.baseline);
    if (k == 0) {
      box.space_before = space_before;
      box.break_before = !rules.keep_with_previous;
    } else {
      bool orphan = static_cast<int>(k) < rules.orphans;
      bool widow = static_cast<int>(n - k) < rules.widows;
      box.break_before = !orphan && !widow;
    }
    out.push_back(std::move(box));
  }
}

FlowBox merge_boxes(const std::vector<FlowBox>& boxes) {
  FlowBox merged;
  double y = 0;
  bool first = true;
  for (const FlowBox& b : boxes) {
    if (b.page_break) continue;
    if (!first) y += b.space_before;
    if (first) {
      merged.space_before = b.space_before;
      merged.break_before = b.break_before;
      merged.baseline = b.baseline;
    }
    std::vector<FrameItem> items = b.items;
    translate_items(items, 0, y);
    merged.items.insert(merged.items.end(), items.begin(), items.end());
    for (OutlineEntry e : b.outline) {
      e.y += y;
      merged.outline.push_back(e);
    }
    y += b.height;
    first = false;
  }
  merged.height = y;
  return merged;
}

LaidOutDocument paginate(const std::vector<FlowBox>& boxes, const PageStyle& style) {
  LaidOutDocument doc;
  struct Placed {
    size_t items_before;    // page.items.size() before this box was placed
    size_t outline_before;  // doc.outline.size() before
  };
  std::vector<Placed> placed;  // boxes on the current page, by index from page_first
  size_t page_first = 0;       // index of the first box on the current page
  double y = 0;
  double bottom = style.height - style.margin_bottom;

  auto new_page = [&](size_t first_box) {
    Page p;
    p.width = style.width;
    p.height = style.height;
    doc.pages.push_back(std::move(p));
    y = style.top_on_page(static_cast<int>(doc.pages.size()) - 1);
    placed.clear();
    page_first = first_box;
  };
  new_page(0);

  size_t i = 0;
  while (i < boxes.size()) {
    const FlowBox& box = boxes[i];
    bool at_top = placed.empty();
    if (box.page_break) {
      if (!at_top) new_page(i + 1);
      else page_first = i + 1;
      ++i;
      continue;
    }
    double space = at_top ? 0 : box.space_before;
    if (y + space + box.height > bottom + 0.01 && !at_top) {
      // Find the last box on this page before which a break is allowed.
      size_t j = i;
      while (j > page_first && !boxes[j].break_before) --j;
      if (j == page_first) j = i;  // the whole page is one chain: break here anyway
      if (j < i) {
        const Placed& first_moved = placed[j - page_first];
        doc.pages.back().items.resize(first_moved.items_before);
        doc.outline.resize(first_moved.outline_before);
      }
      new_page(j);
      i = j;
      continue;
    }
    Page& page = doc.pages.back();
    placed.push_back({page.items.size(), doc.outline.size()});
    y += space;
    for (const FrameItem& item : box.items) page.items.push_back(item);
    translate_tail(page.items, placed.back().items_before, style.margin_left, y);
    for (OutlineEntry e : box.outline) {
      e.page = static_cast<int>(doc.pages.size()) - 1;
      e.y += y;
      doc.outline.push_back(e);
    }
    y += box.height;
    ++i;
  }
  return doc;
}

}  // namespace thaidoc
