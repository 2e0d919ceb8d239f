// Structure-aware fuzzing of `thaidoc render`: the input bytes are not YAML text but the
// choices that build a well-formed document (kind, template, style overrides, metadata,
// a tree of blocks with their options, anchors and aliases), so nearly every input gets
// past the YAML parser and the key checks into the readers, layout and PDF writer. Values
// are drawn from a pool of typical values (Thai text, markup, lengths, dates, edge numbers)
// or taken from the input as raw bytes, written as double-quoted YAML strings.
// The outcome rules are those of fuzz_document: an Error is fine, anything else a finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
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
    "中文汉字", "العربية", "😀", "\t", "a\nb",
};

const char* const kBlockTypes[] = {"paragraph", "heading", "list", "image", "space", "pagebreak", "dotted",
                                   "table", "section", "caption", "note", "source"};
const char* const kBlockOptions[] = {"align", "indent", "left_indent", "digits", "keep_with_next", "level",
                                     "marker", "start", "width", "height"};
const char* const kStyleGroups[] = {"page", "body", "headings", "lists", "tables", "memo", "page_numbers",
                                    "fonts", "dates", "dotted_line"};
const char* const kStyleKeys[] = {"size", "line_height", "first_indent", "space_before", "space_after", "align",
                                  "margin_top", "margin_left", "margin_bottom", "margin_right", "width",
                                  "height", "regular", "bold", "fallback", "enabled", "format", "orphans",
                                  "widows", "font_size", "padding_x", "borders", "h1", "indent", "months",
                                  "title", "dotted_values", "signature_center", "dash", "continued"};

class Builder {
 public:
  explicit Builder(FuzzInput& in) : in_(in) {}

  std::string document() {
    int kind = in_.integer(0, 2);
    out_ += kind == 0 ? "kind: memo\n" : kind == 1 ? "kind: document\n" : "kind: report\n";
    if (in_.boolean()) out_ += "template: " + scalar() + "\n";
    if (in_.boolean()) out_ += "title: " + scalar() + "\n";
    if (in_.boolean()) {
      out_ += "keywords: [";
      int n = in_.integer(0, 6);
      for (int i = 0; i < n; ++i) out_ += (i ? ", " : "") + scalar();
      out_ += "]\n";
    }
    if (in_.boolean()) out_ += "digits: " + scalar() + "\n";
    if (in_.boolean()) style();
    if (kind == 0) {
      out_ += "memo:\n";
      for (const char* key : {"agency", "reference", "date", "subject", "to"}) {
        if (in_.integer(0, 15) != 0) out_ += std::string("  ") + key + ": " + scalar() + "\n";
      }
      out_ += "  body:\n";
      blocks(2, 0);
      if (in_.boolean()) out_ += "  closing: " + scalar() + "\n";
      out_ += "  signer: {name: " + scalar() + ", position: [" + scalar() + "]}\n";
    } else if (kind == 1) {
      out_ += "blocks:\n";
      blocks(0, 0);
    } else {
      out_ += "report:\n";
      if (in_.boolean()) out_ += "  cover: {title: " + scalar() + "}\n";
      if (in_.boolean()) out_ += "  contents: " + scalar() + "\n";
      out_ += "  body:\n";
      blocks(2, 0);
    }
    // A few raw bytes at the end: syntax the structure above never writes.
    if (in_.integer(0, 7) == 0) out_ += in_.text(64);
    return out_;
  }

 private:
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

  void style() {
    out_ += "style:\n";
    int groups = in_.integer(1, 3);
    for (int g = 0; g < groups; ++g) {
      out_ += std::string("  ") + kStyleGroups[in_.integer(0, sizeof kStyleGroups / sizeof *kStyleGroups - 1)] +
              ":\n";
      int keys = in_.integer(1, 3);
      for (int k = 0; k < keys; ++k) {
        out_ += std::string("    ") + kStyleKeys[in_.integer(0, sizeof kStyleKeys / sizeof *kStyleKeys - 1)] +
                ": " + scalar() + "\n";
      }
    }
  }

  // A list of blocks at `ind` spaces.
  void blocks(int ind, int depth) {
    int n = in_.integer(1, 6);
    for (int i = 0; i < n && in_.remaining() > 0; ++i) block(ind, depth);
  }

  void block(int ind, int depth) {
    indent(ind);
    int type = in_.integer(0, sizeof kBlockTypes / sizeof *kBlockTypes - 1);
    if (in_.integer(0, 3) == 0) {  // a bare paragraph
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
    } else {
      out_ += " " + scalar() + "\n";
    }
    int options = in_.integer(0, 2);
    for (int k = 0; k < options; ++k) {
      indent(ind + 2);
      out_ += std::string(kBlockOptions[in_.integer(0, sizeof kBlockOptions / sizeof *kBlockOptions - 1)]) + ": " +
              scalar() + "\n";
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
    int cells = in_.integer(0, 7) == 0 ? in_.integer(0, columns + 1) : columns;
    if (in_.integer(0, 7) == 0) {
      out_ += "- {group: " + scalar() + "}\n";
      return;
    }
    out_ += "- [";
    for (int c = 0; c < cells; ++c) {
      out_ += c ? ", " : "";
      int how = in_.integer(0, 7);
      if (how == 0) {
        out_ += "{text: " + scalar() + ", colspan: " + scalar() + "}";
      } else if (how == 1) {
        out_ += "{text: " + scalar() + ", rowspan: " + scalar() + "}";
      } else if (how == 2 && depth < 2) {
        out_ += "{blocks: [" + scalar() + ", {heading: " + scalar() + "}]}";
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
  } catch (const thaidoc::Error&) {
    // bad input, reported as such
  }
  return 0;
}
