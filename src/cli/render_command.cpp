#include "cli/render_command.h"
#include "cli/missing_glyphs.h"

#include <cstdio>
#include <filesystem>

#include "base/atomic_file.h"
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
    return std::filesystem::is_regular_file(res.fonts.resolve(name));
  };
  Document doc = read_document(options.input, read);
  if (prints_other(options.warnings))
    for (const std::string& w : doc.warnings) std::cerr << w << "\n";
  StageTimes times;
  LaidOutDocument laid_out = layout_any(doc, res);
  for (const std::string& w : missing_glyph_warnings(laid_out)) {
    if (!prints_other(options.warnings)) break;
    std::cerr << "thaidoc: warning: " << escape_controls(options.input + ": " + w) << "\n";
  }
  times.mark("layout");
  for (const std::string& w : check_layout(laid_out, options.input, options.strict))
    if (prints_layout(options.warnings)) std::cerr << w << "\n";
  times.mark("check");
  if (!options.trace.empty()) write_trace_file(laid_out, options.trace);
  PdfOptions pdf = pdf_options_for(doc, options.pdf_standard, laid_out);
  write_atomically(options.output, [&](const std::string& temp) { write_pdf(laid_out, temp, pdf); });
  times.mark("pdf");
}

}  // namespace thaidoc
