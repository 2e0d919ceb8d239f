// Inline and paragraph styles: what the text engine is asked to typeset.
#pragma once
#include <string>
#include <vector>

#include "font/font.h"
#include "frame/frame.h"

namespace thaidoc {

struct TextStyle {
  FontPtr font;      // main font
  FontPtr fallback;  // for characters the main font lacks (may be null)
  double size = 16;  // points
  Color color;
  bool underline = false;
  std::string link;  // URI; empty = not a link
  bool no_break = false;  // no line break inside this span (nor at its spaces)
};

// A piece of text in one style. A paragraph is a sequence of spans.
struct StyledSpan {
  std::string text;  // UTF-8, valid
  TextStyle style;
};

enum class Align { Left, Center, Right, Justify };

struct ParagraphStyle {
  double first_line_indent = 0;  // points, added to left_indent on the first line
  double left_indent = 0;
  double right_indent = 0;
  Align align = Align::Justify;
  double line_height = 1.0;  // factor on the font's own line height (ascent + descent + gap)
  bool optimal_breaks = true;  // total-fit (Knuth-Plass) rather than first-fit
  bool justify_last_line = false;
};

}  // namespace thaidoc
