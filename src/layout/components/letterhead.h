// The head of the outward-facing kinds (หนังสือภายนอก, หนังสือประทับตรา, คำสั่ง, ประกาศ,
// หนังสือรับรอง): the Garuda centred at the top, and the row of ที่ (at the left) and the
// office's name and address (at the right).
#pragma once
#include <string>
#include <vector>

#include "layout/block_layout.h"
#include "layout/components/header_fields.h"

namespace thaidoc {

// The Garuda centred on the page, `height` high (the space is kept without an image).
FlowBox centred_emblem(const std::string& emblem, double height, const Template& tpl, const BlockLayouter& b);

// "ที่ reference" from the left margin to office_x - gap, the office's lines from office_x
// to the right margin, side by side.
void reference_and_office(BlockLayouter& b, const FieldStyle& style, const std::string& label,
                          const std::string& reference, const SourceLocation& reference_at,
                          const std::vector<std::string>& office, const SourceLocation& office_at, double office_x,
                          double space_before, std::vector<FlowBox>& out);

// Centred lines (a title, "คำสั่ง ...", "เรื่อง ..."), each registered at `at`.
void centred_text(BlockLayouter& b, const std::string& text, double size, bool bold, const SourceLocation& at,
                  const char* what, double space_before, std::vector<FlowBox>& out);

// Text from x to the right margin (the date from the centre, the closing), kept with
// what precedes it; a line too long for that room starts further left, ending at the margin.
void text_from(BlockLayouter& b, const std::string& text, double x, double size, bool bold, const SourceLocation& at,
               const char* what, double space_before, std::vector<FlowBox>& out);

}  // namespace thaidoc
