#include "text/segment.h"

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include <hyphen.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_set>

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string_view>
#include <unordered_map>

namespace thaidoc {

bool is_thai(char32_t c) { return c >= 0x0E00 && c <= 0x0E7F; }

CharClass classify(char32_t c) {
  if (c >= 0x0E50 && c <= 0x0E59) return CharClass::Digit;
  if (c == 0x0E46 || c == 0x0E2F) return CharClass::ThaiRepeat;
  if (c == 0x0E31 || (c >= 0x0E33 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E)) return CharClass::ThaiMark;
  if (is_thai(c)) return CharClass::Thai;
  if (c >= '0' && c <= '9') return CharClass::Digit;
  if (c == ' ' || c == '\t' || c == 0x3000 || (c >= 0x2000 && c <= 0x200A)) return CharClass::Space;
  if (c == '-' || c == '/' || c == 0x2010 || c == 0x2013 || c == 0x2014) return CharClass::Hyphen;
  switch (c) {
    case '(': case '[': case '{': case 0x201C: case 0x2018: case 0xAB:
      return CharClass::Open;
    case ')': case ']': case '}': case 0x201D: case 0x2019: case 0xBB: case '.': case ',':
    case ';': case ':': case '!': case '?': case '%': case '"': case '\'':
      return CharClass::Close;
    default:
      break;
  }
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F) ||
      (c >= 0x370 && c <= 0x52F))
    return CharClass::Letter;
  if (c >= 0x300 && c <= 0x36F) return CharClass::ThaiMark;  // Latin combining marks behave alike
  return CharClass::Other;
}

namespace {

struct BrkDeleter {
  void operator()(ThBrk* b) const { th_brk_delete(b); }
};

// libthai's breaker object is not shared between threads: one per thread.
ThBrk* thread_breaker() {
  thread_local std::unique_ptr<ThBrk, BrkDeleter> brk(th_brk_new(nullptr));
  return brk.get();
}

bool is_wordish(CharClass k) {
  return k == CharClass::Thai || k == CharClass::Letter || k == CharClass::Digit ||
         k == CharClass::ThaiRepeat;
}

// libthai's word breaks inside one run of Thai letters, computed directly.
std::vector<int> libthai_breaks(std::u32string_view run) {
  std::vector<wchar_t> buf(run.begin(), run.end());
  buf.push_back(0);
  std::vector<int> pos(run.size() + 1);
  ThBrk* brk = thread_breaker();
  int count = brk ? th_brk_wc_find_breaks(brk, buf.data(), pos.data(), pos.size()) : 0;
  pos.resize(static_cast<size_t>(std::max(0, count)));
  return pos;
}

// libthai takes time quadratic in the length of the text it is given (each step of its
// search copies a break array as long as the text), so a long unbroken run is broken in
// windows of at most kBreakWindow letters: each window's breaks are kept up to the last
// one before its final kBreakOverlap letters (where a word may be cut by the window's
// end), and the next window starts there. A window with no break at all is passed over
// whole. Linear in the run's length; runs up to kBreakWindow are broken exactly as before.
constexpr size_t kBreakWindow = 1024;
constexpr size_t kBreakOverlap = 64;

std::vector<int> long_run_word_breaks(std::u32string_view run) {
  std::vector<int> out;
  size_t start = 0;
  while (run.size() - start > kBreakWindow) {
    std::vector<int> pos = libthai_breaks(run.substr(start, kBreakWindow));
    size_t next = 0;
    for (int p : pos) {
      if (p > 0 && static_cast<size_t>(p) <= kBreakWindow - kBreakOverlap) next = static_cast<size_t>(p);
    }
    if (next == 0) {
      start += kBreakWindow - kBreakOverlap;  // nothing to break at: no break here either
      continue;
    }
    for (int p : pos) {
      if (p > 0 && static_cast<size_t>(p) <= next) out.push_back(static_cast<int>(start) + p);
    }
    start += next;
  }
  for (int p : libthai_breaks(run.substr(start))) {
    if (p > 0) out.push_back(static_cast<int>(start) + p);
  }
  return out;
}

// libthai's word breaks inside one run of Thai letters, from a process-wide cache.
std::vector<int> thai_word_breaks(std::u32string_view run) {
  if (run.size() > kBreakWindow) return long_run_word_breaks(run);  // not cached: rare and large
  struct Shard {
    std::shared_mutex mutex;
    std::unordered_map<std::u32string, std::vector<int>> map;
  };
  static constexpr size_t kShards = 16;
  static constexpr size_t kMaxPerShard = 4000;  // bounded: memory stays flat in long batches
  static Shard shards[kShards];
  Shard& shard = shards[std::hash<std::u32string_view>()(run) % kShards];
  {
    std::shared_lock lock(shard.mutex);
    auto it = shard.map.find(std::u32string(run));
    if (it != shard.map.end()) return it->second;
  }
  std::vector<int> pos = libthai_breaks(run);
  std::unique_lock lock(shard.mutex);
  if (shard.map.size() >= kMaxPerShard) shard.map.clear();
  shard.map.emplace(std::u32string(run), pos);
  return pos;
}

}  // namespace

