// Replays fuzz inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer:
// `fuzz_replay_TARGET FILE_OR_DIR...` runs every file (directories: their files, sorted).
// The normal test suite uses it on tests/fuzz/regressions/TARGET/ (inputs that once
// crashed, fixed since) and on the repository's examples; a failure aborts the process.
// Each input has 10 s (a deadline checked by reading and layout, see base/deadline.h): an
// input that once looped for ever then stops the replay in seconds, as an uncaught
// DeadlinePassed, instead of growing until memory runs out.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/deadline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    fs::path p(argv[i]);
    if (fs::is_directory(p)) {
      for (const auto& e : fs::directory_iterator(p))
        if (e.is_regular_file()) files.push_back(e.path());
    } else if (fs::is_regular_file(p)) {
      files.push_back(p);
    } else {
      std::fprintf(stderr, "replay: %s: no such file or directory\n", argv[i]);
      return 2;
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string data = ss.str();
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", f.c_str(), data.size());
    thaidoc::ScopedDeadline limit(std::chrono::steady_clock::now() + std::chrono::seconds(10));
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  }
  std::printf("replayed %zu input(s)\n", files.size());
  return 0;
}
