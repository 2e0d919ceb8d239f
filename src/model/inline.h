// Inline text with emphasis and links, and the small markup users write it in:
//   **bold**   *italic*   __underline__   [text](https://link)   \* escapes
//   [[no break]]   `digits as written`
// A newline inside a paragraph's text is a line break.
#pragma once
#include <string>
#include <vector>

#include "base/error.h"

namespace thaidoc {

struct InlineSpan {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  std::string link{};
  bool no_break = false;     // [[...]]: no line break inside
  bool keep_digits = false;  // `...`: digits printed as written, whatever the digit style
  bool operator==(const InlineSpan&) const = default;
};

using InlineText = std::vector<InlineSpan>;

// Parses markup. `where` is the location of the first character of `markup`
// (used for errors such as an unclosed "**"); throws Error with exit code 2.
InlineText parse_inline(const std::string& markup, const SourceLocation& where = {});

// The plain text of inline content (markup removed).
std::string plain_text(const InlineText& text);

}  // namespace thaidoc
