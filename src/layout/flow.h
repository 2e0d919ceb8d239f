// The vertical flow of a document: content becomes a list of boxes (one per
// text line, or an unsplittable group such as a signature block), each saying
// whether a page may break right before it. Pagination places the boxes and,
// when one does not fit, goes back to the last place a break is allowed.
// Orphans, widows, keep-with-next and "a signature never sits alone" are all
// expressed as break permissions.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "frame/frame.h"
#include "model/template.h"
#include "text/paragraph.h"

namespace thaidoc {

struct FlowBox {
  double height = 0;
  double space_before = 0;   // dropped at the top of a page
  bool break_before = true;  // may a page break come right before this box?
  bool page_break = false;   // a forced page break (no content)
  double baseline = 0;       // first baseline inside the box, from its top
  std::vector<FrameItem> items;  // x from the left margin, y from the top of the box
  // More content, drawn only where the box is placed and appended after `items` (a
  // table's row group: until pagination places it, its cells are held once, not also
  // as drawn items). Code that reads the items of a box it did not make uses
  // all_items() or materialize().
  std::function<void(std::vector<FrameItem>& out)> draw;
  std::vector<OutlineEntry> outline;  // entries whose y is relative to the box top

  // A box that may be cut across pages (a table row group): fills `head` with
  // what fits in `height` and `tail` with the rest; false when no sensible cut
  // exists (the box then moves to the next page whole). A successful cut places
  // something of the box (so cutting what is left again ends). `relaxed`: the box
  // starts a page and could not be cut by its rules (lines kept together before and
  // after a cut); cut it anyway where it can be, rather than let it run off the page.
  // An empty tail (see ended()): the head is all that is left of the box (what it
  // cut off is no content of its own, such as a restatement of a cell spanning rows).
  std::function<bool(double height, bool relaxed, FlowBox& head, FlowBox& tail)> split;
  // Placed first when this box (or what is left of it) starts a new page: a
  // table's header rows, with its continuation caption and current group row.
  std::shared_ptr<const FlowBox> repeat;
  // With page_break: the style of the pages from here on (a landscape section).
  std::optional<PageStyle> page_style;
};

// Whether a split's tail is empty: the box ended with its head.
inline bool ended(const FlowBox& tail) {
  return tail.height <= 0 && tail.items.empty() && !tail.draw && !tail.split && !tail.page_break;
}

struct LineRules {
  int orphans = 2;  // lines of a paragraph that must stay at the foot of a page
  int widows = 2;   // lines that must go together to the next page
  bool keep_with_previous = false;  // no break before the first line
};

// The box's items and what its `draw` adds.
std::vector<FrameItem> all_items(const FlowBox& box);
// Draws the box's deferred content into its items (and drops `draw`).
void materialize(FlowBox& box);

// Moves items by (dx, dy).
void translate_items(std::vector<FrameItem>& items, double dx, double dy);

// Appends each line of the paragraph as its own box, at horizontal offset x.
void append_lines(std::vector<FlowBox>& out, const ParagraphLayout& paragraph, double x, double space_before,
                  const LineRules& rules);

// Merges boxes into one unsplittable box (their spacing kept).
FlowBox merge_boxes(const std::vector<FlowBox>& boxes);

// Places the boxes on pages of the given style. The boxes are taken by value: those on
// finished pages are freed as pagination goes on, so a long table is held once, not twice.
LaidOutDocument paginate(std::vector<FlowBox> boxes, const PageStyle& page);

}  // namespace thaidoc
