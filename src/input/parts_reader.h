// Reading a multi-part document: a top-level `parts:` list whose items are whole
// documents, written inline or named by file (inside the document's folder), each with
// its own kind, template and orientation, and `page_numbers: restart|continue`.
//
//   title: บันทึกข้อความและรายงานผล       # PDF properties of the whole (optional)
//   parts:
//     - file: memo.yaml                      # a document file, relative to this one
//     - file: results.yaml
//       page_numbers: continue               # or restart (the default)
//     - kind: document                       # an inline document: any document's keys
//       page_numbers: restart
//       blocks: [...]
//
// Only code in src/input includes this header.
#pragma once
#include <functional>
#include <string>

#include "input/document_reader.h"
#include "model/document.h"

namespace thaidoc {

class YamlNode;

// The keys a multi-part document's top level may have.
const std::vector<std::string>& parts_top_level_keys();

// Reads the multi-part document whose top level is `root` (it has `parts:`).
// `read_inline` reads an inline part (a document mapping, which may also hold
// `page_numbers`). A file part is read with read_document and `options`, so its own
// errors name that file. Errors: exit code 2 at the offending key.
Document read_parts(const YamlNode& root, const std::string& path, const ReadOptions& options,
                    const std::function<Document(const YamlNode&)>& read_inline);

}  // namespace thaidoc
