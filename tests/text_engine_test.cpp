// Unit tests of the text engine: segmentation, line breaking, justification, cache.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <thread>

#include "base/digits.h"
#include "base/utf8.h"
#include "font/font_manager.h"
#include "text/line_breaker.h"
#include "text/paragraph.h"
#include "text/segment.h"
#include "test_support.h"

using namespace thaidoc;

namespace {

using test::body;
using test::fonts;
using test::glyph_text;

const char* kThaiParagraph =
    "คณะทำงานเพื่อสนับสนุนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์การบริหารส่วนตำบลตาเนิน"
    "จึงได้จัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบลตาเนิน"
    "ประจำปีงบประมาณพ.ศ.๒๕๖๘เพื่อให้ผู้บริหารได้พิจารณาและนำไปปรับปรุงการปฏิบัติงานให้มีประสิทธิภาพยิ่งขึ้น"
    "โดยผู้ใหญ่บ้านและกำนันได้ร่วมกันปั้นโครงการน้ำสะอาดเพื่อชุมชนที่ฝั่งตะวันออกของหมู่บ้าน";

}  // namespace

TEST(Utf8, RejectsInvalidSequences) {
  EXPECT_FALSE(utf8::find_invalid("น้ำ abc").has_value());
  EXPECT_EQ(utf8::find_invalid(std::string("ab\xC0\x80", 4)), 2u);  // overlong
  EXPECT_EQ(utf8::find_invalid(std::string("\xED\xA0\x80")), 0u);    // surrogate
  EXPECT_EQ(utf8::find_invalid(std::string("ก\xE0\xB8")), 3u);       // truncated
  int line, col;
  utf8::line_column("ab\nกข\xFF", 9, line, col);
  EXPECT_EQ(line, 2);
  EXPECT_EQ(col, 3);
}

TEST(Digits, ConvertsBothWays) {
  EXPECT_EQ(convert_digits("95.82% ปี 2568", DigitStyle::Thai), "๙๕.๘๒% ปี ๒๕๖๘");
  EXPECT_EQ(convert_digits("๙๕.๘๒ ปี ๒๕๖๘", DigitStyle::Arabic), "95.82 ปี 2568");
  EXPECT_EQ(convert_digits("๙5", DigitStyle::Keep), "๙5");
  EXPECT_THROW(parse_digit_style("roman"), std::invalid_argument);
}

TEST(Segment, ThaiBreaksComeFromLibthai) {
  std::u32string s = utf8::decode("ผู้ใหญ่บ้านปั้นโอ่งน้ำที่ฝั่งคลอง");
  auto ours = find_line_breaks(s);
  auto theirs = test::libthai_breaks(s);
  ASSERT_FALSE(theirs.empty());
  for (size_t i = 1; i < s.size(); ++i) EXPECT_EQ(ours[i], theirs.count(i) > 0) << "at " << i;
}

TEST(Segment, NeverBreaksBeforeMarksRepeatOrClosingPunctuation) {
  std::u32string s = utf8::decode("ต่างๆ ต่าง ๆ ฯลฯ (ITA) 95.82% E-Service Dos & Don'ts");
  auto b = find_line_breaks(s);
  for (size_t i = 1; i < s.size(); ++i) {
    CharClass k = classify(s[i]);
    bool after_space = classify(s[i - 1]) == CharClass::Space;
    if (k == CharClass::ThaiMark || k == CharClass::Close || k == CharClass::Space || s[i] == U'ๆ' ||
        (k == CharClass::ThaiRepeat && !after_space))
      EXPECT_FALSE(b[i]) << "break before index " << i;
  }
  // "E-Service": a break is allowed after the hyphen, not before it.
  size_t e = s.find(U"E-Service");
  EXPECT_FALSE(b[e + 1]);
  EXPECT_TRUE(b[e + 2]);
  // "ฯลฯ" stays whole, also right after a Thai word.
  std::u32string etc = utf8::decode("ผลไม้ต่างๆ เช่น มะม่วง มะละกอฯลฯ และอื่นๆ");
  auto eb = find_line_breaks(etc);
  size_t fl = etc.find(U"ฯลฯ");
  EXPECT_FALSE(eb[fl + 1]);
  EXPECT_FALSE(eb[fl + 2]);
  // "พ.ศ." stays whole.
  std::u32string abbr = utf8::decode("ประจำปีงบประมาณ พ.ศ.๒๕๖๘");
  auto ab = find_line_breaks(abbr);
  size_t ps = abbr.find(U"พ.ศ.");
  for (size_t i = ps + 1; i <= ps + 4; ++i) EXPECT_FALSE(ab[i]) << i;
  // "95.82%": no break inside the number.
  size_t n = s.find(U"95.82%");
  for (size_t i = n + 1; i < n + 6; ++i) EXPECT_FALSE(b[i]);
}

