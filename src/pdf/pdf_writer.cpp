#include "pdf/pdf_writer.h"

#include <hpdf.h>
#include <zlib.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <unordered_map>
#include <vector>

#include "base/deadline.h"
#include "base/error.h"
#include "image/image.h"
#include "pdf/pdf_archive.h"
#include "pdf/pdf_font.h"

namespace thaidoc {

namespace {

using pdf_detail::append_number;
using pdf_detail::check_hpdf;
using pdf_detail::GlyphCode;
using pdf_detail::PdfFont;
using pdf_detail::round_to;

constexpr int kCoordDecimals = 3;  // points
constexpr int kAdjustDecimals = 2;  // TJ adjustments, in 1/1000 of the font size
constexpr double kPositionTolerance = 0.001;  // points

constexpr char kHex[] = "0123456789ABCDEF";

// LibHaru reports errors through this handler; the error is also kept in the
// document, where check_hpdf() finds it and throws. Nothing may be thrown from
// here: the handler runs inside C code.
void hpdf_error_handler(HPDF_STATUS, HPDF_STATUS, void*) {}

struct DocDeleter {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};

bool is_plain_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

// A PDF text string: ASCII as a literal string, anything else as UTF-16BE with BOM.
void* text_string(HPDF_Doc pdf, const std::string& utf8_text) {
  if (is_plain_ascii(utf8_text)) return HPDF_String_New(pdf->mmgr, utf8_text.c_str(), nullptr);
  std::string bytes = "\xFE\xFF" + pdf_detail::utf16be(utf8_text);
  return HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                         static_cast<HPDF_UINT>(bytes.size()));
}

// URIs must be 7-bit: percent-encode anything else (and spaces).
std::string ascii_uri(const std::string& uri) {
  std::string out;
  for (unsigned char c : uri) {
    if (c <= 0x20 || c >= 0x7F) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

double clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

// The graphics and text state of one page's content stream, as far as we set it.
struct PageState {
  HPDF_Page page = nullptr;
  double height = 0;
  std::string buf;  // content not yet handed to LibHaru
  bool handed_over = false;  // part of the content went to LibHaru already (an image)
  bool in_text = false;
  HPDF_Dict font = nullptr;
  double font_size = -1;
  double rise = 0;
  Color fill{0, 0, 0};
  Color stroke{0, 0, 0};
  double line_width = 1;
  std::vector<double> dash;
  std::vector<std::pair<HPDF_Dict, const char*>> font_names;
  std::deque<std::pair<HPDF_Dict, std::string>> form_names;  // glyph outlines (a deque: names stay put)
};

class DocumentWriter {
 public:
  DocumentWriter(const LaidOutDocument& doc, const PdfOptions& options) : doc_(doc), options_(options) {}

  std::string run() {
    pdf_.reset(HPDF_New(hpdf_error_handler, nullptr));
    if (!pdf_) throw Error({}, "PDF writer: cannot create a LibHaru document (out of memory)");
    HPDF_Doc pdf = pdf_.get();
    HPDF_SetCompressionMode(pdf, options_.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
    pdf->pdf_version = HPDF_VER_14;  // for /Lang
    check_hpdf(pdf, "setting up the document");

    for (const Page& page : doc_.pages) write_page(page);
    if (doc_.pages.empty()) {
      // A PDF needs at least one page.
      HPDF_AddPage(pdf);
      check_hpdf(pdf, "adding a page");
    }
    for (auto& font : fonts_) font->finish();
    write_outline();
    write_info();
    return save();
  }

 private:
  // ---- fonts --------------------------------------------------------------
  PdfFont& font_for(const FontPtr& font) {
    auto it = font_index_.find(font.get());
    if (it != font_index_.end()) return *fonts_[it->second];
    fonts_.push_back(std::make_unique<PdfFont>(font, pdf_.get(), options_.compress));
    font_index_.emplace(font.get(), fonts_.size() - 1);
    return *fonts_.back();
  }

  const char* font_name(PageState& ps, HPDF_Dict dict) {
    for (auto& [d, name] : ps.font_names)
      if (d == dict) return name;
    const char* name = HPDF_Page_GetLocalFontName(ps.page, dict);
    if (!name) check_hpdf(pdf_.get(), "registering a font on a page");
    if (!name) throw Error({}, "PDF writer: cannot register a font on a page");
    ps.font_names.emplace_back(dict, name);
    return name;
  }

  // ---- images -------------------------------------------------------------
  // Every image is an XObject built here from src/image's decoded, PDF-ready data (the
  // same bounded cache that validated it when the document was read). LibHaru's own
  // image loaders are not used: when one fails (any interlaced PNG, for one) it frees an
  // object it has already registered in the document's cross-reference table, and
  // HPDF_Free (our DocDeleter) then frees it a second time: the double free that aborted
  // renders and batches. Nothing here frees a LibHaru object; LibHaru owns them all.
  HPDF_Image image_for(const std::string& path) {
    auto it = images_.find(path);
    if (it != images_.end()) return it->second;
    std::shared_ptr<const image::PdfImage> img = image::load_image_or_throw(path);
    HPDF_Dict xobject = image_stream(*img, false);
    if (!img->alpha.empty()) HPDF_Dict_Add(xobject, "SMask", image_stream(*img, true));
    check_hpdf(pdf_.get(), ("embedding image " + path).c_str());
    images_.emplace(path, xobject);
    return xobject;
  }

  // The image's colour (or, with `alpha`, its soft mask) as an image XObject whose
  // data is encoded already: LibHaru writes it as is, with the /Filter from write_fn.
  HPDF_Dict image_stream(const image::PdfImage& img, bool alpha) {
    HPDF_Doc pdf = pdf_.get();
    HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!d) {
      check_hpdf(pdf, "creating an image");
      throw Error({}, "PDF writer: cannot create an image (out of memory)");
    }
    d->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
    image::ColorSpace color = alpha ? image::ColorSpace::Gray : img.color;
    HPDF_Dict_AddName(d, "Type", "XObject");
    HPDF_Dict_AddName(d, "Subtype", "Image");
    HPDF_Dict_AddNumber(d, "Width", img.width);
    HPDF_Dict_AddNumber(d, "Height", img.height);
    HPDF_Dict_AddName(d, "ColorSpace", color == image::ColorSpace::Gray  ? "DeviceGray"
                                       : color == image::ColorSpace::Rgb ? "DeviceRGB"
                                                                          : "DeviceCMYK");
    HPDF_Dict_AddNumber(d, "BitsPerComponent", 8);
    if (!alpha && img.decode_inverted) {  // Adobe's inverted CMYK JPEG, passed through
      HPDF_Array decode = HPDF_Array_New(pdf->mmgr);
      HPDF_Dict_Add(d, "Decode", decode);
      for (int i = 0; i < image::components(color); ++i) {
        HPDF_Array_AddNumber(decode, 1);
        HPDF_Array_AddNumber(decode, 0);
      }
    }
    bool dct = !alpha && img.encoding == image::PdfImage::Encoding::Dct;
    d->filter = HPDF_STREAM_FILTER_NONE;  // encoded already
    d->write_fn = dct ? write_dct_filter : write_predictor_filter;
    const std::string& data = alpha ? img.alpha : img.data;
    HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                      static_cast<HPDF_UINT>(data.size()));
    check_hpdf(pdf, "writing an image");
    return d;
  }

  static HPDF_STATUS write_dct_filter(HPDF_Dict, HPDF_Stream stream) {
    return HPDF_Stream_WriteStr(stream, "/Filter /DCTDecode\012");
  }

  // /Filter and /DecodeParms of src/image's Flate data (a PNG predictor on each row).
  static HPDF_STATUS write_predictor_filter(HPDF_Dict dict, HPDF_Stream stream) {
    auto* width = static_cast<HPDF_Number>(HPDF_Dict_GetItem(dict, "Width", HPDF_OCLASS_NUMBER));
    auto* space = static_cast<HPDF_Name>(HPDF_Dict_GetItem(dict, "ColorSpace", HPDF_OCLASS_NAME));
    if (!width || !space) return HPDF_INVALID_OBJECT;
    int colors = std::strcmp(space->value, "DeviceGray") == 0 ? 1 : std::strcmp(space->value, "DeviceRGB") == 0 ? 3 : 4;
    char text[160];
    std::snprintf(text, sizeof text,
                  "/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors %d /BitsPerComponent 8 "
                  "/Columns %d >>\012",
                  colors, static_cast<int>(width->value));
    return HPDF_Stream_WriteStr(stream, text);
  }

  // ---- pages --------------------------------------------------------------
  void write_page(const Page& page) {
    check_deadline();
    HPDF_Doc pdf = pdf_.get();
    PageState ps;
    ps.page = HPDF_AddPage(pdf);
    check_hpdf(pdf, "adding a page");
    HPDF_Page_SetWidth(ps.page, static_cast<HPDF_REAL>(page.width));
    HPDF_Page_SetHeight(ps.page, static_cast<HPDF_REAL>(page.height));
    check_hpdf(pdf, "setting the page size");
    pages_.push_back(ps.page);
    ps.height = page.height;
    ps.buf.reserve(16384);

    // Where runs start on each baseline: a run ends a line (for readers) when no other run on
    // its baseline starts within an em after it (the next table cell is farther).
    run_starts_.clear();
    for (const FrameItem& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) run_starts_[std::llround(run->y * 10)].push_back(run->x);
    for (auto& [y, xs] : run_starts_) std::sort(xs.begin(), xs.end());
    auto ends_line = [&](const GlyphRun& run) {
      const std::vector<double>& xs = run_starts_[std::llround(run.y * 10)];
      const double end = run.x + run.width;
      auto next = std::lower_bound(xs.begin(), xs.end(), end - 0.01);
      return next == xs.end() || *next > end + run.size;
    };
    for (const FrameItem& item : page.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        write_run(ps, *run, ends_line(*run));
      } else if (const auto* rect = std::get_if<RectItem>(&item)) {
        end_text(ps);
        write_rect(ps, *rect);
      } else if (const auto* line = std::get_if<LineItem>(&item)) {
        end_text(ps);
        write_line(ps, *line);
      } else if (const auto* image = std::get_if<ImageItem>(&item)) {
        end_text(ps);
        write_image(ps, *image);
      } else if (const auto* link = std::get_if<LinkItem>(&item)) {
        write_link(ps, *link);
      }
    }
    end_text(ps);
    finish_page(ps);
  }

  // A page whose content is all ours is compressed here, at zlib's fastest level
  // (LibHaru's default level costs about twice as much for a few percent of size).
  void finish_page(PageState& ps) {
    if (!options_.compress || ps.handed_over || ps.buf.empty()) {
      flush(ps);
      return;
    }
    hash_.add(ps.buf);
    uLongf size = compressBound(static_cast<uLong>(ps.buf.size()));
    compressed_.resize(size);
    int rc = compress2(reinterpret_cast<Bytef*>(compressed_.data()), &size,
                       reinterpret_cast<const Bytef*>(ps.buf.data()), static_cast<uLong>(ps.buf.size()), Z_BEST_SPEED);
    if (rc != Z_OK) {
      flush(ps);
      return;
    }
    HPDF_Dict contents = static_cast<HPDF_PageAttr>(ps.page->attr)->contents;
    contents->filter = HPDF_STREAM_FILTER_NONE;  // compressed already: LibHaru writes it as is
    contents->write_fn = write_flate_filter;
    HPDF_Stream_Write(contents->stream, reinterpret_cast<const HPDF_BYTE*>(compressed_.data()),
                      static_cast<HPDF_UINT>(size));
    ps.buf.clear();
    check_hpdf(pdf_.get(), "writing page content");
  }

  // The /Filter of a stream whose data is Flate-compressed already.
  static HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
  }

