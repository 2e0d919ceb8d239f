#include "layout/source_ledger.h"

#include "base/utf8.h"
#include "layout/flow.h"

namespace thaidoc {

int32_t SourceLedger::add(const SourceLocation& where, std::string what, std::string text) {
  sources_.push_back(SourceText{where, std::move(what), std::move(text)});
  return static_cast<int32_t>(sources_.size() - 1);
}

namespace {

// Characters without ink, as the layout invariants count them (layout/verify.cpp).
bool inked(char32_t c) {
  return !(c <= 0x20 || c == 0xA0 || c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
           c == 0x3000);
}

size_t inked_count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) n += inked(utf8::next(s, i));
  return n;
}

}  // namespace

int page_of_text(const LaidOutDocument& doc, int32_t source, const std::string& text, size_t offset) {
  if (source < 0) return -1;
  // The character at `offset` is the (before + 1)-th inked one of the text.
  const size_t before = inked_count(std::string_view(text).substr(0, std::min(offset, text.size())));
  size_t placed = 0;
  int last = -1;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    for (const FrameItem& item : doc.pages[p].items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run || run->source != source || run->repeated) continue;
      for (const GlyphCluster& c : run->clusters) placed += inked_count(c.text);
      last = static_cast<int>(p);
      if (placed > before) return last;
    }
  }
  return last;
}

int32_t first_source(const std::vector<FlowBox>& boxes, size_t from) {
  for (size_t i = from; i < boxes.size(); ++i)
    for (const FrameItem& item : all_items(boxes[i]))
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->source >= 0) return run->source;
  return -1;
}

std::vector<std::string> SourceLedger::take_warnings(const LaidOutDocument& doc) {
  std::vector<std::string> out;
  for (const Pending& w : warnings_) {
    int page = w.source >= 0 && static_cast<size_t>(w.source) < sources_.size()
                   ? page_of_text(doc, w.source, sources_[w.source].text, w.offset)
                   : -1;
    std::string line = w.where.to_string() + ": warning: ";
    if (page >= 0) line += "page " + std::to_string(page + 1) + ": ";
    out.push_back(line + w.message);
  }
  warnings_.clear();
  return out;
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
