#include "base/digits.h"

#include <stdexcept>
#include <vector>

#include "base/utf8.h"

namespace thaidoc {

DigitStyle parse_digit_style(std::string_view name) {
  if (name == "thai") return DigitStyle::Thai;
  if (name == "arabic") return DigitStyle::Arabic;
  if (name == "keep") return DigitStyle::Keep;
  throw std::invalid_argument("unknown digit style '" + std::string(name) +
                              "' (expected thai, arabic or keep)");
}

namespace {

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_thai_digit(char32_t c) { return c >= U'\u0E50' && c <= U'\u0E59'; }
bool is_digit(char32_t c) { return is_ascii_digit(c) || is_thai_digit(c); }
bool is_latin_letter(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B);
}
// Thai letters and marks end a word; Thai digits belong to it.
bool is_thai_letter(char32_t c) { return c >= 0x0E00 && c <= 0x0E7F && !is_thai_digit(c); }
bool ends_word(char32_t c) { return is_space(c) || is_thai_letter(c); }

// Names of standards whose numbers are written as they are ("ISO 9001").
bool is_standard_name(std::u32string_view w) {
  static const char32_t* const kNames[] = {U"ISO", U"IEC", U"IEEE", U"RFC", U"TIS", U"EN", U"ANSI", U"ASTM",
                                           U"DIN", U"JIS", U"BS", U"ISO/IEC"};
  // Trailing punctuation ("ISO/IEC:") is not part of the name.
  while (!w.empty() && (w.back() == U':' || w.back() == U',')) w.remove_suffix(1);
  for (const char32_t* n : kNames)
    if (w == n) return true;
  return false;
}

// Whether the digits of word w (text[b, e)) stay as written.
bool protected_word(const std::u32string& text, size_t b, size_t e, std::u32string_view previous_word) {
  bool digit = false, latin = false;
  int dots_between_digits = 0;
  for (size_t i = b; i < e; ++i) {
    char32_t c = text[i];
    if (is_digit(c)) digit = true;
    if (is_latin_letter(c) || c == U'@') latin = true;
    if (c == U'.' && i > b && i + 1 < e && is_digit(text[i - 1]) && is_digit(text[i + 1])) ++dots_between_digits;
  }
  if (!digit) return false;
  if (latin || dots_between_digits >= 2) return true;
  return is_standard_name(previous_word);
}

}  // namespace

std::string convert_digits(std::string_view text, DigitStyle style) {
  if (style == DigitStyle::Keep) return std::string(text);
  std::u32string s = utf8::decode(text);
  if (style == DigitStyle::Thai) {
    std::u32string_view previous;  // the word before this one, when only spaces are between them
    size_t i = 0;
    while (i < s.size()) {
      if (ends_word(s[i])) {
        if (is_thai_letter(s[i]) || s[i] == U'\n') previous = {};
        ++i;
        continue;
      }
      size_t b = i;
      while (i < s.size() && !ends_word(s[i])) ++i;
      if (!protected_word(s, b, i, previous)) {
        for (size_t k = b; k < i; ++k)
          if (is_ascii_digit(s[k])) s[k] = U'\u0E50' + (s[k] - U'0');
      }
      previous = std::u32string_view(s).substr(b, i - b);
      if (i < s.size() && is_thai_letter(s[i])) previous = {};
    }
  } else {
    for (char32_t& c : s)
      if (is_thai_digit(c)) c = U'0' + (c - U'\u0E50');
  }
  return utf8::encode(s);
}

}  // namespace thaidoc
