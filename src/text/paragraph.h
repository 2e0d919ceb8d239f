// Typesets one paragraph: itemise, break into words (libthai), shape (cached),
// choose line breaks, justify, and position glyphs.
#pragma once
#include <memory>
#include <string>
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

// What the engine had to do against the rules, like TeX's overfull and underfull boxes.
// Recorded per paragraph (and cached with it); the layout reports them with the block's
// source location and page.
struct TextWarning {
  enum Kind {
    Stretched,  // a justified line would stretch past the limit: set ragged instead
    WordCut,    // a word wider than the line cut (at a syllable, a hyphenation point, or a cluster)
    NameSplit,  // a word or name of the dictionary broken across lines
    NotKept,    // a [[no-break]] phrase broken across lines, or a line wider than its measure
  };
  Kind kind;
  std::string message;
  size_t offset = 0;  // byte offset in ParagraphLayout::text where it happened
  bool operator==(const TextWarning&) const = default;
};

const char* to_string(TextWarning::Kind kind);  // "stretched", "word cut", "name split", "could not keep"

struct ParagraphLayout {
  std::string text;  // the paragraph text (UTF-8), as joined from its spans
  std::vector<TextLine> lines;
  std::vector<TextWarning> warnings;
  double height() const;
};

class Lexicon;

// How lines are chosen, beyond the widths: what a break costs (Knuth-Plass penalties, where
// a penalty p adds p^2 demerits), the user dictionary, and the stretch limit.
struct BreakSettings {
  double max_stretch = 0.15;       // a justified line grows by at most this x its natural width
  // Tuned on data/ (scripts/count_compound_breaks.py). In order of precedence: a name is split
  // only when no breaking keeps it whole (name_demerits outweigh everything else), a line is
  // stretched past the limit only when no breaking without split names meets it
  // (BreakOptions::over_stretch_demerits, 1e10), and then compound breaks are avoided.
  double word_penalty = 30;        // between two Thai words (a space costs nothing)
  double compound_penalty = 3000;  // between the words of a known compound (1500 -> 3000: 46 -> 35 on the
                                   // 12 example PDFs issue 12 measured, with the same 23 stretched lines)
  double name_penalty = 4000;      // inside a dictionary word or name, or a [[no-break]] phrase...
  double name_demerits = 1e15;     // ... plus these demerits
  // Between a name's kind and the name proper (องค์การบริหารส่วนตำบล|ตาเนิน): the name penalty
  // plus these demerits. Both outweigh any line's stretch (over_stretch_demerits 1e10 per
  // limit's worth of growth: a line holding one character, 1/100 of its width, costs 7e12), so a name
  // that a line can hold is never split: the line before it is set ragged instead, with a
  // warning. Only a name wider than the line is split, after its kind if that is enough
  // (these), else inside the name proper (name_demerits); either is a "name split" warning.
  // (Session 20 tried 3.5e10, a split after the kind rather than a line stretched more than
  // about 3.5x the limit; issue 12 asks that no name from the document's fields be split.)
  double name_kind_demerits = 1e14;
  double cut_penalty = 1000;       // inside a word wider than the line, at a syllable or hyphenation point
  double cluster_cut_penalty = 3000;  // ... between two grapheme clusters (no better cut)
  double ragged_stretch = 0.5;     // unjustified lines: one this much (x its width) short is loose
  std::shared_ptr<const Lexicon> lexicon;  // may be null
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

  // The document's dictionary and stretch limit (before the first layout).
  void set_breaking(BreakSettings settings) { breaking_ = std::move(settings); }
  const BreakSettings& breaking() const { return breaking_; }

  // width: the column width in points; indents in `style` are inside it.
  ParagraphLayout layout(const std::vector<StyledSpan>& spans, const ParagraphStyle& style, double width) const;

  // The same, shared: from the paragraph cache when the engine has one.
  std::shared_ptr<const ParagraphLayout> layout_shared(const std::vector<StyledSpan>& spans,
                                                       const ParagraphStyle& style, double width) const;

  // Width of a single-line piece of text (no breaking).
  double measure(const std::vector<StyledSpan>& spans) const;

  // The narrowest width at which the text needs no break inside a name, a dictionary word,
  // a [[no-break]] phrase or any word: its widest such piece (a table sizes its columns by it).
  double min_content_width(const std::vector<StyledSpan>& spans) const;

  ShapeCache& cache() const { return cache_; }

 private:
  ShapeCache& cache_;
  ParagraphCache* paragraphs_;
  JustifyParams params_;
  BreakSettings breaking_;
};

}  // namespace thaidoc
