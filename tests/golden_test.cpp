// Golden traces: every example in data/ is rendered with --strict (no layout
// violation allowed) and its page trace (layout/trace.h) compared with the one kept in
// tests/golden/. A change shows as a unified diff. After an intended change:
//   scripts/update_golden.sh          (UPDATE_GOLDEN=1 build/tests/golden_test)
// and review `git diff tests/golden`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.h"

using namespace thaidoc;
namespace fs = std::filesystem;

namespace {

struct Example {
  std::string command;  // render | text
  std::string input;    // relative to the repository
  std::string golden;   // relative to the repository
};

std::vector<Example> examples() {
  std::vector<Example> out;
  const std::string root = test::source_dir();
  // Every folder of data/ holds examples (one per document kind, plus tables, reports and
  // plain text), except the batch inputs and the ITA data sections.
  std::vector<std::string> dirs;
  for (const auto& e : fs::directory_iterator(root + "/data")) {
    std::string name = e.path().filename().string();
    if (e.is_directory() && name != "batch" && name != "ita") dirs.push_back("data/" + name);
  }
  std::sort(dirs.begin(), dirs.end());
  // data/*.yaml are multi-part documents (their parts are examples of the folders below);
  // their traces are in tests/golden/parts/.
  dirs.insert(dirs.begin(), "data");
  for (const std::string& dir : dirs) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(root + "/" + dir)) {
      if (!e.is_regular_file()) continue;
      std::string name = e.path().filename().string();
      bool yaml = e.path().extension() == ".yaml" && name.find("-template") == std::string::npos;
      bool text = e.path().extension() == ".txt";
      if (yaml || text) files.push_back(name);
    }
    std::sort(files.begin(), files.end());
    for (const std::string& name : files) {
      bool text = fs::path(name).extension() == ".txt";
      const std::string golden_dir = dir == "data" ? "parts" : dir.substr(5);
      out.push_back({text ? "text" : "render", dir + "/" + name,
                     "tests/golden/" + golden_dir + "/" + fs::path(name).stem().string() + ".trace"});
    }
  }
  return out;
}

void PrintTo(const Example& e, std::ostream* os) { *os << e.input; }

class Golden : public ::testing::TestWithParam<Example> {};

TEST_P(Golden, TraceMatchesAndNoLayoutViolation) {
  const Example& ex = GetParam();
  const std::string root = test::source_dir();
  std::string dir = test::temp_dir("golden");
  std::string trace = dir + "/out.trace";
  test::CommandResult r = test::run("cd " + test::quote(root) + " && " + test::quote(test::thaidoc_binary()) + " " +
                                    ex.command + " " + test::quote(ex.input) + " -o " + test::quote(dir + "/out.pdf") +
                                    " --strict --trace " + test::quote(trace) + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  // Layout warnings (a line that no breaking keeps within the stretch limit, a word cut):
  // exactly those in NAME.warnings next to the trace, none when there is no such file.
  std::string warnings;
  for (size_t b = 0; b < r.out.size();) {
    size_t e = r.out.find('\n', b);
    if (e == std::string::npos) e = r.out.size();
    std::string line = r.out.substr(b, e - b);
    if (line.find("warning") != std::string::npos) warnings += line + "\n";
    b = e + 1;
  }
  std::string golden = root + "/" + ex.golden;
  std::string golden_warnings = fs::path(golden).replace_extension(".warnings").string();
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(fs::path(golden).parent_path());
    test::write_file(golden, test::read_file(trace));
    if (warnings.empty()) fs::remove(golden_warnings);
    else test::write_file(golden_warnings, warnings);
    return;
  }
  EXPECT_EQ(warnings, fs::exists(golden_warnings) ? test::read_file(golden_warnings) : std::string())
      << ex.input << ": the layout warnings differ from " << golden_warnings;
  ASSERT_TRUE(fs::exists(golden)) << ex.golden << " is missing: run scripts/update_golden.sh";
  if (test::read_file(golden) == test::read_file(trace)) return;
  test::CommandResult diff =
      test::run("diff -u " + test::quote(golden) + " " + test::quote(trace) + " | head -n 80");
  ADD_FAILURE() << ex.input << ": the layout differs from " << ex.golden
                << " (if intended, run scripts/update_golden.sh and review git diff):\n"
                << diff.out;
}

std::string name_of(const ::testing::TestParamInfo<Example>& info) {
  std::string n = info.param.input.substr(5);
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Examples, Golden, ::testing::ValuesIn(examples()), name_of);

}  // namespace
