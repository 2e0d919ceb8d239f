#include "layout/parts_layout.h"

#include <string>

namespace thaidoc {

namespace {

// A part's warning "WHERE: warning: page N: ..." with N counted in the whole document.
std::string shift_page(std::string w, int page_shift) {
  static const std::string kPage = ": warning: page ";
  size_t at = w.find(kPage);
  if (at == std::string::npos || page_shift == 0) return w;
  size_t b = at + kPage.size(), e = b;
  while (e < w.size() && w[e] >= '0' && w[e] <= '9') ++e;
  if (e == b || e >= w.size() || w[e] != ':') return w;
  return w.substr(0, b) + std::to_string(std::stoi(w.substr(b, e - b)) + page_shift) + w.substr(e);
}

}  // namespace

void append_laid_out(LaidOutDocument& out, LaidOutDocument part) {
  const int32_t source_shift = static_cast<int32_t>(out.sources.size());
  const int page_shift = static_cast<int>(out.pages.size());
  for (Page& page : part.pages) {
    for (FrameItem& item : page.items) {
      if (auto* run = std::get_if<GlyphRun>(&item); run && run->source >= 0) run->source += source_shift;
    }
    out.pages.push_back(std::move(page));
  }
  for (SourceText& s : part.sources) out.sources.push_back(std::move(s));
  for (OutlineEntry e : part.outline) {
    e.page += page_shift;
    out.outline.push_back(std::move(e));
  }
  for (std::string& w : part.warnings) out.warnings.push_back(shift_page(std::move(w), page_shift));
}

LaidOutDocument layout_parts(const Document& doc, const LayoutOne& layout_part) {
  LaidOutDocument out;
  int last_number = 0;  // the number of the last page laid out so far
  bool first = true;
  for (const DocumentPart& part : doc.parts) {
    LaidOutDocument laid;
    int offset = part.numbering == PageNumbering::Continue ? last_number : 0;
    if (offset == part.document.page_number_offset) {
      laid = layout_part(part.document);
    } else {
      Document numbered = part.document;  // a copy only for a part that continues
      numbered.page_number_offset = offset;
      laid = layout_part(numbered);
    }
    last_number = offset + static_cast<int>(laid.pages.size());
    if (first) out.info = laid.info;
    first = false;
    append_laid_out(out, std::move(laid));
  }
  // The container's own title, author ... win over the first part's.
  const DocumentInfo& own = doc.info;
  if (!own.title.empty()) out.info.title = own.title;
  if (!own.author.empty()) out.info.author = own.author;
  if (!own.subject.empty()) out.info.subject = own.subject;
  if (!own.keywords.empty()) out.info.keywords = own.keywords;
  if (!own.language.empty()) out.info.language = own.language;
  if (!own.date.empty()) out.info.date = own.date;
  return out;
}

}  // namespace thaidoc
