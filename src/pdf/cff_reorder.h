// A CFF font program with its glyphs in the order the PDF's codes use them, for a
// CIDFontType0 with FontFile3 /CIDFontType0C and Identity-H: the CFF is name-keyed, so a
// CID is its glyph index (PDF 32000-1 9.7.4.2), and glyph k of the new program is the glyph
// code k draws. Several codes may draw the same glyph (the same letter with different
// marks after it in its cluster): its charstring is then simply repeated. So every code has
// a CID of its own, as with a TrueType font's CIDToGIDMap, and the ToUnicode CMap maps codes
// that are also CIDs: readers that key ToUnicode by CID (MuPDF, pdfminer) read the same text
// as those that key it by code.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace thaidoc::pdf_detail {

// `cff` is a bare CFF table (an OpenType font's 'CFF '). Returns a CFF whose glyph 0 is its
// .notdef and glyph i (1..gids.size()) its glyph gids[i-1]; the other glyphs are dropped.
// Returns "" for a CID-keyed CFF or one it cannot parse (the caller then embeds otherwise).
std::string reorder_cff_glyphs(std::string_view cff, const std::vector<uint32_t>& gids);

}  // namespace thaidoc::pdf_detail
