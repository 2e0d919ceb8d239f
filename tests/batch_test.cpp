// `thaidoc batch`: data files, placeholders, output patterns, and end to end through the
// CLI: broken records, a killed batch resumed, determinism, shards, the JSON report.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "base/error.h"
#include "cli/batch_output.h"
#include "input/batch_data.h"
#include "input/document_reader.h"
#include "input/placeholders.h"
#include "layout/document_layout.h"
#include "pdf/pdf_writer.h"
#include "test_support.h"

extern char** environ;

namespace thaidoc {
namespace {

namespace fs = std::filesystem;
using test::quote;

// ---------------------------------------------------------------- a small JSON reader

struct Json {
  std::variant<std::nullptr_t, bool, double, std::string, std::vector<Json>, std::map<std::string, Json>> v;
  const Json& operator[](const std::string& k) const { return std::get<std::map<std::string, Json>>(v).at(k); }
  const std::vector<Json>& list() const { return std::get<std::vector<Json>>(v); }
  const std::string& str() const { return std::get<std::string>(v); }
  double num() const { return std::get<double>(v); }
  bool has(const std::string& k) const { return std::get<std::map<std::string, Json>>(v).count(k) > 0; }
};

class JsonParser {
 public:
  explicit JsonParser(const std::string& s) : s_(s) {}
  Json parse() {
    Json j = value();
    ws();
    if (i_ != s_.size()) throw std::runtime_error("JSON: trailing text at " + std::to_string(i_));
    return j;
  }

 private:
  void ws() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  void expect(char c) {
    ws();
    if (i_ >= s_.size() || s_[i_] != c) throw std::runtime_error(std::string("JSON: expected ") + c + " at " + std::to_string(i_));
    ++i_;
  }
  Json value() {
    ws();
    if (i_ >= s_.size()) throw std::runtime_error("JSON: unexpected end");
    char c = s_[i_];
    if (c == '{') {
      ++i_;
      std::map<std::string, Json> m;
      ws();
      if (s_[i_] == '}') return ++i_, Json{m};
      while (true) {
        ws();
        std::string k = string();
        expect(':');
        m[k] = value();
        ws();
        if (s_[i_] == ',') { ++i_; continue; }
        expect('}');
        return Json{m};
      }
    }
    if (c == '[') {
      ++i_;
      std::vector<Json> a;
      ws();
      if (s_[i_] == ']') return ++i_, Json{a};
      while (true) {
        a.push_back(value());
        ws();
        if (s_[i_] == ',') { ++i_; continue; }
        expect(']');
        return Json{a};
      }
    }
    if (c == '"') return Json{string()};
    if (s_.compare(i_, 4, "true") == 0) return i_ += 4, Json{true};
    if (s_.compare(i_, 5, "false") == 0) return i_ += 5, Json{false};
    if (s_.compare(i_, 4, "null") == 0) return i_ += 4, Json{nullptr};
    size_t end = i_;
    while (end < s_.size() && std::strchr("+-0123456789.eE", s_[end])) ++end;
    if (end == i_) throw std::runtime_error("JSON: unexpected character at " + std::to_string(i_));
    double d = std::stod(s_.substr(i_, end - i_));
    i_ = end;
    return Json{d};
  }
  std::string string() {
    if (s_[i_] != '"') throw std::runtime_error("JSON: expected a string at " + std::to_string(i_));
    ++i_;
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (static_cast<unsigned char>(c) < 0x20) throw std::runtime_error("JSON: control character in a string");
      if (c != '\\') { out.push_back(c); continue; }
      char e = s_[i_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          unsigned cp = std::stoul(s_.substr(i_, 4), nullptr, 16);
          i_ += 4;
          if (cp < 0x80) out.push_back(static_cast<char>(cp));
          else if (cp < 0x800) { out.push_back(static_cast<char>(0xC0 | cp >> 6)); out.push_back(static_cast<char>(0x80 | (cp & 63))); }
          else { out.push_back(static_cast<char>(0xE0 | cp >> 12)); out.push_back(static_cast<char>(0x80 | (cp >> 6 & 63))); out.push_back(static_cast<char>(0x80 | (cp & 63))); }
          break;
        }
        default: out.push_back(e);
      }
    }
    if (i_ >= s_.size()) throw std::runtime_error("JSON: unterminated string");
    ++i_;
    return out;
  }
  const std::string& s_;
  size_t i_ = 0;
};

