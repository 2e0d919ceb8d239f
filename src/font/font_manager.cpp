#include "font/font_manager.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "base/error.h"
#include "base/install_dirs.h"

namespace thaidoc {

namespace fs = std::filesystem;

const FontPtr& FontFamily::get(bool is_bold, bool is_italic) const {
  if (is_bold && is_italic && bold_italic) return bold_italic;
  if (is_bold && bold) return bold;
  if (is_italic && italic) return italic;
  return regular;
}

FontManager::FontManager(std::vector<std::string> search_dirs) : dirs_(std::move(search_dirs)) {}

std::vector<std::string> FontManager::default_search_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("THAIDOC_FONTS")) dirs.emplace_back(env);
  for (std::string& dir : shipped_data_dirs("fonts")) dirs.push_back(std::move(dir));
  return dirs;
}

std::string FontManager::resolve(const std::string& name) const {
  fs::path p(name);
  if (p.is_absolute() || p.has_parent_path()) return name;
  for (const auto& dir : dirs_) {
    fs::path candidate = fs::path(dir) / p;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return name;
}

FontPtr FontManager::get(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = fonts_.find(name);
  if (it != fonts_.end()) return it->second;
  std::string path = resolve(name);
  FontPtr font = Font::load(path);
  fonts_.emplace(name, font);
  return font;
}

FontFamily FontManager::family(const std::string& regular, const std::string& bold,
                               const std::string& italic, const std::string& bold_italic) {
  FontFamily f;
  f.regular = get(regular);
  f.bold = bold.empty() ? f.regular : get(bold);
  f.italic = italic.empty() ? f.regular : get(italic);
  f.bold_italic = bold_italic.empty() ? f.bold : get(bold_italic);
  return f;
}

}  // namespace thaidoc
