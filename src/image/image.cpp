#include "image/image.h"

// clang-format off
#include <cstdio>   // jpeglib.h needs FILE and size_t first
#include <jpeglib.h>
#include <jerror.h>
// clang-format on
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <list>
#include <mutex>
#include <new>
#include <unordered_map>

#include "base/error.h"
#include "base/input_log.h"

namespace thaidoc::image {

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- helpers

uint32_t be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
unsigned be16(const uint8_t* p) { return (unsigned{p[0]} << 8) | p[1]; }

const uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

bool is_png(std::string_view b) {
  return b.size() >= 8 && std::memcmp(b.data(), kPngSignature, 8) == 0;
}
bool is_jpeg(std::string_view b) {
  return b.size() >= 3 && static_cast<uint8_t>(b[0]) == 0xFF && static_cast<uint8_t>(b[1]) == 0xD8 &&
         static_cast<uint8_t>(b[2]) == 0xFF;
}

// "" if the size is within the limits, else the problem.
std::string size_problem(long long width, long long height) {
  if (width <= 0 || height <= 0) return "has no size (0 pixels wide or high)";
  if (width > kMaxSide || height > kMaxSide || width * height > kMaxPixels) {
    return "is too large (" + std::to_string(width) + " x " + std::to_string(height) +
           " pixels; at most " + std::to_string(kMaxSide) + " per side and " +
           std::to_string(kMaxPixels / 1000000) + " megapixels)";
  }
  return "";
}

// ---------------------------------------------------------------- PNG

// Everything the libpng callbacks and the decoder share. The decoder function holds
// only plain C locals, so that libpng's longjmp on an error skips no destructor; the
// buffers live here, in the caller's frame.
struct PngJob {
  const uint8_t* data = nullptr;
  size_t size = 0;
  size_t pos = 0;
  char message[256] = "";
  bool truncated = false;
  bool too_large = false;
  bool out_of_memory = false;
  uint32_t width = 0, height = 0;
  int channels = 0;
  std::vector<uint8_t> pixels;
  std::vector<png_bytep> rows;

