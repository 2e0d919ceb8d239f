#include "text/paragraph_cache.h"

#include <cstring>
#include <mutex>

namespace thaidoc {

namespace {
template <class T>
void put_bytes(std::string& out, const T& value) {
  char buf[sizeof(T)];
  std::memcpy(buf, &value, sizeof(T));
  out.append(buf, sizeof(T));
}
}  // namespace

std::string ParagraphCache::key(const std::vector<StyledSpan>& spans, const ParagraphStyle& style, double width) {
  std::string k;
  size_t n = 64;
  for (const StyledSpan& s : spans) n += s.text.size() + s.style.link.size() + 64;
  k.reserve(n);
  for (const StyledSpan& s : spans) {
    put_bytes(k, s.text.size());
    k += s.text;
    put_bytes(k, s.style.font.get());
    put_bytes(k, s.style.fallback.get());
    put_bytes(k, s.style.size);
    put_bytes(k, s.style.color.r);
    put_bytes(k, s.style.color.g);
    put_bytes(k, s.style.color.b);
    put_bytes(k, s.style.underline);
    put_bytes(k, s.style.no_break);
    put_bytes(k, s.style.link.size());
    k += s.style.link;
  }
  put_bytes(k, style.first_line_indent);
  put_bytes(k, style.left_indent);
  put_bytes(k, style.right_indent);
  put_bytes(k, style.align);
  put_bytes(k, style.line_height);
  put_bytes(k, style.optimal_breaks);
  put_bytes(k, style.justify_last_line);
  put_bytes(k, width);
  return k;
}

std::shared_ptr<const ParagraphLayout> ParagraphCache::find(const std::string& key) const {
  Shard& s = shard(key);
  std::shared_lock lock(s.mutex);
  auto it = s.map.find(key);
  return it == s.map.end() ? nullptr : it->second;
}

void ParagraphCache::put(const std::string& key, std::shared_ptr<const ParagraphLayout> layout) {
  Shard& s = shard(key);
  std::unique_lock lock(s.mutex);
  if (s.map.size() >= max_per_shard_) s.map.clear();
  s.map.emplace(key, std::move(layout));
}

}  // namespace thaidoc
