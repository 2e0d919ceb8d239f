// Writes a laid-out document as a PDF (LibHaru for the document structure, fonts
// embedded by hand as Type0/CIDFontType2 subsets so text is written as glyph ids
// and still extracts as the original Thai text).
//
// Output is deterministic: identical input gives byte-identical files (the only date
// is SOURCE_DATE_EPOCH or the document's own; the trailer /ID is a hash of the content). Safe to call from several threads at once on different documents.
#pragma once
#include <string>

#include "frame/frame.h"
#include "frame/pdf_standard.h"

namespace thaidoc {

struct PdfOptions {
  bool compress = true;  // Flate-compress content streams and font maps
  // PDF/A-2b, -2u or -3u: XMP metadata, sRGB output intent, PDF 1.7 (pdf/pdf_archive.h).
  PdfStandard standard = PdfStandard::None;
};

// Writes the document to `path` (the caller takes care of temp-file + rename).
// Throws thaidoc::Error on failure (a missing image names the image path).
void write_pdf(const LaidOutDocument& doc, const std::string& path, const PdfOptions& options = {});

// Same, into memory (for tests/fuzzing).
std::string write_pdf_to_memory(const LaidOutDocument& doc, const PdfOptions& options = {});

}  // namespace thaidoc
