// Images (src/image): a corpus of every kind of PNG and JPEG is generated here with
// libpng's and libjpeg's writers from known pixels; each file is decoded by the module,
// rendered through thaidoc into a PDF, and what `pdfimages` extracts from the PDF is
// compared with the pixels we know: exactly for PNG, within a tolerance for JPEG (whose
// reference is the file decoded here with libjpeg directly). Bad images are errors at
// their YAML key, a batch goes on past them, and the cache of decoded images is bounded.
#include <gtest/gtest.h>
// clang-format off
#include <cstdio>
#include <jpeglib.h>
// clang-format on
#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/error.h"
#include "image/image.h"
#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"

namespace thaidoc {
namespace {

namespace fs = std::filesystem;
using test::quote;

// ---------------------------------------------------------------- known pixels

// What a corpus image must look like once decoded: 8-bit samples and an alpha plane
// (empty when opaque); grey, RGB or CMYK (ink amounts).
struct Expected {
  int width = 0, height = 0;
  image::ColorSpace color = image::ColorSpace::Rgb;
  std::vector<uint8_t> samples;
  std::vector<uint8_t> alpha;
  bool lossy = false;
  bool dct = false;  // embedded as the JPEG itself (DCTDecode)
};

// A deterministic, busy pattern of values 0..maxval for pixel (x, y), channel c.
unsigned pattern(int x, int y, int c, unsigned maxval) {
  unsigned v = static_cast<unsigned>(x * 37 + y * 91 + c * 53 + (x * y) % 29 + (x ^ y) * 7);
  return v % (maxval + 1);
}

// A smooth pattern (for JPEG, which is lossy on busy pixels).
uint8_t smooth(int x, int y, int c, int w, int h) {
  double v = 128 + 100 * std::sin((x + 3 * c) * 6.0 / w) * std::cos((y + 5 * c) * 4.0 / h);
  return static_cast<uint8_t>(std::clamp(v, 0.0, 255.0));
}

// ---------------------------------------------------------------- PNG writer

struct PngSpec {
  std::string name;
  int width = 37, height = 23;
  int color_type = PNG_COLOR_TYPE_RGB;
  int bit_depth = 8;
  bool interlace = false;
  bool trns = false;  // palette: alpha for some entries; grey/RGB: a transparent colour key
};

int png_channels(int color_type) {
  switch (color_type) {
    case PNG_COLOR_TYPE_GRAY: return 1;
    case PNG_COLOR_TYPE_GRAY_ALPHA: return 2;
    case PNG_COLOR_TYPE_RGB: return 3;
    case PNG_COLOR_TYPE_RGB_ALPHA: return 4;
    default: return 1;  // palette index
  }
}

void write_png_file(const std::string& path, const PngSpec& s, const std::vector<std::vector<unsigned>>& rows_values,
                    const std::vector<png_color>& palette, const std::vector<uint8_t>& trans, unsigned key) {
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_TRUE(f);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_init_io(png, f);
  png_set_IHDR(png, info, s.width, s.height, s.bit_depth, s.color_type,
               s.interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  if (s.color_type == PNG_COLOR_TYPE_PALETTE) {
    png_set_PLTE(png, info, palette.data(), static_cast<int>(palette.size()));
    if (s.trns) png_set_tRNS(png, info, trans.data(), static_cast<int>(trans.size()), nullptr);
  } else if (s.trns) {
    png_color_16 color{};
    color.gray = color.red = color.green = color.blue = static_cast<png_uint_16>(key);
    png_set_tRNS(png, info, nullptr, 0, &color);
  }
  png_write_info(png, info);
  // Pack the values into PNG rows (big-endian 16-bit, MSB-first sub-byte samples).
  int channels = png_channels(s.color_type);
  std::vector<std::vector<uint8_t>> rows(s.height);
  for (int y = 0; y < s.height; ++y) {
    auto& row = rows[y];
    row.assign((static_cast<size_t>(s.width) * channels * s.bit_depth + 7) / 8, 0);
    for (int i = 0; i < s.width * channels; ++i) {
      unsigned v = rows_values[y][i];
      if (s.bit_depth == 16) {
        row[2 * i] = static_cast<uint8_t>(v >> 8);
        row[2 * i + 1] = static_cast<uint8_t>(v);
      } else if (s.bit_depth == 8) {
        row[i] = static_cast<uint8_t>(v);
      } else {
        int per_byte = 8 / s.bit_depth;
        int shift = 8 - s.bit_depth * (i % per_byte + 1);
        row[i / per_byte] |= static_cast<uint8_t>(v << shift);
      }
    }
  }
  std::vector<png_bytep> pointers;
  for (auto& r : rows) pointers.push_back(r.data());
  png_write_image(png, pointers.data());  // all Adam7 passes when interlaced
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
}

// Writes the PNG and returns the pixels it must decode to.
Expected make_png(const std::string& dir, const PngSpec& s) {
  unsigned maxval = (1u << s.bit_depth) - 1;
  int channels = png_channels(s.color_type);
  std::vector<png_color> palette;
  std::vector<uint8_t> trans;
  if (s.color_type == PNG_COLOR_TYPE_PALETTE) {
    for (unsigned i = 0; i <= maxval; ++i) {
      palette.push_back(png_color{static_cast<png_byte>(i * 53 % 256), static_cast<png_byte>(255 - i * 29 % 256),
                                  static_cast<png_byte>(i * 97 % 256)});
    }
    if (s.trns) {  // fewer entries than the palette: the rest are opaque
      for (unsigned i = 0; i < std::max(1u, maxval); ++i) trans.push_back(static_cast<uint8_t>(i * 71 % 256));
    }
  }
  unsigned key = pattern(3, 2, 0, maxval);  // a value that occurs: transparent with tRNS
  std::vector<std::vector<unsigned>> values(s.height, std::vector<unsigned>(s.width * channels));
  for (int y = 0; y < s.height; ++y) {
    for (int x = 0; x < s.width; ++x) {
      for (int c = 0; c < channels; ++c) {
        unsigned v = pattern(x, y, c, maxval);
        // RGB colour key: the same value in every channel at some pixels.
        if (s.trns && s.color_type == PNG_COLOR_TYPE_RGB && (x + y) % 5 == 0) v = key;
        values[y][x * channels + c] = v;
      }
    }
  }
  write_png_file(dir + "/" + s.name, s, values, palette, trans, key);

  auto to8 = [&](unsigned v) -> uint8_t {
    if (s.bit_depth == 16) return static_cast<uint8_t>(std::lround(v / 257.0));
    return static_cast<uint8_t>(v * 255 / maxval);
  };
  Expected e;
  e.width = s.width;
  e.height = s.height;
  bool color = s.color_type & PNG_COLOR_MASK_COLOR;
  e.color = color ? image::ColorSpace::Rgb : image::ColorSpace::Gray;
  int out_channels = color ? 3 : 1;
  bool has_alpha = (s.color_type & PNG_COLOR_MASK_ALPHA) || s.trns;
  for (int y = 0; y < s.height; ++y) {
    for (int x = 0; x < s.width; ++x) {
      const unsigned* v = &values[y][x * channels];
      uint8_t alpha = 255;
      if (s.color_type == PNG_COLOR_TYPE_PALETTE) {
        const png_color& p = palette[v[0]];
        e.samples.insert(e.samples.end(), {p.red, p.green, p.blue});
        if (v[0] < trans.size()) alpha = trans[v[0]];
      } else {
        for (int c = 0; c < out_channels; ++c) e.samples.push_back(to8(v[c]));
        if (s.color_type & PNG_COLOR_MASK_ALPHA) alpha = to8(v[out_channels]);
        if (s.trns && std::all_of(v, v + channels, [&](unsigned u) { return u == key; })) alpha = 0;
      }
      if (has_alpha) e.alpha.push_back(alpha);
    }
  }
  return e;
}

// ---------------------------------------------------------------- JPEG writer

struct JpegSpec {
  std::string name;
  int width = 48, height = 40;
  int components = 3;  // 1 grey, 3 RGB (stored YCbCr), 4 CMYK
  bool progressive = false;
  bool adobe = false;        // CMYK: with Adobe's APP14 marker and inverted samples
  size_t metadata_bytes = 0;  // APP1/APP2/COM segments before the frame header
};

// Writes the JPEG from smooth known pixels; returns its bytes.
std::string write_jpeg(const JpegSpec& s, const std::vector<uint8_t>& stored) {
  jpeg_compress_struct c;
  jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* mem = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &mem, &size);
  c.image_width = s.width;
  c.image_height = s.height;
  c.input_components = s.components;
  c.in_color_space = s.components == 1 ? JCS_GRAYSCALE : s.components == 3 ? JCS_RGB : JCS_CMYK;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 95, TRUE);
  if (s.components == 4) {
    jpeg_set_colorspace(&c, JCS_CMYK);
    c.write_Adobe_marker = s.adobe;
  }
  if (s.progressive) jpeg_simple_progression(&c);
  jpeg_start_compress(&c, TRUE);
  // Metadata before the frame header, as cameras and editors write it (EXIF, ICC, XMP).
  size_t left = s.metadata_bytes;
  for (int i = 0; left > 0; ++i) {
    size_t n = std::min<size_t>(left, 65000);
    std::vector<JOCTET> payload(n);
    for (size_t k = 0; k < n; ++k) payload[k] = static_cast<JOCTET>((k * 31 + i) & 0xFF);
    int marker = i % 3 == 0 ? JPEG_APP0 + 1 : i % 3 == 1 ? JPEG_APP0 + 2 : JPEG_COM;
    jpeg_write_marker(&c, marker, payload.data(), static_cast<unsigned>(n));
    left -= n;
  }
  size_t row_bytes = static_cast<size_t>(s.width) * s.components;
  while (c.next_scanline < c.image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(stored.data() + row_bytes * c.next_scanline);
    jpeg_write_scanlines(&c, &row, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::string out(reinterpret_cast<char*>(mem), size);
  std::free(mem);
  return out;
}

// Decodes a JPEG with libjpeg directly (the reference for the module and the PDF).
std::vector<uint8_t> libjpeg_decode(const std::string& bytes, int& components) {
  jpeg_decompress_struct d;
  jpeg_error_mgr err;
  d.err = jpeg_std_error(&err);
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  jpeg_read_header(&d, TRUE);
  jpeg_start_decompress(&d);
  components = d.output_components;
  std::vector<uint8_t> out(static_cast<size_t>(d.output_width) * d.output_height * components);
  while (d.output_scanline < d.output_height) {
    JSAMPROW row = out.data() + static_cast<size_t>(d.output_scanline) * d.output_width * components;
    jpeg_read_scanlines(&d, &row, 1);
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  return out;
}

Expected make_jpeg(const std::string& dir, const JpegSpec& s) {
  std::vector<uint8_t> ink, stored;
  for (int y = 0; y < s.height; ++y) {
    for (int x = 0; x < s.width; ++x) {
      for (int c = 0; c < s.components; ++c) {
        uint8_t v = smooth(x, y, c, s.width, s.height);
        ink.push_back(v);
        stored.push_back(s.adobe ? static_cast<uint8_t>(255 - v) : v);
      }
    }
  }
  std::string bytes = write_jpeg(s, stored);
  test::write_file(dir + "/" + s.name, bytes);
  int components = 0;
  Expected e;
  e.samples = libjpeg_decode(bytes, components);
  EXPECT_EQ(components, s.components) << s.name;
  if (s.adobe) {
    for (uint8_t& v : e.samples) v = static_cast<uint8_t>(255 - v);
  }
  // The reference decode is the picture that was encoded (not something else).
  double diff = 0;
  for (size_t i = 0; i < ink.size(); ++i) diff += std::abs(int(ink[i]) - int(e.samples[i]));
  EXPECT_LT(diff / ink.size(), 3.0) << s.name << ": libjpeg's own round trip";
  e.width = s.width;
  e.height = s.height;
  e.color = s.components == 1 ? image::ColorSpace::Gray : s.components == 3 ? image::ColorSpace::Rgb : image::ColorSpace::Cmyk;
  e.lossy = true;
  e.dct = true;
  return e;
}

// ---------------------------------------------------------------- the corpus

struct Corpus {
  std::string dir;
  std::map<std::string, Expected> good;  // file name -> pixels
  std::vector<std::string> bad;          // truncated files
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    c.dir = test::temp_dir("image-corpus");
    const PngSpec pngs[] = {
        {"rgba-interlaced-300x330.png", 300, 330, PNG_COLOR_TYPE_RGB_ALPHA, 8, true, false},
        {"rgba-interlaced-small.png", 5, 3, PNG_COLOR_TYPE_RGB_ALPHA, 8, true, false},
        {"rgb-interlaced.png", 37, 23, PNG_COLOR_TYPE_RGB, 8, true, false},
        {"grey1.png", 37, 23, PNG_COLOR_TYPE_GRAY, 1, false, false},
        {"grey2.png", 37, 23, PNG_COLOR_TYPE_GRAY, 2, false, false},
        {"grey4-interlaced.png", 37, 23, PNG_COLOR_TYPE_GRAY, 4, true, false},
        {"grey8.png", 37, 23, PNG_COLOR_TYPE_GRAY, 8, false, false},
        {"grey8-trns.png", 37, 23, PNG_COLOR_TYPE_GRAY, 8, false, true},
        {"grey16.png", 37, 23, PNG_COLOR_TYPE_GRAY, 16, false, false},
        {"grey-alpha8.png", 37, 23, PNG_COLOR_TYPE_GRAY_ALPHA, 8, false, false},
        {"grey-alpha16.png", 37, 23, PNG_COLOR_TYPE_GRAY_ALPHA, 16, false, false},
        {"rgb8.png", 37, 23, PNG_COLOR_TYPE_RGB, 8, false, false},
        {"rgb8-trns.png", 37, 23, PNG_COLOR_TYPE_RGB, 8, false, true},
        {"rgb16.png", 37, 23, PNG_COLOR_TYPE_RGB, 16, false, false},
        {"rgba8.png", 37, 23, PNG_COLOR_TYPE_RGB_ALPHA, 8, false, false},
        {"rgba16-interlaced.png", 37, 23, PNG_COLOR_TYPE_RGB_ALPHA, 16, true, false},
        {"palette1.png", 37, 23, PNG_COLOR_TYPE_PALETTE, 1, false, false},
        {"palette2-trns.png", 37, 23, PNG_COLOR_TYPE_PALETTE, 2, false, true},
        {"palette4-trns.png", 37, 23, PNG_COLOR_TYPE_PALETTE, 4, true, true},
        {"palette8-trns.png", 37, 23, PNG_COLOR_TYPE_PALETTE, 8, false, true},
    };
    for (const PngSpec& s : pngs) c.good[s.name] = make_png(c.dir, s);
    const JpegSpec jpegs[] = {
        {"baseline.jpg", 48, 40, 3, false, false, 0},
        {"progressive.jpg", 48, 40, 3, true, false, 0},
        {"grey.jpg", 48, 40, 1, false, false, 0},
        {"grey-progressive.jpg", 33, 17, 1, true, false, 0},
        {"cmyk.jpg", 48, 40, 4, false, false, 0},
        {"cmyk-adobe-inverted.jpg", 48, 40, 4, false, true, 0},
        {"big-metadata.jpg", 48, 40, 3, false, false, 300000},
    };
    for (const JpegSpec& s : jpegs) c.good[s.name] = make_jpeg(c.dir, s);
    // Truncated files: the first 60 % of a good one (the PNG in its image data, the
    // JPEG in its scan).
    for (const char* name : {"rgb8.png", "baseline.jpg", "progressive.jpg"}) {
      std::string bytes = test::read_file(c.dir + "/" + name);
      std::string cut = "truncated-" + std::string(name);
      test::write_file(c.dir + "/" + cut, bytes.substr(0, bytes.size() * 6 / 10));
      c.bad.push_back(cut);
    }
    return c;
  }();
  return c;
}

// ---------------------------------------------------------------- comparing

// Max and mean absolute difference of two sample arrays of equal size.
struct Diff {
  int max = 0;
  double mean = 0;
  size_t first_index = SIZE_MAX;
};

Diff diff(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
  Diff d;
  double sum = 0;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    int v = std::abs(int(a[i]) - int(b[i]));
    if (v > 0 && d.first_index == SIZE_MAX) d.first_index = i;
    d.max = std::max(d.max, v);
    sum += v;
  }
  d.mean = a.empty() ? 0 : sum / a.size();
  return d;
}

// The tolerance for a lossy image between two decoders of the same JPEG data.
constexpr int kJpegMaxDiff = 4;

void expect_samples(const std::string& what, const std::vector<uint8_t>& got, const std::vector<uint8_t>& want,
                    bool lossy) {
  ASSERT_EQ(got.size(), want.size()) << what;
  Diff d = diff(got, want);
  if (lossy) {
    EXPECT_LE(d.max, kJpegMaxDiff) << what << ": mean difference " << d.mean;
  } else {
    EXPECT_EQ(d.max, 0) << what << ": first difference at sample " << d.first_index << " (got "
                        << (d.first_index < got.size() ? int(got[d.first_index]) : -1) << ", want "
                        << (d.first_index < want.size() ? int(want[d.first_index]) : -1) << ")";
  }
}

// Reads a PNG written by pdfimages (8-bit grey or RGB, no alpha) with libpng's
// simplified API.
bool read_png(const std::string& path, int& width, int& height, int& channels, std::vector<uint8_t>& out) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path.c_str())) return false;
  channels = (img.format & PNG_FORMAT_FLAG_COLOR) ? 3 : 1;
  img.format = channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  out.resize(PNG_IMAGE_SIZE(img));
  if (!png_image_finish_read(&img, nullptr, out.data(), 0, nullptr)) return false;
  width = static_cast<int>(img.width);
  height = static_cast<int>(img.height);
  return true;
}

