// The layout resources of one fuzz input. A fresh thaidoc::Resources per input re-read every
// font file (FreeType face, HarfBuzz face and its shape plans): in a callgrind profile of the
// batch target (Release replay, 20 inputs that lay out a memo) that was about 13 % of an
// input's instructions, and it is not what the target tests. Fonts are files that never
// change, so the font manager is kept across inputs (renewed every 64 inputs, so that
// inputs naming many different font paths cannot grow it without bound); the shape and
// paragraph caches are new for every input, as in one `thaidoc render`, so an input's
// outcome never depends on the inputs before it.
#pragma once
#include <memory>

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

}  // namespace thaidoc::fuzz
