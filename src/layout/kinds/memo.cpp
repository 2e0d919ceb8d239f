// kind: memo — บันทึกข้อความ, the internal memo: emblem and title, header fields on
// dotted lines, body, closing, signature block right of centre, comment blocks for
// superiors; speed and secrecy stamps. Model: model/memo.h; settings: the template's
// `memo:` section (memo.yaml).
#include "layout/kinds/kind.h"

#include <algorithm>

#include "input/error_collector.h"
#include "layout/components/comment_block.h"
#include "layout/components/emblem.h"
#include "layout/components/header_fields.h"
#include "layout/components/signature_block.h"

namespace thaidoc {

namespace {

void read(const YamlNode& node, ContentReader& reader, Document& doc) {
  node.expect_map();
  node.check_keys({"speed", "secrecy", "emblem", "agency", "reference", "date", "subject", "to", "body", "closing",
                   "signer", "comments"});
  doc.stamps = ContentReader::stamps(node);
  Memo& m = doc.memo;
  // Each part on its own: an error in one is reported and the others are still read.
  attempt([&] {
    if (auto n = node.get("emblem")) m.emblem = reader.image(*n);
  });
  attempt([&] {
    m.agency_at = node.required("agency").where();
    m.agency = node.required("agency").as_nonempty_string();
  });
  attempt([&] {
    m.reference_at = node.required("reference").where();
    m.reference = node.required("reference").as_nonempty_string();
  });
  attempt([&] {
    YamlNode date = node.required("date");
    m.date_at = date.where();
    m.date = ContentReader::date(date);
  });
  attempt([&] {
    m.subject_at = node.required("subject").where();
    m.subject = node.required("subject").as_nonempty_string();
  });
  attempt([&] {
    m.to_at = node.required("to").where();
    m.to = node.required("to").as_nonempty_string();
  });
  attempt([&] { m.body = reader.blocks(node.required("body")); });
  m.closing_at = node.where();
  attempt([&] {
    if (auto n = node.get("closing")) {
      m.closing = n->as_string();
      m.closing_at = n->where();
    }
  });
  attempt([&] { m.signer = reader.signature(node.required("signer")); });
  attempt([&] {
    if (auto n = node.get("comments")) {
      for (const auto& item : n->items()) attempt([&] { m.comments.push_back(reader.comment(item)); });
    }
  });
  std::vector<std::string>& words = doc.style.line_breaking.dictionary;
  add_name_entries(words, m.agency, false);
  add_name_entries(words, m.to, false);
  add_signer_names(words, m.signer);
  for (const auto& c : m.comments) add_signer_names(words, c.signer);
  set_default_info(doc, m.subject, m.agency, m.date);
}

FieldStyle header_style(const MemoStyle& ms, bool dotted) {
  FieldStyle fs;
  fs.label_size = ms.label_size;
  fs.label_bold = ms.label_bold;
  fs.value_size = ms.value_size;
  fs.label_gap = ms.label_gap;
  fs.line_height = ms.header_line_height;
  fs.dotted = dotted && ms.dotted_values;
  fs.dotted_offset = ms.dotted_offset;
  return fs;
}

SignatureStyle signature_style(const MemoStyle& ms) { return {ms.signature_space, ms.signature_space_before}; }

// Emblem at the top-left and the title centred on the page, level with it.
FlowBox title_box(const Memo& memo, const Template& tpl, BlockLayouter& b) {
  const MemoStyle& ms = tpl.memo;
  FlowBox box;
  double emblem_h = ms.emblem_height;
  if (!memo.emblem.empty()) box.items.push_back(emblem_item(b.base_dir(), memo.emblem, 0, 0, emblem_h));
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

void layout(const Document& doc, BlockLayouter& b, std::vector<FlowBox>& out) {
  const Memo& memo = doc.memo;
  const Template& tpl = b.style();
  const MemoStyle& ms = tpl.memo;
  const double width = tpl.page.content_width();

  out.push_back(title_box(memo, tpl, b));

  // ส่วนราชการ / ที่ + วันที่ / เรื่อง: labels and values on dotted lines.
  const FieldStyle fields = header_style(ms, true);
  append_rows(out, labelled_field(b, tpl, fields, ms.agency_label, memo.agency, 0, width, memo.agency_at,
                                  "memo agency"),
              ms.space_after_title, true);
  double date_x = width * ms.date_column;
  std::string date = format_thai_date(memo.date, tpl.months, b.digits());
  auto ref = labelled_field(b, tpl, fields, ms.reference_label, memo.reference, 0, date_x - ms.label_gap,
                            memo.reference_at, "memo reference");
  auto when = labelled_field(b, tpl, fields, ms.date_label, date, date_x, width, memo.date_at, "memo date");
  append_rows(out, side_by_side(ref, when), 0, true);
  append_rows(out, labelled_field(b, tpl, fields, ms.subject_label, memo.subject, 0, width, memo.subject_at,
                                  "memo subject"),
              0, true);
  FieldStyle to = header_style(ms, false);
  to.label_size = ms.to_label_size;
  to.label_bold = ms.to_label_bold;
  append_rows(out, labelled_field(b, tpl, to, ms.to_label, memo.to, 0, width, memo.to_at, "memo addressee"),
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
  out.push_back(signature_box(memo.signer, signature_style(ms), tpl, b, width * ms.signature_center));

  // Comment blocks: each one piece, never split.
  CommentStyle cs;
  cs.dotted_lines = ms.comment_dotted_lines;
  cs.heading_bold = ms.comment_heading_bold;
  cs.dotted_indent = ms.comment_dotted_indent;
  cs.space_before = ms.comment_space_before;
  cs.signature_center = ms.signature_center;
  cs.signature = signature_style(ms);
  for (const MemoComment& c : memo.comments) out.push_back(comment_box(c, cs, tpl, b));
}

}  // namespace

extern const Kind kMemoKind{"memo", "memo", "memo", "บันทึกข้อความ (internal memo)", read, nullptr, layout, nullptr};

}  // namespace thaidoc
