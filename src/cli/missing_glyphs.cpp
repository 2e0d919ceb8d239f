#include "cli/missing_glyphs.h"

#include <hb.h>

#include <algorithm>
#include <map>

#include "base/utf8.h"

namespace thaidoc {

namespace {

std::string script_name(hb_script_t script) {
  switch (script) {
    case HB_SCRIPT_THAI: return "Thai";
    case HB_SCRIPT_LATIN: return "Latin";
    case HB_SCRIPT_HAN: return "Han (Chinese)";
    case HB_SCRIPT_HIRAGANA:
    case HB_SCRIPT_KATAKANA: return "Japanese kana";
    case HB_SCRIPT_HANGUL: return "Hangul (Korean)";
    case HB_SCRIPT_ARABIC: return "Arabic";
    case HB_SCRIPT_HEBREW: return "Hebrew";
    case HB_SCRIPT_CYRILLIC: return "Cyrillic";
    case HB_SCRIPT_GREEK: return "Greek";
    case HB_SCRIPT_LAO: return "Lao";
    case HB_SCRIPT_KHMER: return "Khmer";
    case HB_SCRIPT_MYANMAR: return "Myanmar";
    case HB_SCRIPT_DEVANAGARI: return "Devanagari";
    case HB_SCRIPT_COMMON:
    case HB_SCRIPT_INHERITED:
    case HB_SCRIPT_UNKNOWN: return "symbol";
    default: {
      char tag[5] = {};
      hb_tag_to_string(hb_script_to_iso15924_tag(script), tag);
      return std::string(tag) + " script";
    }
  }
}

// The script of a cluster's text: its first character that has one of its own.
hb_script_t script_of(const std::string& text) {
  hb_unicode_funcs_t* funcs = hb_unicode_funcs_get_default();
  hb_script_t found = HB_SCRIPT_COMMON;
  for (char32_t c : utf8::decode(text)) {
    hb_script_t s = hb_unicode_script(funcs, c);
    if (s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN) return s;
  }
  return found;
}

bool is_blank(const std::string& text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> missing_glyph_warnings(const LaidOutDocument& doc) {
  struct Missing {
    size_t order;
    int page;
    std::string sample;
  };
  std::map<std::string, Missing> by_script;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    for (const FrameItem& item : doc.pages[p].items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run) continue;
      for (const GlyphCluster& cluster : run->clusters) {
        bool missing = false;
        for (uint32_t g = cluster.first_glyph; g < cluster.first_glyph + cluster.glyph_count && g < run->glyphs.size();
             ++g) {
          if (run->glyphs[g].gid == 0) missing = true;
        }
        if (!missing || is_blank(cluster.text) || utf8::find_invalid(cluster.text)) continue;
        std::string name = script_name(script_of(cluster.text));
        auto [it, inserted] = by_script.emplace(name, Missing{by_script.size(), static_cast<int>(p) + 1, ""});
        if (it->second.page == static_cast<int>(p) + 1 && utf8::decode(it->second.sample).size() < 8) {
          it->second.sample += cluster.text;
        }
      }
    }
  }
  std::vector<std::pair<size_t, std::string>> ordered;
  for (const auto& [name, m] : by_script) {
    ordered.emplace_back(m.order, "no font has glyphs for " + name + " text (first on page " +
                                      std::to_string(m.page) + ": '" + m.sample +
                                      "'); it shows as empty boxes: use a font that covers it (fonts: in the "
                                      "template or the document's style:)");
  }
  std::sort(ordered.begin(), ordered.end());
  std::vector<std::string> out;
  for (auto& [order, text] : ordered) out.push_back(std::move(text));
  return out;
}

}  // namespace thaidoc
