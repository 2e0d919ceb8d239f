// HarfBuzz shaping with a shared cache. Results are in font units, so one
// entry serves every point size. The cache is safe to use from several threads.
#pragma once
#include <hb.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "font/font.h"

namespace thaidoc {

struct ShapedGlyph {
  uint32_t gid = 0;
  int32_t advance = 0;   // font units
  int32_t x_offset = 0;  // font units, HarfBuzz convention (y up)
  int32_t y_offset = 0;
  // Byte offset in the text of the first character this glyph was shaped from (HarfBuzz's
  // cluster at level "monotone characters"): glyphs with the same value share characters;
  // most characters have exactly one glyph (sara am has two). The PDF writer maps each glyph
  // to its own characters with this, so every reader can extract the text.
  uint32_t cluster = 0;
};

// A grapheme cluster: glyphs [glyph_begin, glyph_end) drawn for text bytes [text_begin, text_end).
struct ShapedCluster {
  uint32_t glyph_begin = 0, glyph_end = 0;
  uint32_t text_begin = 0, text_end = 0;
  int32_t advance = 0;  // sum of the glyphs' advances
};

struct ShapedText {
  std::string text;
  std::vector<ShapedGlyph> glyphs;
  std::vector<ShapedCluster> clusters;  // in text order (left to right)
  int32_t advance = 0;
};

using ShapedPtr = std::shared_ptr<const ShapedText>;

// Shapes without caching. script: e.g. HB_SCRIPT_THAI / HB_SCRIPT_LATIN / HB_SCRIPT_COMMON.
ShapedPtr shape_text(const Font& font, hb_script_t script, std::string_view text);

class ShapeCache {
 public:
  explicit ShapeCache(size_t max_entries = 60000) : max_entries_(max_entries) {}
  ShapedPtr shape(const FontPtr& font, hb_script_t script, std::string_view text);

  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }
  size_t size() const;

 private:
  struct Key {
    const Font* font;
    hb_script_t script;
    std::string text;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };
  static constexpr size_t kShards = 16;
  struct Shard {
    mutable std::shared_mutex mutex;
    std::unordered_map<Key, ShapedPtr, KeyHash> map;
  };
  Shard shards_[kShards];
  size_t max_entries_;
  std::atomic<size_t> hits_{0}, misses_{0};
};

}  // namespace thaidoc
