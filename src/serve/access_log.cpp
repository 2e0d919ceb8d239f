#include "serve/access_log.h"

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <mutex>

#include "serve/json.h"

namespace thaidoc::serve {

std::string access_log_line(std::chrono::system_clock::time_point when, std::string_view method,
                            std::string_view path, int status, size_t bytes, double ms) {
  using namespace std::chrono;
  auto since = when.time_since_epoch();
  std::time_t seconds = static_cast<std::time_t>(duration_cast<std::chrono::seconds>(since).count());
  int millis = static_cast<int>(duration_cast<milliseconds>(since).count() % 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char stamp[40];
  std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  char tail[96];
  std::snprintf(tail, sizeof tail, ", \"status\": %d, \"bytes\": %zu, \"ms\": %.1f}\n", status, bytes, ms);
  return std::string("{\"time\": \"") + stamp + "\", \"method\": " + json_string(method) +
         ", \"path\": " + json_string(path) + tail;
}

void write_access_log(const std::string& line) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
    if (n <= 0) return;  // a closed standard error does not stop the service
    done += static_cast<size_t>(n);
  }
}

}  // namespace thaidoc::serve
