// Fuzzes the text engine (itemisation, libthai segmentation, shaping, line breaking,
// justification) on arbitrary valid UTF-8 in up to 8 spans of random fonts, sizes,
// underline and links, with random paragraph styles and column widths (including
// indents wider than the column). Checks that every line's text range is in order and
// inside the text and that every position and size is a finite number.
//
// Input (fuzz_input.h): the paragraph style and width, then per span its style and text.
// The first byte picks how bytes become text: as UTF-8 if valid (odd byte), or byte by
// byte mapped to ASCII, Thai (U+0E00-U+0E6F) and a table of troublesome code points
// (spaces, joiners, marks, symbols, emoji).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "fuzz_input.h"
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

bool is_finite(double v) { return std::isfinite(v); }

void check_item(const thaidoc::FrameItem& item) {
  bool ok = true;
  if (const auto* run = std::get_if<thaidoc::GlyphRun>(&item)) {
    ok = is_finite(run->x) && is_finite(run->y) && is_finite(run->width) && is_finite(run->size);
    for (const auto& g : run->glyphs) ok = ok && is_finite(g.x) && is_finite(g.y);
    for (const auto& c : run->clusters) ok = ok && is_finite(c.advance) && c.first_glyph + c.glyph_count <= run->glyphs.size();
  } else if (const auto* r = std::get_if<thaidoc::RectItem>(&item)) {
    ok = is_finite(r->x) && is_finite(r->y) && is_finite(r->w) && is_finite(r->h);
  } else if (const auto* l = std::get_if<thaidoc::LineItem>(&item)) {
    ok = is_finite(l->x1) && is_finite(l->y1) && is_finite(l->x2) && is_finite(l->y2);
  } else if (const auto* k = std::get_if<thaidoc::LinkItem>(&item)) {
    ok = is_finite(k->x) && is_finite(k->y) && is_finite(k->w) && is_finite(k->h);
  }
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static thaidoc::FontManager fonts;
  static const thaidoc::FontPtr kFonts[] = {fonts.get("Laksaman.ttf"), fonts.get("Laksaman-Bold.ttf"),
                                            fonts.get("Laksaman-Italic.ttf"), fonts.get("Laksaman-BoldItalic.ttf"),
                                            fonts.get("DejaVuSans.ttf")};
  thaidoc::fuzz::FuzzInput in(data, size);
  bool as_utf8 = in.boolean();

  thaidoc::ParagraphStyle style;
  style.first_line_indent = in.number(-300.0, 600.0);
  style.left_indent = in.number(0.0, 600.0);
  style.right_indent = in.number(0.0, 600.0);
  style.align = static_cast<thaidoc::Align>(in.integer(0, 3));
  style.line_height = in.number(0.5, 4.0);
  style.optimal_breaks = in.boolean();
  style.justify_last_line = in.boolean();
  double width = in.number(1.0, 2000.0);

  std::vector<thaidoc::StyledSpan> spans;
  int count = in.integer(1, 8);
  for (int i = 0; i < count && in.remaining() > 0; ++i) {
    thaidoc::StyledSpan span;
    uint8_t flags = in.byte();
    span.style.font = kFonts[flags % 5];
    if (flags & 0x08) span.style.fallback = kFonts[4];
    span.style.underline = flags & 0x10;
    if (flags & 0x20) span.style.link = "https://example.org/" + std::to_string(i);
    span.style.size = in.number(2.0, 200.0);
    span.text = make_text(i + 1 == count ? in.rest() : in.text(2000), as_utf8);
    spans.push_back(std::move(span));
  }

  thaidoc::ShapeCache cache;  // per input: no state carried between inputs
  thaidoc::TextEngine engine(cache);
  thaidoc::ParagraphLayout layout = engine.layout(spans, style, width);
  size_t text_size = layout.text.size();
  size_t previous_end = 0;
  if (layout.lines.empty()) std::abort();
  for (const auto& line : layout.lines) {
    if (line.text_begin > line.text_end || line.text_end > text_size || line.text_begin < previous_end) {
      std::fprintf(stderr, "bad line ranges (text: %zu bytes, width %g):", text_size, width);
      for (const auto& l : layout.lines) std::fprintf(stderr, " [%zu, %zu)", l.text_begin, l.text_end);
      std::fprintf(stderr, "\n");
      std::abort();
    }
    previous_end = line.text_end;
    if (!is_finite(line.ascent) || !is_finite(line.descent) || !is_finite(line.height) || !is_finite(line.natural_width)) {
      std::abort();
    }
    for (const auto& item : line.items) check_item(item);
  }
  if (!is_finite(layout.height())) std::abort();
  (void)engine.measure(spans);
  return 0;
}
