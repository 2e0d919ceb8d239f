#include "cli/batch_output.h"

#include "base/atomic_file.h"

#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "base/error.h"
#include "base/utf8.h"

namespace thaidoc::batch {
namespace fs = std::filesystem;

// ---------------------------------------------------------------- patterns

OutputPattern::OutputPattern(std::string text) : text_(std::move(text)) {
  std::string literal;
  for (size_t i = 0; i < text_.size(); ++i) {
    char c = text_[i];
    if ((c == '{' || c == '}') && i + 1 < text_.size() && text_[i + 1] == c) {  // {{ or }}
      literal.push_back(c);
      ++i;
      continue;
    }
    if (c != '{') {
      literal.push_back(c);
      continue;
    }
    size_t close = text_.find('}', i + 1);
    if (close == std::string::npos) {
      throw Error({}, "output pattern '" + text_ + "': unclosed '{' (write {{ for a literal '{')", 2);
    }
    std::string name = text_.substr(i + 1, close - i - 1);
    if (name.empty() || name.find('{') != std::string::npos) {
      throw Error({}, "output pattern '" + text_ + "': expected a field name inside {...}", 2);
    }
    if (!literal.empty()) parts_.push_back({false, std::move(literal)});
    literal.clear();
    parts_.push_back({true, name});
    fields_.push_back(name);
    i = close;
  }
  if (!literal.empty()) parts_.push_back({false, std::move(literal)});
}

bool OutputPattern::uses(std::string_view field) const {
  for (const auto& f : fields_)
    if (f == field) return true;
  return false;
}

std::string OutputPattern::expand(const std::function<const std::string*(const std::string&)>& lookup,
                                  std::string& error) const {
  std::string out;
  for (const Part& part : parts_) {
    if (!part.field) {
      out += part.text;
      continue;
    }
    const std::string* value = lookup(part.text);
    if (!value) {
      error = "output pattern '" + text_ + "': the record has no field '" + part.text + "'";
      return "";
    }
    out += sanitize_file_name(*value);
  }
  return out;
}

std::string sanitize_file_name(std::string_view value) {
  std::string out;
  for (char ch : value) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
        c == '<' || c == '>' || c == '|') {
      out.push_back('_');
    } else if (c == '.' && !out.empty() && out.back() == '.') {
      continue;  // runs of dots become one
    } else {
      out.push_back(ch);
    }
  }
  size_t b = 0, e = out.size();
  while (b < e && out[b] == ' ') ++b;
  while (e > b && out[e - 1] == ' ') --e;
  out = out.substr(b, e - b);
  if (!out.empty() && out[0] == '.') out[0] = '_';
  constexpr size_t kMaxBytes = 150;
  if (out.size() > kMaxBytes) {
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  if (out.empty()) out.push_back('_');
  return out;
}

// ---------------------------------------------------------------- resume

bool pdf_is_complete(const std::string& path, int& pages) {
  pages = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 64 || data.compare(0, 5, "%PDF-") != 0) return false;
  size_t end = data.size();
  while (end > 0 && (data[end - 1] == '\n' || data[end - 1] == '\r' || data[end - 1] == ' ')) --end;
  if (end < 5 || data.compare(end - 5, 5, "%%EOF") != 0) return false;
  size_t sx = data.rfind("startxref", end);
  if (sx == std::string::npos || end - sx > 64) return false;
  size_t p = sx + 9;
  while (p < end && (data[p] == '\n' || data[p] == '\r' || data[p] == ' ')) ++p;
  unsigned long long offset = 0;
  auto [num_end, ec] = std::from_chars(data.data() + p, data.data() + end, offset);
  if (ec != std::errc() || num_end == data.data() + p || offset >= sx) return false;
  if (data.compare(offset, 4, "xref") != 0) {
    // A cross-reference stream: "N G obj".
    size_t q = offset;
    auto digits = [&] {
      size_t from = q;
      while (q < sx && std::isdigit(static_cast<unsigned char>(data[q]))) ++q;
      return q > from;
    };
    if (!digits() || data[q++] != ' ' || !digits() || data.compare(q, 4, " obj") != 0) return false;
  }
  size_t tree = data.find("/Type /Pages");
  if (tree != std::string::npos) {
    size_t obj_end = data.find("endobj", tree);
    size_t count = data.find("/Count ", tree);
    if (count != std::string::npos && count < obj_end) pages = std::atoi(data.c_str() + count + 7);
  }
  return true;
}

// ---------------------------------------------------------------- temp files

bool is_temp_file_name(std::string_view name) {
  if (name.size() < 2 || name[0] != '.') return false;
  size_t tmp = name.rfind(".tmp-");
  if (tmp == std::string_view::npos || tmp < 2) return false;
  std::string_view rest = name.substr(tmp + 5);  // PID-N
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == rest.size()) return false;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (i != dash && !std::isdigit(static_cast<unsigned char>(rest[i]))) return false;
  }
  return true;
}

size_t remove_stale_temp_files(const std::set<std::string>& outputs) {
  // directory -> final file names in it
  std::map<fs::path, std::set<std::string>> dirs;
  for (const std::string& out : outputs) {
    fs::path p(out);
    fs::path dir = p.parent_path();
    if (dir.empty()) dir = ".";
    dirs[dir].insert(temp_name_stem(p.filename().string()));
  }
  const pid_t self = getpid();
  const auto now = fs::file_time_type::clock::now();
  size_t removed = 0;
  for (const auto& [dir, names] : dirs) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) continue;  // not created yet
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      std::string name = it->path().filename().string();
      if (!is_temp_file_name(name)) continue;
      size_t tmp = name.rfind(".tmp-");
      if (!names.count(name.substr(1, tmp - 1))) continue;  // not one of ours
      long pid = std::strtol(name.c_str() + tmp + 5, nullptr, 10);
      bool stale = pid == self || pid <= 0 || (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH);
      if (!stale) {
        std::error_code time_ec;
        auto mtime = fs::last_write_time(it->path(), time_ec);
        stale = !time_ec && now - mtime > std::chrono::hours(1);
      }
      if (stale && fs::remove(it->path(), ec)) ++removed;
    }
  }
  return removed;
}

// ---------------------------------------------------------------- JSON

std::string json_string(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Copy a valid UTF-8 sequence; an invalid byte becomes U+FFFD.
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (len > 1 && i + len <= s.size() && !utf8::find_invalid(s.substr(i, len))) {
        out.append(s.substr(i, len));
        i += len;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
      continue;
    }
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
    ++i;
  }
  return out + "\"";
}

}  // namespace thaidoc::batch