bool starts_grapheme(const std::u32string& text, size_t i) {
  if (i == 0 || i >= text.size()) return true;
  char32_t c = text[i];
  if (classify(c) == CharClass::ThaiMark) return false;
  if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) return false;  // ZWJ, variation selectors
  if (text[i - 1] == 0x200D) return false;
  return true;
}

namespace {

bool is_thai_consonant(char32_t c) { return c >= 0x0E01 && c <= 0x0E2E; }
bool is_leading_vowel(char32_t c) { return c >= 0x0E40 && c <= 0x0E44; }
bool is_following_vowel(char32_t c) { return c == 0x0E30 || c == 0x0E32 || c == 0x0E33 || c == 0x0E45; }
bool is_vowel_mark(char32_t c) { return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47; }
bool is_tone_mark(char32_t c) { return c >= 0x0E48 && c <= 0x0E4B; }

// Whether a word or name may start or end at text[at] inside Thai text: not before a mark or a
// following vowel, not after a leading vowel.
bool word_edge_ok(const std::u32string& text, size_t at) {
  if (at == 0 || at >= text.size()) return true;
  char32_t c = text[at];
  if (classify(c) == CharClass::ThaiMark || classify(c) == CharClass::ThaiRepeat || is_following_vowel(c)) return false;
  return !is_leading_vowel(text[at - 1]);
}

struct U32Hash {
  using is_transparent = void;
  size_t operator()(std::u32string_view s) const { return std::hash<std::u32string_view>()(s); }
};
struct U32Eq {
  using is_transparent = void;
  bool operator()(std::u32string_view a, std::u32string_view b) const { return a == b; }
};
using CompoundSet = std::unordered_set<std::u32string, U32Hash, U32Eq>;

const char kCompoundList[] =
#include "text/thai_compounds.inc"
    ;

const CompoundSet& compound_set() {
  static const CompoundSet set = [] {
    CompoundSet s;
    for (const std::u32string& w : builtin_compounds()) s.insert(w);
    return s;
  }();
  return set;
}

constexpr size_t kMaxCompoundWords = 5;
constexpr size_t kMaxCompoundLength = 48;

// Marks the breaks between the words of a known compound inside one Thai run (start..end of
// text), given libthai's word boundaries in the run.
void mark_compounds(const std::u32string& text, size_t start, size_t end, const std::vector<int>& run_breaks,
                    std::vector<BreakKind>& kinds) {
  std::vector<size_t> bounds{start};
  for (int b : run_breaks) {
    size_t at = start + static_cast<size_t>(b);
    if (at > bounds.back() && at < end) bounds.push_back(at);
  }
  bounds.push_back(end);
  if (bounds.size() < 3) return;
  const CompoundSet& set = compound_set();
  std::u32string_view view(text);
  for (size_t i = 0; i + 2 < bounds.size(); ++i) {
    for (size_t k = 2; k <= kMaxCompoundWords && i + k < bounds.size(); ++k) {
      size_t len = bounds[i + k] - bounds[i];
      if (len > kMaxCompoundLength) break;
      if (set.find(view.substr(bounds[i], len)) == set.end()) continue;
      for (size_t m = i + 1; m < i + k; ++m)
        if (kinds[bounds[m]] == BreakKind::Word) kinds[bounds[m]] = BreakKind::Compound;
    }
  }
  // Nominalising prefixes: ความ|โปร่งใส, ผู้|บริหาร. (Not การ: การ|ประเมิน is a fair break,
  // and with it long chains such as การดำเนินการ would have no cheap break left.)
  static const std::u32string kPrefixes[] = {U"ความ", U"ผู้"};
  for (size_t i = 0; i + 2 < bounds.size(); ++i) {
    std::u32string_view w = view.substr(bounds[i], bounds[i + 1] - bounds[i]);
    bool prefix = false;
    for (const auto& p : kPrefixes) prefix = prefix || w == p;
    if (!prefix || kinds[bounds[i]] == BreakKind::Compound) continue;
    if (kinds[bounds[i + 1]] == BreakKind::Word) kinds[bounds[i + 1]] = BreakKind::Compound;
  }
}

// The kinds of administration a name may start with (or contain after a title or
// position: นายก|องค์การบริหารส่วนตำบลตาเนิน). Longest first where one ends another.
const std::u32string kNameKinds[] = {
    U"องค์การบริหารส่วนตำบล", U"องค์การบริหารส่วนจังหวัด", U"เทศบาลตำบล", U"เทศบาลเมือง", U"เทศบาลนคร",
    U"กรุงเทพมหานคร", U"อำเภอ", U"จังหวัด", U"ตำบล",
};

// True when a name in text[p, q) may break before text[j] between its kind and the rest:
// j is the start or end of a kind inside the name, and not inside a longer kind
// (องค์การบริหารส่วน|ตำบล stays whole).
bool at_name_kind(const std::u32string& text, size_t p, size_t q, size_t j) {
  bool edge = false;
  for (const std::u32string& k : kNameKinds) {
    const size_t n = k.size();
    // Occurrences of k inside [p, q) that start in [j - n, j]: only these touch j.
    for (size_t a = j >= p + n ? j - n : p; a <= j && a + n <= q; ++a) {
      if (text.compare(a, n, k) != 0) continue;
      if (a < j && j < a + n) return false;  // inside a kind
      edge = true;
    }
  }
  return edge;
}

// The user's words and names: no break inside (Name, or NameKind between a name's kind and
// the name proper), and a word break at their edges.
void mark_lexicon(const std::u32string& text, const Lexicon& lexicon, std::vector<BreakKind>& kinds) {
  for (const std::u32string& entry : lexicon.entries()) {
    for (size_t p = text.find(entry); p != std::u32string::npos; p = text.find(entry, p + 1)) {
      size_t q = p + entry.size();
      if (!word_edge_ok(text, p) || !word_edge_ok(text, q)) continue;
      for (size_t j = p + 1; j < q; ++j) {
        if (kinds[j] == BreakKind::None || kinds[j] == BreakKind::Name) continue;
        // (Name wins over NameKind when two entries overlap.)
        kinds[j] = at_name_kind(text, p, q, j) ? BreakKind::NameKind : BreakKind::Name;
      }
      for (size_t at : {p, q}) {
        if (at > 0 && at < text.size() && kinds[at] == BreakKind::None && is_thai(text[at - 1]) &&
            classify(text[at]) == CharClass::Thai && classify(text[at - 1]) != CharClass::Digit)
          kinds[at] = BreakKind::Word;
      }
    }
  }
}

}  // namespace

