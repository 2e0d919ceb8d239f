#include "input/template_reader.h"
#include "input/error_collector.h"
#include "input/table_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "base/input_file.h"
#include "base/input_log.h"
#include "base/utf8.h"
#include "font/font_lookup.h"
#include "input/fields.h"
#include "input/yaml_reader.h"
#include "layout/kinds/registry.h"

namespace thaidoc {
namespace fs = std::filesystem;

namespace {

// Font sizes and other limits, in points.
constexpr double kMinFontSize = 1, kMaxFontSize = 500;
constexpr double kMaxLength = 10000;

double font_size(const YamlNode& node) { return node.as_length(kMinFontSize, kMaxFontSize); }
double length(const YamlNode& node) { return node.as_length(0, kMaxLength); }

struct PaperSize {
  const char* name;
  double width, height;  // points (A4 as in PageStyle's defaults)
};
const PaperSize kPapers[] = {{"A3", 841.89, 1190.551}, {"A4", 595.276, 841.89}, {"A5", 419.528, 595.276},
                             {"B5", 498.898, 708.661}, {"Letter", 612, 792},   {"Legal", 612, 1008}};

void read_page_size(const YamlNode& node, PageStyle& page) {
  if (node.is_list()) {
    auto items = node.items();
    if (items.size() != 2) node.fail("expected [width, height]");
    page.width = items[0].as_length(1, kMaxLength);
    page.height = items[1].as_length(1, kMaxLength);
    return;
  }
  std::string text = node.as_string();
  std::string name = text, orientation;
  if (auto space = text.find(' '); space != std::string::npos) {
    name = text.substr(0, space);
    size_t rest = text.find_first_not_of(' ', space);  // "A4 " (a trailing space): no orientation
    orientation = rest == std::string::npos ? std::string() : text.substr(rest);
  }
  std::vector<std::string> names;
  for (const auto& paper : kPapers) {
    names.emplace_back(paper.name);
    if (name.size() == std::string_view(paper.name).size() &&
        std::equal(name.begin(), name.end(), paper.name, [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      double w = paper.width, h = paper.height;
      if (orientation == "landscape") std::swap(w, h);
      else if (!orientation.empty() && orientation != "portrait") {
        node.fail("unknown orientation '" + orientation + "' (expected portrait or landscape)");
      }
      page.width = w;
      page.height = h;
      return;
    }
  }
  node.fail("unknown page size '" + text + "' (expected " + join_alternatives(names) +
            ", optionally followed by 'landscape', or [width, height])");
}

void read_page(const YamlNode& node, PageStyle& page) {
  apply_fields(node, {
      {"size", [&](const YamlNode& n) { read_page_size(n, page); }},
      {"width", [&](const YamlNode& n) { page.width = n.as_length(1, kMaxLength); }},
      {"height", [&](const YamlNode& n) { page.height = n.as_length(1, kMaxLength); }},
      {"margin_top", [&](const YamlNode& n) { page.margin_top = length(n); }},
      {"margin_bottom", [&](const YamlNode& n) { page.margin_bottom = length(n); }},
      {"margin_left", [&](const YamlNode& n) { page.margin_left = length(n); }},
      {"margin_right", [&](const YamlNode& n) { page.margin_right = length(n); }},
      {"first_page_margin_top",
       [&](const YamlNode& n) {
         // "same" (or -1): the same as margin_top.
         page.first_page_margin_top =
             n.is_scalar() && (n.as_string() == "same" || n.as_string() == "-1") ? -1 : length(n);
       }},
  });
  // A few lines of text must fit between the margins.
  constexpr double kMinText = 72;
  if (page.width - page.margin_left - page.margin_right < kMinText) {
    node.fail("the left and right margins leave less than 1 inch for the text");
  }
  double top = std::max(page.top_on_page(0), page.top_on_page(1));
  if (page.height - top - page.margin_bottom < kMinText) {
    node.fail("the top and bottom margins leave less than 1 inch for the text");
  }
}

// The folder of the file a value is in, absolute.
std::string folder_of(const YamlNode& node) {
  fs::path parent = fs::path(node.source().path()).parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::path absolute = fs::absolute(parent, ec);
  return (ec ? parent : absolute).lexically_normal().string();
}

// A font named in a template or a document's style: a path is relative to the folder of
// the file naming it, and (unless options.allow_outside) must lie in that folder or one of
// options.font_dirs; a file name is looked for in that folder, then in the font folders.
// A name without a font file extension that is no file there (`TH Sarabun New`) is an
// installed family, found through fontconfig in the style of the slot (bold, italic).
std::string resolve_font(const YamlNode& n, const ReadOptions& options, bool bold = false, bool italic = false) {
  std::string name = n.as_nonempty_string();
  std::string dir = folder_of(n);
  fs::path p(name);
  std::error_code ec;
  std::string resolved = name;
  if (p.is_absolute() || p.has_parent_path()) {
    resolved = (p.is_absolute() ? p : fs::path(dir) / p).lexically_normal().string();
    if (!options.allow_outside) {
      std::vector<std::string> allowed = options.font_dirs;
      allowed.push_back(dir);
      if (!path_inside(resolved, allowed)) {
        n.fail("font file '" + name + "' is outside the document's folder and the font folders (--allow-outside lifts this)");
      }
    }
  } else if (fs::is_regular_file(fs::path(dir) / p, ec)) {
    resolved = (fs::path(dir) / p).string();
  } else if (looks_like_family_name(name) && !(options.font_exists && options.font_exists(name))) {
    std::string found = find_font_family(name, bold, italic);
    if (found.empty()) {
      n.fail("no installed font family '" + name +
             "' (`thaidoc fonts` lists the installed fonts; a font file's name ends in .ttf or .otf)");
    }
    return found;
  }
  if (options.font_exists && !options.font_exists(resolved)) n.fail("font file '" + name + "' not found");
  return resolved;
}

void read_fonts(const YamlNode& node, FontFiles& fonts, const ReadOptions& options) {
  auto font = [&](std::string& out, bool bold, bool italic) {
    return [&out, &options, bold, italic](const YamlNode& n) { out = resolve_font(n, options, bold, italic); };
  };
  // `family` first: the four styles of an installed family, then any style named on its own.
  auto family = [&](const YamlNode& n) {
    std::string name = n.as_nonempty_string();
    if (!looks_like_family_name(name)) n.fail("expected a font family name such as 'TH Sarabun New' (a file goes in regular, bold, ...)");
    std::string* slots[] = {&fonts.regular, &fonts.bold, &fonts.italic, &fonts.bold_italic};
    for (int i = 0; i < 4; ++i) {
      std::string found = find_font_family(name, i & 1, i & 2);
      if (found.empty()) {
        n.fail("no installed font family '" + name + "' (`thaidoc fonts` lists the installed fonts)");
      }
      *slots[i] = found;
    }
  };
  apply_fields(node, {{"family", family},
                      {"regular", font(fonts.regular, false, false)},
                      {"bold", font(fonts.bold, true, false)},
                      {"italic", font(fonts.italic, false, true)},
                      {"bold_italic", font(fonts.bold_italic, true, true)},
                      {"fallback", font(fonts.fallback, false, false)}});
}

void read_page_numbers(const YamlNode& node, PageNumberStyle& pn) {
  apply_fields(node, {
      {"enabled", [&](const YamlNode& n) { pn.enabled = n.as_bool(); }},
      {"format",
       [&](const YamlNode& n) {
         std::string f = n.as_nonempty_string();
         if (f.find("{n}") == std::string::npos) n.fail("must contain {n} (the page number)");
         pn.format = f;
       }},
      {"first_numbered_page", [&](const YamlNode& n) { pn.first_numbered_page = n.as_int(1, 100000); }},
      {"baseline_from_top", [&](const YamlNode& n) { pn.baseline_from_top = length(n); }},
      {"size", [&](const YamlNode& n) { pn.size = font_size(n); }},
  });
}

void read_body(const YamlNode& node, BodyStyle& body) {
  apply_fields(node, {
      {"size", [&](const YamlNode& n) { body.size = font_size(n); }},
      {"line_height", [&](const YamlNode& n) { body.line_height = n.as_number(0.5, 5); }},
      {"first_indent", [&](const YamlNode& n) { body.first_indent = n.as_length(-kMaxLength, kMaxLength); }},
      {"space_before", [&](const YamlNode& n) { body.space_before = length(n); }},
      {"space_after", [&](const YamlNode& n) { body.space_after = length(n); }},
      {"align", [&](const YamlNode& n) { body.align = read_align(n); }},
      {"orphans", [&](const YamlNode& n) { body.orphans = n.as_int(1, 20); }},
      {"widows", [&](const YamlNode& n) { body.widows = n.as_int(1, 20); }},
  });
}

void read_heading(const YamlNode& node, HeadingStyle& h) {
  apply_fields(node, {
      {"size", [&](const YamlNode& n) { h.size = font_size(n); }},
      {"bold", [&](const YamlNode& n) { h.bold = n.as_bool(); }},
      {"align", [&](const YamlNode& n) { h.align = read_align(n); }},
      {"space_before", [&](const YamlNode& n) { h.space_before = length(n); }},
      {"space_after", [&](const YamlNode& n) { h.space_after = length(n); }},
      {"first_indent", [&](const YamlNode& n) { h.first_indent = n.as_length(-kMaxLength, kMaxLength); }},
  });
}

void read_lists(const YamlNode& node, ListStyle& l) {
  apply_fields(node, {
      {"indent", [&](const YamlNode& n) { l.indent = length(n); }},
      {"marker_gap", [&](const YamlNode& n) { l.marker_gap = length(n); }},
      {"level_indent", [&](const YamlNode& n) { l.level_indent = length(n); }},
      {"item_space", [&](const YamlNode& n) { l.item_space = length(n); }},
      {"hanging", [&](const YamlNode& n) { l.hanging = n.as_bool(); }},
  });
}

void read_tables(const YamlNode& node, TableStyle& t) {
  apply_fields(node, {
      {"font_size", [&](const YamlNode& n) { t.font_size = font_size(n); }},
      {"line_height", [&](const YamlNode& n) { t.line_height = n.as_number(0.5, 5); }},
      {"padding_x", [&](const YamlNode& n) { t.padding_x = length(n); }},
      {"padding_y", [&](const YamlNode& n) { t.padding_y = length(n); }},
      {"border_width", [&](const YamlNode& n) { t.border_width = n.as_length(0, 20); }},
      {"borders", [&](const YamlNode& n) { t.borders = read_borders(n); }},
      {"header_bold", [&](const YamlNode& n) { t.header_bold = n.as_bool(); }},
      {"header_align", [&](const YamlNode& n) { t.header_align = read_align(n); }},
      {"header_valign", [&](const YamlNode& n) { t.header_valign = read_valign(n); }},
      {"body_align", [&](const YamlNode& n) { t.body_align = read_align(n); }},
      {"body_valign", [&](const YamlNode& n) { t.body_valign = read_valign(n); }},
      {"header_fill", [&](const YamlNode& n) { t.header_fill = n.as_bool(); }},
      {"header_fill_color", [&](const YamlNode& n) { t.header_fill_color = read_color(n); }},
      {"group_bold", [&](const YamlNode& n) { t.group_bold = n.as_bool(); }},
      {"group_fill", [&](const YamlNode& n) { t.group_fill = n.as_bool(); }},
      {"group_fill_color", [&](const YamlNode& n) { t.group_fill_color = read_color(n); }},
      {"min_lines_before_split", [&](const YamlNode& n) { t.min_lines_before_split = n.as_int(1, 50); }},
      {"min_lines_after_split", [&](const YamlNode& n) { t.min_lines_after_split = n.as_int(1, 50); }},
      {"continued", [&](const YamlNode& n) { t.continued = n.as_string(); }},
      {"repeat_group", [&](const YamlNode& n) { t.repeat_group = n.as_bool(); }},
      {"span_continued", [&](const YamlNode& n) { t.span_continued = n.as_string(); }},
      {"keep_rows", [&](const YamlNode& n) { t.keep_rows = n.as_int(0, 1000); }},
      {"keep_notes", [&](const YamlNode& n) { t.keep_notes = n.as_bool(); }},
      {"caption_size", [&](const YamlNode& n) { t.caption_size = font_size(n); }},
      {"caption_bold", [&](const YamlNode& n) { t.caption_bold = n.as_bool(); }},
      {"space_before", [&](const YamlNode& n) { t.space_before = length(n); }},
      {"space_after", [&](const YamlNode& n) { t.space_after = length(n); }},
  });
}

void read_role(const YamlNode& node, RoleStyle& r) {
  apply_fields(node, {
      {"size", [&](const YamlNode& n) { r.size = font_size(n); }},
      {"bold", [&](const YamlNode& n) { r.bold = n.as_bool(); }},
      {"align", [&](const YamlNode& n) { r.align = read_align(n); }},
      {"first_indent", [&](const YamlNode& n) { r.first_indent = n.as_length(-kMaxLength, kMaxLength); }},
      {"space_before", [&](const YamlNode& n) { r.space_before = length(n); }},
      {"space_after", [&](const YamlNode& n) { r.space_after = length(n); }},
  });
}

void read_score_card_style(const YamlNode& node, ScoreCardStyle& c) {
  auto text = [](std::string& out) { return [&out](const YamlNode& n) { out = n.as_string(); }; };
  auto len = [](double& out) { return [&out](const YamlNode& n) { out = length(n); }; };
  auto size = [](double& out) { return [&out](const YamlNode& n) { out = font_size(n); }; };
  auto flag = [](bool& out) { return [&out](const YamlNode& n) { out = n.as_bool(); }; };
  auto color = [](Color& out) { return [&out](const YamlNode& n) { out = read_color(n); }; };
  apply_fields(node, {
      {"width", [&](const YamlNode& n) { c.width = n.as_length(50, kMaxLength); }},
      {"height", [&](const YamlNode& n) { c.height = n.as_length(50, kMaxLength); }},
      {"padding", len(c.padding)},
      {"gap", len(c.gap)},
      {"title", text(c.title)},
      {"unit", text(c.unit)},
      {"label", text(c.label)},
      {"remark", text(c.note)},  // as the block key (`note:` is a block type there)
      {"title_size", size(c.title_size)},
      {"total_size", size(c.total_size)},
      {"text_size", size(c.text_size)},
      {"badge_size", [&](const YamlNode& n) { c.badge_size = n.as_length(4, kMaxLength); }},
      {"badge_text_size", size(c.badge_text_size)},
      {"level_colors",
       [&](const YamlNode& n) {
         c.level_colors.clear();
         for (const YamlNode& item : n.items()) c.level_colors.push_back(read_color(item));
         if (c.level_colors.empty()) n.fail("expected at least one colour");
       }},
      {"badge_text_color", color(c.badge_text_color)},
      {"total_color", color(c.total_color)},
      {"text_color", color(c.text_color)},
      {"border", flag(c.border)},
      {"border_color", color(c.border_color)},
      {"border_width", len(c.border_width)},
      {"fill", flag(c.fill)},
      {"fill_color", color(c.fill_color)},
  });
}

void read_report_style(const YamlNode& node, ReportStyle& r) {
  apply_fields(node, {
      {"cover_title_size", [&](const YamlNode& n) { r.cover_title_size = font_size(n); }},
      {"cover_by_size", [&](const YamlNode& n) { r.cover_by_size = font_size(n); }},
      {"cover_organisation_size", [&](const YamlNode& n) { r.cover_organisation_size = font_size(n); }},
      {"cover_logo_height", [&](const YamlNode& n) { r.cover_logo_height = length(n); }},
      {"cover_title_top", [&](const YamlNode& n) { r.cover_title_top = n.as_number(0, 0.9); }},
      {"cover_by_label", [&](const YamlNode& n) { r.cover_by_label = n.as_string(); }},
      {"heading_size", [&](const YamlNode& n) { r.heading_size = font_size(n); }},
      {"contents_heading", [&](const YamlNode& n) { r.contents_heading = n.as_nonempty_string(); }},
      {"contents_page_label", [&](const YamlNode& n) { r.contents_page_label = n.as_string(); }},
      {"contents_levels", [&](const YamlNode& n) { r.contents_levels = n.as_int(1, 3); }},
      {"contents_level_indent", [&](const YamlNode& n) { r.contents_level_indent = length(n); }},
      {"contents_space", [&](const YamlNode& n) { r.contents_space = length(n); }},
      {"chart_height", [&](const YamlNode& n) { r.chart_height = n.as_length(50, kMaxLength); }},
      {"caption", [&](const YamlNode& n) { read_role(n, r.caption); }},
      {"note", [&](const YamlNode& n) { read_role(n, r.note); }},
      {"source", [&](const YamlNode& n) { read_role(n, r.source); }},
      {"score_card", [&](const YamlNode& n) { read_score_card_style(n, r.score_card); }},
  });
}

void read_memo_style(const YamlNode& node, MemoStyle& m) {
  auto text = [](std::string& out) { return [&out](const YamlNode& n) { out = n.as_string(); }; };
  auto len = [](double& out) { return [&out](const YamlNode& n) { out = length(n); }; };
  auto size = [](double& out) { return [&out](const YamlNode& n) { out = font_size(n); }; };
  auto flag = [](bool& out) { return [&out](const YamlNode& n) { out = n.as_bool(); }; };
  auto fraction = [](double& out) { return [&out](const YamlNode& n) { out = n.as_number(0, 1); }; };
  apply_fields(node, {
      {"emblem_height", [&](const YamlNode& n) { m.emblem_height = n.as_length(1, kMaxLength); }},
      {"title", text(m.title)},
      {"title_size", size(m.title_size)},
      {"title_baseline_raise",
       [&](const YamlNode& n) { m.title_baseline_raise = n.as_length(-kMaxLength, kMaxLength); }},
      {"agency_label", text(m.agency_label)},
      {"reference_label", text(m.reference_label)},
      {"date_label", text(m.date_label)},
      {"subject_label", text(m.subject_label)},
      {"label_size", size(m.label_size)},
      {"label_bold", flag(m.label_bold)},
      {"value_size", size(m.value_size)},
      {"label_gap", len(m.label_gap)},
      {"dotted_values", flag(m.dotted_values)},
      {"dotted_offset", [&](const YamlNode& n) { m.dotted_offset = n.as_number(-1, 1); }},
      {"date_column", fraction(m.date_column)},
      {"header_line_height", [&](const YamlNode& n) { m.header_line_height = n.as_number(0.5, 5); }},
      {"space_after_title", len(m.space_after_title)},
      {"space_before_to", len(m.space_before_to)},
      {"space_after_header", len(m.space_after_header)},
      {"to_label", text(m.to_label)},
      {"to_label_bold", flag(m.to_label_bold)},
      {"to_label_size", size(m.to_label_size)},
      {"closing", text(m.closing)},
      {"closing_space_before", len(m.closing_space_before)},
      {"signature_center", fraction(m.signature_center)},
      {"signature_space", len(m.signature_space)},
      {"signature_space_before", len(m.signature_space_before)},
      {"comment_dotted_lines", [&](const YamlNode& n) { m.comment_dotted_lines = n.as_int(0, 100); }},
      {"closing_keep_lines", [&](const YamlNode& n) { m.closing_keep_lines = n.as_int(0, 20); }},
      {"comment_heading_bold", flag(m.comment_heading_bold)},
      {"comment_dotted_indent", len(m.comment_dotted_indent)},
      {"comment_space_before", len(m.comment_space_before)},
      {"dotted_line_spacing", len(m.dotted_line_spacing)},
  });
}

void read_stamps(const YamlNode& node, StampStyle& s) {
  apply_fields(node, {
      {"color", [&](const YamlNode& n) { s.color = read_color(n); }},
      {"speed_size", fields::font_size(s.speed_size)},
      {"speed_bold", fields::flag(s.speed_bold)},
      {"speed_x", fields::length(s.speed_x)},
      {"speed_baseline", fields::length(s.speed_baseline)},
      {"secrecy_size", fields::font_size(s.secrecy_size)},
      {"secrecy_bold", fields::flag(s.secrecy_bold)},
      {"secrecy_top_baseline", fields::length(s.secrecy_top_baseline)},
      {"secrecy_bottom_baseline", fields::length(s.secrecy_bottom_baseline)},
  });
}

void read_dotted_line(const YamlNode& node, Template& t) {
  apply_fields(node, {
      {"dash", [&](const YamlNode& n) { t.dotted_line_dash = n.as_length(0.1, 100); }},
      {"width", [&](const YamlNode& n) { t.dotted_line_width = n.as_length(0.05, 20); }},
  });
}

bool looks_like_path(const std::string& s) {
  auto ends_with = [&](std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return s.find('/') != std::string::npos || s.find('\\') != std::string::npos || ends_with(".yaml") ||
         ends_with(".yml");
}

std::string canonical_or_same(const std::string& path) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(path, ec);
  return ec ? path : c.string();
}

Template read_template_chain(const std::string& path, const ReadOptions& options,
                             std::vector<std::string>& chain, const YamlNode* referrer) {
  std::string canonical = canonical_or_same(path);
  for (const auto& seen : chain) {
    if (seen == canonical) {
      std::string cycle;
      for (const auto& c : chain) cycle += fs::path(c).filename().string() + " -> ";
      cycle += fs::path(canonical).filename().string();
      if (referrer) referrer->fail("templates extend each other in a cycle (" + cycle + ")");
      throw Error(SourceLocation{path}, "templates extend each other in a cycle (" + cycle + ")", 2);
    }
  }
  chain.push_back(canonical);

  YamlDocument doc = load_yaml_file(path);
  YamlNode root = doc.root_node();
  if (root.is_null()) {
    chain.pop_back();
    Template t;
    t.name = fs::path(path).stem().string();
    return t;  // an empty template changes nothing
  }
  if (!root.is_map()) root.fail("expected a mapping of settings (page:, fonts:, body: ...)");

  // The keys of the file: the settings plus extends and description.
  std::vector<std::string> keys = template_setting_keys();
  keys.push_back("extends");
  keys.push_back("description");
  // A file that is not a template at all (any file a path can name) gets no message that
  // quotes it: an unknown key is named only when it is a likely typo of a known one.
  for (const auto& [key, value] : root.entries()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end() && suggest(key, keys).empty()) {
      throw Error(value.key_where(),
                  "not a template: unknown top-level key (expected " + join_alternatives(keys, ", ") + ")", 2);
    }
  }
  root.check_keys(keys);
  if (auto description = root.get("description")) description->as_string();

  Template t;
  if (auto extends = root.get("extends")) {
    std::string name = extends->as_nonempty_string();
    // A name is looked up in the template directories (not next to this file, where a
    // document of the same name may live); a path is relative to this file.
    std::string dir = fs::path(path).parent_path().string();
    std::string base = find_template(name, dir.empty() ? "." : dir, options.template_dirs);
    if (base.empty()) extends->fail("template '" + name + "' not found");
    if (!options.allow_outside) {
      std::vector<std::string> allowed = options.template_dirs;
      allowed.push_back(dir.empty() ? "." : dir);
      if (!path_inside(base, allowed)) {
        extends->fail("template '" + name +
                      "' is outside this template's folder and the template folders (--allow-outside lifts this)");
      }
    }
    t = read_template_chain(base, options, chain, &*extends);
  }
  apply_template_settings(root, t, options);
  t.name = fs::path(path).stem().string();
  chain.pop_back();
  return t;
}

}  // namespace

const std::vector<std::string>& template_setting_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k = {"page", "fonts", "digits", "dates", "page_numbers",
                                  "body", "headings", "lists", "tables", "memo", "report", "dotted_line",
                                  "pdf_standard", "line_breaking", "dictionary", "dictionary_file", "stamps"};
    // Each kind with settings of its own has a section named after it (layout/kinds/).
    for (const Kind& kind : document_kinds())
      if (kind.read_style) k.emplace_back(kind.name);
    return k;
  }();
  return keys;
}

