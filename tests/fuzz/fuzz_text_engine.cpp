// Fuzzes the text engine (itemisation, libthai segmentation, shaping, line breaking,
// justification) on arbitrary valid UTF-8 in up to 8 spans of random fonts, sizes,
// underline and links, with random paragraph styles and column widths (including
// indents wider than the column). Checks that every line's text range is in order and
// inside the text and that every position and size is a finite number.
//
// Input: the first byte picks how the rest becomes text: as UTF-8 if it is valid (odd
// first byte), or byte by byte mapped to ASCII, Thai (U+0E00-U+0E6F) and a table of
// troublesome code points (spaces, joiners, marks, symbols, emoji).
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "font/font_manager.h"
#include "text/paragraph.h"

namespace {

std::string make_text(const std::string& bytes, bool as_utf8) {
  if (as_utf8 && !thaidoc::utf8::find_invalid(bytes)) return bytes;
  static const char32_t kSpecial[16] = {0x00A0, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2610, 0x2611, 0x2713,
                                        0x1F600, 0x0301, 0x00E9, 0x4E2D, 0x0E4F, 0xFFFD, 0x3000, 0x0E46};
  std::string out;
  for (unsigned char b : bytes) {
    char32_t cp = b < 0x80 ? b : b < 0xF0 ? 0x0E00 + (b - 0x80) : kSpecial[b - 0xF0];
    thaidoc::utf8::append(out, cp);
  }
  return out;
}

bool finite(double v) { return std::isfinite(v); }

void check_item(const thaidoc::FrameItem& item) {
  bool ok = true;
  if (const auto* run = std::get_if<thaidoc::GlyphRun>(&item)) {
    ok = finite(run->x) && finite(run->y) && finite(run->width) && finite(run->size);
    for (const auto& g : run->glyphs) ok = ok && finite(g.x) && finite(g.y);
    for (const auto& c : run->clusters) ok = ok && finite(c.advance) && c.first_glyph + c.glyph_count <= run->glyphs.size();
  } else if (const auto* r = std::get_if<thaidoc::RectItem>(&item)) {
    ok = finite(r->x) && finite(r->y) && finite(r->w) && finite(r->h);
  } else if (const auto* l = std::get_if<thaidoc::LineItem>(&item)) {
    ok = finite(l->x1) && finite(l->y1) && finite(l->x2) && finite(l->y2);
  } else if (const auto* k = std::get_if<thaidoc::LinkItem>(&item)) {
    ok = finite(k->x) && finite(k->y) && finite(k->w) && finite(k->h);
  }
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static thaidoc::FontManager fonts;
  static const thaidoc::FontPtr kFonts[] = {fonts.get("Laksaman.ttf"), fonts.get("Laksaman-Bold.ttf"),
                                            fonts.get("Laksaman-Italic.ttf"), fonts.get("Laksaman-BoldItalic.ttf"),
                                            fonts.get("DejaVuSans.ttf")};
  FuzzedDataProvider in(data, size);
  bool as_utf8 = in.ConsumeBool();

  thaidoc::ParagraphStyle style;
  style.first_line_indent = in.ConsumeFloatingPointInRange(-300.0, 600.0);
  style.left_indent = in.ConsumeFloatingPointInRange(0.0, 600.0);
  style.right_indent = in.ConsumeFloatingPointInRange(0.0, 600.0);
  style.align = static_cast<thaidoc::Align>(in.ConsumeIntegralInRange(0, 3));
  style.line_height = in.ConsumeFloatingPointInRange(0.5, 4.0);
  style.optimal_breaks = in.ConsumeBool();
  style.justify_last_line = in.ConsumeBool();
  double width = in.ConsumeFloatingPointInRange(1.0, 2000.0);

  std::vector<thaidoc::StyledSpan> spans;
  int count = in.ConsumeIntegralInRange(1, 8);
  for (int i = 0; i < count && in.remaining_bytes() > 0; ++i) {
    thaidoc::StyledSpan span;
    span.style.font = kFonts[in.ConsumeIntegralInRange(0, 4)];
    if (in.ConsumeBool()) span.style.fallback = kFonts[4];
    span.style.size = in.ConsumeFloatingPointInRange(2.0, 200.0);
    span.style.underline = in.ConsumeBool();
    if (in.ConsumeBool()) span.style.link = "https://example.org/" + std::to_string(i);
    span.text = make_text(i + 1 == count ? in.ConsumeRemainingBytesAsString() : in.ConsumeRandomLengthString(2000),
                          as_utf8);
    spans.push_back(std::move(span));
  }

  thaidoc::ShapeCache cache;  // per input: no state carried between inputs
  thaidoc::TextEngine engine(cache);
  thaidoc::ParagraphLayout layout = engine.layout(spans, style, width);
  size_t text_size = layout.text.size();
  size_t previous_end = 0;
  if (layout.lines.empty()) std::abort();
  for (const auto& line : layout.lines) {
    if (line.text_begin > line.text_end || line.text_end > text_size || line.text_begin < previous_end) std::abort();
    previous_end = line.text_end;
    if (!finite(line.ascent) || !finite(line.descent) || !finite(line.height) || !finite(line.natural_width)) {
      std::abort();
    }
    for (const auto& item : line.items) check_item(item);
  }
  if (!finite(layout.height())) std::abort();
  (void)engine.measure(spans);
  return 0;
}
