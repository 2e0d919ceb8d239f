// kind: minutes — รายงานการประชุม, as ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ (ข้อ 25) lays it out:
// the title, ครั้งที่, เมื่อ (the date, with its weekday) and ณ (the place) centred at the top;
// ผู้มาประชุม, ผู้ไม่มาประชุม (with the reason) and ผู้เข้าร่วมประชุม as numbered tables of name,
// position and a signature column; เริ่มประชุมเวลา; ระเบียบวาระที่ ๑ ... each with its discussion
// and มติที่ประชุม; เลิกประชุมเวลา; the signatures of ผู้จดรายงานการประชุม and ผู้ตรวจรายงานการประชุม.
// Template: minutes.yaml (section `minutes:`).
#include "layout/kinds/kind.h"

#include <cstdio>

#include "base/digits.h"
#include "layout/components/signature_block.h"

namespace thaidoc {

namespace {

struct Attendee {
  std::string name;
  std::string position;
  std::string reason;  // ผู้ไม่มาประชุม only: ลาป่วย, ติดราชการ ...
  SourceLocation where;
};

struct AgendaItem {
  std::string title;          // printed after "ระเบียบวาระที่ ๑": เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ
  std::vector<Block> body;    // the discussion
  std::vector<Block> resolution;  // มติที่ประชุม (empty: none printed)
  SourceLocation where, title_at, resolution_at;
};

struct Minutes {
  std::vector<std::string> title;  // รายงานการประชุม... (one or more centred lines)
  std::string session;             // ครั้งที่ ๑/๒๕๖๕
  ThaiDate date;                   // เมื่อวันพุธที่ ๑๖ พฤศจิกายน ๒๕๖๕
  std::string place;               // ณ ห้องประชุม...
  std::vector<Attendee> present, absent, attending;
  std::string opened;              // เริ่มประชุมเวลา 09.30 น.
  std::vector<Block> opening;      // after the start time, before the agenda (optional)
  std::vector<AgendaItem> agenda;
  std::string closed;              // เลิกประชุมเวลา 12.00 น.
  Signature recorder;              // ผู้จดรายงานการประชุม
  Signature checker;               // ผู้ตรวจรายงานการประชุม (optional: name empty = none)
  SourceLocation title_at, session_at, date_at, place_at, opened_at, closed_at;
};

// The template's `minutes:` section: labels, sizes and spacing.
struct MinutesStyle {
  double title_size = 18;
  bool title_bold = true;
  std::string session_label = "ครั้งที่";
  std::string date_label = "เมื่อ";
  bool weekday = true;               // เมื่อวันพุธที่ ๑๖ ... (false: เมื่อ ๑๖ ...)
  std::string place_label = "ณ";
  double space_after_title = 12;
  std::string present_label = "ผู้มาประชุม";
  std::string absent_label = "ผู้ไม่มาประชุม";
  std::string attending_label = "ผู้เข้าร่วมประชุม";
  double section_label_size = 16;    // the labels above the tables and the times
  bool section_label_bold = true;
  double section_space_before = 8;
  std::string number_header = "ที่";
  std::string name_header = "ชื่อ - สกุล";
  std::string position_header = "ตำแหน่ง";
  std::string signature_header = "ลายมือชื่อ";
  std::string reason_header = "เหตุผล";
  double number_width = 1.0 * kPointsPerCm;
  double signature_width = 2.5 * kPointsPerCm;  // also the reason column
  double name_weight = 6;      // the name and position columns share the rest in this proportion
  double position_weight = 5;
  double table_font_size = 14;
  std::string opened_label = "เริ่มประชุมเวลา";
  std::string closed_label = "เลิกประชุมเวลา";
  std::string time_suffix = "น.";
  std::string agenda_label = "ระเบียบวาระที่";
  double agenda_size = 16;
  bool agenda_bold = true;
  double agenda_space_before = 10;
  std::string resolution_label = "มติที่ประชุม";
  bool resolution_label_bold = true;
  std::string recorder_label = "ผู้จดรายงานการประชุม";
  std::string checker_label = "ผู้ตรวจรายงานการประชุม";
  double signature_center = 0.62;     // fraction of the text width
  double signature_space = 1.6 * kPointsPerCm;  // blank space to sign in, above the (name)
  double signature_space_before = 18;
};


// ---------------------------------------------------------------- reading

// "09.30", "9.30", "09:30" or "๐๙.๓๐": a clock time as the minutes print it (HH.MM).
std::string read_time(const YamlNode& node) {
  std::string s = node.as_nonempty_string();
  std::string ascii = convert_digits(s, DigitStyle::Arabic);
  int h = -1, m = -1;
  char sep = 0;
  int used = 0;
  if (std::sscanf(ascii.c_str(), "%d%c%d%n", &h, &sep, &m, &used) != 3 || used != static_cast<int>(ascii.size()) ||
      (sep != '.' && sep != ':') || h < 0 || h > 23 || m < 0 || m > 59 || ascii.size() - ascii.find(sep) != 3) {
    node.fail("'" + s + "' is not a time (expected HH.MM, e.g. 09.30)");
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d.%02d", h, m);
  return buf;
}

std::vector<Attendee> attendees(const YamlNode& node, bool with_reason) {
  std::vector<Attendee> out;
  for (const YamlNode& item : node.items()) {
    Attendee a;
    a.where = item.where();
    if (item.is_scalar()) {
      a.name = item.as_nonempty_string();
    } else {
      item.expect_map();
      if (with_reason) item.check_keys({"name", "position", "reason"});
      else item.check_keys({"name", "position"});
      a.name = item.required("name").as_nonempty_string();
      if (auto n = item.get("position")) a.position = n->as_string();
      if (with_reason) {
        if (auto n = item.get("reason")) a.reason = n->as_string();
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

void read(const YamlNode& node, ContentReader& r, Document& doc) {
  node.expect_map();
  node.check_keys({"title", "session", "date", "place", "present", "absent", "attending", "opened", "opening",
                   "agenda", "closed", "recorder", "checker"});
  Minutes m;
  YamlNode title = node.required("title");
  m.title = title.as_string_list();
  m.title_at = title.where();
  if (auto n = node.get("session")) {
    m.session = n->as_string();
    m.session_at = n->where();
  }
  YamlNode date = node.required("date");
  m.date_at = date.where();
  m.date = ContentReader::date(date);
  YamlNode place = node.required("place");
  m.place = place.as_nonempty_string();
  m.place_at = place.where();
  m.present = attendees(node.required("present"), false);
  if (auto n = node.get("absent")) m.absent = attendees(*n, true);
  if (auto n = node.get("attending")) m.attending = attendees(*n, false);
  YamlNode opened = node.required("opened");
  m.opened = read_time(opened);
  m.opened_at = opened.where();
  if (auto n = node.get("opening")) m.opening = r.blocks(*n);
  YamlNode agenda = node.required("agenda");
  for (const YamlNode& item : agenda.items()) {
    item.expect_map();
    item.check_keys({"title", "body", "resolution"});
    AgendaItem a;
    a.where = item.where();
    YamlNode t = item.required("title");
    a.title = t.as_nonempty_string();
    a.title_at = t.where();
    if (auto n = item.get("body")) a.body = r.blocks(*n);
    if (auto n = item.get("resolution")) {
      a.resolution = r.blocks(*n);
      a.resolution_at = n->where();
    }
    m.agenda.push_back(std::move(a));
  }
  if (m.agenda.empty()) agenda.fail("expected at least one agenda item (ระเบียบวาระที่ ๑)");
  YamlNode closed = node.required("closed");
  m.closed = read_time(closed);
  m.closed_at = closed.where();
  m.recorder = r.signature(node.required("recorder"));
  if (auto n = node.get("checker")) m.checker = r.signature(*n);
  std::vector<std::string>& words = doc.style.line_breaking.dictionary;
  for (const auto* list : {&m.present, &m.absent, &m.attending}) {
    for (const Attendee& a : *list) {
      add_name_entries(words, a.name, true);
      add_name_entries(words, a.position, false);
    }
  }
  add_signer_names(words, m.recorder);
  add_signer_names(words, m.checker);
  std::string pdf_title;
  for (const std::string& line : m.title) pdf_title += (pdf_title.empty() ? "" : " ") + line;
  set_default_info(doc, pdf_title, "", m.date);
  doc.content = std::move(m);
}


void read_style(const YamlNode& node, std::any& slot) {
  MinutesStyle& s = style_slot<MinutesStyle>(slot);
  using namespace fields;
  apply_fields(node, {
      {"title_size", font_size(s.title_size)},
      {"title_bold", flag(s.title_bold)},
      {"session_label", text(s.session_label)},
      {"date_label", text(s.date_label)},
      {"weekday", flag(s.weekday)},
      {"place_label", text(s.place_label)},
      {"space_after_title", length(s.space_after_title)},
      {"present_label", text(s.present_label)},
      {"absent_label", text(s.absent_label)},
      {"attending_label", text(s.attending_label)},
      {"section_label_size", font_size(s.section_label_size)},
      {"section_label_bold", flag(s.section_label_bold)},
      {"section_space_before", length(s.section_space_before)},
      {"number_header", text(s.number_header)},
      {"name_header", text(s.name_header)},
      {"position_header", text(s.position_header)},
      {"signature_header", text(s.signature_header)},
      {"reason_header", text(s.reason_header)},
      {"table_font_size", font_size(s.table_font_size)},
      {"opened_label", text(s.opened_label)},
      {"closed_label", text(s.closed_label)},
      {"time_suffix", text(s.time_suffix)},
      {"agenda_label", text(s.agenda_label)},
      {"agenda_size", font_size(s.agenda_size)},
      {"agenda_bold", flag(s.agenda_bold)},
      {"agenda_space_before", length(s.agenda_space_before)},
      {"resolution_label", text(s.resolution_label)},
      {"resolution_label_bold", flag(s.resolution_label_bold)},
      {"recorder_label", text(s.recorder_label)},
      {"checker_label", text(s.checker_label)},
      {"signature_space_before", length(s.signature_space_before)},
      {"number_width", length(s.number_width)},
      {"signature_width", length(s.signature_width)},
      {"name_weight", [&](const YamlNode& n) { s.name_weight = n.as_number(0.1, 100); }},
      {"position_weight", [&](const YamlNode& n) { s.position_weight = n.as_number(0.1, 100); }},
      {"signature_center", fraction(s.signature_center)},
      {"signature_space", length(s.signature_space)},
  });
}

// ---------------------------------------------------------------- layout

const char* const kWeekdays[] = {"อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"};

// 0 = Sunday (Sakamoto's method, Gregorian calendar).
int weekday_of(int y, int m, int d) {
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

Block text_block(InlineText text, const SourceLocation& where, BlockAlign align) {
  Block b;
  Paragraph p;
  p.text = std::move(text);
  p.align = align;
  p.first_indent = 0;
  b.content = std::move(p);
  b.where = where;
  return b;
}

TableCell cell(const std::string& text, const SourceLocation& where, BlockAlign align = BlockAlign::Left) {
  TableCell c;
  c.blocks.push_back(text_block({InlineSpan{text}}, where, align));
  return c;
}

// A numbered attendance table: ที่ | ชื่อ - สกุล | ตำแหน่ง | ลายมือชื่อ (or เหตุผล).
Block attendance_table(const std::vector<Attendee>& people, bool reasons, const MinutesStyle& ms,
                       const SourceLocation& where) {
  Table t;
  t.columns = {TableColumn{TableColumn::Unit::Points, ms.number_width, BlockAlign::Center, std::nullopt},
               TableColumn{TableColumn::Unit::Relative, ms.name_weight, std::nullopt, std::nullopt},
               TableColumn{TableColumn::Unit::Relative, ms.position_weight, std::nullopt, std::nullopt},
               TableColumn{TableColumn::Unit::Points, ms.signature_width, std::nullopt, std::nullopt}};
  t.font_size = ms.table_font_size;
  TableRow header;
  for (const std::string* h : {&ms.number_header, &ms.name_header, &ms.position_header,
                               reasons ? &ms.reason_header : &ms.signature_header}) {
    header.cells.push_back(cell(*h, where, BlockAlign::Center));
  }
  t.header.push_back(std::move(header));
  for (size_t i = 0; i < people.size(); ++i) {
    const Attendee& a = people[i];
    TableRow row;
    row.cells.push_back(cell(std::to_string(i + 1), a.where, BlockAlign::Center));
    row.cells.push_back(cell(a.name, a.where));
    row.cells.push_back(cell(a.position, a.where));
    row.cells.push_back(reasons ? cell(a.reason, a.where) : TableCell{});
    t.body.push_back(std::move(row));
  }
  Block b;
  b.content = std::move(t);
  b.where = where;
  return b;
}

std::string minutes_date(const ThaiDate& date, bool weekday, MonthStyle months, DigitStyle digits) {
  std::string text = format_thai_date(date, months, digits);
  if (!weekday) return text;
  return std::string("วัน") + kWeekdays[weekday_of(date.year, date.month, date.day)] + "ที่ " + text;
}

void layout(const Document& doc, BlockLayouter& b, std::vector<FlowBox>& out) {
  const Minutes& m = kind_content<Minutes>(doc);
  const Template& tpl = b.style();
  const MinutesStyle& ms = kind_style<MinutesStyle>(tpl, "minutes");
  const double width = tpl.page.content_width();
  const DigitStyle digits = b.digits();

  ParagraphStyle centred;
  centred.align = Align::Center;
  centred.line_height = tpl.body.line_height;
  // The title block: its lines stay together.
  auto title_line = [&](const std::string& text, const SourceLocation& where, const char* what, bool first) {
    b.set_source(where, what);
    if (!first) b.keep_with_next();
    b.add_paragraph({InlineSpan{text}}, out, 0, width, centred, ms.title_size, ms.title_bold, digits, 0);
  };
  bool first = true;
  for (const std::string& line : m.title) {
    title_line(line, m.title_at, "minutes title", first);
    first = false;
  }
  if (!m.session.empty()) title_line(ms.session_label + " " + m.session, m.session_at, "minutes session", false);
  title_line(ms.date_label + minutes_date(m.date, ms.weekday, tpl.months, digits), m.date_at, "minutes date", false);
  title_line(ms.place_label + " " + m.place, m.place_at, "minutes place", false);

  // A bold label (ผู้มาประชุม, เริ่มประชุมเวลา ...) and perhaps a value after it, flush left.
  auto labelled = [&](const std::string& label, const std::string& value, const SourceLocation& where,
                      const char* what, double space_before, bool keep_with_next) {
    InlineText text{InlineSpan{label, ms.section_label_bold}};
    if (!value.empty()) text.push_back(InlineSpan{" " + value});
    ParagraphStyle ps;
    ps.align = Align::Left;
    ps.line_height = tpl.body.line_height;
    b.set_source(where, what);
    b.add_paragraph(text, out, 0, width, ps, ms.section_label_size, false, digits,
                    std::max(b.pending_space(), space_before));
    b.set_pending_space(0);
    if (keep_with_next) b.keep_with_next();
  };
  double space = ms.space_after_title;
  auto attendance = [&](const std::string& label, const std::vector<Attendee>& people, bool reasons) {
    if (people.empty()) return;
    labelled(label, "", people.front().where, "minutes attendance label", space, true);
    space = ms.section_space_before;
    b.add_blocks({attendance_table(people, reasons, ms, people.front().where)}, out, 0, width);
  };
  attendance(ms.present_label, m.present, false);
  attendance(ms.absent_label, m.absent, true);
  attendance(ms.attending_label, m.attending, false);

  labelled(ms.opened_label, m.opened + " " + ms.time_suffix, m.opened_at, "minutes start time",
           ms.section_space_before, false);
  b.add_blocks(m.opening, out, 0, width);

  ParagraphStyle agenda_style;
  agenda_style.align = Align::Left;
  agenda_style.line_height = tpl.body.line_height;
  for (size_t i = 0; i < m.agenda.size(); ++i) {
    const AgendaItem& a = m.agenda[i];
    // "ระเบียบวาระที่ ๑ เรื่อง ...": never the last line of a page.
    b.set_source(a.title_at, "agenda item");
    b.add_paragraph({InlineSpan{ms.agenda_label + " " + std::to_string(i + 1) + " " + a.title}}, out, 0, width,
                    agenda_style, ms.agenda_size, ms.agenda_bold, digits,
                    std::max(b.pending_space(), ms.agenda_space_before));
    b.set_pending_space(tpl.body.space_after);
    b.keep_with_next();
    b.add_blocks(a.body, out, 0, width);
    if (a.resolution.empty()) continue;
    // มติที่ประชุม: the label runs into a one-paragraph resolution, else stands above it.
    const auto* para = a.resolution.size() == 1 ? std::get_if<Paragraph>(&a.resolution.front().content) : nullptr;
    if (para) {
      InlineText text{InlineSpan{ms.resolution_label, ms.resolution_label_bold}, InlineSpan{" "}};
      text.insert(text.end(), para->text.begin(), para->text.end());
      std::vector<Block> one{a.resolution.front()};
      std::get<Paragraph>(one.front().content).text = std::move(text);
      b.add_blocks(one, out, 0, width);
    } else {
      labelled(ms.resolution_label, "", a.resolution_at, "minutes resolution label", tpl.body.space_before, true);
      b.add_blocks(a.resolution, out, 0, width);
    }
  }

  labelled(ms.closed_label, m.closed + " " + ms.time_suffix, m.closed_at, "minutes closing time",
           ms.section_space_before, false);

  // The signatures, each with its role under the signer's position.
  for (const auto& [signer, role] : {std::pair{&m.recorder, &ms.recorder_label}, {&m.checker, &ms.checker_label}}) {
    if (signer->name.empty()) continue;
    Signature s = *signer;
    s.positions.push_back(*role);
    out.push_back(signature_box(s, SignatureStyle{ms.signature_space, ms.signature_space_before}, tpl, b,
                                width * ms.signature_center));
  }
}

}  // namespace

extern const Kind kMinutesKind{"minutes", "minutes", "minutes", "รายงานการประชุม (meeting minutes)", read, read_style,
                               layout, nullptr};

}  // namespace thaidoc
