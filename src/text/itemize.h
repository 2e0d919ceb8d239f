// Splits a paragraph into runs of one style, one font (main or fallback) and one script.
#pragma once
#include <hb.h>

#include <string>
#include <vector>

#include "text/style.h"

namespace thaidoc {

struct TextRun {
  size_t begin = 0, end = 0;  // code point indexes into ParagraphText::chars
  size_t span = 0;            // index of the StyledSpan
  FontPtr font;
  hb_script_t script = HB_SCRIPT_COMMON;
};

// The paragraph's text in the forms the engine needs.
struct ParagraphText {
  std::string utf8;
  std::u32string chars;
  std::vector<size_t> offsets;  // byte offset of each code point, plus utf8.size() at the end
  std::vector<size_t> span_of;  // span index of each code point
};

ParagraphText join_spans(const std::vector<StyledSpan>& spans);
std::vector<TextRun> itemize(const ParagraphText& text, const std::vector<StyledSpan>& spans);

}  // namespace thaidoc
