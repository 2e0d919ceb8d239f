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
  double demerits = 0;  // for Penalty items: added as is (not squared) to a break here, so that it
                        // outweighs any line's badness: breaks taken only when nothing else fits
  static constexpr double kForceBreak = 10000;
};

struct BreakOptions {
  bool optimal = true;
  double tolerance = 10;  // largest adjustment ratio accepted in the optimal pass
  double line_penalty = 10;
  // A line (other than one ending in a forced break) whose width must grow by more than
  // max_stretch x its natural width costs over_stretch_demerits x (growth / limit) more, so
  // that any breaking without such lines wins, then one with fewer and less stretched ones. 0 = no limit.
  // Such a line is set ragged, so its badness is then measured as a ragged line's (below,
  // with over_stretch_ragged in place of ragged_stretch), not as a justified one's.
  double max_stretch = 0;
  double over_stretch_demerits = 1e10;
  double over_stretch_ragged = 0.5;
  // Ragged (unjustified) text: lines are never stretched, so a line's badness measures how
  // short it is against ragged_stretch x its width, instead of its glue's stretchability.
  // 0 = justified.
  double ragged_stretch = 0;
};

// line_width(k) is the width available to line k (0-based). Returns the indexes
// of the items at which lines end (the break item itself is not part of either
// line). The last entry is the final forced break (the last item).
// When no breaking keeps every line's adjustment ratio within the tolerance, a second
// pass accepts any ratio (loose lines rather than overfull ones); only when even that
// fails (something wider than the line with no break in it) does it fall back to first fit.
std::vector<size_t> break_lines(const std::vector<BreakItem>& items,
                                const std::function<double(size_t)>& line_width,
                                const BreakOptions& options = {});

}  // namespace thaidoc
