#include "cli/render_command.h"
#include "cli/missing_glyphs.h"
#include "cli/diagnostics.h"

#include <cstdio>
#include <filesystem>

#include "base/atomic_file.h"
#include "base/input_file.h"
#include "input/document_reader.h"
#include <iostream>

#include "layout/document_layout.h"
#include "cli/stage_times.h"
#include "layout/trace.h"
#include "layout/verify.h"
#include "pdf/pdf_writer.h"

namespace thaidoc {

PdfOptions pdf_options_for(const Document& whole, std::optional<PdfStandard> standard, LaidOutDocument&) {
  // The title, author and date come with the document (each kind's reader fills them in).
  // A multi-part document: the PDF standard of its first part.
  const Document& doc =
      whole.kind == DocumentKind::Parts && !whole.parts.empty() ? whole.parts.front().document : whole;
  PdfOptions pdf;
  pdf.standard = standard.value_or(doc.style.pdf_standard);
  return pdf;
}

void run_render_command(const RenderOptions& options, Resources& res) {
  ReadOptions read;
  read.template_dirs = default_template_dirs();
  read.allow_outside = options.allow_outside;
  read.font_dirs = FontManager::default_search_dirs();
  read.font_exists = [&](const std::string& name) {
    std::error_code ec;  // a name too long for the file system is "not found", not an exception
    return std::filesystem::is_regular_file(res.fonts.resolve(name), ec);
  };
  // "-": the document on standard input; its relative paths are taken from the current folder.
  bool from_stdin = is_std_stream(options.input);
  std::string input_name = from_stdin ? std::string(kStdinName) : options.input;
  bool to_stdout = is_std_stream(options.output);
  if (!to_stdout) check_output_path(options.output, {options.input});
  if (!options.trace.empty()) check_output_path(options.trace, {options.input, options.output});
  Document doc = from_stdin ? read_document_string(read_standard_input(input_limits::kMaxFileBytes), input_name, read)
                            : read_document(options.input, read);
  if (prints_other(options.warnings))
    for (const std::string& w : doc.warnings) std::cerr << format_warning(w, diagnostic_format());
  StageTimes times;
  LaidOutDocument laid_out = layout_any(doc, res);
  for (const std::string& w : missing_glyph_warnings(laid_out)) {
    if (!prints_other(options.warnings)) break;
    std::cerr << format_file_warning(input_name, w, diagnostic_format());
  }
  times.mark("layout");
  for (const std::string& w : check_layout(laid_out, input_name, options.strict)) {
    if (prints_layout(options.warnings)) std::cerr << format_warning(w, diagnostic_format());
  }
  times.mark("check");
  if (!options.trace.empty()) write_trace_file(laid_out, options.trace);
  PdfOptions pdf = pdf_options_for(doc, options.pdf_standard, laid_out);
  auto write = [&](const std::string& temp) { write_pdf(laid_out, temp, pdf); };
  if (to_stdout) {
    write_to_stdout(write);
  } else {
    write_atomically(options.output, write, {options.input});
  }
  times.mark("pdf");
}

}  // namespace thaidoc
