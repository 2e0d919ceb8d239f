// `thaidoc render IN.yaml -o OUT.pdf`: a YAML document (memo, ...) to PDF.
#pragma once
#include <string>

#include "layout/resources.h"

namespace thaidoc {

struct RenderOptions {
  std::string input;
  std::string output;
  // Images may be anywhere, not only in the document's folder and below it.
  bool allow_outside_images = false;
  // Layout violations (content off the page or its box, text not placed) are errors.
  bool strict = false;
  std::string trace;  // also write a text trace of the laid-out pages here ("" = none)
};

// Reads, lays out and writes atomically; throws Error.
void run_render_command(const RenderOptions& options, Resources& resources);

}  // namespace thaidoc
