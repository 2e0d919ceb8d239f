#include "text/paragraph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "base/deadline.h"
#include "base/utf8.h"
#include "text/itemize.h"
#include "text/line_breaker.h"
#include "text/segment.h"

namespace thaidoc {

double ParagraphLayout::height() const {
  double h = 0;
  for (const auto& l : lines) h += l.height;
  return h;
}

namespace {

enum class GlueKind { None, Space, WordBoundary, LineEnd };

// What a line ending at a penalty item means for the warnings.
enum class CutMark : unsigned char { None, NameKind, Name, Keep, Syllable, Hyphen, Address, Cluster };

// A web or e-mail address: a "://", an '@', or a '.' between two letters or digits.
bool is_address(const std::u32string& t, size_t b, size_t e) {
  auto alnum = [](char32_t c) {
    CharClass k = classify(c);
    return k == CharClass::Letter || k == CharClass::Digit;
  };
  for (size_t i = b; i < e; ++i) {
    if (t[i] == '@') return true;
    if (t[i] == ':' && i + 2 < e && t[i + 1] == '/' && t[i + 2] == '/') return true;
    if (t[i] == '.' && i > b && i + 1 < e && alnum(t[i - 1]) && alnum(t[i + 1])) return true;
  }
  return false;
}

// Where an address wider than the line may be cut, without a hyphen (which would read as part
// of it): before a '.' or '@', after a '/' (not inside "//"); never leaving fewer than two
// characters on either side.
std::vector<size_t> address_cuts(const std::u32string& t, size_t b, size_t e) {
  std::vector<size_t> out;
  for (size_t i = b + 2; i + 2 <= e; ++i) {
    bool before = t[i] == '.' || t[i] == '@';
    bool after = t[i - 1] == '/' && t[i] != '/';
    if (before || after) out.push_back(i);
  }
  return out;
}

// What an item stands for: a slice of shaped text, or a gap.
struct Piece {
  const TextRun* run = nullptr;
  ShapedPtr shaped;
  uint32_t c0 = 0, c1 = 0;  // cluster range in shaped
  size_t byte_begin = 0, byte_end = 0;  // in the paragraph text
  GlueKind glue = GlueKind::None;
  bool thai = false;  // letter spacing allowed inside
  double scale = 0;   // points per font unit
  CutMark cut = CutMark::None;  // for penalties: what breaking here does (a hyphen piece is shaped)
  size_t char_at = 0;           // for penalties: the code point the next line starts with
};

struct Metrics {
  double ascent, descent, gap;
};

Metrics metrics_of(const Font& f, double size) {
  double k = size / f.units_per_em();
  return {f.ascender() * k, -f.descender() * k, f.line_gap() * k};
}

double cluster_width(const Piece& p) {
  double w = 0;
  for (uint32_t c = p.c0; c < p.c1; ++c) w += p.shaped->clusters[c].advance;
  return w * p.scale;
}

class Builder {
 public:
  Builder(const ParagraphText& text, const std::vector<StyledSpan>& spans, const std::vector<TextRun>& runs,
          ShapeCache& cache, const JustifyParams& params, const BreakSettings& breaking, double max_box_width,
          bool allow_shrink)
      : text_(text), spans_(spans), runs_(runs), cache_(cache), params_(params), breaking_(breaking),
        max_box_(max_box_width), shrink_(allow_shrink) {}

  void build() {
    kinds = find_break_kinds(text_.chars, breaking_.lexicon.get());
    // [[no-break]] phrases: every break inside one (its spaces too) is a Keep break.
    for (size_t i = 1; i < text_.chars.size(); ++i) {
      if (kinds[i] != BreakKind::None && spans_[text_.span_of[i - 1]].style.no_break &&
          spans_[text_.span_of[i]].style.no_break)
        kinds[i] = BreakKind::Keep;
    }
    for (const TextRun& run : runs_) {
      size_t i = run.begin;
      while (i < run.end) {
        char32_t c = text_.chars[i];
        if (c == '\n') {
          add_line_end();
          ++i;
          continue;
        }
        bool space = classify(c) == CharClass::Space;
        size_t j = i + 1;
        while (j < run.end && text_.chars[j] != '\n' && (classify(text_.chars[j]) == CharClass::Space) == space &&
               (space || kinds[j] == BreakKind::None))
          ++j;
        // For spaces, what matters is the break after them (none before ๆ, say).
        add_segment(run, i, j, space, space ? (j < text_.chars.size() ? kinds[j] : BreakKind::None) : kinds[i]);
        i = j;
      }
    }
    add_line_end();  // the paragraph's end
  }