void apply_template_settings(const YamlNode& settings, Template& t, const ReadOptions& options) {
  if (settings.is_null()) return;
  settings.expect_map();
  // Template files also have `extends` and `description`; the caller checks those.
  std::vector<std::string> keys = template_setting_keys();
  bool template_file = settings.path().empty();
  if (template_file) {
    keys.push_back("extends");
    keys.push_back("description");
  }
  settings.check_keys(keys);
  if (auto n = settings.get("page")) read_page(*n, t.page);
  if (auto n = settings.get("fonts")) read_fonts(*n, t.fonts, options);
  if (auto n = settings.get("digits")) {
    t.digits = n->as_enum<DigitStyle>(
        {{"thai", DigitStyle::Thai}, {"arabic", DigitStyle::Arabic}, {"keep", DigitStyle::Keep}});
  }
  if (auto n = settings.get("dates")) {
    apply_fields(*n, {{"months", [&](const YamlNode& m) {
                         t.months = m.as_enum<MonthStyle>(
                             {{"full", MonthStyle::Full}, {"abbreviated", MonthStyle::Abbreviated}});
                       }}});
  }
  if (auto n = settings.get("page_numbers")) read_page_numbers(*n, t.page_numbers);
  if (auto n = settings.get("body")) read_body(*n, t.body);
  if (auto n = settings.get("headings")) {
    apply_fields(*n, {{"h1", [&](const YamlNode& h) { read_heading(h, t.headings[0]); }},
                      {"h2", [&](const YamlNode& h) { read_heading(h, t.headings[1]); }},
                      {"h3", [&](const YamlNode& h) { read_heading(h, t.headings[2]); }}});
  }
  if (auto n = settings.get("lists")) read_lists(*n, t.lists);
  if (auto n = settings.get("tables")) read_tables(*n, t.tables);
  if (auto n = settings.get("memo")) read_memo_style(*n, t.memo);
  if (auto n = settings.get("report")) read_report_style(*n, t.report);
  if (auto n = settings.get("dotted_line")) read_dotted_line(*n, t);
  if (auto n = settings.get("stamps")) read_stamps(*n, t.stamps);
  if (auto n = settings.get("pdf_standard")) {
    t.pdf_standard = n->as_enum<PdfStandard>({{"none", PdfStandard::None},
                                              {"a-2b", PdfStandard::A2b},
                                              {"a-2u", PdfStandard::A2u},
                                              {"a-3u", PdfStandard::A3u}});
  }
  if (auto n = settings.get("line_breaking")) {
    apply_fields(*n, {{"max_stretch", [&](const YamlNode& m) {
                         // "15%" or 15 (per cent) or 0.15
                         std::string v = m.as_string();
                         bool percent = !v.empty() && v.back() == '%';
                         if (percent) v.pop_back();
                         double x = 0;
                         try {
                           size_t used = 0;
                           x = std::stod(v, &used);
                           if (used != v.size()) throw std::invalid_argument("trailing");
                         } catch (const std::exception&) {
                           m.fail("expected a percentage such as 15%");
                         }
                         if (percent || x > 1) x /= 100;
                         if (x < 0 || x > 2) m.fail("must be between 0% and 200% (0 = no limit)");
                         t.line_breaking.max_stretch = x;
                       }}});
  }
  if (auto n = settings.get("dictionary")) read_dictionary(*n, t.line_breaking.dictionary);
  if (auto n = settings.get("dictionary_file")) read_dictionary_file(*n, t.line_breaking.dictionary, options);
  for (const Kind& kind : document_kinds()) {
    if (!kind.read_style) continue;
    if (auto n = settings.get(kind.name)) kind.read_style(*n, t.kinds[std::string(kind.name)]);
  }
}

