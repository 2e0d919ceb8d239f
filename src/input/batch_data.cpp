#include "input/batch_data.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/error.h"
#include "base/input_file.h"
#include "base/utf8.h"
#include "input/yaml_reader.h"

namespace thaidoc {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxDepth = 100;

SourceLocation location(const std::string& text, size_t offset, const std::string& path) {
  int line = 0, column = 0;
  utf8::line_column(text, offset, line, column);
  return SourceLocation{path, line, column};
}

std::string strip_bom(std::string text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  return text;
}

void check_utf8(const std::string& text, const std::string& path) {
  if (auto bad = utf8::find_invalid(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    throw Error(location(text, *bad, path), std::string("invalid UTF-8 (byte ") + byte + "); save the file as UTF-8",
                2);
  }
}

std::string trim_spaces(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
  std::string error;
  bool blank = false;  // an empty line
};

class CsvParser {
 public:
  CsvParser(const std::string& text, const std::string& path) : t_(text), path_(path) {}

  bool done() const { return i_ >= t_.size(); }

  CsvRow row() {
    CsvRow r;
    r.line = line_;
    if (at_line_end()) {
      r.blank = true;
      skip_line_end();
      return r;
    }
    while (true) {
      r.fields.push_back(field(r));
      if (i_ < t_.size() && t_[i_] == ',') {
        ++i_;
        continue;
      }
      skip_line_end();
      return r;
    }
  }

 private:
  bool at_line_end() const {
    return i_ >= t_.size() || t_[i_] == '\n' || (t_[i_] == '\r' && i_ + 1 < t_.size() && t_[i_ + 1] == '\n');
  }
  void skip_line_end() {
    if (i_ < t_.size() && t_[i_] == '\r') ++i_;
    if (i_ < t_.size() && t_[i_] == '\n') {
      ++i_;
      ++line_;
    }
  }
  std::string unquoted() {
    std::string s;
    while (i_ < t_.size() && t_[i_] != ',' && !at_line_end()) s.push_back(t_[i_++]);
    return s;
  }
  std::string field(CsvRow& r) {
    if (i_ >= t_.size() || t_[i_] != '"') return unquoted();
    size_t open = i_++;
    std::string s;
    while (true) {
      if (i_ >= t_.size()) throw Error(location(t_, open, path_), "unclosed quote (a quoted field ends with \")", 2);
      char c = t_[i_++];
      if (c == '"') {
        if (i_ < t_.size() && t_[i_] == '"') {
          s.push_back('"');
          ++i_;
          continue;
        }
        break;
      }
      if (c == '\n') ++line_;
      s.push_back(c);
    }
    if (i_ < t_.size() && t_[i_] != ',' && !at_line_end()) {
      if (r.error.empty()) {
        SourceLocation at = location(t_, i_, path_);
        r.error = "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
                  ": text after the closing quote of a field (write a quote inside a quoted field as \"\")";
      }
      s += unquoted();
    }
    return s;
  }

  const std::string& t_;
  const std::string& path_;
  size_t i_ = 0;
  int line_ = 1;
};

void flatten(const YamlNode& node, const std::string& prefix, DataRecord& record, std::set<std::string>& seen,
             int depth) {
  if (depth > kMaxDepth) node.fail("nested too deeply");
  auto add = [&](const std::string& key, std::string value) {
    if (!seen.insert(key).second) node.fail("the key '" + key + "' is given twice");
    record.fields.emplace_back(key, std::move(value));
  };
  if (node.is_map()) {
    for (const auto& [key, value] : node.entries()) {
      flatten(value, prefix.empty() ? key : prefix + "." + key, record, seen, depth + 1);
    }
  } else if (node.is_list()) {
    size_t n = 0;
    for (const auto& item : node.items()) flatten(item, prefix + "." + std::to_string(++n), record, seen, depth + 1);
  } else if (node.is_scalar()) {
    add(prefix, node.as_string());
  } else {
    add(prefix, "");  // empty value
  }
}

}  // namespace

DataSet read_csv_string(const std::string& input, const std::string& path) {
  std::string text = strip_bom(input);
  check_utf8(text, path);
  DataSet data;
  data.path = path;
  data.csv = true;
  CsvParser parser(text, path);
  bool have_header = false;
  std::vector<bool> used;  // columns with a name
  while (!parser.done()) {
    CsvRow row = parser.row();
    if (row.blank) continue;
    if (!have_header) {
      have_header = true;
      std::set<std::string> names;
      for (size_t c = 0; c < row.fields.size(); ++c) {
        std::string name = trim_spaces(row.fields[c]);
        if (!name.empty() && !names.insert(name).second) {
          throw Error(SourceLocation{path, row.line}, "the header names column '" + name + "' twice", 2);
        }
        data.columns.push_back(name);
      }
      if (!row.error.empty()) throw Error(SourceLocation{path}, "header: " + row.error, 2);
      continue;
    }
    DataRecord record;
    record.number = data.records.size() + 1;
    record.line = row.line;
    record.error = row.error;
    record.field_count = row.fields.size();
    for (size_t c = 0; c < row.fields.size(); ++c) {
      if (c >= data.columns.size()) {
        if (!row.fields[c].empty() && record.error.empty()) {
          record.error = "the row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                         std::to_string(data.columns.size()) + " columns";
        }
        continue;
      }
      if (row.fields[c].size() > input_limits::kMaxValueBytes && record.error.empty()) {
        record.error = "the value of column '" + data.columns[c] + "' is too long: " +
                       std::to_string(row.fields[c].size()) + " bytes (at most " +
                       std::to_string(input_limits::kMaxValueBytes >> 20) + " MB in one value)";
      }
      if (!data.columns[c].empty()) record.fields.emplace_back(data.columns[c], std::move(row.fields[c]));
    }
    data.records.push_back(std::move(record));
  }
  if (!have_header) throw Error(SourceLocation{path}, "the file is empty (expected a header row naming the columns)", 2);
  return data;
}

DataSet read_yaml_data_string(const std::string& text, const std::string& path) {
  YamlDocument yaml = load_yaml_string(text, path);
  YamlNode root = yaml.root_node();
  DataSet data;
  data.path = path;
  if (root.is_null()) return data;
  if (!root.is_list()) {
    throw Error(root.where().line > 0 ? root.where() : SourceLocation{path, 1, 1},
                "expected a list of records (each item a mapping such as '- org: ...')", 2);
  }
  for (const YamlNode& item : root.items()) {
    DataRecord record;
    record.number = data.records.size() + 1;
    record.line = item.where().line;
    try {
      if (!item.is_map()) item.fail("expected a mapping (key: value lines)");
      std::set<std::string> seen;
      flatten(item, "", record, seen, 0);
    } catch (const Error& e) {
      record.fields.clear();
      record.error = e.what();
    }
    data.records.push_back(std::move(record));
  }
  return data;
}

DataSet read_data_file(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".csv" && ext != ".yaml" && ext != ".yml" && ext != ".json") {
    throw Error(SourceLocation{path}, "unknown data format '" + ext + "' (expected a .csv, .yaml or .yml file)", 2);
  }
  // A regular file (no FIFO or device) of at most 50 MB.
  std::string text = read_input_file(path, input_limits::kMaxFileBytes);
  return ext == ".csv" ? read_csv_string(text, path) : read_yaml_data_string(text, path);
}

}  // namespace thaidoc