uint32_t le(const std::string& b, size_t at, int bytes, bool big_endian) {
  uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    uint32_t byte = static_cast<uint8_t>(b.at(at + i));
    v |= big_endian ? byte << (8 * (bytes - 1 - i)) : byte << (8 * i);
  }
  return v;
}

// Reads an uncompressed 8-bit TIFF (what pdfimages -tiff writes for CMYK images).
bool read_tiff(const std::string& path, int& width, int& height, int& channels, std::vector<uint8_t>& out) {
  std::string b = test::read_file(path);
  if (b.size() < 8) return false;
  bool be = b[0] == 'M';
  uint32_t ifd = le(b, 4, 4, be);
  int entries = static_cast<int>(le(b, ifd, 2, be));
  std::vector<uint32_t> offsets, counts;
  int compression = 1, bits = 8;
  auto values = [&](size_t entry, std::vector<uint32_t>& dst) {
    int type = static_cast<int>(le(b, entry + 2, 2, be));
    uint32_t n = le(b, entry + 4, 4, be);
    int size = type == 3 ? 2 : 4;
    size_t at = n * size <= 4 ? entry + 8 : le(b, entry + 8, 4, be);
    for (uint32_t i = 0; i < n; ++i) dst.push_back(le(b, at + i * size, size, be));
  };
  for (int i = 0; i < entries; ++i) {
    size_t e = ifd + 2 + 12 * i;
    int tag = static_cast<int>(le(b, e, 2, be));
    std::vector<uint32_t> v;
    values(e, v);
    if (tag == 256) width = static_cast<int>(v[0]);
    if (tag == 257) height = static_cast<int>(v[0]);
    if (tag == 258) bits = static_cast<int>(v[0]);
    if (tag == 259) compression = static_cast<int>(v[0]);
    if (tag == 277) channels = static_cast<int>(v[0]);
    if (tag == 273) offsets = v;
    if (tag == 279) counts = v;
  }
  if (compression != 1 || bits != 8 || offsets.size() != counts.size()) return false;
  out.clear();
  for (size_t i = 0; i < offsets.size(); ++i) out.insert(out.end(), b.begin() + offsets[i], b.begin() + offsets[i] + counts[i]);
  return out.size() == static_cast<size_t>(width) * height * channels;
}