  std::vector<BreakItem> items;
  std::vector<Piece> pieces;
  std::vector<BreakKind> kinds;

  bool no_break(size_t i) const { return spans_[text_.span_of[i]].style.no_break; }
  const Lexicon* lexicon() const { return breaking_.lexicon.get(); }

 private:
  // A line end (explicit, or the paragraph's): no break before the final glue, whose
  // stretch keeps the line unjustified, and a forced break after it.
  void add_line_end() {
    items.push_back({BreakItem::Penalty, 0, 0, 0, BreakItem::kForceBreak});
    pieces.push_back({});
    items.push_back({BreakItem::Glue, 0, 1e9, 0, 0});
    pieces.push_back({nullptr, nullptr, 0, 0, 0, 0, GlueKind::LineEnd});
    items.push_back({BreakItem::Penalty, 0, 0, 0, -BreakItem::kForceBreak});
    pieces.push_back({});
  }

  double penalty_of(BreakKind k) const {
    switch (k) {
      case BreakKind::Word: return breaking_.word_penalty;
      case BreakKind::Compound: return breaking_.compound_penalty;
      case BreakKind::NameKind:
      case BreakKind::Name:
      case BreakKind::Keep: return breaking_.name_penalty;
      default: return 0;
    }
  }

  void add_penalty(double penalty, CutMark mark, size_t at, double width = 0, Piece shaped = {}) {
    double demerits = mark == CutMark::Name || mark == CutMark::Keep ? breaking_.name_demerits
                      : mark == CutMark::NameKind                    ? breaking_.name_kind_demerits
                                                                     : 0;
    items.push_back({BreakItem::Penalty, width, 0, 0, penalty, demerits});
    shaped.cut = mark;
    shaped.char_at = at;
    pieces.push_back(shaped);
  }

  static CutMark mark_of(BreakKind k) {
    return k == BreakKind::Name       ? CutMark::Name
           : k == BreakKind::NameKind ? CutMark::NameKind
           : k == BreakKind::Keep     ? CutMark::Keep
                                      : CutMark::None;
  }

  void add_segment(const TextRun& run, size_t b, size_t e, bool space, BreakKind kind) {
    const TextStyle& st = spans_[run.span].style;
    size_t byte_b = text_.offsets[b], byte_e = text_.offsets[e];
    ShapedPtr shaped = cache_.shape(run.font, run.script,
                                    std::string_view(text_.utf8).substr(byte_b, byte_e - byte_b));
    Piece p{&run, shaped, 0, static_cast<uint32_t>(shaped->clusters.size()), byte_b, byte_e,
            space ? GlueKind::Space : GlueKind::None, run.script == HB_SCRIPT_THAI,
            st.size / run.font->units_per_em()};
    double em = st.size;
    double width = shaped->advance * p.scale;
    if (space) {
      // A break after these spaces: free between phrases, dear inside a name; none before ๆ.
      if (kind == BreakKind::None) {
        add_penalty(BreakItem::kForceBreak, CutMark::None, e);
      } else if (kind != BreakKind::Space) {
        add_penalty(penalty_of(kind), mark_of(kind), e);
      }
      items.push_back({BreakItem::Glue, width, width * params_.space_stretch,
                       shrink_ ? width * params_.space_shrink : 0, 0});
      pieces.push_back(p);
      return;
    }
    if (kind != BreakKind::None && !items.empty() && items.back().kind == BreakItem::Box) {
      char32_t prev = text_.chars[b - 1];
      if (classify(prev) == CharClass::Hyphen) {
        add_penalty(mark_of(kind) != CutMark::None ? penalty_of(kind) : 50, mark_of(kind), b);
      } else {
        if (kind != BreakKind::Space) add_penalty(penalty_of(kind), mark_of(kind), b);
        items.push_back({BreakItem::Glue, 0, params_.word_stretch * em, 0, 0});
        pieces.push_back({&run, nullptr, 0, 0, byte_b, byte_b, GlueKind::WordBoundary, true, p.scale});
      }
    }
    if (width <= max_box_ || p.c1 - p.c0 <= 1) {
      add_box(p, em);
      return;
    }
    add_overwide(run, p, b, e, em);
  }

  // The cluster of p that starts at code point `at`, or -1.
  long cluster_at(const Piece& p, size_t at) const {
    size_t byte = text_.offsets[at] - p.byte_begin;
    const auto& cl = p.shaped->clusters;
    for (uint32_t c = p.c0; c < p.c1; ++c)
      if (cl[c].text_begin == byte) return c;
    return -1;
  }

