// Data for `thaidoc batch`: the records that fill a template's {{placeholders}}.
//
// CSV (RFC 4180): UTF-8 (a BOM is dropped), the first row names the columns, fields are
// separated by ',', a field in double quotes may hold commas, line breaks and quotes
// written twice (""); lines end in LF or CRLF; empty lines are skipped. A row with fewer
// fields than the header lacks the missing columns (a placeholder using one is an error
// for that record); a row with more fields, or with text after a closing quote, is an
// error for that record only; so is a field over 1 MB (input_limits::kMaxValueBytes).
//
// YAML: a list of mappings. Nested mappings are flattened with '.' (`chief: {name: x}`
// gives `chief.name`), list items with their 1-based number (`scores: [90, 85]` gives
// `scores.1`, `scores.2`); scalars are taken as written, an empty value is "". An item
// that is not a mapping, or a duplicate key, is an error for that record only.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace thaidoc {

struct DataRecord {
  size_t number = 0;  // 1-based record number
  int line = 0;       // line in the data file where the record starts
  size_t field_count = 0;  // CSV: the number of fields in the row
  std::vector<std::pair<std::string, std::string>> fields;  // in file order
  std::string error;  // non-empty: the record is broken (message without location)
};

struct DataSet {
  std::string path;
  bool csv = false;
  std::vector<std::string> columns;  // CSV: the header; YAML: empty
  std::vector<DataRecord> records;
};

// Reads a .csv, or a .yaml/.yml file. Throws Error: exit code 1 if unreadable, 2 for
// invalid UTF-8, an unclosed quote, a bad header or invalid YAML (with line:column).
DataSet read_data_file(const std::string& path);
DataSet read_csv_string(const std::string& text, const std::string& path_for_messages);
DataSet read_yaml_data_string(const std::string& text, const std::string& path_for_messages);

}  // namespace thaidoc
