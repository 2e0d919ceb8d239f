// A whole document: the model in, pages of frames out.
#pragma once
#include "frame/frame.h"
#include "layout/resources.h"
#include "model/document.h"

namespace thaidoc {

LaidOutDocument layout_document(const Document& doc, Resources& resources);

}  // namespace thaidoc