void read_dictionary(const YamlNode& node, std::vector<std::string>& words) {
  for (std::string& w : node.as_string_list()) {
    if (w.find('\n') != std::string::npos) node.fail("a dictionary entry is one line");
    words.push_back(std::move(w));
  }
}

void read_dictionary_file(const YamlNode& node, std::vector<std::string>& words, const ReadOptions& options) {
  std::string name = node.as_nonempty_string();
  fs::path p(name);
  if (p.is_relative()) p = fs::path(node.where().file).parent_path() / p;
  note_input_file(p.string());
  if (!options.allow_outside) {
    std::vector<std::string> allowed = options.template_dirs;
    allowed.push_back(folder_of(node));
    if (!path_inside(p.lexically_normal().string(), allowed)) {
      node.fail("dictionary file '" + name + "' is outside the document's folder and the template folders "
                "(--allow-outside lifts this)");
    }
  }
  std::error_code ec;
  if (!fs::exists(p, ec)) node.fail("cannot read dictionary file '" + p.lexically_normal().string() + "'");
  std::string text;
  try {  // a regular file of bounded size: a FIFO or /dev/zero must not block or fill memory
    text = read_input_file(p.string(), input_limits::kMaxFileBytes);
  } catch (const Error& e) {
    node.fail("dictionary file '" + name + "': " + e.message());
  }
  std::istringstream in(text);
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    line = line.substr(b, line.find_last_not_of(" \t") + 1 - b);
    if (utf8::find_invalid(line)) node.fail("dictionary file '" + name + "': invalid UTF-8 on line " + std::to_string(count + 1));
    if (++count > 100000) node.fail("dictionary file '" + name + "': more than 100000 entries");
    words.push_back(line);
  }
}

