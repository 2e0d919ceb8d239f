#include "pdf/pdf_font.h"

#include <hb-subset.h>
#include <hpdf_objects.h>
#include <hpdf_doc.h>
#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

#include "base/error.h"
#include "base/utf8.h"
#include "pdf/cff_reorder.h"
#include "pdf/font_program_cache.h"

namespace thaidoc::pdf_detail {

// ---------------------------------------------------------------------------
// Small helpers

double round_to(double v, int decimals) {
  static constexpr double kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  double s = kScale[std::clamp(decimals, 0, 6)];
  double r = std::round(v * s) / s;
  return r == 0 ? 0.0 : r;  // no negative zero
}

void append_number(std::string& out, double v, int decimals) {
  if (!std::isfinite(v)) v = 0;
  // PDF readers only need to cope with about +-32767 in content; keep far clear of
  // to_chars buffer limits with anything absurd.
  v = std::clamp(v, -1e9, 1e9);
  v = round_to(v, decimals);
  char buf[48];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  char* end = res.ptr;
  if (decimals > 0) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    out.push_back('0');
    return;
  }
  out.append(buf, end);
}

std::string describe_hpdf_error(unsigned long code, unsigned long detail) {
  const char* what = nullptr;
  switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: what = "out of memory"; break;
    case HPDF_FILE_IO_ERROR: what = "file I/O error"; break;
    case HPDF_FILE_OPEN_ERROR: what = "cannot open file"; break;
    case HPDF_INVALID_IMAGE: what = "invalid image"; break;
    case HPDF_INVALID_JPEG_DATA: what = "invalid JPEG data"; break;
    case HPDF_UNSUPPORTED_JPEG_FORMAT: what = "unsupported JPEG format"; break;
    case HPDF_INVALID_PNG_IMAGE: what = "invalid PNG image"; break;
    case HPDF_LIBPNG_ERROR: what = "libpng error"; break;
    case HPDF_UNSUPPORTED_FUNC: what = "function not supported by this LibHaru build"; break;
    case HPDF_ZLIB_ERROR: what = "zlib error"; break;
    case HPDF_PAGE_INVALID_SIZE: what = "invalid page size"; break;
    case HPDF_PAGE_INVALID_GMODE: what = "operator used in the wrong graphics mode"; break;
    case HPDF_REAL_OUT_OF_RANGE: what = "number out of range"; break;
    case HPDF_ARRAY_COUNT_ERR: what = "too many array elements"; break;
    case HPDF_DICT_COUNT_ERR: what = "too many dictionary entries"; break;
    case HPDF_XREF_COUNT_ERR: what = "too many objects"; break;
    case HPDF_STRING_OUT_OF_RANGE: what = "string too long"; break;
    case HPDF_INVALID_URI: what = "invalid URI"; break;
    case HPDF_INVALID_PARAMETER: what = "invalid parameter"; break;
    case HPDF_INVALID_OBJECT: what = "invalid object"; break;
    default: break;
  }
  char hex[64];
  std::snprintf(hex, sizeof hex, "LibHaru error 0x%04lX, detail %lu", code, detail);
  return what ? std::string(what) + " (" + hex + ")" : std::string(hex);
}

void check_hpdf(HPDF_Doc doc, const char* what) {
  HPDF_STATUS code = HPDF_GetError(doc);
  if (code == HPDF_OK) return;
  HPDF_STATUS detail = HPDF_GetErrorDetail(doc);
  throw Error({}, std::string("PDF writer: ") + what + " failed: " + describe_hpdf_error(code, detail));
}

std::string utf16be(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  auto put16 = [&](uint32_t u) {
    out.push_back(static_cast<char>((u >> 8) & 0xFF));
    out.push_back(static_cast<char>(u & 0xFF));
  };
  size_t i = 0;
  while (i < s.size()) {
    auto bad = utf8::find_invalid(s.substr(i));
    const size_t valid_end = bad ? i + *bad : s.size();
    while (i < valid_end) {
      char32_t cp = utf8::next(s, i);
      if (cp >= 0x10000) {
        uint32_t v = static_cast<uint32_t>(cp) - 0x10000;
        put16(0xD800 + (v >> 10));
        put16(0xDC00 + (v & 0x3FF));
      } else {
        put16(static_cast<uint32_t>(cp));
      }
    }
    if (bad) {
      put16(0xFFFD);
      ++i;
    }
  }
  return out;
}

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_hex(std::string& out, const std::string& bytes) {
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
}

