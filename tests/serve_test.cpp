// thaidoc serve (src/serve/): the API of /work/notes/serve-api.md through a real HTTP client
// (cpp-httplib's) against the built binary, started on port 0 in a temporary --root and --web.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <regex>
#include <thread>

#include "layout/kinds/registry.h"
#include "test_support.h"

extern char** environ;

namespace thaidoc {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test::read_file;
using test::write_file;

// Generous: the machine is shared, and the sanitizer build is several times slower.
constexpr auto kTimeout = 60s;

const char* const kMemo = R"Y(kind: memo
memo:
  agency: สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน
  reference: ชย ๘๐๘๐๑/๓๓๕
  date: 2025-04-24
  subject: ขอความอนุเคราะห์ใช้ห้องประชุม
  to: นายกองค์การบริหารส่วนตำบลตาเนิน
  body:
    - ข้อความ
  signer:
    name: นางสาวเสาวนิตย์ ประยูรพันธ์
)Y";

// The same memo in JSON (what a web form posts).
const char* const kMemoJson = R"J({
  "kind": "memo",
  "memo": {
    "agency": "สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน",
    "reference": "ชย ๘๐๘๐๑\/๓๓๕",
    "date": "2025-04-24",
    "subject": "ขอความอนุเคราะห์ใช้ห้องประชุม",
    "to": "นายกองค์การบริหารส่วนตำบลตาเนิน",
    "body": ["ข้อความ"],
    "signer": {"name": "นางสาวเสาวนิตย์ ประยูรพันธ์"}
  }
})J";

// The memo with an image at memo.emblem (line 3, the value at column 11).
std::string memo_with_emblem(const std::string& image) {
  std::string s = kMemo;
  return s.replace(s.find("memo:\n") + 6, 0, "  emblem: " + image + "\n");
}

// A running `thaidoc serve --port 0 ARGS...`; its standard error is collected.
class Server {
 public:
  explicit Server(std::vector<std::string> args, const std::string& name = "serve") {
    dir_ = test::temp_dir(name);
    root_ = dir_ + "/root";
    web_ = dir_ + "/web";
    fs::create_directories(root_ + "/images");
    fs::copy_file(test::source_dir() + "/data/letter/emblem-placeholder.png", root_ + "/images/logo.png");
    write_file(web_ + "/index.html", "<!doctype html><title>thaidoc</title>\n");
    write_file(web_ + "/app.js", "console.log('thaidoc');\n");
    write_file(dir_ + "/outside/secret.png", read_file(root_ + "/images/logo.png"));
    write_file(dir_ + "/outside/secret.txt", "root:x:0:0:secret\n");

    std::vector<std::string> argv = {test::thaidoc_binary(), "serve", "--port", "0", "--root", root_, "--web", web_};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> c_argv;
    for (std::string& a : argv) c_argv.push_back(a.data());
    c_argv.push_back(nullptr);
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    if (posix_spawn(&pid_, c_argv[0], &actions, nullptr, c_argv.data(), environ) != 0)
      throw std::runtime_error("cannot start " + argv[0]);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    reader_ = std::thread([this, fd = fds[0]] {
      char buf[4096];
      ssize_t n;
      while ((n = read(fd, buf, sizeof buf)) > 0) {
        std::lock_guard<std::mutex> lock(mutex_);
        log_.append(buf, static_cast<size_t>(n));
        changed_.notify_all();
      }
      close(fd);
      std::lock_guard<std::mutex> lock(mutex_);
      eof_ = true;
      changed_.notify_all();
    });
    std::smatch m;
    std::string log = wait_for(std::regex("serving on http://127\\.0\\.0\\.1:(\\d+)/\n"), m);
    if (m.empty()) {
      kill(pid_, SIGKILL);
      int status;
      waitpid(pid_, &status, 0);
      reader_.join();
      throw std::runtime_error("the server did not start:\n" + log);
    }
    port_ = std::stoi(m[1]);
  }

