// `thaidoc text IN.txt -o OUT.pdf`: a plain UTF-8 text file (paragraphs separated
// by blank lines) typeset in the official page style.
#pragma once
#include <string>
#include <vector>

#include "base/digits.h"
#include "frame/frame.h"
#include "cli/warning_level.h"
#include "frame/pdf_standard.h"
#include "layout/resources.h"

namespace thaidoc {

struct TextCommandOptions {
  std::string input;
  std::string output;
  double size = 16;
  double line_height = 1.0;
  DigitStyle digits = DigitStyle::Keep;
  std::string font = "Laksaman.ttf";
  std::string fallback_font = "DejaVuSans.ttf";
  bool page_numbers = true;
  bool strict = false;  // layout violations are errors
  WarningLevel warnings = WarningLevel::All;  // --warnings
  std::string trace;    // also write a text trace of the pages here ("" = none)
  PdfStandard pdf_standard = PdfStandard::None;  // --pdf-standard
};

// Splits plain text into paragraphs: blank lines separate them; the lines of a
// paragraph are joined (with a space, except between two Thai characters).
std::vector<std::string> split_paragraphs(const std::string& text);

// The same, with where each paragraph starts: its first line (1-based) and the column of
// its first character (1-based, in characters). A paragraph's layout warnings name this.
struct TextParagraph {
  std::string text;
  int line = 0, column = 0;
};
std::vector<TextParagraph> split_paragraphs_at(const std::string& text);

// Reads a UTF-8 file; throws Error with file:line:col for invalid UTF-8.
std::string read_text_file(const std::string& path);

LaidOutDocument typeset_text(const std::string& text, const TextCommandOptions& options, Resources& resources);

// Runs the whole command; throws Error. Writes the PDF atomically.
void run_text_command(const TextCommandOptions& options, Resources& resources);

}  // namespace thaidoc
