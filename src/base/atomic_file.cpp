#include "base/atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace thaidoc {

namespace {

// ".NAME.tmp-" plus a process id and a counter (at most 10 digits each) plus the stem
// stays within 255 bytes.
constexpr size_t kMaxStemBytes = 200;

bool is_no_space(const std::string& message) {
  return message.find(std::strerror(ENOSPC)) != std::string::npos ||
         message.find(std::strerror(EDQUOT)) != std::string::npos;
}

}  // namespace

std::string temp_name_stem(const std::string& file_name) {
  if (file_name.size() <= kMaxStemBytes) return file_name;
  size_t cut = kMaxStemBytes;
  while (cut > 0 && (static_cast<unsigned char>(file_name[cut]) & 0xC0) == 0x80) --cut;
  return file_name.substr(0, cut);
}

void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write) {
  namespace fs = std::filesystem;
  static std::atomic<unsigned> counter{0};
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      if (ec.value() == ENOSPC || ec.value() == EDQUOT) {
        throw NoSpaceError({path}, "cannot create directory '" + dir.string() + "': " + ec.message(), 2);
      }
      throw Error({path}, "cannot create directory '" + dir.string() + "': " + ec.message());
    }
  }
  std::string temp = (dir / ("." + temp_name_stem(target.filename().string()) + ".tmp-" +
                             std::to_string(getpid()) + "-" + std::to_string(counter++)))
                         .string();
  try {
    write(temp);
  } catch (const Error& e) {
    std::remove(temp.c_str());
    // The temporary file is an implementation detail: name the output asked for.
    bool names_temp = e.where().file == temp;
    SourceLocation where = names_temp ? SourceLocation{path} : e.where();
    std::string message = e.message();
    for (size_t at; names_temp && (at = message.find(temp)) != std::string::npos;) message.replace(at, temp.size(), path);
    if (is_no_space(message)) throw NoSpaceError(where, message, 2);
    if (names_temp) throw Error(where, message, e.exit_code());
    throw;
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
