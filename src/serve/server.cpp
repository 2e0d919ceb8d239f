// `thaidoc serve`: the routes (notes in README.md, "thaidoc serve"; the contract with the web
// page in /work/notes/serve-api.md), the limits, the worker pool and the shutdown.
//
// Threads: cpp-httplib's pool reads requests and writes responses (and keeps idle
// connections); documents are read, laid out and written by a WorkerPool of --workers
// threads that share one RenderService (its caches). SIGTERM and SIGINT are blocked in every
// thread and taken by sigwait() in the main thread, which then closes the listening socket:
// the requests already accepted are answered, then everything is joined and the exit code is 0.
#include "serve/serve_options.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "base/deadline.h"
#include "base/error.h"
#include "base/input_file.h"
#include "serve/access_log.h"
#include "serve/catalog.h"
#include "serve/json.h"
#include "serve/render_service.h"
#include "serve/request_folder.h"
#include "serve/static_files.h"
#include "serve/worker_pool.h"

#ifndef THAIDOC_VERSION
#define THAIDOC_VERSION "unknown"
#endif

namespace thaidoc {
namespace fs = std::filesystem;

namespace {

using serve::WorkerPool;
using Clock = std::chrono::steady_clock;

// When this thread began the request it is answering (for the access log's "ms").
thread_local Clock::time_point t_request_start{};

// A private folder for the service's own files: "empty" (the root when --root is not given)
// and "uploads" (each multipart request's images). Removed at the end.
class PrivateFolder {
 public:
  PrivateFolder() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/thaidoc-serve-XXXXXX";
    if (!mkdtemp(pattern.data())) throw Error({}, "cannot make a private folder in " + pattern, 1);
    path_ = pattern;
    fs::create_directory(fs::path(path_) / "empty");
    fs::create_directory(fs::path(path_) / "uploads");
  }
  ~PrivateFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string empty() const { return path_ + "/empty"; }
  std::string uploads() const { return path_ + "/uploads"; }

