#include "text/line_breaker.h"

#include <cmath>
#include <cstdint>

namespace thaidoc {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool is_legal_break(const std::vector<BreakItem>& items, size_t i) {
  const BreakItem& it = items[i];
  if (it.kind == BreakItem::Penalty) return it.penalty < BreakItem::kForceBreak;
  if (it.kind == BreakItem::Glue) return i > 0 && items[i - 1].kind == BreakItem::Box;
  return false;
}

bool is_forced(const BreakItem& it) {
  return it.kind == BreakItem::Penalty && it.penalty <= -BreakItem::kForceBreak;
}

// First item of the line that follows a break at b: glue and penalties after a
// break are discarded, up to the first box or forced break.
size_t line_start(const std::vector<BreakItem>& items, size_t after) {
  size_t s = after;
  while (s < items.size() && items[s].kind != BreakItem::Box && !is_forced(items[s])) ++s;
  return s;
}

struct Sums {
  std::vector<double> w, y, z;
  explicit Sums(const std::vector<BreakItem>& items) : w(items.size() + 1), y(items.size() + 1), z(items.size() + 1) {
    for (size_t i = 0; i < items.size(); ++i) {
      const BreakItem& it = items[i];
      bool counts = it.kind != BreakItem::Penalty;
      w[i + 1] = w[i] + (counts ? it.width : 0);
      y[i + 1] = y[i] + (counts ? it.stretch : 0);
      z[i + 1] = z[i] + (counts ? it.shrink : 0);
    }
  }
};

std::vector<size_t> first_fit(const std::vector<BreakItem>& items, const std::function<double(size_t)>& line_width) {
  std::vector<size_t> breaks;
  size_t start = line_start(items, 0);
  size_t line = 0;
  double width = 0;
  size_t last_break = SIZE_MAX;
  // Ends the line at item `at` and goes on from the first item of the next line.
  auto break_at = [&](size_t at, size_t& i) {
    breaks.push_back(at);
    i = line_start(items, at + 1) - 1;
    width = 0;
    last_break = SIZE_MAX;
    ++line;
  };
  for (size_t i = start; i < items.size(); ++i) {
    const BreakItem& it = items[i];
    if (is_forced(it)) {
      break_at(i, i);
      continue;
    }
    if (is_legal_break(items, i)) {
      double w = width + (it.kind == BreakItem::Penalty ? it.width : 0);
      if (w <= line_width(line) || last_break == SIZE_MAX) last_break = i;
    }
    if (it.kind != BreakItem::Penalty) width += it.width;
    if (width > line_width(line) && last_break != SIZE_MAX && it.kind == BreakItem::Box) break_at(last_break, i);
  }
  if (breaks.empty() || breaks.back() != items.size() - 1) breaks.push_back(items.size() - 1);
  return breaks;
}

struct Node {
  size_t position;  // index of the break item (SIZE_MAX = paragraph start)
  size_t line;      // number of lines before this break
  double demerits;
  int previous;     // index into nodes, -1 for the start
};

}  // namespace

namespace {

// One total-fit pass; returns false when no breaking fits.
bool total_fit(const std::vector<BreakItem>& items, const std::function<double(size_t)>& line_width,
               const BreakOptions& options, double tolerance, std::vector<size_t>& out) {
  Sums sums(items);
  std::vector<Node> nodes;
  nodes.push_back({SIZE_MAX, 0, 0, -1});
  std::vector<int> active{0};
  std::vector<int> next_active;

  for (size_t e = 0; e < items.size(); ++e) {
    if (!is_legal_break(items, e) && !is_forced(items[e])) continue;
    const BreakItem& brk = items[e];
    bool forced = is_forced(brk);
    double penalty = brk.kind == BreakItem::Penalty ? brk.penalty : 0;
    double extra_width = brk.kind == BreakItem::Penalty ? brk.width : 0;

    int best = -1;
    double best_demerits = kInfinity;
    next_active.clear();
    for (int a : active) {
      const Node& node = nodes[a];
      size_t s = line_start(items, node.position == SIZE_MAX ? 0 : node.position + 1);
      if (s > e) {
        next_active.push_back(a);
        continue;
      }
      double natural = sums.w[e] - sums.w[s] + extra_width;
      double target = line_width(node.line);
      double ratio;
      bool over_stretched = false;
      if (natural < target) {
        over_stretched = options.max_stretch > 0 && !forced && target - natural > options.max_stretch * natural;
        double stretch = options.ragged_stretch > 0 ? options.ragged_stretch * target
                         : over_stretched         ? options.over_stretch_ragged * target
                                                  : sums.y[e] - sums.y[s];
        ratio = stretch > 0 ? (target - natural) / stretch : kInfinity;
      } else if (natural > target) {
        double shrink = sums.z[e] - sums.z[s];
        ratio = shrink > 0 ? (target - natural) / shrink : -kInfinity;
      } else {
        ratio = 0;
      }
      bool keep = ratio >= -1 && !forced;
      if (keep) next_active.push_back(a);
      if (ratio < -1 || (ratio > tolerance && !forced)) continue;
      double badness = std::isinf(ratio) ? 10000 : 100 * std::pow(std::abs(ratio), 3);
      if (badness > 10000) badness = 10000;
      double d = options.line_penalty + badness;
      d *= d;
      if (penalty >= 0) d += penalty * penalty;
      else if (penalty > -BreakItem::kForceBreak) d -= penalty * penalty;
      // In proportion to the stretch: a line 20 % short beats one with a single word on it.
      if (over_stretched) d += options.over_stretch_demerits * (target - natural) / (options.max_stretch * natural);
      d += brk.demerits;
      d += node.demerits;
      if (d < best_demerits) {
        best_demerits = d;
        best = a;
      }
    }
    active.swap(next_active);
    if (best >= 0) {
      nodes.push_back({e, nodes[best].line + 1, best_demerits, best});
      active.push_back(static_cast<int>(nodes.size()) - 1);
    }
    if (active.empty()) return false;
  }

  // The final item is the forced break: the best node there ends the paragraph.
  int end = -1;
  double best = kInfinity;
  for (int a : active) {
    if (nodes[a].position == items.size() - 1 && nodes[a].demerits < best) {
      best = nodes[a].demerits;
      end = a;
    }
  }
  if (end < 0) return false;
  std::vector<size_t> breaks;
  for (int n = end; n > 0; n = nodes[n].previous) breaks.push_back(nodes[n].position);
  out.assign(breaks.rbegin(), breaks.rend());
  return true;
}

}  // namespace

std::vector<size_t> break_lines(const std::vector<BreakItem>& items,
                                const std::function<double(size_t)>& line_width,
                                const BreakOptions& options) {
  if (items.empty()) return {};
  if (!options.optimal) return first_fit(items, line_width);
  std::vector<size_t> breaks;
  if (total_fit(items, line_width, options, options.tolerance, breaks)) return breaks;
  if (total_fit(items, line_width, options, kInfinity, breaks)) return breaks;
  return first_fit(items, line_width);
}

}  // namespace thaidoc
