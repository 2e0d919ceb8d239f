// Structure-aware fuzzing of `thaidoc render`: the input bytes are not YAML text but the
// choices that build a well-formed document (any kind, or several as parts; template, style
// overrides from the template schema's groups and keys, metadata, ITA data, each kind's keys,
// a tree of blocks with their options including charts and ITA tables, anchors and aliases),
// so nearly every input gets past the YAML parser and the key checks into the readers,
// layout and PDF writer. Values
// are drawn from a pool of typical values (Thai text, markup, lengths, dates, edge numbers)
// or taken from the input as raw bytes, written as double-quoted YAML strings.
// The outcome rules are those of fuzz_document: an Error is fine, anything else a finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "base/error.h"
#include "fuzz_resources.h"
#include "fuzz_input.h"
#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "pdf/pdf_writer.h"

namespace {

using thaidoc::fuzz::FuzzInput;


const char* const kPool[] = {
    "ตามที่สำนักงานได้ดำเนินการประเมินคุณธรรมและความโปร่งใส",
    "**ตัวหนา** *เอียง* __ขีดเส้นใต้__ [ลิงก์](https://example.org)",
    "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
    "Integrity and Transparency Assessment (ITA) 2025",
    "กรุงเทพมหานคร",
    "",
    " ",
    "0", "1", "-1", "2", "3", "100", "1e308", "-0", "0.5", "๑๒",
    "2cm", "2.5 cm", "30mm", "1in", "12pt", "-2cm", "100cm", "9999",
    "2025-04-24", "2024-02-29", "2025-02-30", "2568-01-01",
    "true", "false", "yes", "off",
    "left", "right", "center", "justify", "thai", "arabic", "keep", "bullet", "dash", "thai-paren",
    "portrait", "landscape", "A4", "A5 landscape", "Letter",
    "ok.png", "ok.jpg", "truncated.png", "damaged.png", "missing.png", "../ok.png", "/etc/passwd",
    "memo", "report", "default", "Laksaman.ttf", "DejaVuSans.ttf", "nofont.ttf",
    "{{ita.total}}", "\\{{x}}", "- ๒ -", "{n}", "หน้า {n}",
    "ภาษาไทยยาวมากไม่มีช่องว่างเลยตั้งแต่ต้นจนจบเพื่อทดสอบการตัดคำของบรรทัดที่ยาว",
    "中文汉字", "العربية", "😀", "\t", "a\nb", "together", "none", "instrument", "tier", "shared", "dense",
};

const char* const kBlockTypes[] = {"paragraph", "heading", "list",    "image", "space",  "pagebreak", "dotted",
                                   "table",     "section", "caption", "note",  "source", "chart",     "ita_table"};
const char* const kBlockOptions[] = {"align", "indent", "left_indent", "digits", "keep_with_next", "level",
                                     "marker", "start", "width", "height"};

#include "style_keys.inc"

const char* const kKinds[] = {"memo",  "document",     "report",      "letter",  "order",
                              "announcement", "stamped", "certificate", "minutes", "parts"};
const char* const kDates[] = {"2025-04-24", "2568-04-24 BE", "๒๔ เมษายน ๒๕๖๘", "24 เม.ย. 68", "2024-02-29",
                              "2025-02-29", "2568-13-01", "1900-01-01", "9999-12-31"};
const char* const kImages[] = {"ok.png", "ok.jpg", "truncated.png", "damaged.png", "missing.png"};
const char* const kStamps[] = {"ด่วน", "ด่วนมาก", "ด่วนที่สุด", "ลับ", "ลับมาก", "ลับที่สุด"};
const char* const kTimes[] = {"09.00", "9:30", "๑๐.๓๐", "16.30", "25.00", "12.60"};
const char* const kScores[] = {"92.95", "85.98", "100", "100.00", "0", "43.75", "๙๓.๓๗", "76.81", "-1", "100.5", "1e308",
                               ".5", "nan"};
const char* const kYears[] = {"2565", "2566", "2568", "๒๕๖๕", "2025", "0", "-1"};
const char* const kDigits[] = {"thai", "arabic", "keep"};
const char* const kCharts[] = {"scores", "trend", "score_card"};
const char* const kItaTables[] = {"scores", "ranking", "weighted", "levels", "history", "tiers", "recommendations", "oit"};
const char* const kItaColumns[] = {"no",    "rank",   "number", "name",  "score", "unit",  "instrument",
                                   "comment", "tier", "weight", "mean",  "weighted", "level", "range",
                                   "year",  "total",  "code",   "text",  "item",  "components", "responsible"};
const char* const kItaTableOptions[] = {"digits", "font_size", "caption", "continued", "title", "groups", "group",
                                        "rank_style", "separator", "keep_with_next"};
const char* const kChartOptions[] = {"width", "height", "title", "unit", "label", "remark", "keep", "keep_with_next"};

template <size_t N>
const char* pick(thaidoc::fuzz::FuzzInput& in, const char* const (&pool)[N]) {
  return pool[in.integer(0, static_cast<int>(N) - 1)];
}

class Builder {
 public:
  explicit Builder(FuzzInput& in) : in_(in) {}

