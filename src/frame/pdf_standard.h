// The PDF standard a document is written to: plain PDF, or PDF/A-2b, PDF/A-2u, PDF/A-3u
// (ISO 19005-2/-3; the names are Typst's). Chosen by `--pdf-standard` or a template's
// `pdf_standard:`; the PDF writer does the rest (pdf/pdf_archive.h).
#pragma once
#include <optional>
#include <string_view>

namespace thaidoc {

enum class PdfStandard { None, A2b, A2u, A3u };

// "none", "a-2b", "a-2u", "a-3u"; nullopt for anything else.
inline std::optional<PdfStandard> parse_pdf_standard(std::string_view s) {
  if (s == "none") return PdfStandard::None;
  if (s == "a-2b") return PdfStandard::A2b;
  if (s == "a-2u") return PdfStandard::A2u;
  if (s == "a-3u") return PdfStandard::A3u;
  return std::nullopt;
}

inline const char* pdf_standard_name(PdfStandard s) {
  switch (s) {
    case PdfStandard::A2b: return "a-2b";
    case PdfStandard::A2u: return "a-2u";
    case PdfStandard::A3u: return "a-3u";
    default: return "none";
  }
}

}  // namespace thaidoc