  ~Server() {
    if (!exited_) {
      // Stopped as a service manager stops it (it then removes its private folder); killed
      // only if it does not stop.
      kill(pid_, SIGTERM);
      if (wait_exit() != 0 && !exited_) {
        kill(pid_, SIGKILL);
        int status;
        waitpid(pid_, &status, 0);
      }
    }
    reader_.join();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& root() const { return root_; }
  const std::string& dir() const { return dir_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    c.set_write_timeout(60, 0);
    c.set_connection_timeout(60, 0);
    return c;
  }

  // Waits until standard error matches `re` (or ends, or the timeout); returns it all.
  std::string wait_for(const std::regex& re, std::smatch& m) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, kTimeout, [&] { return std::regex_search(log_, m, re) || eof_; });
    std::regex_search(log_, m, re);
    return log_;
  }
  bool wait_for(const std::string& text) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, kTimeout, [&] { return log_.find(text) != std::string::npos || eof_; }) &&
           log_.find(text) != std::string::npos;
  }
  // Waits until `done(standard error so far)` (or it ends, or the timeout); returns it.
  std::string wait_until(const std::function<bool(const std::string&)>& done) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, kTimeout, [&] { return done(log_) || eof_; });
    return log_;
  }
  std::string log() {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }

  // The exit status once it has exited (-1: killed by a signal or still running at the timeout).
  int wait_exit() {
    auto end = std::chrono::steady_clock::now() + kTimeout;
    int status = 0;
    while (std::chrono::steady_clock::now() < end) {
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(10ms);  // polling the exit, not synchronising with it
    }
    return -1;
  }

 private:
  std::string dir_, root_, web_;
  pid_t pid_ = -1;
  int port_ = 0;
  bool exited_ = false;
  std::thread reader_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string log_;
  bool eof_ = false;
};

// A connected TCP socket to the server, for requests no HTTP client would send.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{60, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { close(fd_); }
  bool connected() const { return connected_; }
  void send(const std::string& s) {
    size_t done = 0;
    while (done < s.size()) {
      ssize_t n = ::send(fd_, s.data() + done, s.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return;
      done += static_cast<size_t>(n);
    }
  }
  // Reads until `until` appears (or the connection ends).
  std::string receive_until(const std::string& until) {
    char buf[4096];
    while (received_.find(until) == std::string::npos) {
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      received_.append(buf, static_cast<size_t>(n));
    }
    return received_;
  }
  std::string receive_all() { return receive_until(std::string("\0\0never\0", 8)); }

 private:
  int fd_ = -1;
  bool connected_ = false;
  std::string received_;
};

std::string pdf_text(const std::string& pdf, const std::string& dir) {
  write_file(dir + "/out.pdf", pdf);
  return test::run("pdftotext -layout " + test::quote(dir + "/out.pdf") + " -").out;
}

