// The JSON of /validate (and of a /render refused with 422): the document's diagnostics,
// each as --diagnostic-format json has it, less the file (always the request's document).
#include "serve/json.h"

#include "cli/batch_output.h"

namespace thaidoc::serve {

std::string json_string(std::string_view s) { return batch::json_string(s); }

std::string error_json(std::string_view message) { return "{\"error\": " + json_string(message) + "}"; }

std::string diagnostic_json(const Diagnostic& d) {
  return "{\"severity\": " + json_string(d.severity) + ", \"line\": " + std::to_string(d.where.line) +
         ", \"column\": " + std::to_string(d.where.column) + ", \"path\": " + json_string(d.key_path) +
         ", \"message\": " + json_string(d.message) + "}";
}

std::string diagnostics_json(bool ok, const std::vector<Diagnostic>& diagnostics) {
  std::string s = std::string("{\"ok\": ") + (ok ? "true" : "false") + ", \"diagnostics\": [";
  for (size_t i = 0; i < diagnostics.size(); ++i) s += (i ? ", " : "") + diagnostic_json(diagnostics[i]);
  return s + "]}";
}

}  // namespace thaidoc::serve
