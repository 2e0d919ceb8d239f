// Every layout number of a document lives here, read from templates/*.yaml and
// overridden by the document's own `style:` section. Lengths are in points.
#pragma once
#include <any>
#include <map>
#include <string>
#include <vector>

#include "base/digits.h"
#include "model/blocks.h"
#include "frame/frame.h"
#include "frame/pdf_standard.h"
#include "model/thai_date.h"

namespace thaidoc {

constexpr double kPointsPerCm = 72.0 / 2.54;

struct FontFiles {
  std::string regular = "Laksaman.ttf";
  std::string bold = "Laksaman-Bold.ttf";
  std::string italic = "Laksaman-Italic.ttf";
  std::string bold_italic = "Laksaman-BoldItalic.ttf";
  std::string fallback = "DejaVuSans.ttf";  // symbols the main font lacks (☐ ☑ ✓)
};

struct PageStyle {
  double width = 595.276;   // A4
  double height = 841.89;
  double margin_top = 2.5 * kPointsPerCm;
  double margin_bottom = 2.0 * kPointsPerCm;
  double margin_left = 3.0 * kPointsPerCm;
  double margin_right = 2.0 * kPointsPerCm;
  double first_page_margin_top = -1;  // < 0: same as margin_top (a memo's first page uses 1.5 cm)
  double top_on_page(int page_index) const {
    return page_index == 0 && first_page_margin_top >= 0 ? first_page_margin_top : margin_top;
  }
  double content_width() const { return width - margin_left - margin_right; }
};

struct PageNumberStyle {
  bool enabled = true;
  std::string format = "- {n} -";  // {n} = the page number
  int first_numbered_page = 2;
  double baseline_from_top = 1.5 * kPointsPerCm;
  double size = 16;
};

struct BodyStyle {
  double size = 16;
  double line_height = 1.0;  // factor on the font's line height
  double first_indent = 2.5 * kPointsPerCm;
  double space_before = 0;
  double space_after = 6;
  BlockAlign align = BlockAlign::Justify;
  int orphans = 2;
  int widows = 2;
};

struct HeadingStyle {
  double size = 16;
  bool bold = true;
  BlockAlign align = BlockAlign::Left;
  double space_before = 6;
  double space_after = 3;
  double first_indent = 0;
};

struct ListStyle {
  double indent = 2.5 * kPointsPerCm;  // where the first level's marker starts (from the left margin)
  double marker_gap = 0.25 * kPointsPerCm;  // between the marker and the item text
  double level_indent = 0.75 * kPointsPerCm;  // extra indent per nesting level
  double item_space = 0;
  bool hanging = true;  // continuation lines align with the item text (false: back to the margin)
};

struct MemoStyle {
  double emblem_height = 1.5 * kPointsPerCm;
  std::string title = "บันทึกข้อความ";
  double title_size = 29;
  double title_baseline_raise = 4;  // title baseline sits this far above the emblem's foot
  std::string agency_label = "ส่วนราชการ";
  std::string reference_label = "ที่";
  std::string date_label = "วันที่";
  std::string subject_label = "เรื่อง";
  // The closing line and signature go to a new page with at least this many lines
  // of the body before them (never alone at the top of a page).
  int closing_keep_lines = 2;
  double label_size = 20;          // ส่วนราชการ, ที่, วันที่, เรื่อง labels
  bool label_bold = true;
  double value_size = 16;
  double label_gap = 0.2 * kPointsPerCm;  // between a label and its value
  bool dotted_values = true;       // values sit on dotted lines to the right margin
  double dotted_offset = 0.12;     // dotted line below the value baseline, x value size
  double date_column = 0.5;        // วันที่ starts at this fraction of the text width
  double header_line_height = 1.0; // factor for the header lines
  double space_after_title = 0;
  double space_before_to = 6;      // before เรียน
  double space_after_header = 6;   // after เรียน
  std::string to_label = "เรียน";
  bool to_label_bold = false;
  double to_label_size = 16;
  std::string closing = "จึงเรียนมาเพื่อโปรดพิจารณา";
  double closing_space_before = 6;
  double signature_center = 0.62;  // centre of the signature block, fraction of the text width
  double signature_space = 1.6 * kPointsPerCm;  // blank space to sign, above the name
  double signature_space_before = 6;
  int comment_dotted_lines = 2;
  bool comment_heading_bold = false;
  double comment_dotted_indent = 0;
  double comment_space_before = 12;
  double dotted_line_spacing = 0;  // 0 = one body line per dotted line
};

// The speed and secrecy stamps (components/stamps.h): red, the speed class at least
// 32 pt on the first page, the secrecy class larger than the text at the top and the
// foot of every page, centred. Positions are from the paper's edges.
struct StampStyle {
  Color color{1, 0, 0};
  double speed_size = 32;
  bool speed_bold = true;
  double speed_x = 0;                             // from the left margin
  double speed_baseline = 1.2 * kPointsPerCm;     // from the top of the paper (page 1)
  double secrecy_size = 20;
  bool secrecy_bold = true;
  double secrecy_top_baseline = 0.9 * kPointsPerCm;     // from the top of the paper
  double secrecy_bottom_baseline = 0.9 * kPointsPerCm;  // from the foot of the paper
};

struct TableStyle {
  double font_size = 14;
  double line_height = 1.0;
  double padding_x = 0.15 * kPointsPerCm;  // inside a cell, left and right
  double padding_y = 0.05 * kPointsPerCm;  // top and bottom
  double border_width = 0.5;
  TableBorders borders = TableBorders::All;
  bool header_bold = true;
  BlockAlign header_align = BlockAlign::Center;
  VerticalAlign header_valign = VerticalAlign::Middle;
  BlockAlign body_align = BlockAlign::Left;
  VerticalAlign body_valign = VerticalAlign::Top;
  bool header_fill = false;
  Color header_fill_color{0.9, 0.9, 0.9};
  bool group_bold = true;
  bool group_fill = false;
  Color group_fill_color{0.95, 0.95, 0.95};
  int min_lines_before_split = 2;  // a row split leaves at least this many lines of a cell on the page...
  int min_lines_after_split = 2;   // ...and carries at least this many to the next
  std::string continued = "(ต่อ)"; // shown above the repeated header on continuation pages ("" = none)
  bool repeat_group = true;        // restate the current group row after a page break
  // A cell spanning rows that a page break cuts, and whose text is all on the page
  // before, is restated on the next page followed by this ("" = left blank).
  std::string span_continued = "(ต่อ)";
  int keep_rows = 5;               // a table with at most this many body rows is not split (0 = any)
  bool keep_notes = true;          // notes and source lines after a table stay with its last row
  double caption_size = 16;
  bool caption_bold = true;
  double space_before = 6;
  double space_after = 6;
};

// Paragraph styles for the report's captions, notes and source lines.
struct RoleStyle {
  double size = 16;
  bool bold = false;
  BlockAlign align = BlockAlign::Left;
  double first_indent = 0;
  double space_before = 3;
  double space_after = 3;
};

struct ReportStyle {
  double cover_title_size = 26;
  double cover_by_size = 20;
  double cover_organisation_size = 20;
  double cover_logo_height = 3.5 * kPointsPerCm;
  double cover_title_top = 0.22;       // fraction of the text height where the title starts
  std::string cover_by_label = "โดย";
  double heading_size = 20;            // คำนำ and สารบัญ
  std::string contents_heading = "สารบัญ";
  std::string contents_page_label = "หน้า";
  int contents_levels = 2;             // heading levels listed in สารบัญ
  double contents_level_indent = 0.75 * kPointsPerCm;
  double contents_space = 2;           // between entries
  double chart_height = 8 * kPointsPerCm;
  RoleStyle caption{16, true, BlockAlign::Center, 0, 3, 6};
  RoleStyle note{14, false, BlockAlign::Left, 0, 3, 3};
  RoleStyle source{14, false, BlockAlign::Left, 0, 3, 6};
};

// How paragraphs are broken into lines (see README: line breaking).
struct LineBreakingStyle {
  double max_stretch = 0.15;            // a justified line grows by at most this x its natural width
  std::vector<std::string> dictionary;  // words and names never broken: `dictionary:` and
                                        // `dictionary_file:` of the templates and the document,
                                        // plus the names the document itself gives
};

struct Template {
  std::string name = "default";
  PageStyle page;
  FontFiles fonts;
  DigitStyle digits = DigitStyle::Thai;
  MonthStyle months = MonthStyle::Full;  // dates: ๒๔ เมษายน ๒๕๖๘ or ๒๔ เม.ย. ๒๕๖๘
  PageNumberStyle page_numbers;
  BodyStyle body;
  HeadingStyle headings[3] = {{20, true, BlockAlign::Center, 12, 6, 0},
                              {18, true, BlockAlign::Left, 12, 6, 0},
                              {16, true, BlockAlign::Left, 6, 3, 0}};
  ListStyle lists;
  TableStyle tables;
  MemoStyle memo;
  ReportStyle report;
  StampStyle stamps;
  double dotted_line_dash = 1.0;   // dot length and gap for dotted lines
  double dotted_line_width = 0.6;
  PdfStandard pdf_standard = PdfStandard::None;  // `pdf_standard: a-2u` (PDF/A); --pdf-standard wins
  LineBreakingStyle line_breaking;
  // The settings of each kind that has its own template section (`letter:`, `order:` ...),
  // by section name: that kind's style struct, defined and read in its file in
  // src/layout/kinds/ (kind_style<T>(template, name) there).
  std::map<std::string, std::any, std::less<>> kinds;
};

}  // namespace thaidoc
