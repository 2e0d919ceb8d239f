#include "cli/fonts_command.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "font/font_lookup.h"
#include "font/font_manager.h"

namespace thaidoc {

namespace fs = std::filesystem;

namespace {

std::string pad(const std::string& s, size_t width) {
  // Width in code points (family names may be Thai).
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n >= width ? s + " " : s + std::string(width - n, ' ');
}

std::string kind_of(const FontInfo& f) {
  return f.format == "CFF" ? "OpenType/CFF" : f.format == "TrueType" ? "TrueType" : f.format;
}

}  // namespace

int run_fonts_command(const FontsOptions& options, std::ostream& out) {
  // Shipped: the font files in the search folders, named by file (`regular: Laksaman.ttf`).
  out << "Font files in the font folders (name them by file, e.g. `regular: Laksaman.ttf`):\n";
  std::set<std::string> seen;
  size_t shipped = 0;
  for (const std::string& dir : FontManager::default_search_dirs()) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      std::string ext = entry.path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
      if (ext == ".ttf" || ext == ".otf") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::string name = p.filename().string();
      if (!seen.insert(name).second) continue;  // the first folder wins, as for documents
      FontInfo f;
      if (!describe_font_file(p.string(), f)) continue;
      if (options.thai_only && !f.thai) continue;
      out << "  " << pad(name, 26) << pad(f.family + " " + f.style, 28) << pad(kind_of(f), 14)
          << pad(f.thai ? "Thai" : "-", 6) << fs::absolute(p).lexically_normal().string() << "\n";
      ++shipped;
    }
  }
  if (shipped == 0) out << "  (none)\n";

  out << "\nInstalled fonts (fontconfig; name them by family, e.g. `family: Laksaman` or `regular: \"TH Sarabun New\"`):\n";
  std::vector<FontInfo> installed = list_installed_fonts();
  size_t listed = 0;
  for (const FontInfo& f : installed) {
    if (options.thai_only && !f.thai) continue;
    out << "  " << pad(f.family, 26) << pad(f.style, 28) << pad(kind_of(f), 14) << pad(f.thai ? "Thai" : "-", 6)
        << f.path << "\n";
    ++listed;
  }
  if (listed == 0) out << "  (none)\n";
  return 0;
}

}  // namespace thaidoc