// The PDF `thaidoc render` writes for the same document.
std::string cli_pdf(const std::string& yaml, const std::string& dir) {
  write_file(dir + "/cli.yaml", yaml);
  auto r = test::run(test::quote(test::thaidoc_binary()) + " render " + test::quote(dir + "/cli.yaml") + " -o " +
                     test::quote(dir + "/cli.pdf"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return read_file(dir + "/cli.pdf");
}

TEST(Serve, HealthzAnswersOkAndTheVersion) {
  Server server({});
  auto res = server.client().Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  std::string version = test::run(test::quote(test::thaidoc_binary()) + " --version").out;  // "thaidoc 0.1.0\n"
  version = version.substr(8, version.size() - 9);
  EXPECT_EQ(res->body, "{\"status\": \"ok\", \"version\": \"" + version + "\"}");
}

TEST(Serve, APortInUseIsAnErrorNotASharedPort) {
  Server server({});
  // (If it did start, `timeout` stops it: exit code 124.)
  auto r = test::run("timeout 10 " + test::quote(test::thaidoc_binary()) + " serve --port " +
                     std::to_string(server.port()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "thaidoc: error: cannot listen on 127.0.0.1:" + std::to_string(server.port()) +
                       " (is the port taken, or the address not this machine's?)\n");
}

TEST(Serve, KindsListsEveryKindOfTheRegistryWithItsThaiTitle) {
  Server server({});
  auto res = server.client().Get("/kinds");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  std::vector<std::string> names;
  std::regex entry("\\{\"name\": \"([a-z]+)\", \"title\": \"([^\"]+)\", \"template\": \"([a-z]+)\"");
  for (std::sregex_iterator it(res->body.begin(), res->body.end(), entry), end; it != end; ++it)
    names.push_back((*it)[1]);
  EXPECT_EQ(names, kind_names());
  EXPECT_NE(res->body.find("{\"name\": \"memo\", \"title\": \"บันทึกข้อความ\", \"template\": \"memo\""), std::string::npos);
  EXPECT_NE(res->body.find("{\"name\": \"document\", \"title\": \"เอกสารทั่วไป\", \"template\": \"default\""),
            std::string::npos);
}

TEST(Serve, TemplatesListsTheShippedTemplatesWithTheirKinds) {
  Server server({});
  auto res = server.client().Get("/templates");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  std::string expected = "[";
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/templates"))
    if (e.path().extension() == ".yaml") names.insert(e.path().stem().string());
  for (const std::string& n : names) {
    std::string kind;
    for (const Kind& k : document_kinds())
      if (k.default_template == n) kind = k.name;
    expected += std::string(expected.size() > 1 ? ", " : "") + "{\"name\": \"" + n + "\", \"kind\": \"" + kind + "\"}";
  }
  EXPECT_EQ(res->body, expected + "]");
  EXPECT_NE(res->body.find("{\"name\": \"default\", \"kind\": \"document\"}"), std::string::npos);
}

TEST(Serve, SchemaAndTheFilesItRefersToAndNothingElse) {
  Server server({});
  auto client = server.client();
  const std::string dir = test::source_dir() + "/templates/schema/";
  auto res = client.Get("/schema");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, read_file(dir + "document.schema.json"));
  for (const char* name : {"common.schema.json", "blocks.schema.json", "ita.schema.json", "template.schema.json"}) {
    auto ref = client.Get(std::string("/schema/") + name);
    ASSERT_TRUE(ref);
    EXPECT_EQ(ref->status, 200) << name;
    EXPECT_EQ(ref->body, read_file(dir + name)) << name;
  }
  // In the folder, but not referred to by the document schema; and not a schema at all.
  for (const char* path : {"/schema/batch-data.schema.json", "/schema/..%2fmemo.yaml", "/schema/README.md"}) {
    auto other = client.Get(path);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 404) << path;
  }
}

TEST(Serve, RendersAMemoFromYamlTheSamePdfAsTheCommandLine) {
  Server server({});
  auto res = server.client().Post("/render", kMemo, "application/yaml");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(res->get_header_value("Content-Disposition"), "inline; filename=\"document.pdf\"");
  EXPECT_EQ(res->get_header_value("X-Thaidoc-Warnings"), "0");
  EXPECT_NE(pdf_text(res->body, server.dir()).find("\nเรื่อง ขอความอนุเคราะห์ใช้ห้องประชุม\n"), std::string::npos);
  EXPECT_TRUE(res->body == cli_pdf(kMemo, server.dir())) << "the PDF differs from thaidoc render's";
}

TEST(Serve, RendersTheExampleMemoWithItsTwoWarnings) {
  Server server({});
  std::string yaml = read_file(test::source_dir() + "/data/memo/taneun-ita-results.yaml");
  auto res = server.client().Post("/render", yaml, "text/yaml; charset=utf-8");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  // tests/golden/memo/taneun-ita-results.warnings: two stretched lines (names are kept whole).
  EXPECT_EQ(res->get_header_value("X-Thaidoc-Warnings"), "2");
  EXPECT_TRUE(res->body == cli_pdf(yaml, server.dir()));
}

TEST(Serve, RendersAJsonBodyTheSameAsItsYaml) {
  Server server({});
  auto client = server.client();
  auto json = client.Post("/render", kMemoJson, "application/json");
  auto yaml = client.Post("/render", kMemo, "application/yaml");
  ASSERT_TRUE(json && yaml);
  ASSERT_EQ(json->status, 200) << json->body;
  EXPECT_TRUE(json->body == yaml->body) << "the JSON document gave another PDF";
}

TEST(Serve, ValidateGivesEachErrorsLineColumnPathAndMessage) {
  Server server({});
  auto client = server.client();
  std::string bad = kMemo;
  bad.replace(bad.find("2025-04-24"), 10, "2025-02-30");
  bad.replace(bad.find("  to:"), 5, "  too:");
  auto res = client.Post("/validate", bad, "application/yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(res->body,
            "{\"ok\": false, \"diagnostics\": ["
            "{\"severity\": \"error\", \"line\": 7, \"column\": 3, \"path\": \"memo.too\", \"message\": "
            "\"unknown key (did you mean 'to'?)\"}, "
            "{\"severity\": \"error\", \"line\": 5, \"column\": 9, \"path\": \"memo.date\", \"message\": "
            "\"'2025-02-30' is not a valid date (expected YYYY-MM-DD)\"}, "
            // A missing field is reported where its mapping begins (the memo's first key).
            "{\"severity\": \"error\", \"line\": 3, \"column\": 3, \"path\": \"memo.to\", \"message\": "
            "\"required field is missing\"}]}");
  // /render refuses it with the same diagnostics.
  auto render = client.Post("/render", bad, "application/yaml");
  ASSERT_TRUE(render);
  EXPECT_EQ(render->status, 422);
  EXPECT_EQ(render->body, res->body);
  // A good document: ok, nothing to say.
  auto good = client.Post("/validate", kMemo, "application/yaml");
  ASSERT_TRUE(good);
  EXPECT_EQ(good->body, "{\"ok\": true, \"diagnostics\": []}");
}

TEST(Serve, ValidateAJsonBodyPlacesTheErrorInTheBody) {
  Server server({});
  std::string bad = kMemoJson;
  bad.replace(bad.find("2025-04-24"), 10, "2025-02-30");
  auto res = server.client().Post("/validate", bad, "application/json");
  ASSERT_TRUE(res);
  // "date": "2025-02-30" is on line 6, its value at column 13.
  EXPECT_EQ(res->body,
            "{\"ok\": false, \"diagnostics\": [{\"severity\": \"error\", \"line\": 6, \"column\": 13, \"path\": "
            "\"memo.date\", \"message\": \"'2025-02-30' is not a valid date (expected YYYY-MM-DD)\"}]}");
}

TEST(Serve, ABodyOverTheLimitIs413) {
  Server server({"--max-body-mb", "1"});
  auto client = server.client();
  std::string big = std::string(kMemo) + "# " + std::string((1u << 20) + 10, 'x') + "\n";
  auto res = client.Post("/render", big, "application/yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(res->body, "{\"error\": \"the request is larger than the limit of 1 MB\"}");
  // Far over it: refused from its Content-Length, before it is read.
  RawConnection raw(server.port());
  ASSERT_TRUE(raw.connected());
  raw.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 100000000\r\n"
           "Connection: close\r\n\r\n");
  std::string answer = raw.receive_all();
  EXPECT_EQ(answer.rfind("HTTP/1.1 413 ", 0), 0u) << answer;
  // Just under it is read.
  std::string fits = std::string(kMemo) + "# " + std::string((1u << 20) - std::string(kMemo).size() - 3, 'x') + "\n";
  ASSERT_EQ(fits.size(), 1u << 20);
  auto ok = client.Post("/render", fits, "application/yaml");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST(Serve, AChunkedBodyIsRefusedWith411) {
  Server server({});
  RawConnection raw(server.port());
  ASSERT_TRUE(raw.connected());
  raw.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\nkind:\r\n0\r\n\r\n");
  std::string answer = raw.receive_until("}");
  EXPECT_EQ(answer.rfind("HTTP/1.1 411 ", 0), 0u) << answer;
}

TEST(Serve, UnknownRoutesAre404) {
  Server server({});
  auto client = server.client();
  auto get = client.Get("/no-such-page");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 404);
  EXPECT_EQ(get->body, "{\"error\": \"not found\"}");
  auto post = client.Post("/no-such-route", kMemo, "application/yaml");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);
  EXPECT_EQ(post->body, "{\"error\": \"not found\"}");
  auto wrong_type = client.Post("/render", kMemo, "image/png");
  ASSERT_TRUE(wrong_type);
  EXPECT_EQ(wrong_type->status, 415);
}

