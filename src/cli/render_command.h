// `thaidoc render IN.yaml -o OUT.pdf`: a YAML document (memo, ...) to PDF.
#pragma once
#include <string>

#include "layout/resources.h"

namespace thaidoc {

struct RenderOptions {
  std::string input;
  std::string output;
  // Templates, fonts and images may be anywhere, not only in the document's folder (and,
  // for templates and fonts, the template and font folders); `--allow-outside`.
  bool allow_outside = false;
};

// Reads, lays out and writes atomically; throws Error.
void run_render_command(const RenderOptions& options, Resources& resources);

}  // namespace thaidoc
