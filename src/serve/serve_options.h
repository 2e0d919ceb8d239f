// `thaidoc serve`: the options of the HTTP service (src/serve/server.cpp).
#pragma once
#include <cstddef>
#include <string>

namespace thaidoc {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback only unless told otherwise
  int port = 8080;                 // 0: any free port (printed on standard error)
  // The folder a document's images and part files are read from (and nothing outside it).
  // "": an empty private folder, so only uploaded images (multipart) can be used.
  std::string root;
  std::string web;  // the web page's folder; "": the shipped one (share/thaidoc/web, src/web)
  int workers = 0;  // documents rendered at once; 0: the number of cores
  size_t max_body_bytes = 10u << 20;  // a request's body (the document and its images)
  double time_limit_seconds = 30;     // a request that waits and renders longer gets 503
  bool strict = false;                // layout violations are errors (422)
};

// Serves until SIGTERM or SIGINT, then finishes the requests in progress; returns the
// exit code (0). Throws Error when it cannot start (a bad option, the port taken).
int run_serve_command(const ServeOptions& options);

}  // namespace thaidoc
