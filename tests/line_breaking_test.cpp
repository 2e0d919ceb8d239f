// Break preferences (compounds, the user dictionary, [[no-break]] phrases), the stretch
// limit, cuts in over-wide words, aligned lines within their measure, and the paragraph's
// layout warnings (kept in the paragraph cache).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "base/utf8.h"
#include "font/font_manager.h"
#include "model/inline.h"
#include "text/line_breaker.h"
#include "text/paragraph.h"
#include "text/paragraph_cache.h"
#include "text/segment.h"
#include "test_support.h"

using namespace thaidoc;

namespace {

using test::body;
using test::fonts;
using test::glyph_text;

// Left and right ends of what a line draws.
std::pair<double, double> extent(const TextLine& line) {
  double left = 1e9, right = -1e9;
  for (const auto& item : line.items)
    if (auto* run = std::get_if<GlyphRun>(&item)) {
      left = std::min(left, run->x);
      right = std::max(right, run->x + run->width);
    }
  return {left, right};
}

// The code point index where each line but the last ends.
std::vector<size_t> line_ends(const ParagraphLayout& l) {
  std::vector<size_t> offsets;
  utf8::decode(l.text, &offsets);
  std::vector<size_t> out;
  for (size_t i = 0; i + 1 < l.lines.size(); ++i)
    out.push_back(std::lower_bound(offsets.begin(), offsets.end(), l.lines[i].text_end) - offsets.begin());
  return out;
}

// Whether code point `at` of text is strictly inside an occurrence of word.
bool inside(const std::u32string& text, const std::u32string& word, size_t at) {
  for (size_t p = text.find(word); p != std::u32string::npos; p = text.find(word, p + 1))
    if (p < at && at < p + word.size()) return true;
  return false;
}

std::string first_message(const ParagraphLayout& l, TextWarning::Kind k) {
  for (const auto& w : l.warnings)
    if (w.kind == k) return w.message;
  return "(none)";
}

size_t count_kind(const ParagraphLayout& l, TextWarning::Kind k) {
  return std::count_if(l.warnings.begin(), l.warnings.end(), [&](const TextWarning& w) { return w.kind == k; });
}

const char* kReport =
    "คณะทำงานได้ติดตามผลการดำเนินงานของหน่วยงานภาครัฐในระยะเวลาที่กำหนด เพื่อส่งเสริมความโปร่งใส"
    "และยกระดับการปฏิบัติงานของเจ้าหน้าที่ให้มีประสิทธิภาพ ทั้งนี้ หน่วยงานได้จัดทำแผนปฏิบัติการประจำปีงบประมาณ"
    "และรายงานผลการดำเนินการต่อผู้บริหารทุกไตรมาส เพื่อให้ประชาชนเข้าถึงข้อมูลข่าวสารได้สะดวกและรวดเร็ว"
    "โดยเฉพาะเรื่องการจัดซื้อจัดจ้างและการใช้งบประมาณของหน่วยงาน";

}  // namespace

// ------------------------------------------------------------------ break kinds

TEST(BreakKinds, CompoundsCostMoreThanWordsAndSpacesLeast) {
  std::u32string t = U"ความโปร่งใสของหน่วยงาน ระยะเวลา";
  auto k = find_break_kinds(t);
  auto at = [&](const std::u32string& before) { return k[t.find(before) + before.size()]; };
  EXPECT_EQ(k[4], BreakKind::Compound);                        // ความ|โปร่งใส
  EXPECT_EQ(at(U"ของ"), BreakKind::Word);                      // ของ|หน่วยงาน
  EXPECT_EQ(at(U"ของหน่วย"), BreakKind::Compound);             // หน่วย|งาน
  EXPECT_EQ(at(U"หน่วยงาน "), BreakKind::Space);               // after the space
  EXPECT_EQ(at(U"ระยะ"), BreakKind::Compound);                 // ระยะ|เวลา
  // find_line_breaks still gives every break point.
  auto b = find_line_breaks(t);
  for (size_t i = 0; i < k.size(); ++i) EXPECT_EQ(b[i], k[i] != BreakKind::None) << i;
}

