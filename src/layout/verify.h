// Layout invariants, checked on every render before the PDF is written:
//  - every glyph run, rule and image lies on the paper;
//  - body content lies inside the page's text area (page numbers have their own zone);
//  - a table cell's content lies inside its cell (BoundsItem);
//  - no two text lines overprint each other;
//  - every character of every piece of source text is placed exactly once.
// A violation names the page and, for text, the source file:line:col.
#pragma once
#include <string>
#include <vector>

#include "frame/frame.h"

namespace thaidoc {

struct LayoutViolation {
  int page = -1;          // 0-based; -1 = not on one page (text missing altogether)
  SourceLocation where;   // the source block, when known
  std::string message;
};

std::vector<LayoutViolation> verify_layout(const LaidOutDocument& doc);

// "file:line:col: warning: page 3: message" (`document` names the file when the
// violation has no source location of its own).
std::string describe(const LayoutViolation& v, const std::string& document, const char* severity = "warning");

}  // namespace thaidoc

namespace thaidoc {

// Checks the invariants of a laid-out document read from `document`. With `strict`
// any violation is an Error (exit 2) that lists them (the first 20); otherwise they
// come back as warning lines ("file:line:col: warning: page N: ...").
std::vector<std::string> check_layout(const LaidOutDocument& doc, const std::string& document, bool strict);

}  // namespace thaidoc
