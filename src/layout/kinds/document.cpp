// kind: document — a general document: the blocks under `blocks:` (paragraphs,
// headings, lists, tables, images, sections ...) and nothing else. Template: default.yaml.
// `thaidoc text` builds one of these from a plain-text file.
#include "layout/kinds/kind.h"

namespace thaidoc {

namespace {

void read(const YamlNode& node, ContentReader& reader, Document& doc) { doc.blocks = reader.blocks(node); }

void layout(const Document& doc, BlockLayouter& b, std::vector<FlowBox>& out) {
  b.add_blocks(doc.blocks, out, 0, b.style().page.content_width());
}

}  // namespace

extern const Kind kDocumentKind{"document", "default", "blocks", "เอกสารทั่วไป (general document)", read, nullptr, layout,
                         nullptr};

}  // namespace thaidoc