TEST(BreakKinds, DictionaryNamesAreNameBreaksWithWordBreaksAtTheirEdges) {
  std::u32string t = U"เทศบาลตำบลวังสมบูรณ์อำเภอวังสมบูรณ์";
  Lexicon lex;
  lex.add("วังสมบูรณ์");
  lex.add(" ");     // ignored
  lex.add("123");   // ignored: no letter
  EXPECT_EQ(lex.size(), 1u);
  auto without = find_break_kinds(t);
  auto with = find_break_kinds(t, &lex);
  size_t name = t.find(U"วังสมบูรณ์");
  bool split_before = false;
  for (size_t i = name + 1; i < name + 10; ++i) {
    split_before = split_before || without[i] != BreakKind::None;
    EXPECT_TRUE(with[i] == BreakKind::None || with[i] == BreakKind::Name) << i;
  }
  EXPECT_TRUE(split_before) << "libthai splits the name (else this test shows nothing)";
  EXPECT_NE(with[name], BreakKind::None);
  EXPECT_NE(with[name + 10], BreakKind::None);
  EXPECT_EQ(lex.matches("ที่วังสมบูรณ์"), "วังสมบูรณ์" + std::string(1, '\0'));
  EXPECT_EQ(lex.matches("ที่อื่น"), "");
}

// ------------------------------------------------------------------ line breaking

TEST(Paragraph, LinesRarelyEndInsideCompounds) {
  ShapeCache cache;
  TextEngine preferred(cache);
  TextEngine flat(cache);
  BreakSettings same;
  same.compound_penalty = same.word_penalty;  // a compound break costs what any word break does
  flat.set_breaking(same);
  std::u32string text = utf8::decode(kReport);
  // Justified text in columns of body width (a compound break there costs less than a line
  // stretched past the limit), ragged text in narrow columns too.
  auto count = [&](const TextEngine& engine, Align align) {
    int n = 0;
    ParagraphStyle ps;
    ps.align = align;
    for (double width = align == Align::Justify ? 250 : 120; width <= 450; width += 4) {
      ParagraphLayout l = engine.layout({StyledSpan{kReport, body()}}, ps, width);
      for (size_t at : line_ends(l))
        for (const auto& w : builtin_compounds())
          if (inside(text, w, at)) {
            ++n;
            break;
          }
    }
    return n;
  };
  for (Align a : {Align::Justify, Align::Left}) {
    int before = count(flat, a), after = count(preferred, a);
    std::printf("align %d: %d line ends inside compounds with compound penalties, %d without\n", int(a), after, before);
    EXPECT_GT(before, 20) << "the fixture must give compound breaks a chance";
    // Justified: a compound break costs less than a line stretched past the limit, so some remain.
    int factor = a == Align::Justify ? 1 : 5;
    if (a == Align::Justify) EXPECT_LT(after * 3, before * 2) << "at least a third fewer";
    EXPECT_LE(after * factor, before) << "at least " << factor << "x fewer line ends inside compounds (" << after
                                      << " vs " << before << ")";
  }
}

