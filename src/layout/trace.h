// A readable text trace of laid-out pages, in the spirit of SILE's debug output:
// one line per page and per item (text with its place, width, font, size, source
// and characters; rules; rectangles; images; links). The golden tests compare these
// traces for every example, so a layout change shows as a readable diff.
#pragma once
#include <ostream>

#include "frame/frame.h"

namespace thaidoc {

void write_trace(const LaidOutDocument& doc, std::ostream& out);
// The same into a file (written atomically); throws Error.
void write_trace_file(const LaidOutDocument& doc, const std::string& path);

}  // namespace thaidoc