Json read_json(const std::string& path) { return JsonParser(test::read_file(path)).parse(); }

// ---------------------------------------------------------------- helpers

std::string template_path() { return test::source_dir() + "/data/batch/memo-template.yaml"; }

// The example organisations (data/batch/orgs.csv) as records.
const std::vector<DataRecord>& orgs() {
  static DataSet data = read_data_file(test::source_dir() + "/data/batch/orgs.csv");
  return data.records;
}
const std::vector<std::string>& org_columns() {
  static DataSet data = read_data_file(test::source_dir() + "/data/batch/orgs.csv");
  return data.columns;
}

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

// `count` records cycling through the example organisations, each with a unique id
// (the record number, 5 digits); `edit(number, fields)` may change a record's fields
// (columns in header order; shrink or grow the vector for short or long rows).
std::string make_csv(size_t count,
                     const std::function<void(size_t, std::vector<std::string>&)>& edit = nullptr) {
  std::string out;
  const auto& cols = org_columns();
  for (size_t c = 0; c < cols.size(); ++c) out += (c ? "," : "") + cols[c];
  out += "\n";
  for (size_t n = 1; n <= count; ++n) {
    const DataRecord& r = orgs()[(n - 1) % orgs().size()];
    std::vector<std::string> fields;
    for (const auto& col : cols) {
      std::string v;
      for (const auto& [k, val] : r.fields)
        if (k == col) v = val;
      if (col == "id") {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%05zu", n);
        v = buf;
      }
      fields.push_back(v);
    }
    if (edit) edit(n, fields);
    for (size_t c = 0; c < fields.size(); ++c) out += (c ? "," : "") + csv_field(fields[c]);
    out += "\n";
  }
  return out;
}

size_t column(const std::string& name) {
  const auto& cols = org_columns();
  return static_cast<size_t>(std::find(cols.begin(), cols.end(), name) - cols.begin());
}

// Files under dir (relative paths), including hidden ones.
std::set<std::string> files_under(const std::string& dir) {
  std::set<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).string());
  return out;
}

void make_old(const std::string& path) {
  fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(1));
}

std::string batch_cmd(const std::string& args) { return quote(test::thaidoc_binary()) + " batch " + args; }

// Every file passes qpdf --check; returns the failures.
std::string qpdf_failures(const std::string& dir) {
  auto r = test::run("cd " + quote(dir) +
                     " && find . -name '*.pdf' -print0 | xargs -0 -r -n 1 -P 2 sh -c "
                     "'qpdf --check \"$0\" >/dev/null 2>&1 || echo \"BAD $0\"'");
  return r.out;
}

// ---------------------------------------------------------------- units

