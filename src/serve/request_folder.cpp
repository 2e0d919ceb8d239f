#include "serve/request_folder.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>

#include "base/error.h"

namespace thaidoc::serve {
namespace fs = std::filesystem;

namespace {
std::atomic<unsigned long> g_count{0};
}

RequestFolder::RequestFolder(const std::string& parent) {
  static const unsigned long salt = std::random_device{}();
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path p = fs::path(parent) / ("request-" + std::to_string(getpid()) + "-" + std::to_string(salt % 100000) +
                                     "-" + std::to_string(++g_count));
    std::error_code ec;
    if (fs::create_directory(p, ec)) {
      fs::permissions(p, fs::perms::owner_all, fs::perm_options::replace, ec);
      path_ = p.string();
      return;
    }
  }
  throw Error({}, "cannot make a folder for the request's images in " + parent, 1);
}

RequestFolder::~RequestFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string RequestFolder::check_name(const std::string& name) {
  if (name.empty()) return "an empty part name";
  if (name.size() > 255) return "a part name longer than 255 bytes";
  if (name[0] == '/') return "an absolute path";
  int depth = 0;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    std::string seg = name.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == "..") return "a path with an empty, '.' or '..' segment";
    for (char c : seg) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                c == '-';
      if (!ok) return "a character other than A-Z a-z 0-9 . _ - and /";
    }
    if (++depth > kMaxDepth) return "more than " + std::to_string(kMaxDepth) + " folders deep";
    start = end + 1;
  }
  if (name == "document.yaml") return "the document's own name";
  return "";
}

void RequestFolder::add(const std::string& name, const std::string& bytes) {
  std::string why = check_name(name);
  if (!why.empty()) throw Error({}, "part '" + name + "': " + why, 2);
  fs::path p = fs::path(path_) / name;
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  if (fs::exists(p, ec)) throw Error({}, "part '" + name + "' is given twice", 2);
  std::ofstream f(p, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) throw Error({}, "part '" + name + "' could not be stored", 1);
}

}  // namespace thaidoc::serve
