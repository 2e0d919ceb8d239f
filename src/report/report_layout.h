// Any document kind to pages: memos and general documents through the layout
// layer; reports with their cover, คำนำ, สารบัญ (page numbers from a second
// pass) and ITA charts.
#pragma once
#include "frame/frame.h"
#include "layout/resources.h"
#include "model/document.h"

namespace thaidoc {

LaidOutDocument layout_report(const Document& doc, Resources& resources);

// Dispatches on the document's kind.
LaidOutDocument layout_any(const Document& doc, Resources& resources);

}  // namespace thaidoc
