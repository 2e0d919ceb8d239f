#include "base/digits.h"

#include <stdexcept>

#include "base/utf8.h"

namespace thaidoc {

DigitStyle parse_digit_style(std::string_view name) {
  if (name == "thai") return DigitStyle::Thai;
  if (name == "arabic") return DigitStyle::Arabic;
  if (name == "keep") return DigitStyle::Keep;
  throw std::invalid_argument("unknown digit style '" + std::string(name) +
                              "' (expected thai, arabic or keep)");
}

std::string convert_digits(std::string_view text, DigitStyle style) {
  if (style == DigitStyle::Keep) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = utf8::next(text, i);
    if (style == DigitStyle::Thai && cp >= U'0' && cp <= U'9') {
      cp = U'\u0E50' + (cp - U'0');
    } else if (style == DigitStyle::Arabic && cp >= U'\u0E50' && cp <= U'\u0E59') {
      cp = U'0' + (cp - U'\u0E50');
    }
    utf8::append(out, cp);
  }
  return out;
}

}  // namespace thaidoc
