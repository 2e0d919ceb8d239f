// Fuzzes image files: first straight through src/image (decode, then the PDF form), then
// through `thaidoc render`'s path: the bytes are written as an image next to a document
// that shows it (as a block and as the memo emblem), which is then read (src/image decodes
// it at the YAML key), laid out (its size from the same module) and written as a PDF (the
// module's data as an image XObject). An Error is the expected outcome for a bad image; a
// crash, an abort or a sanitizer report is a finding.
//
// The first byte picks the file name's extension (.png or .jpg; the content decides the
// format) and which document uses it.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "base/error.h"
#include "image/image.h"
#include "input/document_reader.h"
#include "layout/document_layout.h"
#include "pdf/pdf_writer.h"

namespace {

// A folder of our own, removed at exit (the string is never freed, so the exit handler
// can still use it after static objects are gone).
const std::string& work_dir() {
  static const std::string* dir = [] {
    auto* d = new std::string((std::filesystem::temp_directory_path() /
                               ("thaidoc-fuzz-image-" + std::to_string(::getpid())))
                                  .string());
    std::filesystem::create_directories(*d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(work_dir(), ec);
    });
    return d;
  }();
  return *dir;
}

// A problem reads on from "image file 'x' ": "is ...", "has ...", "cannot ...".
bool problem_is_phrase(const std::string& p) {
  return p.rfind("is ", 0) == 0 || p.rfind("has ", 0) == 0 || p.rfind("cannot ", 0) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  unsigned choice = data[0];
  thaidoc::image::Decoded decoded =
      thaidoc::image::decode(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  if (decoded.ok()) {
    const thaidoc::image::Bitmap& bm = decoded.bitmap;
    size_t pixels = static_cast<size_t>(bm.width) * bm.height;
    if (bm.samples.size() != pixels * thaidoc::image::components(bm.color)) std::abort();
    if (!bm.alpha.empty() && bm.alpha.size() != pixels) std::abort();
    if (thaidoc::image::to_pdf(decoded).data.empty()) std::abort();
  } else if (!problem_is_phrase(decoded.problem)) {
    std::abort();
  }
  std::string name = (choice & 1) ? "img.jpg" : "img.png";
  {
    std::ofstream out(work_dir() + "/" + name, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  std::string yaml =
      (choice & 2) ? "kind: memo\nmemo:\n  emblem: " + name +
                         "\n  agency: ก\n  reference: ข\n  date: 2025-04-24\n  subject: ค\n  to: ง\n"
                         "  body: [จ]\n  signer:\n    name: ฉ\n    image: " + name + "\n"
                   : "kind: document\nblocks:\n  - image: " + name + "\n" + ((choice & 4) ? "    width: 3cm\n" : "");
  thaidoc::ReadOptions options;
  options.template_dirs = {THAIDOC_SOURCE_DIR "/templates"};
  options.allow_outside = false;
  static thaidoc::Resources* resources = new thaidoc::Resources();  // the text is always the same
  try {
    thaidoc::Document doc = thaidoc::read_document_string(yaml, work_dir() + "/doc.yaml", options);
    thaidoc::LaidOutDocument laid_out = thaidoc::layout_document(doc, *resources);
    std::string pdf = thaidoc::write_pdf_to_memory(laid_out);
    if (pdf.compare(0, 5, "%PDF-") != 0) std::abort();
  } catch (const thaidoc::Error&) {
  }
  return 0;
}
