// Writes a laid-out document as a PDF (LibHaru for the document structure, fonts
// embedded by hand as Type0/CIDFontType2 subsets so text is written as glyph ids
// and still extracts as the original Thai text).
//
// Output is deterministic: identical input gives byte-identical files (no dates,
// no random IDs). Safe to call from several threads at once on different documents.
#pragma once
#include <string>

#include "frame/frame.h"

namespace thaidoc {

struct PdfOptions {
  bool compress = true;  // Flate-compress content streams and font maps
};

// Writes the document to `path` (the caller takes care of temp-file + rename).
// Throws thaidoc::Error on failure (a missing image names the image path).
void write_pdf(const LaidOutDocument& doc, const std::string& path, const PdfOptions& options = {});

// Same, into memory (for tests/fuzzing).
std::string write_pdf_to_memory(const LaidOutDocument& doc, const PdfOptions& options = {});

}  // namespace thaidoc
