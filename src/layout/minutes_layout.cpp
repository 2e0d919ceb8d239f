#include "layout/minutes_layout.h"

#include "layout/memo_layout.h"

namespace thaidoc {

namespace {

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

}  // namespace

std::string minutes_date(const ThaiDate& date, bool weekday, MonthStyle months, DigitStyle digits) {
  std::string text = format_thai_date(date, months, digits);
  if (!weekday) return text;
  return std::string("วัน") + kWeekdays[weekday_of(date.year, date.month, date.day)] + "ที่ " + text;
}

void layout_minutes(const Minutes& m, const Template& tpl, BlockLayouter& b, std::vector<FlowBox>& out) {
  const MinutesStyle& ms = tpl.minutes;
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
    FlowBox box = signature_box(s, tpl, b, width * ms.signature_center, b.base_dir());
    box.space_before = ms.signature_space_before;
    out.push_back(std::move(box));
  }
}

}  // namespace thaidoc
