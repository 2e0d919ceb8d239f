#include "layout/table_layout.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <numeric>

namespace thaidoc {

std::vector<double> column_widths(const std::vector<TableColumn>& columns, double width,
                                  const std::vector<double>& min_widths) {
  std::vector<double> w(columns.size(), 0);
  double fixed = 0, weights = 0;
  for (size_t i = 0; i < columns.size(); ++i) {
    const TableColumn& c = columns[i];
    if (c.unit == TableColumn::Unit::Points) {
      w[i] = c.value;
      fixed += w[i];
    } else if (c.unit == TableColumn::Unit::Percent) {
      w[i] = width * c.value / 100;
      fixed += w[i];
    } else {
      weights += c.value;
    }
  }
  double rest = std::max(0.0, width - fixed);
  // Relative columns share the rest by weight, but a column whose share is narrower than
  // its content's widest name or word gets that width (when all of them fit), and the
  // others share what is left: so a name a column could hold is not split.
  std::vector<bool> at_min(columns.size(), false);
  double min_total = 0;
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].unit == TableColumn::Unit::Relative && i < min_widths.size()) min_total += min_widths[i];
  if (min_total <= rest) {
    for (bool changed = true; changed;) {
      changed = false;
      double left = rest, wsum = 0;
      for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].unit != TableColumn::Unit::Relative) continue;
        if (at_min[i]) left -= min_widths[i];
        else wsum += columns[i].value;
      }
      for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].unit != TableColumn::Unit::Relative || at_min[i] || i >= min_widths.size()) continue;
        double share = wsum > 0 ? left * columns[i].value / wsum : 0;
        if (share < min_widths[i] - 1e-6) {
          at_min[i] = true;
          changed = true;
        }
      }
      if (!changed) {
        for (size_t i = 0; i < columns.size(); ++i) {
          if (columns[i].unit != TableColumn::Unit::Relative) continue;
          w[i] = at_min[i] ? min_widths[i] : wsum > 0 ? left * columns[i].value / wsum : 0;
        }
      }
    }
  } else {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i].unit == TableColumn::Unit::Relative) w[i] = weights > 0 ? rest * columns[i].value / weights : 0;
  }
  for (double& v : w) v = std::max(v, 1.0);
  // Fixed widths wider than the table: everything shrinks in proportion.
  double total = std::accumulate(w.begin(), w.end(), 0.0);
  if (total > width + 0.01)
    for (double& v : w) v *= width / total;
  return w;
}

