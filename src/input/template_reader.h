// Templates: templates/NAME.yaml files holding the settings of model/template.h,
// grouped as page, fonts, digits, page_numbers, body, headings, lists, memo and
// dotted_line. A template is partial: what it leaves out keeps the value of the template
// it `extends:`, or the C++ default. A document's `style:` mapping uses the same keys.
#pragma once
#include <string>
#include <vector>

#include "input/content_reader.h"
#include "input/document_reader.h"
#include "model/template.h"

namespace thaidoc {

class YamlNode;

// Resolves a template reference: a name (NAME.yaml in the first of `dirs` that has it)
// or, if it contains a '/' or ends in .yaml/.yml, a path relative to `relative_to`.
// Returns "" if there is no such file.
std::string find_template(const std::string& name_or_path, const std::string& relative_to,
                          const std::vector<std::string>& dirs);

// Reads a template file, following `extends:`, on top of the C++ defaults. The result's
// name is the file's stem. Throws Error (exit code 2 for bad content, 1 if unreadable).
Template read_template_file(const std::string& path, const ReadOptions& options);

// Reads a template by name or path (see find_template; paths relative to the working
// directory); "template 'x' not found" (exit code 2) if there is none.
Template read_template(const std::string& name_or_path, const ReadOptions& options);

// Applies a settings mapping (a template file's body or a document's `style:`) to `t`.
// Only the keys present change anything. Font names are checked with
// options.font_exists if it is set. A file's root mapping (empty key path) may also
// hold `extends` and `description`, which are accepted here and handled by the caller.
void apply_template_settings(const YamlNode& settings, Template& t, const ReadOptions& options);

// A `dictionary:` list (or one string), and a `dictionary_file:` (one entry a line, '#'
// comments, relative to the YAML file naming it): appended to `words`. The file must be a
// regular file of at most 50 MB and (unless options.allow_outside) lie in the folder of
// the YAML file naming it or in one of options.template_dirs.
void read_dictionary(const YamlNode& node, std::vector<std::string>& words);
void read_dictionary_file(const YamlNode& node, std::vector<std::string>& words, const ReadOptions& options);

// The keys apply_template_settings accepts at the top level.
const std::vector<std::string>& template_setting_keys();

}  // namespace thaidoc
