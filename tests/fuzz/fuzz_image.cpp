// Fuzzes image files through `thaidoc render`'s path: the bytes are written as an image
// next to a document that shows it (as a block and as the memo emblem), which is then
// read (header, size and PNG chunk checks), laid out (read_image_info) and written as a
// PDF (the PNG decode check, then LibHaru). An Error is the expected outcome for a bad
// image; a crash or abort (LibHaru/libpng on a damaged PNG) is a finding.
//
// The first byte picks the file name's extension (.png or .jpg; the content decides the
// format) and which document uses it.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/error.h"
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  unsigned choice = data[0];
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
