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

static std::string format(const SourceLocation& where, const std::string& message) {
  std::string loc = where.to_string();
  return loc.empty() ? message : loc + ": " + message;
}

Error::Error(SourceLocation where, const std::string& message, int exit_code)
    : std::runtime_error(format(where, message)),
      where_(std::move(where)),
      message_(message),
      exit_code_(exit_code) {}

}  // namespace thaidoc