  std::string document() {
    int kind = in_.integer(0, sizeof kKinds / sizeof *kKinds - 1);
    if (std::string(kKinds[kind]) == "parts") {
      if (in_.boolean()) out_ += "kind: parts\n";
      if (in_.boolean()) out_ += "title: " + scalar() + "\n";
      out_ += "parts:\n";
      int parts = in_.integer(1, 3);
      for (int i = 0; i < parts; ++i) {
        if (rarely()) {  // a part read from a file (none of these is one)
          out_ += "  - file: " + scalar() + "\n";
          continue;
        }
        out_ += "  -\n";
        whole(in_.integer(0, sizeof kKinds / sizeof *kKinds - 2), 4, true);
      }
    } else {
      whole(kind, 0, false);
    }
    // A few raw bytes at the end: syntax the structure above never writes.
    if (rarely()) out_ += in_.text(64);
    return out_;
  }

 private:
  // One document of kind kKinds[kind] (not parts) as a mapping at `ind` spaces.
  void whole(int kind, int ind, bool part) {
    line(ind, "kind", kKinds[kind]);
    if (in_.boolean()) line(ind, "template", scalar());
    if (in_.boolean()) line(ind, "title", scalar());
    if (sometimes()) line(ind, "author", scalar());
    if (in_.boolean()) {
      std::string k = "[";
      int n = in_.integer(0, 6);
      for (int i = 0; i < n; ++i) k += (i ? ", " : "") + scalar();
      line(ind, "keywords", k + "]");
    }
    if (in_.boolean()) line(ind, "digits", from(kDigits, 3));
    if (sometimes()) line(ind, "dictionary", text_list());
    if (part && in_.boolean()) line(ind, "page_numbers", sometimes() ? scalar() : in_.boolean() ? "restart" : "continue");
    if (sometimes()) style(ind);
    // ITA data: mostly for reports (their charts, tables and {{ita.*}} values), now and then elsewhere.
    if (in_.integer(0, kind == 2 ? 1 : 7) == 0) ita(ind);
    content(kind, ind);
  }

  // The parts joined in the order written: a braced list is evaluated left to right, while the
  // operands of `a + b` and a call's arguments are not ordered, and GCC (the replay build) and
  // clang (the fuzzer) order them differently: two choices in one such expression would make
  // the replay build another document from the same input than the fuzzer did.
  static std::string cat(std::initializer_list<std::string> parts) {
    std::string s;
    for (const std::string& p : parts) s += p;
    return s;
  }

