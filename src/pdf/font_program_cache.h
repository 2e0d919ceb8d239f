// Subset font programs, Flate-compressed, shared by every document of the process.
// In a batch the documents of one template use few distinct glyph sets per font (1,000
// memos: about 190 for the regular face, 380 for the bold), and subsetting plus
// compressing a program is a sixth of the time to write a memo, so each distinct
// (font, glyph set) is done once. The result is exactly what would be computed anew:
// output does not depend on what was cached before.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "font/font.h"

namespace thaidoc::pdf_detail {

struct CompressedProgram {
  std::string deflated;  // zlib (FlateDecode) data
  size_t length = 0;     // uncompressed size (the stream's /Length1)
};

// subset_font_program(font, gids) compressed, from the cache if possible. Thread-safe;
// the cache holds at most about 64 MB and starts over when full. Throws Error.
std::shared_ptr<const CompressedProgram> compressed_font_program(const Font& font, const std::vector<uint32_t>& gids);

}  // namespace thaidoc::pdf_detail
