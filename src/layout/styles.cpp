#include "layout/styles.h"

#include "text/segment.h"

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
    // Link text and `kept` text show their digits as written (a link's text often is its address).
    bool keep = span.keep_digits || !span.link.empty();
    StyledSpan s{keep ? span.text : convert_digits(span.text, digits),
                 text_style(fonts, size, bold || span.bold, span.italic)};
    s.style.underline = span.underline;
    s.style.no_break = span.no_break;
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

BreakSettings break_settings(const Template& tpl) {
  BreakSettings b;
  b.max_stretch = tpl.line_breaking.max_stretch;
  if (!tpl.line_breaking.dictionary.empty()) {
    auto lexicon = std::make_shared<Lexicon>();
    for (const std::string& w : tpl.line_breaking.dictionary) lexicon->add(w);
    b.lexicon = std::move(lexicon);
  }
  return b;
}

}  // namespace thaidoc