TEST(Paragraph, DictionaryNamesStayWhole) {
  ShapeCache cache;
  TextEngine plain(cache);
  TextEngine named(cache);
  BreakSettings settings;
  auto lexicon = std::make_shared<Lexicon>();
  lexicon->add("เทศบาลตำบลวังสมบูรณ์");
  lexicon->add("นางสาวเสาวนิตย์ ประยูรพันธ์");
  settings.lexicon = lexicon;
  named.set_breaking(settings);
  std::string s;
  for (int i = 0; i < 4; ++i)
    s += "หนังสือของเทศบาลตำบลวังสมบูรณ์ลงนามโดยนางสาวเสาวนิตย์ ประยูรพันธ์ปลัดเทศบาลตำบลวังสมบูรณ์ ";
  std::u32string text = utf8::decode(s);
  int split_plain = 0;
  double widest = std::max(named.measure({StyledSpan{"เทศบาลตำบลวังสมบูรณ์", body()}}),
                           named.measure({StyledSpan{"นางสาวเสาวนิตย์ ประยูรพันธ์", body()}}));
  for (double width = 180; width <= 450; width += 9) {
    for (Align a : {Align::Justify, Align::Left}) {
      ParagraphStyle ps;
      ps.align = a;
      ParagraphLayout lp = plain.layout({StyledSpan{s, body()}}, ps, width);
      ParagraphLayout ln = named.layout({StyledSpan{s, body()}}, ps, width);
      for (size_t at : line_ends(lp))
        split_plain += inside(text, U"เทศบาลตำบลวังสมบูรณ์", at) || inside(text, U"นางสาวเสาวนิตย์ ประยูรพันธ์", at);
      // A break inside a name, even between its kind and the name proper (เทศบาลตำบล|วังสมบูรณ์),
      // happens only when the name is wider than the line; it is reported.
      size_t split = 0, kind_splits = 0;
      for (size_t at : line_ends(ln)) {
        const std::u32string name = U"เทศบาลตำบลวังสมบูรณ์";
        bool kind_break = at >= 10 && text.compare(at - 10, name.size(), name) == 0;
        kind_splits += kind_break;
        split += !kind_break &&
                 (inside(text, U"เทศบาลตำบลวังสมบูรณ์", at) || inside(text, U"นางสาวเสาวนิตย์ ประยูรพันธ์", at));
      }
      if (width > widest + 1) EXPECT_EQ(split + kind_splits, 0u) << "width " << width << " align " << int(a);
      EXPECT_EQ(count_kind(ln, TextWarning::NameSplit), split + kind_splits)
          << "width " << width << " align " << int(a);
    }
  }
  EXPECT_GT(split_plain, 10) << "without the dictionary the names are split";
  // A column narrower than the name: it must be split, and the split is reported.
  ParagraphStyle left;
  left.align = Align::Left;
  ParagraphLayout narrow = named.layout({StyledSpan{"ที่เทศบาลตำบลวังสมบูรณ์", body()}}, left, 70);
  ASSERT_GE(count_kind(narrow, TextWarning::NameSplit), 1u);
  const TextWarning* w = &*std::find_if(narrow.warnings.begin(), narrow.warnings.end(),
                                        [](const TextWarning& x) { return x.kind == TextWarning::NameSplit; });
  EXPECT_NE(w->message.find("เทศบาล"), std::string::npos) << w->message;
  EXPECT_EQ(std::string(to_string(w->kind)), "name split");
  EXPECT_GT(w->offset, 0u);
  EXPECT_LT(w->offset, narrow.text.size());
}

TEST(Paragraph, NoBreakPhrasesStayOnOneLine) {
  ShapeCache cache;
  TextEngine engine(cache);
  TextStyle keep = body();
  keep.no_break = true;
  std::vector<StyledSpan> spans;
  for (int i = 0; i < 5; ++i) {
    spans.push_back({"ขอเชิญเข้าร่วมประชุมกับ ", body()});
    spans.push_back({"คณะกรรมการ ITA ประจำปี", keep});
    spans.push_back({" ณ ห้องประชุม ", body()});
  }
  std::string all;
  for (const auto& s : spans) all += s.text;
  std::u32string text = utf8::decode(all);
  double phrase = engine.measure({StyledSpan{"คณะกรรมการ ITA ประจำปี", body()}});
  int broken_without = 0;
  for (double width = phrase + 10; width <= 420; width += 9) {
    ParagraphLayout l = engine.layout(spans, ParagraphStyle{}, width);
    for (size_t at : line_ends(l)) EXPECT_FALSE(inside(text, U"คณะกรรมการ ITA ประจำปี", at)) << "width " << width;
    EXPECT_EQ(count_kind(l, TextWarning::NotKept), 0u) << first_message(l, TextWarning::NotKept);
    std::vector<StyledSpan> plain = spans;
    for (auto& sp : plain) sp.style.no_break = false;
    for (size_t at : line_ends(engine.layout(plain, ParagraphStyle{}, width)))
      broken_without += inside(text, U"คณะกรรมการ ITA ประจำปี", at);
  }
  EXPECT_GT(broken_without, 5) << "without the markup the phrase is broken";
  // Narrower than the phrase: broken, with a warning naming it.
  ParagraphLayout l = engine.layout(spans, ParagraphStyle{}, 90);
  ASSERT_GE(count_kind(l, TextWarning::NotKept), 1u);
  EXPECT_NE(first_message(l, TextWarning::NotKept).find("no-break phrase broken across lines: '"), std::string::npos)
      << first_message(l, TextWarning::NotKept);
}

