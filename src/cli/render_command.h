// `thaidoc render IN.yaml -o OUT.pdf`: a YAML document (memo, ...) to PDF.
#pragma once
#include <optional>
#include <string>

#include "frame/frame.h"
#include "cli/warning_level.h"
#include "frame/pdf_standard.h"
#include "layout/resources.h"
#include "model/document.h"
#include "pdf/pdf_writer.h"

namespace thaidoc {

struct RenderOptions {
  std::string input;
  std::string output;
  // Templates, fonts and images may be anywhere, not only in the document's folder (and,
  // for templates and fonts, the template and font folders); `--allow-outside`.
  bool allow_outside = false;
  // Layout violations (content off the page or its box, text not placed) are errors.
  bool strict = false;
  WarningLevel warnings = WarningLevel::All;  // --warnings
  std::string trace;  // also write a text trace of the laid-out pages here ("" = none)
  // --pdf-standard; unset: the template's `pdf_standard` (default none).
  std::optional<PdfStandard> pdf_standard;
};

// The PDF options for a laid-out YAML document (render and batch): the standard from the
// command line or else the template. (The title, author and creation date are in
// laid_out.info already: the document's own, or what its kind's reader derived.)
PdfOptions pdf_options_for(const Document& doc, std::optional<PdfStandard> standard, LaidOutDocument& laid_out);

// Reads, lays out and writes atomically; throws Error.
void run_render_command(const RenderOptions& options, Resources& resources);

}  // namespace thaidoc
