// A multipart /render's own folder: the uploaded images, each under the name the document
// uses (its part name, e.g. images/logo.png), in a fresh private folder that is removed
// when the last user lets go of it (a render that outlives its request's time limit still
// reads it). Part names are checked: relative, plain segments of [A-Za-z0-9._-], no "."
// or "..", at most kMaxDepth segments.
#pragma once
#include <string>

namespace thaidoc::serve {

class RequestFolder {
 public:
  static constexpr int kMaxDepth = 8;
  static constexpr size_t kMaxFiles = 64;

  // A new empty folder under `parent` (a name no earlier request of this process had, so
  // the image cache, keyed by path, size and time, never mistakes one upload for another).
  explicit RequestFolder(const std::string& parent);
  ~RequestFolder();
  RequestFolder(const RequestFolder&) = delete;
  RequestFolder& operator=(const RequestFolder&) = delete;

  const std::string& path() const { return path_; }

  // "" if `name` may be a file of the folder, else why not.
  static std::string check_name(const std::string& name);

  // Writes `bytes` as `name` (checked first). Throws Error.
  void add(const std::string& name, const std::string& bytes);

 private:
  std::string path_;
};

}  // namespace thaidoc::serve