  // A word wider than the line: cut where a syllable starts (Thai) or at hyphenation points
  // (Latin words, with a hyphen drawn at the line end); a piece still too wide is cut between
  // grapheme clusters. Every cut costs cut_penalty (a warning when used).
  void add_overwide(const TextRun& run, const Piece& p, size_t b, size_t e, double em) {
    bool latin = classify(text_.chars[b]) == CharClass::Letter;
    bool address = latin && is_address(text_.chars, b, e);  // cut at its dots, never hyphenated
    std::vector<size_t> at = address ? address_cuts(text_.chars, b, e)
                             : latin ? latin_hyphenation_points(text_.chars, b, e)
                                     : thai_syllable_cuts(text_.chars, b, e);
    CutMark mark = address ? CutMark::Address : latin ? CutMark::Hyphen : CutMark::Syllable;
    latin = latin && !address;  // (below: whether a hyphen is drawn)
    Piece hyphen;
    double hyphen_width = 0;
    if (latin && !at.empty()) {
      hyphen = Piece{&run, cache_.shape(run.font, run.script, "-"), 0, 0, p.byte_begin, p.byte_begin,
                     GlueKind::None, false, p.scale};
      hyphen.c1 = static_cast<uint32_t>(hyphen.shaped->clusters.size());
      hyphen_width = hyphen.shaped->advance * p.scale;
    }
    std::vector<std::pair<uint32_t, size_t>> cuts;  // cluster index, code point
    for (size_t a : at) {
      long c = cluster_at(p, a);
      if (c > static_cast<long>(p.c0)) cuts.push_back({static_cast<uint32_t>(c), a});
    }
    uint32_t start = p.c0;
    size_t start_char = b;
    for (size_t k = 0; k <= cuts.size(); ++k) {
      uint32_t end = k < cuts.size() ? cuts[k].first : p.c1;
      add_cluster_cut_pieces(p, start, end, start_char, em);
      if (k < cuts.size()) {
        Piece h = hyphen;
        h.byte_begin = h.byte_end = text_.offsets[cuts[k].second];
        add_penalty(breaking_.cut_penalty, mark, cuts[k].second, latin ? hyphen_width : 0, latin ? h : Piece{});
        start = end;
        start_char = cuts[k].second;
      }
    }
  }

  // Clusters [c0, c1) of p as boxes, cut between clusters where they are still wider than a line.
  void add_cluster_cut_pieces(const Piece& p, uint32_t c0, uint32_t c1, size_t first_char, double em) {
    const auto& cl = p.shaped->clusters;
    uint32_t start = c0;
    double acc = 0;
    for (uint32_t c = c0; c < c1; ++c) {
      double cw = cl[c].advance * p.scale;
      if (acc + cw > max_box_ && c > start) {
        Piece chunk = p;
        chunk.c0 = start;
        chunk.c1 = c;
        add_box(chunk, em);
        size_t char_at = first_char;
        while (char_at < text_.chars.size() && text_.offsets[char_at] - p.byte_begin < cl[c].text_begin) ++char_at;
        add_penalty(breaking_.cluster_cut_penalty, CutMark::Cluster, char_at);
        start = c;
        acc = 0;
      }
      acc += cw;
    }
    Piece chunk = p;
    chunk.c0 = start;
    chunk.c1 = c1;
    add_box(chunk, em);
  }

  void add_box(Piece p, double em) {
    const ShapedText& s = *p.shaped;
    p.byte_begin = p.byte_begin + (p.c0 < s.clusters.size() ? s.clusters[p.c0].text_begin : 0);
    double gaps = p.thai && p.c1 > p.c0 ? p.c1 - p.c0 - 1 : 0;
    items.push_back({BreakItem::Box, cluster_width(p), gaps * params_.letter_stretch * em, 0, 0});
    pieces.push_back(p);
  }

  const ParagraphText& text_;
  const std::vector<StyledSpan>& spans_;
  const std::vector<TextRun>& runs_;
  ShapeCache& cache_;
  const JustifyParams& params_;
  const BreakSettings& breaking_;
  double max_box_;
  bool shrink_;
};

// Turns the pieces of one line into glyph runs, decorations and links.
class LineWriter {
 public:
  LineWriter(const std::vector<StyledSpan>& spans, TextLine& line) : spans_(spans), line_(line) {}