// Renders a document showing `name` (in the corpus folder) into a PDF, in process.
std::string render_image_document(const std::string& dir, const std::string& name, const std::string& pdf_name) {
  static Resources* resources = new Resources();
  ReadOptions options;
  options.template_dirs = {test::source_dir() + "/templates"};
  std::string yaml = "kind: document\nblocks:\n  - image: " + name + "\n    width: 4cm\n";
  Document doc = read_document_string(yaml, dir + "/" + pdf_name + ".yaml", options);
  LaidOutDocument laid_out = layout_document(doc, *resources);
  std::string pdf_path = dir + "/" + pdf_name;
  write_pdf(laid_out, pdf_path);
  return pdf_path;
}

// ---------------------------------------------------------------- tests

TEST(ImageModule, EveryKindDecodesToItsKnownPixels) {
  const Corpus& c = corpus();
  for (const auto& [name, want] : c.good) {
    SCOPED_TRACE(name);
    image::Decoded d = image::decode(test::read_file(c.dir + "/" + name));
    ASSERT_TRUE(d.ok()) << d.problem;
    EXPECT_EQ(d.bitmap.width, want.width);
    EXPECT_EQ(d.bitmap.height, want.height);
    EXPECT_EQ(d.bitmap.color, want.color);
    expect_samples(name + " colour", d.bitmap.samples, want.samples, want.lossy);
    expect_samples(name + " alpha", d.bitmap.alpha, want.alpha, false);
    EXPECT_EQ(d.jpeg_passthrough, want.dct);
  }
}

