#include "text/shaper.h"

#include <functional>
#include <mutex>

#include "base/utf8.h"

namespace thaidoc {

namespace {

// True when the character at text[offset] joins the grapheme cluster before it: what
// HarfBuzz's default cluster level (monotone graphemes) merges that "monotone characters"
// does not. Marks, ZWJ and the other grapheme extenders HarfBuzz knows (hb-ot-shape.cc,
// hb_set_unicode_props), and sara am (U+0E33, Lao U+0EB3), which the Thai shaper decomposes
// into a mark and merges with the cluster before it at the grapheme level only.
bool continues_grapheme(std::string_view text, uint32_t offset) {
  if (offset >= text.size()) return false;
  size_t i = offset;
  char32_t cp = utf8::next(text, i);
  if (cp == 0x0E33 || cp == 0x0EB3 || cp == 0x200D) return true;
  if ((cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xFF9E && cp <= 0xFF9F) || (cp >= 0xE0020 && cp <= 0xE007F))
    return true;
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

}  // namespace

ShapedPtr shape_text(const Font& font, hb_script_t script, std::string_view text) {
  auto out = std::make_shared<ShapedText>();
  out->text.assign(text);
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, script);
  hb_buffer_set_language(buf, hb_language_from_string("th", 2));
  // Per-character clusters, so each glyph knows its characters (ShapedGlyph::cluster); the
  // grapheme clusters that layout works with are formed from them below, exactly as HarfBuzz's
  // default level would (text_engine_test compares the two).
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font.hb_font(), buf, nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  out->glyphs.resize(count);
  for (unsigned i = 0; i < count; ++i) {
    out->glyphs[i] = {info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset, info[i].cluster};
    out->advance += pos[i].x_advance;
    if (i == 0 || (info[i].cluster != info[i - 1].cluster && !continues_grapheme(text, info[i].cluster))) {
      if (!out->clusters.empty()) out->clusters.back().text_end = info[i].cluster;
      out->clusters.push_back({i, i + 1, info[i].cluster, 0, pos[i].x_advance});
    } else {
      out->clusters.back().glyph_end = i + 1;
      out->clusters.back().advance += pos[i].x_advance;
    }
  }
  if (!out->clusters.empty()) out->clusters.back().text_end = static_cast<uint32_t>(text.size());
  hb_buffer_destroy(buf);
  return out;
}

size_t ShapeCache::KeyHash::operator()(const Key& k) const {
  size_t h = std::hash<std::string>()(k.text);
  h ^= std::hash<const void*>()(k.font) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= static_cast<size_t>(k.script) * 0x100000001b3ULL;
  return h;
}

ShapedPtr ShapeCache::shape(const FontPtr& font, hb_script_t script, std::string_view text) {
  Key key{font.get(), script, std::string(text)};
  size_t h = KeyHash()(key);
  Shard& shard = shards_[h % kShards];
  {
    std::shared_lock lock(shard.mutex);
    auto it = shard.map.find(key);
    if (it != shard.map.end()) {
      ++hits_;
      return it->second;
    }
  }
  ++misses_;
  ShapedPtr shaped = shape_text(*font, script, text);
  std::unique_lock lock(shard.mutex);
  // A bounded cache: a shard that grows past its share starts again (keeps memory flat in batches).
  if (shard.map.size() >= max_entries_ / kShards) shard.map.clear();
  shard.map.emplace(std::move(key), shaped);
  return shaped;
}

size_t ShapeCache::size() const {
  size_t n = 0;
  for (const auto& s : shards_) {
    std::shared_lock lock(s.mutex);
    n += s.map.size();
  }
  return n;
}

}  // namespace thaidoc
