#include "input/yaml_reader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <unordered_set>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "base/digits.h"
#include "base/input_file.h"
#include "base/utf8.h"
#include "image/image.h"
#include "input/error_collector.h"
#include "model/template.h"

namespace thaidoc {
namespace fs = std::filesystem;

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

// A whole-string decimal number (Thai digits allowed); no "nan", "inf" or hex.
std::optional<double> parse_number(std::string_view text) {
  std::string s = trim(convert_digits(text, DigitStyle::Arabic));
  if (s.empty()) return std::nullopt;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
      return std::nullopt;
    }
  }
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Common slips in documents whose text uses markup characters.
std::string yaml_error_hint(const std::string& msg) {
  auto has = [&](const char* part) { return msg.find(part) != std::string::npos; };
  if (has("anchor")) return " (text that starts with '*', such as **bold**, must be in quotes)";
  if (has("end of sequence") || has("end of map flow")) {
    return " (a list written [a, b] must end with ']'; text that starts with '[', such as a [link](...), "
           "must be in quotes)";
  }
  if (has("unknown escape")) return " (inside double quotes write a backslash as '\\', or use single quotes)";
  if (has("illegal map value")) return " (text containing ': ' must be in quotes)";
  return "";
}

// Walks a parsed file once, the way the readers will, and enforces yaml_limits: the
// nesting depth, the size of each value, and the number of values with every alias
// use counted in full (yaml-cpp shares an anchored node among its aliases, so a small
// text can stand for billions of values).
class LimitChecker {
 public:
  explicit LimitChecker(const YamlSource& source) : source_(source) {}
  void check(const YAML::Node& root) { visit(root, 1, 0); }

 private:
  // `site`: the byte offset where the value is used (its key, or the list holding it);
  // an alias use has no mark of its own, so errors inside one point there.
  void visit(const YAML::Node& node, int depth, int site) {
    int pos = node.Mark().pos;
    bool first_use = pos < 0 || seen_.insert(pos).second;
    if (pos < 0) pos = site;
    int outer_alias = alias_site_;
    if (!first_use && alias_site_ < 0) alias_site_ = site;
    if (++values_ > yaml_limits::kMaxValues) {
      fail(alias_site_ >= 0 ? alias_site_ : pos,
           "too many values: more than " + std::to_string(yaml_limits::kMaxValues) +
               " with every alias (*name) expanded; a document this large is refused");
    }
    if (depth > yaml_limits::kMaxDepth) {
      fail(alias_site_ >= 0 ? alias_site_ : pos, "nested too deeply: more than " +
                                                     std::to_string(yaml_limits::kMaxDepth) +
                                                     " levels of lists and mappings");
    }
    if (node.IsScalar() && first_use && node.Scalar().size() > yaml_limits::kMaxScalarBytes) {
      fail(pos, "value too long: " + std::to_string(node.Scalar().size()) + " bytes (at most " +
                    std::to_string(yaml_limits::kMaxScalarBytes >> 20) + " MB in one value)");
    }
    if (node.IsScalar()) {
      // Every use counts with its bytes: twenty aliases of a 1 MB value are 20 MB of text.
      bytes_ += node.Scalar().size();
      if (bytes_ > yaml_limits::kMaxExpandedBytes) {
        fail(alias_site_ >= 0 ? alias_site_ : pos,
             "too much text: more than " + std::to_string(yaml_limits::kMaxExpandedBytes >> 20) +
                 " MB of values with every alias (*name) expanded; a document this large is refused");
      }
    }
    if (node.IsSequence()) {
      for (auto it = node.begin(); it != node.end(); ++it) visit(*it, depth + 1, pos);
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        int key = it->first.Mark().pos;
        visit(it->first, depth + 1, pos);
        visit(it->second, depth + 1, key >= 0 ? key : pos);
      }
    }
    alias_site_ = outer_alias;
  }

  [[noreturn]] void fail(int pos, const std::string& message) const {
    throw Error(source_.at_offset(static_cast<size_t>(std::max(pos, 0))), message, 2);
  }

  const YamlSource& source_;
  std::unordered_set<int> seen_;  // marks (byte offsets) of the values already visited
  size_t values_ = 0;
  size_t bytes_ = 0;  // bytes of the scalars, each alias use counted in full
  int alias_site_ = -1;  // where the alias being expanded is used; -1: none
};

