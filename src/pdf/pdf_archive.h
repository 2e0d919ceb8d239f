// The document level of every PDF: the information dictionary (Title, Author, Subject,
// Keywords, Creator, Producer, dates), /Lang and a trailer /ID derived from the content;
// and for PDF/A (ISO 19005-2/-3, levels b and u): the XMP metadata that repeats them with
// the pdfaid part and conformance, the sRGB output intent (src/pdf/icc/sRGB.icc) and PDF 1.7.
// What else PDF/A asks of the content (fonts embedded, every glyph drawn as text mapped to
// Unicode, widths that agree with the font program, printable link annotations) every PDF
// thaidoc writes does already.
#pragma once
#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "frame/frame.h"
#include "frame/pdf_standard.h"

namespace thaidoc::pdf_detail {

// A 128-bit hash of what a document contains, for its trailer /ID (two FNV-1a lanes;
// not cryptographic: it only has to tell documents apart and stay the same on reruns).
class ContentHash {
 public:
  void add(std::string_view bytes);
  std::string digest() const;  // 16 bytes

 private:
  uint64_t a_ = 14695981039346656037ull;
  uint64_t b_ = 0x9E3779B97F4A7C15ull;
};

// The creation time written into the PDF, in seconds since 1970 (UTC): SOURCE_DATE_EPOCH
// when set to a number (reproducible builds), else the document's own date (YYYY-MM-DD, at
// midnight UTC), else -1 (no dates are written). Never the clock: reruns give identical files.
long long creation_time(const std::string& document_date);

// "D:20250424000000Z" and "2025-04-24T00:00:00Z".
std::string pdf_date(long long t);
std::string xmp_date(long long t);

// The XMP packet (UTF-8) for the document.
std::string xmp_packet(const DocumentInfo& info, PdfStandard standard, long long time, const std::string& producer);

// Writes the information dictionary, /Lang, the trailer /ID (`id`, 16 bytes) and, for a
// PDF/A standard, the XMP metadata, the output intent and the version. Throws Error.
void write_document_level(HPDF_Doc pdf, const DocumentInfo& info, PdfStandard standard, const std::string& id);

}  // namespace thaidoc::pdf_detail
