// Chooses line breaks over a list of boxes, glue and penalties (Knuth-Plass
// total fit, with a first-fit fallback). Pure: it knows widths, not text.
#pragma once
#include <functional>
#include <limits>
#include <vector>

namespace thaidoc {

struct BreakItem {
  enum Kind { Box, Glue, Penalty } kind = Box;
  double width = 0;
  double stretch = 0;  // boxes may stretch too (letter spacing inside Thai words)
  double shrink = 0;
  double penalty = 0;  // for Penalty items; <= -kForceBreak forces a break, >= kForceBreak forbids one
  static constexpr double kForceBreak = 10000;
};

struct BreakOptions {
  bool optimal = true;
  double tolerance = 10;  // largest adjustment ratio accepted in the optimal pass
  double line_penalty = 10;
};

// line_width(k) is the width available to line k (0-based). Returns the indexes
// of the items at which lines end (the break item itself is not part of either
// line). The last entry is the final forced break (the last item).
std::vector<size_t> break_lines(const std::vector<BreakItem>& items,
                                const std::function<double(size_t)>& line_width,
                                const BreakOptions& options = {});

}  // namespace thaidoc
