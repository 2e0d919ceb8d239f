#include "layout/components/stamps.h"

#include "layout/flow.h"

namespace thaidoc {

namespace {
// One line of red text with its left end at x and its baseline at y on `page`.
void stamp(Page& page, const std::string& text, double size, bool bold, const StampStyle& style,
           const TextEngine& engine, const FontSet& fonts, double x, double y, bool centred, int32_t source,
           bool repeated) {
  TextStyle ts = text_style(fonts, size, bold);
  ts.color = style.color;
  ParagraphStyle ps;
  ps.align = Align::Left;
  ParagraphLayout l = engine.layout({StyledSpan{text, ts}}, ps, 1e6);
  if (l.lines.empty()) return;
  std::vector<FrameItem> items = l.lines[0].items;
  if (centred) x = (page.width - l.lines[0].natural_width) / 2;
  translate_items(items, x, y);
  for (FrameItem& item : items) {
    if (auto* run = std::get_if<GlyphRun>(&item)) {
      run->source = source;
      run->repeated = repeated;
    }
  }
  page.items.insert(page.items.end(), items.begin(), items.end());
}
}  // namespace

void add_stamps(LaidOutDocument& doc, const Stamps& stamps, const StampStyle& style, const TextEngine& engine,
                const FontSet& fonts, const PageStyle& page_style, int32_t speed_source, int32_t secrecy_source) {
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    Page& page = doc.pages[p];
    if (p == 0 && !stamps.speed.empty()) {
      stamp(page, stamps.speed, style.speed_size, style.speed_bold, style, engine, fonts,
            page_style.margin_left + style.speed_x, style.speed_baseline, false, speed_source, false);
    }
    if (!stamps.secrecy.empty()) {
      stamp(page, stamps.secrecy, style.secrecy_size, style.secrecy_bold, style, engine, fonts, 0,
            style.secrecy_top_baseline, true, secrecy_source, p > 0);
      stamp(page, stamps.secrecy, style.secrecy_size, style.secrecy_bold, style, engine, fonts, 0,
            page.height - style.secrecy_bottom_baseline, true, secrecy_source, true);
    }
  }
}

}  // namespace thaidoc