TEST(ImageModule, TruncatedAndForeignFilesAreProblemsNotPictures) {
  const Corpus& c = corpus();
  for (const std::string& name : c.bad) {
    image::Decoded d = image::decode(test::read_file(c.dir + "/" + name));
    EXPECT_FALSE(d.ok()) << name;
    EXPECT_EQ(d.problem.rfind("is truncated (", 0), 0u) << name << ": " << d.problem;
  }
  EXPECT_EQ(image::decode("GIF89a....").problem, "is not a PNG or JPEG image");
  // A PNG whose header claims more than the limits, with nothing after it.
  std::string png = test::read_file(c.dir + "/rgb8.png").substr(0, 33);
  png[16] = 0, png[17] = 0, png[18] = 0x75, png[19] = 0x30;  // width 30000
  EXPECT_EQ(image::decode(png).problem,
            "is too large (30000 x 23 pixels; at most 20000 per side and 100 megapixels)");
  // A damaged byte in a PNG's image data.
  std::string damaged = test::read_file(c.dir + "/rgb8.png");
  size_t idat = damaged.find("IDAT");
  damaged[idat + 20] ^= 0x55;
  EXPECT_EQ(image::decode(damaged).problem.rfind("is damaged (libpng: IDAT: ", 0), 0u)
      << image::decode(damaged).problem;
}

