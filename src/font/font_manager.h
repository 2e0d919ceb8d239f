// Finds and loads fonts once per process; shared by every document of a batch.
#pragma once
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "font/font.h"

namespace thaidoc {

// A family with its four styles; any style may fall back to regular.
struct FontFamily {
  FontPtr regular, bold, italic, bold_italic;
  const FontPtr& get(bool is_bold, bool is_italic) const;
};

class FontManager {
 public:
  // Directories searched for relative font names, in order.
  explicit FontManager(std::vector<std::string> search_dirs = default_search_dirs());

  // The directories: $THAIDOC_FONTS, ./fonts, <exe dir>/fonts, the source tree's fonts/.
  static std::vector<std::string> default_search_dirs();

  // Loads (once) a font by path or by file name in the search directories. Thread-safe.
  FontPtr get(const std::string& name_or_path);

  // A family from file names, e.g. family("Laksaman.ttf", "Laksaman-Bold.ttf", ...).
  FontFamily family(const std::string& regular, const std::string& bold,
                    const std::string& italic, const std::string& bold_italic);

  std::string resolve(const std::string& name_or_path) const;

 private:
  std::vector<std::string> dirs_;
  std::mutex mutex_;
  std::map<std::string, FontPtr> fonts_;
};

}  // namespace thaidoc
