// The web page's files (GET / and the other GET paths that are not the API): only regular
// files inside the web folder, symbolic links followed and checked, never a path with a
// ".." or "." segment, a backslash or a NUL (after the URL's %-decoding).
#pragma once
#include <optional>
#include <string>

namespace thaidoc::serve {

struct StaticFile {
  std::string path;          // the file on disk
  std::string content_type;  // from its extension
};

// The file for the decoded URL path `url_path` ("/" is index.html), or nothing.
std::optional<StaticFile> find_static_file(const std::string& web_dir, const std::string& url_path);

// The content type for a file name's extension (application/octet-stream when unknown).
std::string content_type_for(const std::string& name);

// The web page's folder: `configured` if given, else the installed share/thaidoc/web, else
// (a binary in its build tree) the source tree's src/web; "" when there is none.
std::string find_web_dir(const std::string& configured);

}  // namespace thaidoc::serve
