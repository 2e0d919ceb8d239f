#include "input/parts_reader.h"

#include <filesystem>

#include "input/yaml_reader.h"
#include "layout/kinds/registry.h"

namespace thaidoc {
namespace fs = std::filesystem;

const std::vector<std::string>& parts_top_level_keys() {
  static const std::vector<std::string> keys = {"kind", "title", "author", "subject", "keywords", "language", "parts"};
  return keys;
}

namespace {

// Keys of a single document that have no meaning for the whole: each part has its own
// (its template and style, and every kind's content key: memo, blocks, letter ...).
std::vector<std::string> per_part_keys() {
  std::vector<std::string> keys = {"template", "digits", "style", "ita", "dictionary", "dictionary_file"};
  for (const Kind& k : document_kinds()) keys.emplace_back(k.content_key);
  return keys;
}

std::string folder_of(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::path absolute = fs::absolute(parent, ec);
  return (ec ? parent : absolute).lexically_normal().string();
}

// The file a `file:` entry names, resolved against the document's folder and checked;
// returned as the document's own path names it (data/memo/x.yaml, not /home/.../x.yaml),
// so messages and traces do not depend on where the files lie.
std::string part_file(const YamlNode& node, const std::string& doc_path, const std::string& base_dir,
                      bool allow_outside) {
  std::string name = node.as_nonempty_string();
  fs::path p(name);
  fs::path resolved = (p.is_absolute() ? p : fs::path(base_dir) / p).lexically_normal();
  if (!allow_outside && !path_inside(resolved.string(), {base_dir})) {
    node.fail("part file '" + name + "' is outside the document's folder (--allow-outside lifts this)");
  }
  std::error_code ec;
  if (!fs::exists(resolved, ec)) node.fail("part file '" + name + "' not found");
  if (!fs::is_regular_file(resolved, ec)) node.fail("part file '" + name + "' is not a file");
  if (p.is_absolute()) return resolved.string();
  return (fs::path(doc_path).parent_path() / p).lexically_normal().string();
}

PageNumbering read_numbering(const YamlNode& node) {
  return node.as_enum<PageNumbering>({{"restart", PageNumbering::Restart}, {"continue", PageNumbering::Continue}});
}

}  // namespace

Document read_parts(const YamlNode& root, const std::string& path, const ReadOptions& options,
                    const std::function<Document(const YamlNode&)>& read_inline) {
  for (const std::string& key : per_part_keys()) {
    if (auto n = root.get_raw(key)) {
      throw Error(n->key_where(), key + ": not used in a multi-part document (each part sets its own)", 2);
    }
  }
  root.check_keys(parts_top_level_keys());
  if (auto kind = root.get("kind"); kind && kind->as_string() != "parts") {
    kind->fail("a document with 'parts:' has no kind of its own (each part has one): leave 'kind' out or write "
               "'kind: parts'");
  }
  Document doc;
  doc.kind = DocumentKind::Parts;
  doc.source = path;
  doc.base_dir = folder_of(path);
  doc.info.language = "th";
  if (auto n = root.get("title")) doc.info.title = n->as_string();
  if (auto n = root.get("author")) doc.info.author = n->as_string();
  if (auto n = root.get("subject")) doc.info.subject = n->as_string();
  if (auto n = root.get("keywords")) doc.info.keywords = join_alternatives(n->as_string_list(), ", ");
  if (auto n = root.get("language")) doc.info.language = n->as_nonempty_string();

  YamlNode list = root.required("parts");
  std::vector<YamlNode> items = list.items();
  if (items.empty()) list.fail("expected at least one part (a document file or an inline document)");
  for (const YamlNode& item : items) {
    if (!item.is_map()) {
      item.fail("expected a part: 'file: NAME.yaml' or an inline document (kind: ...)");
    }
    DocumentPart part;
    part.where = item.where();
    if (auto n = item.get("page_numbers")) part.numbering = read_numbering(*n);
    if (auto file = item.get_raw("file")) {
      item.check_keys({"file", "page_numbers"});
      part.document = read_document(part_file(*file, path, doc.base_dir, options.allow_outside), options);
      if (part.document.kind == DocumentKind::Parts) {
        file->fail("part file '" + file->as_string() + "' is itself a multi-part document (parts are not nested)");
      }
    } else {
      if (auto nested = item.get_raw("parts")) {
        throw Error(nested->key_where(), nested->path() + ": a part cannot have parts of its own (parts are not nested)",
                    2);
      }
      part.document = read_inline(item);
    }
    doc.parts.push_back(std::move(part));
  }
  if (doc.info.title.empty()) doc.info.title = doc.parts.front().document.info.title;
  return doc;
}

}  // namespace thaidoc