// A document number with spaces stays whole: "ที่ สน ๐๐๓๓.๓๐๑/ว ๑๑๘" ("ที่", office code, number,
// a circular's ว); the line may still break before it, and after its slash.
TEST(Segment, ADocumentNumberStaysWhole) {
  std::u32string s = utf8::decode("ลงวันที่ ๒๐ ที่ สน ๐๐๓๓.๓๐๑/ว ๑๑๘ และ นฐ ๗๙๖๐๑/๔๑๒ ได้ผล ๘๕ คะแนน");
  auto b = find_line_breaks(s);
  EXPECT_FALSE(b[s.find(U"๐๐๓๓")]);
  EXPECT_FALSE(b[s.find(U"๑๑๘")]);
  EXPECT_FALSE(b[s.find(U"๗๙๖๐๑")]);
  EXPECT_FALSE(b[s.find(U"สน")]);  // "ที่" stays with it
  EXPECT_TRUE(b[s.find(U"ที่ สน")]);
  EXPECT_TRUE(b[s.find(U"ว ๑๑๘")]);  // after the slash
  EXPECT_TRUE(b[s.find(U"นฐ")]);
  // Not a code: a word of more than two letters, or a vowel (ที่ ๒๐, ผล inside ได้ผล).
  EXPECT_TRUE(b[s.find(U"๒๐")]);
  EXPECT_TRUE(b[s.find(U"๘๕")]);
}

TEST(Segment, GraphemesKeepMarksWithTheirBase) {
  std::u32string s = utf8::decode("น้ำศักดิ์");
  EXPECT_TRUE(starts_grapheme(s, 0));
  EXPECT_FALSE(starts_grapheme(s, 1));  // ้
  EXPECT_FALSE(starts_grapheme(s, 2));  // ำ
  EXPECT_TRUE(starts_grapheme(s, 3));   // ศ
}

TEST(LineBreaker, OptimalFitBeatsGreedyOnBadness) {
  // Classic case: greedy fills the first line, leaving a very loose second line.
  std::vector<BreakItem> items;
  auto word = [&](double w) { items.push_back({BreakItem::Box, w}); };
  auto glue = [&] { items.push_back({BreakItem::Glue, 1, 1, 0.3}); };
  for (double w : {4.0, 4.0, 2.0, 6.0, 3.0}) {
    if (!items.empty()) glue();
    word(w);
  }
  items.push_back({BreakItem::Penalty, 0, 0, 0, BreakItem::kForceBreak});
  items.push_back({BreakItem::Glue, 0, 1e9, 0});
  items.push_back({BreakItem::Penalty, 0, 0, 0, -BreakItem::kForceBreak});
  auto width = [](size_t) { return 12.0; };
  auto optimal = break_lines(items, width);
  BreakOptions greedy_opts;
  greedy_opts.optimal = false;
  auto greedy = break_lines(items, width, greedy_opts);
  ASSERT_EQ(optimal.back(), items.size() - 1);
  ASSERT_EQ(greedy.back(), items.size() - 1);
  EXPECT_EQ(greedy.size(), 2u);
  EXPECT_EQ(optimal.size(), 2u);
  // Greedy puts 4+4+2 (+2 glue = 12) on line one; optimal may choose differently but never overflows.
  for (size_t k = 0; k + 1 < optimal.size(); ++k) EXPECT_EQ(items[optimal[k]].kind, BreakItem::Glue);
}

TEST(Paragraph, LinesEndOnlyAtLibthaiWordBoundaries) {
  ShapeCache cache;
  TextEngine engine(cache);
  ParagraphStyle ps;
  ps.first_line_indent = 70;
  for (double width : {200.0, 300.0, 453.5}) {
    ParagraphLayout l = engine.layout({StyledSpan{kThaiParagraph, body()}}, ps, width);
    ASSERT_GT(l.lines.size(), 2u);
    std::vector<size_t> offsets;
    std::u32string chars = utf8::decode(l.text, &offsets);
    auto allowed = test::libthai_breaks(chars);
    std::string joined;
    for (size_t i = 0; i < l.lines.size(); ++i) {
      joined += glyph_text(l.lines[i]);
      if (i + 1 == l.lines.size()) break;
      size_t end = l.lines[i].text_end;
      size_t cp = std::lower_bound(offsets.begin(), offsets.end(), end) - offsets.begin();
      // Either libthai reports a word break here, or it is a script/number boundary.
      bool thai_both = is_thai(chars[cp - 1]) && is_thai(chars[cp]) && classify(chars[cp]) != CharClass::Digit &&
                       classify(chars[cp - 1]) != CharClass::Digit;
      if (thai_both) EXPECT_TRUE(allowed.count(cp)) << "line " << i << " ends inside a word at " << cp;
    }
    EXPECT_EQ(joined, l.text) << "every character is drawn exactly once";
  }
}

