#include "layout/kinds/kind.h"

#include <cstdio>

namespace thaidoc {

namespace {
// A title or author: at most this many bytes of UTF-8 (the PDF's document information
// holds strings of at most 64 KB in UTF-16).
constexpr size_t kMaxInfoBytes = 32000;

std::string cut_utf8(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}
}  // namespace

void set_default_info(Document& doc, const std::string& title, const std::string& author, const ThaiDate& date) {
  if (doc.info.title.empty()) doc.info.title = cut_utf8(title, kMaxInfoBytes);
  if (doc.info.author.empty()) doc.info.author = cut_utf8(author, kMaxInfoBytes);
  if (doc.info.date.empty() && !date.empty()) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    doc.info.date = buf;
  }
}

}  // namespace thaidoc
