// Header fields: "label value" rows, the value wrapping under itself and optionally
// sitting on a dotted line to the end of its column (บันทึกข้อความ's ส่วนราชการ, ที่, วันที่,
// เรื่อง; a letter's เรื่อง and เรียน). Any kind can use them.
#pragma once
#include <string>
#include <vector>

#include "layout/block_layout.h"
#include "model/template.h"

namespace thaidoc {

// How a field looks (a kind fills it from its own template section).
struct FieldStyle {
  double label_size = 16;
  bool label_bold = false;
  double value_size = 16;
  double label_gap = 0.2 * kPointsPerCm;  // between the label and its value
  double line_height = 1.0;                // factor for the value's lines
  bool dotted = false;                     // the value sits on a dotted line to the column's end
  double dotted_offset = 0.12;             // the dotted line below the value's baseline, x value size
  bool value_bold = false;
};

// One line of a header row: items relative to x = 0 and the baseline.
struct RowLine {
  double ascent = 0, descent = 0, height = 0;
  std::vector<FrameItem> items;
};

// One line of text, unbroken.
ParagraphLayout single_line(const BlockLayouter& b, const std::string& text, double size, bool bold);

// "label value" in [x0, x1]; the value is registered with the ledger at `at` as `what`.
std::vector<RowLine> labelled_field(BlockLayouter& b, const Template& tpl, const FieldStyle& style,
                                    const std::string& label, const std::string& value, double x0, double x1,
                                    const SourceLocation& at, const char* what);

// Text without a label in [x0, x1] (wrapping), as rows: an address line, a date.
std::vector<RowLine> text_rows(BlockLayouter& b, const std::string& text, double size, bool bold, double x0,
                               double x1, const SourceLocation& at, const char* what, Align align = Align::Left);

// Rows side by side (ที่ ... | วันที่ ...): line k of each, on one line.
std::vector<RowLine> side_by_side(const std::vector<RowLine>& a, const std::vector<RowLine>& b);

// The rows as flow boxes; `keep`: never a page break between them and what precedes.
void append_rows(std::vector<FlowBox>& out, const std::vector<RowLine>& rows, double space_before, bool keep);

}  // namespace thaidoc
