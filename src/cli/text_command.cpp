#include "cli/text_command.h"
#include "cli/missing_glyphs.h"
#include "cli/diagnostics.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/input_file.h"
#include "base/utf8.h"
#include "layout/document_layout.h"
#include "cli/stage_times.h"
#include "layout/trace.h"
#include "layout/verify.h"
#include "model/document.h"
#include "pdf/pdf_writer.h"
#include "text/segment.h"

namespace thaidoc {

namespace {
bool is_blank(const std::string& line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

char32_t last_char(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return utf8::next(s, i);
}

char32_t first_char(const std::string& s) {
  size_t i = 0;
  return s.empty() ? 0 : utf8::next(s, i);
}
}  // namespace

std::string read_text_file(const std::string& file) {
  const std::string path = is_std_stream(file) ? std::string(kStdinName) : file;  // the name in messages
  // The limits of `render`: a regular file (no FIFO or device) of at most 50 MB ...
  std::string text = is_std_stream(file) ? read_standard_input(input_limits::kMaxFileBytes)
                                         : read_input_file(file, input_limits::kMaxFileBytes);
  if (auto bad = utf8::find_invalid(text)) {
    int line, col;
    utf8::line_column(text, *bad, line, col);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
    throw Error({path, line, col}, std::string("invalid UTF-8 (byte ") + hex + ")", 2);
  }
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  // ... and at most 1 MB in one paragraph (lines between blank lines).
  size_t para_start = 0, para_line = 1, line_no = 1;
  for (size_t pos = 0; pos <= text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string line = text.substr(pos, eol - pos);
    if (is_blank(line)) {
      para_start = eol + 1;
      para_line = line_no + 1;
    } else if (eol - para_start > input_limits::kMaxValueBytes) {
      throw Error({path, static_cast<int>(para_line), 1},
                  "paragraph too long: more than " + std::to_string(input_limits::kMaxValueBytes >> 20) +
                      " MB without a blank line",
                  2);
    }
    pos = eol + 1;
    ++line_no;
  }
  return text;
}

std::vector<TextParagraph> split_paragraphs_at(const std::string& text) {
  std::vector<TextParagraph> paragraphs;
  TextParagraph current;
  auto flush = [&] {
    if (!current.text.empty()) paragraphs.push_back(current);
    current = TextParagraph{};
  };
  int line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (is_blank(line)) {
      flush();
      continue;
    }
    std::string t = trim(line);
    if (current.text.empty()) {
      // Where the paragraph starts: its first line, the column of its first character.
      size_t lead = line.find_first_not_of(" \t\r");
      current.line = line_no;
      current.column = 1 + static_cast<int>(utf8::decode(std::string_view(line).substr(0, lead)).size());
    } else {
      bool thai_join = is_thai(last_char(current.text)) && is_thai(first_char(t));
      if (!thai_join) current.text += ' ';
    }
    current.text += t;
  }
  flush();
  return paragraphs;
}

std::vector<std::string> split_paragraphs(const std::string& text) {
  std::vector<std::string> out;
  for (TextParagraph& p : split_paragraphs_at(text)) out.push_back(std::move(p.text));
  return out;
}

// A general document (kind: document) of plain paragraphs in the official page style,
// laid out by the same pipeline as `render`.
Document text_document(const std::string& text, const TextCommandOptions& options) {
  Document doc;
  doc.kind = DocumentKind::Document;
  doc.source = options.input;
  // The defaults of the Template are the official page style (A4, margins 3/2/2.5/2 cm,
  // 2.5 cm indent, justified); the options change the font, its size and the line height.
  Template& tpl = doc.style;
  tpl.fonts.regular = options.font;
  tpl.fonts.fallback = options.fallback_font;
  tpl.body.size = options.size;
  tpl.body.line_height = options.line_height;
  tpl.body.align = BlockAlign::Justify;
  tpl.page_numbers.enabled = options.page_numbers;
  tpl.page_numbers.size = options.size;
  tpl.digits = options.digits;  // (page numbers: Arabic, else Thai)
  // Digits are converted here, all of them (the text has no markup to keep some as written).
  // Each paragraph is named by where it starts in the file (its warnings say so).
  for (const TextParagraph& p : split_paragraphs_at(text)) {
    Block b;
    b.where = {options.input, p.line, p.column};
    b.digits = DigitStyle::Keep;
    Paragraph para;
    para.text = {InlineSpan{convert_digits(p.text, options.digits)}};
    b.content = std::move(para);
    doc.blocks.push_back(std::move(b));
  }
  if (options.input != kStdinName) doc.info.title = std::filesystem::path(options.input).stem().string();
  return doc;
}

LaidOutDocument typeset_text(const std::string& text, const TextCommandOptions& options, Resources& res) {
  return layout_document(text_document(text, options), res);
}

void run_text_command(const TextCommandOptions& options_in, Resources& res) {
  // "-": the text on standard input, named <stdin> in messages.
  bool to_stdout = is_std_stream(options_in.output);
  if (!to_stdout) check_output_path(options_in.output, {options_in.input});
  if (!options_in.trace.empty()) check_output_path(options_in.trace, {options_in.input, options_in.output});
  std::string text = read_text_file(options_in.input);
  TextCommandOptions options = options_in;
  if (is_std_stream(options.input)) options.input = kStdinName;
  StageTimes times;
  LaidOutDocument doc = typeset_text(text, options, res);
  for (const std::string& w : missing_glyph_warnings(doc)) {
    if (!prints_other(options.warnings)) break;
    std::cerr << format_file_warning(options.input, w, diagnostic_format());
  }
  times.mark("layout");
  for (const std::string& w : check_layout(doc, options.input, options.strict)) {
    if (prints_layout(options.warnings)) std::cerr << format_warning(w, diagnostic_format());
  }
  times.mark("check");
  if (!options.trace.empty()) write_trace_file(doc, options.trace);
  PdfOptions pdf;
  pdf.standard = options.pdf_standard;
  auto write = [&](const std::string& temp) { write_pdf(doc, temp, pdf); };
  if (to_stdout) {
    write_to_stdout(write);
  } else {
    write_atomically(options.output, write, {options_in.input});
  }
  times.mark("pdf");
}

}  // namespace thaidoc
