// Where a line may break, and where grapheme clusters start.
//  - Thai runs: dictionary word breaks from libthai (th_brk).
//  - Elsewhere: after spaces, after hyphens and slashes between letters/digits,
//    and at Thai/Latin boundaries; never before closing punctuation, marks,
//    ๆ or ฯ, never after opening brackets.
#pragma once
#include <string>
#include <vector>

namespace thaidoc {

enum class CharClass : unsigned char {
  Thai,       // Thai letters and vowels that start a cluster
  ThaiMark,   // Thai combining marks and sara am: never start a cluster or a word
  ThaiRepeat, // ๆ and ฯ: attach to the preceding word
  Digit,      // 0-9 and ๐-๙
  Letter,     // Latin and other letters
  Space,      // spaces and tabs
  Hyphen,     // - / and dashes: a break is allowed after them
  Open,       // ( [ { “ ‘ « : no break after
  Close,      // ) ] } ” ’ » . , ; : ! ? % : no break before
  Other,      // symbols
};

CharClass classify(char32_t c);
bool is_thai(char32_t c);

// breaks[i] is true when a line may break before text[i] (size text.size()+1;
// breaks[0] and breaks[size] are false). Safe to call from several threads.
std::vector<bool> find_line_breaks(const std::u32string& text);

// True when text[i] starts a new grapheme cluster (a base with its marks).
bool starts_grapheme(const std::u32string& text, size_t i);

}  // namespace thaidoc
