// Placeholders for `thaidoc batch`: a document used as a batch template holds `{{key}}`
// in its scalar values, and each data record fills them in.
//
// Syntax (in any scalar value of the document; mapping keys are never touched):
//   {{key}}  or  {{ key }}   the record's value for `key`, inserted as is (inline markup
//                            in the value, such as **bold**, is interpreted)
//   \{{                      a literal "{{"
// A key is one or more characters other than space, tab, line break, '{', '}' and '|'
// ('|' is reserved), e.g. `org`, `ita1`, `chief.name`, `อำเภอ`. A "{{" that does not start
// a well-formed placeholder is an error, so a typo never prints as text. Substitution
// happens after YAML parsing, so a value can hold any characters (quotes, ': ', '#')
// without breaking the YAML; errors in a substituted value (a bad date, say) point at the
// placeholder's scalar in the template file.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "input/document_reader.h"
#include "model/document.h"

namespace thaidoc {

struct YamlDocument;

struct PlaceholderUse {
  std::string key;
  std::string path;       // key path of the scalar, e.g. "memo.signer.name"
  SourceLocation where;   // where the "{{" is
};

// Every placeholder in the scalar values of a YAML text, in file order. Throws Error
// (exit code 2) for invalid UTF-8, a YAML syntax error or a malformed placeholder.
std::vector<PlaceholderUse> find_placeholders(const std::string& yaml_text, const std::string& path_for_messages);

// Replaces the placeholders in the scalars of `doc` (in place; marks are kept, so later
// errors still point into the file). A key missing from `variables` is an Error (exit
// code 2) at the placeholder: "<path>: no value for placeholder {{key}} in this record".
// Keys starting with "ita." are values computed from the document's own `ita:` data;
// when `variables` lacks one it is left in place for substitute_computed_values.
void substitute_placeholders(YamlDocument& doc, const std::map<std::string, std::string>& variables);

// The second pass for reports: fills the "ita." placeholders from `values` (an unknown
// "ita." key is an error naming it) and leaves every other "{{" untouched.
void substitute_computed_values(YamlDocument& doc, const std::map<std::string, std::string>& values);

inline bool is_computed_key(const std::string& key) { return key.rfind("ita.", 0) == 0; }

// A template document parsed once and filled in for many records: what
// read_document_string(text, path, options with variables) gives, without parsing the
// YAML again (a fifth of the time of a batch memo). Not thread-safe: one per thread.
class PlaceholderTemplate {
 public:
  // Throws Error (exit code 2) for invalid UTF-8, invalid YAML or a malformed placeholder.
  PlaceholderTemplate(const std::string& yaml_text, const std::string& path_for_messages);
  ~PlaceholderTemplate();
  PlaceholderTemplate(const PlaceholderTemplate&) = delete;
  PlaceholderTemplate& operator=(const PlaceholderTemplate&) = delete;

  // Fills in `variables` (as substitute_placeholders), reads the document, and puts the
  // placeholders back for the next record, also when reading throws.
  Document read(const std::map<std::string, std::string>& variables, const ReadOptions& options);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The same on one string; `lookup` returns nullptr for an unknown key. On a malformed
// placeholder or an unknown key, returns false with `error_offset` (byte offset of the
// "{{") and `error` set.
bool substitute_placeholders_in(const std::string& text,
                                const std::function<const std::string*(const std::string&)>& lookup,
                                std::string& out, size_t& error_offset, std::string& error);

}  // namespace thaidoc
