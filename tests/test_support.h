// Helpers shared by the tests: running commands, reading files, temp dirs.
#pragma once
#include <string>

namespace thaidoc::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs a shell command, capturing its output.
CommandResult run(const std::string& command);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// A fresh empty directory under the build's temp area, removed at exit of the test.
std::string temp_dir(const std::string& name);

std::string source_dir();    // the repository
std::string thaidoc_binary();  // the built CLI

// Single-quotes a string for the shell.
std::string quote(const std::string& s);

}  // namespace thaidoc::test