  // Sizes the buffers; false when out of memory (no exception crosses libpng).
  bool allocate(size_t row_bytes) noexcept {
    try {
      pixels.resize(row_bytes * height);
      rows.resize(height);
      for (uint32_t y = 0; y < height; ++y) rows[y] = pixels.data() + row_bytes * y;
      return true;
    } catch (const std::bad_alloc&) {
      out_of_memory = true;
      return false;
    }
  }
};

void png_on_error(png_structp png, png_const_charp message) {
  auto* job = static_cast<PngJob*>(png_get_error_ptr(png));
  if (job->message[0] == '\0') std::snprintf(job->message, sizeof job->message, "%s", message ? message : "error");
  png_longjmp(png, 1);
}

void png_on_warning(png_structp, png_const_charp) {}  // e.g. a known-incorrect sRGB profile

void png_read_memory(png_structp png, png_bytep out, size_t n) {
  auto* job = static_cast<PngJob*>(png_get_io_ptr(png));
  if (job->size - job->pos < n) {
    job->truncated = true;
    png_error(png, "the file ends too soon");
  }
  std::memcpy(out, job->data + job->pos, n);
  job->pos += n;
}

// Decodes job->data into job->pixels: 8-bit grey, grey + alpha, RGB or RGBA.
bool png_decode_rows(PngJob* job) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, job, png_on_error, png_on_warning);
  if (!png) {
    job->out_of_memory = true;
    return false;
  }
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    job->out_of_memory = true;
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_read_fn(png, job, png_read_memory);
  // A damaged chunk is a damaged file, even an ancillary one.
  png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
  png_set_user_limits(png, kMaxSide, kMaxSide);
  png_read_info(png, info);
  job->width = png_get_image_width(png, info);
  job->height = png_get_image_height(png, info);
  if (!size_problem(job->width, job->height).empty()) {
    job->too_large = true;
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  int color_type = png_get_color_type(png, info);
  int bit_depth = png_get_bit_depth(png, info);
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (bit_depth == 16) png_set_scale_16(png);  // rounds to the nearest 8-bit value
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  job->channels = png_get_channels(png, info);
  size_t row_bytes = png_get_rowbytes(png, info);
  if (png_get_bit_depth(png, info) != 8 || row_bytes != size_t{job->width} * job->channels ||
      job->channels < 1 || job->channels > 4) {
    png_error(png, "unexpected pixel layout after conversion");
  }
  if (!job->allocate(row_bytes)) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_read_image(png, job->rows.data());
  png_read_end(png, nullptr);  // the rest of the file, up to IEND, must be there and intact
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

void decode_png(std::string_view bytes, Decoded& out) {
  out.format = Format::Png;
  // The header's size first, so that an oversized image is named as such even when the
  // file holds nothing but its header.
  if (bytes.size() >= 24 && std::memcmp(bytes.data() + 12, "IHDR", 4) == 0) {
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    out.problem = size_problem(be32(p + 16), be32(p + 20));
    if (!out.ok()) return;
  }
  PngJob job;
  job.data = reinterpret_cast<const uint8_t*>(bytes.data());
  job.size = bytes.size();
  if (!png_decode_rows(&job)) {
    if (job.too_large) {
      out.problem = size_problem(job.width, job.height);
    } else if (job.out_of_memory) {
      out.problem = "cannot be decoded (out of memory)";
    } else if (job.truncated) {
      out.problem = "is truncated (the file ends before the image does)";
    } else {
      out.problem = std::string("is damaged (libpng: ") + job.message + ")";
    }
    return;
  }
  Bitmap& bm = out.bitmap;
  bm.width = static_cast<int>(job.width);
  bm.height = static_cast<int>(job.height);
  size_t n = size_t{job.width} * job.height;
  int color_channels = job.channels >= 3 ? 3 : 1;
  bm.color = color_channels == 3 ? ColorSpace::Rgb : ColorSpace::Gray;
  if (job.channels == color_channels) {
    bm.samples = std::move(job.pixels);
    return;
  }
  // Split off the alpha channel; an alpha channel that is opaque everywhere is dropped.
  bm.samples.resize(n * color_channels);
  bm.alpha.resize(n);
  bool opaque = true;
  const uint8_t* src = job.pixels.data();
  uint8_t* dst = bm.samples.data();
  for (size_t i = 0; i < n; ++i) {
    for (int c = 0; c < color_channels; ++c) *dst++ = *src++;
    bm.alpha[i] = *src++;
    opaque = opaque && bm.alpha[i] == 0xFF;
  }
  if (opaque) bm.alpha.clear();
}

// ---------------------------------------------------------------- JPEG

// A JPEG's segments before its first scan: where the frame header is, and the file
// without its metadata segments. false if the structure cannot be followed.
struct JpegLayout {
  long width = -1, height = -1;  // from the first start-of-frame segment
  std::string stripped;
};

bool walk_jpeg(std::string_view bytes, JpegLayout& layout) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  size_t n = bytes.size();
  layout.stripped.assign("\xFF\xD8", 2);
  size_t i = 2;
  while (true) {
    if (i >= n || p[i] != 0xFF) return false;
    while (i < n && p[i] == 0xFF) ++i;  // fill bytes
    if (i >= n) return false;
    unsigned marker = p[i++];
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
    if (marker == 0xD8 || marker == 0xD9) return false;                  // no image data
    if (n - i < 2) return false;
    size_t length = be16(p + i);
    if (length < 2 || length > n - i) return false;
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof && layout.width < 0 && length >= 7) {
      layout.height = be16(p + i + 3);
      layout.width = be16(p + i + 5);
    }
    if (marker == 0xDA) {  // start of scan: everything from here on is kept
      layout.stripped.append(bytes.data() + i - 2, n - (i - 2));
      return true;
    }
    bool metadata = (marker >= 0xE1 && marker <= 0xED) || marker == 0xEF || marker == 0xFE;
    if (!metadata) {
      layout.stripped.push_back('\xFF');
      layout.stripped.push_back(static_cast<char>(marker));
      layout.stripped.append(bytes.data() + i, length);
    }
    i += length;
  }
}

struct JpegJob {
  jpeg_error_mgr mgr;  // first: libjpeg hands callbacks a pointer to it
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = "";
  int warning = -1;  // first warning that matters
  char warning_text[JMSG_LENGTH_MAX] = "";
  bool out_of_memory = false;
  bool too_large = false;
  bool unsupported = false;
  int components = 0;
  bool arith = false, adobe = false;
  int adobe_transform = -1;
  J_COLOR_SPACE jpeg_space = JCS_UNKNOWN;
  int precision = 8;
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> pixels;

  bool allocate(size_t bytes) noexcept {
    try {
      pixels.resize(bytes);
      return true;
    } catch (const std::bad_alloc&) {
      out_of_memory = true;
      return false;
    }
  }
};

