#include "base/input_log.h"

#include <atomic>
#include <filesystem>
#include <mutex>

namespace thaidoc {

namespace {

std::atomic<bool> g_active{false};
std::mutex g_mutex;
std::set<std::string> g_files;

}  // namespace

void note_input_file(const std::string& path) {
  if (!g_active.load(std::memory_order_relaxed) || path.empty()) return;
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  std::string normal = (ec ? std::filesystem::path(path) : p).lexically_normal().string();
  std::lock_guard<std::mutex> lock(g_mutex);
  g_files.insert(std::move(normal));
}

InputLog::InputLog() {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_files.clear();
  g_active = true;
}

InputLog::~InputLog() {
  g_active = false;
  std::lock_guard<std::mutex> lock(g_mutex);
  g_files.clear();
}

std::set<std::string> InputLog::files() const {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_files;
}

}  // namespace thaidoc