void append_code_hex(std::string& out, uint16_t code) {
  out.push_back(kHex[(code >> 12) & 15]);
  out.push_back(kHex[(code >> 8) & 15]);
  out.push_back(kHex[(code >> 4) & 15]);
  out.push_back(kHex[code & 15]);
}

struct HbSubsetInput {
  hb_subset_input_t* p = hb_subset_input_create_or_fail();
  ~HbSubsetInput() {
    if (p) hb_subset_input_destroy(p);
  }
};

struct HbFace {
  hb_face_t* p = nullptr;
  ~HbFace() {
    if (p) hb_face_destroy(p);
  }
};

struct HbBlob {
  hb_blob_t* p = nullptr;
  ~HbBlob() {
    if (p) hb_blob_destroy(p);
  }
};

void add_real_or_int(HPDF_Array array, double v) {
  if (v == std::floor(v) && std::abs(v) < 1e9)
    HPDF_Array_AddNumber(array, static_cast<HPDF_INT32>(v));
  else
    HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(v));
}

void add_real_or_int(HPDF_Dict dict, const char* key, double v) {
  if (v == std::floor(v) && std::abs(v) < 1e9)
    HPDF_Dict_AddNumber(dict, key, static_cast<HPDF_INT32>(v));
  else
    HPDF_Dict_AddReal(dict, key, static_cast<HPDF_REAL>(v));
}

HPDF_Dict new_stream(HPDF_Doc doc, const std::string& data, bool compress) {
  HPDF_Dict s = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!s) return nullptr;
  s->filter = compress ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
  if (!data.empty())
    HPDF_Stream_Write(s->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                      static_cast<HPDF_UINT>(data.size()));
  return s;
}

// Writes the /Filter of a stream whose data is Flate-compressed already (LibHaru drops a
// /Filter entry of a stream it does not compress itself).
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

// Keeps the PostScript name to characters that need no escaping in a PDF name.
std::string clean_ps_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    bool ok = u > 32 && u < 127 && !std::strchr("()<>[]{}/%#", c);
    out.push_back(ok ? c : '-');
  }
  if (out.empty()) out = "Font";
  if (out.size() > 100) out.resize(100);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// Subsetting

std::string subset_font_program(const Font& font, const std::vector<uint32_t>& gids) {
  HbSubsetInput input;
  if (!input.p) throw Error({font.path()}, "cannot subset font: out of memory");
  hb_set_t* glyphs = hb_subset_input_glyph_set(input.p);
  hb_set_add(glyphs, 0);
  for (uint32_t g : gids) hb_set_add(glyphs, g);
  // Glyph ids must stay valid: the content stream and CIDToGIDMap use the
  // original ids.
  // Without TrueType hinting (fpgm, prep, cvt and each glyph's instructions): half of
  // Laksaman's subset bytes, and no use in a PDF, which is printed at high resolution and
  // scaled on screen (most PDF renderers ignore it or autohint). Outlines are unchanged.
  hb_subset_input_set_flags(input.p, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
  // The PDF gives every glyph's position; layout tables are dead weight.
  hb_set_t* drop = hb_subset_input_set(input.p, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "mort",
                          "kerx", "feat", "trak", "DSIG", "vhea", "vmtx", "VORG", "hdmx", "LTSH",
                          "VDMX", "gasp", "PCLT", "meta", "STAT"})
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  HbFace subset;
  subset.p = hb_subset_or_fail(font.hb_face(), input.p);
  if (!subset.p) throw Error({font.path()}, "cannot subset font for embedding (HarfBuzz hb-subset failed)");
  HbBlob blob;
  blob.p = hb_face_reference_blob(subset.p);
  unsigned int len = 0;
  const char* data = hb_blob_get_data(blob.p, &len);
  if (!data || len == 0) throw Error({font.path()}, "cannot subset font for embedding (empty result)");
  return std::string(data, len);
}

// ---------------------------------------------------------------------------
// ToUnicode

