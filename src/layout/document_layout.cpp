#include "layout/document_layout.h"

#include "base/error.h"
#include "layout/block_layout.h"
#include "layout/components/stamps.h"
#include "layout/flow.h"
#include "layout/kinds/registry.h"
#include "layout/page_numbers.h"
#include "layout/parts_layout.h"
#include "layout/styles.h"

namespace thaidoc {

LaidOutDocument layout_document(const Document& doc, Resources& res) {
  // A multi-part document: each part laid out here as the document it is, pages put together.
  if (doc.kind == DocumentKind::Parts)
    return layout_parts(doc, [&](const Document& part) { return layout_document(part, res); });
  const Kind* kind = find_kind(doc.kind);
  if (!kind) throw Error({doc.source}, "internal: unknown document kind '" + doc.kind + "'", 3);
  if (kind->layout_whole) return kind->layout_whole(doc, res);

  const Template& tpl = doc.style;
  FontSet fonts = load_fonts(tpl.fonts, res.fonts);
  TextEngine engine(res.shapes, &res.paragraphs);
  engine.set_breaking(break_settings(tpl));
  BlockLayouter blocks(tpl, fonts, engine, tpl.digits, doc.base_dir);
  SourceLedger ledger;
  blocks.set_ledger(&ledger);
  blocks.set_source({doc.source}, "paragraph");

  std::vector<FlowBox> boxes;
  kind->layout(doc, blocks, boxes);
  const Stamps& stamps = doc.stamps;
  int32_t speed_source = stamps.speed.empty() ? -1 : ledger.add(stamps.speed_at, "speed stamp", stamps.speed);
  int32_t secrecy_source =
      stamps.secrecy.empty() ? -1 : ledger.add(stamps.secrecy_at, "secrecy stamp", stamps.secrecy);

  LaidOutDocument out = paginate(std::move(boxes), tpl.page);
  out.warnings = ledger.take_warnings(out);
  out.sources = ledger.take();
  DigitStyle page_digits = tpl.digits == DigitStyle::Arabic ? DigitStyle::Arabic : DigitStyle::Thai;
  add_page_numbers(out, engine, text_style(fonts, tpl.page_numbers.size), tpl.page_numbers, page_digits,
                   doc.page_number_offset);
  if (!stamps.empty())
    add_stamps(out, stamps, tpl.stamps, engine, fonts, tpl.page, speed_source, secrecy_source);
  out.info = doc.info;
  if (out.info.language.empty()) out.info.language = "th";
  return out;
}

}  // namespace thaidoc
