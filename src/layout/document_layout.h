// A whole document of any kind: the model in, pages of frames out. The one pipeline
// for `render`, `batch` and `text`: the kind's boxes (layout/kinds/), pagination, page
// numbers; a kind with its own passes (the report) lays itself out whole.
#pragma once
#include "frame/frame.h"
#include "layout/resources.h"
#include "model/document.h"

namespace thaidoc {

LaidOutDocument layout_document(const Document& doc, Resources& resources);

// The same (the name the report layer used to give it).
inline LaidOutDocument layout_any(const Document& doc, Resources& resources) {
  return layout_document(doc, resources);
}

}  // namespace thaidoc