// Every code the writer draws as text has a non-empty value here, and the values of
// the codes in content-stream order spell the text exactly. That is the only thing
// all common readers use: pdf.js and pypdf turn an unmapped code into the raw code as
// a character, MuPDF into U+FFFD, pdfminer into "(cid:N)", PDFBox into a guess from
// the font's own cmap (private-use characters); only poppler and PDFium honour
// ActualText (../shared/reference/pdf-text-readers.md). So the writer maps each glyph
// to its own characters (HarfBuzz's per-character clusters) and draws the one kind of
// glyph that has none, the nikhahit split off sara am, as a path (PdfFont::glyph_form).
std::string build_to_unicode_cmap(const std::vector<std::string>& texts) {
  std::string out;
  out.reserve(300 + texts.size() * 24);
  out +=
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<uint16_t> mapped;
  mapped.reserve(texts.size());
  for (size_t i = 0; i < texts.size(); ++i)
    if (!texts[i].empty()) mapped.push_back(static_cast<uint16_t>(i + 1));
  for (size_t start = 0; start < mapped.size(); start += 100) {
    size_t n = std::min<size_t>(100, mapped.size() - start);
    out += std::to_string(n);
    out += " beginbfchar\n";
    for (size_t k = start; k < start + n; ++k) {
      uint16_t code = mapped[k];
      out.push_back('<');
      append_code_hex(out, code);
      out += "> <";
      append_hex(out, utf16be(texts[code - 1]));
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

// ---------------------------------------------------------------------------
// PdfFont

PdfFont::PdfFont(FontPtr font, HPDF_Doc doc, bool compress)
    : font_(std::move(font)), doc_(doc), compress_(compress) {}

GlyphCode PdfFont::text_code(uint32_t gid, std::string_view text) {
  key_.resize(4);
  std::memcpy(key_.data(), &gid, 4);
  key_.append(text);
  auto it = cluster_code_.find(std::string_view(key_));
  if (it != cluster_code_.end()) {
    uint32_t packed = it->second;
    uint32_t instance = packed >> 16;
    uint16_t code = static_cast<uint16_t>(packed & 0xFFFF);
    return {instance, code, instances_[instance].widths[code - 1]};
  }
  double width = round_to(font_->glyph_advance(gid) * 1000.0 / font_->units_per_em(), 2);
  GlyphCode c = add_code(gid, text, width);
  cluster_code_.emplace(key_, (c.instance << 16) | c.code);
  return c;
}

namespace {

// Collects a glyph outline as PDF path operators (font units, y up). Whole units: the
// outline points are integers already, and rounding the cubic control points derived from
// quadratic ones moves them by at most half a unit (0.008 pt at 16 pt).
struct OutlineSink {
  std::string path;
  void point(float x, float y) {
    append_number(path, x, 0);
    path.push_back(' ');
    append_number(path, y, 0);
    path.push_back(' ');
  }
};

void draw_move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  auto* s = static_cast<OutlineSink*>(data);
  s->point(x, y);
  s->path += "m\n";
}

void draw_line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  auto* s = static_cast<OutlineSink*>(data);
  s->point(x, y);
  s->path += "l\n";
}

// TrueType's quadratic segments as the equivalent cubic ones.
void draw_quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t* st, float cx, float cy, float x, float y,
                       void*) {
  auto* s = static_cast<OutlineSink*>(data);
  s->point(st->current_x + 2.0f / 3.0f * (cx - st->current_x), st->current_y + 2.0f / 3.0f * (cy - st->current_y));
  s->point(x + 2.0f / 3.0f * (cx - x), y + 2.0f / 3.0f * (cy - y));
  s->point(x, y);
  s->path += "c\n";
}

void draw_cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y,
                   float x, float y, void*) {
  auto* s = static_cast<OutlineSink*>(data);
  s->point(c1x, c1y);
  s->point(c2x, c2y);
  s->point(x, y);
  s->path += "c\n";
}

void draw_close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) {
  static_cast<OutlineSink*>(data)->path += "h\n";
}

