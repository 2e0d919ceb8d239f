#include "input/document_reader.h"
#include "input/table_reader.h"
#include "input/ita_blocks.h"
#include "input/ita_reader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include "base/install_dirs.h"
#include "input/error_collector.h"
#include "input/placeholders.h"
#include "input/template_cache.h"
#include "input/template_reader.h"
#include "input/yaml_reader.h"

namespace thaidoc {
namespace fs = std::filesystem;

std::vector<std::string> default_template_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("THAIDOC_TEMPLATES")) {
    std::string list = env;
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) dirs.push_back(list.substr(start, end - start));
      start = end + 1;
    }
  }
  for (std::string& dir : shipped_data_dirs("templates")) dirs.push_back(std::move(dir));
  return dirs;
}

namespace {

// A title, author, subject or the keywords together: at most this many bytes of UTF-8,
// so that the UTF-16 string in the PDF (at most twice as long) fits LibHaru's 65,535.
constexpr size_t kMaxInfoBytes = 32000;

// The first `max` bytes of a UTF-8 string, cut at a character boundary.
std::string cut_utf8(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

const std::vector<std::string> kBlockTypes = {"paragraph", "heading", "list",  "image",  "space",  "pagebreak",
                                              "dotted",    "table",   "section", "caption", "note", "source",
                                              "chart",     "ita_table"};

std::vector<std::string> block_keys_of(const std::string& type);

// Every block may be kept together and kept with the next one.
std::vector<std::string> block_keys(const std::string& type) {
  std::vector<std::string> keys = block_keys_of(type);
  if (type == "pagebreak" || type == "space") return keys;
  for (const char* k : {"keep", "keep_with_next"})
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  return keys;
}

std::vector<std::string> block_keys_of(const std::string& type) {
  if (type == "paragraph") return {"paragraph", "align", "indent", "left_indent", "digits", "keep_with_next"};
  if (type == "heading") return {"heading", "level", "align", "digits"};
  if (type == "list") return {"list", "marker", "start", "digits"};
  if (type == "image") return {"image", "width", "height", "align"};
  if (type == "table") return {"table", "digits"};
  if (type == "section") return {"section", "digits"};
  if (type == "caption" || type == "note" || type == "source")
    return {type, "align", "indent", "digits", "keep_with_next"};
  if (type == "chart") return {"chart", "width", "height"};
  if (type == "ita_table") return ita_table_keys();
  return {type};
}


DigitStyle read_digits(const YamlNode& node) {
  return node.as_enum<DigitStyle>(
      {{"thai", DigitStyle::Thai}, {"arabic", DigitStyle::Arabic}, {"keep", DigitStyle::Keep}});
}

ListMarker read_marker(const YamlNode& node) {
  return node.as_enum<ListMarker>({{"thai", ListMarker::ThaiNumber},
                                   {"arabic", ListMarker::ArabicNumber},
                                   {"thai-paren", ListMarker::ThaiParen},
                                   {"arabic-paren", ListMarker::ArabicParen},
                                   {"dash", ListMarker::Dash},
                                   {"bullet", ListMarker::Bullet}});
}

// A paragraph's text: the trailing line break a `|` block scalar keeps is not a line break.
InlineText read_text(const YamlNode& node) {
  InlineText text = node.as_inline();
  while (!text.empty()) {
    std::string& s = text.back().text;
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.pop_back();
    }
    if (!s.empty()) break;
    text.pop_back();
  }
  return text;
}

class DocumentParser {
 public:
  DocumentParser(std::string base_dir, bool images_outside)
      : base_dir_(std::move(base_dir)), images_outside_(images_outside) {}

  // A list of blocks, or a single string (one paragraph).
  std::vector<Block> blocks(const YamlNode& node) {
    std::vector<Block> out;
    if (node.is_scalar()) {
      out.push_back(paragraph_block(node));
      return out;
    }
    if (!node.is_list()) node.fail("expected a list");
    for (const auto& item : node.items()) {
      attempt([&] {  // a bad block is reported and the next one read
        if (auto b = block(item)) out.push_back(std::move(*b));
      });
    }
    return out;
  }

