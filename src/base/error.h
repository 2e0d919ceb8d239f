// Errors that reach the user: every one names where it happened.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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
  // key_path: the YAML key the error is about ("memo.date"); message then starts with
  // "key_path: " as before, and key_path() lets a diagnostic printer show it as a field.
  Error(SourceLocation where, const std::string& message, int exit_code, std::string key_path);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }
  int exit_code() const { return exit_code_; }
  const std::string& key_path() const { return key_path_; }
  // The message without its "key_path: " prefix.
  std::string bare_message() const;

 private:
  SourceLocation where_;
  std::string message_;
  int exit_code_;
  std::string key_path_;
};

// Several errors of one input (src/input/error_collector.h gathers them), in the order
// they were found. where(), message() and what() are the first error's; exit code 2 if
// any of them has 2. `truncated`: reading stopped at the limit, there may be more.
class ErrorList : public Error {
 public:
  ErrorList(std::vector<Error> errors, bool truncated);
  const std::vector<Error>& errors() const { return errors_; }
  bool truncated() const { return truncated_; }

 private:
  std::vector<Error> errors_;
  bool truncated_;
};

// Every error an exception holds: the list of an ErrorList, else the error itself.
std::vector<Error> errors_of(const Error& e);

}  // namespace thaidoc