TEST(Paragraph, JustifiedLinesShareTheRightEdge) {
  ShapeCache cache;
  TextEngine engine(cache);
  ParagraphStyle ps;
  ps.first_line_indent = 70;
  const double width = 453.5;
  ParagraphLayout l = engine.layout({StyledSpan{kThaiParagraph, body()}}, ps, width);
  ASSERT_GT(l.lines.size(), 2u);
  for (size_t i = 0; i + 1 < l.lines.size(); ++i) {
    double right = 0;
    for (const auto& item : l.lines[i].items)
      if (auto* run = std::get_if<GlyphRun>(&item)) right = std::max(right, run->x + run->width);
    EXPECT_NEAR(right, width, 0.5) << "line " << i;
  }
  // The last line keeps its natural width.
  double right = 0;
  for (const auto& item : l.lines.back().items)
    if (auto* run = std::get_if<GlyphRun>(&item)) right = std::max(right, run->x + run->width);
  EXPECT_NEAR(right, l.lines.back().natural_width, 0.5);
}

// The largest extra gap between two clusters of a line that is not after a space, in points.
double widest_silent_gap(const TextLine& line) {
  double widest = 0;
  for (const auto& item : line.items) {
    auto* run = std::get_if<GlyphRun>(&item);
    if (!run) continue;
    for (size_t c = 1; c < run->clusters.size(); ++c) {
      if (run->clusters[c - 1].text == " " || run->clusters[c].text == " ") continue;
      const auto& prev = run->glyphs[run->clusters[c - 1].first_glyph];
      const auto& cur = run->glyphs[run->clusters[c].first_glyph];
      double natural = 0;
      for (uint32_t g = 0; g < run->clusters[c - 1].glyph_count; ++g)
        natural += run->font->glyph_advance(run->glyphs[run->clusters[c - 1].first_glyph + g].gid) * run->size /
                   run->font->units_per_em();
      widest = std::max(widest, (cur.x - prev.x) - natural);
    }
  }
  return widest;
}

// A justified line that is mostly English with a few Thai letters (ภาครัฐ (Integrity and
// Transparency Assessment : ITA) ของ, before a name that does not fit): what the capped gaps
// cannot take goes to its spaces, not between the Thai letters (no ภ า ค รัฐ).
TEST(Paragraph, ALineOfEnglishWordsWidensItsSpacesNotTheThaiLetters) {
  ShapeCache cache;
  TextEngine engine(cache);
  const std::string name = "องค์การบริหารส่วนตำบลคลองใหม่";
  BreakSettings settings = test::with_names({name});
  engine.set_breaking(settings);
  const std::string head = "ภาครัฐ (Integrity and Transparency Assessment : ITA) ของ";
  ParagraphStyle ps;
  ps.align = Align::Justify;
  ps.first_line_indent = 0;
  double natural = engine.measure({StyledSpan{head, body()}});
  double width = natural * 1.12;  // 12 %: within the 15 % limit, so the line is justified
  ParagraphLayout l = engine.layout({StyledSpan{head + name + " ประจำปีงบประมาณ", body()}}, ps, width);
  ASSERT_GE(l.lines.size(), 2u);
  ASSERT_EQ(l.text.substr(l.lines[0].text_begin, l.lines[0].text_end - l.lines[0].text_begin), head);
  double right = 0;
  for (const auto& item : l.lines[0].items)
    if (auto* run = std::get_if<GlyphRun>(&item)) right = std::max(right, run->x + run->width);
  EXPECT_NEAR(right, width, 0.5) << "justified";
  EXPECT_LT(widest_silent_gap(l.lines[0]), 0.1 * 16);
}

TEST(Paragraph, GapsWithoutSpaceStaySmallEnoughForTextExtraction) {
  ShapeCache cache;
  TextEngine engine(cache);
  ParagraphStyle ps;
  ParagraphLayout l = engine.layout({StyledSpan{kThaiParagraph, body()}}, ps, 300);
  for (const auto& line : l.lines) {
    for (const auto& item : line.items) {
      auto* run = std::get_if<GlyphRun>(&item);
      if (!run) continue;
      // Pen distance between consecutive clusters minus the natural advance = extra gap.
      for (size_t c = 1; c < run->clusters.size(); ++c) {
        const auto& prev = run->glyphs[run->clusters[c - 1].first_glyph];
        const auto& cur = run->glyphs[run->clusters[c].first_glyph];
        if (run->clusters[c - 1].text == " ") continue;
        double natural = 0;
        for (uint32_t g = 0; g < run->clusters[c - 1].glyph_count; ++g)
          natural += run->font->glyph_advance(run->glyphs[run->clusters[c - 1].first_glyph + g].gid) * 16.0 /
                     run->font->units_per_em();
        double gap = (cur.x - prev.x) - natural;
        EXPECT_LT(gap, 0.1 * 16) << "gap after '" << run->clusters[c - 1].text << "'";
      }
    }
  }
}