namespace {

// One line (or unsplittable box) of a cell's content: what the table needs of a FlowBox.
struct CellLine {
  double height = 0, space_before = 0;
  std::vector<FrameItem> items;  // x from the cell's content edge, y from the top of the line
};

struct Cell {
  int row = 0, col = 0, rowspan = 1, colspan = 1;
  std::vector<CellLine> lines;  // content
  // A cell spanning rows: its text again, followed by "(ต่อ)", for the page after a
  // cut that left none of its own text to show there (repeated, not counted as placed).
  std::vector<CellLine> restated;
  VerticalAlign valign = VerticalAlign::Top;
  bool fill = false;
  Color fill_color;
};

struct Grid {
  int rows = 0;
  std::vector<Cell> cells;  // in the order of their first row
  std::vector<RowKind> kinds;
  std::vector<size_t> row_first;  // index of the first cell starting in each row (rows + 1 values)
};

// The table's geometry, shared by all its row boxes (the cells are not: see Part).
struct TableData {
  double x = 0;               // left edge, from the left margin
  std::vector<double> col_x;  // column edges from x (columns + 1 values)
  double pad_x = 0, pad_y = 0;
  double border_width = 0.5;
  TableBorders borders = TableBorders::All;
  size_t min_before = 2, min_after = 2;
  double width() const { return col_x.back(); }
};

using DataPtr = std::shared_ptr<const TableData>;

// A range of rows, the cells that start in its row group, and for each of them the
// first line still to show. The part owns (shares with the rest of a cut group) only
// its group's cells, which are freed with the group's last box: a long table costs
// memory and time in proportion to its rows, and pagination frees the cells of the
// rows it has placed.
struct Part {
  std::shared_ptr<const std::vector<Cell>> cells;
  int r0 = 0, r1 = 0;
  std::vector<size_t> first;  // first[i]: first line of cells[i] still to show
  size_t size() const { return cells->size(); }
  bool continued = false;  // the rest of a cut row group: content is top-aligned
  bool outer_top = false, outer_bottom = false;  // edges drawn with TableBorders::Outer
};

bool intersects(const Cell& c, int r0, int r1) { return c.row < r1 && c.row + c.rowspan > r0; }

double lines_height(const std::vector<CellLine>& lines, size_t from, size_t to) {
  double h = 0;
  for (size_t k = from; k < to; ++k) h += (k > from ? lines[k].space_before : 0) + lines[k].height;
  return h;
}
double lines_height(const Cell& c, size_t from, size_t to) { return lines_height(c.lines, from, to); }

// Whether cell i shows its restated text in this part (a continuation): it began on an
// earlier page and has no text of its own left to show.
bool restates(const Part& part, size_t i) {
  const Cell& c = (*part.cells)[i];
  return part.continued && c.row <= part.r0 && !c.restated.empty() && part.first[i] >= c.lines.size();
}

// Row tops of the part (size rows + 1): each row as tall as its single-row cells
// need; cells spanning rows add what they lack to their last row.
std::vector<double> row_tops(const TableData& d, const Part& part) {
  const std::vector<Cell>& cells = *part.cells;
  const int n = part.r1 - part.r0;
  std::vector<double> h(n, 2 * d.pad_y);
  std::vector<size_t> order;
  for (size_t i = 0; i < cells.size(); ++i)
    if (intersects(cells[i], part.r0, part.r1)) order.push_back(i);
  auto span = [&](size_t i) {
    const Cell& c = cells[i];
    return std::min(c.row + c.rowspan, part.r1) - std::max(c.row, part.r0);
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return span(a) < span(b); });
  for (size_t i : order) {
    const Cell& c = cells[i];
    int a = std::max(c.row, part.r0) - part.r0, b = std::min(c.row + c.rowspan, part.r1) - part.r0;
    double need = (restates(part, i) ? lines_height(c.restated, 0, c.restated.size())
                                      : lines_height(c, part.first[i], c.lines.size())) +
                  2 * d.pad_y;
    double have = 0;
    for (int r = a; r < b; ++r) have += h[r];
    if (need > have) h[b - 1] += need - have;
  }
  std::vector<double> tops(n + 1, 0);
  for (int r = 0; r < n; ++r) tops[r + 1] = tops[r] + h[r];
  return tops;
}

LineItem rule(const TableData& d, double x1, double y1, double x2, double y2) {
  return LineItem{x1, y1, x2, y2, d.border_width, Color{}, {}};
}

