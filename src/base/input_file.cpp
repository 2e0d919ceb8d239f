#include "base/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/error.h"
#include "base/input_log.h"

namespace thaidoc {

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

void check_stat(const std::string& path, const struct stat& st, size_t max_bytes) {
  if (S_ISDIR(st.st_mode)) throw Error(SourceLocation{path}, "is a directory, not a file", 1);
  if (!S_ISREG(st.st_mode)) {
    throw Error(SourceLocation{path},
                std::string("is not a regular file (") + kind_of(st.st_mode) + "); only files are read", 2);
  }
  if (max_bytes > 0 && static_cast<unsigned long long>(st.st_size) > max_bytes) {
    throw Error(SourceLocation{path}, file_too_large_message(max_bytes), 2);
  }
}

}  // namespace

std::string file_too_large_message(size_t max_bytes) {
  return "file too large (at most " + std::to_string(max_bytes >> 20) + " MB)";
}

std::string read_standard_input(size_t max_bytes, const std::string& name) {
  std::string text;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(SourceLocation{name}, std::string("cannot read standard input: ") + std::strerror(errno), 1);
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > max_bytes) throw Error(SourceLocation{name}, file_too_large_message(max_bytes), 2);
  }
  return text;
}

void check_input_file(const std::string& path, size_t max_bytes) {
  note_input_file(path);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw Error(SourceLocation{path}, std::string("cannot read file: ") + std::strerror(errno), 1);
  }
  check_stat(path, st, max_bytes);
}

std::string read_input_file(const std::string& path, size_t max_bytes) {
  note_input_file(path);
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting; fstat
  // then refuses it. Regular files ignore the flag.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    throw Error(SourceLocation{path}, std::string("cannot read file: ") + std::strerror(errno), 1);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    throw Error(SourceLocation{path}, std::string("cannot read file: ") + std::strerror(errno), 1);
  }
  check_stat(path, st, max_bytes);
  std::string text;
  text.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(SourceLocation{path}, std::string("cannot read file: ") + std::strerror(errno), 1);
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    // The file may grow while it is read: the limit holds for what is read.
    if (text.size() > max_bytes) throw Error(SourceLocation{path}, file_too_large_message(max_bytes), 2);
  }
  return text;
}

}  // namespace thaidoc
