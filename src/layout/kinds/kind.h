// What a document kind is: its `kind:` name, its default template, its part of the
// reader (the content under its top-level key and its template section) and its layout.
// Each kind lives in one file here (memo.cpp, letter.cpp ...) with its model struct;
// registry.cpp lists them, and is the only place that does. See templates/README.md,
// "How to add a kind".
#pragma once
#include <any>
#include <string>
#include <string_view>
#include <vector>

#include "frame/frame.h"
#include "input/content_reader.h"
#include "input/fields.h"
#include "layout/block_layout.h"
#include "layout/resources.h"
#include "model/document.h"

namespace thaidoc {

struct Kind {
  std::string_view name;              // the `kind:` value
  std::string_view default_template;  // templates/NAME.yaml when the document names none
  std::string_view content_key;       // the top-level key holding the content ("memo", "letter", "blocks")
  std::string_view description;       // one line for messages and the README

  // Reads the content (the value of content_key) into `doc` (doc.content, or doc.memo ...),
  // adds the names it gives to doc.style.line_breaking.dictionary and fills doc.info's
  // title, author and date when the document does not set them.
  void (*read)(const YamlNode& content, ContentReader& reader, Document& doc) = nullptr;

  // The kind's template section (a key named `name` in templates and in `style:`), applied
  // onto `style` (empty: start from the kind's defaults). Null: the kind has none.
  void (*read_style)(const YamlNode& section, std::any& style) = nullptr;

  // Appends the document's boxes (page-independent; pagination, page numbers and the
  // layout invariants are shared: layout/document_layout.cpp).
  void (*layout)(const Document& doc, BlockLayouter& blocks, std::vector<FlowBox>& out) = nullptr;

  // Instead of `layout`: the whole layout, for a kind that needs more than one pass
  // (the report's contents lists the pages its headings land on).
  LaidOutDocument (*layout_whole)(const Document& doc, Resources& res) = nullptr;
};

// For a kind's reader: the PDF's title, author and date (the document's `title:`,
// `author:` win), from the document's subject, issuing office and date.
void set_default_info(Document& doc, const std::string& title, const std::string& author, const ThaiDate& date);

// The kind's own model, as its reader stored it in doc.content.
template <class T>
const T& kind_content(const Document& doc) {
  return std::any_cast<const T&>(doc.content);
}

// The kind's style: its section of the template, or its C++ defaults if the template
// has none.
template <class T>
const T& kind_style(const Template& tpl, std::string_view section) {
  static const T defaults{};
  auto it = tpl.kinds.find(section);
  return it == tpl.kinds.end() ? defaults : std::any_cast<const T&>(it->second);
}

// For read_style: the style in `slot`, created with its defaults the first time.
template <class T>
T& style_slot(std::any& slot) {
  if (!slot.has_value()) slot = T{};
  return std::any_cast<T&>(slot);
}

}  // namespace thaidoc