// Draws the part, appending to `out`: fills, `count[i]` lines of each cell from its
// first line (SIZE_MAX = all), borders; nothing below `clip`. Returns its height.
double draw(const TableData& d, const Part& part, const std::vector<double>& tops, const std::vector<size_t>& count,
            double clip, std::vector<FrameItem>& out) {
  const std::vector<Cell>& cells = *part.cells;
  std::vector<FrameItem> fills, content, borders;
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& c = cells[i];
    if (!intersects(c, part.r0, part.r1)) continue;
    int a = std::max(c.row, part.r0) - part.r0, b = std::min(c.row + c.rowspan, part.r1) - part.r0;
    double y0 = tops[a], y1 = std::min(tops[b], clip);
    if (y0 >= clip - 0.01) continue;
    double x0 = d.x + d.col_x[c.col], x1 = d.x + d.col_x[c.col + c.colspan];
    if (c.fill) fills.push_back(RectItem{x0, y0, x1 - x0, y1 - y0, true, c.fill_color, false, Color{}, 0});

    bool restated = restates(part, i);
    const std::vector<CellLine>& lines = restated ? c.restated : c.lines;
    size_t from = restated ? 0 : part.first[i];
    size_t n = count[i];
    size_t to = restated || n == SIZE_MAX ? lines.size() : std::min(lines.size(), from + n);
    double offset = d.pad_y;
    bool whole = from == 0 && to == lines.size() && (restated || !part.continued) && tops[b] <= clip + 0.01;
    if (whole && c.valign != VerticalAlign::Top) {
      double spare = (y1 - y0) - 2 * d.pad_y - lines_height(lines, from, to);
      if (spare > 0) offset += c.valign == VerticalAlign::Middle ? spare / 2 : spare;
    }
    // The content must stay inside the cell (checked by the layout invariants).
    size_t bounds_at = content.size();
    content.push_back(BoundsItem{x0 + d.pad_x, y0, (x1 - x0) - 2 * d.pad_x, y1 - y0, 0});
    double y = y0 + offset;
    for (size_t k = from; k < to; ++k) {
      if (k > from) y += lines[k].space_before;
      if (restated && y + lines[k].height > clip + 0.01) break;  // a restatement is only shown whole lines
      std::vector<FrameItem> items = lines[k].items;
      translate_items(items, x0 + d.pad_x, y);
      if (restated) mark_repeated(items);
      content.insert(content.end(), items.begin(), items.end());
      y += lines[k].height;
    }
    std::get<BoundsItem>(content[bounds_at]).count = static_cast<uint32_t>(content.size() - bounds_at - 1);

    switch (d.borders) {
      case TableBorders::All:
        borders.push_back(RectItem{x0, y0, x1 - x0, y1 - y0, false, Color{}, true, Color{}, d.border_width});
        break;
      case TableBorders::Horizontal:
        borders.push_back(rule(d, x0, y0, x1, y0));
        borders.push_back(rule(d, x0, y1, x1, y1));
        break;
      case TableBorders::Outer:
      case TableBorders::None:
        break;
    }
  }
  double height = std::min(tops.back(), clip);
  if (d.borders == TableBorders::Outer) {
    borders.push_back(rule(d, d.x, 0, d.x, height));
    borders.push_back(rule(d, d.x + d.width(), 0, d.x + d.width(), height));
    if (part.outer_top) borders.push_back(rule(d, d.x, 0, d.x + d.width(), 0));
    if (part.outer_bottom || clip < tops.back()) borders.push_back(rule(d, d.x, height, d.x + d.width(), height));
  }
  // Fills under the text, borders over both.
  out.insert(out.end(), std::make_move_iterator(fills.begin()), std::make_move_iterator(fills.end()));
  out.insert(out.end(), std::make_move_iterator(content.begin()), std::make_move_iterator(content.end()));
  out.insert(out.end(), std::make_move_iterator(borders.begin()), std::make_move_iterator(borders.end()));
  return height;
}

FlowBox make_box(const DataPtr& data, const Part& part, bool splittable);

// Whether no cell of row r has a line left to show once `keep[i]` more lines of each are shown.
bool row_done(const Part& part, const std::vector<size_t>& keep, int r) {
  const std::vector<Cell>& cells = *part.cells;
  for (size_t i = 0; i < cells.size(); ++i)
    if (intersects(cells[i], r, r + 1) && part.first[i] + keep[i] < cells[i].lines.size()) return false;
  return true;
}

