#include "cli/diagnostics.h"

#include <atomic>
#include <cstdio>
#include <regex>

#include "input/error_collector.h"

namespace thaidoc {

namespace {

std::atomic<DiagnosticFormat> g_format{DiagnosticFormat::Human};

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name) {
  if (name == "human") return DiagnosticFormat::Human;
  if (name == "short") return DiagnosticFormat::Short;
  if (name == "json") return DiagnosticFormat::Json;
  return std::nullopt;
}

void set_diagnostic_format(DiagnosticFormat format) { g_format = format; }
DiagnosticFormat diagnostic_format() { return g_format; }

std::vector<Diagnostic> diagnostics_of(const Error& error) {
  std::vector<Diagnostic> out;
  for (const Error& e : errors_of(error)) {
    Diagnostic d;
    d.where = e.where();
    d.key_path = e.key_path();
    d.message = e.bare_message();
    out.push_back(std::move(d));
  }
  return out;
}

Diagnostic parse_warning(std::string_view line) {
  static const std::regex kWithLine(R"re(^(.+?):(\d+)(?::(\d+))?: warning: ([\s\S]*)$)re");
  static const std::regex kFileOnly(R"re(^(?:thaidoc: warning: )?(.+?): warning: ([\s\S]*)$)re");
  static const std::regex kProgram(R"re(^thaidoc: warning: ([\s\S]*)$)re");
  Diagnostic d;
  d.severity = "warning";
  std::string s(line);
  if (s.rfind("thaidoc: ", 0) == 0 && s.rfind("thaidoc: warning: ", 0) != 0) s.erase(0, 9);
  std::smatch m;
  if (std::regex_match(s, m, kWithLine) && s.rfind("thaidoc: warning: ", 0) != 0) {
    d.where = SourceLocation{m[1], std::stoi(m[2]), m[3].matched ? std::stoi(m[3]) : 0};
    d.message = m[4];
  } else if (std::regex_match(s, m, kProgram)) {
    d.message = m[1];
  } else if (std::regex_match(s, m, kFileOnly)) {
    d.where.file = m[1];
    d.message = m[2];
  } else {
    d.message = s;
  }
  return d;
}

std::string format_diagnostic(const Diagnostic& d, DiagnosticFormat format) {
  if (format == DiagnosticFormat::Json) {
    std::string s = "{\"severity\": " + json_string(d.severity);
    if (!d.where.file.empty()) s += ", \"file\": " + json_string(d.where.file);
    if (d.where.line > 0) s += ", \"line\": " + std::to_string(d.where.line);
    if (d.where.column > 0) s += ", \"column\": " + std::to_string(d.where.column);
    if (!d.key_path.empty()) s += ", \"path\": " + json_string(d.key_path);
    s += ", \"message\": " + json_string(d.message);
    if (d.record > 0) s += ", \"record\": " + std::to_string(d.record);
    if (!d.data.file.empty()) s += ", \"data\": " + json_string(d.data.to_string());
    if (!d.templ.empty()) s += ", \"template\": " + json_string(d.templ);
    return s + "}\n";
  }
  std::string text = d.key_path.empty() ? d.message : d.key_path + ": " + d.message;
  if (d.record > 0) {
    text += " [record " + std::to_string(d.record);
    bool same = d.data.file == d.where.file && d.data.line == d.where.line;  // the error is at the data line
    if (!d.data.file.empty() && !same) text += ", " + d.data.to_string();
    if (!d.templ.empty()) text += ", " + d.templ;
    text += "]";
  }
  std::string s = d.where.line > 0 ? d.where.to_string() + ": " + d.severity + ": " + text
                                   : "thaidoc: " + d.severity + ": " +
                                         (d.where.file.empty() ? text : d.where.file + ": " + text);
  return escape_controls(s) + "\n";
}

std::string format_error(const Error& error, DiagnosticFormat format) {
  std::string out;
  std::vector<Diagnostic> all = diagnostics_of(error);
  for (const Diagnostic& d : all) out += format_diagnostic(d, format);
  if (format == DiagnosticFormat::Human && all.size() > 1) {
    const auto* list = dynamic_cast<const ErrorList*>(&error);
    out += "thaidoc: " + std::to_string(all.size()) + " errors";
    if (list && list->truncated()) out += " (stopped at " + std::to_string(ErrorCollector::kMaxErrors) + "; there may be more)";
    out += "\n";
  }
  return out;
}

std::string format_file_warning(const std::string& file, const std::string& message, DiagnosticFormat format) {
  Diagnostic d;
  d.severity = "warning";
  d.where.file = file;
  d.message = message;
  return format_diagnostic(d, format);
}

std::string format_warning(std::string_view line, DiagnosticFormat format) {
  if (format != DiagnosticFormat::Json) return std::string(line) + "\n";
  return format_diagnostic(parse_warning(line), format);
}

}  // namespace thaidoc
