// The bad-input corpus (tests/bad_input/): `thaidoc render` on every case must exit with
// the expected code and print exactly the expected error (file:line:col, key path,
// message), and must leave nothing in the output folder: no PDF and no temporary file.
//
// A case is tests/bad_input/NAME.yaml (with whatever it refers to in files/). Its
// expectation is NAME.expect if there is one, else a comment line at the top of the case:
//   # expect: exit=2 error="NAME.yaml:3:7: memo.date: ..."
//   # expect: exit=0
// In `error`, {dir} stands for the case folder's absolute path. thaidoc runs in the case
// folder, so errors name the case as NAME.yaml. A few cases too big to commit (a 50 MB
// file) are generated below instead.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

namespace thaidoc {
namespace {

namespace fs = std::filesystem;

std::string corpus_dir() { return test::source_dir() + "/tests/bad_input"; }

struct Expectation {
  int exit_code = -1;
  bool has_error = false;
  std::string error;
  std::vector<std::string> more_errors;  // "# and: error=..." lines: the document's other errors
};

Expectation parse_expectation(const std::string& line, const std::string& where) {
  static const std::regex kLine(R"re(^(?:#\s*expect:\s*)?exit=(\d+)(?:\s+error="(.*)")?\s*$)re");
  std::smatch m;
  if (!std::regex_match(line, m, kLine)) throw std::runtime_error(where + ": bad expectation line: " + line);
  Expectation e;
  e.exit_code = std::stoi(m[1]);
  e.has_error = m[2].matched;
  e.error = m[2];
  return e;
}

Expectation expectation_of(const std::string& name) {
  std::string side = corpus_dir() + "/" + name + ".expect";
  std::string text = test::read_file(fs::exists(side) ? side : corpus_dir() + "/" + name + ".yaml");
  size_t start = 0;
  for (int n = 0; n < 10 && start < text.size(); ++n) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.rfind("# expect:", 0) == 0 || line.rfind("exit=", 0) == 0) {
      Expectation e = parse_expectation(line, name);
      // Every error of the document is reported: the others follow as "# and: error=\"...\"".
      static const std::regex kMore(R"re(^#\s*and:\s*error="(.*)"\s*$)re");
      for (size_t next = end; next != std::string::npos && next + 1 < text.size();) {
        size_t stop = text.find('\n', next + 1);
        std::string more = text.substr(next + 1, stop == std::string::npos ? std::string::npos : stop - next - 1);
        std::smatch m;
        if (!std::regex_match(more, m, kMore)) break;
        e.more_errors.push_back(m[1]);
        next = stop;
      }
      return e;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  throw std::runtime_error(name + ": no '# expect:' line in the first lines and no " + name + ".expect");
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(corpus_dir())) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") names.push_back(entry.path().stem());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> entries_of(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
  return s;
}

// How thaidoc prints the error "FILE:LINE:COL: message" (one error): in gcc's form,
// "FILE:LINE:COL: error: message", or "thaidoc: error: FILE: message" when it has no line.
std::string diagnostic_line(const std::string& error) {
  static const std::regex kLocated(R"re(^(.+?:\d+(?::\d+)?): ([\s\S]*)$)re");
  std::smatch m;
  if (std::regex_match(error, m, kLocated)) return m[1].str() + ": error: " + m[2].str() + "\n";
  return "thaidoc: error: " + error + "\n";
}

// Runs thaidoc render on `file` (relative to `dir`, which is the working directory) into
// an empty output folder; checks the exit code, the message and the output folder.
void check_render(const std::string& dir, const std::string& file, const Expectation& expect,
                  const std::string& extra_args = "") {
  std::string stem = fs::path(file).stem().string();
  std::string out_dir = test::temp_dir("bad-input-" + stem);
  std::string pdf = out_dir + "/" + stem + ".pdf";
  // THAIDOC_TEMPLATES unset: the shipped templates, whatever the caller's environment says.
  auto r = test::run("cd " + test::quote(dir) + " && env -u THAIDOC_TEMPLATES " +
                     test::quote(test::thaidoc_binary()) + " render " + test::quote(file) + " -o " +
                     test::quote(pdf) + extra_args);
  EXPECT_EQ(r.exit_code, expect.exit_code) << r.out;
  if (expect.has_error) {
    std::string error = replace_all(expect.error, "{dir}", fs::canonical(dir).string());
    std::string expected = diagnostic_line(error);
    for (const std::string& more : expect.more_errors) {
      expected += diagnostic_line(replace_all(more, "{dir}", fs::canonical(dir).string()));
    }
    if (!expect.more_errors.empty()) expected += "thaidoc: " + std::to_string(expect.more_errors.size() + 1) + " errors\n";
    EXPECT_EQ(r.out, expected);
  }
  if (expect.exit_code == 0) {
    EXPECT_EQ(entries_of(out_dir), std::vector<std::string>{stem + ".pdf"}) << "only the PDF may be left";
    if (fs::exists(pdf)) EXPECT_EQ(test::read_file(pdf).substr(0, 5), "%PDF-");
  } else {
    EXPECT_EQ(entries_of(out_dir), std::vector<std::string>{}) << "no output or temporary file may be left";
  }
  fs::remove_all(out_dir);
}

class BadInput : public testing::TestWithParam<std::string> {};

TEST_P(BadInput, FailsCleanly) {
  const std::string& name = GetParam();
  check_render(corpus_dir(), name + ".yaml", expectation_of(name));
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, testing::ValuesIn(case_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string id = info.param;
                           for (char& c : id) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return id;
                         });

TEST(BadInputCorpus, HasTheCasesItShould) {
  std::vector<std::string> names = case_names();
  for (const char* required :
       {"billion-laughs", "deep-nesting", "invalid-utf8", "unknown-key", "wrong-type", "missing-field", "bad-date",
        "missing-image", "truncated-png", "huge-image", "garbage-font", "image-outside", "yaml-syntax", "empty",
        "binary-garbage", "template-outside", "font-outside", "two-documents", "escape-sequence",
        "page-size-trailing-space", "yaml-comma-alone", "yaml-question-after-top-level-value"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), required), names.end()) << required;
  }
  for (const auto& name : names) EXPECT_NO_THROW(expectation_of(name)) << name;
}

