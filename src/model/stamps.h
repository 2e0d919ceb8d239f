// ชั้นความเร็ว and ชั้นความลับ: the speed (ด่วนที่สุด, ด่วนมาก, ด่วน) and secrecy (ลับที่สุด,
// ลับมาก, ลับ) classes of a letter, memo, order or announcement, stamped in red.
#pragma once
#include <string>

#include "base/error.h"

namespace thaidoc {

struct Stamps {
  std::string speed;    // "" = none
  std::string secrecy;  // "" = none
  SourceLocation speed_at, secrecy_at;
  bool empty() const { return speed.empty() && secrecy.empty(); }
};

}  // namespace thaidoc