// An aligned line is set at its natural width, so it must fit: spaces do not shrink.
TEST(Paragraph, AlignedLinesNeverRunPastTheirMeasure) {
  ShapeCache cache;
  TextEngine engine(cache);
  // Exact numbers: two words whose natural width is 1 pt more than the measure.
  double one = engine.measure({StyledSpan{"Transparency", body()}});
  double two = engine.measure({StyledSpan{"Transparency assessment", body()}});
  double width = two - 1;
  for (Align a : {Align::Left, Align::Center, Align::Right}) {
    ParagraphStyle ps;
    ps.align = a;
    ParagraphLayout l = engine.layout({StyledSpan{"Transparency assessment", body()}}, ps, width);
    ASSERT_EQ(l.lines.size(), 2u) << "the space may not shrink to fit both words";
    EXPECT_DOUBLE_EQ(l.lines[0].natural_width, one);
    auto [left, right] = extent(l.lines[0]);
    double expected_left = a == Align::Left ? 0 : a == Align::Center ? (width - one) / 2 : width - one;
    EXPECT_NEAR(left, expected_left, 1e-9);
    EXPECT_NEAR(right, expected_left + one, 1e-9);
  }
  // Justified lines may shrink their spaces (up to a third): the same text fits on one line.
  ParagraphStyle j;
  j.justify_last_line = true;
  ParagraphLayout lj = engine.layout({StyledSpan{"Transparency assessment report", body()}}, j,
                                     engine.measure({StyledSpan{"Transparency assessment", body()}}) - 1);
  EXPECT_EQ(glyph_text(lj.lines[0]), "Transparency assessment");
  EXPECT_NEAR(extent(lj.lines[0]).second, two - 1, 1e-6);

  // And a sweep: no aligned line of a mixed Thai and Latin paragraph ever passes its measure.
  std::string s = std::string(kReport) + " ITA (Integrity and Transparency Assessment) 2568 " + kReport;
  for (Align a : {Align::Left, Align::Center, Align::Right}) {
    ParagraphStyle ps;
    ps.align = a;
    ps.left_indent = 10;
    ps.right_indent = 5;
    for (double w = 120; w <= 460; w += 3.7) {
      ParagraphLayout l = engine.layout({StyledSpan{s, body()}}, ps, w);
      for (const auto& line : l.lines) {
        auto [left, right] = extent(line);
        EXPECT_GE(left, 10 - 1e-9) << "width " << w;
        EXPECT_LE(right, w - 5 + 1e-9) << "width " << w << ": " << glyph_text(line);
      }
      EXPECT_TRUE(l.warnings.empty()) << "width " << w << ": " << l.warnings[0].message;
    }
  }
}

// ------------------------------------------------------------------ stretch limit

TEST(Paragraph, FewerLinesStretchedPastTheLimitAndEachOneRaggedWithAWarning) {
  ShapeCache cache;
  TextEngine limited(cache);
  TextEngine unlimited(cache);
  BreakSettings none;
  none.max_stretch = 0;
  unlimited.set_breaking(none);
  ParagraphStyle ps;
  ps.first_line_indent = 40;
  std::string s = std::string(kReport) + " " + kReport;
  // Lines that must grow by more than 15 % of their natural width to reach the edge, and by
  // how much more (in natural widths).
  auto over = [&](const ParagraphLayout& l, double width, double* excess = nullptr) {
    size_t n = 0;
    for (size_t i = 0; i + 1 < l.lines.size(); ++i) {
      double measure = width - (i == 0 ? ps.first_line_indent : 0);
      double grow = (measure - l.lines[i].natural_width) / l.lines[i].natural_width;
      if (grow > 0.15) {
        ++n;
        if (excess) *excess += grow - 0.15;
      }
    }
    return n;
  };
  size_t with_limit = 0, without_limit = 0, widths_met = 0;
  double excess_with = 0, excess_without = 0;
  for (double width = 160; width <= 460; width += 5) {
    ParagraphLayout l = limited.layout({StyledSpan{s, body()}}, ps, width);
    ParagraphLayout u = unlimited.layout({StyledSpan{s, body()}}, ps, width);
    size_t n = over(l, width, &excess_with);
    with_limit += n;
    size_t nu = over(u, width, &excess_without);
    without_limit += nu;
    if (n == 0 && nu > 0) ++widths_met;
    EXPECT_EQ(n, count_kind(l, TextWarning::Stretched)) << "width " << width;
    for (size_t i = 0; i + 1 < l.lines.size(); ++i) {
      double measure = width - (i == 0 ? ps.first_line_indent : 0);
      if (measure - l.lines[i].natural_width > 0.15 * l.lines[i].natural_width)
        EXPECT_NEAR(extent(l.lines[i]).second, (i == 0 ? ps.first_line_indent : 0) + l.lines[i].natural_width, 1e-6)
            << "an over-stretched line is ragged: width " << width << " line " << i;
    }
    if (width >= 400) EXPECT_EQ(n, 0u) << "width " << width;
  }
  std::printf("lines over the 15 %% limit: %zu (%.2f natural widths too loose) with it, %zu (%.2f) without\n",
              with_limit, excess_with, without_limit, excess_without);
  std::printf("widths where only the limit keeps every line within 15 %%: %zu\n", widths_met);
  EXPECT_LE(excess_with, excess_without);
  EXPECT_GE(widths_met, 1u) << "the limit finds a breaking within it where plain total-fit does not";
}