  void line(int ind, const std::string& key, const std::string& value) {
    indent(ind);
    out_ += key + ": " + value + "\n";
  }
  // `key:` and a list of blocks under it.
  void block_list(int ind, const char* key, int depth = 0) {
    indent(ind);
    out_ += std::string(key) + ":\n";
    blocks(ind + 2, depth);
  }
  // A key the kind requires is nearly always there; an optional one half the time.
  bool want(bool required) { return required ? in_.integer(0, 31) != 13 : in_.boolean(); }
  // Choices taken now and then, on values that runs of 0x00 and 0xFF bytes (zeros, and the end
  // of a raw text) do not give, so that such runs choose the plain, well-formed document.
  bool sometimes() { return in_.integer(0, 3) == 2; }
  bool rarely() { return in_.integer(0, 7) == 5; }
  bool seldom() { return in_.integer(0, 15) == 9; }

  std::string from(const char* const* pool, size_t n) {
    return rarely() ? scalar() : quoted(pool[in_.integer(0, static_cast<int>(n) - 1)]);
  }
  std::string date() { return from(kDates, sizeof kDates / sizeof *kDates); }
  std::string image() { return from(kImages, sizeof kImages / sizeof *kImages); }
  std::string text_list() {
    if (in_.boolean()) return scalar();
    std::string l = "[";
    int n = in_.integer(0, 4);
    for (int i = 0; i < n; ++i) l += (i ? ", " : "") + scalar();
    return l + "]";
  }
  std::string signer() {
    std::string s = "{name: " + scalar();
    if (in_.integer(0, 3) != 0) s += ", position: " + text_list();
    if (sometimes()) s += ", acting: " + scalar();
    if (sometimes()) s += ", image: " + image();
    return s + "}";
  }
  std::string contact() {
    std::string s = "{unit: " + scalar();
    for (const char* k : {"phone", "fax", "email"}) {
      if (in_.boolean()) s += std::string(", ") + k + ": " + scalar();
    }
    return s + "}";
  }
  void stamps(int ind) {
    if (sometimes()) line(ind, "speed", from(kStamps, 3));
    if (sometimes()) line(ind, "secrecy", from(kStamps + 3, 3));
    if (sometimes()) line(ind, "emblem", image());
  }
  // People at a meeting: names, or {name, position}.
  void people(int ind, const char* key) {
    indent(ind);
    out_ += std::string(key) + ":\n";
    int n = in_.integer(1, 5);
    for (int i = 0; i < n; ++i) {
      indent(ind + 2);
      out_ += in_.boolean() ? cat({"- ", scalar(), "\n"}) : cat({"- {name: ", scalar(), ", position: ", scalar(), "}\n"});
    }
  }

