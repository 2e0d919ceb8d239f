// The access log: one JSON object a line on standard error for every request answered,
// {"time": "2026-11-30T12:00:00.123Z", "method": "POST", "path": "/render", "status": 200,
//  "bytes": 48213, "ms": 15.2} (bytes: the response body; ms: from the end of the request
// headers to the response written; the path without its query string).
#pragma once
#include <chrono>
#include <string>
#include <string_view>

namespace thaidoc::serve {

std::string access_log_line(std::chrono::system_clock::time_point when, std::string_view method,
                            std::string_view path, int status, size_t bytes, double ms);

// Writes the line to standard error in one write (lines of parallel requests never mix).
void write_access_log(const std::string& line);

}  // namespace thaidoc::serve
