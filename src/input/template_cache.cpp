#include "input/template_cache.h"

#include "input/template_reader.h"

namespace thaidoc {

Template TemplateCache::get(const std::string& path, const ReadOptions& options) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = templates_.find(path);
    if (it != templates_.end()) return it->second;
  }
  Template t = read_template_file(path, options);  // outside the lock; a rare duplicate read is harmless
  std::lock_guard<std::mutex> lock(mutex_);
  return templates_.emplace(path, std::move(t)).first->second;
}

}  // namespace thaidoc
