#include "ita/decimal.h"

#include <numeric>
#include <stdexcept>

namespace thaidoc::ita {

namespace {

using i128 = __int128;

i128 gcd128(i128 a, i128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

std::int64_t narrow(i128 v) {
  if (v > INT64_MAX || v < INT64_MIN) throw std::overflow_error("ITA arithmetic: a value is out of range");
  return static_cast<std::int64_t>(v);
}

}  // namespace

Exact Exact::normalise(i128 num, i128 den) {
  if (den == 0) throw std::domain_error("ITA arithmetic: division by zero");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  i128 g = gcd128(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  return Exact(Normalised{}, narrow(num), narrow(den));
}

namespace {

// The digits of a non-negative integer.
std::string digits_of(std::int64_t v) { return std::to_string(v); }

}  // namespace

std::optional<Hundredths> Hundredths::parse(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::int64_t whole = 0;
  size_t whole_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (++whole_digits > 15) return std::nullopt;
    whole = whole * 10 + (text[i++] - '0');
  }
  std::int64_t frac = 0;
  size_t frac_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      int d = text[i++] - '0';
      if (frac_digits < 2) {
        frac = frac * 10 + d;
      } else if (d != 0) {
        return std::nullopt;  // not exact in hundredths
      }
      ++frac_digits;
    }
  }
  if (i != text.size() || whole_digits + frac_digits == 0) return std::nullopt;
  if (frac_digits == 1) frac *= 10;
  std::int64_t n = whole * 100 + frac;
  return Hundredths(negative ? -n : n);
}

std::string Hundredths::str() const {
  std::int64_t a = n_ < 0 ? -n_ : n_;
  std::string frac = digits_of(a % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (n_ < 0 ? "-" : "") + digits_of(a / 100) + "." + frac;
}

std::string Hundredths::plain() const {
  std::string s = str();
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string Hundredths::whole_or_2() const { return n_ % 100 == 0 ? plain() : str(); }

Exact::Exact(std::int64_t num, std::int64_t den) {
  Exact e = normalise(num, den);
  num_ = e.num_;
  den_ = e.den_;
}

Exact Exact::operator+(const Exact& o) const {
  return normalise(static_cast<i128>(num_) * o.den_ + static_cast<i128>(o.num_) * den_, static_cast<i128>(den_) * o.den_);
}

Exact Exact::operator-(const Exact& o) const {
  return normalise(static_cast<i128>(num_) * o.den_ - static_cast<i128>(o.num_) * den_, static_cast<i128>(den_) * o.den_);
}

Exact Exact::operator*(const Exact& o) const {
  return normalise(static_cast<i128>(num_) * o.num_, static_cast<i128>(den_) * o.den_);
}

Exact Exact::operator/(const Exact& o) const {
  return normalise(static_cast<i128>(num_) * o.den_, static_cast<i128>(den_) * o.num_);
}

std::strong_ordering Exact::operator<=>(const Exact& o) const {
  i128 l = static_cast<i128>(num_) * o.den_, r = static_cast<i128>(o.num_) * den_;
  return l < r ? std::strong_ordering::less : l > r ? std::strong_ordering::greater : std::strong_ordering::equal;
}

Hundredths Exact::round2() const {
  // 100 * num / den, half up in magnitude: floor((2 * 100 * |num| + den) / (2 * den)).
  i128 a = num_ < 0 ? -static_cast<i128>(num_) : static_cast<i128>(num_);
  i128 r = (200 * a + den_) / (2 * static_cast<i128>(den_));
  return Hundredths(narrow(num_ < 0 ? -r : r));
}

std::string Exact::str(int decimals) const {
  i128 scale = 1;
  for (int k = 0; k < decimals; ++k) scale *= 10;
  i128 a = num_ < 0 ? -static_cast<i128>(num_) : static_cast<i128>(num_);
  i128 scaled = (2 * scale * a + den_) / (2 * static_cast<i128>(den_));  // half up at `decimals`
  std::string whole = digits_of(narrow(scaled / scale));
  std::string frac = digits_of(narrow(scaled % scale));
  while (static_cast<int>(frac.size()) < decimals) frac.insert(0, "0");
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string s = (num_ < 0 && scaled != 0 ? "-" : "") + whole;
  if (!frac.empty()) s += "." + frac;
  return s;
}

}  // namespace thaidoc::ita
