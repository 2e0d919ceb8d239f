// Where a line may break, how much each break costs, and where grapheme clusters start.
//  - Thai runs: dictionary word breaks from libthai (th_brk); a break between the words of a
//    known compound (a built-in list of compounds of official Thai, such as หน่วย|งาน, and
//    "ความ"/"การ"/"ผู้" + word) is a Compound break; a break inside a word or name of the
//    user dictionary (a Lexicon) is a Name break, except where the name's kind (an
//    administration such as องค์การบริหารส่วนตำบล, เทศบาลนคร, อำเภอ) meets the name proper:
//    a NameKind break (นายก|องค์การบริหารส่วนตำบล|ตาเนิน), the proper name itself stays whole.
//  - Elsewhere: after spaces, after hyphens and slashes between letters/digits,
//    and at Thai/Latin boundaries; never before closing punctuation, marks,
//    ๆ or ฯ, never after opening brackets.
// Over-wide words (wider than a line) are cut where a syllable ends (Thai) or at hyphenation
// points (Latin, libhyphen with hyphen-en-us), never leaving one consonant or vowel alone.
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>
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

// What a line break before a character costs, cheapest first.
enum class BreakKind : unsigned char {
  None,      // no break here
  Space,     // at a space, after a hyphen or slash, between Thai and Latin: between phrases
  Word,      // between two Thai dictionary words
  Compound,  // between the words of a known compound
  NameKind,  // inside a name, between its kind and the name proper (องค์การบริหารส่วนตำบล|ตาเนิน)
  Name,      // inside a word or name of the user dictionary
  Keep,      // inside a [[no-break]] phrase (set by the paragraph engine from the span style)
};

// A user dictionary: words, names and phrases (spaces allowed) that are never broken when
// the line can be broken elsewhere. Built once per document; read from several threads.
class Lexicon {
 public:
  void add(std::string_view utf8);  // blank entries, and entries without a letter, are ignored
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  const std::vector<std::u32string>& entries() const { return entries_; }
  // The entries that occur in the UTF-8 text, joined (part of a paragraph's cache key): a
  // paragraph is laid out again only when a name it contains is added.
  std::string matches(std::string_view utf8_text) const;

 private:
  std::vector<std::u32string> entries_;
  std::vector<std::string> utf8_;
  std::unordered_set<std::u32string> seen_;
};

// kinds[i] is how a line may break before text[i] (size text.size()+1; kinds[0] and
// kinds[size] are None). Safe to call from several threads.
std::vector<BreakKind> find_break_kinds(const std::u32string& text, const Lexicon* lexicon = nullptr);

// breaks[i] is true when a line may break before text[i] (find_break_kinds != None).
std::vector<bool> find_line_breaks(const std::u32string& text);

// True when text[i] starts a new grapheme cluster (a base with its marks).
bool starts_grapheme(const std::u32string& text, size_t i);

// Where the Thai word text[b, e) may be cut when it is wider than a line: before a syllable
// (a leading vowel, a consonant that carries a vowel, or the first of a consonant cluster
// such as ปร), never inside a cluster, and never leaving a piece of one grapheme cluster
// (งบประมา|ณ and ลำดั|บ are not cuts). Ascending positions strictly inside (b, e).
std::vector<size_t> thai_syllable_cuts(const std::u32string& text, size_t b, size_t e);

// Hyphenation points of the Latin word text[b, e) (libhyphen, US English patterns): a
// position p means "cut before text[p], with a hyphen". Empty when the patterns are missing.
std::vector<size_t> latin_hyphenation_points(const std::u32string& text, size_t b, size_t e);

// The built-in compounds (for tests and tools).
const std::vector<std::u32string>& builtin_compounds();

}  // namespace thaidoc
