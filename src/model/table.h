// Tables: columns, header rows of any depth (repeated on every page), body rows
// with colspan/rowspan, full-width group rows, footer rows.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace thaidoc {

struct Block;
enum class BlockAlign;

enum class VerticalAlign { Top, Middle, Bottom };

struct TableCell {
  std::vector<Block> blocks;  // paragraphs, lists, ...; text with "\n" line breaks
  int colspan = 1;
  int rowspan = 1;
  std::optional<BlockAlign> align;
  std::optional<VerticalAlign> valign;
  std::optional<bool> bold;
};

enum class RowKind { Normal, Group, Footer };

struct TableRow {
  std::vector<TableCell> cells;
  RowKind kind = RowKind::Normal;  // Group: one cell across the table
  std::optional<BlockAlign> align;
  std::optional<VerticalAlign> valign;
  std::optional<bool> bold;
};

struct TableColumn {
  enum class Unit { Points, Percent, Relative } unit = Unit::Relative;
  double value = 1;  // points, percent of the table width, or a relative weight
  std::optional<BlockAlign> align;
  std::optional<VerticalAlign> valign;
};

enum class TableBorders { All, None, Outer, Horizontal };

struct Table {
  std::vector<TableColumn> columns;
  std::vector<TableRow> header;  // repeated at the top of every page the table covers
  std::vector<TableRow> body;
  std::vector<TableRow> footer;  // after the last body row (totals)
  std::optional<double> font_size;  // template default if unset
  std::optional<double> padding;
  std::optional<TableBorders> borders;
  std::string caption;             // above the table
  std::optional<std::string> continued;  // on continuation pages, e.g. "(ต่อ)"; template default if unset
  std::optional<bool> repeat_group;      // restate the current group row after a page break
};

enum class Orientation { Portrait, Landscape };

// Blocks on pages of their own orientation (a landscape results table in a portrait report).
struct Section {
  Orientation orientation = Orientation::Landscape;
  std::vector<Block> blocks;
};

}  // namespace thaidoc
