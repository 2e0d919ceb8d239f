// With THAIDOC_TIMINGS=1 in the environment, a command prints how long each stage
// took (read+layout, layout check, PDF) on stderr when it ends; scripts/benchmark.sh
// uses it to show what the layout invariants cost.
#pragma once
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace thaidoc {

class StageTimes {
 public:
  StageTimes() : enabled_(std::getenv("THAIDOC_TIMINGS") && std::string(std::getenv("THAIDOC_TIMINGS")) == "1") {}
  ~StageTimes() {
    if (!enabled_ || stages_.empty()) return;
    double total = 0;
    for (const auto& s : stages_) total += s.second;
    std::string line = "thaidoc: timings:";
    for (const auto& s : stages_) {
      char buf[96];
      std::snprintf(buf, sizeof buf, " %s %.1f ms (%.1f%%)", s.first.c_str(), s.second, total > 0 ? 100 * s.second / total : 0);
      line += buf;
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  void mark(const char* stage) {
    auto now = std::chrono::steady_clock::now();
    stages_.emplace_back(stage, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> stages_;
};

}  // namespace thaidoc
