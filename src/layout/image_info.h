// Pixel size of PNG and JPEG files, read from their headers (layout needs the
// aspect ratio; the PDF writer embeds the file).
#pragma once
#include <string>

namespace thaidoc {

struct ImageInfo {
  int width = 0, height = 0;  // pixels
};

// Throws Error naming the file if it is missing or not a PNG/JPEG.
ImageInfo read_image_info(const std::string& path);

}  // namespace thaidoc
