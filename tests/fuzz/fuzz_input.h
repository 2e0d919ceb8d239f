// A small stand-in for libFuzzer's FuzzedDataProvider (which only clang ships), so the
// fuzz targets also build with GCC for the regression replays in the normal test suite.
// Numbers are taken from the front of the input, text from what follows.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

namespace thaidoc::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  size_t remaining() const { return size_ - pos_; }
  uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  bool boolean() { return byte() & 1; }
  // An integer in [lo, hi] (hi - lo < 65536).
  int integer(int lo, int hi) {
    unsigned v = byte();
    v = (v << 8) | byte();
    return lo + static_cast<int>(v % static_cast<unsigned>(hi - lo + 1));
  }
  double number(double lo, double hi) { return lo + (hi - lo) * (integer(0, 65535) / 65535.0); }
  // Up to max_length bytes, ended early by a 0xFF byte (not included).
  std::string text(size_t max_length) {
    std::string out;
    while (pos_ < size_ && out.size() < max_length) {
      uint8_t b = data_[pos_++];
      if (b == 0xFF) break;
      out.push_back(static_cast<char>(b));
    }
    return out;
  }
  std::string rest() {
    std::string out(reinterpret_cast<const char*>(data_ + pos_), size_ - pos_);
    pos_ = size_;
    return out;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

}  // namespace thaidoc::fuzz
