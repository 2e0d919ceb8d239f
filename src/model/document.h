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
  // Not a kind: a document made of parts (`parts:`), each a document of its own kind.
  static constexpr std::string_view Parts = "parts";
};

// How a part of a multi-part document numbers its pages: from 1 again, or on from the
// previous part's last page.
enum class PageNumbering { Restart, Continue };

struct DocumentPart;

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
  // kind == Parts: the documents printed one after the other into one PDF, each laid out
  // as a document of its own kind (layout/parts_layout.h).
  std::vector<DocumentPart> parts;
  // The number of the page before this document's first page: 0 unless the document is a
  // part that continues the numbering of the parts before it (set by the parts layout).
  int page_number_offset = 0;
};

// One part of a multi-part document (`parts:`): a whole document of any kind.
struct DocumentPart {
  Document document;
  PageNumbering numbering = PageNumbering::Restart;
  SourceLocation where;  // the part's entry in the `parts:` list
};

}  // namespace thaidoc
