// Brute-force search for YAML texts that make the reader hang or fail other than with an
// Error of exit code 2: every string of 1 to N pieces from a small alphabet of YAML tokens is
// given to load_yaml_string (src/input/yaml_reader.cpp), each under a 2 s CPU-time alarm.
// It found the texts on which yaml-cpp 0.7's LoadAll looped for ever (tests/fuzz/README.md).
// Not part of the build; with a Release build in build/:
//
//   B=build/src; g++ -O1 -std=c++20 -Isrc tests/fuzz/yaml_token_search.cpp -o /tmp/yaml_token_search \
//     $B/libthaidoc_yaml.a $B/libthaidoc_model.a $B/libthaidoc_image.a $B/libthaidoc_font.a \
//     $B/libthaidoc_base.a -lyaml-cpp -lpng -ljpeg -lz -lharfbuzz -lfreetype -lfontconfig
//   /tmp/yaml_token_search 4            # every string of up to 4 pieces (637,420 strings)
//   PREFIX=$'a: 1\n' /tmp/yaml_token_search 4   # the same after a prefix
//   /tmp/yaml_token_search 5 637420     # 5 pieces, starting at string number 637420
//
// Prints `TIMEOUT n text` (and exits 3: restart it at n + 1), `EXIT1 ...` or `OTHER ...` for
// an Error with another exit code or another exception, `ERR ...` for every message with V=1,
// and `END count` at the end.
#include <sys/time.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/error.h"
#include "input/yaml_reader.h"

namespace {
std::string current;
void on_alarm(int) {
  std::fputs(("TIMEOUT\t" + current + "\n").c_str(), stdout);
  std::fflush(stdout);
  _exit(3);
}
std::string visible(const std::string& s) {
  std::string o;
  for (char c : s) o += c == '\n' ? std::string("\\n") : c == '\t' ? std::string("\\t") : std::string(1, c);
  return o;
}
}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> pieces = {",", "]", "}", "[", "{", "?", ":", "-", " ", "\n", "a", "\"x\"", "'", "#",
                                           "&a", "*a", "!", "|", ">", "%", "---", "...", "@", "`", ": ", "? ", "- ",
                                           "\t"};
  if (argc < 2) return 2;
  int max_pieces = std::atoi(argv[1]);
  long start = argc > 2 ? std::atol(argv[2]) : 0;
  const char* prefix = std::getenv("PREFIX");
  bool verbose = std::getenv("V") != nullptr;
  std::signal(SIGVTALRM, on_alarm);
  long index = 0;
  for (int n = 1; n <= max_pieces; ++n) {
    long total = 1;
    for (int i = 0; i < n; ++i) total *= static_cast<long>(pieces.size());
    for (long k = 0; k < total; ++k, ++index) {
      if (index < start) continue;
      std::string text = prefix ? prefix : "";
      for (long x = k, i = 0; i < n; ++i, x /= static_cast<long>(pieces.size())) text += pieces[x % pieces.size()];
      current = std::to_string(index) + "\t" + visible(text);
      itimerval timer{{0, 0}, {2, 0}};  // 2 s of this process's CPU time, however loaded the machine
      setitimer(ITIMER_VIRTUAL, &timer, nullptr);
      try {
        thaidoc::load_yaml_string(text, "f.yaml");
      } catch (const thaidoc::Error& e) {
        if (e.exit_code() != 2) std::printf("EXIT%d\t%s\t%s\n", e.exit_code(), visible(text).c_str(), e.what());
        else if (verbose) std::printf("ERR\t%s\t%s\n", visible(text).c_str(), e.what());
      } catch (const std::exception& e) {
        std::printf("OTHER\t%s\t%s\n", visible(text).c_str(), e.what());
      }
      itimerval off{};
      setitimer(ITIMER_VIRTUAL, &off, nullptr);
    }
  }
  std::printf("END %ld\n", index);
  return 0;
}