// yaml-cpp 0.7's LoadAll never returns, its memory growing without end, when a document
// would start with a token that no value can start with: its parser then reads an empty
// document without taking the token and starts the next document at the same token, for
// ever (its issue 1040, fixed upstream after 0.7). That happens to a ',' that starts a token
// outside a flow collection ([a, b] or {a: 1}) where a document or its root value starts or
// after the root value ended ("," alone, `"x",`, "[a]" then "," on the next line, "&a ,",
// "---" then ","), and to a '?' at column 0 after a top-level block scalar ("!x |" ... "? k").
// So the text is first parsed with a handler that only watches where documents start: a
// document that starts where the one before it started is that loop, refused at the token.
// Reading stops at the third document (a second one is an error anyway).
class DocumentStarts : public YAML::EventHandler {
 public:
  struct NoProgress {
    YAML::Mark mark;
  };
  struct Enough {};
  std::vector<YAML::Mark> starts;

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (!starts.empty() && starts.back().pos == mark.pos) throw NoProgress{mark};
    if (starts.size() == 2) throw Enough{};
    starts.push_back(mark);
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// The character (a whole UTF-8 sequence) at a byte offset, for a message.
std::string char_at(const std::string& text, size_t offset) {
  if (offset >= text.size()) return "";
  size_t end = offset + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return escape_controls(std::string_view(text).substr(offset, end - offset));
}

// True when yaml-cpp can read only one document from the text, so that the check below is
// not needed (it costs a second parse: 20 ms for a 77 KB report): the first line that is not
// blank or a comment starts with `name:` at column 0, which makes the root a block mapping at
// indent 0, and yaml-cpp ends that mapping only at the end of the text or at a line that
// starts with '---', '...' or '%', of which there is none. (Documents and templates start
// so; a list at column 0 ends at a line that does not start with '-', so lists are checked.)
// The loop itself cannot come back through this: YAML::Load reads one document only.
bool one_block_mapping(std::string_view t) {
  bool first = true;
  for (size_t start = 0; start < t.size();) {
    size_t end = t.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = t.size();
    std::string_view line = t.substr(start, end - start);
    start = end + 1;
    if (line.starts_with("---") || line.starts_with("...") || line.starts_with("%")) return false;
    if (!first) continue;
    size_t k = line.find_first_not_of(" \t");
    if (k == std::string_view::npos || line[k] == '#') continue;  // blank or a comment
    first = false;
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    size_t i = 0;
    if (line.empty() || !letter(line[0])) return false;
    while (i < line.size() && (letter(line[i]) || (line[i] >= '0' && line[i] <= '9'))) ++i;
    if (i >= line.size() || line[i] != ':') return false;
    if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t') return false;
  }
  return !first;
}

// Parses `text` once with DocumentStarts; throws the Error for the loop or for a second
// document. YAML::Exception (a syntax error) passes through.
void check_document_starts(const YamlSource& source) {
  DocumentStarts starts;
  const std::string& text = source.text();
  try {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(starts)) {
    }
  } catch (const DocumentStarts::NoProgress& loop) {
    std::string c = char_at(text, static_cast<size_t>(std::max(loop.mark.pos, 0)));
    std::string hint = c == ","
                           ? " (a ',' separates the items of [a, b] or {a: 1, b: 2}; text that starts with ',' "
                             "must be in quotes)"
                           : " (text that starts with '" + c + "' must be in quotes)";
    throw Error(source.at(loop.mark), "invalid YAML: unexpected '" + c + "'" + hint, 2);
  } catch (const DocumentStarts::Enough&) {
  }
  if (starts.starts.size() < 2) return;
  const YAML::Mark& second = starts.starts[1];
  size_t pos = static_cast<size_t>(std::max(second.pos, 0));
  if (text.compare(pos, 3, "---") == 0) {
    // A second document ('---' after the first) would be silently ignored.
    throw Error(source.at(second),
                "a second YAML document (after '---'): a file holds one document; remove the '---' line "
                "or put the second document in its own file",
                2);
  }
  throw Error(source.at(second),
              "invalid YAML: unexpected '" + char_at(text, pos) +
                  "' after the end of the document's top-level value",
              2);
}

