// The inline markup: **bold**, *italic*, __underline__, [text](url) and backslash escapes.
//
// Rules (strict, because Thai text does not use these characters):
//  - A run of one, two or three '*' toggles italic, bold, or both. A run of '*' with
//    whitespace (or the start/end of the text) on both sides is literal ("5 * 3").
//    Runs of four or more are literal.
//  - A run of exactly two '_' toggles underline; a single '_' ("snake_case") and runs
//    of three or more ("______" for blanks to fill in) are literal.
//  - "[text](url)" is a link; the text may contain emphasis. "[text]" not followed by
//    "(" is literal. A '[' with no ']' after it, or a "](" with no ")", is an error.
//  - "[[phrase]]" keeps the phrase on one line (no line break inside it, not even at a
//    space); it may contain emphasis and links. A "[[" with no "]]" after it is an error.
//  - "`text`" prints the digits of text as written (no conversion to Thai or Arabic
//    digits); text inside is literal (no emphasis). A '`' with no closing '`' is an error.
//  - "\*", "\_", "\[", "\]", "\(", "\)", "\`", "\\" give the character itself; a backslash
//    before anything else is literal.
//  - Whatever is still open at the end is an error pointing at the opening marker.
#include "model/inline.h"

#include <optional>

#include "base/utf8.h"

namespace thaidoc {
namespace {

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0' || c == U'\u3000';
}

bool is_escapable(char32_t c) {
  return c == U'\\' || c == U'*' || c == U'_' || c == U'[' || c == U']' || c == U'(' ||
         c == U')' || c == U'`';
}

class Parser {
 public:
  Parser(const std::u32string& s, const SourceLocation& where) : s_(s), where_(where) {}

