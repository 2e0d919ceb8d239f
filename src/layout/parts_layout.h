// A multi-part document (`parts:`): each part is a whole document, laid out by the same
// dispatcher as any other (its own kind, template, orientation and page numbers), and
// the pages are put one after the other into one LaidOutDocument. A part that continues
// the numbering starts from the previous part's last page number; one that restarts
// counts from 1 (and hides its numbers before its template's first_numbered_page).
#pragma once
#include <functional>

#include "frame/frame.h"
#include "model/document.h"

namespace thaidoc {

using LayoutOne = std::function<LaidOutDocument(const Document&)>;

// `layout_part` lays out one part (the kind dispatcher). The result's sources,
// outline and warnings are those of the parts in order (source indices, outline
// and warning pages renumbered), its info the container's with empty fields from the first part.
LaidOutDocument layout_parts(const Document& doc, const LayoutOne& layout_part);

// Appends `part` to `out`: pages, sources (GlyphRun::source shifted), outline (pages
// shifted) and warnings (their "page N" shifted).
void append_laid_out(LaidOutDocument& out, LaidOutDocument part);

}  // namespace thaidoc