[[noreturn]] void file_too_large(const std::string& path) {
  throw Error(SourceLocation{path}, file_too_large_message(yaml_limits::kMaxFileBytes), 2);
}

}  // namespace

// ---------------------------------------------------------------- YamlSource

YamlSource::YamlSource(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  uint32_t continuation = 0;
  for (size_t i = 0; i < text_.size(); ++i) {
    if (i % 64 == 0) continuation_before_.push_back(continuation);
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++continuation;
  }
}

SourceLocation YamlSource::at_offset(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
  size_t start = line_starts_[line - 1];
  // Code points from the line's start: bytes minus continuation bytes.
  auto continuation_before = [&](size_t pos) {
    size_t block = pos / 64;
    size_t n = block < continuation_before_.size() ? continuation_before_[block] : 0;
    for (size_t i = block * 64; i < pos; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++n;
    }
    return n;
  };
  size_t chars = (offset - start) - (continuation_before(offset) - continuation_before(start));
  return SourceLocation{path_, static_cast<int>(line), static_cast<int>(chars) + 1};
}

SourceLocation YamlSource::at(const YAML::Mark& mark) const {
  if (mark.pos < 0 || mark.line < 0) return SourceLocation{path_, 0, 0};
  return at_offset(static_cast<size_t>(mark.pos));
}

// ---------------------------------------------------------------- loading

YamlNode YamlDocument::root_node() const {
  return YamlNode(source, root, "", source->at(root.Mark()));
}

YamlDocument load_yaml_string(std::string text, const std::string& path) {
  if (text.size() > yaml_limits::kMaxFileBytes) file_too_large(path);
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (auto bad = utf8::find_invalid(text)) {
    int line = 0, column = 0;
    utf8::line_column(text, *bad, line, column);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    throw Error(SourceLocation{path, line, column},
                std::string("invalid UTF-8 (byte ") + byte + "); save the file as UTF-8", 2);
  }
  YamlDocument doc;
  auto source = std::make_shared<YamlSource>(path, std::move(text));
  doc.source = source;
  try {
    if (!one_block_mapping(source->text())) check_document_starts(*source);  // before yaml-cpp could loop
    doc.root = YAML::Load(source->text());
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own limit (500), far above ours
    throw Error(source->at(e.mark),
                "nested too deeply: more than " + std::to_string(yaml_limits::kMaxDepth) +
                    " levels of lists and mappings",
                2);
  } catch (const YAML::Exception& e) {
    // A tab used for indentation confuses the parser; point at the tab instead.
    const std::string& t = source->text();
    size_t limit = e.mark.pos >= 0 ? static_cast<size_t>(e.mark.pos) : t.size();
    for (size_t i = 0; i < t.size() && i <= limit; i = t.find('\n', i) + 1) {
      size_t j = i;
      while (j < t.size() && t[j] == ' ') ++j;
      if (j < t.size() && t[j] == '\t') {
        throw Error(source->at_offset(j), "invalid YAML: a tab in the indentation (indent with spaces)", 2);
      }
      if (t.find('\n', i) == std::string::npos) break;
    }
    throw Error(source->at(e.mark), "invalid YAML: " + e.msg + yaml_error_hint(e.msg), 2);
  }
  LimitChecker(*source).check(doc.root);
  return doc;
}