  void set_ita(const ita::ItaData* data, const ita::Analysis* analysis) {
    ita_data_ = data;
    analysis_ = analysis;
  }

  Report report(const YamlNode& node) {
    node.expect_map();
    node.check_keys({"cover", "preface", "contents", "body"});
    Report r;
    if (auto c = node.get("cover")) {
      c->check_keys({"title", "by", "organisation", "logo"});
      ReportCover cover;
      cover.title = c->required("title").as_string_list();
      if (auto n = c->get("by")) cover.by = n->as_string();
      if (auto n = c->get("organisation")) cover.organisation = n->as_string_list();
      if (auto n = c->get("logo")) cover.logo = image(*n);
      r.cover = std::move(cover);
    }
    if (auto p = node.get("preface")) {
      p->check_keys({"heading", "body", "closing"});
      ReportPreface preface;
      if (auto n = p->get("heading")) preface.heading = n->as_nonempty_string();
      preface.body = blocks(p->required("body"));
      if (auto n = p->get("closing")) preface.closing = n->as_string_list();
      r.preface = std::move(preface);
    }
    if (auto n = node.get("contents")) r.contents = n->as_bool();
    r.body = blocks(node.required("body"));
    return r;
  }

  Memo memo(const YamlNode& node) {
    node.expect_map();
    node.check_keys({"emblem", "agency", "reference", "date", "subject", "to", "body", "closing", "signer",
                     "comments"});
    Memo m;
    // Each part on its own: an error in one is reported and the others are still read.
    attempt([&] {
      if (auto n = node.get("emblem")) m.emblem = image(*n);
    });
    attempt([&] {
      m.agency_at = node.required("agency").where();
      m.agency = node.required("agency").as_nonempty_string();
    });
    attempt([&] {
      m.reference_at = node.required("reference").where();
      m.reference = node.required("reference").as_nonempty_string();
    });
    attempt([&] {
      YamlNode date = node.required("date");
      m.date_at = date.where();
      if (!date.is_scalar()) date.fail("expected a date (YYYY-MM-DD)");
      std::string date_error;
      if (!parse_date(date.as_string(), m.date, date_error)) date.fail(date_error);
    });
    attempt([&] {
      m.subject_at = node.required("subject").where();
      m.subject = node.required("subject").as_nonempty_string();
    });
    attempt([&] {
      m.to_at = node.required("to").where();
      m.to = node.required("to").as_nonempty_string();
    });
    attempt([&] { m.body = blocks(node.required("body")); });
    m.closing_at = node.where();
    attempt([&] {
      if (auto n = node.get("closing")) {
        m.closing = n->as_string();
        m.closing_at = n->where();
      }
    });
    attempt([&] { m.signer = signature(node.required("signer")); });
    attempt([&] {
      if (auto n = node.get("comments")) {
        for (const auto& item : n->items()) attempt([&] { m.comments.push_back(comment(item)); });
      }
    });
    return m;
  }

 private:
  Block paragraph_block(const YamlNode& text) {
    Block b;
    b.where = text.where();
    Paragraph p;
    p.text = read_text(text);
    b.content = std::move(p);
    return b;
  }

