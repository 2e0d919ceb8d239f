#include "font/font.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <algorithm>
#include <mutex>

#include <filesystem>

#include "base/error.h"
#include "base/input_log.h"
#include "base/input_file.h"

namespace thaidoc {

namespace {
// FreeType is used only while loading; one library guarded by a mutex is enough.
std::mutex ft_mutex;
FT_Library ft_library() {
  static FT_Library lib = [] {
    FT_Library l = nullptr;
    if (FT_Init_FreeType(&l) != 0) throw Error({}, "cannot initialise FreeType");
    return l;
  }();
  return lib;
}

std::string freetype_error(FT_Error err) {
  // FreeType's documented way to get its messages (FT_Error_String needs a build option).
  struct Message {
    int code;
    const char* text;
  };
#undef FTERRORS_H_
#define FT_ERRORDEF(e, v, s) {e, s},
#define FT_ERROR_START_LIST {
#define FT_ERROR_END_LIST {0, nullptr}};
  static const Message kMessages[] =
#include FT_ERRORS_H
  std::string out = "FreeType error " + std::to_string(err);
  for (const Message* m = kMessages; m->text; ++m) {
    if (m->code == err) return out + ": " + m->text;
  }
  return out;
}

// The sfnt table directory must lie within the file: FreeType opens a truncated font
// lazily and HarfBuzz quietly treats missing tables as empty, so a cut-off file would
// otherwise go unnoticed until its glyphs are missing or the subsetter fails.
void check_tables(hb_blob_t* blob, const std::string& path) {
  unsigned size = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob, &size));
  auto be = [&](size_t at, int bytes) {
    unsigned long v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | data[at + i];
    return v;
  };
  if (size < 12 || std::equal(data, data + 4, "ttcf")) return;  // collections: left to FreeType
  unsigned long tables = be(4, 2);
  if (12 + 16 * tables > size) throw Error({path}, "font file is truncated or damaged (table directory)", 2);
  for (unsigned long i = 0; i < tables; ++i) {
    size_t record = 12 + 16 * i;
    if (be(record + 8, 4) + be(record + 12, 4) > size) {
      // The tag as written, any byte that is not printable ASCII as \xNN.
      std::string tag;
      for (size_t k = 0; k < 4; ++k) {
        unsigned char c = data[record + k];
        if (c >= 0x20 && c <= 0x7E) {
          tag += static_cast<char>(c);
        } else {
          static const char* hex = "0123456789ABCDEF";
          tag += "\\x";
          tag += hex[c >> 4];
          tag += hex[c & 15];
        }
      }
      throw Error({path}, "font file is truncated or damaged (its '" + tag + "' table runs past the end)", 2);
    }
  }
}
}  // namespace

std::shared_ptr<const Font> Font::load(const std::string& path) {
  note_input_file(path);
  std::shared_ptr<Font> font(new Font());
  font->path_ = path;
  std::error_code exists_ec;
  if (std::filesystem::exists(path, exists_ec)) check_input_file(path);  // a FIFO would block FreeType
  {
    std::lock_guard<std::mutex> lock(ft_mutex);
    FT_Face face = nullptr;
    FT_Error err = FT_New_Face(ft_library(), path.c_str(), 0, &face);
    if (err == FT_Err_Cannot_Open_Resource) throw Error({path}, "font file not found or unreadable");
    if (err != 0) throw Error({path}, "not a usable font file (" + freetype_error(err) + ")", 2);
    if (!FT_IS_SFNT(face) || !FT_IS_SCALABLE(face)) {
      FT_Done_Face(face);
      throw Error({path}, "not a TrueType/OpenType font", 2);
    }
    font->upem_ = face->units_per_EM;
    auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST));
    font->ascender_ = face->ascender;
    font->descender_ = face->descender;
    font->line_gap_ = face->height - (face->ascender - face->descender);
    if (font->line_gap_ < 0) font->line_gap_ = 0;
    font->cap_height_ = (os2 && os2->version >= 2 && os2->sCapHeight > 0) ? os2->sCapHeight : face->ascender;
    font->bbox_[0] = face->bbox.xMin;
    font->bbox_[1] = face->bbox.yMin;
    font->bbox_[2] = face->bbox.xMax;
    font->bbox_[3] = face->bbox.yMax;
    font->italic_angle_ = post ? post->italicAngle / 65536.0 : 0.0;
    font->underline_position_ = face->underline_position;
    font->underline_thickness_ = face->underline_thickness;
    font->bold_ = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    font->italic_ = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    const char* ps = FT_Get_Postscript_Name(face);
    font->postscript_name_ = ps ? ps : "Font";
    FT_Done_Face(face);
  }

  font->blob_ = hb_blob_create_from_file_or_fail(path.c_str());
  if (!font->blob_) throw Error({path}, "font file not found or unreadable");
  check_tables(font->blob_, path);
  font->face_ = hb_face_create(font->blob_, 0);
  hb_face_make_immutable(font->face_);
  auto has_table = [&](const char* tag) {
    hb_blob_t* t = hb_face_reference_table(font->face_, hb_tag_from_string(tag, 4));
    bool present = hb_blob_get_length(t) > 0;
    hb_blob_destroy(t);
    return present;
  };
  font->cff_ = has_table("CFF ");
  if (!font->cff_ && !has_table("glyf")) {
    // CFF2 (variable OpenType) has no PDF font type; bitmap-only fonts cannot be drawn.
    throw Error({path}, has_table("CFF2") ? "a CFF2 (variable OpenType) font cannot be embedded in a PDF: use a "
                                            "static instance (.otf with a 'CFF ' table, or a .ttf)"
                                          : "the font has no outlines ('glyf' or 'CFF ' table)",
                2);
  }
  font->font_ = hb_font_create(font->face_);
  hb_font_set_scale(font->font_, font->upem_, font->upem_);
  hb_font_make_immutable(font->font_);
  if (font->postscript_name_.empty()) font->postscript_name_ = "Font";
  return font;
}

Font::~Font() {
  if (font_) hb_font_destroy(font_);
  if (face_) hb_face_destroy(face_);
  if (blob_) hb_blob_destroy(blob_);
}

bool Font::has_char(char32_t cp) const { return glyph_for(cp) != 0; }

uint32_t Font::glyph_for(char32_t cp) const {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &gid)) return 0;
  return gid;
}

int Font::glyph_advance(uint32_t gid) const { return hb_font_get_glyph_h_advance(font_, gid); }

}  // namespace thaidoc
