// One font file: FreeType for the face's metrics, HarfBuzz for glyphs and shaping.
// A Font is immutable after loading and safe to use from several threads.
#pragma once
#include <hb.h>

#include <cstdint>
#include <memory>
#include <string>

namespace thaidoc {

class Font {
 public:
  // Loads the file; throws Error naming the file if it is missing or not a usable font.
  static std::shared_ptr<const Font> load(const std::string& path);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const std::string& path() const { return path_; }
  const std::string& postscript_name() const { return postscript_name_; }
  bool bold() const { return bold_; }
  bool italic() const { return italic_; }
  // Outlines in a 'CFF ' table (an OpenType/CFF font, usually .otf) rather than 'glyf'
  // (TrueType): the PDF embeds it as a CIDFontType0 with FontFile3 /OpenType.
  bool cff() const { return cff_; }

  // HarfBuzz objects. The hb_font has its scale set to units_per_em, so shaping
  // results are in font units and independent of the point size.
  hb_face_t* hb_face() const { return face_; }
  hb_font_t* hb_font() const { return font_; }
  hb_blob_t* blob() const { return blob_; }

  // Metrics in font units (descender is negative, as in the font).
  int units_per_em() const { return upem_; }
  int ascender() const { return ascender_; }
  int descender() const { return descender_; }
  int line_gap() const { return line_gap_; }
  int cap_height() const { return cap_height_; }
  int bbox_x_min() const { return bbox_[0]; }
  int bbox_y_min() const { return bbox_[1]; }
  int bbox_x_max() const { return bbox_[2]; }
  int bbox_y_max() const { return bbox_[3]; }
  double italic_angle() const { return italic_angle_; }
  int underline_position() const { return underline_position_; }
  int underline_thickness() const { return underline_thickness_; }

  bool has_char(char32_t cp) const;
  uint32_t glyph_for(char32_t cp) const;  // 0 if missing
  int glyph_advance(uint32_t gid) const;  // font units

  // Converts font units to points at the given size.
  double to_points(double units, double size) const { return units * size / upem_; }

 private:
  Font() = default;
  std::string path_;
  std::string postscript_name_;
  bool bold_ = false;
  bool italic_ = false;
  bool cff_ = false;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  int upem_ = 1000;
  int ascender_ = 0;
  int descender_ = 0;
  int line_gap_ = 0;
  int cap_height_ = 0;
  int bbox_[4] = {0, 0, 0, 0};
  double italic_angle_ = 0;
  int underline_position_ = 0;
  int underline_thickness_ = 0;
};

using FontPtr = std::shared_ptr<const Font>;

}  // namespace thaidoc
