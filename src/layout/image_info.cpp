#include "layout/image_info.h"

#include <fstream>
#include <vector>

#include "base/error.h"

namespace thaidoc {

namespace {
// The same limits as the YAML reader's (yaml_limits): larger images are refused
// rather than handed to LibHaru, which would allocate them whole.
constexpr long long kMaxImageSide = 20000;
constexpr long long kMaxImagePixels = 100000000;

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
unsigned be32(const unsigned char* p) {
  return (static_cast<unsigned>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}
}  // namespace

ImageInfo read_image_info(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error({path}, "image file not found or unreadable");
  std::vector<unsigned char> head(64 * 1024);
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  size_t n = static_cast<size_t>(in.gcount());
  head.resize(n);
  ImageInfo info;
  static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  long long width = 0, height = 0;
  if (n >= 8 && std::equal(png_sig, png_sig + 8, head.begin())) {
    if (n < 24 || !std::equal(head.begin() + 12, head.begin() + 16, "IHDR")) {
      throw Error({path}, "damaged PNG image (no IHDR header)", 2);
    }
    width = be32(&head[16]);
    height = be32(&head[20]);
  } else if (n >= 4 && head[0] == 0xFF && head[1] == 0xD8) {
    // Walk the JPEG segments to the first start-of-frame marker.
    size_t i = 2;
    while (i + 9 < n) {
      if (head[i] != 0xFF) {
        ++i;
        continue;
      }
      unsigned marker = head[i + 1];
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
        ++i;
        continue;
      }
      unsigned len = be16(&head[i + 2]);
      bool sof = (marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        height = be16(&head[i + 5]);
        width = be16(&head[i + 7]);
        break;
      }
      i += 2 + len;
    }
  } else {
    throw Error({path}, "not a PNG or JPEG image", 2);
  }
  if (width <= 0 || height <= 0) throw Error({path}, "image has no usable size", 2);
  if (width > kMaxImageSide || height > kMaxImageSide || width * height > kMaxImagePixels) {
    throw Error({path},
                "image too large (" + std::to_string(width) + " x " + std::to_string(height) +
                    " pixels; at most " + std::to_string(kMaxImageSide) + " per side and " +
                    std::to_string(kMaxImagePixels / 1000000) + " megapixels)",
                2);
  }
  info.width = static_cast<int>(width);
  info.height = static_cast<int>(height);
  return info;
}

}  // namespace thaidoc