 private:
  std::string path_;
};

bool document_content_type(const std::string& value) {
  std::string type = value.substr(0, value.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type.empty() || type == "application/yaml" || type == "application/x-yaml" || type == "text/yaml" ||
         type == "text/x-yaml" || type == "application/json" || type == "text/plain";
}

void send_json(httplib::Response& res, int status, const std::string& json) {
  res.status = status;
  res.set_content(json, "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, serve::error_json(message));
}

std::string format_limit(size_t bytes) {
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  if (bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KB";
  return std::to_string(bytes) + " bytes";
}

class Service {
 public:
  Service(const ServeOptions& options, const std::string& root, const std::string& uploads, const std::string& web)
      : options_(options),
        root_(root),
        uploads_(uploads),
        web_(web),
        service_(options.strict),
        schema_(default_template_dirs()),
        kinds_(serve::kinds_json()),
        templates_(serve::templates_json(default_template_dirs())),
        pool_(workers(options), 64 * workers(options)) {}

  static size_t workers(const ServeOptions& o) {
    return o.workers > 0 ? static_cast<size_t>(o.workers) : std::max(1u, std::thread::hardware_concurrency());
  }

  void install(httplib::Server& svr) {
    // SO_REUSEADDR only: cpp-httplib's default, SO_REUSEPORT, lets a second server (of the
    // same user) listen on the same port and take part of the requests, unnoticed.
    svr.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    svr.set_payload_max_length(options_.max_body_bytes);
    svr.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
    svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      t_request_start = Clock::now();
      return refuse_body(req, res) ? httplib::Server::HandlerResponse::Handled
                                   : httplib::Server::HandlerResponse::Unhandled;
    });
    svr.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
      t_request_start = Clock::now();
      return refuse_body(req, res) ? res.status : 100;
    });
    svr.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      std::string message = res.status == 404   ? "not found"
                            : res.status == 413 ? "the request is larger than the limit of " +
                                                      format_limit(options_.max_body_bytes)
                            : res.status == 414 ? "the URL is too long"
                            : res.status == 400 ? "bad request"
                                                : "error " + std::to_string(res.status);
      res.set_content(serve::error_json(message), "application/json");
      return httplib::Server::HandlerResponse::Handled;
    }));
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      std::fprintf(stderr, "thaidoc: internal error: %s\n", what.c_str());
      send_error(res, 500, "internal error (a bug: please report it)");
    });
    svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      double ms = 0;
      if (t_request_start != Clock::time_point{}) {
        ms = std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count();
        t_request_start = {};
      }
      serve::write_access_log(serve::access_log_line(std::chrono::system_clock::now(), req.method, req.path,
                                                     res.status, res.body.size(), ms));
    });

    svr.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
      send_json(res, 200, "{\"status\": \"ok\", \"version\": \"" THAIDOC_VERSION "\"}");
    });
    svr.Get("/kinds", [this](const httplib::Request&, httplib::Response& res) { send_json(res, 200, kinds_); });
    svr.Get("/templates", [this](const httplib::Request&, httplib::Response& res) { send_json(res, 200, templates_); });
    svr.Get("/schema", [this](const httplib::Request&, httplib::Response& res) { schema(res, "document.schema.json"); });
    svr.Get("/schema/([^/]+)", [this](const httplib::Request& req, httplib::Response& res) {
      schema(res, req.matches[1]);
    });
    svr.Post("/validate", [this](const httplib::Request& req, httplib::Response& res) { document(req, res, false); });
    svr.Post("/render", [this](const httplib::Request& req, httplib::Response& res) { document(req, res, true); });
    svr.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { static_file(req, res); });
  }

 private:
  // A POST body that will not be read: too large (by its Content-Length), or of no stated
  // length (chunked: cpp-httplib would read it without the size limit).
  bool refuse_body(const httplib::Request& req, httplib::Response& res) {
    if (req.method != "POST" && req.method != "PUT" && req.method != "PATCH") return false;
    if (!req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) {
      res.set_header("Connection", "close");
      send_error(res, 411, "a request body needs a Content-Length (chunked bodies are not read)");
      return true;
    }
    // A length far over the limit is refused at once; a little over it, cpp-httplib reads
    // and drops the body and answers 413 (so a client that sends it all still hears why).
    std::string text = req.get_header_value("Content-Length");
    char* end = nullptr;
    unsigned long long length = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0') {
      res.set_header("Connection", "close");
      send_error(res, 400, "a bad Content-Length");
      return true;
    }
    if (length <= options_.max_body_bytes) return false;
    if (length > 8ull * options_.max_body_bytes || req.get_header_value("Expect") == "100-continue") {
      res.set_header("Connection", "close");
      send_error(res, 413, "the request is larger than the limit of " + format_limit(options_.max_body_bytes));
      return true;
    }
    return false;
  }

  void schema(httplib::Response& res, const std::string& name) {
    if (auto text = schema_.get(name)) {
      res.set_content(*text, "application/schema+json");
    } else {
      send_error(res, 404, "not found");
    }
  }

  void static_file(const httplib::Request& req, httplib::Response& res) {
    auto file = serve::find_static_file(web_, req.path);
    if (!file) return send_error(res, 404, "not found");
    try {
      // Sent through a sized content provider, which cpp-httplib never compresses: it would
      // otherwise compress every static file on every request, with brotli at its highest
      // quality when the browser accepts it (2.3 s for pdf.js's 1.4 MB worker; 0.03 s as is).
      // A reverse proxy in front can compress and cache them.
      auto body = std::make_shared<std::string>(read_input_file(file->path, input_limits::kMaxFileBytes));
      res.set_content_provider(body->size(), file->content_type.c_str(),
                               [body](size_t offset, size_t length, httplib::DataSink& sink) {
                                 return sink.write(body->data() + offset, length);
                               });
    } catch (const Error&) {
      send_error(res, 404, "not found");
    }
  }

  // POST /validate and /render.
  void document(const httplib::Request& req, httplib::Response& res, bool render) {
    auto start = t_request_start != Clock::time_point{} ? t_request_start : Clock::now();
    auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(options_.time_limit_seconds));
    auto body = std::make_shared<std::string>();
    std::shared_ptr<serve::RequestFolder> folder;
    std::string base_dir = root_;
    if (req.is_multipart_form_data()) {
      if (!req.has_file("document"))
        return send_error(res, 400, "a multipart request needs a part named 'document' (the YAML or JSON document)");
      if (req.files.size() > serve::RequestFolder::kMaxFiles + 1)
        return send_error(res, 400, "at most " + std::to_string(serve::RequestFolder::kMaxFiles) + " images");
      try {
        folder = std::make_shared<serve::RequestFolder>(uploads_);
        for (const auto& [name, part] : req.files) {
          if (name == "document") {
            if (!body->empty()) return send_error(res, 400, "the part 'document' is given twice");
            *body = part.content;
          } else {
            folder->add(name, part.content);
          }
        }
      } catch (const Error& e) {
        return send_error(res, e.exit_code() == 2 ? 400 : 500, e.what());
      }
      base_dir = folder->path();
    } else {
      if (!document_content_type(req.get_header_value("Content-Type")))
        return send_error(res, 415,
                          "the document's Content-Type must be application/yaml, text/yaml, application/json, "
                          "text/plain or multipart/form-data");
      *body = req.body;
    }
    if (body->size() > input_limits::kMaxFileBytes)
      return send_error(res, 413, "the document is larger than " + format_limit(input_limits::kMaxFileBytes));

    auto outcome = std::make_shared<serve::Outcome>();
    auto failure = std::make_shared<std::string>();
    auto out_of_time = std::make_shared<bool>(false);
    serve::RenderService& service = service_;
    WorkerPool::Status status = pool_.run(
        [&service, body, folder, base_dir, render, outcome, failure, out_of_time, deadline] {
          // Reading and layout stop at the deadline (base/deadline.h): the worker is free for
          // the next request instead of finishing a render whose answer is already a 503.
          ScopedDeadline limit(deadline);
          try {
            *outcome = service.run(*body, base_dir, render);
          } catch (const DeadlinePassed&) {
            *out_of_time = true;
          } catch (const std::exception& e) {
            *failure = e.what();
          } catch (...) {
            *failure = "unknown exception";
          }
        },
        deadline);
    if (status == WorkerPool::Status::Busy)
      return send_error(res, 503, "the server is busy: too many documents are waiting; try again");
    if (status == WorkerPool::Status::TimedOut || *out_of_time) {
      char limit[32];
      std::snprintf(limit, sizeof limit, "%g", options_.time_limit_seconds);
      return send_error(res, 503, std::string("the document was not done within the time limit of ") + limit + " s");
    }
    if (!failure->empty()) {
      std::fprintf(stderr, "thaidoc: internal error: %s\n", failure->c_str());
      return send_error(res, 500, "internal error (a bug: please report it)");
    }
    if (!render) return send_json(res, 200, serve::diagnostics_json(outcome->ok, outcome->diagnostics));
    if (!outcome->ok) return send_json(res, 422, serve::diagnostics_json(false, outcome->diagnostics));
    res.status = 200;
    res.set_header("Content-Disposition", "inline; filename=\"document.pdf\"");
    res.set_header("X-Thaidoc-Warnings", std::to_string(outcome->warnings));
    res.set_content(std::move(outcome->pdf), "application/pdf");
  }

  const ServeOptions& options_;
  std::string root_, uploads_, web_;
  serve::RenderService service_;
  serve::SchemaFiles schema_;
  std::string kinds_, templates_;
  WorkerPool pool_;  // last: joined first, while the rest is still there
};

