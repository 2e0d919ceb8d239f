#include "layout/source_ledger.h"

#include "layout/flow.h"

namespace thaidoc {

int32_t SourceLedger::add(const SourceLocation& where, std::string what, std::string text) {
  sources_.push_back(SourceText{where, std::move(what), std::move(text)});
  return static_cast<int32_t>(sources_.size() - 1);
}

void tag_source(std::vector<FrameItem>& items, int32_t source) {
  for (FrameItem& item : items)
    if (auto* run = std::get_if<GlyphRun>(&item)) run->source = source;
}

void tag_source(std::vector<FlowBox>& boxes, size_t from, int32_t source) {
  for (size_t i = from; i < boxes.size(); ++i) tag_source(boxes[i].items, source);
}

void mark_repeated(std::vector<FrameItem>& items) {
  for (FrameItem& item : items)
    if (auto* run = std::get_if<GlyphRun>(&item)) run->repeated = true;
}

}  // namespace thaidoc
