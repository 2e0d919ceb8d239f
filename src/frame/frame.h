// Output-only types: what a laid-out page holds. Layout produces them; the PDF
// writer only walks them. Coordinates are points, origin at the top-left of the
// page, y growing downwards.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "base/error.h"
#include "font/font.h"

namespace thaidoc {

struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

struct PositionedGlyph {
  uint32_t gid = 0;
  double x = 0;  // pen position of this glyph relative to the run origin (offsets included)
  double y = 0;  // vertical offset from the baseline, y down (a raised mark is negative)
  // Where this glyph's characters start in its cluster's text (bytes): glyphs with the same
  // offset were shaped from the same characters, up to the next offset (ShapedGlyph::cluster).
  uint32_t text_offset = 0;
};

// A cluster is a grapheme cluster: a base character with its marks, mapped to a group of
// glyphs ("น้ำ" -> 4 glyphs). Layout never splits one; the PDF writer maps its glyphs to
// their own characters (PositionedGlyph::text_offset).
struct GlyphCluster {
  uint32_t first_glyph = 0;
  uint32_t glyph_count = 0;
  std::string text;  // UTF-8
  double advance = 0;  // natural advance of the whole cluster in points (without justification)
};

struct GlyphRun {
  FontPtr font;
  double size = 16;  // points
  double x = 0, y = 0;  // baseline origin on the page
  Color color;
  std::vector<PositionedGlyph> glyphs;
  std::vector<GlyphCluster> clusters;  // in glyph order, covering all glyphs
  double width = 0;  // advance width of the whole run
  // Which input text this run shows (an index into LaidOutDocument::sources; -1 =
  // generated text such as list markers and page numbers), and whether it is a
  // repeated copy (a table header on a continuation page) rather than the original.
  int32_t source = -1;
  bool repeated = false;
};

struct RectItem {
  double x = 0, y = 0, w = 0, h = 0;
  bool fill = false;
  Color fill_color;
  bool stroke = true;
  Color stroke_color;
  double line_width = 0.5;
};

struct LineItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Color color;
  std::vector<double> dash;  // empty = solid; e.g. {1, 2} for dotted
};

struct ImageItem {
  std::string path;  // PNG or JPEG
  double x = 0, y = 0, w = 0, h = 0;  // top-left corner and size
};

struct LinkItem {
  double x = 0, y = 0, w = 0, h = 0;
  std::string uri;
};

// Not drawn: the next `count` items must lie inside this rectangle (a table cell's
// content area). The layout invariants check it.
struct BoundsItem {
  double x = 0, y = 0, w = 0, h = 0;
  uint32_t count = 0;
};

using FrameItem = std::variant<GlyphRun, RectItem, LineItem, ImageItem, LinkItem, BoundsItem>;

// Where body content may go on a page: the text area inside the margins.
struct TextArea {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Page {
  double width = 595.276;   // A4
  double height = 841.89;
  std::vector<FrameItem> items;
  // items[0, flow_items) are body content, which must stay inside `area`; the rest
  // (page numbers, running heads) only on the paper.
  size_t flow_items = 0;
  TextArea area;
};

// One piece of input text (a paragraph, a cell's paragraph, a memo field): where it
// was written and the text the layout was given, to check it is all placed once.
struct SourceText {
  SourceLocation where;
  std::string what;  // "paragraph", "table cell", "memo subject" ...
  std::string text;
};

struct OutlineEntry {
  std::string title;
  int level = 0;  // 0 = top
  int page = 0;   // 0-based page index
  double y = 0;   // position on the page (top-left origin)
};

struct DocumentInfo {
  std::string title, author, subject, keywords, creator = "thaidoc", language = "th";
  std::string date;  // the document's own date (YYYY-MM-DD), if any: its creation date in the PDF
};

struct LaidOutDocument {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<SourceText> sources;  // GlyphRun::source indexes this
  // Layout warnings ("file:line:col: warning: ..."): content that could not be kept
  // together, a line stretched too far; printed with the invariants' violations.
  std::vector<std::string> warnings;
};

}  // namespace thaidoc