YamlDocument load_yaml_file(const std::string& path) {
  // Only regular files (a FIFO or a device is refused without blocking), at most the limit.
  return load_yaml_string(read_input_file(path, yaml_limits::kMaxFileBytes), path);
}

// ---------------------------------------------------------------- YamlNode

YamlNode::YamlNode(YamlSourcePtr source, YAML::Node node, std::string path,
                   SourceLocation key_location)
    : source_(std::move(source)),
      node_(std::move(node)),
      path_(std::move(path)),
      key_where_(std::move(key_location)) {}

SourceLocation YamlNode::where() const {
  // An empty value's mark is wherever the parser noticed it was empty (often the next line).
  if (!node_.IsDefined() || node_.IsNull()) return key_where_;
  SourceLocation loc = source_->at(node_.Mark());
  return loc.line > 0 ? loc : key_where_;
}

Error YamlNode::error_at(const SourceLocation& where, const std::string& message) const {
  return Error(where, path_.empty() ? message : path_ + ": " + message, 2, path_);
}

Error YamlNode::error(const std::string& message) const { return error_at(where(), message); }

std::string YamlNode::child_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void YamlNode::expect_map() const {
  if (!node_.IsMap()) fail("expected a mapping");
}

std::vector<std::pair<std::string, YamlNode>> YamlNode::entries() const {
  expect_map();
  std::vector<std::pair<std::string, YamlNode>> out;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    SourceLocation key_loc = source_->at(it->first.Mark());
    if (!it->first.IsScalar()) {
      throw error_at(key_loc, "a key must be a plain name, not a list or mapping");
    }
    std::string key = it->first.Scalar();
    out.emplace_back(key, YamlNode(source_, it->second, child_path(key), key_loc));
  }
  return out;
}

std::vector<std::string> YamlNode::keys() const {
  std::vector<std::string> out;
  for (auto& [key, value] : entries()) out.push_back(key);
  return out;
}

void YamlNode::check_keys(std::initializer_list<std::string_view> allowed) const {
  std::vector<std::string> list;
  for (auto k : allowed) list.emplace_back(k);
  check_keys(list);
}

void YamlNode::check_keys(const std::vector<std::string>& allowed) const {
  std::map<std::string, int> seen;  // key -> line
  for (auto& [key, value] : entries()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string hint = suggest(key, allowed);
      std::string message = hint.empty()
                                ? "unknown key (expected one of: " + join_alternatives(allowed, ", ") + ")"
                                : "unknown key (did you mean '" + hint + "'?)";
      report_error(Error(value.key_where(), value.path() + ": " + message, 2, value.path()));
      continue;  // an unknown key is skipped
    }
    auto [it, inserted] = seen.emplace(key, value.key_where().line);
    if (!inserted) {
      report_error(Error(value.key_where(),
                         value.path() + ": duplicate key (first given on line " + std::to_string(it->second) + ")",
                         2, value.path()));
    }
  }
}

std::optional<YamlNode> YamlNode::get_raw(std::string_view key) const {
  expect_map();
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) {
      return YamlNode(source_, it->second, child_path(key), source_->at(it->first.Mark()));
    }
  }
  return std::nullopt;
}

std::optional<YamlNode> YamlNode::get(std::string_view key) const {
  auto node = get_raw(key);
  if (!node || node->is_null()) return std::nullopt;
  return node;
}

bool YamlNode::has(std::string_view key) const { return get(key).has_value(); }

YamlNode YamlNode::required(std::string_view key) const {
  auto node = get_raw(key);
  if (!node) {
    // Recorded; reading goes on with an empty value here (whatever fails on it is at the
    // same place, so it is not reported again).
    report_error(Error(where(), child_path(key) + ": required field is missing", 2, child_path(key)));
    return YamlNode(source_, YAML::Node(YAML::NodeType::Null), child_path(key), where());
  }
  if (node->is_null()) report_error(node->error("value is empty"));
  return *node;
}

