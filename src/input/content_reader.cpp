#include "input/content_reader.h"

#include <algorithm>
#include <optional>

#include "base/deadline.h"
#include "input/error_collector.h"
#include "input/ita_blocks.h"
#include "input/ita_reader.h"
#include "input/table_reader.h"

namespace thaidoc {

namespace {
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
  if (type == "chart") return ita_chart_keys();
  if (type == "ita_table") return ita_table_keys();
  return {type};
}


}  // namespace

DigitStyle read_digits(const YamlNode& node) {
  return node.as_enum<DigitStyle>(
      {{"thai", DigitStyle::Thai}, {"arabic", DigitStyle::Arabic}, {"keep", DigitStyle::Keep}});
}

namespace {

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

}  // namespace

class ContentReader::Impl {
 public:
  Impl(std::string base_dir, bool images_outside)
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
      check_deadline();
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
      b.content = read_ita_chart(node);
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


ContentReader::ContentReader(std::string base_dir, bool images_outside)
    : impl_(std::make_unique<Impl>(std::move(base_dir), images_outside)) {}
ContentReader::~ContentReader() = default;

void ContentReader::set_ita(const ita::ItaData* data, const ita::Analysis* analysis) { impl_->set_ita(data, analysis); }
std::vector<Block> ContentReader::blocks(const YamlNode& node) { return impl_->blocks(node); }
Signature ContentReader::signature(const YamlNode& node) { return impl_->signature(node); }
MemoComment ContentReader::comment(const YamlNode& node) { return impl_->comment(node); }
std::string ContentReader::image(const YamlNode& node) const { return impl_->image(node); }

ThaiDate ContentReader::date(const YamlNode& node) {
  if (!node.is_scalar()) node.fail("expected a date (YYYY-MM-DD)");
  ThaiDate d;
  std::string error;
  if (!parse_date(node.as_string(), d, error)) node.fail(error);
  return d;
}

namespace {

// The title that starts a position and the level that ends one (the longer spelling first).
constexpr std::string_view kPositionTitles[] = {
    "รองผู้ว่าราชการจังหวัด", "ผู้ว่าราชการจังหวัด", "รองนายกเทศมนตรี", "นายกเทศมนตรี", "รองผู้อำนวยการ",
    "ผู้อำนวยการ", "รองปลัด", "ปลัด", "หัวหน้า", "รองนายก", "นายก", "รองประธาน", "ประธาน", "ผู้ช่วย"};
constexpr std::string_view kPositionLevels[] = {"ชำนาญการพิเศษ", "ชำนาญการ", "ชำนาญงาน", "ปฏิบัติการ",
                                                "ปฏิบัติงาน", "อาวุโส", "เชี่ยวชาญ", "ทรงคุณวุฒิ"};

// `w` cut after a leading title and before a trailing level, when what is left is at least
// two Thai letters (6 bytes): นักวิเคราะห์นโยบายและแผนชำนาญการ -> นักวิเคราะห์นโยบายและแผน, ชำนาญการ.
std::vector<std::string_view> position_parts(std::string_view w) {
  std::vector<std::string_view> out;
  for (std::string_view t : kPositionTitles) {
    if (w.size() >= t.size() + 6 && w.substr(0, t.size()) == t) {
      out.push_back(w.substr(0, t.size()));
      w.remove_prefix(t.size());
      break;
    }
  }
  std::string_view level;
  for (std::string_view l : kPositionLevels) {
    if (w.size() >= l.size() + 6 && w.substr(w.size() - l.size()) == l) {
      level = w.substr(w.size() - l.size());
      w.remove_suffix(l.size());
      break;
    }
  }
  out.push_back(w);
  if (!level.empty()) out.push_back(level);
  return out;
}

}  // namespace

void add_name_entries(std::vector<std::string>& words, const std::string& value, bool whole) {
  auto thai_word = [](std::string_view w) {
    bool thai = false;
    for (unsigned char c : w) {
      if (c >= '0' && c <= '9') return false;
      thai = thai || c == 0xE0;  // U+0E00-U+0FFF start with 0xE0 0xB8/0xB9 in UTF-8
    }
    // At least two Thai letters and at most about 40: longer runs (a whole position line such
    // as รักษาราชการแทนผู้อำนวยการกองยุทธศาสตร์และงบประมาณ) are phrases that must break.
    return thai && w.size() >= 6 && w.size() <= 120;
  };
  if (value.size() > 300) return;  // a paragraph, not a name
  size_t count = 0, b = 0;
  while (b < value.size()) {
    size_t e = value.find_first_of(" \t\n", b);
    if (e == std::string::npos) e = value.size();
    std::string_view w(value.data() + b, e - b);
    if (!w.empty()) {
      ++count;
      // A position is a title, a unit or office and a level: ปลัด|องค์การบริหารส่วนตำบล,
      // ผู้อำนวยการ|กองคลัง, นักวิเคราะห์นโยบายและแผน|ชำนาญการ. Each part is an entry, so a
      // narrow column wraps the position between its parts, not inside one of them.
      for (std::string_view part : position_parts(w))
        if (thai_word(part)) words.emplace_back(part);
    }
    b = e + 1;
  }
  if (whole && count > 1 && count <= 4 && thai_word(value)) words.push_back(value);
}

Stamps ContentReader::stamps(const YamlNode& content) {
  Stamps s;
  auto one_of = [](const YamlNode& n, std::initializer_list<std::string_view> names) {
    std::string v = n.as_string();
    std::vector<std::string> all(names.begin(), names.end());
    if (std::find(all.begin(), all.end(), v) != all.end()) return v;
    std::string hint = suggest(v, all);
    n.fail("unknown value '" + v + "' (expected " + join_alternatives(all) +
           (hint.empty() ? ")" : "; did you mean '" + hint + "'?)"));
  };
  if (auto n = content.get("speed")) {
    s.speed = one_of(*n, {"ด่วนที่สุด", "ด่วนมาก", "ด่วน"});
    s.speed_at = n->where();
  }
  if (auto n = content.get("secrecy")) {
    s.secrecy = one_of(*n, {"ลับที่สุด", "ลับมาก", "ลับ"});
    s.secrecy_at = n->where();
  }
  return s;
}

void add_signer_names(std::vector<std::string>& words, const Signature& s) {
  add_name_entries(words, s.name, true);
  for (const auto& p : s.positions) add_name_entries(words, p, false);
  add_name_entries(words, s.acting, false);
}

}  // namespace thaidoc
