// A time by which this thread's work must end: the server's --time-limit. The long loops of
// reading and layout (each block, paragraph, hundred lines, page) call check_deadline(),
// which throws DeadlinePassed once that time has passed, so a worker whose request has timed
// out is free again within moments instead of finishing a render nobody waits for.
// Outside the server no deadline is set and check_deadline() never throws.
#pragma once
#include <chrono>
#include <stdexcept>

namespace thaidoc {

// Not an Error: code that reports an Error and goes on (a bad image, a bad record) must not
// take the end of the time for one.
class DeadlinePassed : public std::runtime_error {
 public:
  DeadlinePassed() : std::runtime_error("the time limit was reached") {}
};

// Sets the deadline of the calling thread for its lifetime (the one before comes back after).
class ScopedDeadline {
 public:
  explicit ScopedDeadline(std::chrono::steady_clock::time_point deadline);
  ~ScopedDeadline();
  ScopedDeadline(const ScopedDeadline&) = delete;
  ScopedDeadline& operator=(const ScopedDeadline&) = delete;

 private:
  bool had_;
  std::chrono::steady_clock::time_point previous_;
};

// Throws DeadlinePassed if the calling thread has a deadline and it has passed.
void check_deadline();

}  // namespace thaidoc