TEST(Paragraph, RepetitionMarkNeverStartsALine) {
  ShapeCache cache;
  TextEngine engine(cache);
  std::string text;
  for (int i = 0; i < 12; ++i) text += "เรื่องต่าง ๆ ";
  for (double width : {80.0, 95.0, 110.0, 130.0, 150.0}) {
    ParagraphLayout l = engine.layout({StyledSpan{text, body()}}, ParagraphStyle{}, width);
    for (const auto& line : l.lines) EXPECT_NE(glyph_text(line).rfind("ๆ", 0), 0u) << "width " << width;
  }
}

TEST(Paragraph, TheEraStaysWithItsYear) {
  ShapeCache cache;
  TextEngine engine(cache);
  std::string text;
  for (int i = 0; i < 8; ++i) text += "เพื่อใช้ในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ";
  for (double width = 120; width <= 420; width += 7) {
    ParagraphLayout l = engine.layout({StyledSpan{text, body()}}, ParagraphStyle{}, width);
    for (const auto& line : l.lines) {
      std::string t = glyph_text(line);
      while (!t.empty() && t.back() == ' ') t.pop_back();
      EXPECT_FALSE(t.size() >= 4 && t.compare(t.size() - 4, 4, "พ.ศ.") == 0) << "width " << width << ": " << t;
    }
  }
}

TEST(Paragraph, OverWideWordBreaksBetweenGraphemes) {
  ShapeCache cache;
  TextEngine engine(cache);
  ParagraphStyle ps;
  ps.align = Align::Left;
  std::string word = "ศักดิ์สิทธิ์ศักดิ์สิทธิ์ศักดิ์สิทธิ์ศักดิ์สิทธิ์";
  ParagraphLayout l = engine.layout({StyledSpan{word, body()}}, ps, 60);
  ASSERT_GT(l.lines.size(), 1u);
  std::string joined;
  for (const auto& line : l.lines) {
    std::string t = glyph_text(line);
    std::u32string u = utf8::decode(t);
    ASSERT_FALSE(u.empty());
    EXPECT_NE(classify(u[0]), CharClass::ThaiMark) << "a line starts with a mark: " << t;
    EXPECT_LE(line.natural_width, 60.5);
    joined += t;
  }
  EXPECT_EQ(joined, word);
}

TEST(Paragraph, FallbackFontDrawsSymbolsLaksamanLacks) {
  ShapeCache cache;
  TextEngine engine(cache);
  ParagraphLayout l = engine.layout({StyledSpan{"ดำเนินการแล้ว ✓ ☐ ☑", body()}}, ParagraphStyle{}, 400);
  std::set<std::string> fonts_used;
  for (const auto& item : l.lines[0].items)
    if (auto* run = std::get_if<GlyphRun>(&item)) {
      fonts_used.insert(run->font->path());
      for (const auto& g : run->glyphs) EXPECT_NE(g.gid, 0u) << "missing glyph in " << run->font->path();
    }
  EXPECT_EQ(fonts_used.size(), 2u);
}

TEST(ShapeCache, SharedAcrossThreadsAndSizes) {
  ShapeCache cache;
  FontPtr f = fonts().get("Laksaman.ttf");
  auto a = cache.shape(f, HB_SCRIPT_THAI, "น้ำ");
  auto b = cache.shape(f, HB_SCRIPT_THAI, "น้ำ");
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(cache.misses(), 1u);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {  // t by value: the loop variable dies before the threads finish
      TextEngine engine(cache);
      for (int i = 0; i < 20; ++i) engine.layout({StyledSpan{kThaiParagraph, body(14 + t)}}, ParagraphStyle{}, 300);
    });
  for (auto& t : threads) t.join();
  EXPECT_GT(cache.hits(), cache.misses());
}

TEST(Shaping, ThaiMarksAreRepositioned) {
  // Laksaman's GPOS/GSUB move tone marks: ป่า's tone mark shifts left of the tall
  // ascender, and ญ loses its tail before a lower vowel.
  FontPtr f = fonts().get("Laksaman.ttf");
  auto plain = shape_text(*f, HB_SCRIPT_THAI, "ญ");
  auto lower = shape_text(*f, HB_SCRIPT_THAI, "ญู");
  ASSERT_EQ(lower->clusters.size(), 1u);
  EXPECT_NE(lower->glyphs[0].gid, plain->glyphs[0].gid) << "ญ before ู should use the tail-less form";
  auto am = shape_text(*f, HB_SCRIPT_THAI, "น้ำ");
  EXPECT_EQ(am->clusters.size(), 1u);
  EXPECT_GE(am->glyphs.size(), 3u);  // sara am decomposes into nikhahit + aa
}