hb_draw_funcs_t* outline_funcs() {
  static hb_draw_funcs_t* funcs = [] {
    hb_draw_funcs_t* f = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(f, draw_move_to, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(f, draw_line_to, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(f, draw_quadratic_to, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(f, draw_cubic_to, nullptr, nullptr);
    hb_draw_funcs_set_close_path_func(f, draw_close_path, nullptr, nullptr);
    hb_draw_funcs_make_immutable(f);
    return f;
  }();
  return funcs;
}

// A glyph's outline as a compressed form XObject content stream with its bounding box,
// made once per process for each (font file, glyph) and shared by every document (a batch
// draws the same few marks in thousands of files).
struct GlyphOutline {
  std::string deflated;
  int bbox[4] = {0, 0, 0, 0};
};

std::shared_ptr<const GlyphOutline> glyph_outline(const Font& font, uint32_t gid) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, uint32_t>, std::shared_ptr<const GlyphOutline>> cache;
  auto key = std::make_pair(font.path(), gid);
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  OutlineSink sink;
  hb_font_get_glyph_shape(font.hb_font(), gid, outline_funcs(), &sink);
  if (!sink.path.empty()) sink.path += "f\n";
  auto outline = std::make_shared<GlyphOutline>();
  uLongf size = compressBound(static_cast<uLong>(sink.path.size()));
  outline->deflated.resize(size);
  if (compress2(reinterpret_cast<Bytef*>(outline->deflated.data()), &size,
                reinterpret_cast<const Bytef*>(sink.path.data()), static_cast<uLong>(sink.path.size()),
                Z_BEST_COMPRESSION) != Z_OK)
    throw Error({font.path()}, "cannot compress a glyph outline");
  outline->deflated.resize(size);
  hb_glyph_extents_t ext{};
  hb_font_get_glyph_extents(font.hb_font(), gid, &ext);
  // hb extents: bearing = top-left corner, height negative (y up).
  outline->bbox[0] = ext.x_bearing;
  outline->bbox[1] = ext.y_bearing + ext.height;
  outline->bbox[2] = ext.x_bearing + ext.width;
  outline->bbox[3] = ext.y_bearing;
  std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() > 4096) cache.clear();  // bounded: fonts x marks is small in practice
  return cache.emplace(key, std::move(outline)).first->second;
}

}  // namespace

HPDF_Dict PdfFont::glyph_form(uint32_t gid) {
  auto it = forms_.find(gid);
  if (it != forms_.end()) return it->second;
  std::shared_ptr<const GlyphOutline> outline = glyph_outline(*font_, gid);
  // Compressed already: LibHaru writes it as is, the /Filter is added by hand.
  HPDF_Dict form = new_stream(doc_, outline->deflated, false);
  if (form) {
    form->write_fn = write_flate_filter;
    HPDF_Dict_AddName(form, "Subtype", "Form");  // (/Type /XObject is optional)
    HPDF_Array bbox = HPDF_Array_New(doc_->mmgr);
    HPDF_Dict_Add(form, "BBox", bbox);
    if (bbox)
      for (int v : outline->bbox) HPDF_Array_AddNumber(bbox, v);
    HPDF_Dict_Add(form, "Resources", HPDF_Dict_New(doc_->mmgr));
  }
  check_hpdf(doc_, "drawing a glyph outline");
  forms_.emplace(gid, form);
  return form;
}

GlyphCode PdfFont::add_code(uint32_t gid, std::string_view text, double width) {
  if (instances_.empty() || instances_.back().gids.size() >= 0xFFFF) {
    Instance inst;
    HPDF_Dict d = HPDF_Dict_New(doc_->mmgr);
    if (d) HPDF_Xref_Add(doc_->xref, d);
    if (d) {
      HPDF_Dict_AddName(d, "Type", "Font");
      HPDF_Dict_AddName(d, "Subtype", "Type0");
    }
    check_hpdf(doc_, "creating a font dictionary");
    inst.type0 = d;
    instances_.push_back(std::move(inst));
  }
  Instance& inst = instances_.back();
  inst.gids.push_back(gid);
  inst.texts.emplace_back(text);
  inst.widths.push_back(width);
  return {static_cast<uint32_t>(instances_.size() - 1), static_cast<uint16_t>(inst.gids.size()), width};
}

