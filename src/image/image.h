// Images: every PNG and JPEG that a document shows goes through here, once. The input
// reader validates it (at the YAML key, so errors read file:line:col), layout takes its
// size, and the PDF writer embeds what load_image() returns. Decoding is done with
// libpng and libjpeg, whose errors come back as messages: a damaged, truncated or
// oversized file is an error, never a crash, and never a silently garbled picture.
//
// Supported: PNG of every kind (greyscale, grey + alpha, RGB, RGBA, palette, 1/2/4/8/16
// bits, Adam7 interlaced, tRNS transparency); JPEG baseline and progressive, greyscale,
// YCbCr/RGB and CMYK/YCCK (Adobe's inverted CMYK too), with any amount of metadata before
// the frame header. Samples become 8 bits (16-bit PNG samples are scaled); transparency
// becomes a separate 8-bit alpha plane (the PDF's soft mask).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace thaidoc::image {

// The one set of limits for images (the YAML reader, layout and the PDF writer all
// rely on load_image(), which applies them).
inline constexpr long kMaxSide = 20000;              // pixels per side
inline constexpr long long kMaxPixels = 100000000;   // pixels in all (100 megapixels)
inline constexpr size_t kMaxFileBytes = 256u << 20;  // the file itself

enum class Format { Png, Jpeg };
enum class ColorSpace { Gray, Rgb, Cmyk };
int components(ColorSpace c);  // 1, 3, 4

// Decoded pixels: 8 bits per sample, rows top to bottom without padding. CMYK samples
// are ink amounts (0 = none), whatever the JPEG stored.
struct Bitmap {
  int width = 0, height = 0;
  ColorSpace color = ColorSpace::Rgb;
  std::vector<uint8_t> samples;  // width * height * components(color)
  std::vector<uint8_t> alpha;    // width * height, or empty when the image is opaque
};

// The outcome of decoding: the bitmap, or `problem` saying what is wrong, phrased to
// follow "image file 'x.png' " (e.g. "is truncated (libpng: ...)").
struct Decoded {
  Format format = Format::Png;
  Bitmap bitmap;
  std::string problem;  // empty: decoded
  // JPEG only: the file without its metadata segments (APP1-APP13, APP15, COM), and
  // whether a PDF reader's DCT decoder gives the same picture from it (8-bit Huffman
  // baseline or progressive with 1, 3 or 4 components); `adobe_inverted` when its CMYK
  // samples are stored inverted (Adobe's APP14 marker).
  std::string jpeg_stripped;
  bool jpeg_passthrough = false;
  bool adobe_inverted = false;
  bool ok() const { return problem.empty(); }
};

// Decodes a whole PNG or JPEG file. Never throws for bad data.
Decoded decode(std::string_view bytes);

// What an image XObject needs: the data in its PDF encoding.
struct PdfImage {
  enum class Encoding { Flate, Dct };
  int width = 0, height = 0;
  ColorSpace color = ColorSpace::Rgb;
  Encoding encoding = Encoding::Flate;
  // Flate: zlib data of rows with a PNG predictor byte in front of each
  // (/DecodeParms << /Predictor 15 /Colors n /Columns width >>); Dct: a JPEG file.
  std::string data;
  bool decode_inverted = false;  // Dct CMYK stored inverted: /Decode [1 0 1 0 1 0 1 0]
  std::string alpha;             // zlib data of the alpha plane (same predictor), or empty
  size_t bytes() const { return data.size() + alpha.size(); }
};

// Converts decoded pixels (and, for a JPEG, the original data when it can be passed
// through) to the PDF form. Flate data is compressed here.
PdfImage to_pdf(const Decoded& decoded);

// The result of load_image(): the image, or the problem (see Decoded::problem).
struct Loaded {
  std::shared_ptr<const PdfImage> image;
  std::string problem;
  bool ok() const { return image != nullptr; }
};

// Reads, decodes and converts the image file at `path`. Results are cached by path,
// size and modification time in a bounded, thread-safe cache (so a batch decodes its
// template's images once), and failures are not cached. Never throws.
Loaded load_image(const std::string& path);

// load_image(), throwing Error({path}, "image " + problem, 2) on failure.
std::shared_ptr<const PdfImage> load_image_or_throw(const std::string& path);

// The pixel size of the image at `path` (for layout), through load_image_or_throw().
struct Size {
  int width = 0, height = 0;
};
Size size_of(const std::string& path);

// The cache's bound (bytes of PdfImage data kept) and what it holds; for tests.
void set_cache_limit(size_t bytes);
size_t cache_bytes();
size_t cache_entries();

}  // namespace thaidoc::image
