#include "model/thai_date.h"

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