// Through thaidoc: each corpus image rendered into a PDF, extracted with pdfimages.
TEST(ImagePdf, PdfimagesExtractsTheKnownPixels) {
  const Corpus& c = corpus();
  std::string out = test::temp_dir("image-pdf");
  for (const auto& [name, want] : c.good) {
    SCOPED_TRACE(name);
    std::string pdf = render_image_document(c.dir, name, name + ".pdf");
    std::string prefix = out + "/" + name;
    // -tiff for CMYK (pdfimages would convert it to RGB in a PNG), -png otherwise.
    bool cmyk = want.color == image::ColorSpace::Cmyk;
    auto r = test::run(std::string("pdfimages ") + (cmyk ? "-tiff " : "-png ") + quote(pdf) + " " + quote(prefix));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    auto list = test::run("pdfimages -list " + quote(pdf));
    // The listing: the image (and its soft mask), 8 bits per component, and the encoding.
    std::string expected_enc = want.dct ? "jpeg" : "image";
    std::regex line(R"(^\s*1\s+(\d+)\s+(image|smask)\s+(\d+)\s+(\d+)\s+(\w+)\s+(\d+)\s+(\d+)\s+(\w+))");
    int images = 0, masks = 0;
    std::istringstream lines(list.out);
    for (std::string l; std::getline(lines, l);) {
      std::smatch m;
      if (!std::regex_search(l, m, line)) continue;
      (m[2] == "image" ? images : masks)++;
      EXPECT_EQ(std::stoi(m[3]), want.width) << l;
      EXPECT_EQ(std::stoi(m[4]), want.height) << l;
      EXPECT_EQ(m[7], "8") << l;  // bits per component
      if (m[2] == "image") {
        EXPECT_EQ(m[8], expected_enc) << l;
      }
    }
    EXPECT_EQ(images, 1) << list.out;
    EXPECT_EQ(masks, want.alpha.empty() ? 0 : 1) << list.out;

    int w = 0, h = 0, channels = 0;
    std::vector<uint8_t> got;
    bool read = cmyk ? read_tiff(prefix + "-000.tif", w, h, channels, got)
                     : read_png(prefix + "-000.png", w, h, channels, got);
    ASSERT_TRUE(read) << "cannot read what pdfimages wrote for " << name;
    EXPECT_EQ(w, want.width);
    EXPECT_EQ(h, want.height);
    EXPECT_EQ(channels, image::components(want.color));
    expect_samples(name + " colour in the PDF", got, want.samples, want.lossy);
    if (!want.alpha.empty()) {
      std::vector<uint8_t> mask;
      ASSERT_TRUE(read_png(prefix + "-001.png", w, h, channels, mask));
      EXPECT_EQ(channels, 1);
      expect_samples(name + " soft mask in the PDF", mask, want.alpha, false);
    }
  }
}

