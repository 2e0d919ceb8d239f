#include "layout/page_numbers.h"

#include "layout/flow.h"

namespace thaidoc {

void add_page_numbers(LaidOutDocument& doc, const TextEngine& engine, const TextStyle& style,
                      const PageNumberStyle& numbers, DigitStyle digits, int offset) {
  if (!numbers.enabled) return;
  TextStyle st = style;
  st.size = numbers.size;
  ParagraphStyle ps;
  ps.align = Align::Left;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    int number = offset + static_cast<int>(p) + 1;
    if (number < numbers.first_numbered_page) continue;
    std::string text = numbers.format;
    size_t at = text.find("{n}");
    if (at != std::string::npos) text.replace(at, 3, std::to_string(number));
    Page& page = doc.pages[p];
    ParagraphLayout l = engine.layout({StyledSpan{convert_digits(text, digits), st}}, ps, page.width);
    if (l.lines.empty()) continue;
    std::vector<FrameItem> items = l.lines[0].items;
    translate_items(items, (page.width - l.lines[0].natural_width) / 2, numbers.baseline_from_top);
    page.items.insert(page.items.end(), items.begin(), items.end());
  }
}

}  // namespace thaidoc