const std::vector<std::u32string>& builtin_compounds() {
  static const std::vector<std::u32string> words = [] {
    std::vector<std::u32string> out;
    std::string_view all(kCompoundList);
    size_t b = 0;
    while (b < all.size()) {
      size_t e = all.find('\n', b);
      if (e == std::string_view::npos) e = all.size();
      std::string_view line = all.substr(b, e - b);
      if (!line.empty()) {
        std::u32string w;
        size_t i = 0;
        while (i < line.size()) {
          unsigned char c = static_cast<unsigned char>(line[i]);
          char32_t cp;
          int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
          cp = n == 1 ? c : c & (0xFF >> (n + 1));
          for (int k = 1; k < n && i + k < line.size(); ++k) cp = (cp << 6) | (line[i + k] & 0x3F);
          w += cp;
          i += n;
        }
        out.push_back(std::move(w));
      }
      b = e + 1;
    }
    return out;
  }();
  return words;
}

void Lexicon::add(std::string_view utf8) {
  std::u32string w;
  size_t i = 0;
  while (i < utf8.size()) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    w += cp;
    i += n;
  }
  while (!w.empty() && classify(w.back()) == CharClass::Space) w.pop_back();
  size_t lead = 0;
  while (lead < w.size() && classify(w[lead]) == CharClass::Space) ++lead;
  w.erase(0, lead);
  bool letter = false;
  for (char32_t c : w) letter = letter || classify(c) == CharClass::Thai || classify(c) == CharClass::Letter;
  if (w.size() < 2 || !letter) return;
  if (!seen_.insert(w).second) return;
  std::string u;
  for (char32_t c : w) {  // (the entry is re-encoded without its trimmed spaces)
    if (c < 0x80) {
      u += static_cast<char>(c);
    } else if (c < 0x800) {
      u += static_cast<char>(0xC0 | (c >> 6));
      u += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      u += static_cast<char>(0xE0 | (c >> 12));
      u += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      u += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      u += static_cast<char>(0xF0 | (c >> 18));
      u += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      u += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      u += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  utf8_.push_back(std::move(u));
  entries_.push_back(std::move(w));
}

std::string Lexicon::matches(std::string_view text) const {
  std::string out;
  for (const std::string& e : utf8_) {
    if (text.find(e) == std::string_view::npos) continue;
    out += e;
    out += '\0';
  }
  return out;
}

std::vector<BreakKind> find_break_kinds(const std::u32string& text, const Lexicon* lexicon) {
  const size_t n = text.size();
  std::vector<BreakKind> kinds(n + 1, BreakKind::None);
  if (n == 0) return kinds;
  std::vector<CharClass> cls(n);
  for (size_t i = 0; i < n; ++i) cls[i] = classify(text[i]);

  // Generic rules between neighbouring characters.
  for (size_t i = 1; i < n; ++i) {
    CharClass a = cls[i - 1], b = cls[i];
    bool brk = false;
    if (a == CharClass::Space && b != CharClass::Space) {
      brk = text[i] != 0x0E46;  // "ต่าง ๆ": the repetition mark never starts a line
    } else if (b == CharClass::Space || b == CharClass::Close || b == CharClass::ThaiMark ||
               b == CharClass::ThaiRepeat || a == CharClass::Open) {
      brk = false;
    } else if (a == CharClass::Hyphen) {
      // "E-Service", "ขย ๘๐๘๐๑/๓๓๕", URLs: break after the hyphen or slash when a word follows.
      brk = i >= 2 && is_wordish(cls[i - 2]) && is_wordish(b);
    } else {
      bool thai_a = a == CharClass::Thai || a == CharClass::ThaiMark || a == CharClass::ThaiRepeat;
      bool thai_b = b == CharClass::Thai;
      bool latin_a = a == CharClass::Letter || a == CharClass::Digit;
      bool latin_b = b == CharClass::Letter || b == CharClass::Digit || b == CharClass::Open;
      brk = (thai_a && latin_b) || (latin_a && thai_b);  // not after ".": "พ.ศ." stays whole
    }
    if (brk) kinds[i] = BreakKind::Space;
  }

  // Thai runs: dictionary breaks (cached: the same phrases recur across pages and documents).
  size_t i = 0;
  while (i < n) {
    if (!is_thai(text[i]) || cls[i] == CharClass::Digit) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < n && is_thai(text[i]) && cls[i] != CharClass::Digit) ++i;
    if (i - start < 2) continue;
    std::vector<int> run_breaks = thai_word_breaks(std::u32string_view(text).substr(start, i - start));
    for (int at_run : run_breaks) {
      size_t at = start + static_cast<size_t>(at_run);
      if (at > start && at < i && cls[at] != CharClass::ThaiMark && cls[at] != CharClass::ThaiRepeat)
        kinds[at] = BreakKind::Word;
    }
    mark_compounds(text, start, i, run_breaks, kinds);
  }
  if (lexicon && !lexicon->empty()) mark_lexicon(text, *lexicon, kinds);
  // "พ.ศ. ๒๕๖๘": the era stays with its year.
  for (size_t k = 0; k + 4 < n; ++k) {
    bool era = (text[k] == 0x0E1E && text[k + 2] == 0x0E28) || (text[k] == 0x0E04 && text[k + 2] == 0x0E28);
    if (!era || text[k + 1] != '.' || text[k + 3] != '.') continue;
    size_t j = k + 4;
    while (j < n && cls[j] == CharClass::Space) ++j;
    if (j < n && cls[j] == CharClass::Digit)
      for (size_t b = k + 4; b <= j; ++b) kinds[b] = BreakKind::None;
  }
  // A document number stays whole where it has spaces: the office code (two Thai consonants
  // standing alone) with its digits and with a "ที่" before it, "ที่ สน ๐๐๓๓.๓๐๑/ว ๑๑๘", and a
  // circular's ว with its number.
  // (A break after its slash is still allowed, for a number wider than its column.)
  auto consonant = [](char32_t c) { return c >= 0x0E01 && c <= 0x0E2E; };
  for (size_t e = 2; e < n; ++e) {
    if (cls[e] != CharClass::Digit || cls[e - 1] != CharClass::Space) continue;
    size_t s = e - 1;
    while (s > 0 && cls[s - 1] == CharClass::Space) --s;
    bool code = s >= 2 && consonant(text[s - 1]) && consonant(text[s - 2]) &&
                (s == 2 || cls[s - 3] == CharClass::Space);
    bool circular = s >= 2 && text[s - 1] == 0x0E27 && text[s - 2] == '/';
    if (code || circular) kinds[e] = BreakKind::None;
    if (!code) continue;
    // and "ที่" (number) before the code stays with it.
    size_t r = s - 2;
    while (r > 0 && cls[r - 1] == CharClass::Space) --r;
    if (r >= 3 && r < s - 2 && text[r - 3] == 0x0E17 && text[r - 2] == 0x0E35 && text[r - 1] == 0x0E48)
      kinds[s - 2] = BreakKind::None;
  }
  // "ฯลฯ" (etc.) is one unit.
  for (size_t k = 0; k + 2 < n; ++k) {
    if (text[k] == 0x0E2F && text[k + 1] == 0x0E25 && text[k + 2] == 0x0E2F)
      kinds[k + 1] = kinds[k + 2] = BreakKind::None;
  }
  kinds[0] = BreakKind::None;
  kinds[n] = BreakKind::None;
  return kinds;
}

