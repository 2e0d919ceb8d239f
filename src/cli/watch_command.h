// `thaidoc watch IN.yaml -o OUT.pdf`: renders, then renders again whenever a file the
// document used changes (the document, its templates, images, fonts, dictionary files),
// watched with inotify. A version with errors leaves the last good PDF in place and prints
// its diagnostics. SIGINT or SIGTERM ends it (exit code 0).
#pragma once
#include "cli/render_command.h"

namespace thaidoc {

struct WatchOptions {
  RenderOptions render;   // input, output, allow_outside, strict, pdf_standard
  int debounce_ms = 150;  // quiet time after a change before rendering (editors write in steps)
};

// Runs until SIGINT or SIGTERM; returns the exit code (0). Throws Error only for an
// unusable set-up (inotify unavailable).
int run_watch_command(const WatchOptions& options);

}  // namespace thaidoc
