#include "model/thai_date.h"

#include <cstdio>

namespace thaidoc {
namespace {

constexpr int kBuddhistEraOffset = 543;

const char* const kFullMonths[12] = {
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};

const char* const kShortMonths[12] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                      "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool parse_digits(const std::string& text, size_t from, size_t count, int& out) {
  out = 0;
  for (size_t i = from; i < from + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

bool parse_iso_date(const std::string& text, ThaiDate& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int year = 0, month = 0, day = 0;
  if (!parse_digits(text, 0, 4, year) || !parse_digits(text, 5, 2, month) ||
      !parse_digits(text, 8, 2, day)) {
    return false;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return false;
  }
  out.year = year;
  out.month = month;
  out.day = day;
  return true;
}

namespace {

constexpr int kFirstBuddhistLooking = 2400;  // 1857 CE: no document of ours is dated before it

std::string trim_spaces(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool valid_day(int year, int month, int day) {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::string iso(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// "24 เมษายน 2568", "24 เม.ย. พ.ศ. 2568" (digits already Arabic). Year as written.
bool parse_thai_words(const std::string& s, int& year, int& month, int& day) {
  size_t i = 0;
  auto number = [&](int& out) {
    size_t b = i;
    out = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - b < 5) out = out * 10 + (s[i++] - '0');
    return i > b && (i == s.size() || s[i] < '0' || s[i] > '9');
  };
  auto spaces = [&] {
    size_t b = i;
    while (i < s.size() && s[i] == ' ') ++i;
    return i > b;
  };
  if (!number(day) || !spaces()) return false;
  month = 0;
  for (int m = 1; m <= 12 && month == 0; ++m) {
    for (MonthStyle st : {MonthStyle::Full, MonthStyle::Abbreviated}) {
      std::string name = thai_month_name(m, st);
      if (s.compare(i, name.size(), name) == 0) {
        month = m;
        i += name.size();
        break;
      }
    }
  }
  if (month == 0) return false;
  spaces();
  static const std::string kEra = "พ.ศ.";
  if (s.compare(i, kEra.size(), kEra) == 0) {
    i += kEra.size();
    spaces();
  }
  return number(year) && i == s.size();
}

}  // namespace

bool parse_date(const std::string& input, ThaiDate& out, std::string& error) {
  std::string text = trim_spaces(input);
  std::string s = convert_digits(text, DigitStyle::Arabic);
  error.clear();
  bool be = false;
  for (const char* mark : {" BE", " B.E.", " พ.ศ.", " be", " b.e."}) {
    if (ends_with(s, mark)) {
      be = true;
      s = trim_spaces(s.substr(0, s.size() - std::string(mark).size()));
      break;
    }
  }
  int year = 0, month = 0, day = 0;
  bool is_iso = s.size() == 10 && s[4] == '-' && s[7] == '-' && parse_digits(s, 0, 4, year) &&
                parse_digits(s, 5, 2, month) && parse_digits(s, 8, 2, day);
  bool thai_words = !is_iso && !be && parse_thai_words(s, year, month, day);
  if (!is_iso && !thai_words) {
    error = "'" + text + "' is not a valid date (expected YYYY-MM-DD)";
    return false;
  }
  be = be || thai_words;
  int ce = be ? year - kBuddhistEraOffset : year;
  if (!valid_day(ce, month, day)) {
    error = "'" + text + "' is not a valid date (expected YYYY-MM-DD)";
    return false;
  }
  if (!be && year >= kFirstBuddhistLooking) {
    error = text + " looks like a Buddhist-era year: write " +
            iso(year - kBuddhistEraOffset, month, day) + " or " + iso(year, month, day) + " BE";
    return false;
  }
  if (be && year < kFirstBuddhistLooking) {
    error = text + " gives the year " + std::to_string(year) + " BE (" + std::to_string(year - kBuddhistEraOffset) +
            " CE), which looks like a Common-Era year: write " +
            iso(year, month, day) + " or " + iso(year + kBuddhistEraOffset, month, day) + " BE";
    return false;
  }
  out.year = ce;
  out.month = month;
  out.day = day;
  return true;
}

const char* thai_month_name(int month, MonthStyle style) {
  if (month < 1 || month > 12) return "";
  return style == MonthStyle::Full ? kFullMonths[month - 1] : kShortMonths[month - 1];
}

std::string format_thai_date(const ThaiDate& date, MonthStyle months, DigitStyle digits) {
  if (date.empty()) return "";
  std::string text = std::to_string(date.day) + " " + thai_month_name(date.month, months) + " " +
                     std::to_string(date.year + kBuddhistEraOffset);
  // "keep" has nothing to keep: the numbers are produced here, in Arabic digits.
  return digits == DigitStyle::Thai ? convert_digits(text, DigitStyle::Thai) : text;
}

int fiscal_year_be(const ThaiDate& date) {
  if (date.empty()) return 0;
  int year_ce = date.month >= 10 ? date.year + 1 : date.year;
  return year_ce + kBuddhistEraOffset;
}

}  // namespace thaidoc
