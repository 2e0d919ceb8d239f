#include "serve/render_service.h"

#include <filesystem>

#include "base/error.h"
#include "base/input_file.h"
#include "cli/missing_glyphs.h"
#include "cli/render_command.h"
#include "input/template_cache.h"
#include "layout/document_layout.h"
#include "layout/verify.h"
#include "pdf/pdf_writer.h"

namespace thaidoc::serve {
namespace fs = std::filesystem;

RenderService::RenderService(bool strict) : strict_(strict) {
  read_.template_dirs = default_template_dirs();
  read_.allow_outside = false;
  read_.font_dirs = FontManager::default_search_dirs();
  read_.template_cache = std::make_shared<TemplateCache>();
  read_.font_exists = [this](const std::string& name) {
    std::error_code ec;
    return fs::is_regular_file(resources_.fonts.resolve(name), ec);
  };
}

std::string RenderService::document_path(const std::string& base_dir) {
  return (fs::path(base_dir) / "document.yaml").string();
}

Diagnostic RenderService::in_request_terms(Diagnostic d, const std::string& document_path, const std::string& base_dir) {
  if (d.where.file == document_path || d.where.file.empty()) {
    if (d.where.file.empty()) d.where = {};
    d.where.file.clear();
    return d;
  }
  std::string name = d.where.file;
  std::string prefix = base_dir + "/";
  if (name.rfind(prefix, 0) == 0) {
    name.erase(0, prefix.size());
  } else if (fs::path(name).is_absolute()) {
    name = fs::path(name).filename().string();  // a shipped template: its name, not where it lies
  }
  std::string place = name;
  if (d.where.line > 0) place += ":" + std::to_string(d.where.line);
  if (d.where.column > 0) place += ":" + std::to_string(d.where.column);
  d.message = place + ": " + d.message;
  d.where = {};
  return d;
}

namespace {
void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}
}  // namespace

std::string RenderService::scrub(std::string message, const std::string& base_dir) const {
  replace_all(message, " (--allow-outside lifts this)", "");
  replace_all(message, base_dir + "/", "");
  for (const std::string& dir : read_.template_dirs) replace_all(message, dir, "templates");
  for (const std::string& dir : read_.font_dirs) replace_all(message, dir, "fonts");
  return message;
}

Outcome RenderService::run(const std::string& body, const std::string& base_dir, bool make_pdf) {
  Outcome out;
  const std::string path = document_path(base_dir);
  auto add = [&](Diagnostic d) {
    d = in_request_terms(std::move(d), path, base_dir);
    d.message = scrub(std::move(d.message), base_dir);
    out.diagnostics.push_back(std::move(d));
  };
  try {
    if (body.size() > input_limits::kMaxFileBytes)
      throw Error({path}, file_too_large_message(input_limits::kMaxFileBytes), 2);
    Document doc = read_document_string(body, path, read_);
    for (const std::string& w : doc.warnings) add(parse_warning(w));
    LaidOutDocument laid_out = layout_any(doc, resources_);
    for (const std::string& w : missing_glyph_warnings(laid_out)) {
      Diagnostic d;
      d.severity = "warning";
      d.message = w;
      add(std::move(d));
    }
    for (const std::string& w : check_layout(laid_out, path, strict_)) add(parse_warning(w));
    out.warnings = static_cast<int>(out.diagnostics.size());
    if (make_pdf) out.pdf = write_pdf_to_memory(laid_out, pdf_options_for(doc, std::nullopt, laid_out));
    out.ok = true;
  } catch (const Error& e) {
    out.ok = false;
    out.pdf.clear();
    out.diagnostics.clear();  // the errors alone (as `thaidoc render` prints them)
    out.warnings = 0;
    for (Diagnostic& d : diagnostics_of(e)) add(std::move(d));
  }
  return out;
}

}  // namespace thaidoc::serve
