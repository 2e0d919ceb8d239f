// Installed fonts through fontconfig: a family name to a font file, and the list of fonts
// for `thaidoc fonts`. Thread-safe (one lock around fontconfig).
#pragma once
#include <string>
#include <vector>

namespace thaidoc {

struct FontInfo {
  std::string path;
  std::string family;  // the first (usually English) family name
  std::string style;   // "Regular", "Bold Italic", ...
  std::string format;  // "TrueType" or "CFF" (fontconfig's FC_FONTFORMAT)
  bool thai = false;   // covers Thai (fontconfig's language coverage for "th")
};

// The file of the installed family `family` in the style (bold, italic) closest to the one
// asked for; "" if fontconfig knows no scalable font of that family (the names are compared
// as fontconfig does, ignoring case and spaces). Never a substitute family.
std::string find_font_family(const std::string& family, bool bold, bool italic);

// Every scalable font fontconfig knows, sorted by family, style and path.
std::vector<FontInfo> list_installed_fonts();

// What fontconfig says about one font file (the first face); false if it is not a font.
bool describe_font_file(const std::string& path, FontInfo& out);

// True if `name` names a family rather than a file: no folder, and no font file extension
// (.ttf .otf .ttc .otc, any case).
bool looks_like_family_name(const std::string& name);

}  // namespace thaidoc
