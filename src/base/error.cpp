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

Error::Error(SourceLocation where, const std::string& message, int exit_code, std::string key_path)
    : Error(std::move(where), message, exit_code) {
  key_path_ = std::move(key_path);
}

std::string Error::bare_message() const {
  if (!key_path_.empty() && message_.size() > key_path_.size() + 1 && message_.compare(0, key_path_.size(), key_path_) == 0 &&
      message_.compare(key_path_.size(), 2, ": ") == 0) {
    return message_.substr(key_path_.size() + 2);
  }
  return message_;
}

namespace {
int list_exit_code(const std::vector<Error>& errors) {
  for (const Error& e : errors)
    if (e.exit_code() == 2) return 2;
  return errors.empty() ? 2 : errors.front().exit_code();
}
Error first_of(const std::vector<Error>& errors) {
  return errors.empty() ? Error(SourceLocation{}, "no errors", 2) : errors.front();
}
}  // namespace

// The base is the first error with the whole list's exit code (`errors` is read before
// errors_ takes it over).
ErrorList::ErrorList(std::vector<Error> errors, bool truncated)
    : Error(first_of(errors).where(), first_of(errors).message(), list_exit_code(errors), first_of(errors).key_path()),
      errors_(std::move(errors)),
      truncated_(truncated) {}

std::vector<Error> errors_of(const Error& e) {
  if (const auto* list = dynamic_cast<const ErrorList*>(&e)) return list->errors();
  return {e};
}

}  // namespace thaidoc