void jpeg_on_error(j_common_ptr cinfo) {
  auto* job = reinterpret_cast<JpegJob*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, job->message);
  std::longjmp(job->jump, 1);
}

// Warnings (level -1) are what libjpeg says about corrupt or truncated data it decodes
// anyway (filling the rest with grey): they make the image bad here. A few are harmless.
void jpeg_on_message(j_common_ptr cinfo, int level) {
  if (level >= 0) return;  // trace messages
  auto* job = reinterpret_cast<JpegJob*>(cinfo->err);
  int code = cinfo->err->msg_code;
  if (code == JWRN_JFIF_MAJOR || code == JWRN_BOGUS_ICC) return;
  if (job->warning < 0) {
    job->warning = code;
    (*cinfo->err->format_message)(cinfo, job->warning_text);
  }
}

// Decodes to 8-bit grey, RGB or CMYK (as stored). Only plain C locals (longjmp).
bool jpeg_decode_rows(JpegJob* job, const uint8_t* data, size_t size) {
  jpeg_decompress_struct cinfo;
  cinfo.err = jpeg_std_error(&job->mgr);
  job->mgr.error_exit = jpeg_on_error;
  job->mgr.emit_message = jpeg_on_message;
  if (setjmp(job->jump)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
  jpeg_read_header(&cinfo, TRUE);
  job->width = cinfo.image_width;
  job->height = cinfo.image_height;
  job->components = cinfo.num_components;
  job->arith = cinfo.arith_code;
  job->adobe = cinfo.saw_Adobe_marker;
  job->adobe_transform = cinfo.saw_Adobe_marker ? cinfo.Adobe_transform : -1;
  job->jpeg_space = cinfo.jpeg_color_space;
  job->precision = cinfo.data_precision;
  if (!size_problem(job->width, job->height).empty()) {
    job->too_large = true;
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  switch (cinfo.num_components) {
    case 1: cinfo.out_color_space = JCS_GRAYSCALE; break;
    case 3: cinfo.out_color_space = JCS_RGB; break;
    case 4: cinfo.out_color_space = JCS_CMYK; break;  // YCCK is converted to CMYK
    default:
      job->unsupported = true;
      jpeg_destroy_decompress(&cinfo);
      return false;
  }
  jpeg_start_decompress(&cinfo);
  size_t row_bytes = size_t{cinfo.output_width} * cinfo.output_components;
  if (!job->allocate(row_bytes * cinfo.output_height)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = job->pixels.data() + row_bytes * cinfo.output_scanline;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);  // reads on to the end-of-image marker
  jpeg_destroy_decompress(&cinfo);
  return true;
}

void decode_jpeg(std::string_view bytes, Decoded& out) {
  out.format = Format::Jpeg;
  JpegLayout layout;
  bool walked = walk_jpeg(bytes, layout);
  if (layout.width >= 0) {
    out.problem = size_problem(layout.width, layout.height);
    if (!out.ok()) return;
  }
  // The stripped file is what gets decoded (and embedded, when it can be passed
  // through), so what is checked is exactly what is written.
  std::string_view source = walked ? std::string_view(layout.stripped) : bytes;
  JpegJob job;
  bool decoded = jpeg_decode_rows(&job, reinterpret_cast<const uint8_t*>(source.data()), source.size());
  if (!decoded) {
    if (job.too_large) {
      out.problem = size_problem(job.width, job.height);
    } else if (job.out_of_memory) {
      out.problem = "cannot be decoded (out of memory)";
    } else if (job.unsupported) {
      out.problem = "has an unsupported colour layout (" + std::to_string(job.components) +
                    " components; expected greyscale, RGB or CMYK)";
    } else if (job.warning == JWRN_JPEG_EOF) {
      out.problem = std::string("is truncated (libjpeg: ") + job.warning_text + ")";
    } else {
      out.problem = std::string("is damaged or unsupported (libjpeg: ") + job.message + ")";
    }
    return;
  }
  if (job.warning >= 0) {
    out.problem = std::string(job.warning == JWRN_JPEG_EOF ? "is truncated" : "is damaged") + " (libjpeg: " +
                  job.warning_text + ")";
    return;
  }
  Bitmap& bm = out.bitmap;
  bm.width = static_cast<int>(job.width);
  bm.height = static_cast<int>(job.height);
  bm.color = job.components == 1 ? ColorSpace::Gray : job.components == 3 ? ColorSpace::Rgb : ColorSpace::Cmyk;
  bm.samples = std::move(job.pixels);
  out.adobe_inverted = bm.color == ColorSpace::Cmyk && job.adobe;
  if (out.adobe_inverted) {
    for (uint8_t& v : bm.samples) v = static_cast<uint8_t>(255 - v);
  }
  // Passed through to the PDF only when every PDF reader decodes it the same way: 8-bit
  // Huffman coding, and a colour transform the reader infers as libjpeg did (readers
  // follow the Adobe marker and otherwise assume YCbCr for 3 components, none for 1 or 4).
  bool transform_known;
  switch (job.components) {
    case 1: transform_known = job.jpeg_space == JCS_GRAYSCALE; break;
    case 3:
      transform_known = job.adobe ? (job.adobe_transform == 1 && job.jpeg_space == JCS_YCbCr) ||
                                        (job.adobe_transform == 0 && job.jpeg_space == JCS_RGB)
                                  : job.jpeg_space == JCS_YCbCr;
      break;
    default:
      transform_known = job.adobe ? (job.adobe_transform == 2 && job.jpeg_space == JCS_YCCK) ||
                                        (job.adobe_transform == 0 && job.jpeg_space == JCS_CMYK)
                                  : job.jpeg_space == JCS_CMYK;
  }
  out.jpeg_passthrough = walked && !job.arith && job.precision == 8 && transform_known;
  if (out.jpeg_passthrough) out.jpeg_stripped = std::move(layout.stripped);
}

// ---------------------------------------------------------------- PDF form

uint8_t paeth(int a, int b, int c) {
  int p = a + b - c;
  int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return static_cast<uint8_t>(a);
  return static_cast<uint8_t>(pb <= pc ? b : c);
}

// Rows of `bpp`-byte pixels, each with the PNG filter (none, sub, up, paeth) that gives
// the smallest sum of absolute differences in front, deflated (PDF /Predictor 15).
std::string deflate_with_predictor(const uint8_t* pixels, int width, int height, int bpp) {
  size_t row_bytes = size_t(width) * bpp;
  std::vector<uint8_t> zero(row_bytes, 0), candidates[4];
  for (auto& c : candidates) c.resize(row_bytes + 1);
  z_stream z{};
  if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) throw std::bad_alloc();
  std::string out;
  out.resize(std::max<size_t>(4096, deflateBound(&z, (row_bytes + 1) * height) / 4 + 1024));
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  auto pump = [&](const uint8_t* in, size_t n, int flush) {
    z.next_in = const_cast<Bytef*>(in);
    z.avail_in = static_cast<uInt>(n);
    while (true) {
      if (z.avail_out == 0) {
        size_t used = out.size();
        out.resize(used * 2);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + used);
        z.avail_out = static_cast<uInt>(out.size() - used);
      }
      int ret = deflate(&z, flush);
      if (ret == Z_STREAM_END) return;
      if (ret != Z_OK && ret != Z_BUF_ERROR) {
        deflateEnd(&z);
        throw std::bad_alloc();
      }
      if (flush == Z_NO_FLUSH && z.avail_in == 0) return;
    }
  };
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = pixels + row_bytes * y;
    const uint8_t* up = y > 0 ? row - row_bytes : zero.data();
    size_t best = 0, best_cost = SIZE_MAX;
    for (int f = 0; f < 4; ++f) {
      uint8_t* dst = candidates[f].data();
      dst[0] = static_cast<uint8_t>(f == 0 ? 0 : f == 1 ? 1 : f == 2 ? 2 : 4);
      size_t cost = 0;
      for (size_t i = 0; i < row_bytes; ++i) {
        int a = i >= size_t(bpp) ? row[i - bpp] : 0, b = up[i], c = i >= size_t(bpp) ? up[i - bpp] : 0;
        uint8_t v = row[i];
        uint8_t r = f == 0 ? v : f == 1 ? uint8_t(v - a) : f == 2 ? uint8_t(v - b) : uint8_t(v - paeth(a, b, c));
        dst[i + 1] = r;
        cost += r < 128 ? r : 256 - r;
      }
      if (cost < best_cost) best_cost = cost, best = f;
    }
    pump(candidates[best].data(), row_bytes + 1, Z_NO_FLUSH);
  }
  pump(nullptr, 0, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// ---------------------------------------------------------------- cache

struct CacheEntry {
  std::string path;
  uintmax_t size = 0;
  fs::file_time_type mtime;
  std::shared_ptr<const PdfImage> image;
};

struct Cache {
  std::mutex mutex;
  std::list<CacheEntry> entries;  // most recently used first
  std::unordered_map<std::string, std::list<CacheEntry>::iterator> index;
  size_t bytes = 0;
  size_t limit = 32u << 20;  // a template's emblem and signatures fit many times over

  void trim() {  // with the mutex held
    while (bytes > limit && !entries.empty()) {
      bytes -= entries.back().image->bytes();
      index.erase(entries.back().path);
      entries.pop_back();
    }
  }
};

Cache& cache() {
  static Cache* c = new Cache();  // never destroyed: usable from any thread until exit
  return *c;
}

}  // namespace