std::string PdfFont::base_font_name(const std::vector<uint32_t>& gids) const {
  // A subset tag that depends only on the font and the glyph set, so identical
  // input gives identical files.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](unsigned char b) {
    h ^= b;
    h *= 1099511628211ull;
  };
  for (char c : font_->postscript_name()) mix(static_cast<unsigned char>(c));
  for (uint32_t g : gids)
    for (int k = 0; k < 4; ++k) mix(static_cast<unsigned char>(g >> (8 * k)));
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag + "+" + clean_ps_name(font_->postscript_name());
}

namespace {

// The 'CFF ' table of an OpenType font file, "" if none.
std::string cff_table_of(const std::string& otf) {
  HbBlob blob;
  blob.p = hb_blob_create(otf.data(), static_cast<unsigned int>(otf.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  HbFace face;
  face.p = hb_face_create(blob.p, 0);
  HbBlob table;
  table.p = hb_face_reference_table(face.p, HB_TAG('C', 'F', 'F', ' '));
  unsigned int len = 0;
  const char* data = hb_blob_get_data(table.p, &len);
  return data && len ? std::string(data, len) : std::string();
}

}  // namespace

void PdfFont::finish() {
  if (instances_.empty()) return;
  HPDF_MMgr mmgr = doc_->mmgr;
  HPDF_Xref xref = doc_->xref;

  std::vector<uint32_t> gids;
  for (const Instance& inst : instances_) gids.insert(gids.end(), inst.gids.begin(), inst.gids.end());
  std::sort(gids.begin(), gids.end());
  gids.erase(std::unique(gids.begin(), gids.end()), gids.end());

  // How the program is embedded:
  // - TrueType: one subset program (FontFile2) under CIDFontType2 for all instances; codes
  //   reach their glyphs through each instance's CIDToGIDMap.
  // - OpenType/CFF: per instance, the subset CFF with its glyphs in code order (cff_reorder.h)
  //   as FontFile3 /CIDFontType0C under CIDFontType0, Identity-H: code = CID = glyph.
  //   A CID-keyed CFF cannot be reordered so; with CIDs = glyph ids and a CMap from codes,
  //   MuPDF, pdfminer and pypdf (which read ToUnicode by CID) would extract wrong text, so
  //   it is refused rather than written with text that does not copy right.
  const bool cff = font_->cff();
  std::vector<std::string> reordered;
  if (cff) {
    std::string cff_table = cff_table_of(subset_font_program(*font_, gids));
    for (const Instance& inst : instances_) {
      reordered.push_back(cff_table.empty() ? std::string() : reorder_cff_glyphs(cff_table, inst.gids));
      if (reordered.back().empty()) {
        throw Error({font_->path()},
                    "cannot embed this OpenType/CFF font (a CID-keyed CFF program, or one thaidoc cannot read): use "
                    "its TrueType (.ttf) version",
                    2);
      }
    }
  }

  const double scale = 1000.0 / font_->units_per_em();
  // A descriptor describes a font program (not the encoding).
  auto descriptor = [&](const std::string& name, const char* file_key, HPDF_Dict file) {
    HPDF_Dict desc = HPDF_Dict_New(mmgr);
    if (!desc) check_hpdf(doc_, "creating a font descriptor");
    HPDF_Xref_Add(xref, desc);
    HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    HPDF_Dict_AddName(desc, "FontName", name.c_str());
    HPDF_Dict_AddNumber(desc, "Flags", 4 | (font_->italic() ? 64 : 0));  // Symbolic (+ Italic)
    HPDF_Array bbox = HPDF_Array_New(mmgr);
    HPDF_Dict_Add(desc, "FontBBox", bbox);
    if (bbox) {
      HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(std::lround(font_->bbox_x_min() * scale)));
      HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(std::lround(font_->bbox_y_min() * scale)));
      HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(std::lround(font_->bbox_x_max() * scale)));
      HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(std::lround(font_->bbox_y_max() * scale)));
    }
    add_real_or_int(desc, "ItalicAngle", round_to(font_->italic_angle(), 2));
    HPDF_Dict_AddNumber(desc, "Ascent", static_cast<HPDF_INT32>(std::lround(font_->ascender() * scale)));
    HPDF_Dict_AddNumber(desc, "Descent", static_cast<HPDF_INT32>(std::lround(font_->descender() * scale)));
    HPDF_Dict_AddNumber(desc, "CapHeight", static_cast<HPDF_INT32>(std::lround(font_->cap_height() * scale)));
    HPDF_Dict_AddNumber(desc, "StemV", font_->bold() ? 120 : 80);
    HPDF_Dict_Add(desc, file_key, file);
    check_hpdf(doc_, "writing a font descriptor");
    return desc;
  };

  // The shared TrueType program: subset and compressed once per distinct glyph set in the
  // process (font_program_cache.h). The data is compressed already, so LibHaru writes it as
  // is and /Filter is added by hand.
  HPDF_Dict shared_desc = nullptr;
  const std::string shared_name = base_font_name(gids);
  if (!cff) {
    std::shared_ptr<const CompressedProgram> program = compressed_font_program(*font_, gids);
    program_size_ = program->length;
    HPDF_Dict file = new_stream(doc_, program->deflated, false);
    if (file) {
      file->write_fn = write_flate_filter;
      HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(program->length));
    }
    check_hpdf(doc_, "embedding a font program");
    shared_desc = descriptor(shared_name, "FontFile2", file);
  }

  for (size_t instance = 0; instance < instances_.size(); ++instance) {
    Instance& inst = instances_[instance];
    const size_t n = inst.gids.size();

    std::string base_font = shared_name;
    HPDF_Dict desc = shared_desc;
    HPDF_Dict cid_to_gid = nullptr;
    if (cff) {
      base_font = base_font_name(inst.gids);
      HPDF_Dict file = new_stream(doc_, reordered[instance], true);
      if (file) HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
      check_hpdf(doc_, "embedding a font program");
      program_size_ += reordered[instance].size();
      desc = descriptor(base_font, "FontFile3", file);
    } else {
      // CIDToGIDMap: 2 bytes big-endian per CID, CID 0 -> glyph 0.
      std::string map((n + 1) * 2, '\0');
      for (size_t i = 0; i < n; ++i) {
        map[(i + 1) * 2] = static_cast<char>((inst.gids[i] >> 8) & 0xFF);
        map[(i + 1) * 2 + 1] = static_cast<char>(inst.gids[i] & 0xFF);
      }
      cid_to_gid = new_stream(doc_, map, compress_);
    }
    HPDF_Dict to_unicode = new_stream(doc_, build_to_unicode_cmap(inst.texts), compress_);
    check_hpdf(doc_, "writing font maps");

    HPDF_Dict cid = HPDF_Dict_New(mmgr);
    if (!cid) check_hpdf(doc_, "creating a CID font");
    HPDF_Xref_Add(xref, cid);
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", cff ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", base_font.c_str());
    HPDF_Dict info = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    if (info) {
      HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
      HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
      HPDF_Dict_AddNumber(info, "Supplement", 0);
    }
    HPDF_Dict_Add(cid, "FontDescriptor", desc);
    HPDF_Dict_AddNumber(cid, "DW", 0);
    // W: [1 [w1 w2 ...] k [...] ...], split so no LibHaru array grows too large.
    HPDF_Array w = HPDF_Array_New(mmgr);
    HPDF_Dict_Add(cid, "W", w);
    constexpr size_t kChunk = 4096;
    for (size_t start = 0; w && start < n; start += kChunk) {
      HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(start + 1));
      HPDF_Array widths = HPDF_Array_New(mmgr);
      if (!widths) break;
      size_t end = std::min(n, start + kChunk);
      for (size_t i = start; i < end; ++i) add_real_or_int(widths, inst.widths[i]);
      HPDF_Array_Add(w, widths);
    }
    if (cid_to_gid) HPDF_Dict_Add(cid, "CIDToGIDMap", cid_to_gid);  // CIDFontType0: CID = glyph
    check_hpdf(doc_, "writing a CID font");

    HPDF_Dict t0 = inst.type0;
    HPDF_Dict_AddName(t0, "BaseFont", base_font.c_str());
    HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
    HPDF_Array desc_fonts = HPDF_Array_New(mmgr);
    HPDF_Dict_Add(t0, "DescendantFonts", desc_fonts);
    if (desc_fonts) HPDF_Array_Add(desc_fonts, cid);
    HPDF_Dict_Add(t0, "ToUnicode", to_unicode);
    check_hpdf(doc_, "writing a Type0 font");
  }
}

}  // namespace thaidoc::pdf_detail