  std::optional<Block> block(const YamlNode& node) {
    if (node.is_scalar()) return paragraph_block(node);
    if (!node.is_map()) {
      node.fail("expected a paragraph's text or a block such as 'heading: ...' (a mapping)");
    }
    std::string type;
    for (const auto& [key, value] : node.entries()) {
      if (std::find(kBlockTypes.begin(), kBlockTypes.end(), key) == kBlockTypes.end()) continue;
      if (!type.empty()) {
        throw Error(value.key_where(),
                    value.path() + ": a block has one type, but '" + type + "' is also given", 2);
      }
      type = key;
    }
    if (type.empty()) {
      // Unknown keys first (a misspelled type gets a suggestion), then the missing type.
      std::vector<std::string> all;
      for (const auto& t : kBlockTypes) {
        for (const auto& k : block_keys(t)) {
          if (std::find(all.begin(), all.end(), k) == all.end()) all.push_back(k);
        }
      }
      // A misspelt type is reported as such, and then the block is not read any further.
      ErrorCollector::run([&] {
        node.check_keys(all);
        return 0;
      });
      node.fail("the block's type is missing (expected one of: " + join_alternatives(kBlockTypes, ", ") + ")");
    }
    node.check_keys(block_keys(type));

    Block b;
    b.where = node.where();
    if (auto d = node.get("digits")) b.digits = read_digits(*d);
    if (auto k = node.get("keep")) {
      if (k->as_string() != "together") k->fail("expected 'together' (keep: together)");
      b.keep_together = true;
    }
    if (auto k = node.get("keep_with_next")) b.keep_with_next = k->as_bool();
    YamlNode value = node.get_raw(type).value();
    if (type == "paragraph") {
      Paragraph p;
      if (!value.is_null()) p.text = read_text(value);
      if (auto n = node.get("align")) p.align = read_align(*n);
      if (auto n = node.get("indent")) p.first_indent = n->as_length(-10000, 10000);
      if (auto n = node.get("left_indent")) p.left_indent = n->as_length(0, 10000);
      if (auto n = node.get("keep_with_next")) p.keep_with_next = n->as_bool();
      b.content = std::move(p);
    } else if (type == "heading") {
      Heading h;
      if (value.is_null()) value.fail("value is empty");
      h.text = read_text(value);
      if (auto n = node.get("level")) h.level = n->as_int(1, 3);
      if (auto n = node.get("align")) h.align = read_align(*n);
      b.content = std::move(h);
    } else if (type == "list") {
      List l;
      if (auto n = node.get("marker")) l.marker = read_marker(*n);
      if (auto n = node.get("start")) l.start = n->as_int(0, 100000);
      l.items = list_items(value);
      b.content = std::move(l);
    } else if (type == "image") {
      Image img;
      if (value.is_null()) value.fail("value is empty");
      img.path = image(value);
      if (auto n = node.get("width")) img.width = n->as_length(1, 10000);
      if (auto n = node.get("height")) img.height = n->as_length(1, 10000);
      if (auto n = node.get("align")) {
        img.align = n->as_enum<BlockAlign>(
            {{"left", BlockAlign::Left}, {"center", BlockAlign::Center}, {"right", BlockAlign::Right}});
      }
      b.content = img;
    } else if (type == "space") {
      if (value.is_null()) value.fail("value is empty");
      b.content = VerticalSpace{value.as_length(0, 10000)};
    } else if (type == "table") {
      if (value.is_null()) value.fail("value is empty");
      b.content = read_table(
          value, [&](const YamlNode& n) { return blocks(n); }, [&](const YamlNode& n) { return paragraph_block(n); });
    } else if (type == "section") {
      value.expect_map();
      value.check_keys({"orientation", "blocks"});
      Section sec;
      if (auto n = value.get("orientation")) {
        sec.orientation = n->as_enum<Orientation>(
            {{"portrait", Orientation::Portrait}, {"landscape", Orientation::Landscape}});
      }
      sec.blocks = blocks(value.required("blocks"));
      b.content = std::move(sec);
    } else if (type == "caption" || type == "note" || type == "source") {
      Paragraph p;
      if (value.is_null()) value.fail("value is empty");
      p.text = read_text(value);
      p.role = type == "caption" ? ParagraphRole::Caption : type == "note" ? ParagraphRole::Note : ParagraphRole::Source;
      if (auto n = node.get("align")) p.align = read_align(*n);
      if (auto n = node.get("indent")) p.first_indent = n->as_length(-10000, 10000);
      if (auto n = node.get("keep_with_next")) p.keep_with_next = n->as_bool();
      b.content = std::move(p);
    } else if (type == "chart") {
      if (!analysis_) value.fail("a chart needs ITA data: add an 'ita:' section to the document");
      Chart c;
      c.kind = value.as_enum<Chart::Kind>({{"scores", Chart::Kind::IndicatorScores}, {"trend", Chart::Kind::YearlyTotals}});
      if (auto n = node.get("width")) c.width = n->as_length(50, 5000);
      if (auto n = node.get("height")) c.height = n->as_length(50, 5000);
      b.content = c;
    } else if (type == "ita_table") {
      if (!analysis_) value.fail("an ITA table needs ITA data: add an 'ita:' section to the document");
      b.content = read_ita_table(node, *ita_data_, *analysis_);
    } else if (type == "pagebreak") {
      if (!value.is_null() && !value.as_bool()) return std::nullopt;  // `pagebreak: false`
      b.content = PageBreak{};
    } else {  // dotted
      DottedLines d;
      if (!value.is_null()) d.count = value.as_int(1, 500);
      b.content = d;
    }
    return b;
  }