int components(ColorSpace c) { return c == ColorSpace::Gray ? 1 : c == ColorSpace::Rgb ? 3 : 4; }

Decoded decode(std::string_view bytes) {
  Decoded out;
  if (is_png(bytes)) {
    decode_png(bytes, out);
  } else if (is_jpeg(bytes)) {
    decode_jpeg(bytes, out);
  } else {
    out.problem = "is not a PNG or JPEG image";
  }
  if (!out.ok()) out.bitmap = Bitmap{};
  return out;
}

PdfImage to_pdf(const Decoded& decoded) {
  const Bitmap& bm = decoded.bitmap;
  PdfImage pdf;
  pdf.width = bm.width;
  pdf.height = bm.height;
  pdf.color = bm.color;
  if (decoded.format == Format::Jpeg && decoded.jpeg_passthrough) {
    pdf.encoding = PdfImage::Encoding::Dct;
    pdf.data = decoded.jpeg_stripped;
    pdf.decode_inverted = decoded.adobe_inverted;
    return pdf;
  }
  pdf.encoding = PdfImage::Encoding::Flate;
  pdf.data = deflate_with_predictor(bm.samples.data(), bm.width, bm.height, components(bm.color));
  if (!bm.alpha.empty()) pdf.alpha = deflate_with_predictor(bm.alpha.data(), bm.width, bm.height, 1);
  return pdf;
}

