// A document as read from its YAML file: what it says, not how it looks.
#pragma once
#include <any>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "model/blocks.h"
#include "model/memo.h"
#include "model/report.h"
#include "model/stamps.h"
#include "model/template.h"

namespace thaidoc {

namespace ita {
struct Analysis;
}

// A document's kind is its `kind:` name; src/layout/kinds/registry.cpp lists them all.
// These are the names code outside a kind's own file refers to.
struct DocumentKind {
  static constexpr std::string_view Memo = "memo";
  static constexpr std::string_view Document = "document";
  static constexpr std::string_view Report = "report";
};

struct Document {
  std::string kind{DocumentKind::Document};  // the `kind:` value
  std::string source;      // the YAML file
  std::string base_dir;    // for relative image paths
  Template style;          // the template with the document's overrides applied
  DocumentInfo info;
  Memo memo;               // kind == Memo
  Report report;           // kind == Report
  std::vector<Block> blocks;  // kind == Document (and general content)
  // Any other kind's own model (struct Letter, struct Order ...), defined and read in
  // that kind's file in src/layout/kinds/ (kind_content<T>(doc) there).
  std::any content;
  // Speed and secrecy classes (read by the kinds that have them), stamped on the pages.
  Stamps stamps;
  // ITA data, computed once from the document's `ita:` section (null if none):
  // the report's generated tables, charts and placeholders all come from it.
  std::shared_ptr<const ita::Analysis> ita;
  std::vector<std::string> warnings;  // "file:line:col: warning: ..." (supplied values that disagree)
};

}  // namespace thaidoc
