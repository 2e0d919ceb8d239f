#include "base/install_dirs.h"

#include <filesystem>
#include <system_error>

namespace thaidoc {

namespace fs = std::filesystem;

namespace {

// PREFIX/bin -> PREFIX/share/thaidoc, as installed (CMakeLists.txt computes it from
// CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR).
#ifndef THAIDOC_DATA_FROM_BIN
#define THAIDOC_DATA_FROM_BIN "../share/thaidoc"
#endif

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

// True if `path` is `dir` or lies below it (both already canonical).
bool lies_in(const fs::path& path, const fs::path& dir) {
  auto d = dir.begin(), p = path.begin();
  for (; d != dir.end(); ++d, ++p) {
    if (p == path.end() || *d != *p) return false;
  }
  return true;
}

}  // namespace

std::string executable_path() {
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  return ec ? std::string() : exe.string();
}

std::vector<std::string> shipped_data_dirs(const std::string& kind) {
  std::vector<std::string> dirs;
  std::string exe = executable_path();
  if (exe.empty()) return dirs;
  fs::path bin = fs::path(exe).parent_path();
  fs::path installed = (bin / THAIDOC_DATA_FROM_BIN / kind).lexically_normal();
  if (is_dir(installed)) dirs.push_back(installed.string());
#if defined(THAIDOC_BUILD_DIR) && defined(THAIDOC_SOURCE_DIR)
  std::error_code ec;
  fs::path build = fs::canonical(THAIDOC_BUILD_DIR, ec);
  fs::path in_source = fs::path(THAIDOC_SOURCE_DIR) / kind;
  if (!ec && lies_in(bin, build) && is_dir(in_source)) dirs.push_back(in_source.lexically_normal().string());
#endif
  return dirs;
}

}  // namespace thaidoc
