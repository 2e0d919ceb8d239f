// --warnings none|layout|all: which warnings a command prints. Layout warnings are the text
// engine's (stretched, word cut, name split, could not keep), keep-together and, without
// --strict, layout violations; `all` adds the rest (supplied ITA values that disagree, text no
// font has glyphs for). A batch report counts every warning whatever the level.
#pragma once
#include <string>

namespace thaidoc {

enum class WarningLevel { None, Layout, All };

inline WarningLevel parse_warning_level(const std::string& s) {
  return s == "none" ? WarningLevel::None : s == "layout" ? WarningLevel::Layout : WarningLevel::All;
}
inline bool prints_layout(WarningLevel l) { return l != WarningLevel::None; }
inline bool prints_other(WarningLevel l) { return l == WarningLevel::All; }

}  // namespace thaidoc
