#include "layout/components/signature_block.h"

#include <algorithm>

#include "image/image.h"
#include "layout/components/emblem.h"

namespace thaidoc {

FlowBox signature_box(const Signature& signer, const SignatureStyle& style, const Template& tpl, BlockLayouter& b,
                      double center) {
  double width = tpl.page.content_width();
  double half = std::min(center, width - center);
  double col_x = center - half;
  std::vector<FlowBox> parts;
  FlowBox space;
  space.height = style.space;
  if (!signer.image.empty()) {
    std::string path = resolve_path(b.base_dir(), signer.image);
    image::Size info = image::size_of(path);
    double h = style.space * 0.8;
    double w = h * info.width / info.height;
    space.items.push_back(ImageItem{path, center - w / 2, style.space - h, w, h});
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
    ParagraphLayout l = b.engine().layout(plain_spans(text, b.fonts(), tpl.body.size, b.digits()), ps, 2 * half);
    size_t first = parts.size();
    append_lines(parts, l, col_x, 0, LineRules{1, 1, true});
    if (b.ledger()) tag_source(parts, first, b.ledger()->add(signer.where, "signature", l.text));
  }
  FlowBox box = merge_boxes(parts);
  box.space_before = style.space_before;
  box.break_before = false;  // never alone at the top of a page
  return box;
}

}  // namespace thaidoc
