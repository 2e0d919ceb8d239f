// How errors and warnings reach the user (`--diagnostic-format human|short|json`):
//   human (default)  FILE:LINE:COL: error: key.path: message    (gcc's form; one line each)
//                    ...then "thaidoc: N errors" when there are several
//   short            the same lines and nothing else
//   json             one JSON object a line (JSON Lines): {"severity": "error", "file": ..., "line": ...,
//                    "column": ..., "path": "key.path", "message": ...} (+ "record", "data" in a batch)
// An error with no line (a file that cannot be read) is "thaidoc: error: FILE: message", one with
// no file at all "thaidoc: error: message".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace thaidoc {

enum class DiagnosticFormat { Human, Short, Json };

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name);

// The format for this process (set once by main from --diagnostic-format).
void set_diagnostic_format(DiagnosticFormat format);
DiagnosticFormat diagnostic_format();

struct Diagnostic {
  std::string severity = "error";  // "error" or "warning"
  SourceLocation where;
  std::string key_path;  // "memo.date", or ""
  std::string message;   // without the key path
  // In a batch: the record's number and its place in the data file (0 = none).
  int record = 0;
  SourceLocation data;
  std::string templ;  // the template's file name, when a batch has several
};

// One diagnostic per error (an ErrorList has several).
std::vector<Diagnostic> diagnostics_of(const Error& error);

// A warning as the engine writes it ("FILE:L:C: warning: message", "FILE: warning: ...",
// "thaidoc: warning: FILE: message"), split into its parts.
Diagnostic parse_warning(std::string_view line);

// One line (with its "\n") in the given format.
std::string format_diagnostic(const Diagnostic& d, DiagnosticFormat format);

// Everything to print for an error that stops a command: each of its diagnostics, and in
// the human format a count when there are several (and a note when the reader stopped at
// its limit).
std::string format_error(const Error& error, DiagnosticFormat format);

// A warning about a whole file ("thaidoc: warning: FILE: message" in the human and short
// formats).
std::string format_file_warning(const std::string& file, const std::string& message, DiagnosticFormat format);

// A warning line (as parse_warning takes it) in the given format.
std::string format_warning(std::string_view line, DiagnosticFormat format);

}  // namespace thaidoc