  void glyphs(const Piece& p, uint32_t c0, uint32_t c1, double& x, double letter_extra) {
    const ShapedText& s = *p.shaped;
    for (uint32_t c = c0; c < c1; ++c) {
      const ShapedCluster& cl = s.clusters[c];
      GlyphRun& run = current(p, x);
      GlyphCluster gc{static_cast<uint32_t>(run.glyphs.size()), cl.glyph_end - cl.glyph_begin,
                      s.text.substr(cl.text_begin, cl.text_end - cl.text_begin), cl.advance * p.scale};
      double pen = x - run.x;
      for (uint32_t g = cl.glyph_begin; g < cl.glyph_end; ++g) {
        const ShapedGlyph& sg = s.glyphs[g];
        run.glyphs.push_back({sg.gid, pen + sg.x_offset * p.scale, -sg.y_offset * p.scale,
                              sg.cluster >= cl.text_begin ? sg.cluster - cl.text_begin : 0});
        pen += sg.advance * p.scale;
      }
      run.clusters.push_back(std::move(gc));
      x += cl.advance * p.scale;
      run.width = x - run.x;
      if (c + 1 < c1) x += letter_extra;
    }
  }

  void finish() {
    if (open_) close();
  }

 private:
  GlyphRun& current(const Piece& p, double x) {
    if (open_ && (span_ != p.run->span || run_.font != p.run->font)) close();
    if (!open_) {
      const TextStyle& st = spans_[p.run->span].style;
      run_ = GlyphRun{};
      run_.font = p.run->font;
      run_.size = st.size;
      run_.color = st.color;
      run_.x = x;
      run_.y = 0;
      span_ = p.run->span;
      open_ = true;
    }
    return run_;
  }

  void close() {
    open_ = false;
    const TextStyle& st = spans_[span_].style;
    const Font& f = *run_.font;
    double k = st.size / f.units_per_em();
    if (st.underline && run_.width > 0) {
      double thick = std::max(0.5, f.underline_thickness() * k);
      double y = -f.underline_position() * k;
      line_.items.push_back(LineItem{run_.x, y, run_.x + run_.width, y, thick, st.color, {}});
    }
    if (!st.link.empty() && run_.width > 0) {
      Metrics m = metrics_of(f, st.size);
      line_.items.push_back(LinkItem{run_.x, -m.ascent, run_.width, m.ascent + m.descent, st.link});
    }
    line_.items.push_back(std::move(run_));
  }