// Cuts a part so that its first piece fits in `avail`: every cell keeps the lines
// that fit (respecting the minimum lines before and after a cut, or one line when
// `relaxed`) and continues with the rest in the next piece. False when the first
// piece would place nothing: no line of a cell and no row ended.
bool split_part(const DataPtr& data, const Part& part, double avail, bool relaxed, FlowBox& head, FlowBox& tail) {
  const TableData& d = *data;
  const size_t min_before = relaxed ? 1 : d.min_before, min_after = relaxed ? 1 : d.min_after;
  const std::vector<Cell>& cells = *part.cells;
  const std::vector<double> tops = row_tops(d, part);
  std::vector<size_t> keep(cells.size(), 0);

  // Lines of each cell that fit above `limit`, with the minimum lines before and
  // after a cut; returns the first row (index in the part) that cannot start here.
  auto fit = [&](double limit) {
    int first_deferred = part.r1 - part.r0;
    for (size_t i = 0; i < cells.size(); ++i) {
      const Cell& c = cells[i];
      size_t& k = keep[i];
      k = 0;
      if (!intersects(c, part.r0, part.r1)) continue;
      int a = std::max(c.row, part.r0) - part.r0;
      double top = tops[a];
      size_t from = part.first[i], total = c.lines.size() - from;
      if (top + d.pad_y < limit) {
        double y = top + d.pad_y;
        for (size_t j = from; j < c.lines.size(); ++j) {
          double step = (j > from ? c.lines[j].space_before : 0) + c.lines[j].height;
          if (y + step > limit - d.pad_y + 0.01) break;
          y += step;
          ++k;
        }
        if (k < total) {
          if (k < min_before) k = 0;
          if (total - k < min_after) k = total > min_after ? total - min_after : 0;
          if (k < min_before) k = 0;
        }
      }
      // A cell that starts in this part with text but shows none of it defers its row.
      bool starts_here = c.row >= part.r0 || from == 0;
      if (starts_here && total > 0 && k == 0) first_deferred = std::min(first_deferred, a);
    }
    return first_deferred;
  };

  const int rows = part.r1 - part.r0;
  int deferred = fit(avail);
  if (deferred == 0) return false;  // the first row cannot start on this page
  // A row that starts whole on the next page: cut at its top (or at the page's end,
  // whichever comes first), so no cell of it (or below it) shows here while another
  // cell of the same row moves on. Fewer lines may then fit above: repeat until the
  // first deferred row is stable.
  while (deferred < rows) {
    int again = fit(std::min(avail, tops[deferred]));
    if (again == 0) return false;
    if (again >= deferred) break;
    deferred = again;
  }
  double cut = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& c = cells[i];
    if (!intersects(c, part.r0, part.r1)) continue;
    size_t from = part.first[i], total = c.lines.size() - from, k = keep[i];
    if (k == 0 && total > 0) continue;
    int a = std::max(c.row, part.r0) - part.r0;
    cut = std::max(cut, tops[a] + 2 * d.pad_y + lines_height(c, from, from + k));
  }
  cut = std::min(cut, avail);
  if (deferred < rows) cut = std::min(cut, tops[deferred]);
  // The rest starts with the first row that reaches below the cut, unless that row began
  // above the cut and has nothing of its own left (what reaches below is the restatement of
  // a cell spanning rows): it ends here, or the rest would start with it again and again.
  // When every row ends so, the part ends at the cut and there is no rest.
  int tail_r0 = part.r1;
  bool row_ended = false;  // a row reaching below the cut ended there
  for (int r = part.r0; r < part.r1 && tail_r0 == part.r1; ++r) {
    if (tops[r + 1 - part.r0] <= cut + 0.01) continue;
    if (r - part.r0 < deferred && tops[r - part.r0] < cut - 0.01 && row_done(part, keep, r))
      row_ended = true;
    else
      tail_r0 = r;
  }
  if (cut <= 0 || (tail_r0 >= part.r1 && !row_ended)) return false;
  // A cut must place something: a line of a cell, or a row ended. Otherwise the rest is the
  // part again, and a page that starts with it would be cut the same way on every page.
  bool placed_line = std::any_of(keep.begin(), keep.end(), [](size_t k) { return k > 0; });
  if (!placed_line && tail_r0 == part.r0) return false;

  head = FlowBox{};
  Part head_part = part;
  head_part.outer_bottom = part.outer_bottom || tail_r0 < part.r1;
  head.height = draw(d, head_part, tops, keep, cut, head.items);
  tail = FlowBox{};
  if (tail_r0 >= part.r1) return true;  // nothing left: an empty tail

  Part rest = part;
  rest.r0 = tail_r0;
  rest.continued = true;
  rest.outer_top = true;
  for (size_t i = 0; i < keep.size(); ++i) rest.first[i] = part.first[i] + keep[i];
  tail = make_box(data, rest, true);
  return true;
}

