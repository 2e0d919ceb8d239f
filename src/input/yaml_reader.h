// Reading YAML input with precise, friendly errors. Every value is read through a
// YamlNode, which knows its file, its line:column and its key path ("memo.signer.name"),
// so every error reads like
//   memo.yaml:12:5: memo.signer.name: expected a string
// and has exit code 2. The document, template, report and table readers share these.
//
// Only code in src/input includes this header (it includes yaml-cpp).
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"
#include "base/input_file.h"
#include "input/error_collector.h"
#include "model/inline.h"

namespace thaidoc {

// Limits on what one YAML file may hold; beyond them reading fails with an Error (exit
// code 2) at the offending place. They keep hostile or broken input from exhausting
// memory or time: aliases are counted once per use, so a "billion laughs" document
// (aliases of aliases) is refused however small its text.
namespace yaml_limits {
inline constexpr size_t kMaxFileBytes = input_limits::kMaxFileBytes;     // the file's text (50 MB)
inline constexpr size_t kMaxScalarBytes = input_limits::kMaxValueBytes;  // one value or key (1 MB)
inline constexpr size_t kMaxValues = 1000000;         // values, each alias use counted in full
inline constexpr size_t kMaxExpandedBytes = 50u << 20;  // bytes of all values, each alias use in full
inline constexpr int kMaxDepth = 64;                  // nesting of lists and mappings
// (Image limits are image::kMaxSide and image::kMaxPixels, in src/image/image.h.)
}  // namespace yaml_limits

// The text of one YAML file, to turn yaml-cpp marks (0-based, columns in bytes)
// into 1-based line:column with the column counted in code points.
class YamlSource {
 public:
  YamlSource(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // Location of a byte offset in the text.
  SourceLocation at_offset(size_t offset) const;
  // Location of a yaml-cpp mark; just the file if the mark is unknown.
  SourceLocation at(const YAML::Mark& mark) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
  // UTF-8 continuation bytes before each 64-byte block, so that a column on a very
  // long line is found without counting the whole line (a long flow list is linear).
  std::vector<uint32_t> continuation_before_;
};

using YamlSourcePtr = std::shared_ptr<const YamlSource>;

class YamlNode;

// A parsed YAML file. Errors: exit code 1 if the file can't be read; exit code 2 for
// invalid UTF-8 (with line:column), a YAML syntax error or a file over yaml_limits.
struct YamlDocument {
  YamlSourcePtr source;
  YAML::Node root;
  YamlNode root_node() const;  // key path "" (messages then use `what` instead)
};
YamlDocument load_yaml_file(const std::string& path);
YamlDocument load_yaml_string(std::string text, const std::string& path_for_messages);

class YamlNode {
 public:
  YamlNode(YamlSourcePtr source, YAML::Node node, std::string path, SourceLocation key_location);

  const std::string& path() const { return path_; }
  const YamlSource& source() const { return *source_; }
  const YAML::Node& raw() const { return node_; }
  // Where the value is; for an empty value (`key:`), where its key is.
  SourceLocation where() const;
  // Where the key of this value is (the value's location for list items and the root).
  const SourceLocation& key_where() const { return key_where_; }

  bool is_null() const { return node_.IsNull(); }
  bool is_scalar() const { return node_.IsScalar(); }
  bool is_list() const { return node_.IsSequence(); }
  bool is_map() const { return node_.IsMap(); }

  // An Error (exit code 2) located at this value: "<path>: <message>".
  Error error(const std::string& message) const;
  Error error_at(const SourceLocation& where, const std::string& message) const;
  [[noreturn]] void fail(const std::string& message) const { throw error(message); }

