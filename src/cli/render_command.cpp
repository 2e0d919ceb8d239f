#include "cli/render_command.h"

#include <filesystem>

#include "base/atomic_file.h"
#include "input/document_reader.h"
#include <iostream>

#include "report/report_layout.h"
#include "layout/trace.h"
#include "layout/verify.h"
#include "pdf/pdf_writer.h"

namespace thaidoc {

void run_render_command(const RenderOptions& options, Resources& res) {
  ReadOptions read;
  read.template_dirs = default_template_dirs();
  read.allow_images_outside = options.allow_outside_images;
  read.font_exists = [&](const std::string& name) {
    return std::filesystem::is_regular_file(res.fonts.resolve(name));
  };
  Document doc = read_document(options.input, read);
  for (const std::string& w : doc.warnings) std::cerr << w << "\n";
  LaidOutDocument laid_out = layout_any(doc, res);
  for (const std::string& w : check_layout(laid_out, options.input, options.strict)) std::cerr << w << "\n";
  if (!options.trace.empty()) write_trace_file(laid_out, options.trace);
  write_atomically(options.output, [&](const std::string& temp) { write_pdf(laid_out, temp); });
}

}  // namespace thaidoc