// The part as a box. A splittable part (a body row group) is drawn only where it is
// placed (FlowBox::draw), so until then its cells are its only copy.
FlowBox make_box(const DataPtr& data, const Part& part, bool splittable) {
  FlowBox box;
  std::vector<double> tops = row_tops(*data, part);
  box.height = tops.back();
  if (!splittable) {
    draw(*data, part, tops, std::vector<size_t>(part.size(), SIZE_MAX), tops.back(), box.items);
    return box;
  }
  auto shared = std::make_shared<const Part>(part);
  box.draw = [data, shared](std::vector<FrameItem>& out) {
    std::vector<double> tops = row_tops(*data, *shared);
    draw(*data, *shared, tops, std::vector<size_t>(shared->size(), SIZE_MAX), tops.back(), out);
  };
  box.split = [data, shared](double avail, bool relaxed, FlowBox& head, FlowBox& tail) {
    return split_part(data, *shared, avail, relaxed, head, tail);
  };
  return box;
}

class TableBuilder {
 public:
  TableBuilder(const Table& table, DigitStyle digits, const BlockLayouter& outer, double x, double width)
      : t_(table), digits_(digits), outer_(outer), ts_(outer.style().tables), width_(width) {
    auto data = std::make_shared<TableData>();
    data->x = x;
    data->pad_x = table.padding.value_or(ts_.padding_x);
    size_ = table.font_size.value_or(ts_.font_size);
    std::vector<double> w = column_widths(table.columns, width, min_content_widths(data->pad_x));
    data->col_x.assign(1, 0);
    for (double v : w) data->col_x.push_back(data->col_x.back() + v);
    data->pad_y = table.padding.value_or(ts_.padding_y);
    data->border_width = ts_.border_width;
    data->borders = table.borders.value_or(ts_.borders);
    data->min_before = static_cast<size_t>(ts_.min_lines_before_split);
    data->min_after = static_cast<size_t>(ts_.min_lines_after_split);
    data_ = data;
    header_ = grid(table.header, true);
    body_ = grid(table.body, false);
    footer_ = grid(table.footer, false);
  }

