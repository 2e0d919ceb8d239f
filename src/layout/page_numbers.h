// Page numbers such as "- ๒ -", centred at the top of the page. Page p (0-based) gets
// number `offset` + p + 1, shown from `numbers.first_numbered_page` on: a part of a
// multi-part document that continues the numbering passes the previous part's last number.
#pragma once
#include "base/digits.h"
#include "frame/frame.h"
#include "model/template.h"
#include "text/paragraph.h"

namespace thaidoc {

void add_page_numbers(LaidOutDocument& doc, const TextEngine& engine, const TextStyle& style,
                      const PageNumberStyle& numbers, DigitStyle digits, int offset = 0);

}  // namespace thaidoc
