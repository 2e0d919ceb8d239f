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

enum class MonthStyle { Full, Abbreviated };

// "๒๔ เมษายน ๒๕๖๘" (Buddhist era = CE + 543), or "๒๔ เม.ย. ๒๕๖๘" abbreviated.
std::string format_thai_date(const ThaiDate& date, MonthStyle months, DigitStyle digits);

// Fiscal year (ปีงบประมาณ) in BE: 1 October of CE year Y-1 .. 30 September of Y belongs to Y+543.
int fiscal_year_be(const ThaiDate& date);

const char* thai_month_name(int month, MonthStyle style);

}  // namespace thaidoc
