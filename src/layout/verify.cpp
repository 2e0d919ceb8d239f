#include "layout/verify.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/utf8.h"

namespace thaidoc {

namespace {

constexpr double kTolerance = 0.5;  // points: rounding, hairline strokes

struct Box {
  double x0, y0, x1, y1;
};

// Vertical extent of a run's glyphs from the font's ascender and descender.
Box run_box(const GlyphRun& r) {
  double k = r.font ? r.size / r.font->units_per_em() : 0;
  double asc = r.font ? r.font->ascender() * k : r.size, desc = r.font ? -r.font->descender() * k : 0;
  return {r.x, r.y - asc, r.x + r.width, r.y + desc};
}

std::optional<Box> item_box(const FrameItem& item) {
  if (const auto* r = std::get_if<GlyphRun>(&item)) return run_box(*r);
  if (const auto* r = std::get_if<RectItem>(&item)) {
    double hw = r->stroke ? r->line_width / 2 : 0;
    return Box{std::min(r->x, r->x + r->w) - hw, std::min(r->y, r->y + r->h) - hw, std::max(r->x, r->x + r->w) + hw,
               std::max(r->y, r->y + r->h) + hw};
  }
  if (const auto* l = std::get_if<LineItem>(&item)) {
    double hw = l->width / 2;
    return Box{std::min(l->x1, l->x2) - hw, std::min(l->y1, l->y2) - hw, std::max(l->x1, l->x2) + hw,
               std::max(l->y1, l->y2) + hw};
  }
  if (const auto* i = std::get_if<ImageItem>(&item)) return Box{i->x, i->y, i->x + i->w, i->y + i->h};
  return std::nullopt;  // links follow their text; bounds are not drawn
}

const char* item_name(const FrameItem& item) {
  if (std::holds_alternative<GlyphRun>(item)) return "text";
  if (std::holds_alternative<RectItem>(item)) return "a rectangle";
  if (std::holds_alternative<LineItem>(item)) return "a rule";
  if (std::holds_alternative<ImageItem>(item)) return "an image";
  return "an item";
}

std::string run_text(const GlyphRun& r, size_t max_chars = 40) {
  std::string s;
  for (const GlyphCluster& c : r.clusters) s += c.text;
  std::u32string cps = utf8::decode(s);
  if (cps.size() > max_chars) return utf8::encode(cps.substr(0, max_chars)) + "…";
  return s;
}

// Characters that carry no ink and may be dropped at line ends or between runs.
bool ignorable(char32_t c) {
  return c <= 0x20 || c == 0xA0 || c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
         c == 0x3000;
}

std::u32string visible(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8::next(s, i);
    if (!ignorable(c)) out.push_back(c);
  }
  return out;
}

std::string fmt(const char* f, double a, double b = 0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, f, a, b);
  return buf;
}

class Checker {
 public:
  explicit Checker(const LaidOutDocument& doc) : doc_(doc), placed_(doc.sources.size()) {}

  std::vector<LayoutViolation> run() {
    for (size_t p = 0; p < doc_.pages.size(); ++p) check_page(static_cast<int>(p), doc_.pages[p]);
    check_characters();
    return std::move(out_);
  }

 private:
  SourceLocation where_of(const GlyphRun& r) const {
    if (r.source >= 0 && static_cast<size_t>(r.source) < doc_.sources.size()) return doc_.sources[r.source].where;
    return {};
  }
  SourceLocation where_of(const FrameItem& item) const {
    if (const auto* r = std::get_if<GlyphRun>(&item)) return where_of(*r);
    return {};
  }

  void report(int page, const FrameItem& item, std::string message) {
    if (const auto* r = std::get_if<GlyphRun>(&item)) message += " (\"" + run_text(*r) + "\")";
    out_.push_back({page, where_of(item), std::move(message)});
  }

  // How far `b` sticks out of `limit`, as a message, or "" if it is inside.
  static std::string outside(const Box& b, const Box& limit, bool vertical_baseline_only, double baseline) {
    double left = limit.x0 - b.x0, right = b.x1 - limit.x1;
    double top = vertical_baseline_only ? limit.y0 - baseline : limit.y0 - b.y0;
    double bottom = vertical_baseline_only ? baseline - limit.y1 : b.y1 - limit.y1;
    std::string m;
    if (left > kTolerance) m += fmt("%.1f pt past the left edge", left);
    if (right > kTolerance) m += std::string(m.empty() ? "" : ", ") + fmt("%.1f pt past the right edge", right);
    if (top > kTolerance) m += std::string(m.empty() ? "" : ", ") + fmt("%.1f pt above the top", top);
    if (bottom > kTolerance) m += std::string(m.empty() ? "" : ", ") + fmt("%.1f pt below the bottom", bottom);
    return m;
  }

