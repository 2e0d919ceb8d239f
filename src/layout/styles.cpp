#include "layout/styles.h"

namespace thaidoc {

FontSet load_fonts(const FontFiles& files, FontManager& fonts) {
  FontSet set;
  set.family = fonts.family(files.regular, files.bold, files.italic, files.bold_italic);
  if (!files.fallback.empty()) set.fallback = fonts.get(files.fallback);
  return set;
}

TextStyle text_style(const FontSet& fonts, double size, bool bold, bool italic) {
  TextStyle s;
  s.font = fonts.family.get(bold, italic);
  s.fallback = fonts.fallback;
  s.size = size;
  return s;
}

std::vector<StyledSpan> styled_spans(const InlineText& text, const FontSet& fonts, double size, DigitStyle digits,
                                     bool bold) {
  std::vector<StyledSpan> out;
  out.reserve(text.size());
  for (const InlineSpan& span : text) {
    StyledSpan s{convert_digits(span.text, digits), text_style(fonts, size, bold || span.bold, span.italic)};
    s.style.underline = span.underline;
    s.style.link = span.link;
    if (!span.link.empty()) s.style.color = Color{0.0, 0.2, 0.6};
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<StyledSpan> plain_spans(const std::string& text, const FontSet& fonts, double size, DigitStyle digits,
                                    bool bold) {
  return {StyledSpan{convert_digits(text, digits), text_style(fonts, size, bold)}};
}

Align to_align(BlockAlign a) {
  switch (a) {
    case BlockAlign::Left: return Align::Left;
    case BlockAlign::Center: return Align::Center;
    case BlockAlign::Right: return Align::Right;
    case BlockAlign::Justify: return Align::Justify;
  }
  return Align::Justify;
}

}  // namespace thaidoc
