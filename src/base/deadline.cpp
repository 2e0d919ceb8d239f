#include "base/deadline.h"

namespace thaidoc {

namespace {
thread_local bool t_has_deadline = false;
thread_local std::chrono::steady_clock::time_point t_deadline{};
}  // namespace

ScopedDeadline::ScopedDeadline(std::chrono::steady_clock::time_point deadline)
    : had_(t_has_deadline), previous_(t_deadline) {
  t_has_deadline = true;
  t_deadline = deadline;
}

ScopedDeadline::~ScopedDeadline() {
  t_has_deadline = had_;
  t_deadline = previous_;
}

void check_deadline() {
  if (t_has_deadline && std::chrono::steady_clock::now() >= t_deadline) throw DeadlinePassed();
}

}  // namespace thaidoc
