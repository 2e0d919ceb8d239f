#include "pdf/font_program_cache.h"

#include <zlib.h>

#include <mutex>
#include <unordered_map>

#include "base/error.h"
#include "pdf/pdf_font.h"

namespace thaidoc::pdf_detail {

namespace {

constexpr size_t kMaxBytes = 16u << 20;

struct Cache {
  std::mutex mutex;
  std::unordered_map<std::string, std::shared_ptr<const CompressedProgram>> programs;
  size_t bytes = 0;
};

Cache& cache() {
  static Cache* c = new Cache;  // never destroyed: worker threads may outlive static destruction order
  return *c;
}

std::string deflate_bytes(const std::string& data, const std::string& font_path) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                     static_cast<uLong>(data.size()), Z_BEST_SPEED);  // most glyph sets are used once: speed wins
  if (rc != Z_OK) throw Error({font_path}, "cannot compress the font program (zlib error " + std::to_string(rc) + ")");
  out.resize(size);
  out.shrink_to_fit();  // compressBound over-allocates; the cache keeps these for long
  return out;
}

}  // namespace

std::shared_ptr<const CompressedProgram> compressed_font_program(const Font& font, const std::vector<uint32_t>& gids) {
  // The font by its file and size (fonts are loaded once per path), then the glyph ids.
  unsigned int font_size = font.blob() ? hb_blob_get_length(font.blob()) : 0;
  std::string key = font.path();
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(&font_size), sizeof font_size);
  key.append(reinterpret_cast<const char*>(gids.data()), gids.size() * sizeof(uint32_t));
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    auto it = c.programs.find(key);
    if (it != c.programs.end()) return it->second;
  }
  auto program = std::make_shared<CompressedProgram>();
  std::string raw = subset_font_program(font, gids);
  program->length = raw.size();
  program->deflated = deflate_bytes(raw, font.path());
  std::lock_guard<std::mutex> lock(c.mutex);
  size_t cost = key.capacity() + program->deflated.capacity() + sizeof(CompressedProgram) + 64;
  if (c.bytes + cost > kMaxBytes) {
    c.programs.clear();
    c.bytes = 0;
  }
  if (c.programs.emplace(std::move(key), program).second) c.bytes += cost;
  return program;
}

}  // namespace thaidoc::pdf_detail
