#include "cli/render_command.h"
#include "cli/missing_glyphs.h"

#include <filesystem>

#include "base/atomic_file.h"
#include "input/document_reader.h"
#include <iostream>

#include "report/report_layout.h"
#include "pdf/pdf_writer.h"

namespace thaidoc {

void run_render_command(const RenderOptions& options, Resources& res) {
  ReadOptions read;
  read.template_dirs = default_template_dirs();
  read.allow_outside = options.allow_outside;
  read.font_dirs = FontManager::default_search_dirs();
  read.font_exists = [&](const std::string& name) {
    return std::filesystem::is_regular_file(res.fonts.resolve(name));
  };
  Document doc = read_document(options.input, read);
  for (const std::string& w : doc.warnings) std::cerr << w << "\n";
  LaidOutDocument laid_out = layout_any(doc, res);
  for (const std::string& w : missing_glyph_warnings(laid_out)) {
    std::cerr << "thaidoc: warning: " << escape_controls(options.input + ": " + w) << "\n";
  }
  write_atomically(options.output, [&](const std::string& temp) { write_pdf(laid_out, temp); });
}

}  // namespace thaidoc