std::string find_template(const std::string& name, const std::string& relative_to,
                          const std::vector<std::string>& dirs) {
  std::error_code ec;
  if (looks_like_path(name)) {
    fs::path p(name);
    if (!p.is_absolute()) p = fs::path(relative_to.empty() ? "." : relative_to) / p;
    return fs::is_regular_file(p, ec) ? p.lexically_normal().string() : std::string();
  }
  for (const auto& dir : dirs) {
    fs::path candidate = fs::path(dir) / (name + ".yaml");
    if (fs::is_regular_file(candidate, ec)) return candidate.lexically_normal().string();
  }
  return "";
}

Template read_template_file(const std::string& path, const ReadOptions& options) {
  std::vector<std::string> chain;
  // A template with errors always throws them (all of them), even while a document that
  // collects its own errors is read: a template is cached (TemplateCache) and shared by
  // documents, so it must never be returned half read.
  return ErrorCollector::run([&] { return read_template_chain(path, options, chain, nullptr); });
}

Template read_template(const std::string& name, const ReadOptions& options) {
  std::string path = find_template(name, ".", options.template_dirs);
  if (path.empty()) throw Error(SourceLocation{}, "template '" + name + "' not found", 2);
  return read_template_file(path, options);
}

}  // namespace thaidoc