  void emit(std::vector<FlowBox>& out) {
    const TableData& d = *data_;
    const size_t table_start = out.size();
    bool has_caption = !t_.caption.empty();
    if (has_caption) {
      ParagraphStyle ps;
      ps.align = Align::Center;
      ParagraphLayout l = outer_.engine().layout(
          plain_spans(t_.caption, outer_.fonts(), ts_.caption_size, digits_, ts_.caption_bold), ps, width_);
      size_t first = out.size();
      append_lines(out, l, d.x, 0, LineRules{1, 1, false});
      if (SourceLedger* ledger = outer_.ledger()) tag_source(out, first, ledger->add(outer_.source(), "table caption", l.text));
    }
    bool has_header = header_.rows > 0;
    std::vector<FlowBox> repeat_parts;
    std::string continued = t_.continued.value_or(ts_.continued);
    if (!continued.empty()) {
      std::string text = has_caption ? t_.caption + " " + continued : continued;
      ParagraphStyle ps;
      ps.align = has_caption ? Align::Center : Align::Right;
      ParagraphLayout l = outer_.engine().layout(
          plain_spans(text, outer_.fonts(), ts_.caption_size, digits_, ts_.caption_bold), ps, width_);
      append_lines(repeat_parts, l, d.x, 0, LineRules{1, 1, false});
    }
    if (has_header) {
      Part hp = take(header_, 0, header_.rows);
      hp.outer_top = true;
      FlowBox header = make_box(data_, hp, false);
      header.break_before = !has_caption;
      out.push_back(header);
      repeat_parts.push_back(header);
    }
    std::shared_ptr<const FlowBox> repeat;
    if (!repeat_parts.empty()) repeat = std::make_shared<FlowBox>(merge_boxes(repeat_parts));
    // The header comes back on every page the table covers: with at least two body
    // lines under it, it must fit on one, or rows would have no room.
    if (repeat && body_.rows > 0 && repeat->height + 2 * outer_.body_line_height() > outer_.text_height()) {
      char msg[200];
      std::snprintf(msg, sizeof msg,
                    "the table's header rows are %.1f cm tall: with two lines of a row under them they do not fit "
                    "the %.1f cm of a page (shorten the header or use a landscape section)",
                    repeat->height / kPointsPerCm, outer_.text_height() / kPointsPerCm);
      throw Error(outer_.source(), msg, 2);
    }

    bool first = true;
    bool keep_next = false;  // the previous row was a group row: this one stays with it
    std::shared_ptr<const FlowBox> base_repeat = repeat;
    auto emit_grid = [&](Grid& g, bool last_grid, bool footer) {
      auto groups = row_groups(g);
      for (size_t k = 0; k < groups.size(); ++k) {
        Part p = take(g, groups[k].first, groups[k].second);
        p.outer_top = first && !has_header;
        p.outer_bottom = last_grid && k + 1 == groups.size();
        FlowBox box = make_box(data_, p, true);
        // The first row stays with the header; the last row and footer rows never
        // go alone to a continuation page.
        bool last_body_row = !footer && k + 1 == groups.size() && k > 0;
        box.break_before =
            !(first && (has_header || has_caption)) && !last_body_row && !footer && !keep_next;
        if (first && repeat) {
          // The table's first row starts the table: nothing to repeat above it,
          // but what is left of it after a cut continues below the header.
          auto split = box.split;
          box.split = [split, repeat](double avail, bool relaxed, FlowBox& head, FlowBox& tail) {
            if (!split(avail, relaxed, head, tail)) return false;
            if (!ended(tail)) tail.repeat = repeat;
            return true;
          };
        } else {
          box.repeat = repeat;
        }
        out.push_back(box);
        first = false;
        bool group_row = groups[k].second - groups[k].first == 1 && g.kinds[groups[k].first] == RowKind::Group;
        if (group_row && !first) out.back().repeat = base_repeat;  // a new group: the old one is not restated
        keep_next = group_row;
        if (group_row && t_.repeat_group.value_or(ts_.repeat_group)) {
          std::vector<FlowBox> parts = repeat_parts;
          parts.push_back(make_box(data_, p, false));
          repeat = std::make_shared<FlowBox>(merge_boxes(parts));
        }
      }
    };
    emit_grid(body_, footer_.rows == 0, false);
    emit_grid(footer_, true, true);
    const int body_rows = body_.rows;
    body_ = footer_ = header_ = Grid{};  // every cell now belongs to its part

    // A small table is not split: its rows become one box when they fit on a page.
    int keep_rows = ts_.keep_rows;
    if (keep_rows > 0 && body_rows <= keep_rows) {
      size_t from = table_start;
      std::vector<FlowBox> parts(out.begin() + static_cast<long>(from), out.end());
      FlowBox whole = merge_boxes(parts);
      if (whole.height <= outer_.text_height()) {
        out.erase(out.begin() + static_cast<long>(from), out.end());
        out.push_back(std::move(whole));
      }
    }
  }

 private:
  // For each relative column, the width its widest name or word needs (the widest
  // unbreakable piece of its one-column cells' paragraphs, plus the padding); 0 for others.
  // Cells are given columns as grid() gives them: past the columns a rowspan above covers.
  std::vector<double> min_content_widths(double pad_x) const {
    std::vector<double> mins(t_.columns.size(), 0);
    bool any = false;
    for (const TableColumn& c : t_.columns) any = any || c.unit == TableColumn::Unit::Relative;
    if (!any) return mins;
    auto scan = [&](const std::vector<TableRow>& rows, bool header) {
      // Columns still covered by a rowspan from a row above (rows left, as grid() places cells).
      std::vector<int> busy(mins.size(), 0);
      for (const TableRow& row : rows) {
        size_t col = 0;
        for (const TableCell& cell : row.cells) {
          if (row.kind == RowKind::Group) break;
          while (col < mins.size() && busy[col] > 0) ++col;
          if (col >= mins.size()) break;
          size_t span = std::min(static_cast<size_t>(std::max(1, cell.colspan)), mins.size() - col);
          if (span == 1 && t_.columns[col].unit == TableColumn::Unit::Relative) {
            bool bold = cell.bold.value_or(row.bold.value_or(header && ts_.header_bold));
            // (+ 0.5 pt: the line must not come out 0.01 pt short by rounding)
            mins[col] = std::max(mins[col], blocks_min_width(cell.blocks, bold, 0) + 2 * pad_x + 0.5);
          }
          for (size_t k = col; k < col + span; ++k) busy[k] = std::max(busy[k], std::max(1, cell.rowspan));
          col += span;
        }
        for (int& b : busy) b = std::max(0, b - 1);
      }
    };
    scan(t_.header, true);
    scan(t_.body, false);
    scan(t_.footer, false);
    return mins;
  }