TEST(BatchData, CsvQuotingLinesAndRowLengths) {
  std::string csv =
      "\xEF\xBB\xBF"
      "org, name ,note\r\n"
      "a,\"x, y\",\"say \"\"hi\"\"\"\r\n"
      "\r\n"
      "b,\"two\nlines\",\n"
      "c,short\n"
      "d,1,2,3\n"
      "e,\"bad\"x,z\n"
      "f,1,2,,\n";
  DataSet d = read_csv_string(csv, "t.csv");
  ASSERT_EQ(d.columns, (std::vector<std::string>{"org", "name", "note"}));
  ASSERT_EQ(d.records.size(), 6u);
  auto field = [&](size_t r, const std::string& k) -> std::string {
    for (auto& [key, v] : d.records[r].fields)
      if (key == k) return v;
    return "<missing>";
  };
  EXPECT_EQ(field(0, "name"), "x, y");
  EXPECT_EQ(field(0, "note"), "say \"hi\"");
  EXPECT_EQ(d.records[0].line, 2);
  EXPECT_EQ(field(1, "name"), "two\nlines");
  EXPECT_EQ(field(1, "note"), "");
  EXPECT_EQ(d.records[1].line, 4);  // after the blank line
  EXPECT_EQ(d.records[2].line, 6);  // the quoted line break counts
  EXPECT_EQ(field(2, "note"), "<missing>");
  EXPECT_TRUE(d.records[2].error.empty());
  EXPECT_NE(d.records[3].error.find("4 fields but the header has 3"), std::string::npos) << d.records[3].error;
  EXPECT_NE(d.records[4].error.find("after the closing quote"), std::string::npos) << d.records[4].error;
  EXPECT_TRUE(d.records[5].error.empty()) << "extra empty fields (trailing commas) are fine";
  EXPECT_EQ(d.records[5].number, 6u);

  try {
    read_csv_string("a,b\n1,\"open\n2,3\n", "u.csv");
    FAIL() << "an unclosed quote must be an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "u.csv:2:3: unclosed quote (a quoted field ends with \")");
  }
  EXPECT_THROW(read_csv_string("a,a\n1,2\n", "v.csv"), Error);
  EXPECT_THROW(read_csv_string("a\n\xFF\n", "w.csv"), Error);
}

TEST(BatchData, YamlFlattensAndIsolatesBadRecords) {
  DataSet d = read_yaml_data_string(
      "- org: x\n  chief: {name: ก, title: ข}\n  scores: [90, 85.5]\n  empty:\n"
      "- just text\n"
      "- org: y\n",
      "d.yaml");
  ASSERT_EQ(d.records.size(), 3u);
  std::map<std::string, std::string> r0(d.records[0].fields.begin(), d.records[0].fields.end());
  EXPECT_EQ(r0["chief.name"], "ก");
  EXPECT_EQ(r0["chief.title"], "ข");
  EXPECT_EQ(r0["scores.2"], "85.5");
  EXPECT_EQ(r0["empty"], "");
  EXPECT_FALSE(d.records[1].error.empty());
  EXPECT_EQ(d.records[1].line, 5);
  EXPECT_TRUE(d.records[2].error.empty());
  EXPECT_THROW(read_yaml_data_string("org: x\n", "m.yaml"), Error);
}

TEST(BatchPlaceholders, SubstituteEscapeAndErrors) {
  std::map<std::string, std::string> vars{{"org", "อบต.ตาเนิน"}, {"a.b", "1"}};
  auto lookup = [&](const std::string& k) -> const std::string* {
    auto it = vars.find(k);
    return it == vars.end() ? nullptr : &it->second;
  };
  std::string out, error;
  size_t at = 0;
  ASSERT_TRUE(substitute_placeholders_in("เรียน {{org}} ({{ a.b }}) \\{{x}} {x} }}", lookup, out, at, error));
  EXPECT_EQ(out, "เรียน อบต.ตาเนิน (1) {{x}} {x} }}");
  EXPECT_FALSE(substitute_placeholders_in("ab {{nope}}", lookup, out, at, error));
  EXPECT_EQ(at, 3u);
  EXPECT_EQ(error, "no value for placeholder {{nope}} in this record");
  EXPECT_FALSE(substitute_placeholders_in("{{org", lookup, out, at, error));
  EXPECT_NE(error.find("unclosed"), std::string::npos);
  EXPECT_FALSE(substitute_placeholders_in("{{two words}}", lookup, out, at, error));
  EXPECT_NE(error.find("malformed"), std::string::npos);

  auto uses = find_placeholders("a: x\nb:\n  c: \"ตา {{org}}\"\n  d: [1, '{{n}}']\n", "t.yaml");
  ASSERT_EQ(uses.size(), 2u);
  EXPECT_EQ(uses[0].key, "org");
  EXPECT_EQ(uses[0].path, "b.c");
  EXPECT_EQ(uses[0].where.to_string(), "t.yaml:3:10");
  EXPECT_EQ(uses[1].path, "b.d[2]");
  EXPECT_THROW(find_placeholders("a: \"{{x\"\n", "t.yaml"), Error);
}