  const std::vector<StyledSpan>& spans_;
  TextLine& line_;
  GlyphRun run_;
  size_t span_ = 0;
  bool open_ = false;
};

// Shares `slack` between word boundaries, letter gaps and spaces in proportion
// to their stretch, with caps: gaps without a space character grow at most to
// max_silent_gap and spaces at most by max_space_growth of their width. What
// the caps leave over goes to the silent gaps after all (an even spread looks
// better than one huge space), or to the spaces when there are no silent gaps.
void distribute_slack(double slack, double word, double letter, double space, const JustifyParams& p,
                      double& r_word, double& r_letter, double& r_space) {
  struct Kind {
    double stretch, cap, ratio = 0;
    bool fixed = false;
  };
  Kind kinds[3] = {{word, p.word_stretch > 0 ? p.max_silent_gap / p.word_stretch : 0},
                   {letter, p.letter_stretch > 0 ? p.max_silent_gap / p.letter_stretch : 0},
                   {space, p.space_stretch > 0 ? p.max_space_growth / p.space_stretch : 0}};
  double remaining = slack;
  for (int round = 0; round < 3 && remaining > 1e-9; ++round) {
    double total = 0;
    for (const Kind& k : kinds)
      if (!k.fixed) total += k.stretch;
    if (total <= 0) break;
    double r = remaining / total;
    bool capped = false;
    for (Kind& k : kinds) {
      if (!k.fixed && k.stretch > 0 && r > k.cap) {
        k.fixed = true;
        k.ratio = k.cap;
        remaining -= k.cap * k.stretch;
        capped = true;
      }
    }
    if (!capped) {
      for (Kind& k : kinds)
        if (!k.fixed) k.ratio = r;
      remaining = 0;
    }
  }
  if (remaining > 1e-9) {
    // Past every cap: spread the rest over the spaces, else over the silent gaps. A wide space
    // is what a justified line is expected to show; gaps inside Thai words past max_silent_gap
    // are visible letter-spacing (ภ า ค รัฐ) and read as spaces by extractors that judge by
    // distance.
    double silent = word + letter;
    if (space > 0) {
      kinds[2].ratio += remaining / space;
    } else if (silent > 0) {
      kinds[0].ratio += remaining / silent;
      kinds[1].ratio += remaining / silent;
    }
  }
  r_word = kinds[0].ratio;
  r_letter = kinds[1].ratio;
  r_space = kinds[2].ratio;
}

bool is_line_start_skippable(const BreakItem& it) {
  return it.kind != BreakItem::Box && !(it.kind == BreakItem::Penalty && it.penalty <= -BreakItem::kForceBreak);
}

// The first code point of the line made of items [s, end), for warnings.
size_t line_first_char(const std::vector<BreakItem>& items, const std::vector<Piece>& pieces, size_t s, size_t end,
                       const ParagraphText& text) {
  for (size_t i = s; i < end; ++i) {
    if (items[i].kind == BreakItem::Penalty || !pieces[i].shaped) continue;
    size_t byte = pieces[i].byte_begin;
    auto it = std::lower_bound(text.offsets.begin(), text.offsets.end(), byte);
    return static_cast<size_t>(it - text.offsets.begin());
  }
  return 0;
}

// "ตำบลวัง|สมบูรณ์": up to `context` code points of text around position at, cut by '|'.
std::string around(const ParagraphText& text, size_t at, size_t from, size_t to) {
  std::u32string s = text.chars.substr(from, at - from);
  s += U'|';
  s += text.chars.substr(at, to - at);
  std::string out;
  for (char32_t c : s) {
    if (c == '\n') c = ' ';
    utf8::append(out, c);
  }
  return out;
}

// A line's text for a warning: whitespace runs as one space, at most 40 letters each end.
std::string quote_line(const std::string& text, size_t begin, size_t end) {
  std::u32string chars;
  for (size_t i = begin; i < end && i < text.size();) {
    char32_t c = utf8::next(text, i);
    if (c == '\n' || c == '\t' || c == 0xA0) c = ' ';
    if (c == ' ' && (chars.empty() || chars.back() == ' ')) continue;
    chars += c;
  }
  while (!chars.empty() && chars.back() == ' ') chars.pop_back();
  if (chars.size() > 80) chars = chars.substr(0, 40) + U" … " + chars.substr(chars.size() - 40);
  return utf8::encode(chars);
}

template <class Warn>
void warn_cut(const Builder& b, const ParagraphText& text, const Piece& piece, Warn& warn) {
  size_t at = piece.char_at;
  const std::u32string& t = text.chars;
  auto word_bounds = [&](size_t& from, size_t& to) {
    from = at;
    while (from > 0 && classify(t[from - 1]) != CharClass::Space && at - from < 30) --from;
    to = at;
    while (to < t.size() && classify(t[to]) != CharClass::Space && to - at < 30) ++to;
  };
  size_t from, to;
  switch (piece.cut) {
    case CutMark::Keep: {
      auto kept = [&](size_t i) { return b.no_break(i); };
      from = to = at;
      while (from > 0 && kept(from - 1)) --from;
      while (to < t.size() && kept(to)) ++to;
      warn(TextWarning::NotKept,
           "no-break phrase broken across lines: '" + around(text, at, from, to) + "' (it is wider than the line)",
           text.offsets[at]);
      return;
    }
    case CutMark::NameKind:
    case CutMark::Name: {
      word_bounds(from, to);
      if (const Lexicon* lex = b.lexicon()) {
        bool found = false;
        for (const std::u32string& e : lex->entries()) {
          for (size_t p = t.find(e); p != std::u32string::npos && !found && p < at; p = t.find(e, p + 1)) {
            if (at < p + e.size()) {
              from = p;
              to = p + e.size();
              found = true;
            }
          }
          if (found) break;
        }
      }
      warn(TextWarning::NameSplit,
           "name split across lines" + std::string(piece.cut == CutMark::NameKind ? " after its kind" : "") + ": '" +
               around(text, at, from, to) +
               "' (no breaking keeps it whole: it is wider than the line)",
           text.offsets[at]);
      return;
    }
    case CutMark::Syllable:
      word_bounds(from, to);
      warn(TextWarning::WordCut, "word wider than the line cut at a syllable: '" + around(text, at, from, to) + "'",
           text.offsets[at]);
      return;
    case CutMark::Hyphen:
      word_bounds(from, to);
      warn(TextWarning::WordCut, "word wider than the line hyphenated: '" + around(text, at, from, to) + "'",
           text.offsets[at]);
      return;
    case CutMark::Address:
      word_bounds(from, to);
      warn(TextWarning::WordCut, "address wider than the line broken at a dot or slash: '" + around(text, at, from, to) + "'",
           text.offsets[at]);
      return;
    case CutMark::Cluster:
      word_bounds(from, to);
      warn(TextWarning::WordCut,
           "word wider than the line cut between letters: '" + around(text, at, from, to) + "'", text.offsets[at]);
      return;
    case CutMark::None:
      return;
  }
}

// Why a line ending at item `end` is stretched past the limit, for its warning. The breaker
// takes such a line only when every breaking of the paragraph without it splits a name or a
// [[no-break]] phrase, or stretches other lines further: the warning names what comes next.
std::string stretch_reason(const Builder& b, const ParagraphText& text, const std::vector<BreakItem>& items,
                           const std::vector<Piece>& pieces, size_t end) {
  size_t next = end + 1;
  while (next < items.size() && is_line_start_skippable(items[next])) ++next;
  size_t at = items.size();
  for (size_t i = next; i < items.size(); ++i) {
    if (items[i].kind == BreakItem::Penalty || !pieces[i].shaped) continue;
    at = static_cast<size_t>(std::lower_bound(text.offsets.begin(), text.offsets.end(), pieces[i].byte_begin) -
                             text.offsets.begin());
    break;
  }
  const std::u32string& t = text.chars;
  if (at < t.size()) {
    if (const Lexicon* lex = b.lexicon()) {
      const std::u32string* longest = nullptr;
      for (const std::u32string& e : lex->entries())
        if (t.compare(at, e.size(), e) == 0 && (!longest || e.size() > longest->size())) longest = &e;
      if (longest)
        return ", as no breaking keeps every line within the limit without splitting the name '" +
               utf8::encode(*longest) + "' that follows";
    }
    if (b.no_break(at) && (at == 0 || !b.no_break(at - 1)))
      return ", as no breaking keeps every line within the limit without breaking the no-break phrase that follows";
  }
  return ", as no breaking of the paragraph keeps every line within the limit";
}

}  // namespace

const char* to_string(TextWarning::Kind kind) {
  switch (kind) {
    case TextWarning::Stretched: return "stretched";
    case TextWarning::WordCut: return "word cut";
    case TextWarning::NameSplit: return "name split";
    case TextWarning::NotKept: return "could not keep";
  }
  return "";
}

ParagraphLayout TextEngine::layout(const std::vector<StyledSpan>& spans, const ParagraphStyle& style,
                                   double width) const {
  check_deadline();
  ParagraphLayout out;
  ParagraphText text = join_spans(spans);
  out.text = text.utf8;
  auto line_width = [&](size_t k) {
    return width - style.left_indent - style.right_indent - (k == 0 ? style.first_line_indent : 0);
  };

  // Metrics of the paragraph's main style give the height of empty lines.
  Metrics base{0, 0, 0};
  if (!spans.empty() && spans[0].style.font) base = metrics_of(*spans[0].style.font, spans[0].style.size);

  if (text.chars.empty()) {
    TextLine line;
    line.ascent = base.ascent;
    line.descent = base.descent;
    line.height = (base.ascent + base.descent + base.gap) * style.line_height;
    out.lines.push_back(std::move(line));
    return out;
  }

  std::vector<TextRun> runs = itemize(text, spans);
  double max_box = std::max(1.0, std::min(line_width(0), line_width(1)));
  bool justified = style.align == Align::Justify;
  // Ragged lines never shrink their spaces: they are set at their natural width, which must fit.
  Builder b(text, spans, runs, cache_, params_, breaking_, max_box, justified);
  b.build();
  check_deadline();
  const auto& items = b.items;
  const auto& pieces = b.pieces;

  BreakOptions opts;
  opts.optimal = style.optimal_breaks;
  opts.max_stretch = justified ? breaking_.max_stretch : 0;
  opts.ragged_stretch = justified ? 0 : breaking_.ragged_stretch;
  std::vector<size_t> breaks = break_lines(items, line_width, opts);
  check_deadline();
  auto warn = [&](TextWarning::Kind kind, std::string message, size_t offset) {
    out.warnings.push_back({kind, std::move(message), offset});
  };

  size_t start = 0;
  size_t previous_end = 0;  // text_end of the line before
  for (size_t li = 0; li < breaks.size(); ++li) {
    if (li % 128 == 127) check_deadline();
    size_t end = breaks[li];
    size_t s = start;
    while (s < end && is_line_start_skippable(items[s])) ++s;
    start = end + 1;
    // A line ending in a forced break (paragraph end or explicit newline) is not stretched.
    bool last = items[end].kind == BreakItem::Penalty && items[end].penalty <= -BreakItem::kForceBreak;

    TextLine line;
    double natural = 0, st_space = 0, st_word = 0, st_letter = 0, shrink = 0;
    bool any = false;
    for (size_t i = s; i < end; ++i) {
      const BreakItem& it = items[i];
      if (it.kind == BreakItem::Penalty) continue;
      const Piece& p = pieces[i];
      if (p.glue == GlueKind::LineEnd) continue;
      natural += it.width;
      if (p.glue == GlueKind::Space) {
        st_space += it.stretch;
        shrink += it.shrink;
      } else if (p.glue == GlueKind::WordBoundary) {
        st_word += it.stretch;
      } else {
        st_letter += it.stretch;
      }
      if (p.shaped) {
        any = true;
        const TextStyle& ts = spans[p.run->span].style;
        Metrics m = metrics_of(*p.run->font, ts.size);
        line.ascent = std::max(line.ascent, m.ascent);
        line.descent = std::max(line.descent, m.descent);
        line.height = std::max(line.height, (m.ascent + m.descent + m.gap) * style.line_height);
      }
    }
    if (!any) {
      line.ascent = base.ascent;
      line.descent = base.descent;
      line.height = (base.ascent + base.descent + base.gap) * style.line_height;
    }
    // A line cut inside a word: the hyphen it ends with, and the warning.
    const Piece& at_end = pieces[end];
    bool hyphenated = items[end].kind == BreakItem::Penalty && at_end.cut == CutMark::Hyphen && at_end.shaped;
    if (hyphenated) natural += items[end].width;
    if (items[end].kind == BreakItem::Penalty && at_end.cut != CutMark::None && li + 1 < breaks.size())
      warn_cut(b, text, at_end, warn);

    line.natural_width = natural;
    const size_t line_warnings = out.warnings.size();  // the line's own warnings quote it (below)
    double target = line_width(li);
    double slack = target - natural;
    bool justify = style.align == Align::Justify && (!last || style.justify_last_line);
    if (justify && breaking_.max_stretch > 0 && slack > breaking_.max_stretch * natural && !last) {
      // No breaking keeps this line within the limit: ragged rather than letter-spaced.
      char buf[200];
      std::snprintf(buf, sizeof buf, "line stretched %.1f %% of its natural width (limit %.0f %%): set ragged",
                    100 * slack / std::max(natural, 1e-9), 100 * breaking_.max_stretch);
      warn(TextWarning::Stretched, buf + stretch_reason(b, text, items, pieces, end),
           text.offsets[line_first_char(items, pieces, s, end, text)]);
      justify = false;
    }
    if (slack + (justified ? shrink : 0) < -0.01) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "line %.1f pt wider than its measure (%.1f pt): nothing in it can be broken",
                    -(slack + (justified ? shrink : 0)), target);
      warn(TextWarning::NotKept, buf, text.offsets[line_first_char(items, pieces, s, end, text)]);
    }

