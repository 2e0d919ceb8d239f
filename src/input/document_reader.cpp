#include "input/document_reader.h"
#include "input/table_reader.h"
#include "input/ita_blocks.h"
#include "input/ita_reader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include "base/install_dirs.h"
#include "input/content_reader.h"
#include "input/error_collector.h"
#include "input/parts_reader.h"
#include "input/placeholders.h"
#include "input/template_cache.h"
#include "input/template_reader.h"
#include "input/yaml_reader.h"
#include "layout/kinds/registry.h"

namespace thaidoc {
namespace fs = std::filesystem;

std::vector<std::string> default_template_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("THAIDOC_TEMPLATES")) {
    std::string list = env;
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) dirs.push_back(list.substr(start, end - start));
      start = end + 1;
    }
  }
  for (std::string& dir : shipped_data_dirs("templates")) dirs.push_back(std::move(dir));
  return dirs;
}

namespace {

// A title, author, subject or the keywords together: at most this many bytes of UTF-8,
// so that the UTF-16 string in the PDF (at most twice as long) fits LibHaru's 65,535.
constexpr size_t kMaxInfoBytes = 32000;

std::string directory_of(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::path absolute = fs::absolute(parent, ec);
  return (ec ? parent : absolute).lexically_normal().string();
}

// The names the ITA data gives, into the document's dictionary: never broken across
// lines (each kind's reader adds the names its content gives).
void add_ita_names(Document& doc, const ita::ItaData* ita) {
  if (!ita) return;
  std::vector<std::string>& words = doc.style.line_breaking.dictionary;
  add_name_entries(words, ita->organisation.name, false);
  add_name_entries(words, ita->organisation.district, false);
  add_name_entries(words, ita->organisation.province, false);
}

// The top-level keys: the common ones and each kind's content key.
std::vector<std::string> top_level_keys() {
  std::vector<std::string> keys = {"kind", "template", "title", "author", "subject", "keywords", "language",
                                   "digits", "style"};
  for (const Kind& k : document_kinds())
    if (std::find(keys.begin(), keys.end(), k.content_key) == keys.end()) keys.emplace_back(k.content_key);
  for (const char* k : {"ita", "dictionary", "dictionary_file"}) keys.emplace_back(k);
  return keys;
}

const Kind& read_kind(const YamlNode& node) {
  std::string name = node.as_string();
  if (const Kind* k = find_kind(name)) return *k;
  std::vector<std::string> names = kind_names();
  std::string hint = suggest(name, names);
  std::string message = "unknown value '" + name + "' (expected " + join_alternatives(names);
  if (!hint.empty()) message += "; did you mean '" + hint + "'?";
  node.fail(message + ")");
}

// Reads the document at `root` of `yaml` (the whole file, or an inline part of a
// multi-part document: `is_part`, which may also say `page_numbers:`).
Document read_parsed(const YamlDocument& yaml, const YamlNode& root, const std::string& path,
                     const ReadOptions& options, bool is_part = false);

Document read_parsed(const YamlDocument& yaml, const std::string& path, const ReadOptions& options) {
  return read_parsed(yaml, yaml.root_node(), path, options);
}

Document read_parsed(const YamlDocument& yaml, const YamlNode& root, const std::string& path,
                     const ReadOptions& options, bool is_part) {
  SourceLocation start{path, 1, 1};
  if (root.is_null()) {
    throw Error(start, "the file is empty (expected 'kind: memo' or 'kind: document' and the document's fields)", 2);
  }
  if (!root.is_map()) {
    throw Error(root.where().line > 0 ? root.where() : start,
                "expected a mapping at the top level (key: value lines such as 'kind: memo')", 2);
  }
  if (!is_part && root.get_raw("parts")) {
    return read_parts(root, path, options,
                      [&](const YamlNode& part) { return read_parsed(yaml, part, path, options, true); });
  }
  std::vector<std::string> keys = top_level_keys();
  if (is_part) keys.push_back("page_numbers");
  root.check_keys(keys);

  Document doc;
  doc.source = path;
  doc.base_dir = directory_of(path);
  const Kind& kind = read_kind(root.required("kind"));
  doc.kind = kind.name;

  // The template, then the document's style overrides, then its digits.
  std::optional<YamlNode> template_node = root.get("template");
  std::string template_name =
      template_node ? template_node->as_nonempty_string() : std::string(kind.default_template);
  // Without --allow-outside, a path out of the allowed folders is refused before it is looked
  // for: whether a file exists outside them never shows (thaidoc serve's --root). Only a name
  // with a '/' can lead out (any other is a file of the document's folder or a template name).
  if (template_node && !options.allow_outside && template_name.find('/') != std::string::npos) {
    fs::path p(template_name);
    if (p.is_relative()) p = fs::path(doc.base_dir) / p;
    std::vector<std::string> allowed = options.template_dirs;
    allowed.push_back(doc.base_dir);
    if (!path_inside(p.lexically_normal().string(), allowed)) {
      template_node->fail("template '" + template_name +
                          "' is outside the document's folder and the template folders (--allow-outside lifts this)");
    }
  }
  std::string template_path = find_template(template_name, doc.base_dir, options.template_dirs);
  if (!template_path.empty() && template_node && !options.allow_outside) {
    std::vector<std::string> allowed = options.template_dirs;
    allowed.push_back(doc.base_dir);
    if (!path_inside(template_path, allowed)) {
      template_node->fail("template '" + template_name +
                          "' is outside the document's folder and the template folders (--allow-outside lifts this)");
    }
  }
  if (!template_path.empty()) {
    doc.style = options.template_cache ? options.template_cache->get(template_path, options)
                                       : read_template_file(template_path, options);
  } else if (template_node) {
    std::string dirs = join_alternatives(options.template_dirs, ", ");
    template_node->fail("template '" + template_name + "' not found" +
                        (template_name.find('/') == std::string::npos && !dirs.empty()
                             ? " (looked for " + template_name + ".yaml in: " + dirs + ")"
                             : ""));
  } else {
    doc.style = Template{};  // no template files installed: the built-in defaults
    doc.style.name = template_name;
  }
  attempt([&] {
    if (auto style = root.get("style")) apply_template_settings(*style, doc.style, options);
  });
  attempt([&] {
    if (auto digits = root.get("digits")) doc.style.digits = read_digits(*digits);
  });
  attempt([&] {
    if (auto n = root.get("dictionary")) read_dictionary(*n, doc.style.line_breaking.dictionary);
  });
  attempt([&] {
    if (auto n = root.get("dictionary_file")) read_dictionary_file(*n, doc.style.line_breaking.dictionary, options);
  });

  // ITA data: computed once; the report's {{ita.*}} values, tables and charts come from it.
  std::shared_ptr<const ita::ItaData> ita_data;
  if (auto ita_node = root.get("ita")) {
    auto data = std::make_shared<ita::ItaData>(read_ita(*ita_node));
    auto analysis = std::make_shared<ita::Analysis>(ita::analyse(*data));
    for (const auto& w : analysis->warnings) doc.warnings.push_back(w.to_string());
    YamlDocument filled{yaml.source, root.raw()};  // shares the nodes: the values land in `root` too
    substitute_computed_values(filled, ita_values(*data, *analysis));
    ita_data = data;
    doc.ita = analysis;
  }
  // The PDF's document information holds strings of at most 64 KB in UTF-16.
  auto info_text = [](const YamlNode& n, std::string text) {
    if (text.size() > kMaxInfoBytes) {
      n.fail("too long for the PDF's document information: " + std::to_string(text.size()) + " bytes (at most " +
             std::to_string(kMaxInfoBytes) + ")");
    }
    return text;
  };
  attempt([&] {
    if (auto n = root.get("title")) doc.info.title = info_text(*n, n->as_string());
  });
  attempt([&] {
    if (auto n = root.get("author")) doc.info.author = info_text(*n, n->as_string());
  });
  attempt([&] {
    if (auto n = root.get("subject")) doc.info.subject = info_text(*n, n->as_string());
  });
  attempt([&] {
    if (auto n = root.get("keywords")) {
      std::vector<std::string> words = n->as_string_list();
      doc.info.keywords = info_text(*n, join_alternatives(words, ", "));
    }
  });
  doc.info.language = "th";
  attempt([&] {
    if (auto n = root.get("language")) doc.info.language = n->as_nonempty_string();
  });

  ContentReader reader(doc.base_dir, options.allow_outside);
  reader.set_ita(ita_data.get(), doc.ita.get());

  // The content is under the kind's own key; another kind's key is a mistake.
  for (const Kind& other : document_kinds()) {
    if (other.content_key == kind.content_key) continue;
    auto n = root.get_raw(other.content_key);
    if (!n) continue;
    std::string key(other.content_key);
    if (key == "blocks") {
      throw Error(n->key_where(), "blocks: not used in a " + doc.kind + " (the " + doc.kind + "'s text goes in " +
                                      std::string(kind.content_key) + ".body)", 2);
    }
    throw Error(n->key_where(), key + ": only used with 'kind: " + std::string(other.name) + "'", 2);
  }
  kind.read(root.required(kind.content_key), reader, doc);
  add_ita_names(doc, ita_data.get());
  // The author (an office and its organisation, in every kind, `kind: document` included).
  add_name_entries(doc.style.line_breaking.dictionary, doc.info.author, false);
  return doc;
}

}  // namespace

// Every error of the document (up to ErrorCollector::kMaxErrors), not only the first.
Document read_document(const std::string& path, const ReadOptions& options) {
  YamlDocument yaml = load_yaml_file(path);
  if (options.variables) substitute_placeholders(yaml, *options.variables);
  return ErrorCollector::run([&] { return read_parsed(yaml, path, options); });
}

Document read_document_string(const std::string& text, const std::string& path_for_messages,
                              const ReadOptions& options) {
  YamlDocument yaml = load_yaml_string(text, path_for_messages);
  if (options.variables) substitute_placeholders(yaml, *options.variables);
  return ErrorCollector::run([&] { return read_parsed(yaml, path_for_messages, options); });
}

Document read_document_yaml(const YamlDocument& yaml, const std::string& path_for_messages,
                            const ReadOptions& options) {
  return ErrorCollector::run([&] { return read_parsed(yaml, path_for_messages, options); });
}

}  // namespace thaidoc
