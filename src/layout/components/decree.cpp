#include "layout/components/decree.h"

#include <cctype>

#include "layout/components/letterhead.h"
#include "layout/styles.h"

namespace thaidoc {

std::vector<std::string> decree_keys(bool numbered) {
  std::vector<std::string> keys = {"speed", "secrecy", "emblem", "title", "issuer"};
  if (numbered) {
    keys.emplace_back("number");
    keys.emplace_back("year");
  }
  for (const char* k : {"subject", "body", "clauses", "after", "effective", "date", "signer"}) keys.emplace_back(k);
  return keys;
}

Decree read_decree(const YamlNode& node, ContentReader& reader, bool numbered) {
  Decree d;
  if (auto n = node.get("emblem")) d.emblem = reader.image(*n);
  d.title_at = node.where();
  if (auto n = node.get("title")) {
    d.title = n->as_nonempty_string();
    d.title_at = n->where();
  }
  YamlNode issuer = node.required("issuer");
  d.issuer = issuer.as_nonempty_string();
  if (numbered) {
    YamlNode number = node.required("number");
    d.number = number.as_nonempty_string();
    d.number_at = number.where();
    if (auto n = node.get("year")) d.year = n->as_nonempty_string();
  }
  YamlNode subject = node.required("subject");
  d.subject = subject.as_nonempty_string();
  d.subject_at = subject.where();
  if (auto n = node.get("body")) d.body = reader.blocks(*n);
  if (auto n = node.get("clauses")) {
    for (const auto& item : n->items()) d.clauses.push_back(reader.blocks(item));
  }
  if (d.body.empty() && d.clauses.empty()) node.fail("a 'body' or 'clauses' is required");
  if (auto n = node.get("after")) d.after = reader.blocks(*n);
  if (auto n = node.get("effective")) {
    d.effective_at = n->where();
    std::string v = n->as_string();
    // A date (ISO, BE or Thai) or, if it is not one, the document's own words.
    ThaiDate date;
    std::string error;
    if (parse_date(v, date, error)) d.effective = date;
    else if (v.size() >= 4 && std::isdigit(static_cast<unsigned char>(v[0]))) n->fail(error);
    else d.effective_text = v;
  }
  YamlNode date = node.required("date");
  d.date = ContentReader::date(date);
  d.date_at = date.where();
  d.signer = reader.signature(node.required("signer"));
  return d;
}

std::vector<Field> decree_fields(DecreeStyle& s) {
  using namespace fields;
  return {
      {"emblem_height", length(s.emblem_height)},
      {"title", text(s.title)},
      {"title_size", font_size(s.title_size)},
      {"title_bold", flag(s.title_bold)},
      {"number_label", text(s.number_label)},
      {"subject_label", text(s.subject_label)},
      {"space_after_emblem", length(s.space_after_emblem)},
      {"rule_width", length(s.rule_width)},
      {"rule_space", length(s.rule_space)},
      {"rule_line_width", length(s.rule_line_width)},
      {"effective_format", text(s.effective_format)},
      {"date_format", text(s.date_format)},
      {"year_prefix", text(s.year_prefix)},
      {"date_x", length(s.date_x)},
      {"date_space_before", length(s.date_space_before)},
      {"signature_center", fraction(s.signature_center)},
      {"signature_space", length(s.signature_space)},
      {"signature_space_before", length(s.signature_space_before)},
  };
}

namespace {
// "๙ มิถุนายน ๒๕๖๘" -> "๙ มิถุนายน พ.ศ. ๒๕๖๘"
std::string decree_date(const ThaiDate& date, const DecreeStyle& s, const BlockLayouter& b) {
  std::string text = format_thai_date(date, b.style().months, b.digits());
  size_t space = text.rfind(' ');
  if (space != std::string::npos) text.insert(space + 1, s.year_prefix);
  return text;
}

std::string fill(std::string format, const std::string& value) {
  size_t at = format.find("{date}");
  if (at != std::string::npos) format.replace(at, 6, value);
  return format;
}
}  // namespace

void layout_decree(const Decree& d, const DecreeStyle& s, BlockLayouter& b, std::vector<FlowBox>& out) {
  const Template& tpl = b.style();
  const double width = tpl.page.content_width();
  out.push_back(centred_emblem(d.emblem, s.emblem_height, tpl, b));
  std::string title = (d.title.empty() ? s.title : d.title) + d.issuer;
  centred_text(b, title, s.title_size, s.title_bold, d.title_at, "title", s.space_after_emblem, out);
  if (!d.number.empty()) {
    std::string year = d.year.empty() ? convert_digits(std::to_string(d.date.year + 543), b.digits()) : d.year;
    centred_text(b, s.number_label + " " + d.number + "/" + year, s.title_size, s.title_bold, d.number_at,
                 "number", 0, out);
  }
  centred_text(b, s.subject_label + " " + d.subject, s.title_size, s.title_bold, d.subject_at, "subject", 0, out);
  FlowBox rule;
  rule.height = 2 * s.rule_space;
  rule.break_before = false;
  rule.items.push_back(LineItem{(width - s.rule_width) / 2, s.rule_space, (width + s.rule_width) / 2, s.rule_space,
                                s.rule_line_width, Color{}, {}});
  out.push_back(rule);

  b.set_pending_space(0);
  b.add_blocks(d.body, out, 0, width);
  if (!d.clauses.empty()) {
    Block list;
    if (!d.clauses.front().empty()) list.where = d.clauses.front().front().where;
    List l;
    l.marker = b.digits() == DigitStyle::Arabic ? ListMarker::ArabicNumber : ListMarker::ThaiNumber;
    for (const auto& c : d.clauses) l.items.push_back(ListItem{c});
    list.content = std::move(l);
    b.add_blocks({list}, out, 0, width);
  }
  b.add_blocks(d.after, out, 0, width);
  if (!d.effective.empty() || !d.effective_text.empty()) {
    std::string text = d.effective_text.empty() ? fill(s.effective_format, decree_date(d.effective, s, b))
                                                : d.effective_text;
    ParagraphStyle ps;
    ps.first_line_indent = tpl.body.first_indent;
    ps.align = to_align(tpl.body.align);
    ps.line_height = tpl.body.line_height;
    b.set_source(d.effective_at, "effective");
    b.add_paragraph({InlineSpan{text}}, out, 0, width, ps, tpl.body.size, false, b.digits(), b.pending_space());
    b.set_pending_space(tpl.body.space_after);
  }
  b.keep_with_next();
  text_from(b, fill(s.date_format, decree_date(d.date, s, b)), s.date_x, tpl.body.size, false, d.date_at, "date",
            std::max(b.pending_space(), s.date_space_before), out);
  b.set_pending_space(0);
  out.push_back(signature_box(d.signer, {s.signature_space, s.signature_space_before}, tpl, b,
                              width * s.signature_center));
}

}  // namespace thaidoc
