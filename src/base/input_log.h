// The files a command reads, for `thaidoc watch`: while an InputLog is alive, every input
// file the engine opens or looks for (documents, templates, data, dictionaries, images,
// fonts) is noted, so the watcher knows exactly what to watch. Off (one atomic load) when
// no log is alive. Thread-safe; one log at a time.
#pragma once
#include <set>
#include <string>

namespace thaidoc {

// Called by the readers with the path as they use it (relative or absolute).
void note_input_file(const std::string& path);

class InputLog {
 public:
  InputLog();
  ~InputLog();
  InputLog(const InputLog&) = delete;
  InputLog& operator=(const InputLog&) = delete;
  // The files noted so far, made absolute and normal (symlinks not followed).
  std::set<std::string> files() const;
};

}  // namespace thaidoc