  void check_page(int p, const Page& page) {
    const Box paper{0, 0, page.width, page.height};
    const Box area{page.area.x0, page.area.y0, page.area.x1, page.area.y1};
    std::vector<const GlyphRun*> runs;
    struct Scope {
      Box box;
      size_t end;
    };
    std::vector<Scope> scopes;
    for (size_t i = 0; i < page.items.size(); ++i) {
      const FrameItem& item = page.items[i];
      while (!scopes.empty() && i >= scopes.back().end) scopes.pop_back();
      if (const auto* b = std::get_if<BoundsItem>(&item)) {
        scopes.push_back({Box{b->x, b->y, b->x + b->w, b->y + b->h}, i + 1 + b->count});
        continue;
      }
      auto box = item_box(item);
      if (!box) continue;
      const auto* run = std::get_if<GlyphRun>(&item);
      if (run) {
        runs.push_back(run);
        if (run->source >= 0 && !run->repeated && static_cast<size_t>(run->source) < placed_.size()) {
          std::u32string& placed = placed_[run->source];
          for (const GlyphCluster& c : run->clusters) placed += visible(c.text);
          if (first_page_.size() <= static_cast<size_t>(run->source)) first_page_.resize(run->source + 1, -1);
          if (first_page_[run->source] < 0) first_page_[run->source] = p;
        }
      }
      double baseline = run ? run->y : 0;
      if (std::string m = outside(*box, paper, run != nullptr, baseline); !m.empty()) {
        report(p, item, std::string(item_name(item)) + " off the paper: " + m);
        continue;
      }
      if (i < page.flow_items) {
        if (std::string m = outside(*box, area, run != nullptr, baseline); !m.empty()) {
          report(p, item, std::string(item_name(item)) + " outside the text area: " + m);
          continue;
        }
      }
      if (!scopes.empty() && (run || std::holds_alternative<ImageItem>(item))) {
        if (std::string m = outside(*box, scopes.back().box, run != nullptr, baseline); !m.empty())
          report(p, item, std::string(item_name(item)) + " outside its table cell: " + m);
      }
    }
    check_overprint(p, runs);
  }

  // Two runs overprint when they overlap horizontally and their baselines are
  // closer than three quarters of the larger size.
  void check_overprint(int p, std::vector<const GlyphRun*>& runs) {
    std::sort(runs.begin(), runs.end(), [](const GlyphRun* a, const GlyphRun* b) { return a->y < b->y; });
    for (size_t i = 0; i < runs.size(); ++i) {
      const GlyphRun& a = *runs[i];
      for (size_t j = i + 1; j < runs.size(); ++j) {
        const GlyphRun& b = *runs[j];
        double limit = 0.75 * std::max(a.size, b.size);
        if (b.y - a.y >= limit) break;
        double overlap = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
        if (overlap > 1.0 && a.width > 0 && b.width > 0) {
          std::string m = fmt("text lines overprint: baselines %.1f pt apart, overlapping over %.1f pt", b.y - a.y,
                              overlap);
          m += " (\"" + run_text(a) + "\" and \"" + run_text(b) + "\")";
          out_.push_back({p, where_of(b), std::move(m)});
        }
      }
    }
  }

  void check_characters() {
    for (size_t s = 0; s < doc_.sources.size(); ++s) {
      const SourceText& src = doc_.sources[s];
      std::u32string expected = visible(src.text);
      const std::u32string& placed = placed_[s];
      if (placed == expected) continue;
      size_t k = 0;
      while (k < placed.size() && k < expected.size() && placed[k] == expected[k]) ++k;
      std::string m;
      if (placed.size() < expected.size()) {
        m = std::to_string(expected.size() - placed.size()) + " of " + std::to_string(expected.size()) +
            " characters of the " + src.what + " are not placed";
      } else if (placed.size() > expected.size()) {
        m = std::to_string(placed.size() - expected.size()) + " characters of the " + src.what +
            " are placed more than once";
      } else {
        m = "the characters of the " + src.what + " are placed in a different order";
      }
      std::u32string from = expected.substr(k, 40);
      if (k < expected.size()) m += ", from \"" + utf8::encode(from) + (expected.size() - k > 40 ? "…" : "") + "\"";
      int page = s < first_page_.size() ? first_page_[s] : -1;
      out_.push_back({page, src.where, std::move(m)});
    }
  }

  const LaidOutDocument& doc_;
  std::vector<std::u32string> placed_;
  std::vector<int> first_page_;
  std::vector<LayoutViolation> out_;
};

}  // namespace

std::vector<LayoutViolation> verify_layout(const LaidOutDocument& doc) { return Checker(doc).run(); }

std::string describe(const LayoutViolation& v, const std::string& document, const char* severity) {
  std::string where = v.where.file.empty() ? SourceLocation{document, 0, 0}.to_string() : v.where.to_string();
  std::string s = where + ": " + severity + ": ";
  if (v.page >= 0) s += "page " + std::to_string(v.page + 1) + ": ";
  return s + v.message;
}

}  // namespace thaidoc

namespace thaidoc {

std::vector<std::string> check_layout(const LaidOutDocument& doc, const std::string& document, bool strict) {
  std::vector<LayoutViolation> violations = verify_layout(doc);
  std::vector<std::string> lines = doc.warnings;
  if (violations.empty()) return lines;
  if (!strict) {
    for (const LayoutViolation& v : violations) lines.push_back(describe(v, document));
    return lines;
  }
  std::string message = std::to_string(violations.size()) + " layout violation" +
                        (violations.size() == 1 ? "" : "s") + " (--strict):";
  for (size_t i = 0; i < violations.size() && i < 20; ++i) message += "\n  " + describe(violations[i], document, "error");
  if (violations.size() > 20) message += "\n  ... and " + std::to_string(violations.size() - 20) + " more";
  throw Error({document}, message, 2);
}

}  // namespace thaidoc
