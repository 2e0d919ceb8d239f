// Dates written as ISO dates in the input and printed the Thai way.
#pragma once
#include <string>

#include "base/digits.h"

namespace thaidoc {

struct ThaiDate {
  int year = 0;  // Common Era; 0 = no date
  int month = 0; // 1..12
  int day = 0;   // 1..31
  bool empty() const { return year == 0; }
};

// Parses "YYYY-MM-DD" (Common Era). Returns false for anything else or an impossible date.
bool parse_iso_date(const std::string& text, ThaiDate& out);

// Parses a date as a document may write it, Thai or Arabic digits alike:
//   "2025-04-24"            Common Era
//   "2568-04-24 BE"         Buddhist era, said so ("BE", "B.E." or "พ.ศ." after the date)
//   "๒๔ เมษายน ๒๕๖๘"        a Thai date (full or abbreviated month, optional "พ.ศ."): Buddhist era
// An ISO date whose year looks like a Buddhist-era one (2400 or later) is refused, as is a
// Buddhist-era date whose year looks like a Common-Era one: `error` then shows both readings,
// e.g. "2568-04-24 looks like a Buddhist-era year: write 2025-04-24 or 2568-04-24 BE".
// Returns false with `error` set (without the value's location) for anything it cannot read.
bool parse_date(const std::string& text, ThaiDate& out, std::string& error);

enum class MonthStyle { Full, Abbreviated };

// "๒๔ เมษายน ๒๕๖๘" (Buddhist era = CE + 543), or "๒๔ เม.ย. ๒๕๖๘" abbreviated.
std::string format_thai_date(const ThaiDate& date, MonthStyle months, DigitStyle digits);

// Fiscal year (ปีงบประมาณ) in BE: 1 October of CE year Y-1 .. 30 September of Y belongs to Y+543.
int fiscal_year_be(const ThaiDate& date);

const char* thai_month_name(int month, MonthStyle style);

}  // namespace thaidoc