std::vector<bool> find_line_breaks(const std::u32string& text) {
  std::vector<BreakKind> kinds = find_break_kinds(text);
  std::vector<bool> out(kinds.size());
  for (size_t i = 0; i < kinds.size(); ++i) out[i] = kinds[i] != BreakKind::None;
  return out;
}

// ------------------------------------------------------------------ over-wide words

namespace {

// True when a syllable can start at text[i] (a consonant or leading vowel) in text[.., e).
bool syllable_starts(const std::u32string& text, size_t i, size_t e) {
  char32_t c = text[i];
  if (is_leading_vowel(c)) return true;
  if (!is_thai_consonant(c)) return false;
  size_t j = i + 1;
  while (j < e && is_tone_mark(text[j])) ++j;
  if (j < e && (is_vowel_mark(text[j]) || is_following_vowel(text[j]))) return true;  // มา, ริ, ทำ, ดั
  // อ as the vowel: ชอบ, ขอ (ช carries it)
  if (j < e && text[j] == 0x0E2D && j + 1 < e && is_thai_consonant(text[j + 1]) && j == i + 1) return true;
  // The first consonant of a cluster whose second one carries the vowel: ประ, ความ, หน่วย.
  if (j == i + 1 && j < e && is_thai_consonant(text[j])) {
    char32_t d = text[j];
    static const std::u32string kFirst = U"กขคตปพผบทสจศ", kSecond = U"รลว";
    static const std::u32string kLeadingHo = U"นมยรลวงญ";
    bool cluster = (kFirst.find(c) != std::u32string::npos && kSecond.find(d) != std::u32string::npos) ||
                   (c == 0x0E2B && kLeadingHo.find(d) != std::u32string::npos) || (c == 0x0E2D && d == 0x0E22);
    if (cluster) {
      size_t k = j + 1;
      while (k < e && is_tone_mark(text[k])) ++k;
      return k < e && (is_vowel_mark(text[k]) || is_following_vowel(text[k]) || text[k] == 0x0E27 ||
                       text[k] == 0x0E2D);
    }
  }
  return false;
}

// True when text[i-1], text[i] are the two consonants of a cluster (ป|ระ is no cut).
bool inside_cluster(const std::u32string& text, size_t i, size_t e) {
  if (i < 1 || !is_thai_consonant(text[i - 1]) || !is_thai_consonant(text[i])) return false;
  if (i >= 2 && (is_thai_consonant(text[i - 2]) || is_leading_vowel(text[i - 2])) &&
      !syllable_starts(text, i - 1, e))
    return false;  // text[i-1] ends the syllable before (งบ|ประ)
  return syllable_starts(text, i - 1, e);
}

}  // namespace