// The limit, by hand, on the breaker alone (lines 100 wide). Boxes a (80, stretchable by 200:
// letter spacing), b (10), c (90, stretchable by 5), d (20), with zero-width glue between.
//   breaking A: [a] [b c] [d]  line 1 grows 20/80 = 25 % (ratio 0.1, badness 0.1), line 2 is full;
//   breaking B: [a b] [c] [d]  line 1 grows 10/90 = 11.1 %, line 2 grows 10/90 = 11.1 % but its
//                              ratio is 10/5 = 2 (badness 800).
// Plain total fit takes A (demerits about 10.1^2 + 10^2 + 10^2 against 10^2 + 810^2 + 10^2); with
// the 15 % limit, A's first line costs 1e10 x 25/15 more, and B is taken.
TEST(StretchLimit, AHandComputedParagraph) {
  std::vector<BreakItem> items = {
      {BreakItem::Box, 80, 200, 0, 0}, {BreakItem::Glue, 0, 0, 0, 0},  // a, then break 1
      {BreakItem::Box, 10, 0, 0, 0},   {BreakItem::Glue, 0, 0, 0, 0},  // b, then break 3
      {BreakItem::Box, 90, 5, 0, 0},   {BreakItem::Glue, 0, 0, 0, 0},  // c, then break 5
      {BreakItem::Box, 20, 0, 0, 0},                                   // d (c and d: 110, too wide)
      {BreakItem::Penalty, 0, 0, 0, BreakItem::kForceBreak},
      {BreakItem::Glue, 0, 1e9, 0, 0},
      {BreakItem::Penalty, 0, 0, 0, -BreakItem::kForceBreak},          // 9: the end
  };
  auto width = [](size_t) { return 100.0; };
  BreakOptions plain;
  EXPECT_EQ(break_lines(items, width, plain), (std::vector<size_t>{1, 5, 9}));
  BreakOptions limited;
  limited.max_stretch = 0.15;
  EXPECT_EQ(break_lines(items, width, limited), (std::vector<size_t>{3, 5, 9}));
  // At a 30 % limit, A's 25 % is within it and A is taken again.
  limited.max_stretch = 0.30;
  EXPECT_EQ(break_lines(items, width, limited), (std::vector<size_t>{1, 5, 9}));
}

TEST(Paragraph, ALineThatMustStretchTooFarIsRaggedWithAWarning) {
  ShapeCache cache;
  TextEngine engine(cache);
  TextEngine unlimited(cache);
  BreakSettings none;
  none.max_stretch = 0;
  unlimited.set_breaking(none);
  // A long address that cannot be broken leaves the line before it short.
  std::string s = "ดูรายละเอียดที่ https://itas.nacc.go.th.example.org/ReportsAndDocumentsForTheYear ครับ";
  double url = engine.measure({StyledSpan{"https://itas.nacc.go.th.example.org/ReportsAndDocumentsForTheYear", body()}});
  double width = url + 5;
  ParagraphLayout l = engine.layout({StyledSpan{s, body()}}, ParagraphStyle{}, width);
  ASSERT_GE(l.lines.size(), 2u);
  ASSERT_EQ(count_kind(l, TextWarning::Stretched), 1u);
  EXPECT_EQ(l.warnings[0].offset, 0u);  // the first line
  EXPECT_NE(l.warnings[0].message.find("limit 15 %"), std::string::npos) << l.warnings[0].message;
  EXPECT_NEAR(extent(l.lines[0]).second, l.lines[0].natural_width, 1e-6) << "set ragged";
  ParagraphLayout u = unlimited.layout({StyledSpan{s, body()}}, ParagraphStyle{}, width);
  EXPECT_TRUE(u.warnings.empty());
  EXPECT_NEAR(extent(u.lines[0]).second, width, 0.5) << "without a limit the line is spread to the edge";
}