// JPEGs are embedded as they are (DCTDecode) minus their metadata: far smaller than the
// decoded pixels would be, and the metadata does not bloat the PDF.
TEST(ImagePdf, JpegPassesThroughWithoutItsMetadata) {
  const Corpus& c = corpus();
  std::string out = test::temp_dir("image-jpeg-size");
  size_t plain = fs::file_size(render_image_document(c.dir, "baseline.jpg", "plain.pdf"));
  size_t with_metadata = fs::file_size(render_image_document(c.dir, "big-metadata.jpg", "meta.pdf"));
  EXPECT_GT(fs::file_size(c.dir + "/big-metadata.jpg"), 300000u);
  EXPECT_LT(with_metadata, plain + 2000) << "the 300 KB of metadata went into the PDF";
  image::Decoded d = image::decode(test::read_file(c.dir + "/baseline.jpg"));
  ASSERT_TRUE(d.ok());
  image::PdfImage pass = image::to_pdf(d);
  d.jpeg_passthrough = false;
  image::PdfImage flate = image::to_pdf(d);
  EXPECT_EQ(pass.encoding, image::PdfImage::Encoding::Dct);
  EXPECT_EQ(flate.encoding, image::PdfImage::Encoding::Flate);
  EXPECT_LT(pass.bytes() * 2, flate.bytes()) << "pass-through " << pass.bytes() << " bytes, Flate " << flate.bytes();
}