  InlineText run() {
    size_t n = s_.size();
    size_t i = 0;
    while (i < n) {
      char32_t c = s_[i];
      if (link_ && i == link_close_) {
        flush();
        link_.reset();
        i = link_after_;
        continue;
      }
      if (c == U'\\' && i + 1 < n && is_escapable(s_[i + 1])) {
        text_ += s_[i + 1];
        i += 2;
        continue;
      }
      if (c == U'*' || c == U'_') {
        size_t run = 1;
        while (i + run < n && s_[i + run] == c) ++run;
        bool space_before = i == 0 || is_space(s_[i - 1]);
        bool space_after = i + run >= n || is_space(s_[i + run]);
        bool literal = (space_before && space_after) || (c == U'*' ? run > 3 : run != 2);
        if (literal) {
          text_.append(run, c);
        } else if (c == U'_') {
          toggle(underline_, underline_at_, i);
        } else {
          if (run >= 2) toggle(bold_, bold_at_, i);
          if (run != 2) toggle(italic_, italic_at_, i + (run == 3 ? 2 : 0));
        }
        i += run;
        continue;
      }
      if (c == U'`') {
        keep_digits(i);
        continue;
      }
      if (c == U'[' && i + 1 < n && s_[i + 1] == U'[' && !no_break_) {
        size_t close = s_.find(U"]]", i + 2);
        if (close == std::u32string::npos) fail(i, "unclosed '[[' (no-break phrase; write '\\[' for a literal bracket)");
        toggle(no_break_, no_break_at_, i);
        no_break_close_ = close;
        i += 2;
        continue;
      }
      if (no_break_ && i == no_break_close_) {
        toggle(no_break_, no_break_at_, i);
        i += 2;
        continue;
      }
      if (c == U'[' && !link_) {
        if (start_link(i)) {
          ++i;
          continue;
        }
      }
      text_ += c;
      ++i;
    }
    flush();
    // Report the earliest marker that is still open.
    std::optional<size_t> at;
    const char* what = nullptr;
    auto consider = [&](bool open, size_t pos, const char* message) {
      if (open && (!at || pos < *at)) {
        at = pos;
        what = message;
      }
    };
    consider(bold_, bold_at_, "unclosed '**' (bold)");
    consider(italic_, italic_at_, "unclosed '*' (italic)");
    consider(underline_, underline_at_, "unclosed '__' (underline)");
    if (at) fail(*at, what);
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(size_t index, const std::string& message) const {
    SourceLocation loc = where_;
    if (loc.line > 0) {
      size_t newlines = 0, line_start = 0;
      for (size_t k = 0; k < index && k < s_.size(); ++k) {
        if (s_[k] == U'\n') {
          ++newlines;
          line_start = k + 1;
        }
      }
      loc.line += static_cast<int>(newlines);
      if (newlines > 0) {
        loc.column = static_cast<int>(index - line_start) + 1;
      } else if (loc.column > 0) {
        loc.column += static_cast<int>(index);
      }
    }
    throw Error(loc, message, 2);
  }

  void toggle(bool& flag, size_t& at, size_t pos) {
    flush();
    flag = !flag;
    if (flag) at = pos;
  }

  // At an unescaped '`': the text up to the next '`' is literal, its digits kept as written.
  void keep_digits(size_t& i) {
    size_t n = s_.size();
    std::u32string literal;
    size_t k = i + 1;
    for (; k < n && s_[k] != U'`'; ++k) {
      if (s_[k] == U'\\' && k + 1 < n && is_escapable(s_[k + 1])) ++k;
      literal += s_[k];
    }
    if (k >= n) fail(i, "unclosed '`' (digits kept as written; write '\\`' for a literal backquote)");
    flush();
    text_ = literal;
    keep_digits_ = true;
    flush();
    keep_digits_ = false;
    i = k + 1;
  }

  // At an unescaped '[': if "[text](url)" follows, starts the link and returns true.
  bool start_link(size_t open) {
    size_t n = s_.size();
    size_t j = open + 1;
    for (; j < n; ++j) {
      if (s_[j] == U'\\' && j + 1 < n && is_escapable(s_[j + 1])) {
        ++j;
      } else if (s_[j] == U'[') {
        return false;  // "[a [b](u)]": the inner bracket owns the ']'
      } else if (s_[j] == U']') {
        break;
      }
    }
    if (j >= n) fail(open, "unclosed '[' (write '\\[' for a literal bracket)");
    if (j + 1 >= n || s_[j + 1] != U'(') return false;  // "[text]" alone is literal
    size_t paren = j + 1;
    int depth = 0;
    std::u32string url;
    size_t k = paren + 1;
    for (; k < n; ++k) {
      char32_t c = s_[k];
      if (c == U'\\' && k + 1 < n && is_escapable(s_[k + 1])) {
        url += s_[++k];
        continue;
      }
      if (c == U'(') {
        ++depth;
      } else if (c == U')') {
        if (depth == 0) break;
        --depth;
      }
      url += c;
    }
    if (k >= n) fail(paren, "unclosed '(' in link (expected '[text](address)')");
    while (!url.empty() && is_space(url.back())) url.pop_back();
    size_t lead = 0;
    while (lead < url.size() && is_space(url[lead])) ++lead;
    url.erase(0, lead);
    if (url.empty()) fail(paren, "empty link address");
    for (char32_t c : url) {
      if (is_space(c)) fail(paren, "a link address cannot contain spaces");
    }
    flush();
    link_ = utf8::encode(url);
    link_close_ = j;
    link_after_ = k + 1;
    if (j == open + 1) text_ = url;  // "[](url)" shows the address
    return true;
  }

  void flush() {
    if (text_.empty()) return;
    InlineSpan span;
    span.text = utf8::encode(text_);
    span.bold = bold_;
    span.italic = italic_;
    span.underline = underline_;
    span.link = link_ ? *link_ : std::string();
    span.no_break = no_break_;
    span.keep_digits = keep_digits_;
    text_.clear();
    if (!out_.empty()) {
      InlineSpan& last = out_.back();
      if (last.bold == span.bold && last.italic == span.italic &&
          last.underline == span.underline && last.link == span.link && last.no_break == span.no_break &&
          last.keep_digits == span.keep_digits) {
        last.text += span.text;
        return;
      }
    }
    out_.push_back(std::move(span));
  }

  const std::u32string& s_;
  SourceLocation where_;
  InlineText out_;
  std::u32string text_;
  bool bold_ = false, italic_ = false, underline_ = false, no_break_ = false, keep_digits_ = false;
  size_t bold_at_ = 0, italic_at_ = 0, underline_at_ = 0, no_break_at_ = 0, no_break_close_ = 0;
  std::optional<std::string> link_;
  size_t link_close_ = 0, link_after_ = 0;
};

}  // namespace

InlineText parse_inline(const std::string& markup, const SourceLocation& where) {
  if (auto bad = utf8::find_invalid(markup)) {
    SourceLocation loc = where;
    if (loc.line > 0) {
      int line = 0, column = 0;
      utf8::line_column(markup, *bad, line, column);
      loc.line += line - 1;
      loc.column = line == 1 && loc.column > 0 ? loc.column + column - 1 : column;
    }
    throw Error(loc, "invalid UTF-8 in text", 2);
  }
  std::u32string s = utf8::decode(markup);
  return Parser(s, where).run();
}

std::string plain_text(const InlineText& text) {
  std::string out;
  for (const auto& span : text) out += span.text;
  return out;
}

}  // namespace thaidoc