  // The kind's own section (`memo:` ..., or `blocks:` for a general document) at `ind`.
  void content(int kind, int ind) {
    const std::string k = kKinds[kind];
    const int in2 = ind + 2;
    if (k == "document") {
      block_list(ind, "blocks");
      return;
    }
    indent(ind);
    out_ += k + ":\n";
    if (k == "memo") {
      stamps(in2);
      for (const char* key : {"agency", "reference", "subject", "to"}) {
        if (want(true)) line(in2, key, scalar());
      }
      if (want(true)) line(in2, "date", date());
      block_list(in2, "body");
      if (want(false)) line(in2, "closing", scalar());
      if (want(true)) line(in2, "signer", signer());
      if (sometimes()) {
        indent(in2);
        out_ += "comments:\n";
        int n = in_.integer(1, 3);
        for (int i = 0; i < n; ++i) {
          std::string c = "{heading: " + scalar();
          if (want(false)) c += ", lines: " + std::to_string(in_.integer(0, 6));
          if (want(false)) c += ", text: [" + scalar() + "]";
          if (want(false)) c += ", signer: " + signer();
          indent(in2 + 2);
          out_ += "- " + c + "}\n";
        }
      }
    } else if (k == "report") {
      if (want(false)) {
        std::string c = "{title: " + text_list();
        if (in_.boolean()) c += ", by: " + scalar();
        if (in_.boolean()) c += ", organisation: " + text_list();
        if (in_.boolean()) c += ", logo: " + image();
        line(in2, "cover", c + "}");
      }
      if (sometimes()) {
        indent(in2);
        out_ += "preface:\n";
        if (want(false)) line(in2 + 2, "heading", scalar());
        block_list(in2 + 2, "body", 2);
        if (want(false)) line(in2 + 2, "closing", text_list());
      }
      if (want(false)) line(in2, "contents", sometimes() ? scalar() : in_.boolean() ? "true" : "false");
      block_list(in2, "body");
    } else if (k == "letter") {
      stamps(in2);
      if (want(true)) line(in2, "reference", scalar());
      if (want(true)) line(in2, "office", text_list());
      if (want(true)) line(in2, "date", date());
      if (want(true)) line(in2, "subject", scalar());
      if (want(true)) line(in2, "to", scalar());
      if (want(false)) line(in2, "references", text_list());
      if (want(false)) line(in2, "enclosures", text_list());
      block_list(in2, "body");
      if (want(false)) line(in2, "closing", scalar());
      if (want(true)) line(in2, "signer", signer());
      if (want(false)) line(in2, "contact", contact());
    } else if (k == "order" || k == "announcement") {
      stamps(in2);
      if (sometimes()) line(in2, "title", scalar());
      if (want(true)) line(in2, "issuer", scalar());
      if (k == "order") {
        if (want(true)) line(in2, "number", scalar());
        if (want(false)) line(in2, "year", from(kYears, sizeof kYears / sizeof *kYears));
      }
      if (want(true)) line(in2, "subject", scalar());
      if (want(true)) block_list(in2, "body");
      if (want(false)) {
        indent(in2);
        out_ += "clauses:\n";
        int n = in_.integer(1, 4);
        for (int i = 0; i < n; ++i) {
          indent(in2 + 2);
          out_ += "-\n";
          blocks(in2 + 4, 2);
        }
      }
      if (sometimes()) block_list(in2, "after", 2);
      if (want(false)) line(in2, "effective", in_.boolean() ? date() : scalar());
      if (want(true)) line(in2, "date", date());
      if (want(true)) line(in2, "signer", signer());
    } else if (k == "stamped") {
      if (sometimes()) line(in2, "emblem", image());
      if (want(true)) line(in2, "reference", scalar());
      if (want(true)) line(in2, "to", scalar());
      block_list(in2, "body");
      if (want(true)) line(in2, "office", scalar());
      if (want(false)) line(in2, "stamp", image());
      if (want(false)) line(in2, "initials", scalar());
      if (want(true)) line(in2, "date", date());
      if (want(false)) line(in2, "contact", contact());
    } else if (k == "certificate") {
      if (sometimes()) line(in2, "emblem", image());
      if (want(true)) line(in2, "reference", scalar());
      if (want(true)) line(in2, "office", text_list());
      if (want(false)) line(in2, "title", scalar());
      block_list(in2, "body");
      if (want(true)) line(in2, "date", date());
      if (want(true)) line(in2, "signer", signer());
      if (want(false)) line(in2, "holder", scalar());
      if (want(false)) line(in2, "photo", image());
    } else if (k == "minutes") {
      if (want(true)) line(in2, "title", text_list());
      if (want(false)) line(in2, "session", scalar());
      if (want(true)) line(in2, "date", date());
      if (want(true)) line(in2, "place", scalar());
      if (want(true)) people(in2, "present");
      if (want(false)) people(in2, "absent");
      if (want(false)) people(in2, "attending");
      if (want(true)) line(in2, "opened", from(kTimes, sizeof kTimes / sizeof *kTimes));
      if (want(false)) block_list(in2, "opening", 2);
      indent(in2);
      out_ += "agenda:\n";
      int n = in_.integer(want(true) ? 1 : 0, 4);
      for (int i = 0; i < n; ++i) {
        indent(in2 + 2);
        out_ += "-\n";
        if (want(true)) line(in2 + 4, "title", scalar());
        if (want(false)) block_list(in2 + 4, "body", 2);
        if (want(false)) block_list(in2 + 4, "resolution", 2);
      }
      if (want(true)) line(in2, "closed", from(kTimes, sizeof kTimes / sizeof *kTimes));
      if (want(true)) line(in2, "recorder", signer());
      if (want(false)) line(in2, "checker", signer());
    }
  }