// ------------------------------------------------------------------ over-wide words

TEST(Syllables, CutsFallBetweenSyllablesNeverLeavingOneLetter) {
  auto cuts = [](const std::u32string& w) {
    std::u32string out;
    size_t last = 0;
    for (size_t c : thai_syllable_cuts(w, 0, w.size())) {
      out += w.substr(last, c - last) + U"|";
      last = c;
    }
    return utf8::encode(out + w.substr(last));
  };
  EXPECT_EQ(cuts(U"งบประมาณ"), "งบ|ประ|มาณ");
  EXPECT_EQ(cuts(U"ลำดับ"), "ลำ|ดับ");
  EXPECT_EQ(cuts(U"ผู้รับผิดชอบ"), "ผู้|รับ|ผิด|ชอบ");
  EXPECT_EQ(cuts(U"ประสิทธิภาพ"), "ประ|สิท|ธิ|ภาพ");
  EXPECT_EQ(cuts(U"เจ้าหน้าที่"), "เจ้า|หน้า|ที่");
  EXPECT_EQ(cuts(U"ณ"), "ณ");
  // Never a lone consonant or vowel, never inside a consonant cluster.
  for (const char32_t* w : {U"งบประมาณ", U"ลำดับ", U"ผู้รับผิดชอบ", U"องค์การบริหารส่วนตำบล", U"คณะกรรมการ",
                            U"เทศบาลตำบลวังสมบูรณ์", U"ศักดิ์สิทธิ์", U"ความโปร่งใส"}) {
    std::u32string word(w);
    size_t last = 0;
    std::vector<size_t> c = thai_syllable_cuts(word, 0, word.size());
    c.push_back(word.size());
    for (size_t at : c) {
      std::u32string piece = word.substr(last, at - last);
      EXPECT_TRUE(piece.size() >= 2) << utf8::encode(word) << ": '" << utf8::encode(piece) << "'";
      last = at;
    }
  }
}

TEST(Paragraph, OverWideThaiWordsAreCutAtSyllablesWithAWarning) {
  ShapeCache cache;
  TextEngine engine(cache);
  ParagraphStyle ps;
  ps.align = Align::Left;
  const std::string word = "ประสิทธิภาพ";  // one word for libthai: only a forced cut splits it
  double w = engine.measure({StyledSpan{word, body()}});
  for (double width = 30; width < w; width += 2) {
    ParagraphLayout l = engine.layout({StyledSpan{word, body()}}, ps, width);
    ASSERT_GE(l.lines.size(), 2u) << width;
    std::string joined;
    for (const auto& line : l.lines) {
      std::string t = glyph_text(line);
      joined += t;
      // Syllables: ประ|สิท|ธิ|ภาพ (the ธ closes สิท and opens ธิ, as Thai readers cut it).
      size_t at = joined.size();
      EXPECT_TRUE(at == word.size() || at == std::string("ประ").size() || at == std::string("ประสิท").size() ||
                  at == std::string("ประสิทธิ").size())
          << "width " << width << ": a cut that is not between syllables after '" << joined << "'";
      EXPECT_LE(extent(line).second, width + 1e-9) << "width " << width << ": " << t;
    }
    EXPECT_EQ(joined, word);
    EXPECT_EQ(count_kind(l, TextWarning::WordCut), l.lines.size() - 1) << "width " << width;
  }
  ParagraphLayout l = engine.layout({StyledSpan{word, body()}}, ps, w - 1);
  ASSERT_EQ(l.lines.size(), 2u);
  ASSERT_EQ(l.warnings.size(), 1u);
  std::string first = glyph_text(l.lines[0]);
  EXPECT_EQ(first, "ประสิท");  // ragged lines: the more even of the two cuts that fit
  EXPECT_EQ(l.warnings[0].message, "word wider than the line cut at a syllable: 'ประสิท|ธิภาพ'");
  EXPECT_EQ(l.warnings[0].offset, first.size());
  EXPECT_EQ(std::string(to_string(l.warnings[0].kind)), "word cut");
}

