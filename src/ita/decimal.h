// Exact decimal arithmetic for ITA scores.
//
// Every number an ITA report prints has two decimals, so the printed values are kept as
// whole hundredths (Hundredths: 93.37 is 9337), read from the input's text without going
// through binary floating point. Means and weighted values are not whole hundredths
// (87.716, 26.316): they are exact fractions (Exact), rounded to hundredths only at the
// documented points (ita_compute.h), half up: x.xx5 goes up (65.375 -> 65.38, 2.675 -> 2.68,
// 28.695 -> 28.70). All ITA values are 0..100 or small differences, far inside int64.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thaidoc::ita {

class Hundredths {
 public:
  constexpr Hundredths() = default;
  // n hundredths: Hundredths(9337) is 93.37.
  constexpr explicit Hundredths(std::int64_t n) : n_(n) {}
  static constexpr Hundredths whole(std::int64_t units) { return Hundredths(units * 100); }

  // "93.37", "93.370", "85", "-0.5", "+7" (ASCII digits; convert Thai digits first). nullopt if
  // the text is not a decimal number or has a non-zero digit after the second decimal
  // ("87.716"): such a value is not exact in hundredths.
  static std::optional<Hundredths> parse(std::string_view text);

  constexpr std::int64_t count() const { return n_; }
  double to_double() const { return static_cast<double>(n_) / 100.0; }
  // Two decimals: "76.80", "100.00", "-0.01".
  std::string str() const;
  // No trailing zeros: "85", "92.5", "94.99".
  std::string plain() const;
  // Whole numbers without decimals, others with two: "30", "33.33", "100".
  std::string whole_or_2() const;

  constexpr Hundredths operator+(Hundredths o) const { return Hundredths(n_ + o.n_); }
  constexpr Hundredths operator-(Hundredths o) const { return Hundredths(n_ - o.n_); }
  constexpr Hundredths& operator+=(Hundredths o) { n_ += o.n_; return *this; }
  constexpr Hundredths abs() const { return Hundredths(n_ < 0 ? -n_ : n_); }
  constexpr auto operator<=>(const Hundredths&) const = default;

 private:
  std::int64_t n_ = 0;
};

// An exact fraction num/den (den > 0, lowest terms).
class Exact {
 public:
  constexpr Exact() = default;
  Exact(std::int64_t num, std::int64_t den);
  Exact(Hundredths h) : Exact(h.count(), 100) {}  // NOLINT: every Hundredths is exact

  Exact operator+(const Exact& o) const;
  Exact operator-(const Exact& o) const;
  Exact operator*(const Exact& o) const;
  Exact operator/(const Exact& o) const;  // o must not be 0
  Exact& operator+=(const Exact& o) { return *this = *this + o; }
  bool operator==(const Exact& o) const { return num_ == o.num_ && den_ == o.den_; }
  std::strong_ordering operator<=>(const Exact& o) const;

  // Rounded to whole hundredths, half up (away from zero for negative values).
  Hundredths round2() const;
  // Up to `decimals` decimals, trailing zeros dropped, for messages: "76.8028", "1/3" never.
  std::string str(int decimals = 4) const;
  double to_double() const { return static_cast<double>(num_) / static_cast<double>(den_); }
  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }

 private:
  struct Normalised {};
  Exact(Normalised, std::int64_t num, std::int64_t den) : num_(num), den_(den) {}
  // num/den in lowest terms with a positive denominator; throws on 0 or overflow.
  static Exact normalise(__int128 num, __int128 den);
  std::int64_t num_ = 0, den_ = 1;
};

}  // namespace thaidoc::ita
