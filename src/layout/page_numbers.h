// Page numbers such as "- ๒ -", centred at the top of the page.
#pragma once
#include "base/digits.h"
#include "frame/frame.h"
#include "model/template.h"
#include "text/paragraph.h"

namespace thaidoc {

void add_page_numbers(LaidOutDocument& doc, const TextEngine& engine, const TextStyle& style,
                      const PageNumberStyle& numbers, DigitStyle digits);

}  // namespace thaidoc
