// A fixed number of threads that run the documents of the requests (the HTTP threads only
// read requests and wait), with a bounded queue and a deadline per job: a job still queued
// at its deadline is dropped unstarted; one still running is no longer waited for (the
// server's jobs stop themselves at the deadline: base/deadline.h).
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace thaidoc::serve {

class WorkerPool {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Status { Done, TimedOut, Busy };

  WorkerPool(size_t workers, size_t max_queued);
  // Runs every job already queued, then joins the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `job` on a worker and waits for it until `deadline`. Busy: the queue is full
  // (nothing runs). The job must own everything it uses (it may outlive the call).
  Status run(std::function<void()> job, Clock::time_point deadline);

  size_t workers() const { return threads_.size(); }

 private:
  struct Task;
  void work();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Task>> queue_;
  size_t max_queued_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace thaidoc::serve
