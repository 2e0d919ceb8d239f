#include "layout/flow.h"

#include <algorithm>

#include "base/deadline.h"

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

std::vector<FrameItem> all_items(const FlowBox& box) {
  std::vector<FrameItem> items = box.items;
  if (box.draw) box.draw(items);
  return items;
}

void materialize(FlowBox& box) {
  if (!box.draw) return;
  box.draw(box.items);
  box.draw = nullptr;
}

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
    std::vector<FrameItem> items = all_items(b);
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

LaidOutDocument paginate(std::vector<FlowBox> boxes, const PageStyle& first_style) {
  LaidOutDocument doc;
  PageStyle style = first_style;
  struct Placed {
    size_t items_before;    // page.items.size() before this box was placed
    size_t outline_before;  // doc.outline.size() before
  };
  std::vector<Placed> placed;  // boxes on the current page, by index from page_first
  size_t page_first = 0;       // index of the first box on the current page
  double y = 0;
  double bottom = 0;

  auto set_area = [&](Page& p) {
    int index = static_cast<int>(doc.pages.size()) - 1;
    p.width = style.width;
    p.height = style.height;
    p.area = TextArea{style.margin_left, style.top_on_page(index), style.width - style.margin_right,
                      style.height - style.margin_bottom};
  };
  size_t released = 0;  // boxes before this one are on finished pages: their items are freed
  // A finished page keeps room for a few more items (page numbers, running heads) but
  // not the up to half of its items' size that growing the vector left spare.
  auto trim = [](std::vector<FrameItem>& items) {
    constexpr size_t kSpare = 8;
    if (items.capacity() <= items.size() + 2 * kSpare) return;
    std::vector<FrameItem> trimmed;
    trimmed.reserve(items.size() + kSpare);
    trimmed.insert(trimmed.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    items.swap(trimmed);
  };
  auto new_page = [&](size_t first_box) {
    check_deadline();
    for (; released < first_box && released < boxes.size(); ++released) boxes[released] = FlowBox{};
    if (!doc.pages.empty()) trim(doc.pages.back().items);
    doc.pages.emplace_back();
    set_area(doc.pages.back());
    y = style.top_on_page(static_cast<int>(doc.pages.size()) - 1);
    bottom = style.height - style.margin_bottom;
    placed.clear();
    page_first = first_box;
  };
  auto put = [&](const FlowBox& box, bool repeated = false) {
    Page& page = doc.pages.back();
    size_t from = page.items.size();
    page.items.insert(page.items.end(), box.items.begin(), box.items.end());
    if (box.draw) box.draw(page.items);
    translate_tail(page.items, from, style.margin_left, y);
    if (repeated)
      for (size_t k = from; k < page.items.size(); ++k)
        if (auto* run = std::get_if<GlyphRun>(&page.items[k])) run->repeated = true;
    for (OutlineEntry e : box.outline) {
      e.page = static_cast<int>(doc.pages.size()) - 1;
      e.y += y;
      doc.outline.push_back(e);
    }
    y += box.height;
  };
  // A box that starts a page brings its repeated content (a table header) first.
  auto start_page_with = [&](const FlowBox& box) {
    if (box.repeat && placed.empty()) put(*box.repeat, true);
  };
  new_page(0);

  std::optional<FlowBox> carry;  // what is left of boxes[i] after a split
  size_t i = 0;
  while (i < boxes.size()) {
    const FlowBox& box = carry ? *carry : boxes[i];
    bool at_top = placed.empty();
    if (box.page_break) {
      if (box.page_style) style = *box.page_style;
      bool more = false;  // a break with nothing after it makes no page
      for (size_t k = i + 1; k < boxes.size() && !more; ++k) more = !boxes[k].page_break;
      if (!more) {
        ++i;
        continue;
      }
      if (!at_top || doc.pages.back().items.size() > 0) {
        new_page(i + 1);
      } else {  // still empty: give it the new style
        set_area(doc.pages.back());
        y = style.top_on_page(static_cast<int>(doc.pages.size()) - 1);
        bottom = style.height - style.margin_bottom;
        page_first = i + 1;
      }
      ++i;
      continue;
    }
    if (at_top && box.repeat) {
      start_page_with(box);
    }
    double space = at_top ? 0 : box.space_before;
    bool fits = y + space + box.height <= bottom + 0.01;
    if (fits) {
      placed.push_back({doc.pages.back().items.size(), doc.outline.size()});
      y += space;
      put(box);
      carry.reset();
      ++i;
      continue;
    }
    // Cut the box if it can be cut here.
    double avail = bottom - y - space;
    if (box.split && avail > 0) {
      FlowBox head, tail;
      if (box.split(avail, false, head, tail) || (at_top && box.split(avail, true, head, tail))) {
        placed.push_back({doc.pages.back().items.size(), doc.outline.size()});
        y += space;
        put(head);
        if (ended(tail)) {  // nothing left of the box: go on below its head
          carry.reset();
          ++i;
          continue;
        }
        FlowBox rest = std::move(tail);
        if (!rest.repeat) rest.repeat = box.repeat;  // the header comes back above the rest
        rest.space_before = 0;
        carry = std::move(rest);
        new_page(i);
        continue;
      }
    }
    if (at_top) {  // does not fit even on an empty page, and cannot be cut: let it overflow
      placed.push_back({doc.pages.back().items.size(), doc.outline.size()});
      put(box);
      carry.reset();
      ++i;
      continue;
    }
    // Move to the next page from the last box before which a break is allowed.
    size_t j = i;
    if (!carry) {
      while (j > page_first && !boxes[j].break_before) --j;
      if (j == page_first) j = i;  // the whole page is one chain: break here anyway
    }
    if (j < i) {
      const Placed& first_moved = placed[j - page_first];
      auto& items = doc.pages.back().items;
      items.erase(items.begin() + static_cast<long>(first_moved.items_before), items.end());
      doc.outline.resize(first_moved.outline_before);
      carry.reset();
    }
    new_page(j);
    i = j;
  }
  for (Page& p : doc.pages) p.flow_items = p.items.size();
  trim(doc.pages.back().items);
  return doc;
}

}  // namespace thaidoc
