#include "serve/catalog.h"

#include <filesystem>
#include <regex>
#include <set>

#include "base/input_file.h"
#include "layout/kinds/registry.h"
#include "serve/json.h"

namespace thaidoc::serve {
namespace fs = std::filesystem;

namespace {

// "บันทึกข้อความ (internal memo)" -> "บันทึกข้อความ"
std::string thai_title(std::string_view description) {
  size_t paren = description.find(" (");
  return std::string(paren == std::string_view::npos ? description : description.substr(0, paren));
}

bool valid_schema_name(const std::string& name) {
  static const std::regex kName("[a-z0-9][a-z0-9-]*\\.schema\\.json");
  return std::regex_match(name, kName);
}

}  // namespace

std::string kinds_json() {
  std::string s = "[";
  bool first = true;
  for (const Kind& k : document_kinds()) {
    s += std::string(first ? "" : ", ") + "{\"name\": " + json_string(k.name) + ", \"title\": " +
         json_string(thai_title(k.description)) + ", \"template\": " + json_string(k.default_template) +
         ", \"description\": " + json_string(k.description) + "}";
    first = false;
  }
  return s + "]";
}

std::string templates_json(const std::vector<std::string>& template_dirs) {
  std::set<std::string> names;
  for (const std::string& dir : template_dirs) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code fec;
      if (p.extension() == ".yaml" && fs::is_regular_file(p, fec)) names.insert(p.stem().string());
    }
  }
  std::string s = "[";
  bool first = true;
  for (const std::string& name : names) {
    std::string kind;
    for (const Kind& k : document_kinds())
      if (k.default_template == name) kind = k.name;
    s += std::string(first ? "" : ", ") + "{\"name\": " + json_string(name) + ", \"kind\": " + json_string(kind) + "}";
    first = false;
  }
  return s + "]";
}

SchemaFiles::SchemaFiles(const std::vector<std::string>& template_dirs) {
  fs::path folder;
  for (const std::string& dir : template_dirs) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(dir) / "schema" / "document.schema.json", ec)) {
      folder = fs::path(dir) / "schema";
      break;
    }
  }
  if (folder.empty()) return;
  static const std::regex kRef("\"([a-z0-9][a-z0-9-]*\\.schema\\.json)[#\"]");
  std::vector<std::string> todo = {"document.schema.json"};
  while (!todo.empty()) {
    std::string name = todo.back();
    todo.pop_back();
    if (files_.count(name) || !valid_schema_name(name)) continue;
    std::error_code ec;
    if (!fs::is_regular_file(folder / name, ec)) continue;
    std::string text = read_input_file((folder / name).string(), input_limits::kMaxFileBytes);
    for (std::sregex_iterator it(text.begin(), text.end(), kRef), end; it != end; ++it) todo.push_back((*it)[1]);
    files_.emplace(name, std::move(text));
  }
}

std::optional<std::string> SchemaFiles::get(const std::string& name) const {
  auto it = files_.find(name);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> SchemaFiles::names() const {
  std::vector<std::string> out;
  for (const auto& [name, text] : files_) out.push_back(name);
  return out;
}

}  // namespace thaidoc::serve