  const ita::ItaData* ita_data_ = nullptr;
  const ita::Analysis* analysis_ = nullptr;

  std::vector<ListItem> list_items(const YamlNode& node) {
    if (node.is_null()) node.fail("value is empty");
    std::vector<ListItem> items;
    for (const auto& item : node.items()) {
      ListItem li;
      if (item.is_null()) item.fail("empty list item");
      if (item.is_scalar()) {
        li.blocks.push_back(paragraph_block(item));
      } else if (item.is_list()) {
        li.blocks = blocks(item);
      } else if (item.get_raw("text")) {
        // {text: ..., list: [...], marker: ..., start: ...}: a paragraph and a nested list.
        item.check_keys({"text", "list", "marker", "start"});
        YamlNode text = item.required("text");
        Block p = paragraph_block(text);
        p.where = item.where();
        li.blocks.push_back(std::move(p));
        if (auto nested = item.get("list")) {
          Block b;
          b.where = nested->where();
          List l;
          if (auto n = item.get("marker")) l.marker = read_marker(*n);
          if (auto n = item.get("start")) l.start = n->as_int(0, 100000);
          l.items = list_items(*nested);
          b.content = std::move(l);
          li.blocks.push_back(std::move(b));
        } else if (item.has("marker") || item.has("start")) {
          YamlNode stray = item.get(item.has("marker") ? "marker" : "start").value();
          stray.fail("only used together with a nested 'list'");
        }
      } else {
        if (auto b = block(item)) li.blocks.push_back(std::move(*b));
      }
      items.push_back(std::move(li));
    }
    return items;
  }

  Signature signature(const YamlNode& node) {
    node.expect_map();
    node.check_keys({"name", "position", "acting", "image"});
    Signature s;
    s.where = node.where();
    s.name = node.required("name").as_nonempty_string();
    if (auto n = node.get("position")) s.positions = n->as_string_list();
    if (auto n = node.get("acting")) s.acting = n->as_string();
    if (auto n = node.get("image")) s.image = image(*n);
    return s;
  }

  MemoComment comment(const YamlNode& node) {
    node.expect_map();
    node.check_keys({"heading", "lines", "text", "signer"});
    MemoComment c;
    c.where = node.where();
    if (auto n = node.get("heading")) c.heading = n->as_string();
    if (auto n = node.get("lines")) c.dotted_lines = n->as_int(0, 100);
    if (auto n = node.get("text")) c.text = blocks(*n);
    if (auto n = node.get("signer")) c.signer = signature(*n);
    return c;
  }

  std::string image(const YamlNode& node) const { return node.as_image_path(base_dir_, images_outside_); }

