// Laid-out paragraphs by (text, styles, width), shared by the documents of a process:
// a batch's boilerplate, table headers and indicator names are laid out once.
// Bounded, so memory stays flat; safe to use from several threads.
#pragma once
#include <algorithm>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/style.h"

namespace thaidoc {

struct ParagraphLayout;

class ParagraphCache {
 public:
  ParagraphCache() : ParagraphCache(2048) {}
  explicit ParagraphCache(size_t max_entries) : max_per_shard_(std::max<size_t>(1, max_entries / kShards)) {}

  // The key of a paragraph: every input of the layout, byte for byte.
  static std::string key(const std::vector<StyledSpan>& spans, const ParagraphStyle& style, double width);

  std::shared_ptr<const ParagraphLayout> find(const std::string& key) const;
  void put(const std::string& key, std::shared_ptr<const ParagraphLayout> layout);

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    mutable std::shared_mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<const ParagraphLayout>> map;
  };
  Shard& shard(const std::string& key) const { return shards_[std::hash<std::string>()(key) % kShards]; }
  mutable Shard shards_[kShards];
  size_t max_per_shard_;
};

}  // namespace thaidoc