  // The widest name or word of paragraphs and lists (their items after the marker, as a
  // cell lays them out: list indent 0, nested lists at the level indent).
  double blocks_min_width(const std::vector<Block>& blocks, bool bold, int level) const {
    const ListStyle& ls = outer_.style().lists;
    double widest = 0;
    for (const Block& b : blocks) {
      DigitStyle digits = b.digits.value_or(digits_);
      if (const auto* p = std::get_if<Paragraph>(&b.content)) {
        widest = std::max(widest, outer_.engine().min_content_width(
                                      styled_spans(p->text, outer_.fonts(), size_, digits, bold)) +
                                      p->left_indent);
      } else if (const auto* list = std::get_if<List>(&b.content)) {
        double marker_w = outer_.list_marker_width(*list, digits, size_);
        double indent = (level == 0 ? 0 : ls.level_indent) + (ls.hanging ? marker_w + ls.marker_gap : 0);
        for (const ListItem& item : list->items)
          widest = std::max(widest, indent + blocks_min_width(item.blocks, bold, level + 1));
      }
    }
    return widest;
  }

  // The whole row group [r0, r1) as a part that takes over the group's cells from
  // the grid (each group is taken once).
  static Part take(Grid& g, int r0, int r1) {
    Part p;
    auto first = g.cells.begin() + static_cast<long>(g.row_first[r0]);
    auto last = g.cells.begin() + static_cast<long>(g.row_first[r1]);
    p.cells = std::make_shared<const std::vector<Cell>>(std::make_move_iterator(first), std::make_move_iterator(last));
    p.r0 = r0;
    p.r1 = r1;
    p.first.assign(p.cells->size(), 0);
    return p;
  }

  // Rows linked by rowspans stay together: [first, second) ranges.
  static std::vector<std::pair<int, int>> row_groups(const Grid& g) {
    std::vector<std::pair<int, int>> out;
    int r = 0;
    while (r < g.rows) {
      int end = r + 1;
      // The cells are in row order: the group grows while a cell inside it spans further.
      for (size_t i = g.row_first[r]; i < g.row_first[end]; ++i) {
        const Cell& c = g.cells[i];
        if (c.row + c.rowspan > end) end = c.row + c.rowspan;
      }
      out.emplace_back(r, end);
      r = end;
    }
    return out;
  }

  std::vector<CellLine> cell_lines(const TableCell& cell, const TableRow& row, const TableColumn* column, bool header,
                                  bool group, double content_width, bool registered = true) const {
    Template ct = outer_.style();
    ct.body.size = size_;
    ct.body.line_height = ts_.line_height;
    ct.body.first_indent = 0;
    ct.body.space_before = 0;
    ct.body.space_after = 0;
    ct.lists.indent = 0;
    BlockAlign fallback = header ? ts_.header_align : (column && column->align ? *column->align : ts_.body_align);
    if (group) fallback = BlockAlign::Left;
    ct.body.align = cell.align.value_or(row.align.value_or(fallback));
    BlockLayouter layouter(ct, outer_.fonts(), outer_.engine(), digits_, outer_.base_dir());
    if (registered) layouter.set_ledger(outer_.ledger());
    layouter.set_source(outer_.source(), header ? "table header cell" : "table cell");
    layouter.set_bold(cell.bold.value_or(row.bold.value_or(header ? ts_.header_bold : group && ts_.group_bold)));
    std::vector<FlowBox> boxes;
    layouter.add_blocks(cell.blocks, boxes, 0, std::max(1.0, content_width));
    std::vector<CellLine> lines;
    for (FlowBox& b : boxes) {
      if (b.page_break) continue;
      materialize(b);  // a table in the cell: its rows are drawn here
      lines.push_back(CellLine{b.height, b.space_before, std::move(b.items)});
    }
    return lines;
  }