TEST(Serve, StaticFilesComeFromTheWebFolderAndNeverFromOutsideIt) {
  Server server({});
  auto client = server.client();
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>thaidoc</title>\n");
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto js = client.Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  // Sent as they are even to a browser that accepts compression: cpp-httplib would compress a
  // static file on every request, with brotli at its highest quality (seconds for pdf.js).
  httplib::Headers browser{{"Accept-Encoding", "gzip, deflate, br, zstd"}};
  client.set_decompress(false);
  auto page = client.Get("/", browser);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_FALSE(page->has_header("Content-Encoding")) << page->get_header_value("Content-Encoding");
  EXPECT_EQ(page->body, "<!doctype html><title>thaidoc</title>\n");
  // A symbolic link in the web folder to a file outside it.
  fs::create_symlink(server.dir() + "/outside/secret.txt", server.dir() + "/web/link.txt");
  for (const char* path : {"/../outside/secret.txt", "/../../../../../../etc/passwd", "/%2e%2e/outside/secret.txt",
                           "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2foutside%2fsecret.txt",
                           "/%2E%2E%5Coutside%5Csecret.txt", "/link.txt", "//etc/passwd", "/./index.html"}) {
    RawConnection raw(server.port());
    ASSERT_TRUE(raw.connected());
    raw.send(std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    std::string answer = raw.receive_all();
    EXPECT_EQ(answer.rfind("HTTP/1.1 404 ", 0), 0u) << path << "\n" << answer;
    EXPECT_EQ(answer.find("root:"), std::string::npos) << path;
  }
}

TEST(Serve, AnImageInsideRootIsUsedAndOneOutsideItRefused) {
  Server server({});
  auto client = server.client();
  auto inside = client.Post("/render", memo_with_emblem("images/logo.png"), "application/yaml");
  ASSERT_TRUE(inside);
  EXPECT_EQ(inside->status, 200) << inside->body;
  EXPECT_NE(inside->body.find("/Subtype /Image"), std::string::npos);
  for (std::string image : {std::string("../outside/secret.png"), server.dir() + "/outside/secret.png"}) {
    auto res = client.Post("/render", memo_with_emblem(image), "application/yaml");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(res->body, "{\"ok\": false, \"diagnostics\": [{\"severity\": \"error\", \"line\": 3, \"column\": 11, "
                         "\"path\": \"memo.emblem\", \"message\": \"image file '" +
                             image + "' is outside the document's folder\"}]}");
  }
}

TEST(Serve, TemplatesAndFilesOutsideRootAreRefusedWhetherTheyExistOrNot) {
  Server server({});
  auto client = server.client();
  auto message = [&](const std::string& line) {
    auto res = client.Post("/validate", line + "\n" + kMemo, "application/yaml");
    if (!res) return std::string("no answer");
    std::smatch m;
    std::regex first("\"message\": \"([^\"]*)\"");
    return std::regex_search(res->body, m, first) ? std::string(m[1]) : res->body;
  };
  // The same answer for a file that exists and one that does not: nothing about them shows.
  EXPECT_EQ(message("template: ../outside/secret.txt"),
            "template '../outside/secret.txt' is outside the document's folder and the template folders");
  EXPECT_EQ(message("template: ../outside/nothing.yaml"),
            "template '../outside/nothing.yaml' is outside the document's folder and the template folders");
  EXPECT_EQ(message("template: /etc/passwd"),
            "template '/etc/passwd' is outside the document's folder and the template folders");
  EXPECT_EQ(message("template: /etc/no-such-file"),
            "template '/etc/no-such-file' is outside the document's folder and the template folders");
  EXPECT_EQ(message("dictionary_file: ../outside/secret.txt"),
            "dictionary file '../outside/secret.txt' is outside the document's folder and the template folders");
  // A template name that is not installed: the folders are not named.
  EXPECT_EQ(message("template: nonesuch"), "template 'nonesuch' not found (looked for nonesuch.yaml in: templates)");
  // A missing file of the document's own folder is named as the document names it.
  EXPECT_EQ(message("dictionary_file: words.txt"), "cannot read dictionary file 'words.txt'");
}

TEST(Serve, MultipartBringsTheDocumentsImages) {
  Server server({});
  auto client = server.client();
  std::string png = read_file(test::source_dir() + "/data/letter/emblem-placeholder.png");
  std::string doc = memo_with_emblem("upload/sig.png");
  httplib::MultipartFormDataItems items = {{"document", doc, "document.yaml", "application/yaml"},
                                          {"upload/sig.png", png, "sig.png", "image/png"}};
  auto res = client.Post("/render", items);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  // The same as with the image in --root.
  fs::create_directories(server.root() + "/upload");
  fs::copy_file(test::source_dir() + "/data/letter/emblem-placeholder.png", server.root() + "/upload/sig.png");
  auto from_root = client.Post("/render", doc, "application/yaml");
  ASSERT_TRUE(from_root);
  EXPECT_TRUE(res->body == from_root->body);
  // Without the image part: not found (a multipart request reads its own images only).
  httplib::MultipartFormDataItems alone = {{"document", doc, "", ""}};
  auto missing = client.Post("/render", alone);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 422);
  EXPECT_NE(missing->body.find("image file 'upload/sig.png' not found"), std::string::npos) << missing->body;
  // A part name that climbs out of the request's folder.
  httplib::MultipartFormDataItems climbing = {{"document", memo_with_emblem("../x.png"), "", ""},
                                              {"../x.png", png, "x.png", "image/png"}};
  auto bad = client.Post("/render", climbing);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(bad->body, "{\"error\": \"part '../x.png': a path with an empty, '.' or '..' segment\"}");
}