TEST(BatchPlaceholders, DocumentErrorsPointIntoTheTemplate) {
  ReadOptions options;
  options.variables = std::map<std::string, std::string>{{"d", "2025-02-30"}};
  const std::string yaml =
      "kind: document\nblocks:\n  - เรียน {{who}}\n";
  try {
    read_document_string(yaml, "t.yaml", options);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "t.yaml:3:11: blocks[1]: no value for placeholder {{who}} in this record");
  }
  options.variables->emplace("who", "**นาย");  // markup in a value is interpreted
  EXPECT_THROW(read_document_string(yaml, "t.yaml", options), Error);
  options.variables->at("who") = "**นาย** ก";
  Document doc = read_document_string(yaml, "t.yaml", options);
  ASSERT_EQ(doc.blocks.size(), 1u);
  ReadOptions plain;  // without variables, {{ is text
  EXPECT_NO_THROW(read_document_string(yaml, "t.yaml", plain));
}

// A template parsed once and filled in per record gives what parsing anew gives, also
// after a record that failed half-way.
TEST(BatchPlaceholders, ParsedTemplateIsReusable) {
  const std::string text = test::read_file(template_path());
  PlaceholderTemplate parsed(text, template_path());
  Resources resources;
  ReadOptions options;
  auto vars = [](size_t i) {
    const auto& f = orgs()[i].fields;
    return std::map<std::string, std::string>(f.begin(), f.end());
  };
  auto pdf = [&](const Document& doc) { return write_pdf_to_memory(layout_document(doc, resources)); };
  std::string first = pdf(parsed.read(vars(0), options));
  auto broken = vars(1);
  broken["date"] = "2025-13-01";
  EXPECT_THROW(parsed.read(broken, options), Error);
  broken.erase("officer");
  EXPECT_THROW(parsed.read(broken, options), Error);
  std::string second = pdf(parsed.read(vars(2), options));
  ReadOptions fresh;
  fresh.variables = vars(0);
  EXPECT_EQ(first, pdf(read_document_string(text, template_path(), fresh)));
  fresh.variables = vars(2);
  EXPECT_EQ(second, pdf(read_document_string(text, template_path(), fresh)));
  EXPECT_NE(first, second);
}

TEST(BatchOutput, PatternsAndFileNames) {
  using batch::OutputPattern;
  using batch::sanitize_file_name;
  EXPECT_EQ(sanitize_file_name("อบต.ตาเนิน"), "อบต.ตาเนิน");
  EXPECT_EQ(sanitize_file_name("../../etc/passwd"), "__._etc_passwd");
  EXPECT_EQ(sanitize_file_name(".."), "_");
  EXPECT_EQ(sanitize_file_name(".hidden"), "_hidden");
  EXPECT_EQ(sanitize_file_name("a/b\\c:d\n"), "a_b_c_d_");
  EXPECT_EQ(sanitize_file_name("  "), "_");
  std::string long_thai;
  for (int i = 0; i < 100; ++i) long_thai += "ก";
  std::string cut = sanitize_file_name(long_thai);
  EXPECT_LE(cut.size(), 150u);
  EXPECT_EQ(cut.size() % 3, 0u) << "cut at a character boundary";

  OutputPattern p("out/{province}/{org}-memo.pdf");
  EXPECT_EQ(p.fields(), (std::vector<std::string>{"province", "org"}));
  std::map<std::string, std::string> rec{{"province", "ชัยภูมิ"}, {"org", "../x"}};
  auto lookup = [&](const std::string& k) -> const std::string* {
    auto it = rec.find(k);
    return it == rec.end() ? nullptr : &it->second;
  };
  std::string error;
  EXPECT_EQ(p.expand(lookup, error), "out/ชัยภูมิ/__x-memo.pdf");
  EXPECT_EQ(OutputPattern("{{x}}-{org}").expand(lookup, error), "{x}-__x");
  EXPECT_EQ(OutputPattern("{missing}.pdf").expand(lookup, error), "");
  EXPECT_NE(error.find("no field 'missing'"), std::string::npos);
  EXPECT_THROW(OutputPattern("out/{org"), Error);
  EXPECT_THROW(OutputPattern("out/{}"), Error);

  EXPECT_TRUE(batch::is_temp_file_name(".a.pdf.tmp-123-0"));
  EXPECT_FALSE(batch::is_temp_file_name("a.pdf"));
  EXPECT_FALSE(batch::is_temp_file_name(".a.pdf.tmp-x-0"));
}

