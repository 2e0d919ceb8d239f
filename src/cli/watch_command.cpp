#include "cli/watch_command.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "base/error.h"
#include "base/input_log.h"

namespace thaidoc {

namespace fs = std::filesystem;

namespace {

std::string absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  return (ec ? fs::path(path) : p).lexically_normal().string();
}

// One render: the files it read go into `files` (kept from before when this one failed
// early, so that fixing any of them renders again).
bool render_once(const RenderOptions& options, std::set<std::string>& files) {
  auto started = std::chrono::steady_clock::now();
  InputLog log;
  bool ok = false;
  try {
    Resources resources;  // fresh: fonts and templates are read again
    run_render_command(options, resources);
    ok = true;
  } catch (const Error& e) {
    std::cerr << "thaidoc: error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "thaidoc: internal error: " << e.what() << "\n";
  }
  std::set<std::string> read = log.files();
  if (ok) files.clear();
  files.insert(read.begin(), read.end());
  files.insert(absolute_normal(options.input));
  files.erase(absolute_normal(options.output));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char took[32];
  std::snprintf(took, sizeof took, "%.2f s", seconds);
  if (ok) {
    std::cout << "thaidoc watch: wrote " << options.output << " (" << took << ")" << std::endl;
  } else {
    std::error_code ec;
    bool kept = fs::exists(options.output, ec);
    std::cout << "thaidoc watch: errors, " << (kept ? options.output + " not changed" : "no PDF written")
              << "; watching for changes" << std::endl;
  }
  return ok;
}

class Watcher {
 public:
  Watcher() {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw Error({}, std::string("cannot watch files (inotify: ") + std::strerror(errno) + ")", 1);
  }
  ~Watcher() { ::close(fd_); }
  int fd() const { return fd_; }

  // Watches the folders of `files` (editors save by writing a new file and renaming it,
  // so the folder is watched, not the file) and forgets folders no longer needed.
  void watch(const std::set<std::string>& files) {
    files_ = files;
    std::set<std::string> dirs;
    for (const auto& f : files) dirs.insert(fs::path(f).parent_path().string());
    for (auto it = dirs_.begin(); it != dirs_.end();) {
      if (!dirs.count(it->second)) {
        inotify_rm_watch(fd_, it->first);
        it = dirs_.erase(it);
      } else {
        ++it;
      }
    }
    for (const auto& d : dirs) {
      bool have = false;
      for (const auto& [wd, dir] : dirs_) have = have || dir == d;
      if (have) continue;
      int wd = inotify_add_watch(fd_, d.c_str(),
                                 IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB);
      if (wd >= 0) dirs_[wd] = d;
    }
  }

  // Reads the pending events; true if one concerns a watched file.
  bool changed() {
    alignas(inotify_event) char buf[16384];
    bool relevant = false;
    for (;;) {
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      for (char* p = buf; p < buf + n;) {
        auto* ev = reinterpret_cast<inotify_event*>(p);
        p += sizeof(inotify_event) + ev->len;
        if (ev->mask & IN_Q_OVERFLOW) relevant = true;
        auto dir = dirs_.find(ev->wd);
        if (dir == dirs_.end() || ev->len == 0) continue;
        std::string path = (fs::path(dir->second) / ev->name).string();
        if (files_.count(path)) relevant = true;
      }
    }
    return relevant;
  }

 private:
  int fd_ = -1;
  std::map<int, std::string> dirs_;  // watch descriptor -> folder
  std::set<std::string> files_;
};

}  // namespace

int run_watch_command(const WatchOptions& options) {
  // SIGINT and SIGTERM arrive through a descriptor, so a render is never cut in half.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  if (sigprocmask(SIG_BLOCK, &signals, nullptr) != 0) throw Error({}, "cannot block SIGINT and SIGTERM", 1);
  int sfd = signalfd(-1, &signals, SFD_NONBLOCK | SFD_CLOEXEC);
  if (sfd < 0) throw Error({}, std::string("cannot receive signals (signalfd: ") + std::strerror(errno) + ")", 1);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{sfd};

  Watcher watcher;
  std::set<std::string> files;
  render_once(options.render, files);
  watcher.watch(files);
  std::cout << "thaidoc watch: watching " << files.size() << " file" << (files.size() == 1 ? "" : "s")
            << " (Ctrl-C stops)" << std::endl;

  for (;;) {
    pollfd fds[2] = {{sfd, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      throw Error({}, std::string("poll: ") + std::strerror(errno), 1);
    }
    if (fds[0].revents & POLLIN) break;
    if (!(fds[1].revents & POLLIN) || !watcher.changed()) continue;
    // Wait until the files are quiet (an editor may write, truncate and rename).
    for (;;) {
      pollfd again[2] = {{sfd, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
      int n = ::poll(again, 2, options.debounce_ms);
      if (n > 0 && (again[0].revents & POLLIN)) {
        std::cout << "thaidoc watch: stopped" << std::endl;
        return 0;
      }
      if (n > 0) {
        watcher.changed();
        continue;
      }
      if (n == 0) break;
      if (errno != EINTR) break;
    }
    render_once(options.render, files);
    watcher.watch(files);
  }
  std::cout << "thaidoc watch: stopped" << std::endl;
  return 0;
}

}  // namespace thaidoc
