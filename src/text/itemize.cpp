#include "text/itemize.h"

#include "base/utf8.h"
#include "text/segment.h"

namespace thaidoc {

ParagraphText join_spans(const std::vector<StyledSpan>& spans) {
  ParagraphText t;
  for (size_t s = 0; s < spans.size(); ++s) {
    size_t i = 0;
    const std::string& str = spans[s].text;
    while (i < str.size()) {
      t.offsets.push_back(t.utf8.size() + i);
      t.chars.push_back(utf8::next(str, i));
      t.span_of.push_back(s);
    }
    t.utf8 += str;
  }
  t.offsets.push_back(t.utf8.size());
  return t;
}

namespace {

hb_script_t script_of(char32_t c) {
  CharClass k = classify(c);
  if (is_thai(c) && k != CharClass::Digit) return HB_SCRIPT_THAI;
  if (k == CharClass::Letter) return HB_SCRIPT_LATIN;
  return HB_SCRIPT_COMMON;  // spaces, digits, punctuation: take the neighbour's script
}

}  // namespace

std::vector<TextRun> itemize(const ParagraphText& text, const std::vector<StyledSpan>& spans) {
  const size_t n = text.chars.size();
  std::vector<TextRun> runs;
  if (n == 0) return runs;

  // Font per character: the main font, or the fallback where the main font lacks it.
  // Marks stay with their base character's font.
  std::vector<const FontPtr*> font_of(n);
  std::vector<hb_script_t> script(n);
  for (size_t i = 0; i < n; ++i) {
    const TextStyle& st = spans[text.span_of[i]].style;
    char32_t c = text.chars[i];
    if (i > 0 && !starts_grapheme(text.chars, i) && text.span_of[i] == text.span_of[i - 1]) {
      font_of[i] = font_of[i - 1];
    } else if (st.fallback && !st.font->has_char(c) && st.fallback->has_char(c)) {
      font_of[i] = &st.fallback;
    } else {
      font_of[i] = &st.font;
    }
    script[i] = script_of(c);
  }
  // Common characters take the script of the run before them (or after, at the start).
  hb_script_t last = HB_SCRIPT_COMMON;
  for (size_t i = 0; i < n; ++i) {
    if (script[i] == HB_SCRIPT_COMMON) script[i] = last;
    else last = script[i];
  }
  last = HB_SCRIPT_COMMON;
  for (size_t i = n; i-- > 0;) {
    if (script[i] == HB_SCRIPT_COMMON) script[i] = last;
    else last = script[i];
  }

  size_t start = 0;
  for (size_t i = 1; i <= n; ++i) {
    if (i == n || text.span_of[i] != text.span_of[start] || font_of[i]->get() != font_of[start]->get() ||
        script[i] != script[start]) {
      runs.push_back({start, i, text.span_of[start], *font_of[start], script[start]});
      start = i;
    }
  }
  return runs;
}

}  // namespace thaidoc
