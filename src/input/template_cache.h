// Templates read once per process instead of once per document: `thaidoc batch` reads the
// same template document thousands of times, and reading its layout template
// (templates/memo.yaml, which extends default.yaml) cost about a fifth of the time.
#pragma once
#include <map>
#include <mutex>
#include <string>

#include "input/document_reader.h"
#include "model/template.h"

namespace thaidoc {

class TemplateCache {
 public:
  // read_template_file(path, options), remembered by path. Thread-safe. All callers must
  // pass equivalent options (the same template_dirs and font_exists); a failed read is
  // not remembered, so every document that uses the template reports the error.
  Template get(const std::string& path, const ReadOptions& options);

 private:
  std::mutex mutex_;
  std::map<std::string, Template> templates_;
};

}  // namespace thaidoc