// ---------------------------------------------------------------- end to end

// 50 records, 5 of them broken in different ways: 45 PDFs, the 5 reported exactly.
TEST(BatchCli, BrokenRecordsAreReportedAndTheRestWritten) {
  std::string dir = test::temp_dir("batch-broken");
  const std::set<size_t> broken = {3, 10, 17, 24, 31};
  test::write_file(dir + "/orgs.csv", make_csv(50, [&](size_t n, std::vector<std::string>& f) {
    if (n == 3) f[column("date")] = "2025-02-30";           // not a real date
    if (n == 10) f.resize(column("ita10"));                 // short row: no ita10 ...
    if (n == 17) f[column("org_full")] = "อบต.**ตาเนิน";     // unclosed bold in the value
    if (n == 24) f.push_back("extra");                      // a field too many
    if (n == 31) f[column("date")] = "24/04/2568";          // wrong date format
  }));
  auto r = test::run("cd " + quote(dir) + " && " +
                     batch_cmd(quote(template_path()) + " --data orgs.csv -o 'out/{province}/{id}-memo.pdf' -j 2 "
                               "--report report.json"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("45 done, 0 skipped, 5 failed"), std::string::npos) << r.out;
  const std::string tpl = template_path();
  // gcc's form with the record after the message: "FILE:L:C: error: key: message [record 3, orgs.csv:5]".
  EXPECT_NE(r.out.find(tpl + ":19:9: error: memo.date: '2025-02-30' is not a valid date (expected YYYY-MM-DD) "
                             "[record 3, orgs.csv:"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("no value for placeholder {{ita10}}"), std::string::npos) << r.out;

  Json report = read_json(dir + "/report.json");
  EXPECT_EQ(report["summary"]["done"].num(), 45);
  EXPECT_EQ(report["summary"]["failed"].num(), 5);
  ASSERT_EQ(report["outputs"].list().size(), 45u);
  ASSERT_EQ(report["errors"].list().size(), 5u);
  std::map<size_t, std::string> errors;
  for (const Json& e : report["errors"].list()) errors[static_cast<size_t>(e["record"].num())] = e["message"].str();
  std::set<size_t> failed;
  for (auto& [n, m] : errors) failed.insert(n);
  EXPECT_EQ(failed, broken);
  EXPECT_EQ(errors[3], tpl + ":19:9: memo.date: '2025-02-30' is not a valid date (expected YYYY-MM-DD)");
  EXPECT_NE(errors[10].find(tpl + ":"), std::string::npos) << errors[10];
  EXPECT_NE(errors[10].find("ita.scores.10: no value for placeholder {{ita10}} in this record (the row has 33 "
                            "fields, the header 36)"),
            std::string::npos) << errors[10];
  EXPECT_NE(errors[17].find("unclosed '**'"), std::string::npos) << errors[17];
  EXPECT_NE(errors[24].find("the header has"), std::string::npos) << errors[24];
  EXPECT_NE(errors[31].find("memo.date: '24/04/2568' is not a valid date"), std::string::npos) << errors[31];
  // The data line of a record: records before it that span two lines (addresses) shift it.
  for (const Json& e : report["errors"].list()) EXPECT_GE(e["line"].num(), e["record"].num() + 1);

  std::set<std::string> expected;
  for (const Json& o : report["outputs"].list()) {
    EXPECT_EQ(o["status"].str(), "done");
    EXPECT_GE(o["pages"].num(), 1);
    EXPECT_FALSE(broken.count(static_cast<size_t>(o["record"].num())));
    expected.insert(fs::relative(o["path"].str(), "out").string());
    int pages = 0;
    EXPECT_TRUE(batch::pdf_is_complete(dir + "/" + o["path"].str(), pages)) << o["path"].str();
    EXPECT_EQ(pages, o["pages"].num());
  }
  EXPECT_EQ(files_under(dir + "/out"), expected);
  EXPECT_EQ(expected.size(), 45u);
  EXPECT_EQ(qpdf_failures(dir + "/out"), "");

  // The text comes out as the record says.
  std::string text = test::run("pdftotext " + quote(dir + "/" + report["outputs"].list()[0]["path"].str()) + " -").out;
  const DataRecord& first = orgs()[0];
  for (const auto& [k, v] : first.fields) {
    if (k == "officer" || k == "chief_title") {
      EXPECT_NE(text.find(v), std::string::npos) << k << " " << v;
    }
  }
}

TEST(BatchCli, MissingKeyInYamlDataAndUpfrontErrors) {
  std::string dir = test::temp_dir("batch-yaml");
  test::write_file(dir + "/t.yaml",
                   "kind: document\ntitle: \"{{org}}\"\nblocks:\n  - เรียน {{chief.name}}\n  - \"{{org}}\"\n");
  test::write_file(dir + "/d.yaml",
                   "- org: อบต.ก\n  chief: {name: นายก}\n"
                   "- org: อบต.ข\n"                          // no chief.name
                   "- org: อบต.ค\n  chief: {name: นายค}\n");
  auto r = test::run("cd " + quote(dir) + " && " + batch_cmd("t.yaml --data d.yaml -o 'o/{org}.pdf' -j1 -q"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("t.yaml:4:11: error: blocks[1]: no value for placeholder {{chief.name}} in this record "
                       "[record 2, d.yaml:3]\n"),
            std::string::npos) << r.out;
  EXPECT_EQ(files_under(dir + "/o"), (std::set<std::string>{"อบต.ก.pdf", "อบต.ค.pdf"}));

  // CSV: a placeholder naming a column the file does not have stops before any work.
  test::write_file(dir + "/d.csv", "org,chief\nx,y\n");
  r = test::run("cd " + quote(dir) + " && " + batch_cmd("t.yaml --data d.csv -o 'p/{org}.pdf'"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("t.yaml:4:11: error: blocks[1]: placeholder {{chief.name}}: d.csv has no column 'chief.name'"),
            std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir + "/p"));
  // A pattern without fields, a malformed placeholder, a bad shard.
  r = test::run("cd " + quote(dir) + " && " + batch_cmd("t.yaml --data d.yaml -o same.pdf"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("has no {field}"), std::string::npos) << r.out;
  test::write_file(dir + "/bad.yaml", "kind: document\nblocks:\n  - เรียน {{chief name}}\n");
  r = test::run("cd " + quote(dir) + " && " + batch_cmd("bad.yaml --data d.yaml -o 'q/{org}.pdf'"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("bad.yaml:3:11: error: blocks[1]: malformed placeholder '{{chief name}}'"), std::string::npos) << r.out;
  r = test::run("cd " + quote(dir) + " && " + batch_cmd("t.yaml --data d.yaml -o 'q/{org}.pdf' --shard 4/3"));
  EXPECT_EQ(r.exit_code, 2) << r.out;

  // Two templates: one pattern with {template}, or one pattern per template.
  test::write_file(dir + "/u.yaml", "kind: document\nblocks:\n  - ถึง {{org}}\n");
  r = test::run("cd " + quote(dir) + " && " +
                batch_cmd("t.yaml u.yaml --data d.yaml -o 'm/{org}-{template}.pdf' -q"));
  EXPECT_EQ(r.exit_code, 2) << r.out;  // record 2 fails for t.yaml only
  EXPECT_EQ(files_under(dir + "/m"), (std::set<std::string>{"อบต.ก-t.pdf", "อบต.ก-u.pdf", "อบต.ข-u.pdf",
                                                             "อบต.ค-t.pdf", "อบต.ค-u.pdf"}));
  r = test::run("cd " + quote(dir) + " && " + batch_cmd("t.yaml --data d.yaml -o 'm2/{org}-{template}.pdf' u.yaml -q"));
  EXPECT_EQ(files_under(dir + "/m2"), files_under(dir + "/m")) << "a template may follow -o PATTERN";
  r = test::run("cd " + quote(dir) + " && " +
                batch_cmd("t.yaml u.yaml --data d.yaml -o 't.yaml=n/{org}/memo.pdf' -o 'u=n/{org}/letter.pdf' -q"));
  EXPECT_EQ(files_under(dir + "/n").size(), 5u) << r.out;
  EXPECT_TRUE(fs::exists(dir + "/n/อบต.ข/letter.pdf"));
  r = test::run("cd " + quote(dir) + " && " + batch_cmd("t.yaml u.yaml --data d.yaml -o 'z/{org}.pdf'"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("put {template} in it"), std::string::npos) << r.out;
}

// Starts a batch, kills it with SIGKILL once the first outputs appear, then --resume
// finishes: every PDF complete, none missing or extra, no temporary files left.
TEST(BatchCli, KilledBatchResumes) {
  std::string dir = test::temp_dir("batch-kill");
  const size_t kRecords = 160;
  test::write_file(dir + "/orgs.csv", make_csv(kRecords));
  fs::copy_file(template_path(), dir + "/memo.yaml");
  make_old(dir + "/orgs.csv");
  make_old(dir + "/memo.yaml");
  const std::string out = dir + "/out";
  std::vector<std::string> args = {test::thaidoc_binary(), "batch", dir + "/memo.yaml", "--data", dir + "/orgs.csv",
                                   "-o", out + "/{province}/{id}.pdf", "-j", "2", "-q"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  auto start = std::chrono::steady_clock::now();
  size_t seen = 0;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(10)) {
    seen = 0;
    for (const auto& f : files_under(out))
      if (f.size() > 4 && f.compare(f.size() - 4, 4, ".pdf") == 0) ++seen;
    if (seen >= 5) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the batch finished before it could be killed";

  // Whatever carries a final name is complete.
  std::string first_output;
  size_t complete = 0;
  for (const auto& f : files_under(out)) {
    if (batch::is_temp_file_name(fs::path(f).filename().string())) continue;  // left by the kill
    int pages = 0;
    EXPECT_TRUE(batch::pdf_is_complete(out + "/" + f, pages)) << f;
    if (first_output.empty()) first_output = f;
    ++complete;
  }
  ASSERT_GT(complete, 0u);
  ASSERT_LT(complete, kRecords);
  // Leftovers of a killed run (a process that no longer exists), and an output damaged
  // some other way: both must be dealt with.
  std::string last_province;
  for (const auto& [k, v] : orgs()[(kRecords - 1) % orgs().size()].fields)
    if (k == "province") last_province = v;
  char last_name[32];
  std::snprintf(last_name, sizeof last_name, ".%05zu.pdf.tmp-2147483646-0", kRecords);
  test::write_file(out + "/" + last_province + "/" + last_name, "%PDF-1.4 partial");
  std::string damaged = out + "/" + first_output;
  std::string content = test::read_file(damaged);
  test::write_file(damaged, content.substr(0, content.size() / 2));

  auto r = test::run(batch_cmd(quote(dir + "/memo.yaml") + " --data " + quote(dir + "/orgs.csv") + " -o " +
                               quote(out + "/{province}/{id}.pdf") + " -j 2 --resume --report " +
                               quote(dir + "/report.json")));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  Json report = read_json(dir + "/report.json");
  EXPECT_EQ(report["summary"]["failed"].num(), 0);
  EXPECT_EQ(report["summary"]["skipped"].num(), static_cast<double>(complete - 1));
  EXPECT_EQ(report["summary"]["done"].num(), static_cast<double>(kRecords - complete + 1));
  std::set<double> records;
  std::set<std::string> paths;
  for (const Json& o : report["outputs"].list()) {
    records.insert(o["record"].num());
    paths.insert(fs::relative(o["path"].str(), out).string());
  }
  EXPECT_EQ(records.size(), kRecords);
  EXPECT_EQ(files_under(out), paths) << "no temporary files, nothing extra";
  EXPECT_EQ(qpdf_failures(out), "");
}

TEST(BatchCli, DeterministicAndShardsPartition) {
  std::string dir = test::temp_dir("batch-det");
  test::write_file(dir + "/orgs.csv", make_csv(24));
  auto run_into = [&](const std::string& sub, const std::string& extra) {
    return test::run("cd " + quote(dir) + " && " +
                     batch_cmd(quote(template_path()) + " --data orgs.csv -o '" + sub + "/{province}/{id}.pdf' -q " +
                               extra));
  };
  ASSERT_EQ(run_into("a", "-j 2").exit_code, 0);
  ASSERT_EQ(run_into("b", "-j 1").exit_code, 0);
  auto a = files_under(dir + "/a");
  ASSERT_EQ(a.size(), 24u);
  ASSERT_EQ(a, files_under(dir + "/b"));
  for (const auto& f : a) {
    EXPECT_EQ(test::read_file(dir + "/a/" + f), test::read_file(dir + "/b/" + f)) << f << " differs between runs";
  }

  // Shards: every record exactly once, record numbers as documented.
  std::map<double, int> seen;
  for (int k = 1; k <= 3; ++k) {
    std::string report = dir + "/shard" + std::to_string(k) + ".json";
    auto r = run_into("s", "--shard " + std::to_string(k) + "/3 --report " + quote(report));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    Json json = read_json(report);  // named: a temporary would die before the loop (ASan)
    for (const Json& o : json["outputs"].list()) {
      double n = o["record"].num();
      seen[n]++;
      EXPECT_EQ((static_cast<int>(n) - 1) % 3, k - 1);
    }
  }
  EXPECT_EQ(seen.size(), 24u);
  for (auto& [n, count] : seen) EXPECT_EQ(count, 1) << "record " << n;
  EXPECT_EQ(files_under(dir + "/s"), a);

  // --resume skips what is done; a newer data file makes everything stale again.
  auto r = run_into("a", "--resume");
  EXPECT_NE(r.out.find("0 done, 24 skipped"), std::string::npos) << r.out;
  fs::last_write_time(dir + "/orgs.csv", fs::file_time_type::clock::now() + std::chrono::hours(1));
  r = run_into("a", "--resume");
  EXPECT_NE(r.out.find("24 done, 0 skipped"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace thaidoc

// Like `render`, a batch refuses images outside the template's folder unless allowed.
TEST(BatchImages, OutsideTheTemplateFolderNeedsTheFlag) {
  namespace fs = std::filesystem;
  std::string dir = thaidoc::test::temp_dir("batch-outside");
  fs::create_directories(dir + "/t");
  fs::copy_file(thaidoc::test::source_dir() + "/tests/bad_input/files/ok.png", dir + "/ok.png");
  thaidoc::test::write_file(dir + "/t/memo.yaml",
                            "kind: memo\n"
                            "memo:\n"
                            "  emblem: ../ok.png\n"
                            "  agency: \"{{org}}\"\n"
                            "  reference: ทส ๑/๒\n"
                            "  date: 2025-04-24\n"
                            "  subject: ทดสอบ\n"
                            "  to: นายก\n"
                            "  body: [ข้อความ]\n"
                            "  signer: {name: นายทดสอบ}\n");
  thaidoc::test::write_file(dir + "/data.csv", "org\nสำนักปลัด\n");
  std::string base = thaidoc::test::quote(thaidoc::test::thaidoc_binary()) + " batch " + dir + "/t/memo.yaml --data " +
                     dir + "/data.csv -q -o '" + dir + "/out/{org}.pdf'";
  auto refused = thaidoc::test::run(base);
  EXPECT_EQ(refused.exit_code, 2) << refused.out;
  EXPECT_NE(refused.out.find("outside the document's folder"), std::string::npos) << refused.out;
  EXPECT_FALSE(fs::exists(dir + "/out/สำนักปลัด.pdf"));
  auto allowed = thaidoc::test::run(base + " --allow-outside-images");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.out;
  EXPECT_TRUE(fs::exists(dir + "/out/สำนักปลัด.pdf"));
}
