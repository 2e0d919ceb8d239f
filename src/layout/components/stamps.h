// The speed and secrecy stamps, in red (the template's `stamps:` section): the speed
// class (ด่วนที่สุด ...) once on the first page at the top left, the secrecy class (ลับ ...)
// centred at the top and at the foot of every page. Drawn after pagination, outside the
// text area; the pipeline (layout/document_layout.cpp) adds them for every kind whose
// reader read them (ContentReader::stamps).
#pragma once
#include "frame/frame.h"
#include "layout/styles.h"
#include "model/stamps.h"
#include "model/template.h"
#include "text/paragraph.h"

namespace thaidoc {

// speed_source, secrecy_source: the stamps' texts in the source ledger (-1: none); the
// secrecy class's copies after the first are marked repeated.
void add_stamps(LaidOutDocument& doc, const Stamps& stamps, const StampStyle& style, const TextEngine& engine,
                const FontSet& fonts, const PageStyle& page, int32_t speed_source = -1, int32_t secrecy_source = -1);

}  // namespace thaidoc
