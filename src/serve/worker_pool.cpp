#include "serve/worker_pool.h"

namespace thaidoc::serve {

struct WorkerPool::Task {
  std::function<void()> job;
  Clock::time_point deadline;
  std::mutex mutex;
  std::condition_variable done_cv;
  bool started = false, cancelled = false, done = false;
};

WorkerPool::WorkerPool(size_t workers, size_t max_queued) : max_queued_(max_queued) {
  if (workers == 0) workers = 1;
  for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

WorkerPool::Status WorkerPool::run(std::function<void()> job, Clock::time_point deadline) {
  auto task = std::make_shared<Task>();
  task->job = std::move(job);
  task->deadline = deadline;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (queue_.size() >= max_queued_) return Status::Busy;
    queue_.push_back(task);
  }
  wake_.notify_one();
  std::unique_lock<std::mutex> lock(task->mutex);
  if (task->done_cv.wait_until(lock, deadline, [&] { return task->done; })) return Status::Done;
  if (!task->started) task->cancelled = true;  // the worker skips it
  return Status::TimedOut;
}

void WorkerPool::work() {
  for (;;) {
    std::shared_ptr<Task> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    {
      std::lock_guard<std::mutex> lock(task->mutex);
      if (task->cancelled || Clock::now() >= task->deadline) continue;  // nobody waits for it
      task->started = true;
    }
    task->job();  // catches its own exceptions
    {
      std::lock_guard<std::mutex> lock(task->mutex);
      task->done = true;
    }
    task->done_cv.notify_all();
  }
}

}  // namespace thaidoc::serve
