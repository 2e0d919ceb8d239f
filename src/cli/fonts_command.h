// `thaidoc fonts`: the fonts a template or document can name, shipped (the font folders,
// by file name) and installed (fontconfig, by family name), each with its format and
// whether it covers Thai.
#pragma once
#include <ostream>

namespace thaidoc {

struct FontsOptions {
  bool thai_only = false;  // --thai: only fonts that cover Thai
};

int run_fonts_command(const FontsOptions& options, std::ostream& out);

}  // namespace thaidoc
