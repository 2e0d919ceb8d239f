// Output side of `thaidoc batch`: file name patterns, the completeness check used by
// --resume, cleaning up the temporary files of a killed run, and JSON text.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace thaidoc::batch {

// An output file name pattern such as "out/{province}/{org}-memo.pdf": `{field}` is the
// record's value of `field` made safe for a file name (sanitize_file_name); `{{` and `}}`
// are literal braces.
class OutputPattern {
 public:
  // Throws Error (exit code 2) for an unclosed '{' or an empty "{}".
  explicit OutputPattern(std::string text);
  const std::string& text() const { return text_; }
  const std::vector<std::string>& fields() const { return fields_; }
  bool uses(std::string_view field) const;

  // The path for one record; `lookup` returns nullptr for an unknown field. Returns ""
  // and sets `error` if a field is missing.
  std::string expand(const std::function<const std::string*(const std::string&)>& lookup, std::string& error) const;

 private:
  struct Part {
    bool field;
    std::string text;  // literal text or field name
  };
  std::string text_;
  std::vector<Part> parts_;
  std::vector<std::string> fields_;
};

// A value made safe as (part of) one file name: '/', '\\', control characters and
// : * ? " < > | become '_', runs of dots become one dot, a leading dot becomes '_' (no
// hidden files, no "..", nothing that looks like a temporary file), surrounding spaces
// are trimmed, an empty result is "_", and the result is cut to at most 150 bytes (at a
// character boundary).
std::string sanitize_file_name(std::string_view value);

// A cheap completeness check of a PDF written by thaidoc: starts with %PDF-, ends with
// %%EOF, and its startxref points at the cross-reference table. Sets `pages` (from the
// page tree's /Count; 0 if not found).
bool pdf_is_complete(const std::string& path, int& pages);

// Removes the temporary files that write_atomically leaves when a run is killed
// (".NAME.tmp-PID-N" next to NAME) for the given final output paths, if they are stale:
// made by this process id (this run has not written yet), by a process that no longer
// exists, or older than an hour. Returns how many were removed.
size_t remove_stale_temp_files(const std::set<std::string>& outputs);

// True if `name` is a temporary file name of write_atomically.
bool is_temp_file_name(std::string_view name);

// A JSON string literal (with quotes).
std::string json_string(std::string_view s);

}  // namespace thaidoc::batch
