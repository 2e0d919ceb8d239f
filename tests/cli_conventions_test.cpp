// The command-line conventions of a well-kept Unix tool (issue 15): --version; every usage
// error exits 2 with "thaidoc: error:"; "-" is standard input (relative paths from the current
// folder) and "-o -" standard output; output only to a regular file or a new path (never over
// a symlink, FIFO, device, directory or the input); diagnostics in gcc's form, every error of
// a document (up to 20), in the human, short and json formats.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <string>

#include "test_support.h"

namespace thaidoc {
namespace {

namespace fs = std::filesystem;
using test::quote;

std::string thaidoc() { return quote(test::thaidoc_binary()); }

// Runs `thaidoc ARGS` in `dir`.
test::CommandResult in_dir(const std::string& dir, const std::string& args) {
  return test::run("cd " + quote(dir) + " && " + thaidoc() + " " + args);
}

int count_lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST(Version, PrintsTheProgramAndItsVersion) {
  auto r = test::run(thaidoc() + " --version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "thaidoc 0.1.0\n");
}

TEST(UsageErrors, EveryOneExitsTwoWithThePrefix) {
  std::string dir = test::temp_dir("usage");
  test::write_file(dir + "/a.txt", "ข้อความ\n");
  // CLI11 exits 106 (no subcommand), 109 (extras), 105 (validation), 106 (required) ... by itself.
  const char* cases[] = {
      "",                                  // no command
      "frobnicate",                        // unknown command
      "render",                            // the input is missing
      "render a.yaml",                     // -o is missing
      "render a.yaml -o a.pdf --bogus",    // unknown option
      "text a.txt -o a.pdf --size 1000",   // out of range
      "text a.txt -o a.pdf --size nan",    // not a number
      "text a.txt -o a.pdf --digits roman",
      "batch t.yaml -o x.pdf",             // --data is missing
      "--diagnostic-format xml render a.yaml -o a.pdf",
  };
  for (const char* args : cases) {
    auto r = in_dir(dir, args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
    EXPECT_EQ(r.out.rfind("thaidoc: error: ", 0), 0u) << args << "\n" << r.out;
    EXPECT_NE(r.out.find("Run 'thaidoc --help'"), std::string::npos) << args << "\n" << r.out;
  }
}

TEST(Streams, TheDocumentFromStandardInputWithPathsFromTheCurrentFolder) {
  std::string dir = test::temp_dir("stdin");
  fs::copy_file(test::source_dir() + "/tests/bad_input/files/ok.png", dir + "/emblem.png");
  std::string memo = std::string("kind: memo\n") + (test::kMinimalMemo + std::string("kind: memo\n").size());
  memo.insert(memo.find("  agency:"), "  emblem: emblem.png\n");
  test::write_file(dir + "/memo.txt", memo);  // not .yaml, and read through the pipe only
  auto r = test::run("cd " + quote(dir) + " && " + thaidoc() + " render - -o out.pdf < memo.txt");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(test::read_file(dir + "/out.pdf").substr(0, 5), "%PDF-");
  // From another folder the image is not there: the error names <stdin> and the line.
  std::string other = test::temp_dir("stdin-other");
  r = test::run("cd " + quote(other) + " && " + thaidoc() + " render - -o out.pdf < " + quote(dir + "/memo.txt"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out.rfind("<stdin>:3:11: error: memo.emblem: image file 'emblem.png' not found", 0), 0u) << r.out;
  EXPECT_FALSE(fs::exists(other + "/out.pdf"));
}

TEST(Streams, ThePdfOnStandardOutputIsTheSameAsTheFile) {
  std::string dir = test::temp_dir("stdout");
  test::write_file(dir + "/memo.yaml", test::kMinimalMemo);
  auto r = test::run("cd " + quote(dir) + " && { " + thaidoc() + " render memo.yaml -o - > piped.pdf 2> err.txt; }");
  ASSERT_EQ(r.exit_code, 0) << test::read_file(dir + "/err.txt");
  r = in_dir(dir, "render memo.yaml -o file.pdf");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(test::read_file(dir + "/piped.pdf"), test::read_file(dir + "/file.pdf"));
  EXPECT_EQ(test::read_file(dir + "/err.txt"), "");
  EXPECT_FALSE(fs::exists(dir + "/-")) << "'-o -' wrote a file named '-'";
  // Plain text both ways.
  test::write_file(dir + "/a.txt", "ข้อความ\n");
  r = test::run("cd " + quote(dir) + " && { " + thaidoc() + " text - -o - < a.txt > text.pdf; }");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(test::read_file(dir + "/text.pdf").substr(0, 5), "%PDF-");
  // A broken document writes nothing to standard output.
  test::write_file(dir + "/bad.yaml", "kind: memo\n");
  r = test::run("cd " + quote(dir) + " && { " + thaidoc() + " render bad.yaml -o - > bad.pdf; }");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(test::read_file(dir + "/bad.pdf"), "");
}

// Renders the minimal memo into `output` (relative to dir) and expects a refusal naming it.
void expect_refused(const std::string& dir, const std::string& output, const std::string& what) {
  auto r = in_dir(dir, "render memo.yaml -o " + quote(output));
  EXPECT_EQ(r.exit_code, 2) << output << "\n" << r.out;
  EXPECT_EQ(r.out, "thaidoc: error: " + output + ": refusing to write the output over " + what + "\n") << output;
}

TEST(OutputPath, NeverRenamedOverALinkAFifoADeviceADirectoryOrTheInput) {
  std::string dir = test::temp_dir("refuse");
  test::write_file(dir + "/memo.yaml", test::kMinimalMemo);
  std::string memo = test::read_file(dir + "/memo.yaml");

  fs::create_symlink("target.pdf", dir + "/link.pdf");
  expect_refused(dir, "link.pdf",
                 "a symbolic link: output goes only to a regular file or a new path (give the file it points to, "
                 "or -o - for standard output)");
  EXPECT_TRUE(fs::is_symlink(dir + "/link.pdf"));
  EXPECT_FALSE(fs::exists(dir + "/target.pdf"));

  ASSERT_EQ(mkfifo((dir + "/fifo.pdf").c_str(), 0600), 0);
  expect_refused(dir, "fifo.pdf", "a FIFO: output goes only to a regular file or a new path");
  EXPECT_TRUE(fs::is_fifo(dir + "/fifo.pdf"));

  fs::create_directory(dir + "/folder.pdf");
  expect_refused(dir, "folder.pdf", "a directory: output goes only to a regular file or a new path");
  EXPECT_TRUE(fs::is_directory(dir + "/folder.pdf"));

  if (geteuid() == 0) {  // a character device of our own (as /dev/null), not the system's
    ASSERT_EQ(mknod((dir + "/null.pdf").c_str(), S_IFCHR | 0600, makedev(1, 3)), 0);
    expect_refused(dir, "null.pdf", "a character device: output goes only to a regular file or a new path");
    EXPECT_TRUE(fs::is_character_file(dir + "/null.pdf"));
  }

  expect_refused(dir, "memo.yaml", "the input file 'memo.yaml'");
  fs::create_hard_link(dir + "/memo.yaml", dir + "/hardlink.yaml");
  expect_refused(dir, "hardlink.yaml", "the input file 'memo.yaml'");
  expect_refused(dir, "./sub/../memo.yaml", "the input file 'memo.yaml'");
  EXPECT_EQ(test::read_file(dir + "/memo.yaml"), memo);

  test::write_file(dir + "/a.txt", "ข้อความ\n");
  auto r = in_dir(dir, "text a.txt -o a.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "thaidoc: error: a.txt: refusing to write the output over the input file 'a.txt'\n");

  // A regular file is replaced, as before; nothing else is left.
  test::write_file(dir + "/old.pdf", "old");
  r = in_dir(dir, "render memo.yaml -o old.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(test::read_file(dir + "/old.pdf").substr(0, 5), "%PDF-");
}

// A memo with three errors in three places: a misspelt key, a bad date, a missing field.
const char* kThreeErrors = R"Y(kind: memo
memo:
  agensy: สำนักปลัด
  reference: ชย ๘๐๘๐๑/๓๓๕
  date: 2025-02-30
  subject: รายงานผล
  to: นายก
  body:
    - ข้อความ
  signer:
    name: นางสาวเสาวนิตย์ ประยูรพันธ์
)Y";

TEST(Diagnostics, EveryErrorOfTheDocumentInGccForm) {
  std::string dir = test::temp_dir("diagnostics");
  test::write_file(dir + "/memo.yaml", kThreeErrors);
  const std::string lines =
      "memo.yaml:3:3: error: memo.agensy: unknown key (did you mean 'agency'?)\n"
      "memo.yaml:3:3: error: memo.agency: required field is missing\n"
      "memo.yaml:5:9: error: memo.date: '2025-02-30' is not a valid date (expected YYYY-MM-DD)\n";
  auto r = in_dir(dir, "render memo.yaml -o out.pdf --diagnostic-format short");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, lines);
  r = in_dir(dir, "render memo.yaml -o out.pdf");  // human, the default
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, lines + "thaidoc: 3 errors\n");
  r = in_dir(dir, "--diagnostic-format json render memo.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out,
            "{\"severity\": \"error\", \"file\": \"memo.yaml\", \"line\": 3, \"column\": 3, \"path\": \"memo.agensy\", "
            "\"message\": \"unknown key (did you mean 'agency'?)\"}\n"
            "{\"severity\": \"error\", \"file\": \"memo.yaml\", \"line\": 3, \"column\": 3, \"path\": \"memo.agency\", "
            "\"message\": \"required field is missing\"}\n"
            "{\"severity\": \"error\", \"file\": \"memo.yaml\", \"line\": 5, \"column\": 9, \"path\": \"memo.date\", "
            "\"message\": \"'2025-02-30' is not a valid date (expected YYYY-MM-DD)\"}\n");
  EXPECT_FALSE(fs::exists(dir + "/out.pdf"));
}

TEST(Diagnostics, ErrorsInSeveralBlocksAndSectionsAreAllReported) {
  std::string dir = test::temp_dir("diagnostics-blocks");
  test::write_file(dir + "/doc.yaml",
                   "kind: document\n"
                   "digits: roman\n"
                   "blocks:\n"
                   "  - heading: หัวข้อ\n"
                   "    level: 7\n"
                   "  - paragraf: ข้อความ\n"
                   "  - ข้อความที่ถูกต้อง\n"
                   "  - space: -3pt\n");
  auto r = in_dir(dir, "render doc.yaml -o out.pdf --diagnostic-format short");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out,
            "doc.yaml:2:9: error: digits: unknown value 'roman' (expected thai, arabic or keep)\n"
            "doc.yaml:5:12: error: blocks[1].level: must be between 1 and 3\n"
            "doc.yaml:6:5: error: blocks[2].paragraf: unknown key (did you mean 'paragraph'?)\n"
            "doc.yaml:8:12: error: blocks[4].space: must not be negative\n");
}

TEST(Diagnostics, AtMostTwentyErrorsThenANote) {
  std::string dir = test::temp_dir("diagnostics-many");
  std::string doc = "kind: document\nblocks:\n";
  for (int i = 0; i < 30; ++i) doc += "  - heading: ห\n    level: 9\n";
  test::write_file(dir + "/doc.yaml", doc);
  auto r = in_dir(dir, "render doc.yaml -o out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count_lines(r.out), 21) << r.out;
  EXPECT_NE(r.out.find("doc.yaml:42:12: error: blocks[20].level: must be between 1 and 3\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("blocks[21]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("thaidoc: 20 errors (stopped at 20; there may be more)\n"), std::string::npos) << r.out;
}

TEST(Diagnostics, WarningsInJson) {
  std::string dir = test::temp_dir("diagnostics-warnings");
  // Han text no font has: a warning, and the PDF is written.
  std::string memo = test::kMinimalMemo;
  memo.replace(memo.find("ข้อความ"), std::string("ข้อความ").size(), "汉字");
  test::write_file(dir + "/memo.yaml", memo);
  auto r = test::run("cd " + quote(dir) + " && env -u THAIDOC_STRICT " + thaidoc() +
                     " render memo.yaml -o out.pdf --diagnostic-format json");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.rfind("{\"severity\": \"warning\", \"file\": \"memo.yaml\", \"message\": \"no font has glyphs for Han", 0),
            0u)
      << r.out;
}

}  // namespace
}  // namespace thaidoc