// A bad image is an error at its YAML key: file:line:col, key path, the problem; exit 2
// and no PDF.
TEST(ImagePdf, BadImagesAreErrorsAtTheirKey) {
  const Corpus& c = corpus();
  for (const std::string& name : c.bad) {
    std::string doc = "bad-" + name + ".yaml";
    test::write_file(c.dir + "/" + doc, "kind: document\nblocks:\n  - paragraph: ก\n  - image: " + name + "\n");
    auto r = test::run("cd " + quote(c.dir) + " && " + quote(test::thaidoc_binary()) + " render " + doc +
                       " -o bad.pdf 2>&1");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    std::string expected = doc + ":4:12: error: blocks[2].image: image file '" + name + "' is truncated (";
    EXPECT_NE(r.out.find(expected), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(c.dir + "/bad.pdf"));
  }
}

// The PDF writer on its own (a laid-out page naming image files, as layout makes them):
// a bad image is an Error naming the file, and the writer, LibHaru's document and the
// process survive it; the next document is written as usual.
TEST(ImagePdf, WriterErrorsLeaveTheProcessIntact) {
  const Corpus& c = corpus();
  auto page_with = [&](const std::string& name) {
    LaidOutDocument doc;
    doc.pages.emplace_back();
    doc.pages.back().items.push_back(ImageItem{c.dir + "/" + name, 72, 72, 100, 100});
    doc.pages.back().items.push_back(ImageItem{c.dir + "/" + name, 72, 300, 50, 50});
    return doc;
  };
  for (const std::string& bad : {std::string("truncated-rgb8.png"), std::string("truncated-baseline.jpg"),
                                 std::string("no-such-file.png")}) {
    try {
      write_pdf_to_memory(page_with(bad));
      ADD_FAILURE() << bad << " was embedded";
    } catch (const Error& e) {
      EXPECT_EQ(e.where().file, c.dir + "/" + bad);
      EXPECT_EQ(e.exit_code(), 2);
    }
  }
  for (const std::string& good : {std::string("rgba-interlaced-300x330.png"), std::string("cmyk-adobe-inverted.jpg")}) {
    std::string pdf = write_pdf_to_memory(page_with(good));
    EXPECT_EQ(pdf.compare(0, 5, "%PDF-"), 0);
    // One XObject for both uses of the image (plus its soft mask).
    size_t xobjects = 0;
    for (size_t at = 0; (at = pdf.find("/Subtype /Image", at)) != std::string::npos; ++at) ++xobjects;
    EXPECT_EQ(xobjects, good.find(".png") != std::string::npos ? 2u : 1u) << good;
  }
}