  // A spanning cell's paragraphs as one line of text followed by "(ต่อ)", laid out
  // like the cell; none when the template sets no such text or the cell has no text.
  std::vector<CellLine> restated_lines(const TableCell& cell, const TableRow& row, const TableColumn* column,
                                      double content_width) const {
    std::string suffix = ts_.span_continued;
    if (suffix.empty()) return {};
    std::string text;
    for (const Block& b : cell.blocks)
      if (const auto* p = std::get_if<Paragraph>(&b.content)) {
        std::string t = plain_text(p->text);
        if (t.empty()) continue;
        text += (text.empty() ? "" : " ") + t;
      }
    if (text.empty()) return {};
    TableCell copy;
    copy.align = cell.align;
    copy.bold = cell.bold;
    Block b;
    Paragraph p;
    p.text = {InlineSpan{text + " " + suffix}};
    b.content = std::move(p);
    copy.blocks.push_back(std::move(b));
    std::vector<CellLine> lines = cell_lines(copy, row, column, false, false, content_width, false);
    for (CellLine& l : lines) tag_source(l.items, -1);
    return lines;
  }

  Grid grid(const std::vector<TableRow>& rows, bool header) const {
    const TableData& d = *data_;
    const int ncols = static_cast<int>(d.col_x.size()) - 1;
    Grid g;
    g.rows = static_cast<int>(rows.size());
    std::vector<std::vector<bool>> taken(rows.size(), std::vector<bool>(ncols, false));
    for (int r = 0; r < g.rows; ++r) {
      const TableRow& row = rows[r];
      g.kinds.push_back(row.kind);
      g.row_first.push_back(g.cells.size());
      int col = 0;
      for (const TableCell& tc : row.cells) {
        while (col < ncols && taken[r][col]) ++col;
        if (col >= ncols) break;
        bool group = row.kind == RowKind::Group;
        Cell c;
        c.row = r;
        c.col = col;
        c.colspan = group ? ncols : std::min(tc.colspan, ncols - col);
        c.rowspan = group ? 1 : std::min(tc.rowspan, g.rows - r);
        const TableColumn* column = c.colspan == 1 ? &t_.columns[col] : nullptr;
        double content = d.col_x[c.col + c.colspan] - d.col_x[c.col] - 2 * d.pad_x;
        c.lines = cell_lines(tc, row, column, header, group, content);
        if (!header && c.rowspan > 1) c.restated = restated_lines(tc, row, column, content);
        VerticalAlign va = header ? ts_.header_valign : ts_.body_valign;
        if (column && column->valign) va = *column->valign;
        if (group) va = VerticalAlign::Middle;
        c.valign = tc.valign.value_or(row.valign.value_or(va));
        if (header && ts_.header_fill) {
          c.fill = true;
          c.fill_color = ts_.header_fill_color;
        }
        if (group && ts_.group_fill) {
          c.fill = true;
          c.fill_color = ts_.group_fill_color;
        }
        for (int rr = r; rr < r + c.rowspan; ++rr)
          for (int cc = col; cc < col + c.colspan; ++cc) taken[rr][cc] = true;
        col += c.colspan;
        g.cells.push_back(std::move(c));
      }
    }
    g.row_first.push_back(g.cells.size());
    return g;
  }

  const Table& t_;
  DigitStyle digits_;
  const BlockLayouter& outer_;
  const TableStyle& ts_;
  double width_;
  double size_ = 14;
  std::shared_ptr<TableData> data_;
  Grid header_, body_, footer_;  // until emit() hands each row group's cells to its part
};

}  // namespace

void layout_table(const Table& table, DigitStyle digits, const BlockLayouter& outer, std::vector<FlowBox>& out,
                  double x, double width) {
  TableBuilder builder(table, digits, outer, x, width);
  builder.emit(out);
}

}  // namespace thaidoc
