// A document as read from its YAML file: what it says, not how it looks.
#pragma once
#include <string>
#include <vector>

#include "frame/frame.h"
#include "model/blocks.h"
#include "model/memo.h"
#include "model/template.h"

namespace thaidoc {

enum class DocumentKind { Memo, Document };

struct Document {
  DocumentKind kind = DocumentKind::Document;
  std::string source;      // the YAML file
  std::string base_dir;    // for relative image paths
  Template style;          // the template with the document's overrides applied
  DocumentInfo info;
  Memo memo;               // kind == Memo
  std::vector<Block> blocks;  // kind == Document (and general content)
};

}  // namespace thaidoc
