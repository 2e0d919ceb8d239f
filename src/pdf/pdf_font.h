// Embedded fonts for the PDF writer (internal to src/pdf).
//
// Each thaidoc::Font used by a document becomes a Type0 font (Identity-H) whose
// descendant is a CIDFontType2 with a subset TrueType program (hb-subset, glyph
// ids retained), a W array, a CIDToGIDMap and a ToUnicode CMap. An OpenType/CFF font
// (Font::cff) becomes a CIDFontType0 whose FontFile3 /CIDFontType0C is the subset CFF with
// its glyphs in code order (cff_reorder.h), so that code = CID = glyph as above (a
// CID-keyed CFF cannot be reordered so and is refused). Text is written
// as 2-byte codes (CID = code) in first-use order, one code per distinct (glyph id,
// text) pair: every code drawn as text maps to the characters its glyph was shaped
// from (never to nothing), so the same glyph can stand for different texts. A glyph
// that has no characters of its own (the nikhahit HarfBuzz splits off sara am) is not
// drawn as text but as a form XObject of its outline (glyph_form).
// If a document needs more than 65535 codes for one font, further Type0 fonts
// ("instances") share the same embedded font program.
#pragma once
#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "font/font.h"

namespace thaidoc::pdf_detail {

// Number formatting for PDF content: at most `decimals` decimals, trailing zeros
// and a trailing '.' removed, never "-0" and never an exponent.
void append_number(std::string& out, double v, int decimals);
double round_to(double v, int decimals);

// Throws Error if LibHaru recorded an error on the document.
void check_hpdf(HPDF_Doc doc, const char* what);
std::string describe_hpdf_error(unsigned long code, unsigned long detail);

// UTF-8 -> UTF-16BE bytes (invalid input becomes U+FFFD).
std::string utf16be(std::string_view utf8_text);

// The subset font program: only `gids` (plus .notdef) keep their outlines, glyph ids
// are retained. Throws Error naming the font if HarfBuzz cannot subset it.
std::string subset_font_program(const Font& font, const std::vector<uint32_t>& gids);

// A ToUnicode CMap for codes 1..texts.size() (texts[i] is the UTF-8 text of code i+1).
// Codes whose text is empty are left out of the CMap (the writer never draws such codes).
std::string build_to_unicode_cmap(const std::vector<std::string>& texts);

struct GlyphCode {
  uint32_t instance = 0;  // which Type0 font of this Font
  uint16_t code = 0;      // 2-byte code (= CID)
  double width = 0;       // advance in 1000-unit text space, exactly as written in /W
};

class PdfFont {
 public:
  PdfFont(FontPtr font, HPDF_Doc doc, bool compress);
  PdfFont(const PdfFont&) = delete;
  PdfFont& operator=(const PdfFont&) = delete;

  const Font& font() const { return *font_; }

  // The code drawing glyph `gid` as the characters `text` (not empty); its width is the
  // glyph's own advance.
  GlyphCode text_code(uint32_t gid, std::string_view text);

  // A form XObject drawing glyph `gid`'s outline (filled with the current colour) in
  // font units, origin at the glyph origin: for glyphs that must not be text. Made once.
  HPDF_Dict glyph_form(uint32_t gid);

  // The Type0 font dictionary of an instance (an indirect object, ready to be
  // registered in a page's resources). Valid once code() returned that instance.
  HPDF_Dict dict(uint32_t instance) const { return instances_[instance].type0; }

  // Builds the subset program, descriptors, W, CIDToGIDMap and ToUnicode. Call once,
  // after all pages are written. Throws Error.
  void finish();

  size_t font_program_size() const { return program_size_; }

 private:
  struct Instance {
    HPDF_Dict type0 = nullptr;
    std::vector<uint32_t> gids;     // index = code - 1
    std::vector<std::string> texts;
    std::vector<double> widths;
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  GlyphCode add_code(uint32_t gid, std::string_view text, double width);
  std::string base_font_name(const std::vector<uint32_t>& gids) const;

  FontPtr font_;
  HPDF_Doc doc_;
  bool compress_;
  std::vector<Instance> instances_;
  std::unordered_map<uint32_t, HPDF_Dict> forms_;  // gid -> glyph_form
  // (gid bytes + text) -> (instance << 16 | code) of cluster codes
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> cluster_code_;
  std::string key_;  // scratch buffer for cluster_code_ lookups
  size_t program_size_ = 0;
};

}  // namespace thaidoc::pdf_detail
