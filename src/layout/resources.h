// Font and shaping caches shared by every document a process makes (and by
// every worker thread of a batch).
#pragma once
#include "font/font_manager.h"
#include "text/paragraph_cache.h"
#include "text/shaper.h"

namespace thaidoc {

struct Resources {
  FontManager fonts;
  ShapeCache shapes;
  ParagraphCache paragraphs;
};

}  // namespace thaidoc
