#include "layout/components/emblem.h"

#include <filesystem>

#include "image/image.h"

namespace thaidoc {

std::string resolve_path(const std::string& base_dir, const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty() || fs::path(path).is_absolute() || base_dir.empty()) return path;
  return (fs::path(base_dir) / path).string();
}

ImageItem emblem_item(const std::string& base_dir, const std::string& path, double x, double y, double height) {
  std::string resolved = resolve_path(base_dir, path);
  image::Size info = image::size_of(resolved);
  double w = height * info.width / info.height;
  return ImageItem{resolved, x, y, w, height};
}

}  // namespace thaidoc
