// Places laid-out paragraph lines on pages, top to bottom, starting a new page
// when the current one is full. Keeps at least `orphans` lines of a paragraph
// at the foot of a page and `widows` lines at the head of the next.
#pragma once
#include <functional>
#include <string>

#include "frame/frame.h"
#include "text/paragraph.h"

namespace thaidoc {

struct PageGeometry {
  double width = 595.276;  // A4 in points
  double height = 841.89;
  double margin_top = 70.866;     // 2.5 cm
  double margin_bottom = 56.693;  // 2 cm
  double margin_left = 85.039;    // 3 cm
  double margin_right = 56.693;   // 2 cm
  double content_width() const { return width - margin_left - margin_right; }
};

struct FlowSpacing {
  double before = 0;  // points; dropped at the top of a page
  double after = 0;
  int orphans = 2;
  int widows = 2;
};

class PageFlow {
 public:
  explicit PageFlow(PageGeometry geometry);

  void add_paragraph(const ParagraphLayout& paragraph, const FlowSpacing& spacing);
  void page_break();

  // Pages so far (the last one may be partly filled).
  LaidOutDocument& document() { return doc_; }
  const PageGeometry& geometry() const { return geo_; }
  LaidOutDocument take();

 private:
  void new_page();
  double space_left() const { return geo_.height - geo_.margin_bottom - y_; }
  void place_line(const TextLine& line);

  PageGeometry geo_;
  LaidOutDocument doc_;
  double y_ = 0;  // top of the free space on the current page
  bool at_top_ = true;
  double pending_space_ = 0;
};

// Moves every item of `line` by (x, baseline) and appends it to `page`.
void place_items(const std::vector<FrameItem>& items, double x, double baseline, Page& page);

// Adds page numbers such as "- ๒ -" centred at the top of every page from
// `first_numbered` (1-based) on. `format` holds "{n}" for the number.
void add_page_numbers(LaidOutDocument& doc, const TextEngine& engine, const TextStyle& style,
                      const std::string& format, double baseline_from_top, int first_numbered,
                      const std::function<std::string(const std::string&)>& digits);

}  // namespace thaidoc