TEST(ImageCache, HitsAreSharedChangesAreSeenAndTheSizeIsBounded) {
  const Corpus& c = corpus();
  std::string dir = test::temp_dir("image-cache");
  fs::copy_file(c.dir + "/rgb8.png", dir + "/a.png");
  image::Loaded first = image::load_image(dir + "/a.png");
  ASSERT_TRUE(first.ok()) << first.problem;
  EXPECT_EQ(image::load_image(dir + "/a.png").image, first.image);  // decoded once
  // The file replaced by another (other size): decoded again.
  fs::copy_file(c.dir + "/grey8.png", dir + "/a.png", fs::copy_options::overwrite_existing);
  image::Loaded second = image::load_image(dir + "/a.png");
  ASSERT_TRUE(second.ok());
  EXPECT_NE(second.image, first.image);
  EXPECT_EQ(second.image->color, image::ColorSpace::Gray);
  // The bound: many images through a cache of 20 KB never hold more than that.
  image::set_cache_limit(20000);
  size_t most = 0;
  for (const auto& [name, want] : c.good) {
    ASSERT_TRUE(image::load_image(c.dir + "/" + name).ok()) << name;
    most = std::max(most, image::cache_bytes());
  }
  EXPECT_LE(most, 20000u);
  EXPECT_GT(image::cache_entries(), 0u);
  image::set_cache_limit(0);
  EXPECT_EQ(image::cache_bytes(), 0u);
  EXPECT_EQ(image::cache_entries(), 0u);
  image::set_cache_limit(32u << 20);
}

// A batch whose records show an interlaced, a 16-bit and a truncated image (and good
// ones): every record but the truncated one is written, and exactly that one is
// reported, with its record number and the template's file:line:col.
TEST(ImageBatch, OneBadImageFailsOnlyItsRecord) {
  const Corpus& c = corpus();
  std::string dir = test::temp_dir("image-batch");
  for (const char* name : {"rgb8.png", "rgba-interlaced-300x330.png", "rgb16.png", "truncated-baseline.jpg",
                           "baseline.jpg", "palette4-trns.png"}) {
    fs::copy_file(c.dir + "/" + name, dir + "/" + name);
  }
  test::write_file(dir + "/doc.yaml",
                   "kind: document\n"
                   "blocks:\n"
                   "  - paragraph: \"{{org}}\"\n"
                   "  - image: \"{{picture}}\"\n"
                   "    width: 3cm\n");
  test::write_file(dir + "/data.csv",
                   "org,picture\n"
                   "one,rgb8.png\n"
                   "two,rgba-interlaced-300x330.png\n"
                   "three,rgb16.png\n"
                   "four,truncated-baseline.jpg\n"
                   "five,baseline.jpg\n"
                   "six,palette4-trns.png\n"
                   "seven,rgba-interlaced-300x330.png\n");
  auto r = test::run("cd " + quote(dir) + " && " + quote(test::thaidoc_binary()) +
                     " batch doc.yaml --data data.csv -o 'out/{org}.pdf' -j 2 -q --report report.json 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("6 done, 0 skipped, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("doc.yaml:4:12: error: blocks[2].image: image file "
                       "'truncated-baseline.jpg' is truncated ("),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(") [record 4, data.csv:5]\n"), std::string::npos) << r.out;
  for (const char* org : {"one", "two", "three", "five", "six", "seven"}) {
    EXPECT_TRUE(fs::exists(dir + "/out/" + org + ".pdf")) << org;
  }
  EXPECT_FALSE(fs::exists(dir + "/out/four.pdf"));
  std::string report = test::read_file(dir + "/report.json");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(report, m, std::regex(R"re("errors":\s*\[([\s\S]*)\])re")));
  std::string errors = m[1];
  std::regex record(R"re("record":\s*(\d+))re");
  std::set<int> failed;
  for (auto it = std::sregex_iterator(errors.begin(), errors.end(), record); it != std::sregex_iterator(); ++it) {
    failed.insert(std::stoi((*it)[1]));
  }
  EXPECT_EQ(failed, std::set<int>{4}) << report;
  EXPECT_NE(errors.find("is truncated"), std::string::npos) << errors;
  // The interlaced and 16-bit pictures are right in their PDFs (not just present).
  for (const auto& [org, name] : {std::pair<std::string, std::string>{"two", "rgba-interlaced-300x330.png"},
                                  {"three", "rgb16.png"}}) {
    auto x = test::run("pdfimages -png " + quote(dir + "/out/" + org + ".pdf") + " " + quote(dir + "/x-" + org));
    ASSERT_EQ(x.exit_code, 0) << x.out;
    int w = 0, h = 0, channels = 0;
    std::vector<uint8_t> got;
    ASSERT_TRUE(read_png(dir + "/x-" + org + "-000.png", w, h, channels, got));
    expect_samples(org + " in the batch PDF", got, c.good.at(name).samples, false);
  }
}

}  // namespace
}  // namespace thaidoc
