#include "test_support.h"

#include "text/segment.h"

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <cstdlib>
#include <unistd.h>

namespace thaidoc::test {

namespace {
// Every thaidoc the tests run is --strict: a layout violation fails the command.
const bool kStrict = [] { return ::setenv("THAIDOC_STRICT", "1", 1) == 0; }();
}  // namespace

CommandResult run(const std::string& command) {
  CommandResult r;
  std::string full = command + " 2>&1";
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("thaidoc-test-" + name + "-" +
                                                      std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string source_dir() { return THAIDOC_SOURCE_DIR; }
std::string thaidoc_binary() { return THAIDOC_BINARY; }

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::set<size_t> libthai_breaks(const std::u32string& s) {
  ThBrk* brk = th_brk_new(nullptr);
  std::vector<wchar_t> buf(s.begin(), s.end());
  buf.push_back(0);
  std::vector<int> pos(s.size() + 1);
  int n = th_brk_wc_find_breaks(brk, buf.data(), pos.data(), pos.size());
  th_brk_delete(brk);
  return {pos.begin(), pos.begin() + std::max(0, n)};
}

std::vector<RunInfo> runs_of(const LaidOutDocument& doc) {
  std::vector<RunInfo> out;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& item : doc.pages[p].items)
      if (auto* r = std::get_if<GlyphRun>(&item)) {
        std::string t;
        for (const auto& c : r->clusters) t += c.text;
        out.push_back({t, static_cast<int>(p), r->x, r->y, r->width, r->size});
      }
  return out;
}

FontManager& fonts() {
  static FontManager fm({source_dir() + "/fonts"});
  return fm;
}

BreakSettings with_names(const std::vector<std::string>& names) {
  BreakSettings settings;
  auto lexicon = std::make_shared<Lexicon>();
  for (const std::string& n : names) lexicon->add(n);
  settings.lexicon = lexicon;
  return settings;
}

TextStyle body(double size) {
  TextStyle s;
  s.font = fonts().get("Laksaman.ttf");
  s.fallback = fonts().get("DejaVuSans.ttf");
  s.size = size;
  return s;
}

std::string glyph_text(const TextLine& line) {
  std::string out;
  for (const auto& item : line.items)
    if (auto* run = std::get_if<GlyphRun>(&item))
      for (const auto& c : run->clusters) out += c.text;
  return out;
}

const char* const kMinimalMemo = R"Y(kind: memo
memo:
  agency: สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน
  reference: ชย ๘๐๘๐๑/๓๓๕
  date: 2025-04-24
  subject: รายงานผล
  to: นายกองค์การบริหารส่วนตำบลตาเนิน
  body:
    - ข้อความ
  signer:
    name: นางสาวเสาวนิตย์ ประยูรพันธ์
)Y";

}  // namespace thaidoc::test