// A web address wider than the line is broken before a dot (www.mueangphetnuea|.go.th), never
// hyphenated (a hyphen would read as part of the address) and never between two letters.
TEST(Paragraph, OverWideAddressesBreakAtTheirDotsWithoutAHyphen) {
  ShapeCache cache;
  TextEngine engine(cache);
  ParagraphStyle ps;
  ps.align = Align::Left;
  const std::string url = "www.mueangphetnuea.go.th";
  double width = engine.measure({StyledSpan{"www.mueangphetnuea", body()}}) + 1;  // not with ".go"
  ParagraphLayout l = engine.layout({StyledSpan{url, body()}}, ps, width);
  ASSERT_EQ(l.lines.size(), 2u);
  EXPECT_EQ(glyph_text(l.lines[0]), "www.mueangphetnuea");
  EXPECT_EQ(glyph_text(l.lines[1]), ".go.th");
  ASSERT_EQ(l.warnings.size(), 1u);
  EXPECT_EQ(l.warnings[0].kind, TextWarning::WordCut);
  EXPECT_NE(l.warnings[0].message.find("address wider than the line broken at a dot or slash: "
                                       "'www.mueangphetnuea|.go.th'"),
            std::string::npos)
      << l.warnings[0].message;
}

TEST(Paragraph, OverWideLatinWordsAreHyphenated) {
  ASSERT_FALSE(latin_hyphenation_points(U"internationalization", 0, 20).empty())
      << "libhyphen with hyphen-en-us (scripts/setup.sh installs them)";
  ShapeCache cache;
  TextEngine engine(cache);
  ParagraphStyle ps;
  ps.align = Align::Left;
  ParagraphLayout l = engine.layout({StyledSpan{"internationalization", body()}}, ps, 70);
  ASSERT_GE(l.lines.size(), 2u);
  std::string joined;
  for (size_t i = 0; i < l.lines.size(); ++i) {
    std::string t = glyph_text(l.lines[i]);
    EXPECT_LE(extent(l.lines[i]).second, 70 + 1e-9) << t;
    if (i + 1 < l.lines.size()) {
      ASSERT_EQ(t.back(), '-') << "a hyphen ends a cut line: " << t;
      t.pop_back();
    }
    joined += t;
  }
  EXPECT_EQ(joined, "internationalization");
  EXPECT_EQ(count_kind(l, TextWarning::WordCut), l.lines.size() - 1);
  EXPECT_NE(l.warnings[0].message.find("hyphenated"), std::string::npos);
}

// ------------------------------------------------------------------ cache

TEST(ParagraphCache, KeepsWarningsAndTheDictionaryInTheKey) {
  ShapeCache cache;
  ParagraphCache paragraphs;
  TextEngine engine(cache, &paragraphs);
  ParagraphStyle ps;
  ps.align = Align::Left;
  auto a = engine.layout_shared({StyledSpan{"ผู้รับผิดชอบ", body()}}, ps, 40);
  auto b = engine.layout_shared({StyledSpan{"ผู้รับผิดชอบ", body()}}, ps, 40);
  EXPECT_EQ(a.get(), b.get()) << "served from the cache";
  ASSERT_FALSE(a->warnings.empty());
  EXPECT_EQ(a->warnings, engine.layout({StyledSpan{"ผู้รับผิดชอบ", body()}}, ps, 40).warnings);

  // A dictionary entry the paragraph contains changes its key; one it does not contain does not.
  TextEngine other(cache, &paragraphs);
  BreakSettings s;
  auto lex = std::make_shared<Lexicon>();
  lex->add("วังสมบูรณ์");
  s.lexicon = lex;
  other.set_breaking(s);
  EXPECT_EQ(other.layout_shared({StyledSpan{"ผู้รับผิดชอบ", body()}}, ps, 40).get(), a.get());
  auto c = engine.layout_shared({StyledSpan{"ตำบลวังสมบูรณ์", body()}}, ps, 60);
  auto d = other.layout_shared({StyledSpan{"ตำบลวังสมบูรณ์", body()}}, ps, 60);
  EXPECT_NE(c.get(), d.get());
  // The stretch limit is part of the key too.
  TextEngine loose(cache, &paragraphs);
  BreakSettings l;
  l.max_stretch = 0.5;
  loose.set_breaking(l);
  EXPECT_NE(loose.layout_shared({StyledSpan{"ผู้รับผิดชอบ", body()}}, ps, 40).get(), a.get());
}
