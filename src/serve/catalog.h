// What the service offers, for the web page's choices: the kinds (GET /kinds), the
// templates (GET /templates) and the document JSON Schema with the files it refers to
// (GET /schema, GET /schema/NAME.schema.json). Read once at start.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace thaidoc::serve {

// [{"name": "memo", "title": "บันทึกข้อความ", "template": "memo", "description": "..."}, ...]:
// every kind of the registry, in its order; title is the Thai name from the kind's description.
std::string kinds_json();

// [{"name": "memo", "kind": "memo"}, ...]: the templates (NAME.yaml) in the template folders,
// the first of a name winning, sorted; kind is the kind whose default template it is ("" if none).
std::string templates_json(const std::vector<std::string>& template_dirs);

class SchemaFiles {
 public:
  // document.schema.json of the first template folder that has a schema/ folder holding it,
  // and every file of that folder it refers to ($ref "NAME.schema.json"), transitively.
  explicit SchemaFiles(const std::vector<std::string>& template_dirs);

  // The text of NAME ("document.schema.json" for GET /schema), if it is one of those files.
  std::optional<std::string> get(const std::string& name) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace thaidoc::serve
