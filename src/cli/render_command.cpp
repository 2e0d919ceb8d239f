#include "cli/render_command.h"
#include "cli/missing_glyphs.h"

#include <cstdio>
#include <filesystem>

#include "base/atomic_file.h"
#include "input/document_reader.h"
#include <iostream>

#include "report/report_layout.h"
#include "cli/stage_times.h"
#include "layout/trace.h"
#include "layout/verify.h"
#include "pdf/pdf_writer.h"

namespace thaidoc {

PdfOptions pdf_options_for(const Document& doc, std::optional<PdfStandard> standard, LaidOutDocument& laid_out) {
  PdfOptions pdf;
  pdf.standard = standard.value_or(doc.style.pdf_standard);
  if (doc.kind == DocumentKind::Memo) {
    if (laid_out.info.author.empty()) laid_out.info.author = doc.memo.agency;
    if (laid_out.info.date.empty() && !doc.memo.date.empty()) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", doc.memo.date.year, doc.memo.date.month, doc.memo.date.day);
      laid_out.info.date = buf;
    }
  }
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
