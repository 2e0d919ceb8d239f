#include "base/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
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

namespace {

const char* kind_of_node(mode_t mode) {
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

void check_output_path(const std::string& path, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (::lstat(path.c_str(), &out) != 0) return;  // a new path (or one the writer will report)
  if (!S_ISREG(out.st_mode)) {
    std::string hint = S_ISLNK(out.st_mode) ? " (give the file it points to, or -o - for standard output)" : "";
    throw Error(SourceLocation{path}, std::string("refusing to write the output over ") + kind_of_node(out.st_mode) +
                                          ": output goes only to a regular file or a new path" + hint,
                2);
  }
  for (const std::string& input : inputs) {
    struct stat in {};
    if (input.empty() || is_std_stream(input) || ::stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      throw Error(SourceLocation{path}, "refusing to write the output over the input file '" + input + "'", 2);
    }
  }
}

void write_to_stdout(const std::function<void(const std::string&)>& write) {
  if (::isatty(STDOUT_FILENO)) {
    throw Error(SourceLocation{"-"}, "standard output is a terminal: redirect it (> out.pdf) or give -o FILE", 2);
  }
  const char* tmpdir = std::getenv("TMPDIR");
  std::string pattern = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/thaidoc-stdout-XXXXXX";
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw Error(SourceLocation{pattern}, std::string("cannot create a temporary file: ") + std::strerror(errno));
  ::close(fd);
  struct Remover {
    std::string path;
    ~Remover() { std::remove(path.c_str()); }
  } remover{pattern};
  try {
    write(pattern);
  } catch (const Error& e) {
    if (e.where().file != pattern) throw;
    std::string message = e.message();
    for (size_t at; (at = message.find(pattern)) != std::string::npos;) message.replace(at, pattern.size(), "-");
    throw Error(SourceLocation{"-"}, message, e.exit_code());
  }
  std::FILE* in = std::fopen(pattern.c_str(), "rb");
  if (!in) throw Error(SourceLocation{pattern}, std::string("cannot read the temporary file: ") + std::strerror(errno));
  char buf[1 << 16];
  size_t n;
  bool ok = true;
  while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) {
    if (std::fwrite(buf, 1, n, stdout) != n) {
      ok = false;
      break;
    }
  }
  std::fclose(in);
  if (std::fflush(stdout) != 0) ok = false;
  if (!ok) throw Error(SourceLocation{"-"}, std::string("cannot write to standard output: ") + std::strerror(errno));
}

void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  check_output_path(path, inputs);
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
  // Checked again just before the rename: the path may have changed meanwhile.
  try {
    check_output_path(path, inputs);
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
