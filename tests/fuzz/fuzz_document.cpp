// Fuzzes the whole path of `thaidoc render` in memory: YAML text -> model (with the
// shipped templates) -> layout -> PDF bytes. An Error is the expected outcome for bad
// input; anything else (a crash, a sanitizer report, another exception, a timeout or an
// output that is not a PDF) is a finding.
//
// The document "is" tests/fuzz/assets/fuzz.yaml, so it can refer to the images there
// (ok.png, ok.jpg, truncated.png, damaged.png); images outside that folder are refused,
// as `thaidoc render` does by default.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "base/error.h"
#include "fuzz_resources.h"
#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "pdf/pdf_writer.h"


extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string yaml(reinterpret_cast<const char*>(data), size);
  try {
    thaidoc::Document doc =
        thaidoc::read_document_string(yaml, THAIDOC_SOURCE_DIR "/tests/fuzz/assets/fuzz.yaml", thaidoc::fuzz::document_read_options());
    // Fresh caches per input, as one `thaidoc render` process has: the outcome of an
    // input never depends on the inputs before it.
    thaidoc::Resources& resources = thaidoc::fuzz::fresh_resources();
    thaidoc::LaidOutDocument laid_out = thaidoc::layout_document(doc, resources);
    std::string pdf = thaidoc::write_pdf_to_memory(laid_out);
    if (pdf.compare(0, 5, "%PDF-") != 0) std::abort();
  } catch (const thaidoc::Error&) {
    // bad input, reported as such
  }
  return 0;
}
