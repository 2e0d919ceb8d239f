// The report to pages: cover, คำนำ, สารบัญ (page numbers from a second pass) and
// ITA charts (kind: report, layout/kinds/report.cpp).
#pragma once
#include "frame/frame.h"
#include "layout/document_layout.h"  // layout_any
#include "layout/resources.h"
#include "model/document.h"

namespace thaidoc {

LaidOutDocument layout_report(const Document& doc, Resources& resources);

}  // namespace thaidoc
