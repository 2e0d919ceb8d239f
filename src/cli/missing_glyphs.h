// Text that no font could show: the main font and the fallback chain (text/itemize) were
// tried and the shaper still gave glyph 0 (.notdef, an empty box in the PDF). Reported as
// one warning per script, so a document set in a font without Thai (or CJK text with no CJK
// font) does not silently come out as blank boxes.
#pragma once
#include <string>
#include <vector>

#include "frame/frame.h"

namespace thaidoc {

// "no font has glyphs for Han text (first on page 2: '中文'); it shows as empty boxes:
// use a font that covers it (fonts: in the template or style:)", one per script, in the
// order first met. Empty if every character has a glyph.
std::vector<std::string> missing_glyph_warnings(const LaidOutDocument& doc);

}  // namespace thaidoc
