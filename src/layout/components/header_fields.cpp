#include "layout/components/header_fields.h"

#include <algorithm>

namespace thaidoc {

namespace {
void merge_metrics(RowLine& row, const TextLine& line) {
  row.ascent = std::max(row.ascent, line.ascent);
  row.descent = std::max(row.descent, line.descent);
  row.height = std::max(row.height, line.height);
}
}  // namespace

ParagraphLayout single_line(const BlockLayouter& b, const std::string& text, double size, bool bold) {
  ParagraphStyle ps;
  ps.align = Align::Left;
  return b.engine().layout(plain_spans(text, b.fonts(), size, b.digits(), bold), ps, 1e6);
}

std::vector<RowLine> labelled_field(BlockLayouter& b, const Template& tpl, const FieldStyle& fs,
                                    const std::string& label, const std::string& value, double x0, double x1,
                                    const SourceLocation& at, const char* what) {
  ParagraphLayout lab = single_line(b, label, fs.label_size, fs.label_bold);
  double value_x = x0 + lab.lines[0].natural_width + fs.label_gap;
  ParagraphStyle ps;
  ps.align = Align::Left;
  ps.line_height = fs.line_height;
  ParagraphLayout val = b.engine().layout(plain_spans(value, b.fonts(), fs.value_size, b.digits(), fs.value_bold),
                                          ps, std::max(1.0, x1 - value_x));
  int32_t source = b.ledger() ? b.ledger()->add(at, what, val.text) : -1;
  std::vector<RowLine> rows(std::max<size_t>(1, val.lines.size()));
  for (size_t k = 0; k < rows.size(); ++k) {
    RowLine& r = rows[k];
    if (k == 0) {
      merge_metrics(r, lab.lines[0]);
      std::vector<FrameItem> items = lab.lines[0].items;
      translate_items(items, x0, 0);
      r.items.insert(r.items.end(), items.begin(), items.end());
    }
    if (k < val.lines.size()) {
      merge_metrics(r, val.lines[k]);
      std::vector<FrameItem> items = val.lines[k].items;
      tag_source(items, source);
      translate_items(items, value_x, 0);
      r.items.insert(r.items.end(), items.begin(), items.end());
    }
    if (fs.dotted) {
      double y = fs.value_size * fs.dotted_offset;
      r.items.push_back(LineItem{value_x - fs.label_gap / 2, y, x1, y, tpl.dotted_line_width, Color{},
                                 {tpl.dotted_line_dash, tpl.dotted_line_dash * 1.5}});
    }
  }
  return rows;
}

std::vector<RowLine> text_rows(BlockLayouter& b, const std::string& text, double size, bool bold, double x0,
                               double x1, const SourceLocation& at, const char* what, Align align) {
  ParagraphStyle ps;
  ps.align = align;
  ps.line_height = b.style().body.line_height;
  ParagraphLayout l = b.engine().layout(plain_spans(text, b.fonts(), size, b.digits(), bold), ps, std::max(1.0, x1 - x0));
  int32_t source = b.ledger() ? b.ledger()->add(at, what, l.text) : -1;
  std::vector<RowLine> rows;
  for (const TextLine& line : l.lines) {
    RowLine r;
    merge_metrics(r, line);
    r.items = line.items;
    tag_source(r.items, source);
    translate_items(r.items, x0, 0);
    rows.push_back(std::move(r));
  }
  return rows;
}

void append_rows(std::vector<FlowBox>& out, const std::vector<RowLine>& rows, double space_before, bool keep) {
  for (size_t k = 0; k < rows.size(); ++k) {
    const RowLine& r = rows[k];
    FlowBox box;
    box.height = r.height;
    box.baseline = (r.height - r.ascent - r.descent) / 2 + r.ascent;
    box.items = r.items;
    translate_items(box.items, 0, box.baseline);
    box.space_before = k == 0 ? space_before : 0;
    box.break_before = !keep;
    out.push_back(std::move(box));
  }
}

std::vector<RowLine> side_by_side(const std::vector<RowLine>& a, const std::vector<RowLine>& b) {
  std::vector<RowLine> rows(std::max(a.size(), b.size()));
  for (size_t k = 0; k < rows.size(); ++k) {
    for (const auto* side : {&a, &b}) {
      if (k >= side->size()) continue;
      const RowLine& s = (*side)[k];
      rows[k].ascent = std::max(rows[k].ascent, s.ascent);
      rows[k].descent = std::max(rows[k].descent, s.descent);
      rows[k].height = std::max(rows[k].height, s.height);
      rows[k].items.insert(rows[k].items.end(), s.items.begin(), s.items.end());
    }
  }
  return rows;
}

}  // namespace thaidoc