Loaded load_image(const std::string& path) {
  note_input_file(path);  // (also when missing: `thaidoc watch` then waits for it)
  Loaded result;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    result.problem = "not found";
    return result;
  }
  if (!fs::is_regular_file(status)) {
    result.problem = "is not a file";
    return result;
  }
  uintmax_t size = fs::file_size(path, ec);
  fs::file_time_type mtime = fs::last_write_time(path, ec);
  if (ec) {
    result.problem = "cannot be read (" + ec.message() + ")";
    return result;
  }
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    auto it = c.index.find(path);
    if (it != c.index.end()) {
      if (it->second->size == size && it->second->mtime == mtime) {
        c.entries.splice(c.entries.begin(), c.entries, it->second);
        result.image = it->second->image;
        return result;
      }
      c.bytes -= it->second->image->bytes();
      c.entries.erase(it->second);
      c.index.erase(it);
    }
  }
  if (size > kMaxFileBytes) {
    result.problem = "is too large (" + std::to_string(size >> 20) + " MB; at most " +
                     std::to_string(kMaxFileBytes >> 20) + " MB)";
    return result;
  }
  std::string bytes;
  try {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      result.problem = std::string("cannot be read (") + std::strerror(errno) + ")";
      return result;
    }
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    Decoded decoded = decode(bytes);
    if (!decoded.ok()) {
      result.problem = decoded.problem;
      return result;
    }
    std::string().swap(bytes);
    auto image = std::make_shared<const PdfImage>(to_pdf(decoded));
    result.image = image;
    std::lock_guard<std::mutex> lock(c.mutex);
    if (image->bytes() <= c.limit && !c.index.count(path)) {
      c.entries.push_front(CacheEntry{path, size, mtime, image});
      c.index.emplace(path, c.entries.begin());
      c.bytes += image->bytes();
      c.trim();
    }
  } catch (const std::bad_alloc&) {
    result.image.reset();
    result.problem = "cannot be decoded (out of memory)";
  }
  return result;
}

std::shared_ptr<const PdfImage> load_image_or_throw(const std::string& path) {
  Loaded loaded = load_image(path);
  if (!loaded.ok()) throw Error(SourceLocation{path}, "image " + loaded.problem, 2);
  return loaded.image;
}

Size size_of(const std::string& path) {
  auto image = load_image_or_throw(path);
  return Size{image->width, image->height};
}

void set_cache_limit(size_t bytes) {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  c.limit = bytes;
  c.trim();
}

size_t cache_bytes() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  return c.bytes;
}

size_t cache_entries() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  return c.entries.size();
}

}  // namespace thaidoc::image