std::vector<YamlNode> YamlNode::items() const {
  if (!node_.IsSequence()) fail("expected a list");
  std::vector<YamlNode> out;
  size_t index = 0;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    ++index;
    YamlNode item(source_, *it, path_ + "[" + std::to_string(index) + "]", SourceLocation{});
    item.key_where_ = item.source_->at(it->Mark());
    // An empty item ("-" alone) has no useful mark of its own; use the list's.
    if (item.is_null() || item.key_where_.line == 0) item.key_where_ = where();
    out.push_back(std::move(item));
  }
  return out;
}

std::string YamlNode::as_string() const {
  if (!node_.IsScalar()) fail("expected a string");
  return node_.Scalar();
}

std::string YamlNode::as_nonempty_string() const {
  std::string s = as_string();
  if (trim(s).empty()) fail("must not be empty");
  return s;
}

std::vector<std::string> YamlNode::as_string_list() const {
  if (node_.IsSequence()) {
    std::vector<std::string> out;
    for (const auto& item : items()) {
      if (!item.is_scalar()) item.fail("expected a string");
      out.push_back(item.as_string());
    }
    return out;
  }
  if (!node_.IsScalar()) fail("expected a string or a list of strings");
  return {node_.Scalar()};
}

double YamlNode::as_number() const {
  if (!node_.IsScalar()) fail("expected a number");
  auto v = parse_number(node_.Scalar());
  if (!v) fail("expected a number");
  return *v;
}

double YamlNode::as_number(double min, double max) const {
  double v = as_number();
  if (v < min || v > max) {
    report_error(error("must be between " + format_number(min) + " and " + format_number(max)));
    return std::clamp(v, min, max);
  }
  return v;
}

int YamlNode::as_int(int min, int max) const {
  if (!node_.IsScalar()) fail("expected a whole number");
  auto v = parse_number(node_.Scalar());
  if (!v || *v != std::floor(*v)) fail("expected a whole number");
  if (*v < min || *v > max) {
    report_error(error("must be between " + std::to_string(min) + " and " + std::to_string(max)));
    return *v < min ? min : max;
  }
  return static_cast<int>(*v);
}