  // An `ita:` section: organisation, year, the ten scores (some missing, extra, in Thai digits, or
  // as a list), and now and then the published numbers, history and recommendations.
  void ita(int ind) {
    const int in2 = ind + 2;
    indent(ind);
    out_ += "ita:\n";
    if (want(true)) {
      std::string o = "{name: " + scalar();
      for (const char* k : {"district", "province", "type"}) {
        if (in_.boolean()) o += std::string(", ") + k + ": " + scalar();
      }
      line(in2, "organisation", o + "}");
    }
    if (want(true)) line(in2, "year", from(kYears, sizeof kYears / sizeof *kYears));
    if (want(true)) {
      indent(in2);
      bool as_list = rarely();
      out_ += "scores:\n";
      int first = rarely() ? in_.integer(0, 12) : 1;
      int last = rarely() ? in_.integer(0, 12) : 10;
      for (int i = first; i <= last; ++i) {
        if (seldom()) continue;  // a missing indicator
        static const char* const thai[] = {"๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙", "๑๐", "๑๑", "๑๒"};
        std::string number = rarely() ? thai[i] : std::to_string(i);
        std::string score = from(kScores, sizeof kScores / sizeof *kScores);
        indent(in2 + 2);
        out_ += as_list ? "- {indicator: " + number + ", score: " + score + "}\n" : number + ": " + score + "\n";
      }
    }
    if (sometimes()) {
      std::string s = "{total: " + from(kScores, sizeof kScores / sizeof *kScores);
      if (in_.boolean()) s += ", level: " + scalar();
      if (sometimes()) s += cat({", ", in_.boolean() ? "IIT" : "OIT", ": ", from(kScores, sizeof kScores / sizeof *kScores)});
      line(in2, "supplied", s + "}");
    }
    if (sometimes()) {
      indent(in2);
      out_ += "history:\n";
      int n = in_.integer(0, 6);
      for (int i = 0; i < n; ++i) {
        indent(in2 + 2);
        out_ += cat({std::to_string(2560 + in_.integer(0, 10)), ": ", from(kScores, sizeof kScores / sizeof *kScores), "\n"});
      }
    }
    if (sometimes()) {
      indent(in2);
      out_ += "recommendations:\n";
      int n = in_.integer(0, 3);
      for (int i = 0; i < n; ++i) {
        indent(in2 + 2);
        out_ += cat({"O", std::to_string(in_.integer(1, 45)), ": ", scalar(), "\n"});
      }
    }
    if (seldom()) line(in2, "framework", scalar());
  }
  std::string quoted(const std::string& s) {
    std::string q = "\"";
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') {
        q += '\\';
        q += static_cast<char>(c);
      } else if (c < 0x20) {
        static const char* hex = "0123456789abcdef";
        q += "\\x";
        q += hex[c >> 4];
        q += hex[c & 15];
      } else {
        q += static_cast<char>(c);
      }
    }
    return q + "\"";
  }

  std::string scalar() {
    int how = in_.integer(0, 15);
    if (how < 10) return quoted(kPool[in_.integer(0, sizeof kPool / sizeof *kPool - 1)]);
    if (how < 13) return quoted(in_.text(40));
    if (how == 13 && anchors_ > 0) return "*a" + std::to_string(in_.integer(0, anchors_ - 1));
    if (how == 14) {
      std::string name = "a" + std::to_string(anchors_++);
      return "&" + name + " " + quoted(kPool[in_.integer(0, sizeof kPool / sizeof *kPool - 1)]);
    }
    // A long value: one pool entry repeated.
    std::string unit = kPool[in_.integer(0, sizeof kPool / sizeof *kPool - 1)];
    std::string s;
    int n = in_.integer(1, 200);
    for (int i = 0; i < n; ++i) s += unit;
    return quoted(s);
  }

  void indent(int n) { out_.append(static_cast<size_t>(n), ' '); }

  void style(int ind) {
    indent(ind);
    out_ += "style:\n";
    int groups = in_.integer(1, 2);
    for (int g = 0; g < groups; ++g) {
      const auto& group = kStyleTable[in_.integer(0, sizeof kStyleTable / sizeof *kStyleTable - 1)];
      std::vector<std::string> keys;
      for (const char* p = group[1]; *p;) {
        const char* e = p;
        while (*e && *e != ' ') ++e;
        keys.emplace_back(p, e);
        p = *e ? e + 1 : e;
      }
      indent(ind + 2);
      if (keys.empty() || seldom()) {  // a value for the group itself
        out_ += std::string(group[0]) + ": " + scalar() + "\n";
        continue;
      }
      out_ += std::string(group[0]) + ":\n";
      int n = in_.integer(1, 2);
      for (int k = 0; k < n; ++k) {
        const std::string& key = keys[in_.integer(0, static_cast<int>(keys.size()) - 1)];
        line(ind + 4, key, scalar());
      }
    }
  }

  // A list of blocks at `ind` spaces.
  void blocks(int ind, int depth) {
    int n = in_.integer(1, 6);
    for (int i = 0; i < n && (i == 0 || in_.remaining() > 0); ++i) block(ind, depth);
  }

  void block(int ind, int depth) {
    indent(ind);
    int type = in_.integer(0, sizeof kBlockTypes / sizeof *kBlockTypes - 1);
    if (in_.integer(0, 3) == 0) {  // a bare paragraph (what input of zeros gives)
      out_ += "- " + scalar() + "\n";
      return;
    }
    std::string name = kBlockTypes[type];
    out_ += "- " + name + ":";
    if (name == "list" && depth < 4) {
      out_ += "\n";
      int items = in_.integer(1, 4);
      for (int i = 0; i < items; ++i) {
        indent(ind + 4);
        if (in_.boolean() || depth >= 3) {
          out_ += "- " + scalar() + "\n";
        } else {
          out_ += "- text: " + scalar() + "\n";
          indent(ind + 6);
          out_ += "list:\n";
          blocks_as_items(ind + 8);
        }
      }
    } else if (name == "section" && depth < 4) {
      out_ += "\n";
      indent(ind + 4);
      out_ += "orientation: " + scalar() + "\n";
      indent(ind + 4);
      out_ += "blocks:\n";
      blocks(ind + 6, depth + 1);
    } else if (name == "table" && depth < 4) {
      out_ += "\n";
      table(ind + 4, depth);
    } else if (name == "chart") {
      out_ += " " + from(kCharts, sizeof kCharts / sizeof *kCharts) + "\n";
      int n = in_.integer(0, 3);
      for (int k = 0; k < n; ++k) {
        const char* key = pick(in_, kChartOptions);
        line(ind + 2, key, scalar());
      }
      return;
    } else if (name == "ita_table") {
      out_ += " " + from(kItaTables, sizeof kItaTables / sizeof *kItaTables) + "\n";
      if (in_.boolean()) {
        std::string c = "[";
        int n = in_.integer(1, 6);
        for (int i = 0; i < n; ++i) {
          c += i ? ", " : "";
          c += sometimes() ? cat({"{key: ", pick(in_, kItaColumns), ", header: ", scalar(), ", width: ", scalar(), "}"})
                           : pick(in_, kItaColumns);
        }
        line(ind + 2, "columns", c + "]");
      }
      if (sometimes()) {
        static const char* const rows[] = {"highest", "lowest", "total"};
        line(ind + 2, "footer", cat({"[", pick(in_, rows), ", {row: ", pick(in_, rows), ", label: ", scalar(), "}]"}));
      }
      if (rarely()) line(ind + 2, "names", cat({"{1: ", scalar(), ", ๒: ", scalar(), "}"}));
      if (rarely()) line(ind + 2, "comments", "{1: " + scalar() + "}");
      if (rarely()) line(ind + 2, "instruments", cat({"{IIT: ", scalar(), ", OIT: ", scalar(), "}"}));
      int n = in_.integer(0, 2);
      for (int k = 0; k < n; ++k) {
        const char* key = pick(in_, kItaTableOptions);
        line(ind + 2, key, scalar());
      }
      return;
    } else {
      out_ += " " + scalar() + "\n";
    }
    int options = in_.integer(0, 2);
    for (int k = 0; k < options; ++k) {
      indent(ind + 2);
      out_ += cat({pick(in_, kBlockOptions), ": ", scalar(), "\n"});
    }
  }

  void blocks_as_items(int ind) {
    int n = in_.integer(1, 3);
    for (int i = 0; i < n; ++i) {
      indent(ind);
      out_ += "- " + scalar() + "\n";
    }
  }

  void table(int ind, int depth) {
    int columns = in_.integer(1, 5);
    indent(ind);
    out_ += "columns: [";
    for (int c = 0; c < columns; ++c) {
      static const char* widths[] = {"1", "2", "3cm", "20%", "50%", "0", "-1", "200cm"};
      out_ += (c ? ", " : "") + std::string(widths[in_.integer(0, 7)]);
    }
    out_ += "]\n";
    if (in_.boolean()) {
      indent(ind);
      out_ += "header:\n";
      row(ind + 2, columns, depth);
    }
    indent(ind);
    out_ += "rows:\n";
    int rows = in_.integer(1, 8);
    for (int r = 0; r < rows; ++r) row(ind + 2, columns, depth);
    if (in_.boolean()) {
      indent(ind);
      out_ += "caption: " + scalar() + "\n";
    }
  }

  void row(int ind, int columns, int depth) {
    indent(ind);
    int cells = rarely() ? in_.integer(0, columns + 1) : columns;
    if (rarely()) {
      out_ += "- {group: " + scalar() + "}\n";
      return;
    }
    out_ += "- [";
    for (int c = 0; c < cells; ++c) {
      out_ += c ? ", " : "";
      int how = in_.integer(0, 7);
      if (how == 0) {
        out_ += cat({"{text: ", scalar(), ", colspan: ", scalar(), "}"});
      } else if (how == 1) {
        out_ += cat({"{text: ", scalar(), ", rowspan: ", scalar(), "}"});
      } else if (how == 2 && depth < 2) {
        out_ += cat({"{blocks: [", scalar(), ", {heading: ", scalar(), "}]}"});
      } else {
        out_ += scalar();
      }
    }
    out_ += "]\n";
  }

  FuzzInput& in_;
  std::string out_;
  int anchors_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  std::string yaml = Builder(in).document();
  // FUZZ_PRINT_YAML=1 fuzz_replay_yaml_structured FILE shows the document an input chose.
  static const bool print = std::getenv("FUZZ_PRINT_YAML") != nullptr;
  if (print) std::fwrite(yaml.data(), 1, yaml.size(), stderr);  // raw bytes may hold a NUL
  try {
    thaidoc::Document doc =
        thaidoc::read_document_string(yaml, THAIDOC_SOURCE_DIR "/tests/fuzz/assets/fuzz.yaml", thaidoc::fuzz::document_read_options());
    thaidoc::Resources& resources = thaidoc::fuzz::fresh_resources();
    thaidoc::LaidOutDocument laid_out = thaidoc::layout_document(doc, resources);
    std::string pdf = thaidoc::write_pdf_to_memory(laid_out);
    if (pdf.compare(0, 5, "%PDF-") != 0) std::abort();
  } catch (const thaidoc::Error& e) {
    // bad input, reported as such; but FUZZ_EXPECT_PDF=1 (the seeds' test, which must each
    // choose a document that is read, laid out and written) makes it a failure.
    static const bool expect_pdf = std::getenv("FUZZ_EXPECT_PDF") != nullptr;
    if (expect_pdf) {
      std::fprintf(stderr, "FUZZ_EXPECT_PDF: the document chosen is an error: %s\n%s\n", e.what(), yaml.c_str());
      std::abort();
    }
  }
  return 0;
}
