// thaidoc command line.
#include <CLI/CLI.hpp>
#include <iostream>

#include "base/error.h"
#include "cli/render_command.h"
#include "cli/text_command.h"

int main(int argc, char** argv) {
  CLI::App app{"thaidoc: typesets Thai official documents into searchable PDFs"};
  app.require_subcommand(1);

  thaidoc::TextCommandOptions text;
  std::string digits = "keep";
  CLI::App* text_cmd = app.add_subcommand("text", "Typeset a plain UTF-8 text file (paragraphs separated by blank lines)");
  text_cmd->add_option("input", text.input, "Input text file")->required();
  text_cmd->add_option("-o,--output", text.output, "Output PDF")->required();
  text_cmd->add_option("--size", text.size, "Font size in points")->check(CLI::Range(4.0, 72.0))->capture_default_str();
  text_cmd->add_option("--line-height", text.line_height, "Line height factor")->check(CLI::Range(0.5, 4.0))->capture_default_str();
  text_cmd->add_option("--digits", digits, "Digits in the output: thai, arabic or keep")
      ->check(CLI::IsMember({"thai", "arabic", "keep"}))
      ->capture_default_str();
  text_cmd->add_option("--font", text.font, "Main font file (name in fonts/ or a path)")->capture_default_str();
  text_cmd->add_flag("!--no-page-numbers", text.page_numbers, "Leave out page numbers");

  thaidoc::RenderOptions render;
  CLI::App* render_cmd = app.add_subcommand("render", "Typeset a YAML document (memo, ...) into a PDF");
  render_cmd->add_option("input", render.input, "Input YAML document")->required();
  render_cmd->add_option("-o,--output", render.output, "Output PDF")->required();

  CLI11_PARSE(app, argc, argv);

  try {
    if (text_cmd->parsed()) {
      text.digits = thaidoc::parse_digit_style(digits);
      thaidoc::Resources resources;
      thaidoc::run_text_command(text, resources);
    } else if (render_cmd->parsed()) {
      thaidoc::Resources resources;
      thaidoc::run_render_command(render, resources);
    }
  } catch (const thaidoc::Error& e) {
    std::cerr << "thaidoc: error: " << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "thaidoc: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