bool YamlNode::as_bool() const {
  if (node_.IsScalar()) {
    std::string s = lower_ascii(node_.Scalar());
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  fail("expected true or false");
}

double YamlNode::as_length(double min, double max) const {
  static const char* kHint = "a number of points, or a number with pt, cm, mm or in, e.g. '2.5cm'";
  if (!node_.IsScalar()) fail(std::string("expected a length (") + kHint + ")");
  auto v = parse_length(node_.Scalar());
  if (!v) fail("'" + node_.Scalar() + "' is not a length (expected " + kHint + ")");
  if (*v < min) {
    report_error(error(min == 0 ? std::string("must not be negative")
                                : "must be at least " + format_number(min) + "pt"));
    return min;
  }
  if (*v > max) {
    report_error(error("must be at most " + format_number(max) + "pt"));
    return max;
  }
  return *v;
}

SourceLocation YamlNode::location_in_value(size_t offset) const {
  SourceLocation start = where();
  if (!node_.IsScalar() || node_.Mark().pos < 0) return start;
  std::u32string value = utf8::decode(node_.Scalar());
  if (offset >= value.size()) return start;
  // The value's non-blank characters appear in the file in the same order (folding and
  // indentation only change blanks), so match them one by one from the scalar's start.
  const std::string& text = source_->text();
  size_t pos = static_cast<size_t>(node_.Mark().pos);
  for (size_t k = 0; k <= offset; ++k) {
    char32_t c = value[k];
    if (k < offset && is_space(c)) continue;
    bool found = false;
    size_t here = pos;
    while (pos < text.size()) {
      here = pos;
      if (utf8::next(text, pos) == c) {
        found = true;
        break;
      }
    }
    if (!found) {
      // Escape sequences in a double-quoted scalar: fall back to counting from the start.
      if (start.column > 0) start.column += static_cast<int>(offset);
      return start;
    }
    if (k == offset) return source_->at_offset(here);
  }
  return start;
}

InlineText YamlNode::as_inline() const {
  std::string s = as_string();
  try {
    return parse_inline(s, SourceLocation{source_->path(), 1, 1});
  } catch (const Error& e) {
    // parse_inline placed the error relative to line 1 column 1 of the value;
    // turn that back into an offset and then into a place in the file.
    std::u32string value = utf8::decode(s);
    size_t offset = 0;
    int line = 1;
    while (offset < value.size() && line < e.where().line) {
      if (value[offset] == U'\n') ++line;
      ++offset;
    }
    offset += static_cast<size_t>(std::max(e.where().column, 1) - 1);
    throw error_at(location_in_value(offset), e.message());
  }
}

std::string YamlNode::as_image_path(const std::string& base_dir, bool allow_outside) const {
  std::string name = trim(as_nonempty_string());
  fs::path p(name);
  fs::path resolved = p.is_absolute() ? p : fs::path(base_dir) / p;
  resolved = resolved.lexically_normal();
  std::error_code ec;
  if (!allow_outside && !path_inside(resolved.string(), {base_dir})) {
    fail("image file '" + name + "' is outside the document's folder");
  }
  if (!fs::exists(resolved, ec)) fail("image file '" + name + "' not found");
  if (!fs::is_regular_file(resolved, ec)) fail("image file '" + name + "' is not a file");
  // Decoded here (and cached for layout and the PDF writer), so that a bad image is an
  // error at this key: damaged, truncated, oversized, or not a PNG or JPEG at all.
  image::Loaded loaded = image::load_image(resolved.string());
  if (!loaded.ok()) fail("image file '" + name + "' " + loaded.problem);
  return resolved.string();
}

// ---------------------------------------------------------------- helpers

std::optional<double> parse_length(std::string_view text) {
  std::string s = trim(text);
  struct Unit {
    const char* name;
    double points;
  };
  static const Unit kUnits[] = {{"pt", 1.0}, {"cm", kPointsPerCm}, {"mm", kPointsPerCm / 10}, {"in", 72.0}};
  std::string lower = lower_ascii(s);
  for (const auto& unit : kUnits) {
    size_t n = std::strlen(unit.name);
    if (lower.size() > n && lower.compare(lower.size() - n, n, unit.name) == 0) {
      auto v = parse_number(s.substr(0, s.size() - n));
      if (!v) return std::nullopt;
      return *v * unit.points;
    }
  }
  return parse_number(s);
}

bool path_inside(const std::string& path, const std::vector<std::string>& dirs) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  for (const auto& dir : dirs) {
    std::error_code dir_ec;
    fs::path base = fs::weakly_canonical(fs::absolute(dir, dir_ec), dir_ec);
    if (dir_ec) continue;
    fs::path rel = real.lexically_relative(base);
    if (!rel.empty() && *rel.begin() != "..") return true;
  }
  return false;
}

size_t edit_distance(std::string_view a8, std::string_view b8) {
  std::u32string a = utf8::find_invalid(a8) ? std::u32string(a8.begin(), a8.end()) : utf8::decode(a8);
  std::u32string b = utf8::find_invalid(b8) ? std::u32string(b8.begin(), b8.end()) : utf8::decode(b8);
  // Optimal string alignment: insertions, deletions, substitutions and swaps of two
  // neighbours ("subejct") each cost one.
  std::vector<size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string lower = lower_ascii(word);
  std::string best;
  size_t best_distance = SIZE_MAX;
  size_t length = utf8::find_invalid(word) ? word.size() : utf8::decode(word).size();
  size_t limit = std::min<size_t>(2, std::max<size_t>(1, length / 3));
  for (const auto& c : candidates) {
    size_t d = lower == lower_ascii(c) ? 0 : edit_distance(lower, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best_distance <= limit ? best : std::string();
}

std::string join_alternatives(const std::vector<std::string>& names, const char* last) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? last : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace thaidoc
