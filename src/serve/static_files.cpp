#include "serve/static_files.h"

#include <filesystem>
#include <map>

#include "base/install_dirs.h"

namespace thaidoc::serve {
namespace fs = std::filesystem;

std::string content_type_for(const std::string& name) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},  {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},    {".json", "application/json"},
      {".svg", "image/svg+xml"},              {".png", "image/png"},
      {".jpg", "image/jpeg"},                 {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},               {".woff2", "font/woff2"},
      {".woff", "font/woff"},                 {".ttf", "font/ttf"},
      {".otf", "font/otf"},                   {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},           {".wasm", "application/wasm"},
      {".pdf", "application/pdf"},            {".yaml", "text/yaml; charset=utf-8"},
  };
  std::string ext = fs::path(name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::optional<StaticFile> find_static_file(const std::string& web_dir, const std::string& url_path) {
  if (web_dir.empty() || url_path.empty() || url_path[0] != '/') return std::nullopt;
  std::string rel = url_path.substr(1);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  // Every segment a plain name: no "..", ".", empty segment, backslash or NUL.
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    std::string seg = rel.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == ".." || seg.find('\\') != std::string::npos ||
        seg.find('\0') != std::string::npos)
      return std::nullopt;
    start = end + 1;
  }
  std::error_code ec;
  fs::path base = fs::canonical(web_dir, ec);
  if (ec) return std::nullopt;
  fs::path file = fs::canonical(base / rel, ec);  // symbolic links followed
  if (ec) return std::nullopt;
  fs::path inside = file.lexically_relative(base);
  if (inside.empty() || *inside.begin() == "..") return std::nullopt;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  return StaticFile{file.string(), content_type_for(file.string())};
}

std::string find_web_dir(const std::string& configured) {
  if (!configured.empty()) return configured;
  for (const std::string& dir : shipped_data_dirs("web")) return dir;  // PREFIX/share/thaidoc/web
  // A binary in its build tree: the source tree's src/web (shipped_data_dirs gives the
  // source tree's folder of that name).
  for (const std::string& dir : shipped_data_dirs("src/web")) return dir;
  return "";
}

}  // namespace thaidoc::serve
