// Fonts: OpenType/CFF fonts embedded as CIDFontType0 with FontFile3 /OpenType (TrueType as
// before), fonts by family name through fontconfig, and `thaidoc fonts`.
// The OpenType font is Debian's fonts-tlwg-laksaman-otf (scripts/setup.sh installs it).
#include <ft2build.h>
#include FT_FREETYPE_H
#include <gtest/gtest.h>
#include <hb.h>

#include <filesystem>
#include <regex>

#include "font/font.h"
#include "font/font_lookup.h"
#include "pdf/cff_reorder.h"
#include "pdf/pdf_font.h"
#include "test_support.h"

namespace thaidoc {
namespace {

using test::quote;
using test::read_file;
using test::run;
using test::temp_dir;
using test::write_file;

const char* kOtf = "/usr/share/fonts/opentype/tlwg/Laksaman.otf";

std::string memo_with_style(const std::string& style) {
  std::string memo = test::kMinimalMemo;
  return memo.replace(memo.find("memo:\n"), 0, style);
}

// Renders `yaml` in a fresh folder; returns the PDF path (exit code and output in `result`).
std::string render(const std::string& name, const std::string& yaml, test::CommandResult& result,
                   const std::string& flags = "") {
  std::string dir = temp_dir(name);
  write_file(dir + "/doc.yaml", yaml);
  std::string pdf = dir + "/doc.pdf";
  result = run(quote(test::thaidoc_binary()) + " render " + quote(dir + "/doc.yaml") + " -o " + quote(pdf) + " " +
               flags + " 2>&1");
  return pdf;
}

void require_otf() {
  ASSERT_TRUE(std::filesystem::exists(kOtf)) << kOtf << " missing: install fonts-tlwg-laksaman-otf (scripts/setup.sh does)";
}

TEST(OpenTypeCff, FontKnowsItsOutlineFormat) {
  require_otf();
  EXPECT_TRUE(Font::load(kOtf)->cff());
  EXPECT_FALSE(Font::load(test::source_dir() + "/fonts/Laksaman.ttf")->cff());
}

// A memo set in the .otf: valid PDF, the font a CIDFontType0 with a bare CFF in code order,
// exact text back from poppler, no complaint from poppler about the font.
TEST(OpenTypeCff, MemoInAnOtfFontIsEmbeddedAsCidFontType0WithFontFile3) {
  require_otf();
  test::CommandResult r;
  std::string style = std::string("style:\n  fonts: {regular: ") + kOtf + ", bold: " + kOtf + "}\n";
  std::string pdf = render("otf_memo", memo_with_style(style), r, "--allow-outside");
  ASSERT_EQ(r.exit_code, 0) << r.out;

  auto check = run("qpdf --check " + quote(pdf) + " 2>&1");
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors found"), std::string::npos) << check.out;

  auto fonts = run("pdffonts " + quote(pdf) + " 2>&1");
  ASSERT_EQ(fonts.exit_code, 0) << fonts.out;
  // name  type  encoding  emb sub uni: Laksaman as CID Type 0C, embedded, subset, ToUnicode.
  EXPECT_TRUE(std::regex_search(fonts.out, std::regex(R"([A-Z]{6}\+Laksaman +CID Type 0C +Identity-H +yes yes yes)")))
      << fonts.out;
  EXPECT_EQ(fonts.out.find("CID TrueType"), std::string::npos) << fonts.out;  // (DejaVu is not used)
  EXPECT_EQ(fonts.out.find("Mismatch"), std::string::npos) << fonts.out;

  auto text = run("pdftotext -layout " + quote(pdf) + " - 2>&1");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  for (const char* s : {"บันทึกข้อความ", "สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน", "ชย ๘๐๘๐๑/๓๓๕", "รายงานผล", "ข้อความ",
                        "(นางสาวเสาวนิตย์ ประยูรพันธ์)"}) {
    EXPECT_NE(text.out.find(s), std::string::npos) << s << "\n" << text.out;
  }
  EXPECT_EQ(text.out.find("Syntax"), std::string::npos) << text.out;

  // The structure itself, uncompressed.
  std::string qdf = pdf + ".qdf";
  ASSERT_EQ(run("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(qdf)).exit_code, 0);
  std::string raw = read_file(qdf);
  EXPECT_NE(raw.find("/Subtype /CIDFontType0"), std::string::npos);
  EXPECT_NE(raw.find("/FontFile3"), std::string::npos);
  EXPECT_NE(raw.find("/Subtype /CIDFontType0C"), std::string::npos);
  EXPECT_EQ(raw.find("/FontFile2"), std::string::npos);
  EXPECT_EQ(raw.find("/CIDToGIDMap"), std::string::npos);  // CIDFontType2 only
  EXPECT_EQ(raw.find("/Type /CMap"), std::string::npos);   // Identity-H: code = CID = glyph
  EXPECT_EQ(raw.find("OTTO"), std::string::npos);          // a bare CFF, no OpenType wrapper
}

// PDF/A-2u with an OpenType/CFF font: the structural check (tests/pdfa_check.py: fonts, every
// drawn code mapped to Unicode, CMap and CIDFont agreeing) and qpdf pass.
TEST(OpenTypeCff, AnOtfMemoPassesThePdfA2uChecks) {
  require_otf();
  test::CommandResult r;
  std::string pdf = render("otf_pdfa", memo_with_style("style:\n  fonts: {family: Laksaman}\n"), r, "--pdf-standard a-2u");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto c = run("/usr/bin/python3 " + quote(test::source_dir() + "/tests/pdfa_check.py") + " --standard a-2u " + quote(pdf) +
               " 2>&1");
  EXPECT_EQ(c.exit_code, 0) << c.out;
  auto q = run("qpdf --check " + quote(pdf) + " 2>&1");
  EXPECT_EQ(q.exit_code, 0) << q.out;
  EXPECT_EQ(q.out.find("WARNING"), std::string::npos) << q.out;
}

// The reordered CFF: glyph i is the asked-for glyph, outline for outline (FreeType reads the
// bare CFF), a glyph asked for twice is there twice, and glyph 0 is the .notdef.
TEST(OpenTypeCff, ReorderedCffHasTheGlyphsInCodeOrder) {
  require_otf();
  FontPtr font = Font::load(kOtf);
  hb_blob_t* table = hb_face_reference_table(font->hb_face(), HB_TAG('C', 'F', 'F', ' '));
  unsigned int len = 0;
  const char* data = hb_blob_get_data(table, &len);
  std::string cff(data, len);
  hb_blob_destroy(table);
  uint32_t ko_kai = font->glyph_for(U'\u0E01'), tho = font->glyph_for(U'\u0E17'), mai_ek = font->glyph_for(U'\u0E48');
  ASSERT_NE(ko_kai, 0u);
  std::vector<uint32_t> order = {tho, ko_kai, tho, mai_ek};
  std::string out = pdf_detail::reorder_cff_glyphs(cff, order);
  ASSERT_FALSE(out.empty());
  EXPECT_LT(out.size(), cff.size() / 4);  // only these glyphs' charstrings
  EXPECT_TRUE(pdf_detail::reorder_cff_glyphs("not a font", order).empty());

  FT_Library lib = nullptr;
  ASSERT_EQ(FT_Init_FreeType(&lib), 0);
  FT_Face original = nullptr, reordered = nullptr;
  ASSERT_EQ(FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(cff.data()), static_cast<FT_Long>(cff.size()), 0, &original), 0);
  ASSERT_EQ(FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(out.data()), static_cast<FT_Long>(out.size()), 0, &reordered), 0);
  EXPECT_EQ(reordered->num_glyphs, 5);
  auto outline = [](FT_Face face, uint32_t gid) {
    std::vector<long> points;
    if (FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) return points;
    for (int i = 0; i < face->glyph->outline.n_points; ++i) {
      points.push_back(face->glyph->outline.points[i].x);
      points.push_back(face->glyph->outline.points[i].y);
    }
    return points;
  };
  for (size_t i = 0; i < order.size(); ++i) {
    std::vector<long> want = outline(original, order[i]);
    EXPECT_FALSE(want.empty());
    EXPECT_EQ(outline(reordered, static_cast<uint32_t>(i + 1)), want) << "glyph " << i + 1;
  }
  EXPECT_EQ(outline(reordered, 0), outline(original, 0));
  FT_Done_Face(original);
  FT_Done_Face(reordered);
  FT_Done_FreeType(lib);
}

// TrueType stays as before: CIDFontType2, FontFile2, CIDToGIDMap, Identity-H.
TEST(OpenTypeCff, TrueTypeStaysCidFontType2WithFontFile2) {
  test::CommandResult r;
  std::string pdf = render("ttf_memo", test::kMinimalMemo, r);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto fonts = run("pdffonts " + quote(pdf) + " 2>&1");
  EXPECT_TRUE(std::regex_search(fonts.out, std::regex(R"([A-Z]{6}\+Laksaman +CID TrueType +Identity-H +yes yes yes)")))
      << fonts.out;
  EXPECT_EQ(fonts.out.find("Type 0C"), std::string::npos) << fonts.out;
}

TEST(FontFamilies, AFamilyNameIsFoundThroughFontconfig) {
  require_otf();
  EXPECT_EQ(find_font_family("Laksaman", false, false), kOtf);
  EXPECT_EQ(find_font_family("laksaman", true, false), "/usr/share/fonts/opentype/tlwg/Laksaman-Bold.otf");
  EXPECT_EQ(find_font_family("Laksaman", false, true), "/usr/share/fonts/opentype/tlwg/Laksaman-Italic.otf");
  EXPECT_EQ(find_font_family("Laksaman", true, true), "/usr/share/fonts/opentype/tlwg/Laksaman-BoldItalic.otf");
  // Never a substitute: fontconfig would otherwise answer DejaVu Sans.
  EXPECT_EQ(find_font_family("No Such Font Family", false, false), "");
  EXPECT_TRUE(looks_like_family_name("TH Sarabun New"));
  EXPECT_TRUE(looks_like_family_name("Laksaman"));
  EXPECT_FALSE(looks_like_family_name("Laksaman.ttf"));
  EXPECT_FALSE(looks_like_family_name("THSarabunNew.OTF"));
  EXPECT_FALSE(looks_like_family_name("fonts/x"));
}

TEST(FontFamilies, FamilyKeyRendersWithTheInstalledFaces) {
  require_otf();
  test::CommandResult r;
  // No --allow-outside: an installed family is not a path the document chose.
  std::string pdf = render("family_memo", memo_with_style("style:\n  fonts: {family: Laksaman}\n"), r);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto fonts = run("pdffonts " + quote(pdf) + " 2>&1");
  // Regular and bold (the memo's labels) both from the .otf files.
  EXPECT_TRUE(std::regex_search(fonts.out, std::regex(R"(\+Laksaman +CID Type 0C +Identity-H)"))) << fonts.out;
  EXPECT_TRUE(std::regex_search(fonts.out, std::regex(R"(\+Laksaman-Bold +CID Type 0C +Identity-H)"))) << fonts.out;
  EXPECT_EQ(fonts.out.find("CID TrueType"), std::string::npos) << fonts.out;
}

TEST(FontFamilies, AFamilyNameInAStyleSlot) {
  require_otf();
  test::CommandResult r;
  std::string pdf = render("slot_memo", memo_with_style("style:\n  fonts: {regular: Laksaman}\n"), r);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto fonts = run("pdffonts " + quote(pdf) + " 2>&1");
  EXPECT_TRUE(std::regex_search(fonts.out, std::regex(R"(\+Laksaman +CID Type 0C +Identity-H)"))) << fonts.out;
  // Bold stays the shipped TrueType file.
  EXPECT_TRUE(std::regex_search(fonts.out, std::regex(R"(\+Laksaman-Bold +CID TrueType)"))) << fonts.out;
}

TEST(FontFamilies, AnUnknownFamilyIsAnErrorAtItsKey) {
  test::CommandResult r;
  std::string pdf = render("unknown_family", memo_with_style("style:\n  fonts: {family: No Such Font}\n"), r);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("doc.yaml:3:19: error: style.fonts.family: no installed font family 'No Such Font' (`thaidoc fonts` lists "
                       "the installed fonts)"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(std::filesystem::exists(pdf));
  std::string pdf2 = render("unknown_family_slot", memo_with_style("style:\n  fonts: {bold: Sarabun Nowhere}\n"), r);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("style.fonts.bold: no installed font family 'Sarabun Nowhere'"), std::string::npos) << r.out;
}

TEST(FontsCommand, ListsShippedFilesAndInstalledFamiliesWithThaiCoverage) {
  auto r = run(quote(test::thaidoc_binary()) + " fonts 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  // Shipped: by file name, with family, format and Thai coverage.
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\n  Laksaman\.ttf +Laksaman Regular +TrueType +Thai +/)"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\n  DejaVuSans\.ttf +DejaVu Sans Book +TrueType +- +/)"))) << r.out;
  if (std::filesystem::exists(kOtf)) {
    EXPECT_TRUE(std::regex_search(
        r.out, std::regex(R"(\n  Laksaman +Regular +OpenType/CFF +Thai +/usr/share/fonts/opentype/tlwg/Laksaman\.otf\n)")))
        << r.out;
  }
  auto thai = run(quote(test::thaidoc_binary()) + " fonts --thai 2>&1");
  ASSERT_EQ(thai.exit_code, 0) << thai.out;
  EXPECT_NE(thai.out.find("Laksaman.ttf"), std::string::npos) << thai.out;
  EXPECT_EQ(thai.out.find("DejaVuSans.ttf"), std::string::npos) << thai.out;
  EXPECT_EQ(thai.out.find(" - "), std::string::npos) << thai.out;
}

}  // namespace
}  // namespace thaidoc
