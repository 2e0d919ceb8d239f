// The few JSON texts the service writes (no JSON is read: documents in JSON go to the
// YAML reader, which reads JSON too).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "cli/diagnostics.h"

namespace thaidoc::serve {

// A JSON string literal, quotes included (UTF-8 kept as it is).
std::string json_string(std::string_view s);

// {"error": "message"}
std::string error_json(std::string_view message);

// One diagnostic of /validate and a refused /render:
// {"severity": "error", "line": 5, "column": 9, "path": "memo.date", "message": "..."}
// (line and column 1-based in the request's document, 0 when it has none; path "" when none).
std::string diagnostic_json(const Diagnostic& d);

// {"ok": true|false, "diagnostics": [...]}
std::string diagnostics_json(bool ok, const std::vector<Diagnostic>& diagnostics);

}  // namespace thaidoc::serve
