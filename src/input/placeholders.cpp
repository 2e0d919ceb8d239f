#include "input/placeholders.h"
#include "input/template_reader.h"

#include <deque>

#include <utility>

#include "input/yaml_reader.h"

namespace thaidoc {

namespace {

constexpr int kMaxDepth = 500;  // nesting guard (aliases can make deep or cyclic trees)

bool is_key_char(unsigned char c) {
  return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '{' && c != '}' && c != '|';
}

// Walks the placeholders of `text`: literal text goes to `literal`, each key to `key`
// (with the byte offset of its "{{"). Returns false on a malformed placeholder, setting
// error_offset and error.
template <class Literal, class Key>
bool scan(const std::string& text, Literal&& literal, Key&& key, size_t& error_offset, std::string& error) {
  size_t i = 0, start = 0;
  while (true) {
    size_t open = text.find("{{", i);
    if (open == std::string::npos) break;
    if (open > 0 && text[open - 1] == '\\') {  // \{{ is a literal {{
      literal(std::string_view(text).substr(start, open - 1 - start));
      literal("{{");
      i = start = open + 2;
      continue;
    }
    size_t p = open + 2;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    size_t key_begin = p;
    while (p < text.size() && is_key_char(static_cast<unsigned char>(text[p]))) ++p;
    size_t key_end = p;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (key_end == key_begin || text.compare(p, 2, "}}") != 0) {
      error_offset = open;
      size_t close = text.find("}}", open + 2);
      if (close == std::string::npos) {
        error = "unclosed placeholder '{{' (expected {{key}}; write \\{{ for a literal '{{')";
      } else {
        error = "malformed placeholder '" + text.substr(open, close + 2 - open) +
                "' (expected {{key}}: a key has no spaces, '{', '}' or '|'; write \\{{ for a literal '{{')";
      }
      return false;
    }
    literal(std::string_view(text).substr(start, open - start));
    if (!key(text.substr(key_begin, key_end - key_begin), open)) return false;
    i = start = p + 2;
  }
  literal(std::string_view(text).substr(start));
  return true;
}

size_t code_points_before(const std::string& s, size_t byte_offset) {
  size_t n = 0;
  for (size_t i = 0; i < byte_offset && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Calls visit(scalar node) for every scalar value under `node`.
template <class Visit>
void walk(const YamlNode& node, Visit&& visit, int depth) {
  if (depth > kMaxDepth) node.fail("nested too deeply");
  if (node.is_scalar()) {
    visit(node);
  } else if (node.is_map()) {
    for (const auto& [key, value] : node.entries()) walk(value, visit, depth + 1);
  } else if (node.is_list()) {
    for (const auto& item : node.items()) walk(item, visit, depth + 1);
  }
}

}  // namespace

bool substitute_placeholders_in(const std::string& text,
                                const std::function<const std::string*(const std::string&)>& lookup,
                                std::string& out, size_t& error_offset, std::string& error) {
  out.clear();
  return scan(
      text, [&](std::string_view s) { out.append(s); },
      [&](const std::string& key, size_t offset) {
        const std::string* value = lookup(key);
        if (!value) {
          error_offset = offset;
          error = "no value for placeholder {{" + key + "}} in this record";
          return false;
        }
        out += *value;
        return true;
      },
      error_offset, error);
}

std::vector<PlaceholderUse> find_placeholders(const std::string& yaml_text, const std::string& path) {
  YamlDocument doc = load_yaml_string(yaml_text, path);
  std::vector<PlaceholderUse> uses;
  walk(
      doc.root_node(),
      [&](const YamlNode& node) {
        const std::string& value = node.raw().Scalar();
        if (value.find("{{") == std::string::npos) return;
        size_t error_offset = 0;
        std::string error;
        bool ok = scan(
            value, [](std::string_view) {},
            [&](const std::string& key, size_t offset) {
              uses.push_back({key, node.path(), node.location_in_value(code_points_before(value, offset))});
              return true;
            },
            error_offset, error);
        if (!ok) throw node.error_at(node.location_in_value(code_points_before(value, error_offset)), error);
      },
      0);
  return uses;
}

namespace {

void substitute_with(YamlDocument& doc, const std::function<const std::string*(const std::string&)>& lookup,
                     const std::string& unknown_message);

}  // namespace

void substitute_placeholders(YamlDocument& doc, const std::map<std::string, std::string>& variables) {
  std::deque<std::string> deferred;
  substitute_with(
      doc,
      [&](const std::string& key) -> const std::string* {
        auto it = variables.find(key);
        if (it != variables.end()) return &it->second;
        if (is_computed_key(key)) return &deferred.emplace_back("{{" + key + "}}");
        return nullptr;
      },
      "in this record");
}

void substitute_computed_values(YamlDocument& doc, const std::map<std::string, std::string>& values) {
  std::deque<std::string> kept;
  substitute_with(
      doc,
      [&](const std::string& key) -> const std::string* {
        auto it = values.find(key);
        if (it != values.end()) return &it->second;
        if (!is_computed_key(key)) return &kept.emplace_back("{{" + key + "}}");
        return nullptr;
      },
      "computed from the ITA data (see templates/README.md for the names)");
}

namespace {

void substitute_with(YamlDocument& doc, const std::function<const std::string*(const std::string&)>& lookup,
                     const std::string& unknown_message) {
  // Compute every new value first, then assign: an alias shares its node with the
  // anchor, and must not see an already substituted value.
  std::vector<std::pair<YAML::Node, std::string>> changes;
  walk(
      doc.root_node(),
      [&](const YamlNode& node) {
        const std::string& value = node.raw().Scalar();
        if (value.find("{{") == std::string::npos) return;
        std::string out, error;
        size_t error_offset = 0;
        if (!substitute_placeholders_in(value, lookup, out, error_offset, error)) {
          const std::string suffix = " in this record";
          if (error.size() > suffix.size() && error.compare(error.size() - suffix.size(), suffix.size(), suffix) == 0)
            error = error.substr(0, error.size() - suffix.size() + 1) + unknown_message;
          throw node.error_at(node.location_in_value(code_points_before(value, error_offset)), error);
        }
        changes.emplace_back(node.raw(), std::move(out));
      },
      0);
  for (auto& [node, value] : changes) node = value;  // set_scalar: keeps the node's mark
}

}  // namespace


// ---------------------------------------------------------------- PlaceholderTemplate

struct PlaceholderTemplate::Impl {
  struct Slot {
    YAML::Node node;       // shares the scalar with the parsed tree
    std::string original;  // the template's text, with its placeholders
    YamlNode where;        // for error locations
  };
  std::string path;
  YamlDocument doc;
  std::vector<Slot> slots;  // every scalar with "{{" (computed ita.* values included)
};

PlaceholderTemplate::PlaceholderTemplate(const std::string& yaml_text, const std::string& path)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->doc = load_yaml_string(yaml_text, path);
  walk(
      impl_->doc.root_node(),
      [&](const YamlNode& node) {
        const std::string& value = node.raw().Scalar();
        if (value.find("{{") == std::string::npos) return;
        size_t error_offset = 0;
        std::string error;
        if (!scan(value, [](std::string_view) {}, [](const std::string&, size_t) { return true; }, error_offset,
                  error)) {
          throw node.error_at(node.location_in_value(code_points_before(value, error_offset)), error);
        }
        impl_->slots.push_back({node.raw(), value, node});
      },
      0);
}

PlaceholderTemplate::~PlaceholderTemplate() = default;

Document PlaceholderTemplate::read(const std::map<std::string, std::string>& variables, const ReadOptions& options) {
  std::deque<std::string> deferred;
  auto lookup = [&](const std::string& key) -> const std::string* {
    auto it = variables.find(key);
    if (it != variables.end()) return &it->second;
    if (is_computed_key(key)) return &deferred.emplace_back("{{" + key + "}}");
    return nullptr;
  };
  std::vector<std::string> values(impl_->slots.size());
  for (size_t i = 0; i < impl_->slots.size(); ++i) {
    const Impl::Slot& slot = impl_->slots[i];
    size_t error_offset = 0;
    std::string error;
    if (!substitute_placeholders_in(slot.original, lookup, values[i], error_offset, error)) {
      throw slot.where.error_at(slot.where.location_in_value(code_points_before(slot.original, error_offset)), error);
    }
  }
  // Put the template back however reading ends (reading may substitute in place too).
  struct Restore {
    std::vector<Impl::Slot>& slots;
    ~Restore() {
      for (auto& slot : slots) slot.node = slot.original;
    }
  } restore{impl_->slots};
  for (size_t i = 0; i < impl_->slots.size(); ++i) impl_->slots[i].node = values[i];
  Document doc = read_document_yaml(impl_->doc, impl_->path, options);
  // The record's names (organisation, district, people) are never broken across lines.
  for (const auto& [key, value] : variables)
    add_name_entries(doc.style.line_breaking.dictionary, value, key.find("name") != std::string::npos);
  return doc;
}

}  // namespace thaidoc
