#include "layout/components/comment_block.h"

namespace thaidoc {

FlowBox comment_box(const MemoComment& c, const CommentStyle& style, const Template& tpl, BlockLayouter& b) {
  const double width = tpl.page.content_width();
  std::vector<FlowBox> parts;
  ParagraphStyle hs;
  hs.align = Align::Left;
  hs.line_height = tpl.body.line_height;
  b.set_pending_space(0);
  b.set_source(c.where, "comment heading");
  b.add_paragraph({InlineSpan{c.heading}}, parts, 0, width, hs, tpl.body.size, style.heading_bold, b.digits(), 0);
  b.set_pending_space(0);
  b.add_blocks(c.text, parts, 0, width);
  int dotted = c.dotted_lines >= 0 ? c.dotted_lines : style.dotted_lines;
  b.set_pending_space(0);
  b.add_dotted_lines(dotted, parts, style.dotted_indent, width - style.dotted_indent);
  parts.push_back(signature_box(c.signer, style.signature, tpl, b, width * style.signature_center));
  FlowBox box = merge_boxes(parts);
  box.space_before = style.space_before;
  box.break_before = true;
  return box;
}

}  // namespace thaidoc
