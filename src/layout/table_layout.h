// Tables: the cell grid (colspan/rowspan), cell content laid out with the
// general blocks, row heights, borders; header rows repeated on every page the
// table covers; row groups (rows linked by rowspans) that split between lines.
#pragma once
#include <vector>

#include "layout/block_layout.h"
#include "layout/flow.h"
#include "model/blocks.h"

namespace thaidoc {

// Appends the table's boxes (caption, header, row groups, footer) for a column
// starting at x with the given width. `outer` gives the template, fonts and engine.
void layout_table(const Table& table, DigitStyle digits, const BlockLayouter& outer, std::vector<FlowBox>& out,
                  double x, double width);

// Column widths from their specs: points, percent of `width`, and relative
// weights sharing what is left (at least 1 pt each). A relative column is at least its
// entry in `min_widths` (its content's widest name or word) when all such minimums fit.
std::vector<double> column_widths(const std::vector<TableColumn>& columns, double width,
                                  const std::vector<double>& min_widths = {});

}  // namespace thaidoc
