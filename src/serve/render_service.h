// A document from a request's body to its diagnostics and, for /render, the PDF bytes in
// memory: the same reader, layout, checks and PDF writer as `thaidoc render`, with the
// font, shaping, paragraph and template caches shared by every request (as `thaidoc batch`
// shares them between its workers). Thread-safe: one service serves all the workers.
//
// The document reads nothing outside `base_dir` (its images and part files; the reader's
// allow_outside is off) except the shipped templates and fonts ($THAIDOC_TEMPLATES and
// $THAIDOC_FONTS too, set by whoever starts the server).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "cli/diagnostics.h"
#include "input/document_reader.h"
#include "layout/resources.h"

namespace thaidoc::serve {

struct Outcome {
  bool ok = false;                      // no error: the document is valid (and rendered)
  std::vector<Diagnostic> diagnostics;  // its errors, or its warnings when ok
  int warnings = 0;
  std::string pdf;  // the PDF (render only, when ok)
};

class RenderService {
 public:
  explicit RenderService(bool strict);

  // Reads the document (YAML, or JSON, which YAML reads too) lying in `base_dir`, lays it
  // out and checks it, and with `make_pdf` writes the PDF. Errors of the document are in
  // the outcome; an internal error (a bug) is thrown as std::exception.
  Outcome run(const std::string& body, const std::string& base_dir, bool make_pdf);

  // How a diagnostic's position names the request: the document's own positions are kept;
  // a position in another file (a part file, a template) goes into the message as
  // "FILE:LINE:COL: " with FILE relative to base_dir (or its name alone), and line 0.
  static Diagnostic in_request_terms(Diagnostic d, const std::string& document_path, const std::string& base_dir);

  // A message as the request's sender should read it: the command line's hints
  // (" (--allow-outside lifts this)") left out, and the server's folders not named (the
  // document's folder left out of a path, a template or font folder called "templates" or "fonts").
  std::string scrub(std::string message, const std::string& base_dir) const;

  // The name the document has in messages: base_dir/document.yaml.
  static std::string document_path(const std::string& base_dir);

 private:
  bool strict_;
  Resources resources_;
  ReadOptions read_;
};

}  // namespace thaidoc::serve
