// Vector charts for an ITA analysis report, as frame items (rectangles, lines and
// shaped text) inside a box of the given width and height. Coordinates are relative to
// the box's top-left corner, y down, exactly like a FlowBox's items: to place a chart,
// make a FlowBox{height, ...} and move the items with translate_items(items, x, 0).
//
//  * indicator_bar_chart: the ten indicator scores on a 0-100 axis (gridlines, tick
//    labels), one bar per indicator coloured by tier or by instrument, the score above
//    each bar, the indicator number and short name under it, a dashed pass line (85)
//    labelled at the right, optional level bands (AA, A, B, ...) as light stripes, and a
//    legend underneath.
//  * history_line_chart: the yearly totals (points joined by lines, the value above each
//    point, the year under it), the assessed year highlighted, with the pass line.
//
// All numbers are the Analysis's printed values (format2, see ita_compute.h) in the
// document's digit style. Text is shaped by the TextEngine, so it is real, searchable
// text in the PDF.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "ita/ita_compute.h"
#include "layout/styles.h"
#include "text/paragraph.h"

namespace thaidoc::ita {

// How the charts typeset text.
struct ChartText {
  const TextEngine& engine;
  const FontSet& fonts;
  DigitStyle digits = DigitStyle::Thai;
};

enum class BarColouring { Tier, Instrument };

struct BarChartStyle {
  BarColouring colour_by = BarColouring::Tier;
  // Per framework tier, lowest first (red, amber, green); reused cyclically if short.
  std::vector<Color> tier_colors = {{0.83, 0.27, 0.23}, {0.95, 0.66, 0.16}, {0.24, 0.62, 0.33}};
  // Per instrument in the framework's order (IIT, EIT, OIT); reused cyclically if short.
  std::vector<Color> instrument_colors = {{0.20, 0.42, 0.72}, {0.90, 0.49, 0.13}, {0.30, 0.60, 0.35}};
  double bar_fill = 0.62;    // fraction of an indicator's slot the bar takes
  double grid_step = 10;     // a light gridline every grid_step points of score
  double label_step = 20;    // tick labels (and a darker gridline) every label_step
  bool value_labels = true;  // the score above each bar
  std::optional<Color> label_background = Color{1, 1, 1};  // knock-out box behind scores; nullopt = none
  bool names = true;         // short names under the indicator numbers
  int max_name_lines = 3;
  bool pass_line = true;
  std::string pass_label = "{pass}";  // at the right end of the pass line; {pass} = the pass mark
  bool level_bands = false;           // light stripes for AA, A, B, ... with their names
  // Per level band, best first (AA first); reused cyclically if short.
  std::vector<Color> band_colors = {{0.89, 0.95, 0.89}, {0.94, 0.97, 0.91}, {0.99, 0.98, 0.90},
                                    {0.99, 0.95, 0.89}, {0.99, 0.93, 0.89}, {0.99, 0.91, 0.91},
                                    {0.97, 0.93, 0.93}};
  bool legend = true;
  // Legend text per tier; empty = "<label> (<range>)", e.g. "ควรรักษามาตรฐานไว้ (95 ขึ้นไป)".
  std::vector<std::string> tier_legend;
  std::string pass_legend = "เกณฑ์ผ่าน {pass} คะแนน";  // "" = no legend entry for the pass line
  double text_size = 11;   // tick labels, indicator numbers, legend
  double value_size = 10;  // scores above bars (shrunk to fit a narrow slot)
  double name_size = 10;   // names under the bars
  Color text_color{0.1, 0.1, 0.1};
  Color axis_color{0.25, 0.25, 0.25};
  Color grid_color{0.82, 0.82, 0.82};
  Color pass_color{0.80, 0.10, 0.10};
};

struct LineChartStyle {
  // Axis range. y_min unset: the multiple of grid_step at least 5 below the lowest value
  // shown (total or pass mark), never below 0.
  std::optional<double> y_min;
  double y_max = 100;
  double grid_step = 10;
  bool value_labels = true;
  bool levels = false;  // "76.81 (B)" instead of "76.81"
  std::optional<Color> label_background = Color{1, 1, 1};  // knock-out box behind values; nullopt = none
  bool pass_line = true;
  std::string pass_label = "{pass}";
  std::string caption = "ปีงบประมาณ พ.ศ.";  // under the years; "" = none
  double line_width = 1.6;
  double point_size = 5;
  double text_size = 11;
  Color line_color{0.20, 0.42, 0.72};
  Color point_color{0.20, 0.42, 0.72};
  Color current_color{0.85, 0.33, 0.10};  // the assessed year's point and label
  Color text_color{0.1, 0.1, 0.1};
  Color axis_color{0.25, 0.25, 0.25};
  Color grid_color{0.82, 0.82, 0.82};
  Color pass_color{0.80, 0.10, 0.10};
};

// The chart fills width x height (points). Throws std::invalid_argument if the box is
// too small to hold the chart's text (the message says how much is needed).
std::vector<FrameItem> indicator_bar_chart(const Analysis& analysis, const ChartText& text, double width,
                                           double height, const BarChartStyle& style = {});

std::vector<FrameItem> history_line_chart(const Analysis& analysis, const ChartText& text, double width,
                                          double height, const LineChartStyle& style = {});

// The legend text of a tier in Thai: "ต่ำกว่า 90", "90 ถึงต่ำกว่า 95", "95 ขึ้นไป" (Arabic digits).
std::string tier_range_thai(const Framework& f, size_t tier);

}  // namespace thaidoc::ita
