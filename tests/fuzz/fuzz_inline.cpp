// Fuzzes the inline markup parser (**bold**, *italic*, __underline__, [text](url), \ escapes)
// on arbitrary bytes. An Error (invalid UTF-8, unclosed marker, bad link) must point into
// the text; a result must be valid UTF-8 made of non-empty spans, no two neighbours alike,
// and text without any markup character must come back unchanged.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/error.h"
#include "base/utf8.h"
#include "model/inline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string markup(reinterpret_cast<const char*>(data), size);
  thaidoc::InlineText text;
  try {
    text = thaidoc::parse_inline(markup, thaidoc::SourceLocation{"fuzz.yaml", 3, 5});
  } catch (const thaidoc::Error& e) {
    if (e.where().file != "fuzz.yaml" || e.where().line < 3 || e.where().column < 1) std::abort();
    if (e.exit_code() != 2 || e.message().empty()) std::abort();
    return 0;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const thaidoc::InlineSpan& s = text[i];
    if (s.text.empty() || thaidoc::utf8::find_invalid(s.text) || thaidoc::utf8::find_invalid(s.link)) std::abort();
    if (i > 0) {
      const thaidoc::InlineSpan& p = text[i - 1];
      if (p.bold == s.bold && p.italic == s.italic && p.underline == s.underline && p.link == s.link) std::abort();
    }
  }
  if (markup.find_first_of("*_[]()\\") == std::string::npos) {
    if (thaidoc::plain_text(text) != markup) std::abort();
    if (!markup.empty() && (text.size() != 1 || text[0].bold || text[0].italic || text[0].underline)) std::abort();
  }
  return 0;
}