  // --- mappings ---
  void expect_map() const;  // "expected a mapping"
  // Every key must be in `allowed`; otherwise "unknown key (did you mean 'x'?)" at the
  // key, listing the allowed keys if none is close. Also rejects duplicate keys.
  void check_keys(std::initializer_list<std::string_view> allowed) const;
  void check_keys(const std::vector<std::string>& allowed) const;
  std::vector<std::string> keys() const;
  bool has(std::string_view key) const;  // present and not empty
  // The value of `key`, or nullopt if the key is absent or its value is empty (`key:`, `~`).
  std::optional<YamlNode> get(std::string_view key) const;
  // Like get, but "required field is missing" (at this mapping) if absent and
  // "value is empty" (at the key) if empty.
  YamlNode required(std::string_view key) const;
  // The key's node itself, including an empty one (nullopt only if absent).
  std::optional<YamlNode> get_raw(std::string_view key) const;
  // The entries in file order: (key, value).
  std::vector<std::pair<std::string, YamlNode>> entries() const;

  // --- lists ---
  // The items of a list ("expected a list" otherwise); paths are "path[1]", "path[2]", ...
  std::vector<YamlNode> items() const;

  // --- scalars ---
  std::string as_string() const;            // any scalar; "expected a string"
  std::string as_nonempty_string() const;   // ... and "must not be empty"
  std::vector<std::string> as_string_list() const;  // a string or a list of strings
  double as_number() const;                 // "expected a number" (Thai digits allowed)
  double as_number(double min, double max) const;  // "... must be between MIN and MAX"
  int as_int(int min, int max) const;       // "expected a whole number"
  bool as_bool() const;                     // "expected true or false"
  // A length in points: a number (points) or "12pt", "2.5cm", "30mm", "1in".
  double as_length(double min = 0, double max = 1e6) const;
  // One of the names; "unknown value 'x' (expected a, b or c)" with a suggestion.
  // (Recorded through report_error, src/input/error_collector.h, as are check_keys' unknown
  // keys, required's missing fields and the range errors of the numbers and lengths.)
  template <class T>
  T as_enum(std::initializer_list<std::pair<std::string_view, T>> values) const;
  // Inline markup (**bold** ...); markup errors point into the scalar.
  InlineText as_inline() const;
  // A path to an existing PNG or JPEG file, resolved against base_dir; returns the
  // resolved path. "image file 'x.png' not found" / "... is not a PNG or JPEG image";
  // with allow_outside false, also "... is outside the document's folder". The image is
  // decoded (src/image: limits, damage, truncation), so a bad one fails here:
  // "image file 'x.png' is truncated (...)".
  std::string as_image_path(const std::string& base_dir, bool allow_outside = true) const;

  // Where the code point at `offset` of this scalar's value is in the file, for
  // plain, quoted and block (| >) scalars alike.
  SourceLocation location_in_value(size_t offset) const;

  std::string child_path(std::string_view key) const;

 private:
  YamlSourcePtr source_;
  YAML::Node node_;
  std::string path_;
  SourceLocation key_where_;
};

// --- helpers usable on their own ---

// Parses a length: "12", "12pt", "2.5cm", "30mm", "1in" (spaces allowed before the
// unit, Thai digits allowed); nullopt if malformed.
std::optional<double> parse_length(std::string_view text);

// True if `path` lies inside one of `dirs` or below it, both with symlinks followed
// (the parts that exist) and made absolute.
bool path_inside(const std::string& path, const std::vector<std::string>& dirs);

// Levenshtein distance (on code points).
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely typo, else "".
std::string suggest(std::string_view word, const std::vector<std::string>& candidates);

// "a, b or c"
std::string join_alternatives(const std::vector<std::string>& names, const char* last = " or ");

// --- template implementation ---

template <class T>
T YamlNode::as_enum(std::initializer_list<std::pair<std::string_view, T>> values) const {
  std::string s = as_string();
  std::vector<std::string> names;
  for (const auto& [name, value] : values) {
    if (s == name) return value;
    names.emplace_back(name);
  }
  std::string hint = suggest(s, names);
  std::string message = "unknown value '" + s + "' (expected " + join_alternatives(names);
  if (!hint.empty()) message += "; did you mean '" + hint + "'?";
  report_error(error(message + ")"));
  return values.begin()->second;  // recorded: reading goes on with the first value
}

}  // namespace thaidoc
