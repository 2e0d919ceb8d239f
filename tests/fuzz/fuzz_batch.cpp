// Fuzzes the data side of `thaidoc batch`: the input is a data file (first byte even: CSV,
// odd: YAML list of mappings), read as `thaidoc batch --data` reads it; then, for the first
// records, the output pattern is expanded and sanitised and a small template whose
// placeholders sit in every kind of place (dates, markup, lists, tables, signer) is filled
// in from the record, read, laid out and written to a PDF in memory, as a batch worker does.
// An Error is the expected outcome for bad data or values; anything else is a finding.
// Seeds: data/batch/*.csv and tests/fuzz/assets/batch/.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "base/error.h"
#include "fuzz_resources.h"
#include "cli/batch_output.h"
#include "input/batch_data.h"
#include "input/document_reader.h"
#include "input/placeholders.h"
#include "input/template_cache.h"
#include "layout/document_layout.h"
#include "pdf/pdf_writer.h"

namespace {

const char kTemplate[] = R"Y(kind: memo
template: memo
title: "{{a}} {{b}}"
keywords: ["{{a}}", "{{c}}"]
memo:
  agency: "{{a}}"
  reference: "{{b}}/{{c}}"
  date: "{{date}}"
  subject: "{{b}}"
  to: "{{c}}"
  body:
    - "ตามที่ {{a}} ได้ดำเนินการ **{{b}}** [{{c}}](https://{{c}})"
    - list: ["{{a}}", "{{b}}"]
    - table:
        columns: [1, 2]
        rows:
          - ["{{a}}", "{{c}}"]
  signer:
    name: "{{a}}"
    position: "{{b}}"
)Y";

const thaidoc::ReadOptions& options() {
  static const thaidoc::ReadOptions opts = [] {
    thaidoc::ReadOptions o;
    o.template_dirs = {THAIDOC_SOURCE_DIR "/templates"};
    o.allow_outside = false;
    // As `thaidoc batch` does: the layout template (templates/memo.yaml) is read once, not
    // for every record (a file that never changes, so no input depends on an earlier one).
    o.template_cache = std::make_shared<thaidoc::TemplateCache>();
    return o;
  }();
  return opts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool csv = (data[0] & 1) == 0;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  static thaidoc::PlaceholderTemplate tpl(kTemplate, THAIDOC_SOURCE_DIR "/tests/fuzz/assets/batch.yaml");
  static const thaidoc::batch::OutputPattern pattern("out/{a}/{b}-{record}.pdf");
  thaidoc::DataSet set;
  try {
    set = csv ? thaidoc::read_csv_string(text, "data.csv") : thaidoc::read_yaml_data_string(text, "data.yaml");
  } catch (const thaidoc::Error&) {
    return 0;  // the whole file refused, as the batch does before starting
  }
  size_t n = 0;
  bool laid_out_one = false;
  for (const thaidoc::DataRecord& record : set.records) {
    if (n++ == 3) break;
    if (!record.error.empty()) continue;
    std::map<std::string, std::string> values(record.fields.begin(), record.fields.end());
    for (const char* key : {"a", "b", "c", "date"}) values.emplace(key, "");
    std::string number = std::to_string(record.number), error;
    std::string path = pattern.expand(
        [&](const std::string& k) -> const std::string* {
          if (k == "record") return &number;
          auto it = values.find(k);
          return it == values.end() ? nullptr : &it->second;
        },
        error);
    if (!path.empty() && (path.find("/../") != std::string::npos || path.find("/.") != std::string::npos)) {
      std::abort();  // a value escaped its file name
    }
    try {
      thaidoc::Document doc = tpl.read(values, options());
      // Only the first record that reads is laid out and written: the others fill the same
      // template, and laying out every one made each input take about three times as long.
      if (laid_out_one) continue;
      laid_out_one = true;
      thaidoc::Resources& resources = thaidoc::fuzz::fresh_resources();
      thaidoc::LaidOutDocument laid_out = thaidoc::layout_document(doc, resources);
      std::string pdf = thaidoc::write_pdf_to_memory(laid_out);
      if (pdf.compare(0, 5, "%PDF-") != 0) std::abort();
    } catch (const thaidoc::Error&) {
      // a bad value, reported for this record
    }
  }
  return 0;
}
