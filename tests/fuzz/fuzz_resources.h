// The layout resources of one fuzz input. A fresh thaidoc::Resources per input re-read every
// font file (FreeType face, HarfBuzz face and its shape plans): in a callgrind profile of the
// batch target (Release replay, 20 inputs that lay out a memo) that was about 13 % of an
// input's instructions, and it is not what the target tests. Fonts are files that never
// change, so the font manager is kept across inputs (renewed every 64 inputs, so that
// inputs naming many different font paths cannot grow it without bound); the shape and
// paragraph caches are new for every input, as in one `thaidoc render`, so an input's
// outcome never depends on the inputs before it.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "input/document_reader.h"
#include "input/template_cache.h"
#include "layout/resources.h"

namespace thaidoc::fuzz {

inline Resources& fresh_resources() {
  static std::unique_ptr<Resources> resources;
  static int uses = 0;
  if (!resources || ++uses % 64 == 0) {
    resources.reset();
    resources = std::make_unique<Resources>();
  } else {
    // New, empty caches (the members are not assignable: they hold mutexes).
    std::destroy_at(&resources->shapes);
    std::construct_at(&resources->shapes);
    std::destroy_at(&resources->paragraphs);
    std::construct_at(&resources->paragraphs);
  }
  return *resources;
}

// How the document targets (document, yaml_structured) read a document: the repository's
// templates, no file outside the document's folder, each template file read once (as
// `thaidoc batch` does; files that never change, so no input depends on an earlier one), and
// font names checked as the CLI checks them.
inline const ReadOptions& document_read_options() {
  static const ReadOptions opts = [] {
    ReadOptions o;
    o.template_dirs = {THAIDOC_SOURCE_DIR "/templates"};
    o.allow_outside = false;
    o.template_cache = std::make_shared<TemplateCache>();
    o.font_exists = [](const std::string& name) {
      static FontManager fonts;
      std::error_code ec;  // as the CLI: a name too long is "not found"
      return std::filesystem::is_regular_file(fonts.resolve(name), ec);
    };
    return o;
  }();
  return opts;
}

}  // namespace thaidoc::fuzz