std::vector<size_t> thai_syllable_cuts(const std::u32string& text, size_t b, size_t e) {
  std::vector<size_t> candidates;
  for (size_t i = b + 1; i < e; ++i) {
    if (!starts_grapheme(text, i) || is_following_vowel(text[i]) || is_leading_vowel(text[i - 1])) continue;
    if (classify(text[i]) == CharClass::ThaiRepeat || text[i] == 0x0E4C) continue;
    if (i + 1 < e && text[i + 1] == 0x0E4C) continue;  // a silenced consonant (ต์) ends its syllable
    {
      size_t k = i + 1;  // ...and so does one whose mark is the karan after a tone
      while (k < e && (is_tone_mark(text[k]) || is_vowel_mark(text[k]))) ++k;
      if (k < e && text[k] == 0x0E4C) continue;
    }
    if (!syllable_starts(text, i, e) || inside_cluster(text, i, e)) continue;
    candidates.push_back(i);
  }
  // No piece that is one consonant or one vowel alone (ณ, บ): a piece needs two grapheme
  // clusters, or a consonant with its vowel (ลำ, ดี); between cuts too.
  auto piece_ok = [&](size_t from, size_t to) {
    size_t clusters = 0;
    bool vowel = false, consonant = false;
    for (size_t k = from; k < to; ++k) {
      char32_t c = text[k];
      if (k == from || starts_grapheme(text, k)) clusters += is_leading_vowel(c) ? 0 : 1;
      vowel = vowel || is_leading_vowel(c) || is_following_vowel(c) || is_vowel_mark(c);
      consonant = consonant || is_thai_consonant(c);
    }
    return clusters >= 2 || (clusters == 1 && vowel && consonant);
  };
  std::vector<size_t> cuts;
  size_t last = b;
  for (size_t c : candidates) {
    if (piece_ok(last, c) && piece_ok(c, e)) {
      cuts.push_back(c);
      last = c;
    }
  }
  return cuts;
}

