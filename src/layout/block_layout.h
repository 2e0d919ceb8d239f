// Lays out the general blocks (paragraphs, headings, lists, images, spaces,
// page breaks, dotted lines) into flow boxes.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layout/flow.h"
#include "layout/source_ledger.h"
#include "layout/styles.h"
#include "model/blocks.h"
#include "model/template.h"
#include "text/paragraph.h"

namespace thaidoc {

// Draws a chart block into width x height (items relative to the top-left).
using ChartDrawer = std::function<std::vector<FrameItem>(const Chart&, double width, double height)>;

class BlockLayouter {
 public:
  BlockLayouter(const Template& tpl, const FontSet& fonts, const TextEngine& engine, DigitStyle digits,
                std::string base_dir);

  // Appends the blocks' boxes; x and width give the column, relative to the left margin.
  void add_blocks(const std::vector<Block>& blocks, std::vector<FlowBox>& out, double x, double width);

  // One paragraph of inline content with the body style (used by document parts).
  void add_paragraph(const InlineText& text, std::vector<FlowBox>& out, double x, double width,
                     const ParagraphStyle& style, double size, bool bold, DigitStyle digits, double space_before);

  // Dotted lines for handwriting, each one body line high.
  void add_dotted_lines(int count, std::vector<FlowBox>& out, double x, double width);

  // The next box may not start a page (it stays with what came before).
  void keep_with_next() { keep_next_ = true; }

  // Space to leave before the next block (the previous block's space after).
  double pending_space() const { return pending_space_; }
  void set_pending_space(double s) { pending_space_ = s; }

  double body_line_height() const;
  // Height of the text area of a continuation page in the current page style (the
  // tallest content that can be kept on one page).
  double text_height() const;
  DigitStyle digits() const { return digits_; }
  const std::string& base_dir() const { return base_dir_; }
  const Template& style() const { return tpl_; }
  // Paragraphs laid out from now on are bold (table header cells).
  void set_bold(bool bold) { bold_ = bold; }
  // Chart blocks need a drawer (the report layer provides one from its ITA data).
  void set_chart_drawer(ChartDrawer drawer) { chart_drawer_ = std::move(drawer); }
  const FontSet& fonts() const { return fonts_; }
  const TextEngine& engine() const { return engine_; }
  // The width of a list's widest marker at `size` (its items' markers, in list_marker_digits).
  double list_marker_width(const List& list, DigitStyle digits, double size) const;

  // Where laid-out text is registered for the layout invariants (may be null).
  void set_ledger(SourceLedger* ledger) { ledger_ = ledger; }
  SourceLedger* ledger() const { return ledger_; }
  // The source position of the block being laid out, and what it is, for the text
  // registered from here on (document parts set it before their own paragraphs).
  void set_source(SourceLocation where, std::string what) {
    where_ = std::move(where);
    what_ = std::move(what);
  }
  const SourceLocation& source() const { return where_; }
  // Registers `text` and tags the glyph runs in out[from, end) with it.
  void register_text(const std::string& text, std::vector<FlowBox>& out, size_t from) const;

 private:
  void add_block(const Block& block, std::vector<FlowBox>& out, double x, double width, int list_level);
  void add_list(const List& list, DigitStyle digits, std::vector<FlowBox>& out, double x, double width, int level);
  void keep_together(const Block& block, std::vector<FlowBox>& out, size_t from);
  void add_image(const Image& image, std::vector<FlowBox>& out, double x, double width);
  void add_section(const Section& section, DigitStyle digits, std::vector<FlowBox>& out);
  double take_space(double own_before);

  const Template& tpl_;
  const FontSet& fonts_;
  const TextEngine& engine_;
  DigitStyle digits_;
  std::string base_dir_;
  double pending_space_ = 0;
  bool keep_next_ = false;
  bool bold_ = false;
  bool after_figure_ = false;  // the block just laid out was a chart, image or table
  ChartDrawer chart_drawer_;
  SourceLedger* ledger_ = nullptr;
  std::optional<PageStyle> section_page_;  // inside a landscape/portrait section
  SourceLocation where_;
  std::string what_ = "paragraph";
};

// The text engine's warnings about one paragraph (TextWarning: stretched, word cut, name split,
// could not keep), as layout warnings at `where`: each kind once, with how many more there are.
// `source` is the ledger's id of the paragraph's text (the page of each warning comes from it).
void report_text_warnings(SourceLedger& ledger, const SourceLocation& where, const ParagraphLayout& layout,
                          int32_t source);

// The text of a list marker: "๑." "1." "(๑)" "(1)" "-" "•".
std::string list_marker(ListMarker marker, int number);
// The digits a list marker is written in: Thai or Arabic for the numbered kinds that say so,
// else the block's own.
DigitStyle list_marker_digits(ListMarker marker, DigitStyle digits);

}  // namespace thaidoc
