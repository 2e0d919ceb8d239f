// Typesets one paragraph: itemise, break into words (libthai), shape (cached),
// choose line breaks, justify, and position glyphs.
#pragma once
#include <vector>

#include "frame/frame.h"
#include "text/paragraph_cache.h"
#include "text/shaper.h"
#include "text/style.h"

namespace thaidoc {

struct TextLine {
  double ascent = 0;   // points above the baseline
  double descent = 0;  // points below the baseline (positive)
  double height = 0;   // distance to the next line's baseline
  double natural_width = 0;  // width of the text before justification
  // Positioned relative to the paragraph's left edge (x) and this line's baseline (y = 0).
  std::vector<FrameItem> items;
  size_t text_begin = 0, text_end = 0;  // byte range of the paragraph text on this line
};

struct ParagraphLayout {
  std::string text;  // the paragraph text (UTF-8), as joined from its spans
  std::vector<TextLine> lines;
  double height() const;
};

// Justification: extra width goes to spaces, Thai word boundaries and the gaps
// between Thai grapheme clusters. Gaps without a space character stay below
// max_silent_gap (in em) where the line allows, so that even extractors that
// ignore ActualText and judge word breaks by distance (0.1 em) see none there.
struct JustifyParams {
  double space_stretch = 0.5;       // x space width
  double space_shrink = 0.33;       // x space width
  double word_stretch = 0.06;       // em, at a Thai word boundary without a space
  double letter_stretch = 0.02;     // em, between Thai grapheme clusters
  double max_silent_gap = 0.09;     // em, largest gap without a space character (while possible)
  double max_space_growth = 1.0;    // x space width, most a space grows (while possible)
};

class TextEngine {
 public:
  explicit TextEngine(ShapeCache& cache, ParagraphCache* paragraphs = nullptr, JustifyParams params = {})
      : cache_(cache), paragraphs_(paragraphs), params_(params) {}

  // width: the column width in points; indents in `style` are inside it.
  ParagraphLayout layout(const std::vector<StyledSpan>& spans, const ParagraphStyle& style, double width) const;

  // The same, shared: from the paragraph cache when the engine has one.
  std::shared_ptr<const ParagraphLayout> layout_shared(const std::vector<StyledSpan>& spans,
                                                       const ParagraphStyle& style, double width) const;

  // Width of a single-line piece of text (no breaking).
  double measure(const std::vector<StyledSpan>& spans) const;

  ShapeCache& cache() const { return cache_; }

 private:
  ShapeCache& cache_;
  ParagraphCache* paragraphs_;
  JustifyParams params_;
};

}  // namespace thaidoc
