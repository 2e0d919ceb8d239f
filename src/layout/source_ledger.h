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
  // A layout warning about the input at `where`.
  void warn(const SourceLocation& where, const std::string& message) {
    warnings_.push_back(where.to_string() + ": warning: " + message);
  }
  std::vector<std::string> take_warnings() { return std::move(warnings_); }
  size_t size() const { return sources_.size(); }

 private:
  std::vector<SourceText> sources_;
  std::vector<std::string> warnings_;
};

// Sets the source of every glyph run in the items.
void tag_source(std::vector<FrameItem>& items, int32_t source);
// ... in the boxes out[from, end).
void tag_source(std::vector<FlowBox>& boxes, size_t from, int32_t source);
// Marks every glyph run as a repeated copy (not counted as placing its text).
void mark_repeated(std::vector<FrameItem>& items);

}  // namespace thaidoc