// cpp-httplib (Debian's 0.11, compiled) listens with a backlog of 5: a burst of connections
// (a page's requests, an e-Saraban system's batch) overflows it and the kernel drops SYNs,
// which clients retry only after a second. Listening again on the same socket sets a new
// backlog (Linux); the socket is the one listening on `port`.
void widen_backlog(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening) continue;
    sockaddr_storage addr{};
    socklen_t addr_len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) continue;
    int bound = addr.ss_family == AF_INET    ? ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port)
                : addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                             : -1;
    if (bound == port) ::listen(fd, SOMAXCONN);
  }
}

void check_options(const ServeOptions& o) {
  if (o.port < 0 || o.port > 65535) throw Error({}, "--port " + std::to_string(o.port) + ": expected 0 to 65535", 2);
  if (!(o.time_limit_seconds > 0) || !std::isfinite(o.time_limit_seconds))
    throw Error({}, "--time-limit: expected a positive number of seconds", 2);
  if (o.max_body_bytes == 0) throw Error({}, "--max-body: expected a positive size", 2);
}

}  // namespace

int run_serve_command(const ServeOptions& options) {
  check_options(options);
  std::string root;
  if (!options.root.empty()) {
    std::error_code ec;
    fs::path p = fs::canonical(options.root, ec);
    if (ec || !fs::is_directory(p, ec)) throw Error({options.root}, "--root: not a folder", 2);
    root = p.string();
  }
  std::string web = serve::find_web_dir(options.web);
  if (!options.web.empty()) {
    std::error_code ec;
    if (!fs::is_directory(options.web, ec)) throw Error({options.web}, "--web: not a folder", 2);
  }

  // Every thread started from here on has SIGTERM and SIGINT blocked; the main thread takes
  // them with sigwait().
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  PrivateFolder folder;
  if (root.empty()) root = folder.empty();
  Service service(options, root, folder.uploads(), web);
  httplib::Server svr;
  // An HTTP thread serves one connection at a time, idle keep-alive time included (a browser
  // keeps up to six open): many more of them than workers, and idle connections closed after 2 s
  // (which also bounds how long a stop waits for them).
  size_t http_threads = std::max<size_t>(32, 8 * Service::workers(options));
  svr.set_keep_alive_timeout(2);
  svr.new_task_queue = [http_threads] { return new httplib::ThreadPool(http_threads); };
  service.install(svr);

  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
  } else if (!svr.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0)
    throw Error({}, "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                        " (is the port taken, or the address not this machine's?)", 1);

  widen_backlog(port);

  std::atomic<bool> stopping{false}, listening_ended{false};
  pthread_t main_thread = pthread_self();
  std::thread listener([&] {
    svr.listen_after_bind();
    listening_ended = true;
    if (!stopping.load()) pthread_kill(main_thread, SIGTERM);  // wakes sigwait: the socket failed
  });
  while (!svr.is_running() && !listening_ended.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::fprintf(stderr, "thaidoc: serving on http://%s:%d/\n", host.c_str(), port);
  std::fflush(stderr);

  int sig = 0;
  sigwait(&signals, &sig);
  bool failed = listening_ended.load() && !stopping.load();
  stopping = true;
  svr.stop();  // closes the listening socket: no new connections from here on
  if (!failed) {
    std::fprintf(stderr, "thaidoc: %s: finishing the requests in progress\n", sig == SIGINT ? "interrupted" : "stopping");
    std::fflush(stderr);
  }
  listener.join();
  if (failed) throw Error({}, "the listening socket failed", 1);
  std::fputs("thaidoc: stopped\n", stderr);
  return 0;
}

}  // namespace thaidoc
