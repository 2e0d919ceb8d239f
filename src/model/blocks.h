// Blocks usable in every document kind.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/digits.h"
#include "base/error.h"
#include "model/inline.h"
#include "model/table.h"

namespace thaidoc {

enum class BlockAlign { Left, Center, Right, Justify };  // (declared in table.h too)

// What a paragraph is for; the template styles each role.
enum class ParagraphRole {
  Body,
  Caption,  // แผนภูมิที่ ๑ ..., ตารางที่ ๒ ...
  Note,     // * ...
  Source,   // ที่มา : ...
};

struct Paragraph {
  InlineText text;
  ParagraphRole role = ParagraphRole::Body;
  std::optional<BlockAlign> align;     // template default if unset
  std::optional<double> first_indent;  // points; template default if unset
  double left_indent = 0;              // points
  bool keep_with_next = false;
};

struct Heading {
  int level = 1;  // 1..3
  InlineText text;
  std::optional<BlockAlign> align;
};

enum class ListMarker {
  ThaiNumber,        // ๑.
  ArabicNumber,      // 1.
  ThaiParen,         // (๑)
  ArabicParen,       // (1)
  Dash,              // -
  Bullet,            // •
};

// A chart drawn from the document's ITA data.
struct Chart {
  enum class Kind { IndicatorScores, YearlyTotals, ScoreCard } kind = Kind::IndicatorScores;
  double width = 0;   // points; 0 = the text width (a score card: from the template)
  double height = 0;  // points; 0 = from the template
  // A score card's texts, replacing the template's (report.score_card) when set.
  std::optional<std::string> title, unit, label, note;  // note: the `remark:` key
};

struct Block;

struct ListItem {
  std::vector<Block> blocks;  // usually one paragraph, perhaps a nested list
};

struct List {
  ListMarker marker = ListMarker::Dash;
  int start = 1;
  std::vector<ListItem> items;
};

struct Image {
  std::string path;  // resolved against the document's directory
  double width = 0;  // points; 0 = from height and aspect ratio (or natural size)
  double height = 0;
  BlockAlign align = BlockAlign::Center;
};

struct VerticalSpace {
  double height = 0;  // points
};

struct PageBreak {};

// Dotted lines across the text width, for handwriting.
struct DottedLines {
  int count = 1;
};

struct Block {
  std::variant<Paragraph, Heading, List, Image, VerticalSpace, PageBreak, DottedLines, Table, Section, Chart> content;
  std::optional<DigitStyle> digits;  // per-block override of the document's digit style
  bool keep_together = false;  // `keep: together`: not split across pages (when it fits on one)
  bool keep_with_next = false; // no page break between this block and the next
  SourceLocation where;
};

}  // namespace thaidoc