  std::string base_dir_;
  bool images_outside_;
};

std::string directory_of(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::path absolute = fs::absolute(parent, ec);
  return (ec ? parent : absolute).lexically_normal().string();
}

// The names the document gives, into its dictionary: they are never broken across lines.
void add_document_names(Document& doc, const ita::ItaData* ita) {
  std::vector<std::string>& words = doc.style.line_breaking.dictionary;
  auto signer = [&](const Signature& s) {
    add_name_entries(words, s.name, true);
    for (const auto& p : s.positions) add_name_entries(words, p, false);
    add_name_entries(words, s.acting, false);
  };
  if (doc.kind == DocumentKind::Memo) {
    add_name_entries(words, doc.memo.agency, false);
    add_name_entries(words, doc.memo.to, false);
    signer(doc.memo.signer);
    for (const auto& c : doc.memo.comments) signer(c.signer);
  }
  if (doc.report.cover)
    for (const auto& line : doc.report.cover->organisation) add_name_entries(words, line, false);
  if (ita) {
    add_name_entries(words, ita->organisation.name, false);
    add_name_entries(words, ita->organisation.district, false);
    add_name_entries(words, ita->organisation.province, false);
  }
}

Document read_parsed(const YamlDocument& yaml, const std::string& path, const ReadOptions& options) {
  YamlNode root = yaml.root_node();
  SourceLocation start{path, 1, 1};
  if (root.is_null()) {
    throw Error(start, "the file is empty (expected 'kind: memo' or 'kind: document' and the document's fields)", 2);
  }
  if (!root.is_map()) {
    throw Error(root.where().line > 0 ? root.where() : start,
                "expected a mapping at the top level (key: value lines such as 'kind: memo')", 2);
  }
  root.check_keys({"kind", "template", "title", "author", "subject", "keywords", "language", "digits", "style",
                   "memo", "blocks", "report", "ita", "dictionary", "dictionary_file"});

  Document doc;
  doc.source = path;
  doc.base_dir = directory_of(path);
  doc.kind = root.required("kind").as_enum<DocumentKind>(
      {{"memo", DocumentKind::Memo}, {"document", DocumentKind::Document}, {"report", DocumentKind::Report}});

  // The template, then the document's style overrides, then its digits.
  std::optional<YamlNode> template_node = root.get("template");
  std::string template_name = template_node ? template_node->as_nonempty_string()
                                            : (doc.kind == DocumentKind::Memo     ? "memo"
                                               : doc.kind == DocumentKind::Report ? "report"
                                                                                  : "default");
  std::string template_path = find_template(template_name, doc.base_dir, options.template_dirs);
  if (!template_path.empty() && template_node && !options.allow_outside) {
    std::vector<std::string> allowed = options.template_dirs;
    allowed.push_back(doc.base_dir);
    if (!path_inside(template_path, allowed)) {
      template_node->fail("template '" + template_name +
                          "' is outside the document's folder and the template folders (--allow-outside lifts this)");
    }
  }
  if (!template_path.empty()) {
    doc.style = options.template_cache ? options.template_cache->get(template_path, options)
                                       : read_template_file(template_path, options);
  } else if (template_node) {
    std::string dirs = join_alternatives(options.template_dirs, ", ");
    template_node->fail("template '" + template_name + "' not found" +
                        (template_name.find('/') == std::string::npos && !dirs.empty()
                             ? " (looked for " + template_name + ".yaml in: " + dirs + ")"
                             : ""));
  } else {
    doc.style = Template{};  // no template files installed: the built-in defaults
    doc.style.name = template_name;
  }
  attempt([&] {
    if (auto style = root.get("style")) apply_template_settings(*style, doc.style, options);
  });
  attempt([&] {
    if (auto digits = root.get("digits")) doc.style.digits = read_digits(*digits);
  });
  attempt([&] {
    if (auto n = root.get("dictionary")) read_dictionary(*n, doc.style.line_breaking.dictionary);
  });
  attempt([&] {
    if (auto n = root.get("dictionary_file")) read_dictionary_file(*n, doc.style.line_breaking.dictionary);
  });

  // ITA data: computed once; the report's {{ita.*}} values, tables and charts come from it.
  std::shared_ptr<const ita::ItaData> ita_data;
  // (Not an attempt: the report's values, tables and charts need it.)
  if (auto ita_node = root.get("ita")) {
    auto data = std::make_shared<ita::ItaData>(read_ita(*ita_node));
    auto analysis = std::make_shared<ita::Analysis>(ita::analyse(*data));
    for (const auto& w : analysis->warnings) doc.warnings.push_back(w.to_string());
    YamlDocument filled = yaml;  // shares the nodes: the values land in `root` too
    substitute_computed_values(filled, ita_values(*data, *analysis));
    ita_data = data;
    doc.ita = analysis;
  }
  // The PDF's document information holds strings of at most 64 KB in UTF-16.
  auto info_text = [](const YamlNode& n, std::string text) {
    if (text.size() > kMaxInfoBytes) {
      n.fail("too long for the PDF's document information: " + std::to_string(text.size()) + " bytes (at most " +
             std::to_string(kMaxInfoBytes) + ")");
    }
    return text;
  };
  attempt([&] {
    if (auto n = root.get("title")) doc.info.title = info_text(*n, n->as_string());
  });
  attempt([&] {
    if (auto n = root.get("author")) doc.info.author = info_text(*n, n->as_string());
  });
  attempt([&] {
    if (auto n = root.get("subject")) doc.info.subject = info_text(*n, n->as_string());
  });
  attempt([&] {
    if (auto n = root.get("keywords")) {
      std::vector<std::string> words = n->as_string_list();
      doc.info.keywords = info_text(*n, join_alternatives(words, ", "));
    }
  });
  doc.info.language = "th";
  attempt([&] {
    if (auto n = root.get("language")) doc.info.language = n->as_nonempty_string();
  });

  DocumentParser parser(doc.base_dir, options.allow_outside);
  parser.set_ita(ita_data.get(), doc.ita.get());

  auto only_with = [&](const char* key, const char* kind_name) {
    if (auto n = root.get_raw(key)) {
      throw Error(n->key_where(), std::string(key) + ": only used with 'kind: " + kind_name + "'", 2);
    }
  };
  if (doc.kind == DocumentKind::Memo) {
    if (auto blocks = root.get_raw("blocks")) {
      throw Error(blocks->key_where(), "blocks: not used in a memo (the memo's text goes in memo.body)", 2);
    }
    only_with("report", "report");
    doc.memo = parser.memo(root.required("memo"));
    if (doc.info.title.empty()) doc.info.title = cut_utf8(doc.memo.subject, kMaxInfoBytes);
  } else if (doc.kind == DocumentKind::Report) {
    only_with("memo", "memo");
    if (auto blocks = root.get_raw("blocks")) {
      throw Error(blocks->key_where(), "blocks: not used in a report (its text goes in report.body)", 2);
    }
    doc.report = parser.report(root.required("report"));
  } else {
    only_with("memo", "memo");
    only_with("report", "report");
    doc.blocks = parser.blocks(root.required("blocks"));
  }
  add_document_names(doc, ita_data.get());
  return doc;
}

}  // namespace

// Every error of the document (up to ErrorCollector::kMaxErrors), not only the first.
Document read_document(const std::string& path, const ReadOptions& options) {
  YamlDocument yaml = load_yaml_file(path);
  if (options.variables) substitute_placeholders(yaml, *options.variables);
  return ErrorCollector::run([&] { return read_parsed(yaml, path, options); });
}

Document read_document_string(const std::string& text, const std::string& path_for_messages,
                              const ReadOptions& options) {
  YamlDocument yaml = load_yaml_string(text, path_for_messages);
  if (options.variables) substitute_placeholders(yaml, *options.variables);
  return ErrorCollector::run([&] { return read_parsed(yaml, path_for_messages, options); });
}

Document read_document_yaml(const YamlDocument& yaml, const std::string& path_for_messages,
                            const ReadOptions& options) {
  return ErrorCollector::run([&] { return read_parsed(yaml, path_for_messages, options); });
}

}  // namespace thaidoc