    // How much each kind of gap grows (or, for spaces, shrinks).
    double r_word = 0, r_letter = 0, r_space = 0;
    double offset = style.left_indent + (li == 0 ? style.first_line_indent : 0);
    if (justify && slack > 0) {
      distribute_slack(slack, st_word, st_letter, st_space, params_, r_word, r_letter, r_space);
    } else if (justified && slack < 0 && shrink > 0) {
      // Even an unjustified last line shrinks its spaces if the breaking counted on it.
      r_space = std::max(-1.0, slack / shrink);
    } else if (style.align == Align::Center) {
      offset += slack / 2;
    } else if (style.align == Align::Right) {
      offset += slack;
    }

    LineWriter writer(spans, line);
    double x = offset;
    bool have_text = false;
    for (size_t i = s; i < end; ++i) {
      const BreakItem& it = items[i];
      const Piece& p = pieces[i];
      if (it.kind == BreakItem::Penalty || p.glue == GlueKind::LineEnd) continue;
      if (p.glue == GlueKind::WordBoundary) {
        x += it.stretch * r_word;
        continue;
      }
      if (!have_text) {
        line.text_begin = p.byte_begin;
        have_text = true;
      }
      line.text_end = p.glue == GlueKind::Space ? p.byte_end : p.byte_begin;
      if (p.glue == GlueKind::Space) {
        double before = x;
        double grow = r_space >= 0 ? it.stretch * r_space : it.shrink * r_space;
        writer.glyphs(p, p.c0, p.c1, x, 0);
        x = before + it.width + grow;
        continue;
      }
      uint32_t gaps = p.c1 - p.c0 > 1 ? p.c1 - p.c0 - 1 : 0;
      double letter_extra = gaps > 0 ? it.stretch * r_letter / gaps : 0;
      writer.glyphs(p, p.c0, p.c1, x, letter_extra);
      const ShapedText& sh = *p.shaped;
      line.text_end = p.byte_begin - (p.c0 < sh.clusters.size() ? sh.clusters[p.c0].text_begin : 0) +
                      (p.c1 > 0 ? sh.clusters[p.c1 - 1].text_end : 0);
    }
    if (hyphenated) writer.glyphs(at_end, at_end.c0, at_end.c1, x, 0);
    writer.finish();
    // A line without text (between two line breaks) gets an empty range where the text stopped.
    if (!have_text) line.text_begin = line.text_end = previous_end;
    for (size_t w = line_warnings; w < out.warnings.size(); ++w)
      out.warnings[w].message += ": '" + quote_line(out.text, line.text_begin, line.text_end) + "'";
    previous_end = line.text_end;
    out.lines.push_back(std::move(line));
  }
  return out;
}

