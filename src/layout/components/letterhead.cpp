#include "layout/components/letterhead.h"

#include <algorithm>

#include "layout/components/emblem.h"

namespace thaidoc {

FlowBox centred_emblem(const std::string& emblem, double height, const Template& tpl, const BlockLayouter& b) {
  FlowBox box;
  box.height = height;
  box.baseline = height;
  if (!emblem.empty()) {
    ImageItem item = emblem_item(b.base_dir(), emblem, 0, 0, height);
    item.x = tpl.page.width / 2 - tpl.page.margin_left - item.w / 2;
    box.items.push_back(item);
  }
  return box;
}

void reference_and_office(BlockLayouter& b, const FieldStyle& style, const std::string& label,
                          const std::string& reference, const SourceLocation& reference_at,
                          const std::vector<std::string>& office, const SourceLocation& office_at, double office_x,
                          double space_before, std::vector<FlowBox>& out) {
  const double width = b.style().page.content_width();
  std::vector<RowLine> left;
  if (!reference.empty())
    left = labelled_field(b, b.style(), style, label, reference, 0, office_x - style.label_gap, reference_at,
                          "reference");
  std::vector<RowLine> right;
  for (const std::string& line : office) {
    auto rows = text_rows(b, line, style.value_size, false, office_x, width, office_at, "office");
    right.insert(right.end(), rows.begin(), rows.end());
  }
  append_rows(out, side_by_side(left, right), space_before, true);
}

void centred_text(BlockLayouter& b, const std::string& text, double size, bool bold, const SourceLocation& at,
                  const char* what, double space_before, std::vector<FlowBox>& out) {
  const double width = b.style().page.content_width();
  append_rows(out, text_rows(b, text, size, bold, 0, width, at, what, Align::Center), space_before, true);
}

void text_from(BlockLayouter& b, const std::string& text, double x, double size, bool bold, const SourceLocation& at,
               const char* what, double space_before, std::vector<FlowBox>& out) {
  const double width = b.style().page.content_width();
  // A line longer than the room from x moves left to end at the right margin, rather than wrap.
  double natural = single_line(b, text, size, bold).lines[0].natural_width;
  if (x + natural > width) x = std::max(0.0, width - natural);
  append_rows(out, text_rows(b, text, size, bold, x, width, at, what), space_before, true);
}

}  // namespace thaidoc
