// A document as read from its YAML file: what it says, not how it looks.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "model/blocks.h"
#include "model/memo.h"
#include "model/report.h"
#include "model/template.h"

namespace thaidoc {

namespace ita {
struct Analysis;
}

enum class DocumentKind { Memo, Document, Report };

struct Document {
  DocumentKind kind = DocumentKind::Document;
  std::string source;      // the YAML file
  std::string base_dir;    // for relative image paths
  Template style;          // the template with the document's overrides applied
  DocumentInfo info;
  Memo memo;               // kind == Memo
  Report report;           // kind == Report
  std::vector<Block> blocks;  // kind == Document (and general content)
  // ITA data, computed once from the document's `ita:` section (null if none):
  // the report's generated tables, charts and placeholders all come from it.
  std::shared_ptr<const ita::Analysis> ita;
  std::vector<std::string> warnings;  // "file:line:col: warning: ..." (supplied values that disagree)
};

}  // namespace thaidoc