std::shared_ptr<const ParagraphLayout> TextEngine::layout_shared(const std::vector<StyledSpan>& spans,
                                                                 const ParagraphStyle& style, double width) const {
  if (!paragraphs_) return std::make_shared<const ParagraphLayout>(layout(spans, style, width));
  std::string key = ParagraphCache::key(spans, style, width);
  // The engine's settings, and the dictionary entries this paragraph contains.
  key.append(reinterpret_cast<const char*>(&breaking_.max_stretch), sizeof(double));
  if (breaking_.lexicon && !breaking_.lexicon->empty()) {
    if (spans.size() == 1) {
      key += breaking_.lexicon->matches(spans[0].text);
    } else {
      std::string all;
      for (const StyledSpan& s : spans) all += s.text;
      key += breaking_.lexicon->matches(all);
    }
  }
  if (auto hit = paragraphs_->find(key)) return hit;
  auto laid_out = std::make_shared<const ParagraphLayout>(layout(spans, style, width));
  paragraphs_->put(key, laid_out);
  return laid_out;
}

double TextEngine::min_content_width(const std::vector<StyledSpan>& spans) const {
  ParagraphText text = join_spans(spans);
  if (text.chars.empty()) return 0;
  std::vector<TextRun> runs = itemize(text, spans);
  // No line is narrower than this: no word is cut to fit it.
  Builder b(text, spans, runs, cache_, params_, breaking_, std::numeric_limits<double>::max(), false);
  b.build();
  // The widest stretch between breaks that cost no more than a compound's: a name, a
  // [[no-break]] phrase or a word is never split at this width.
  double widest = 0, run = 0;
  const auto& items = b.items;
  for (size_t i = 0; i < items.size(); ++i) {
    const BreakItem& it = items[i];
    bool legal = it.kind == BreakItem::Penalty ? it.penalty < BreakItem::kForceBreak
                 : it.kind == BreakItem::Glue  ? i > 0 && items[i - 1].kind == BreakItem::Box
                                               : false;
    if (legal && it.demerits == 0) {
      widest = std::max(widest, run + (it.kind == BreakItem::Penalty ? it.width : 0));
      run = 0;
      continue;
    }
    if (it.kind == BreakItem::Penalty) continue;
    if (it.kind == BreakItem::Glue && run == 0) continue;  // glue that starts a line is dropped
    if (it.kind == BreakItem::Glue && it.stretch >= 1e8) continue;  // a line end's fill
    run += it.width;
  }
  return std::max(widest, run);
}

double TextEngine::measure(const std::vector<StyledSpan>& spans) const {
  ParagraphText text = join_spans(spans);
  std::vector<TextRun> runs = itemize(text, spans);
  double w = 0;
  for (const TextRun& run : runs) {
    const TextStyle& st = spans[run.span].style;
    size_t b = text.offsets[run.begin], e = text.offsets[run.end];
    ShapedPtr s = cache_.shape(run.font, run.script, std::string_view(text.utf8).substr(b, e - b));
    w += s->advance * st.size / run.font->units_per_em();
  }
  return w;
}

}  // namespace thaidoc
