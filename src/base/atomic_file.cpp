#include "base/atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "base/error.h"

namespace thaidoc {

void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write) {
  namespace fs = std::filesystem;
  static std::atomic<unsigned> counter{0};
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error({path}, "cannot create directory '" + dir.string() + "': " + ec.message());
  }
  std::string temp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(getpid()) +
                             "-" + std::to_string(counter++)))
                         .string();
  try {
    write(temp);
  } catch (...) {
    std::remove(temp.c_str());
    throw;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    std::remove(temp.c_str());
    throw Error({path}, std::string("cannot write output: ") + std::strerror(err));
  }
}

}  // namespace thaidoc
