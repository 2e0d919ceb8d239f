// Helpers shared by the tests: running commands, reading files, temp dirs.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "font/font_manager.h"
#include "frame/frame.h"
#include "text/paragraph.h"

namespace thaidoc::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs a shell command, capturing its output.
CommandResult run(const std::string& command);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// A fresh empty directory under the build's temp area, removed at exit of the test.
std::string temp_dir(const std::string& name);

std::string source_dir();    // the repository
std::string thaidoc_binary();  // the built CLI

// Single-quotes a string for the shell.
std::string quote(const std::string& s);

// The positions (code point indexes) where libthai itself breaks a Thai string.
std::set<size_t> libthai_breaks(const std::u32string& s);

// The glyph runs of a laid-out document with their text and place.
struct RunInfo {
  std::string text;
  int page = 0;
  double x = 0, y = 0, width = 0, size = 0;
  double center() const { return x + width / 2; }
};
std::vector<RunInfo> runs_of(const LaidOutDocument& doc);

// The shipped fonts, loaded once per test program.
FontManager& fonts();
// Laksaman at `size` points with the DejaVu Sans fallback.
TextStyle body(double size = 16);
// Breaking settings whose dictionary holds these names (kept whole across lines).
BreakSettings with_names(const std::vector<std::string>& names);
// The characters of a laid-out line, in glyph order.
std::string glyph_text(const TextLine& line);

// A complete memo with one body paragraph (for tests that change one part of it).
extern const char* const kMinimalMemo;

}  // namespace thaidoc::test
