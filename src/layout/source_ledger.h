// Which input each piece of placed text comes from. Layout code registers the text
// it hands to the text engine and tags the glyph runs it gets back; the layout
// invariants (layout/verify.h) then check that every character is placed once.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "frame/frame.h"

namespace thaidoc {

struct FlowBox;

class SourceLedger {
 public:
  // A new piece of source text; returns its id for GlyphRun::source.
  int32_t add(const SourceLocation& where, std::string what, std::string text);
  std::vector<SourceText> take() { return std::move(sources_); }
  // A layout warning about the input at `where`. It happened in the text of source `source`
  // (an id from add, -1 = none) at byte `offset` of that text: once the pages are known,
  // take_warnings names the page where that character is placed.
  void warn(const SourceLocation& where, const std::string& message, int32_t source = -1, size_t offset = 0) {
    warnings_.push_back({where, message, source, offset});
  }
  // The warnings, "FILE:L:C: warning: page N: message" (no page when the text is not placed
  // anywhere), in the order they were reported. `doc` is the paginated document whose glyph
  // runs carry this ledger's source ids.
  std::vector<std::string> take_warnings(const LaidOutDocument& doc);
  size_t size() const { return sources_.size(); }

 private:
  struct Pending {
    SourceLocation where;
    std::string message;
    int32_t source = -1;
    size_t offset = 0;
  };
  std::vector<SourceText> sources_;
  std::vector<Pending> warnings_;
};

// The page (0-based) where byte `offset` of source `source`'s text is placed: the page of the
// first glyph run that reaches past that many visible characters of the text (the page of
// the text's last character when the offset lies beyond it), or -1 when none of it is placed.
int page_of_text(const LaidOutDocument& doc, int32_t source, const std::string& text, size_t offset);

// The source id of the first glyph run in boxes[from, end), or -1.
int32_t first_source(const std::vector<FlowBox>& boxes, size_t from);

// Sets the source of every glyph run in the items.
void tag_source(std::vector<FrameItem>& items, int32_t source);
// ... in the boxes out[from, end).
void tag_source(std::vector<FlowBox>& boxes, size_t from, int32_t source);
// Marks every glyph run as a repeated copy (not counted as placing its text).
void mark_repeated(std::vector<FrameItem>& items);

}  // namespace thaidoc
