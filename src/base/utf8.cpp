#include "base/utf8.h"

namespace thaidoc::utf8 {

static int sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

std::optional<size_t> find_invalid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = sequence_length(c);
    if (len == 0 || i + len > s.size()) return i;
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    unsigned char c1 = static_cast<unsigned char>(len > 1 ? s[i + 1] : 0);
    if (c == 0xE0 && c1 < 0xA0) return i;   // overlong
    if (c == 0xED && c1 >= 0xA0) return i;  // surrogate
    if (c == 0xF0 && c1 < 0x90) return i;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return i;  // > U+10FFFF
    i += len;
  }
  return std::nullopt;
}

char32_t next(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = sequence_length(c);
  if (len <= 1) {
    ++i;
    return c;
  }
  char32_t cp = c & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

std::u32string decode(std::string_view s, std::vector<size_t>* offsets) {
  std::u32string out;
  out.reserve(s.size());
  if (offsets) offsets->clear();
  size_t i = 0;
  while (i < s.size()) {
    if (offsets) offsets->push_back(i);
    out.push_back(next(s, i));
  }
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t cp : s) append(out, cp);
  return out;
}

void line_column(std::string_view s, size_t offset, int& line, int& column) {
  line = 1;
  column = 1;
  size_t i = 0;
  while (i < offset && i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
    ++i;
  }
}

}  // namespace thaidoc::utf8
