// The Garuda emblem (ตราครุฑ) and other images a kind places itself: a path from the
// document resolved against its folder, drawn at a given height.
#pragma once
#include <string>

#include "frame/frame.h"

namespace thaidoc {

// `path` relative to `base_dir` (an absolute path or an empty base stays as it is).
std::string resolve_path(const std::string& base_dir, const std::string& path);

// The image `height` high, its width from its proportions, top-left at (x, y).
ImageItem emblem_item(const std::string& base_dir, const std::string& path, double x, double y, double height);

}  // namespace thaidoc
