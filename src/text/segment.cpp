#include "text/segment.h"

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include <algorithm>
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

std::vector<bool> find_line_breaks(const std::u32string& text) {
  const size_t n = text.size();
  std::vector<bool> breaks(n + 1, false);
  if (n == 0) return breaks;
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
    breaks[i] = brk;
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
    for (int at_run : thai_word_breaks(std::u32string_view(text).substr(start, i - start))) {
      size_t at = start + static_cast<size_t>(at_run);
      if (at > start && at < i && cls[at] != CharClass::ThaiMark && cls[at] != CharClass::ThaiRepeat)
        breaks[at] = true;
    }
  }
  // "พ.ศ. ๒๕๖๘": the era stays with its year.
  for (size_t k = 0; k + 4 < n; ++k) {
    bool era = (text[k] == 0x0E1E && text[k + 2] == 0x0E28) || (text[k] == 0x0E04 && text[k + 2] == 0x0E28);
    if (!era || text[k + 1] != '.' || text[k + 3] != '.') continue;
    size_t j = k + 4;
    while (j < n && cls[j] == CharClass::Space) ++j;
    if (j < n && cls[j] == CharClass::Digit)
      for (size_t b = k + 4; b <= j; ++b) breaks[b] = false;
  }
  // "ฯลฯ" (etc.) is one unit.
  for (size_t k = 0; k + 2 < n; ++k) {
    if (text[k] == 0x0E2F && text[k + 1] == 0x0E25 && text[k + 2] == 0x0E2F) breaks[k + 1] = breaks[k + 2] = false;
  }
  breaks[0] = false;
  breaks[n] = false;
  return breaks;
}

}  // namespace thaidoc