TEST(Serve, TwentyRendersAtOnceAllGiveTheCommandLinesPdf) {
  Server server({"--workers", "2"});
  std::string yaml = read_file(test::source_dir() + "/data/memo/taneun-ita-results.yaml");
  const std::string expected = cli_pdf(yaml, server.dir());
  constexpr int kClients = 20;
  std::vector<int> status(kClients, 0);
  std::vector<std::string> bodies(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto res = server.client().Post("/render", yaml, "application/yaml");
      if (res) {
        status[i] = res->status;
        bodies[i] = res->body;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kClients; ++i) {
    EXPECT_EQ(status[i], 200) << i;
    EXPECT_TRUE(bodies[i] == expected) << "render " << i << " differs";
  }
  // Each request is in the access log (written just after its answer: wait for it).
  std::regex line("\\{\"time\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\", \"method\": \"POST\", "
                  "\"path\": \"/render\", \"status\": 200, \"bytes\": " +
                  std::to_string(expected.size()) + ", \"ms\": \\d+\\.\\d\\}\n");
  auto count = [&](const std::string& log) {
    return std::distance(std::sregex_iterator(log.begin(), log.end(), line), std::sregex_iterator());
  };
  std::string log = server.wait_until([&](const std::string& log) { return count(log) >= kClients; });
  EXPECT_EQ(count(log), kClients) << log;
}

TEST(Serve, ARequestOverTheTimeLimitIs503) {
  Server server({"--time-limit", "0.001", "--workers", "1"});
  auto res = server.client().Post("/render", read_file(test::source_dir() + "/data/memo/taneun-ita-results.yaml"),
                                  "application/yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(res->body, "{\"error\": \"the document was not done within the time limit of 0.001 s\"}");
}

// A render over the time limit stops there (base/deadline.h): the one worker is free for the
// next request at once. The long document is small to send and read (an anchored paragraph
// and 12,000 aliases of it) but about 4,400 pages to lay out and write: some 5 s in a Release
// build, so without the stop the second request would wait in the queue past its own limit
// and be a 503 as well.
TEST(Serve, ARenderOverTheTimeLimitStopsAndFreesItsWorker) {
  Server server({"--time-limit", "1", "--workers", "1"});
  std::string big = "kind: document\nblocks:\n  - &p ";
  for (int i = 0; i < 4; ++i)
    big += "ตามที่สำนักงานได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ";
  big += "\n";
  for (int i = 0; i < 12000; ++i) big += "  - *p\n";
  auto slow = server.client().Post("/render", big, "application/yaml");
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 503) << slow->body;
  auto next = server.client().Post("/render", "kind: document\nblocks: [สวัสดี]\n", "application/yaml");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200) << next->body;
  EXPECT_EQ(next->body.compare(0, 5, "%PDF-"), 0);
}

TEST(Serve, SigtermFinishesTheRequestInProgressThenExitsZero) {
  Server server({});
  RawConnection raw(server.port());
  ASSERT_TRUE(raw.connected());
  const std::string body = kMemo;
  raw.send("POST /render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nExpect: 100-continue\r\n"
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
  // The server has read the headers and waits for the body: the request is in progress.
  const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  ASSERT_EQ(raw.receive_until("\r\n\r\n"), kContinue);
  kill(server.pid(), SIGTERM);
  ASSERT_TRUE(server.wait_for("thaidoc: stopping: finishing the requests in progress\n")) << server.log();
  // No new connection is accepted now.
  RawConnection late(server.port());
  EXPECT_FALSE(late.connected());
  raw.send(body);
  std::string answer = raw.receive_all().substr(kContinue.size());
  EXPECT_EQ(answer.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer.substr(0, 300);
  EXPECT_NE(answer.find("Content-Type: application/pdf"), std::string::npos);
  EXPECT_NE(answer.find("%%EOF"), std::string::npos);
  EXPECT_EQ(server.wait_exit(), 0) << server.log();
  EXPECT_TRUE(server.wait_for("thaidoc: stopped\n"));
}

}  // namespace
}  // namespace thaidoc
