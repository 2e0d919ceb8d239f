// Reading a document (memo or general document) from its YAML file into the model,
// with its template and style overrides applied. The format is described in
// templates/README.md. Every error is an Error located at file:line:col whose message
// starts with the key path, e.g. "memo.yaml:12:5: memo.signer.name: expected a string".
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace thaidoc {

class TemplateCache;

// Where `template: NAME` looks for NAME.yaml, in order: $THAIDOC_TEMPLATES (a
// ':'-separated list), ./templates, <dir of the executable>/templates, and the
// source tree's templates/.
std::vector<std::string> default_template_dirs();

struct ReadOptions {
  std::vector<std::string> template_dirs = default_template_dirs();
  // Checks a font file name given in a template or style (set by the caller, who knows
  // the font search path); if empty, fonts are not checked.
  std::function<bool(const std::string&)> font_exists;
  // false (thaidoc render and batch without --allow-outside; for documents from untrusted
  // sources): every file the document names must lie, symlinks followed, inside the
  // document's folder or below it, or for templates and fonts in one of template_dirs or
  // font_dirs: `template:` and `extends:` paths, font paths, images (only the document's
  // folder). true: anywhere.
  bool allow_outside = true;
  // The folders fonts are searched in (FontManager's); with allow_outside false, font files
  // may come from these as well as from the folder of the file that names them.
  std::vector<std::string> font_dirs;
  // Set (by `thaidoc batch`): every {{key}} in the document's scalar values is replaced by
  // variables->at(key) before the document is read (input/placeholders.h); a key that is
  // not in the map is an error at the placeholder. Unset: "{{" is ordinary text.
  std::optional<std::map<std::string, std::string>> variables;
  // Set: templates are read once and remembered (input/template_cache.h), for batches.
  std::shared_ptr<TemplateCache> template_cache;
};

// Reads a document file. Throws Error: exit code 1 if the file can't be read, 2 for
// invalid input (YAML syntax, invalid UTF-8, unknown keys, wrong types, missing fields,
// bad dates, missing images or fonts, ...).
Document read_document(const std::string& path, const ReadOptions& options);

// The same from text in memory; `path_for_messages` names the file in errors and its
// directory is the base for relative image and template paths.
Document read_document_string(const std::string& yaml, const std::string& path_for_messages,
                              const ReadOptions& options);

// The same from a document parsed already (input/placeholders.h reads one parsed template
// for many records). The caller keeps `yaml` alive; reading may change its scalars.
struct YamlDocument;
Document read_document_yaml(const YamlDocument& yaml, const std::string& path_for_messages,
                            const ReadOptions& options);

}  // namespace thaidoc
