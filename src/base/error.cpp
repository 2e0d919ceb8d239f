#include "base/error.h"

namespace thaidoc {

std::string SourceLocation::to_string() const {
  std::string s = file;
  if (line > 0) {
    s.push_back(':');
    s.append(std::to_string(line));
    if (column > 0) {
      s.push_back(':');
      s.append(std::to_string(column));
    }
  }
  return s;
}

std::string escape_controls(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // C1 controls (U+0080-U+009F), such as the one-byte CSI U+009B.
      unsigned char d = static_cast<unsigned char>(text[++i]);
      out += "\\u00";
      out += hex[d >> 4];
      out += hex[d & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

static std::string format(const SourceLocation& where, const std::string& message) {
  std::string loc = where.to_string();
  return escape_controls(loc.empty() ? message : loc + ": " + message);
}

Error::Error(SourceLocation where, const std::string& message, int exit_code)
    : std::runtime_error(format(where, message)),
      where_(std::move(where)),
      message_(message),
      exit_code_(exit_code) {}

}  // namespace thaidoc
