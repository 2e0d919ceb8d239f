// Errors that reach the user: every one names where it happened.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace thaidoc {

// A place in an input file. line/column are 1-based; 0 means "unknown".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string to_string() const;  // "file:line:col" (parts that are unknown are left out)
};

// Text safe to print on a terminal: control characters (C0, DEL, C1) written as \n, \t,
// \xNN or \u00NN, so that a value echoed in a message cannot send escape sequences.
std::string escape_controls(std::string_view text);

// An error in the user's input or environment. exit_code follows the CLI convention:
// 1 = environment (missing/unwritable file), 2 = invalid input.
// what() is "file:line:col: message" with control characters escaped (escape_controls).
class Error : public std::runtime_error {
 public:
  Error(SourceLocation where, const std::string& message, int exit_code = 1);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }
  int exit_code() const { return exit_code_; }

 private:
  SourceLocation where_;
  std::string message_;
  int exit_code_;
};

}  // namespace thaidoc
