// UTF-8 <-> code points. Decoding is strict: overlong forms, surrogates and
// values above U+10FFFF are rejected with the byte offset of the problem.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thaidoc::utf8 {

// Offset of the first invalid byte, or nullopt if the whole string is valid UTF-8.
std::optional<size_t> find_invalid(std::string_view s);

// Decodes one code point at s[i], advancing i. Input must be valid.
char32_t next(std::string_view s, size_t& i);

// Decodes the whole (valid) string, and optionally the byte offset of each code point.
std::u32string decode(std::string_view s, std::vector<size_t>* offsets = nullptr);

void append(std::string& out, char32_t cp);
std::string encode(std::u32string_view s);

// Line and column (1-based, column counted in code points) of a byte offset.
void line_column(std::string_view s, size_t offset, int& line, int& column);

}  // namespace thaidoc::utf8