  void flush(PageState& ps) {
    if (ps.buf.empty()) return;
    hash_.add(ps.buf);
    HPDF_Stream stream = static_cast<HPDF_PageAttr>(ps.page->attr)->stream;
    HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(ps.buf.data()),
                      static_cast<HPDF_UINT>(ps.buf.size()));
    ps.buf.clear();
    check_hpdf(pdf_.get(), "writing page content");
  }

  static void end_text(PageState& ps) {
    if (!ps.in_text) return;
    ps.buf += "ET\n";
    ps.in_text = false;
  }

  static void put(std::string& b, double v) {
    append_number(b, v, kCoordDecimals);
    b.push_back(' ');
  }

  static void set_fill(PageState& ps, const Color& c0) {
    Color c{clamp01(c0.r), clamp01(c0.g), clamp01(c0.b)};
    if (c == ps.fill) return;
    put(ps.buf, c.r);
    put(ps.buf, c.g);
    put(ps.buf, c.b);
    ps.buf += "rg\n";
    ps.fill = c;
  }

  static void set_stroke(PageState& ps, const Color& c0) {
    Color c{clamp01(c0.r), clamp01(c0.g), clamp01(c0.b)};
    if (c == ps.stroke) return;
    put(ps.buf, c.r);
    put(ps.buf, c.g);
    put(ps.buf, c.b);
    ps.buf += "RG\n";
    ps.stroke = c;
  }

  static void set_line_width(PageState& ps, double w) {
    w = std::isfinite(w) ? std::max(0.0, round_to(w, kCoordDecimals)) : 0.0;
    if (w == ps.line_width) return;
    put(ps.buf, w);
    ps.buf += "w\n";
    ps.line_width = w;
  }

  static void set_dash(PageState& ps, const std::vector<double>& dash_in) {
    std::vector<double> dash;
    bool any = false, valid = true;
    for (double d : dash_in) {
      if (!std::isfinite(d) || d < 0) valid = false;
      double r = round_to(d, kCoordDecimals);
      if (r > 0) any = true;
      dash.push_back(r);
    }
    if (!valid || !any) dash.clear();  // all-zero or negative dash arrays are invalid PDF
    if (dash == ps.dash) return;
    ps.buf.push_back('[');
    for (size_t i = 0; i < dash.size(); ++i) {
      if (i) ps.buf.push_back(' ');
      append_number(ps.buf, dash[i], kCoordDecimals);
    }
    ps.buf += "] 0 d\n";
    ps.dash = std::move(dash);
  }

  void write_rect(PageState& ps, const RectItem& r) {
    bool stroke = r.stroke && r.line_width >= 0;
    if (!r.fill && !stroke) return;
    if (r.fill) set_fill(ps, r.fill_color);
    if (stroke) {
      set_stroke(ps, r.stroke_color);
      set_line_width(ps, r.line_width);
      set_dash(ps, {});
    }
    put(ps.buf, r.x);
    put(ps.buf, ps.height - r.y - r.h);
    put(ps.buf, r.w);
    put(ps.buf, r.h);
    ps.buf += r.fill && stroke ? "re B\n" : r.fill ? "re f\n" : "re S\n";
  }

  void write_line(PageState& ps, const LineItem& l) {
    if (l.width < 0) return;
    set_stroke(ps, l.color);
    set_line_width(ps, l.width);
    set_dash(ps, l.dash);
    put(ps.buf, l.x1);
    put(ps.buf, ps.height - l.y1);
    ps.buf += "m ";
    put(ps.buf, l.x2);
    put(ps.buf, ps.height - l.y2);
    ps.buf += "l S\n";
  }

  void write_image(PageState& ps, const ImageItem& im) {
    HPDF_Image image = image_for(im.path);
    if (!(im.w > 0 && im.h > 0)) return;
    flush(ps);  // LibHaru writes the image operators straight into the stream
    ps.handed_over = true;
    HPDF_Page_DrawImage(ps.page, image, static_cast<HPDF_REAL>(im.x),
                        static_cast<HPDF_REAL>(ps.height - im.y - im.h), static_cast<HPDF_REAL>(im.w),
                        static_cast<HPDF_REAL>(im.h));
    check_hpdf(pdf_.get(), ("drawing image " + im.path).c_str());
  }

  void write_link(PageState& ps, const LinkItem& link) {
    if (link.uri.empty()) return;
    HPDF_Rect rect;
    rect.left = static_cast<HPDF_REAL>(link.x);
    rect.bottom = static_cast<HPDF_REAL>(ps.height - link.y - link.h);
    rect.right = static_cast<HPDF_REAL>(link.x + link.w);
    rect.top = static_cast<HPDF_REAL>(ps.height - link.y);
    std::string uri = ascii_uri(link.uri);
    HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(ps.page, rect, uri.c_str());
    if (annot) {
      HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
      HPDF_Dict_AddNumber(annot, "F", 4);  // Print (PDF/A: every annotation is printable)
    }
    check_hpdf(pdf_.get(), ("adding the link to " + link.uri).c_str());
  }

  // ---- text ---------------------------------------------------------------
  // Which glyphs are text, and what text (issue 11: every reader must extract exactly the
  // input, and most of them place characters by their boxes, [origin, origin + width]).
  // A mark (a glyph without advance: Thai vowels above and below, tone marks, the
  // nikhahit HarfBuzz splits off sara am) sits at the origin of the next character, so as
  // text it would be sorted after it (poppler, PDFBox), taken for a duplicate (poppler),
  // or split off its line (pdfminer, PDFium). So only glyphs with an advance are text;
  // each carries the characters of its own character group (PositionedGlyph::text_offset,
  // from HarfBuzz's per-character clusters) plus those of the marks that follow it in its
  // cluster, and the marks are drawn as outlines (PdfFont::glyph_form), which no reader
  // takes for text. "น้ำ" is น -> "น" and sara aa -> "้ำ"; "ที่" is ท -> "ที่".
  void assign_text(const GlyphRun& run, const GlyphCluster& c, size_t first, size_t end) {
    auto spacing = [&](size_t k) { return run.font->glyph_advance(run.glyphs[k].gid) > 0; };
    // Character groups: offsets must rise within the text; otherwise one group.
    bool groups_ok = true;
    for (size_t k = first + 1; k < end && groups_ok; ++k) {
      uint32_t o = run.glyphs[k].text_offset, prev = run.glyphs[k - 1].text_offset;
      if (o < prev || o >= c.text.size()) groups_ok = false;
    }
    long carrier = -1;     // the glyph that takes the text of marks
    std::string orphan;    // text of marks before the cluster's first spacing glyph
    size_t ga = first;
    while (ga < end) {
      size_t gb = groups_ok ? ga + 1 : end;
      while (gb < end && run.glyphs[gb].text_offset == run.glyphs[ga].text_offset) ++gb;
      const size_t from = ga == first ? 0 : run.glyphs[ga].text_offset;
      const size_t to = gb < end ? run.glyphs[gb].text_offset : c.text.size();
      const std::string_view text = std::string_view(c.text).substr(from, to - from);
      size_t k = ga;
      while (k < gb && !spacing(k)) ++k;
      if (k < gb) {
        carrier = static_cast<long>(k);
        glyph_text_[k].assign(text);
      } else if (carrier >= 0) {
        glyph_text_[carrier] += text;
      } else {
        orphan += text;
      }
      ga = gb;
    }
    if (!orphan.empty()) {
      if (carrier < 0) carrier = static_cast<long>(first);  // only marks: the first is text
      glyph_text_[carrier].insert(0, orphan);
    }
  }

  // True when two glyphs drawn as text, neither of them a space, are 0.09 em or more apart.
  bool needs_actual_text(const GlyphRun& run, double size) const {
    const double limit = 0.09 * size, scale = size / run.font->units_per_em();
    bool have_prev = false, prev_space = false;
    double prev_end = 0;
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
      const std::string& t = glyph_text_[i];
      if (t.empty()) continue;
      const bool space = t.front() == ' ';
      if (have_prev && !prev_space && !space && run.glyphs[i].x - prev_end >= limit) return true;
      have_prev = true;
      prev_space = t.back() == ' ';
      prev_end = run.glyphs[i].x + run.font->glyph_advance(run.glyphs[i].gid) * scale;
    }
    return false;
  }

  void write_run(PageState& ps, const GlyphRun& run, bool ends_line) {
    const size_t n = run.glyphs.size();
    if (n == 0 || !run.font) return;
    const double size = round_to(run.size, kCoordDecimals);
    if (!(size > 0)) return;
    PdfFont& pf = font_for(run.font);
    std::string& b = ps.buf;

    // The text of each glyph; an empty one is drawn as a path.
    glyph_text_.resize(std::max(glyph_text_.size(), n));
    for (size_t i = 0; i < n; ++i) glyph_text_[i].clear();
    std::string pending;  // text of clusters without glyphs, for the next glyph with text
    long last_text = -1;
    for (const GlyphCluster& c : run.clusters) {
      const size_t first = c.first_glyph, end = std::min<size_t>(n, size_t{c.first_glyph} + c.glyph_count);
      if (first >= end) {
        if (last_text >= 0)
          glyph_text_[last_text] += c.text;
        else
          pending += c.text;
        continue;
      }
      assign_text(run, c, first, end);
      for (size_t k = first; k < end; ++k)
        if (!glyph_text_[k].empty()) {
          if (!pending.empty()) {
            glyph_text_[k].insert(0, pending);
            pending.clear();
          }
        }
      for (size_t k = end; k-- > first;)
        if (!glyph_text_[k].empty()) {
          last_text = static_cast<long>(k);
          break;
        }
    }
    if (!pending.empty()) {
      // Text but no glyph to carry it (malformed runs): give it to the last glyph.
      glyph_text_[n - 1] += pending;
    }
    // A '-' that ends a line ("- ๒ -", "E-" before "Service") is taken for a hyphen by
    // poppler, which drops it and joins the lines, and by PDFium (U+FFFE): mapped to "- "
    // it is still exactly the text, whitespace aside, in every reader.
    if (ends_line && last_text >= 0 && glyph_text_[last_text].size() == 1 && glyph_text_[last_text][0] == '-')
      glyph_text_[last_text] += ' ';

    if (!ps.in_text) {
      b += "BT\n";
      ps.in_text = true;
    }
    // Where justification had to open a gap of 0.09 em or more without a space character
    // (a Thai line with few word breaks), pdftotext would see a word break and insert a
    // space; the run's text as ActualText, which poppler and PDFium read, keeps it whole.
    const bool actual_text = needs_actual_text(run, size);
    if (actual_text) {
      std::string text;
      for (const GlyphCluster& c : run.clusters) text += c.text;
      b += "/Span<</ActualText<FEFF";
      for (unsigned char ch : pdf_detail::utf16be(text)) {
        b.push_back(kHex[ch >> 4]);
        b.push_back(kHex[ch & 15]);
      }
      b += ">>>BDC\n";
    }
    set_fill(ps, run.color);
    const double x0 = round_to(run.x, kCoordDecimals);
    const double y0 = round_to(ps.height - run.y, kCoordDecimals);
    b += "1 0 0 1 ";
    put(b, x0);
    put(b, y0);
    b += "Tm\n";

    double pen = x0;
    bool array_open = false, hex_open = false;
    auto close_array = [&] {
      if (!array_open) return;
      if (hex_open) b.push_back('>');
      b += "]TJ\n";
      array_open = hex_open = false;
    };

    paths_.clear();
    for (size_t i = 0; i < n; ++i) {
      const PositionedGlyph& g = run.glyphs[i];
      if (glyph_text_[i].empty()) {
        paths_.push_back(i);
        continue;
      }
      GlyphCode gc = pf.text_code(g.gid, glyph_text_[i]);
      HPDF_Dict dict = pf.dict(gc.instance);
      if (dict != ps.font || size != ps.font_size) {
        close_array();
        b.push_back('/');
        b += font_name(ps, dict);
        b.push_back(' ');
        put(b, size);
        b += "Tf\n";
        ps.font = dict;
        ps.font_size = size;
      }
      const double rise = round_to(-g.y, kCoordDecimals);
      if (rise != ps.rise) {
        close_array();
        put(b, rise);
        b += "Ts\n";
        ps.rise = rise;
      }
      if (!array_open) {
        b.push_back('[');
        array_open = true;
      }
      const double dx = (x0 + g.x) - pen;
      if (std::abs(dx) > kPositionTolerance) {
        // A positive TJ number moves the pen left, in 1/1000 of the font size.
        const double adj = round_to(-dx * 1000.0 / size, kAdjustDecimals);
        if (adj != 0) {
          if (hex_open) {
            b.push_back('>');
            hex_open = false;
          }
          append_number(b, adj, kAdjustDecimals);
          pen -= adj * size / 1000.0;
        }
      }
      if (!hex_open) {
        b.push_back('<');
        hex_open = true;
      }
      const uint16_t code = gc.code;
      b.push_back(kHex[(code >> 12) & 15]);
      b.push_back(kHex[(code >> 8) & 15]);
      b.push_back(kHex[(code >> 4) & 15]);
      b.push_back(kHex[code & 15]);
      pen += gc.width * size / 1000.0;
    }
    close_array();
    if (actual_text) b += "EMC\n";

    // Glyphs without text: their outlines, outside the text object, in the run's colour,
    // in font units from the run's origin (one cm per glyph, relative to the last).
    if (!paths_.empty()) {
      end_text(ps);
      const double units = run.font->units_per_em() / size;  // font units per point
      b += "q ";
      append_number(b, 1 / units, 6);
      b += " 0 0 ";
      append_number(b, 1 / units, 6);
      b.push_back(' ');
      put(b, x0);
      put(b, y0);
      b += "cm\n";
      double at_x = 0, at_y = 0;
      for (size_t i : paths_) {
        const PositionedGlyph& g = run.glyphs[i];
        const char* name = form_name(ps, pf.glyph_form(g.gid));
        const double ux = round_to(g.x * units, 1), uy = round_to(-g.y * units, 1);
        b += "1 0 0 1 ";
        append_number(b, ux - at_x, 1);
        b.push_back(' ');
        append_number(b, uy - at_y, 1);
        b += " cm/";
        b += name;
        b += " Do\n";
        at_x = ux;
        at_y = uy;
      }
      b += "Q\n";
    }
  }

  const char* form_name(PageState& ps, HPDF_Dict form) {
    for (auto& [d, name] : ps.form_names)
      if (d == form) return name.c_str();
    const char* name = HPDF_Page_GetXObjectName(ps.page, form);
    if (!name) check_hpdf(pdf_.get(), "registering a glyph outline on a page");
    if (!name) throw Error({}, "PDF writer: cannot register a glyph outline on a page");
    ps.form_names.emplace_back(form, name);
    return ps.form_names.back().second.c_str();
  }

  // ---- document level -------------------------------------------------------
  void write_outline() {
    if (doc_.outline.empty() || pages_.empty()) return;
    HPDF_Doc pdf = pdf_.get();
    std::vector<HPDF_Outline> stack;
    for (const OutlineEntry& e : doc_.outline) {
      if (e.page < 0 || static_cast<size_t>(e.page) >= pages_.size()) continue;
      size_t level = static_cast<size_t>(std::clamp<long>(e.level, 0, static_cast<long>(stack.size())));
      stack.resize(level);
      HPDF_Outline parent = level ? stack[level - 1] : nullptr;
      HPDF_Outline o = HPDF_CreateOutline(pdf, parent, "", nullptr);
      check_hpdf(pdf, "adding a bookmark");
      HPDF_Dict_Add(o, "Title", text_string(pdf, e.title));
      HPDF_Outline_SetOpened(o, HPDF_TRUE);

      HPDF_Page page = pages_[e.page];
      double height = doc_.pages[e.page].height;
      double top = std::clamp(round_to(height - e.y, kCoordDecimals), 0.0, height);
      // [page /XYZ 0 top null]: null keeps the reader's zoom (LibHaru's
      // SetXYZ insists on a zoom factor, so the array is built here).
      HPDF_Destination dst = HPDF_Page_CreateDestination(page);
      if (dst) {
        HPDF_Array_Clear(dst);
        HPDF_Array_Add(dst, page);
        HPDF_Array_AddName(dst, "XYZ");
        HPDF_Array_AddNumber(dst, 0);
        HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(top));
        HPDF_Array_Add(dst, HPDF_Null_New(pdf->mmgr));
        HPDF_Outline_SetDestination(o, dst);
      }
      check_hpdf(pdf, "adding a bookmark");
      stack.push_back(o);
    }
    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    check_hpdf(pdf, "adding bookmarks");
  }

  // Title, Author, Subject and Keywords for every PDF: the document's own, else the
  // first line of its text as title, the program as author (memos name their agency),
  // the title as subject and keywords.
  DocumentInfo complete_info() const {
    DocumentInfo info = doc_.info;
    if (info.title.empty()) {
      for (const Page& page : doc_.pages) {
        for (const FrameItem& item : page.items)
          if (const auto* run = std::get_if<GlyphRun>(&item)) {
            for (const GlyphCluster& c : run->clusters) info.title += c.text;
            if (info.title.find_first_not_of(' ') != std::string::npos) break;
            info.title.clear();
          }
        if (!info.title.empty()) break;
      }
      size_t b = info.title.find_first_not_of(' '), e = info.title.find_last_not_of(' ');
      info.title = b == std::string::npos ? "thaidoc" : info.title.substr(b, e - b + 1);
    }
    if (info.author.empty()) info.author = info.creator.empty() ? "thaidoc" : info.creator;
    if (info.subject.empty()) info.subject = info.title;
    if (info.keywords.empty()) info.keywords = info.subject;
    return info;
  }

  void write_info() {
    DocumentInfo info = complete_info();
    for (const std::string* v : {&info.title, &info.author, &info.subject, &info.keywords, &info.language, &info.date}) {
      hash_.add(*v);
      hash_.add(std::string_view("\0", 1));
    }
    hash_.add(pdf_standard_name(options_.standard));
    pdf_detail::write_document_level(pdf_.get(), info, options_.standard, hash_.digest());
  }

  std::string save() {
    HPDF_Doc pdf = pdf_.get();
    HPDF_SaveToStream(pdf);
    check_hpdf(pdf, "saving the document");
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    std::string out(size, '\0');
    HPDF_UINT32 got = size;
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &got);
    // Reading the whole stream ends with an "end of stream" status; that is fine.
    if (HPDF_GetError(pdf) == HPDF_STREAM_EOF) HPDF_ResetError(pdf);
    check_hpdf(pdf, "reading the saved document");
    if (got != size) throw Error({}, "PDF writer: short read from LibHaru's memory stream");
    return out;
  }

  const LaidOutDocument& doc_;
  PdfOptions options_;
  std::unique_ptr<_HPDF_Doc_Rec, DocDeleter> pdf_;
  std::vector<std::unique_ptr<PdfFont>> fonts_;  // in first-use order
  std::unordered_map<const Font*, size_t> font_index_;
  std::unordered_map<std::string, HPDF_Image> images_;
  std::vector<HPDF_Page> pages_;
  pdf_detail::ContentHash hash_;  // of everything drawn and the information: the trailer /ID
  // Scratch buffers reused across runs.
  std::vector<std::string> glyph_text_;
  std::vector<size_t> paths_;
  std::string compressed_;
  std::unordered_map<long long, std::vector<double>> run_starts_;  // write_page: baseline (0.1 pt) -> run x
};

}  // namespace

std::string write_pdf_to_memory(const LaidOutDocument& doc, const PdfOptions& options) {
  DocumentWriter writer(doc, options);
  return writer.run();
}

void write_pdf(const LaidOutDocument& doc, const std::string& path, const PdfOptions& options) {
  std::string data = write_pdf_to_memory(doc, options);
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw Error({path}, std::string("cannot write PDF: ") + std::strerror(errno));
  size_t written = std::fwrite(data.data(), 1, data.size(), f);
  int err = written == data.size() ? 0 : errno;
  if (std::fclose(f) != 0 && err == 0) err = errno ? errno : EIO;
  if (written != data.size() || err != 0)
    throw Error({path}, std::string("cannot write PDF: ") + std::strerror(err ? err : EIO));
}

}  // namespace thaidoc
