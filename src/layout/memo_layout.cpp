#include "layout/memo_layout.h"

#include <algorithm>
#include <filesystem>

#include "image/image.h"

namespace thaidoc {

namespace {

// One line of a header row: items relative to x = 0 and the baseline.
struct RowLine {
  double ascent = 0, descent = 0, height = 0;
  std::vector<FrameItem> items;
};

void merge_metrics(RowLine& row, const TextLine& line) {
  row.ascent = std::max(row.ascent, line.ascent);
  row.descent = std::max(row.descent, line.descent);
  row.height = std::max(row.height, line.height);
}

ParagraphLayout single_line(BlockLayouter& b, const std::string& text, double size, bool bold) {
  ParagraphStyle ps;
  ps.align = Align::Left;
  return b.engine().layout(plain_spans(text, b.fonts(), size, b.digits(), bold), ps, 1e6);
}

// "label value" in [x0, x1]: the value wraps under itself; optionally dotted to x1.
std::vector<RowLine> labelled_field(BlockLayouter& b, const Template& tpl, const std::string& label, double label_size,
                                    bool label_bold, const std::string& value, double x0, double x1, bool dotted,
                                    const SourceLocation& at, const char* what) {
  const MemoStyle& ms = tpl.memo;
  ParagraphLayout lab = single_line(b, label, label_size, label_bold);
  double value_x = x0 + lab.lines[0].natural_width + ms.label_gap;
  ParagraphStyle ps;
  ps.align = Align::Left;
  ps.line_height = ms.header_line_height;
  ParagraphLayout val =
      b.engine().layout(plain_spans(value, b.fonts(), ms.value_size, b.digits()), ps, std::max(1.0, x1 - value_x));
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
    if (dotted) {
      double y = ms.value_size * ms.dotted_offset;
      r.items.push_back(LineItem{value_x - ms.label_gap / 2, y, x1, y, tpl.dotted_line_width, Color{},
                                 {tpl.dotted_line_dash, tpl.dotted_line_dash * 1.5}});
    }
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

std::string resolve(const std::string& base_dir, const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty() || fs::path(path).is_absolute() || base_dir.empty()) return path;
  return (fs::path(base_dir) / path).string();
}

// Emblem at the top-left and the title centred on the page, level with it.
FlowBox title_box(const Memo& memo, const Template& tpl, BlockLayouter& b, const std::string& base_dir) {
  const MemoStyle& ms = tpl.memo;
  FlowBox box;
  double emblem_h = ms.emblem_height;
  if (!memo.emblem.empty()) {
    std::string path = resolve(base_dir, memo.emblem);
    image::Size info = image::size_of(path);
    double w = emblem_h * info.width / info.height;
    box.items.push_back(ImageItem{path, 0, 0, w, emblem_h});
  }
  ParagraphLayout title = single_line(b, ms.title, ms.title_size, true);
  const TextLine& line = title.lines[0];
  double x = tpl.page.width / 2 - tpl.page.margin_left - line.natural_width / 2;
  double baseline = std::max(emblem_h - ms.title_baseline_raise, line.ascent);
  std::vector<FrameItem> items = line.items;
  translate_items(items, x, baseline);
  box.items.insert(box.items.end(), items.begin(), items.end());
  box.baseline = baseline;
  box.height = std::max(emblem_h, baseline + line.descent);
  return box;
}

}  // namespace

FlowBox signature_box(const Signature& signer, const Template& tpl, BlockLayouter& b, double center,
                      const std::string& base_dir) {
  const MemoStyle& ms = tpl.memo;
  double width = tpl.page.content_width();
  double half = std::min(center, width - center);
  double col_x = center - half;
  std::vector<FlowBox> parts;
  FlowBox space;
  space.height = ms.signature_space;
  if (!signer.image.empty()) {
    std::string path = resolve(base_dir, signer.image);
    image::Size info = image::size_of(path);
    double h = ms.signature_space * 0.8;
    double w = h * info.width / info.height;
    space.items.push_back(ImageItem{path, center - w / 2, ms.signature_space - h, w, h});
  }
  parts.push_back(space);
  std::vector<std::string> lines;
  if (!signer.name.empty()) lines.push_back("(" + signer.name + ")");
  for (size_t i = 0; i < signer.positions.size(); ++i) {
    if (!signer.acting.empty() && i + 1 == signer.positions.size()) lines.push_back(signer.acting);
    lines.push_back(signer.positions[i]);
  }
  if (!signer.acting.empty() && signer.positions.empty()) lines.push_back(signer.acting);
  ParagraphStyle ps;
  ps.align = Align::Center;
  ps.line_height = tpl.body.line_height;
  for (const std::string& text : lines) {
    ParagraphLayout l =
        b.engine().layout(plain_spans(text, b.fonts(), tpl.body.size, b.digits()), ps, 2 * half);
    size_t first = parts.size();
    append_lines(parts, l, col_x, 0, LineRules{1, 1, true});
    if (b.ledger()) tag_source(parts, first, b.ledger()->add(signer.where, "signature", l.text));
  }
  FlowBox box = merge_boxes(parts);
  box.space_before = ms.signature_space_before;
  box.break_before = false;  // never alone at the top of a page
  return box;
}

void layout_memo(const Memo& memo, const Template& tpl, BlockLayouter& b, std::vector<FlowBox>& out) {
  const MemoStyle& ms = tpl.memo;
  const double width = tpl.page.content_width();
  const std::string base_dir = b.base_dir();

  FlowBox title = title_box(memo, tpl, b, base_dir);
  out.push_back(title);

  // ส่วนราชการ / ที่ + วันที่ / เรื่อง: labels and values on dotted lines.
  append_rows(out, labelled_field(b, tpl, ms.agency_label, ms.label_size, ms.label_bold, memo.agency, 0, width,
                                  ms.dotted_values, memo.agency_at, "memo agency"),
              ms.space_after_title, true);
  double date_x = width * ms.date_column;
  std::string date = format_thai_date(memo.date, tpl.months, b.digits());
  auto ref = labelled_field(b, tpl, ms.reference_label, ms.label_size, ms.label_bold, memo.reference, 0,
                            date_x - ms.label_gap, ms.dotted_values, memo.reference_at, "memo reference");
  auto when = labelled_field(b, tpl, ms.date_label, ms.label_size, ms.label_bold, date, date_x, width,
                             ms.dotted_values, memo.date_at, "memo date");
  append_rows(out, side_by_side(ref, when), 0, true);
  append_rows(out, labelled_field(b, tpl, ms.subject_label, ms.label_size, ms.label_bold, memo.subject, 0, width,
                                  ms.dotted_values, memo.subject_at, "memo subject"),
              0, true);
  append_rows(out, labelled_field(b, tpl, ms.to_label, ms.to_label_size, ms.to_label_bold, memo.to, 0, width, false,
                                  memo.to_at, "memo addressee"),
              ms.space_before_to, true);
  b.set_pending_space(ms.space_after_header);

  size_t body_first = out.size();
  b.add_blocks(memo.body, out, 0, width);
  // The closing never starts a page: at least `closing_keep_lines` lines of the body
  // go with it (and the signature after it).
  int keep = ms.closing_keep_lines;
  for (size_t i = out.size(); keep > 1 && i > body_first + 1; --i) {
    if (out[i - 1].page_break) break;
    out[i - 1].break_before = false;
    --keep;
  }
  if (ms.closing_keep_lines > 0) b.keep_with_next();

  // Closing line, indented like a paragraph, then the signature kept with it.
  std::string closing = memo.closing.empty() ? ms.closing : memo.closing;
  ParagraphStyle ps;
  ps.first_line_indent = tpl.body.first_indent;
  ps.align = Align::Left;
  ps.line_height = tpl.body.line_height;
  b.set_source(memo.closing_at, "memo closing");
  b.add_paragraph({InlineSpan{closing}}, out, 0, width, ps, tpl.body.size, false, b.digits(),
                  std::max(b.pending_space(), ms.closing_space_before));
  b.set_pending_space(0);
  out.push_back(signature_box(memo.signer, tpl, b, width * ms.signature_center, base_dir));

  // Comment blocks: each one piece, never split.
  for (const MemoComment& c : memo.comments) {
    std::vector<FlowBox> parts;
    ParagraphStyle hs;
    hs.align = Align::Left;
    hs.line_height = tpl.body.line_height;
    b.set_pending_space(0);
    b.set_source(c.where, "comment heading");
    b.add_paragraph({InlineSpan{c.heading}}, parts, 0, width, hs, tpl.body.size, ms.comment_heading_bold,
                    b.digits(), 0);
    b.set_pending_space(0);
    b.add_blocks(c.text, parts, 0, width);
    int dotted = c.dotted_lines >= 0 ? c.dotted_lines : ms.comment_dotted_lines;
    b.set_pending_space(0);
    b.add_dotted_lines(dotted, parts, ms.comment_dotted_indent, width - ms.comment_dotted_indent);
    parts.push_back(signature_box(c.signer, tpl, b, width * ms.signature_center, base_dir));
    FlowBox box = merge_boxes(parts);
    box.space_before = ms.comment_space_before;
    box.break_before = true;
    out.push_back(std::move(box));
  }
}

}  // namespace thaidoc
