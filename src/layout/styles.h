// From the model's fonts and inline emphasis to the text engine's styles.
#pragma once
#include <vector>

#include "base/digits.h"
#include "font/font_manager.h"
#include "model/inline.h"
#include "model/template.h"
#include "text/paragraph.h"
#include "text/style.h"

namespace thaidoc {

struct FontSet {
  FontFamily family;
  FontPtr fallback;
};

FontSet load_fonts(const FontFiles& files, FontManager& fonts);

TextStyle text_style(const FontSet& fonts, double size, bool bold = false, bool italic = false);

// Inline content in the given size; digits converted; `bold` makes every span bold.
std::vector<StyledSpan> styled_spans(const InlineText& text, const FontSet& fonts, double size, DigitStyle digits,
                                     bool bold = false);

// Plain text in one style.
std::vector<StyledSpan> plain_spans(const std::string& text, const FontSet& fonts, double size, DigitStyle digits,
                                    bool bold = false);

Align to_align(BlockAlign a);

// The template's line breaking: stretch limit and dictionary (for TextEngine::set_breaking).
BreakSettings break_settings(const Template& tpl);

}  // namespace thaidoc