namespace {
struct HyphenDictDeleter {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};
HyphenDict* hyphen_dict() {
  static std::unique_ptr<HyphenDict, HyphenDictDeleter> dict = [] {
    for (const char* path : {"/usr/share/hyphen/hyph_en_US.dic", "/usr/share/hyphen/hyph_en.dic"}) {
      if (HyphenDict* d = hnj_hyphen_load(path)) return std::unique_ptr<HyphenDict, HyphenDictDeleter>(d);
    }
    return std::unique_ptr<HyphenDict, HyphenDictDeleter>();
  }();
  return dict.get();
}
}  // namespace

std::vector<size_t> latin_hyphenation_points(const std::u32string& text, size_t b, size_t e) {
  std::vector<size_t> out;
  HyphenDict* dict = hyphen_dict();
  if (!dict || e - b < 5 || e - b > 200) return out;
  std::string word;
  for (size_t i = b; i < e; ++i) {
    char32_t c = text[i];
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if (c < 'a' || c > 'z') return out;  // only plain ASCII words
    word += static_cast<char>(c);
  }
  std::vector<char> hyphens(word.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  // US English conventions: at least two letters before a hyphen and three after it.
  int rc = hnj_hyphen_hyphenate3(dict, word.c_str(), static_cast<int>(word.size()), hyphens.data(), nullptr, &rep,
                                 &pos, &cut, 2, 3, 2, 3);
  if (rep) {
    for (size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  if (rc != 0) return out;
  for (size_t i = 0; i + 1 < word.size(); ++i)
    if (hyphens[i] & 1) out.push_back(b + i + 1);
  return out;
}

}  // namespace thaidoc
