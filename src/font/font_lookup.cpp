#include "font/font_lookup.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <tuple>

namespace thaidoc {

namespace {

std::mutex& fc_mutex() {
  static std::mutex m;
  return m;
}

FcConfig* config() {  // (caller holds fc_mutex)
  static FcConfig* c = FcInitLoadConfigAndFonts();
  return c;
}

std::string normalized(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (c != ' ') out.push_back(static_cast<char>(std::tolower(c)));
  return out;
}

std::string get_string(FcPattern* p, const char* object, int n = 0) {
  FcChar8* v = nullptr;
  if (FcPatternGetString(p, object, n, &v) != FcResultMatch || !v) return "";
  return reinterpret_cast<const char*>(v);
}

FontInfo info_of(FcPattern* p) {
  FontInfo f;
  f.path = get_string(p, FC_FILE);
  f.family = get_string(p, FC_FAMILY);
  f.style = get_string(p, FC_STYLE);
  f.format = get_string(p, FC_FONTFORMAT);
  FcLangSet* langs = nullptr;
  if (FcPatternGetLangSet(p, FC_LANG, 0, &langs) == FcResultMatch && langs) {
    f.thai = FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("th")) == FcLangEqual;
  }
  return f;
}

}  // namespace

bool looks_like_family_name(const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos) return false;
  std::string lower;
  for (unsigned char c : name) lower.push_back(static_cast<char>(std::tolower(c)));
  for (const char* ext : {".ttf", ".otf", ".ttc", ".otc"}) {
    size_t n = std::char_traits<char>::length(ext);
    if (lower.size() > n && lower.compare(lower.size() - n, n, ext) == 0) return false;
  }
  return true;
}

std::string find_font_family(const std::string& family, bool bold, bool italic) {
  std::lock_guard<std::mutex> lock(fc_mutex());
  FcConfig* c = config();
  if (!c) return "";
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(c, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(c, pattern, &result);
  FcPatternDestroy(pattern);
  std::string path;
  if (match) {
    // FcFontMatch always finds something: accept it only if one of its family names is
    // the one asked for (else it is a substitute such as DejaVu Sans).
    std::string wanted = normalized(family);
    bool same = false;
    for (int i = 0;; ++i) {
      std::string name = get_string(match, FC_FAMILY, i);
      if (name.empty()) break;
      if (normalized(name) == wanted) same = true;
    }
    FcBool scalable = FcFalse;
    FcPatternGetBool(match, FC_SCALABLE, 0, &scalable);
    if (same && scalable) path = get_string(match, FC_FILE);
    FcPatternDestroy(match);
  }
  return path;
}

std::vector<FontInfo> list_installed_fonts() {
  std::vector<FontInfo> out;
  std::lock_guard<std::mutex> lock(fc_mutex());
  FcConfig* c = config();
  if (!c) return out;
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
  FcObjectSet* objects = FcObjectSetBuild(FC_FILE, FC_FAMILY, FC_STYLE, FC_FONTFORMAT, FC_LANG, nullptr);
  FcFontSet* set = FcFontList(c, pattern, objects);
  FcObjectSetDestroy(objects);
  FcPatternDestroy(pattern);
  if (set) {
    for (int i = 0; i < set->nfont; ++i) out.push_back(info_of(set->fonts[i]));
    FcFontSetDestroy(set);
  }
  std::sort(out.begin(), out.end(), [](const FontInfo& a, const FontInfo& b) {
    return std::tie(a.family, a.style, a.path) < std::tie(b.family, b.style, b.path);
  });
  return out;
}

bool describe_font_file(const std::string& path, FontInfo& out) {
  std::lock_guard<std::mutex> lock(fc_mutex());
  int count = 0;
  FcPattern* p = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(path.c_str()), 0, nullptr, &count);
  if (!p) return false;
  out = info_of(p);
  out.path = path;
  FcPatternDestroy(p);
  return true;
}

}  // namespace thaidoc