TEST(BadInputCorpus, OutsideImagesAreAllowedOnRequest) {
  Expectation ok;
  ok.exit_code = 0;
  check_render(corpus_dir(), "image-outside.yaml", ok, " --allow-outside-images");
}

// Cases too large to commit: written to a temporary folder.
class GeneratedBadInput : public testing::Test {
 protected:
  void SetUp() override { dir_ = test::temp_dir("bad-input-generated"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_F(GeneratedBadInput, ValueOverOneMegabyte) {
  std::string yaml = "kind: document\nblocks:\n  - ok\n  - " + std::string(1024 * 1024 + 1, 'x') + "\n";
  test::write_file(dir_ + "/huge-scalar.yaml", yaml);
  check_render(dir_, "huge-scalar.yaml",
               parse_expectation("exit=2 error=\"huge-scalar.yaml:4:5: value too long: 1048577 bytes "
                                 "(at most 1 MB in one value)\"",
                                 "huge-scalar"));
}

TEST_F(GeneratedBadInput, FileOverFiftyMegabytes) {
  // Many small paragraphs, valid on their own: only the size is wrong.
  {
    std::ofstream out(dir_ + "/huge-file.yaml", std::ios::binary);
    out << "kind: document\nblocks:\n";
    std::string line = "  - " + std::string(95, 'x') + "\n";
    for (size_t size = 0; size <= (50u << 20); size += line.size()) out << line;
  }
  check_render(dir_, "huge-file.yaml",
               parse_expectation("exit=2 error=\"huge-file.yaml: file too large (at most 50 MB)\"", "huge-file"));
}

TEST_F(GeneratedBadInput, InputThatNeverEnds) {
  // A device as the document: refused before it is read (it would never end).
  check_render(dir_, "/dev/zero",
               parse_expectation("exit=2 error=\"/dev/zero: is not a regular file (a character device); only files "
                                 "are read\"",
                                 "zero"));
}

TEST_F(GeneratedBadInput, FifoAsTheDocument) {
  // Opening a FIFO with no writer would block forever.
  ASSERT_EQ(mkfifo((dir_ + "/fifo.yaml").c_str(), 0600), 0);
  check_render(dir_, "fifo.yaml",
               parse_expectation("exit=2 error=\"fifo.yaml: is not a regular file (a FIFO); only files are read\"",
                                 "fifo"));
}

TEST_F(GeneratedBadInput, AliasesOverFiftyMegabytesOfText) {
  // One 1,000,000-byte value used 60 times: a 1 MB file standing for 60 MB of text.
  std::string yaml = "kind: document\nblocks:\n  - &big " + std::string(1000000, 'x') + "\n";
  for (int i = 0; i < 59; ++i) yaml += "  - *big\n";
  test::write_file(dir_ + "/alias-bytes.yaml", yaml);
  check_render(dir_, "alias-bytes.yaml",
               parse_expectation("exit=2 error=\"alias-bytes.yaml:3:3: too much text: more than 50 MB of values with "
                                 "every alias (*name) expanded; a document this large is refused\"",
                                 "alias-bytes"));
}

}  // namespace
}  // namespace thaidoc
