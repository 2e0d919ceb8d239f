// Thai and Arabic digits.
#pragma once
#include <string>
#include <string_view>

namespace thaidoc {

enum class DigitStyle { Thai, Arabic, Keep };

// Parses "thai" / "arabic" / "keep"; throws std::invalid_argument otherwise.
DigitStyle parse_digit_style(std::string_view name);

// Rewrites every digit (ASCII 0-9 and Thai ๐-๙) in the requested style.
std::string convert_digits(std::string_view utf8_text, DigitStyle style);

}  // namespace thaidoc
