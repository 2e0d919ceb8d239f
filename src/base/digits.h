// Thai and Arabic digits.
#pragma once
#include <string>
#include <string_view>

namespace thaidoc {

enum class DigitStyle { Thai, Arabic, Keep };

// Parses "thai" / "arabic" / "keep"; throws std::invalid_argument otherwise.
DigitStyle parse_digit_style(std::string_view name);

// Rewrites digits (ASCII 0-9 and Thai ๐-๙) in the requested style.
//
// Thai digits are for numbers in Thai text, so with DigitStyle::Thai the digits
// of a "word" that is not a number are left as written: a word (a run of
// characters other than spaces and Thai letters) that holds a Latin letter or
// '@' (URLs, e-mail addresses, codes such as O42, E12, COVID-19, q2.html,
// v2.1), a dotted version number with two or more dots (1.2.3), and the number
// after a standard's name (ISO 9001, IEC 27001, RFC 3339, TIS 1234).
// DigitStyle::Arabic rewrites every Thai digit (it is also used to read numbers).
std::string convert_digits(std::string_view utf8_text, DigitStyle style);

}  // namespace thaidoc
