// thaidoc command line.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "base/error.h"
#include "cli/batch_command.h"
#include "cli/diagnostics.h"
#include "cli/fonts_command.h"
#include "cli/render_command.h"
#include "cli/text_command.h"
#include "cli/watch_command.h"
#include "serve/serve_options.h"

namespace {

// Refuses nan, inf and anything that is not a plain finite number (CLI::Range lets nan
// through, since every comparison with it is false).
const CLI::Validator kFinite(
    [](std::string& value) -> std::string {
      char* end = nullptr;
      errno = 0;
      double v = std::strtod(value.c_str(), &end);
      if (value.empty() || end != value.c_str() + value.size() || errno == ERANGE || !std::isfinite(v)) {
        return "'" + value + "' is not a finite number";
      }
      return "";
    },
    "NUMBER");

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"thaidoc: typesets Thai official documents into searchable PDFs", "thaidoc"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "thaidoc " THAIDOC_VERSION);
  // Options of the program itself may also follow the command (thaidoc render ... --diagnostic-format json).
  app.fallthrough();
  std::string diagnostic_format = "human";
  app.add_option("--diagnostic-format", diagnostic_format,
                 "How errors and warnings are printed: human (FILE:LINE:COL: error: key.path: message, then a "
                 "count), short (those lines only) or json (one JSON object a line)")
      ->check(CLI::IsMember({"human", "short", "json"}))
      ->capture_default_str();
  app.footer(
      "Input '-' is standard input (relative paths in it are taken from the current folder); '-o -' is "
      "standard output.\nExit status: 0 done; 1 a file could not be read or written; 2 invalid input or "
      "command line (usage errors too), a record of a batch failed; 3 internal error; 130 interrupted.");

  thaidoc::TextCommandOptions text;
  std::string digits = "keep";
  CLI::App* text_cmd = app.add_subcommand("text", "Typeset a plain UTF-8 text file (paragraphs separated by blank lines)");
  text_cmd->add_option("input", text.input, "Input text file ('-': standard input)")->required();
  text_cmd->add_option("-o,--output", text.output, "Output PDF ('-': standard output)")->required();
  text_cmd->add_option("--size", text.size, "Font size in points")->check(kFinite & CLI::Range(4.0, 72.0))->capture_default_str();
  text_cmd->add_option("--line-height", text.line_height, "Line height factor")->check(kFinite & CLI::Range(0.5, 4.0))->capture_default_str();
  text_cmd->add_option("--digits", digits, "Digits in the output: thai, arabic or keep")
      ->check(CLI::IsMember({"thai", "arabic", "keep"}))
      ->capture_default_str();
  text_cmd->add_option("--font", text.font, "Main font file (name in fonts/ or a path)")->capture_default_str();
  text_cmd->add_flag("!--no-page-numbers", text.page_numbers, "Leave out page numbers");
  text_cmd->add_option("--trace", text.trace, "Also write a text trace of the laid-out pages (for golden tests)");
  text_cmd->add_flag("--strict", text.strict,
                     "Treat layout violations (content off the page, text not placed) as errors");

  thaidoc::RenderOptions render;
  CLI::App* render_cmd = app.add_subcommand("render", "Typeset a YAML document (memo, ...) into a PDF");
  render_cmd->add_option("input", render.input, "Input YAML document ('-': standard input)")->required();
  render_cmd->add_option("-o,--output", render.output, "Output PDF ('-': standard output)")->required();
  render_cmd->add_flag("--allow-outside", render.allow_outside,
                       "Allow templates, fonts and images outside the document's folder and the template and font "
                       "folders (trusted documents only)");
  render_cmd->add_flag("--allow-outside-images", render.allow_outside)->group("");  // the old name
  render_cmd->add_option("--trace", render.trace, "Also write a text trace of the laid-out pages (for golden tests)");
  render_cmd->add_flag("--strict", render.strict,
                       "Treat layout violations (content off the page or outside its box, text not placed) as errors");

  thaidoc::BatchOptions batch;
  CLI::App* batch_cmd = app.add_subcommand(
      "batch", "Typeset one PDF per data record (CSV or YAML) from templates with {{placeholders}}");
  batch_cmd->add_option("templates", batch.templates, "Template documents (YAML with {{key}} placeholders)")
      ->required();
  batch_cmd->add_option("--data", batch.data, "Records: a CSV file with a header row, or a YAML list of mappings")
      ->required();
  batch_cmd
      ->add_option("-o,--output", batch.outputs,
                   "Output pattern, e.g. 'out/{province}/{org}-memo.pdf'; with several templates use {template} "
                   "or give one per template as TEMPLATE.yaml=PATTERN")
      ->required()
      ->expected(1)  // one pattern per -o, so templates may follow it
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  batch_cmd->add_option("-j,--jobs", batch.jobs, "Worker threads (default: the number of cores)")
      ->check(CLI::Range(1, 1024));
  batch_cmd->add_flag("--resume", batch.resume,
                      "Skip outputs that are complete PDFs newer than the templates and the data");
  batch_cmd->add_option("--shard", batch.shard, "Only records with (number - 1) % N == K - 1, given as K/N");
  batch_cmd->add_option("--report", batch.report, "Write a JSON report of every output and error");
  batch_cmd->add_flag("-q,--quiet", batch.quiet, "No progress output (errors and the summary only)");
  batch_cmd->add_flag("--allow-outside", batch.allow_outside,
                      "Allow templates, fonts and images outside the template's folder and the template and font "
                      "folders (trusted templates only)");
  batch_cmd->add_flag("--allow-outside-images", batch.allow_outside)->group("");  // the old name

  batch_cmd->add_flag("--strict", batch.strict,
                      "Treat layout violations as errors: the record fails and no PDF is written for it");

  thaidoc::WatchOptions watch;
  CLI::App* watch_cmd = app.add_subcommand(
      "watch", "Render a YAML document, then again whenever it, its template, images or fonts change");
  watch_cmd->add_option("input", watch.render.input, "Input YAML document")->required();
  watch_cmd->add_option("-o,--output", watch.render.output, "Output PDF (the last good version stays on errors)")
      ->required();
  watch_cmd->add_flag("--allow-outside", watch.render.allow_outside,
                      "Allow templates, fonts and images outside the document's folder (trusted documents only)");
  watch_cmd->add_flag("--strict", watch.render.strict, "Treat layout violations as errors");

  thaidoc::FontsOptions fonts;
  CLI::App* fonts_cmd = app.add_subcommand("fonts", "List the fonts documents can use (files and installed families)");
  fonts_cmd->add_flag("--thai", fonts.thai_only, "Only fonts that cover Thai");

  thaidoc::ServeOptions serve;
  int serve_max_body_mb = 10;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "Serve documents over HTTP: POST /render (PDF), POST /validate, GET /kinds, /templates, /schema, "
               "/healthz, and the web page at /");
  serve_cmd->add_option("--host", serve.host, "Address to listen on (0.0.0.0: every interface)")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port (0: any free port, printed on standard error)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve_cmd->add_option("--root", serve.root,
                        "Folder the documents' images and part files are read from, and nothing outside it "
                        "(default: none, only images sent with the request)")
      ->check(CLI::ExistingDirectory);
  serve_cmd->add_option("--web", serve.web, "Folder of the web page (default: the installed one)")
      ->check(CLI::ExistingDirectory);
  serve_cmd->add_option("--workers", serve.workers, "Documents rendered at once (default: the number of cores)")
      ->check(CLI::Range(1, 1024));
  serve_cmd->add_option("--max-body-mb", serve_max_body_mb, "Largest request body (the document and its images), in MB")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  serve_cmd->add_option("--time-limit", serve.time_limit_seconds,
                        "Seconds a request may wait and render before it is answered 503")
      ->check(kFinite & CLI::Range(0.001, 3600.0))
      ->capture_default_str();
  serve_cmd->add_flag("--strict", serve.strict, "Treat layout violations as errors (422)");

  // PDF/A (Typst's names); for render and batch, unset means the template's `pdf_standard`.
  const char* standard_help = "PDF standard: none, a-2b, a-2u or a-3u (PDF/A-2b, PDF/A-2u, PDF/A-3u)";
  const auto standards = CLI::IsMember({"none", "a-2b", "a-2u", "a-3u"});
  std::string text_standard = "none", render_standard, batch_standard, watch_standard;
  text_cmd->add_option("--pdf-standard", text_standard, standard_help)->check(standards)->capture_default_str();
  render_cmd->add_option("--pdf-standard", render_standard, std::string(standard_help) + " (default: the template's)")
      ->check(standards);
  batch_cmd->add_option("--pdf-standard", batch_standard, std::string(standard_help) + " (default: the template's)")
      ->check(standards);
  watch_cmd->add_option("--pdf-standard", watch_standard, std::string(standard_help) + " (default: the template's)")
      ->check(standards);

  // Which warnings are printed (issue 12).
  const char* warnings_help = "Warnings printed: none, layout (the layout's only) or all";
  std::string text_warnings = "all", render_warnings = "all", batch_warnings = "all";
  for (auto [cmd, value] : {std::pair{text_cmd, &text_warnings}, std::pair{render_cmd, &render_warnings},
                            std::pair{batch_cmd, &batch_warnings}})
    cmd->add_option("--warnings", *value, warnings_help)
        ->check(CLI::IsMember({"none", "layout", "all"}))
        ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A bad command line is bad input: exit code 2, in thaidoc's own words.
    std::cerr << "thaidoc: error: " << thaidoc::escape_controls(e.what()) << "\n"
              << "Run 'thaidoc --help' (or 'thaidoc COMMAND --help') for more information.\n";
    return 2;
  }
  thaidoc::set_diagnostic_format(*thaidoc::parse_diagnostic_format(diagnostic_format));
  // THAIDOC_STRICT=1 makes every command --strict (the test suite sets it).
  if (const char* s = std::getenv("THAIDOC_STRICT"); s && std::string(s) == "1") {
    text.strict = true;
    render.strict = true;
    batch.strict = true;
    watch.render.strict = true;
    serve.strict = true;
  }
  text.warnings = thaidoc::parse_warning_level(text_warnings);
  render.warnings = thaidoc::parse_warning_level(render_warnings);
  batch.warnings = thaidoc::parse_warning_level(batch_warnings);
  text.pdf_standard = *thaidoc::parse_pdf_standard(text_standard);
  if (!render_standard.empty()) render.pdf_standard = thaidoc::parse_pdf_standard(render_standard);
  if (!batch_standard.empty()) batch.pdf_standard = thaidoc::parse_pdf_standard(batch_standard);
  if (!watch_standard.empty()) watch.render.pdf_standard = thaidoc::parse_pdf_standard(watch_standard);

  try {
    if (text_cmd->parsed()) {
      text.digits = thaidoc::parse_digit_style(digits);
      thaidoc::Resources resources;
      thaidoc::run_text_command(text, resources);
    } else if (batch_cmd->parsed()) {
      thaidoc::Resources resources;
      return thaidoc::run_batch_command(batch, resources);
    } else if (watch_cmd->parsed()) {
      return thaidoc::run_watch_command(watch);
    } else if (fonts_cmd->parsed()) {
      return thaidoc::run_fonts_command(fonts, std::cout);
    } else if (serve_cmd->parsed()) {
      serve.max_body_bytes = static_cast<size_t>(serve_max_body_mb) << 20;
      return thaidoc::run_serve_command(serve);
    } else if (render_cmd->parsed()) {
      thaidoc::Resources resources;
      thaidoc::run_render_command(render, resources);
    }
  } catch (const thaidoc::Error& e) {
    std::cerr << thaidoc::format_error(e, thaidoc::diagnostic_format());
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "thaidoc: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
