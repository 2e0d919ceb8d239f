#include "input/table_reader.h"

#include <cctype>

namespace thaidoc {

BlockAlign read_align(const YamlNode& node) {
  return node.as_enum<BlockAlign>({{"left", BlockAlign::Left},
                                   {"center", BlockAlign::Center},
                                   {"right", BlockAlign::Right},
                                   {"justify", BlockAlign::Justify}});
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

TableColumn read_column(const YamlNode& node) {
  TableColumn col;
  // (No assignment to a YamlNode here: assigning a yaml-cpp node writes into the document.)
  std::optional<YamlNode> map;
  if (node.is_map()) {
    node.check_keys({"width", "align", "valign"});
    map = node;
  }
  const YamlNode width = map ? map->required("width") : node;
  if (!width.is_scalar()) width.fail("expected a width such as 2.5cm, 30% or 2 (a relative weight)");
  std::string w = width.as_string();
  if (!w.empty() && w.back() == '%') {
    char* end = nullptr;
    std::string num = w.substr(0, w.size() - 1);
    double v = std::strtod(num.c_str(), &end);
    if (num.empty() || *end != '\0' || !(v > 0 && v <= 100)) width.fail("'" + w + "' is not a percentage between 0 and 100");
    col.unit = TableColumn::Unit::Percent;
    col.value = v;
  } else if (w.find_first_not_of("0123456789.") == std::string::npos) {
    col.unit = TableColumn::Unit::Relative;
    col.value = width.as_number(0.01, 1000);
  } else {
    col.unit = TableColumn::Unit::Points;
    col.value = width.as_length(1, 10000);
  }
  if (map) {
    if (auto n = map->get("align")) col.align = read_align(*n);
    if (auto n = map->get("valign")) col.valign = read_valign(*n);
  }
  return col;
}

class RowReader {
 public:
  RowReader(const std::function<std::vector<Block>(const YamlNode&)>& cell_blocks,
            const std::function<Block(const YamlNode&)>& paragraph)
      : cell_blocks_(cell_blocks), paragraph_(paragraph) {}

  TableCell cell(const YamlNode& node) {
    TableCell c;
    if (node.is_null()) return c;  // an empty cell
    if (node.is_scalar()) {
      c.blocks.push_back(paragraph_(node));
      return c;
    }
    if (node.is_list()) {
      c.blocks = cell_blocks_(node);
      return c;
    }
    node.expect_map();
    node.check_keys({"text", "blocks", "colspan", "rowspan", "align", "valign", "bold"});
    if (auto t = node.get("text")) c.blocks.push_back(paragraph_(*t));
    if (auto b = node.get("blocks")) {
      if (node.has("text")) b->fail("a cell has either 'text' or 'blocks'");
      c.blocks = cell_blocks_(*b);
    }
    if (auto n = node.get("colspan")) c.colspan = n->as_int(1, 100);
    if (auto n = node.get("rowspan")) c.rowspan = n->as_int(1, 10000);
    if (auto n = node.get("align")) c.align = read_align(*n);
    if (auto n = node.get("valign")) c.valign = read_valign(*n);
    if (auto n = node.get("bold")) c.bold = n->as_bool();
    return c;
  }

  TableRow row(const YamlNode& node, RowKind default_kind) {
    TableRow r;
    r.kind = default_kind;
    if (node.is_list()) {
      for (const auto& item : node.items()) r.cells.push_back(cell(item));
      return r;
    }
    if (!node.is_map()) node.fail("expected a row: a list of cells, or a mapping with 'cells' or 'group'");
    node.check_keys({"cells", "group", "align", "valign", "bold"});
    if (auto g = node.get("group")) {
      if (node.has("cells")) g->fail("a row has either 'cells' or 'group'");
      r.kind = RowKind::Group;
      r.cells.push_back(cell(*g));
    } else {
      for (const auto& item : node.required("cells").items()) r.cells.push_back(cell(item));
    }
    if (auto n = node.get("align")) r.align = read_align(*n);
    if (auto n = node.get("valign")) r.valign = read_valign(*n);
    if (auto n = node.get("bold")) r.bold = n->as_bool();
    return r;
  }

  std::vector<TableRow> rows(const YamlNode& node, RowKind kind) {
    std::vector<TableRow> out;
    for (const auto& item : node.items()) out.push_back(row(item, kind));
    return out;
  }

 private:
  const std::function<std::vector<Block>(const YamlNode&)>& cell_blocks_;
  const std::function<Block(const YamlNode&)>& paragraph_;
};

// Cells must fill the columns exactly once the spans are counted.
void check_grid(const std::vector<TableRow>& rows, const YamlNode& node, size_t columns) {
  std::vector<int> pending(columns, 0);  // rows still covered by a rowspan from above
  auto items = node.items();
  for (size_t r = 0; r < rows.size(); ++r) {
    size_t col = 0;
    if (rows[r].kind == RowKind::Group) {
      for (int& p : pending)
        if (p > 0) items[r].fail("a group row cannot cut through a cell spanning several rows");
      continue;
    }
    for (const TableCell& c : rows[r].cells) {
      while (col < columns && pending[col] > 0) ++col;
      if (col + c.colspan > columns) {
        items[r].fail("the row's cells take more than the table's " + std::to_string(columns) + " columns");
      }
      for (int k = 0; k < c.colspan; ++k) pending[col + k] = c.rowspan;
      col += c.colspan;
    }
    while (col < columns && pending[col] > 0) ++col;
    if (col < columns) {
      items[r].fail("the row's cells fill " + std::to_string(col) + " of the table's " + std::to_string(columns) +
                    " columns");
    }
    for (int& p : pending)
      if (p > 0) --p;
  }
  for (int p : pending)
    if (p > 0) node.fail("a cell's rowspan reaches past the last row");
}

}  // namespace

VerticalAlign read_valign(const YamlNode& node) {
  return node.as_enum<VerticalAlign>(
      {{"top", VerticalAlign::Top}, {"middle", VerticalAlign::Middle}, {"bottom", VerticalAlign::Bottom}});
}

TableBorders read_borders(const YamlNode& node) {
  return node.as_enum<TableBorders>({{"all", TableBorders::All},
                                     {"none", TableBorders::None},
                                     {"outer", TableBorders::Outer},
                                     {"horizontal", TableBorders::Horizontal}});
}

Color read_color(const YamlNode& node) {
  if (node.is_list()) {
    auto items = node.items();
    if (items.size() != 3) node.fail("expected [red, green, blue] with values from 0 to 1");
    return Color{items[0].as_number(0, 1), items[1].as_number(0, 1), items[2].as_number(0, 1)};
  }
  std::string s = node.as_string();
  if (s.size() != 7 || s[0] != '#') node.fail("expected a colour such as \"#e6e6e6\" or [0.9, 0.9, 0.9]");
  double v[3];
  for (int i = 0; i < 3; ++i) {
    int hi = hex_digit(s[1 + 2 * i]), lo = hex_digit(s[2 + 2 * i]);
    if (hi < 0 || lo < 0) node.fail("'" + s + "' is not a colour (expected #rrggbb)");
    v[i] = (hi * 16 + lo) / 255.0;
  }
  return Color{v[0], v[1], v[2]};
}

Table read_table(const YamlNode& node, const std::function<std::vector<Block>(const YamlNode&)>& cell_blocks,
                 const std::function<Block(const YamlNode&)>& paragraph) {
  node.expect_map();
  node.check_keys({"columns", "header", "rows", "footer", "font_size", "padding", "borders", "caption", "continued",
                   "repeat_group"});
  Table t;
  YamlNode columns = node.required("columns");
  for (const auto& c : columns.items()) t.columns.push_back(read_column(c));
  if (t.columns.empty()) columns.fail("a table needs at least one column");
  RowReader reader(cell_blocks, paragraph);
  if (auto h = node.get("header")) {
    t.header = reader.rows(*h, RowKind::Normal);
    check_grid(t.header, *h, t.columns.size());
  }
  YamlNode rows = node.required("rows");
  t.body = reader.rows(rows, RowKind::Normal);
  check_grid(t.body, rows, t.columns.size());
  if (auto f = node.get("footer")) {
    t.footer = reader.rows(*f, RowKind::Footer);
    check_grid(t.footer, *f, t.columns.size());
  }
  if (auto n = node.get("font_size")) t.font_size = n->as_length(4, 72);
  if (auto n = node.get("padding")) t.padding = n->as_length(0, 100);
  if (auto n = node.get("borders")) t.borders = read_borders(*n);
  if (auto n = node.get("caption")) t.caption = n->as_string();
  if (auto n = node.get_raw("continued")) t.continued = n->is_null() ? std::string() : n->as_string();
  if (auto n = node.get("repeat_group")) t.repeat_group = n->as_bool();
  return t;
}

}  // namespace thaidoc
