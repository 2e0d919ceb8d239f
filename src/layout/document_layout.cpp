#include "layout/document_layout.h"

#include "layout/block_layout.h"
#include "layout/flow.h"
#include "layout/memo_layout.h"
#include "layout/minutes_layout.h"
#include "layout/page_numbers.h"
#include "layout/styles.h"

namespace thaidoc {

LaidOutDocument layout_document(const Document& doc, Resources& res) {
  const Template& tpl = doc.style;
  FontSet fonts = load_fonts(tpl.fonts, res.fonts);
  TextEngine engine(res.shapes, &res.paragraphs);
  engine.set_breaking(break_settings(tpl));
  BlockLayouter blocks(tpl, fonts, engine, tpl.digits, doc.base_dir);
  SourceLedger ledger;
  blocks.set_ledger(&ledger);
  blocks.set_source({doc.source}, "paragraph");

  std::vector<FlowBox> boxes;
  if (doc.kind == DocumentKind::Memo) layout_memo(doc.memo, tpl, blocks, boxes);
  else if (doc.kind == DocumentKind::Minutes) layout_minutes(doc.minutes, tpl, blocks, boxes);
  else blocks.add_blocks(doc.blocks, boxes, 0, tpl.page.content_width());

  LaidOutDocument out = paginate(std::move(boxes), tpl.page);
  out.sources = ledger.take();
  out.warnings = ledger.take_warnings();
  DigitStyle page_digits = tpl.digits == DigitStyle::Arabic ? DigitStyle::Arabic : DigitStyle::Thai;
  add_page_numbers(out, engine, text_style(fonts, tpl.page_numbers.size), tpl.page_numbers, page_digits,
                   doc.page_number_offset);
  out.info = doc.info;
  if (out.info.title.empty() && doc.kind == DocumentKind::Memo) out.info.title = doc.memo.subject;
  if (out.info.language.empty()) out.info.language = "th";
  return out;
}

}  // namespace thaidoc
