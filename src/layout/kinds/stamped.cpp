// kind: stamped — หนังสือประทับตรา (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ, แบบหนังสือ
// ประทับตรา): the Garuda centred at the top; ที่ at the left; ถึง; the text; the office's name,
// then the office's stamp (ตราชื่อส่วนราชการ: two circles, 4.5 and 3.5 cm across, or the
// stamp's image) with the initials of the responsible official beside it, in place of a
// signature; the date under it; ส่วนราชการเจ้าของเรื่อง, โทร., โทรสาร and e-mail at the
// lower left. Template: stamped.yaml (section `stamped:`).
#include "layout/kinds/kind.h"

#include <cmath>

#include "layout/components/emblem.h"
#include "layout/components/header_fields.h"
#include "layout/components/letterhead.h"

namespace thaidoc {

namespace {

struct Stamped {
  std::string emblem;
  std::string reference, to;           // ที่, ถึง
  std::vector<Block> body;
  std::string office;                  // the office's name, above the stamp
  std::string stamp;                   // the stamp's image ("" = its outline, to stamp by hand)
  std::string initials;                // ลงชื่อย่อกำกับตรา ("" = a dotted line to write them on)
  ThaiDate date;
  std::vector<std::string> contact;    // ส่วนราชการเจ้าของเรื่อง, then โทร. ... lines
  SourceLocation reference_at, to_at, office_at, initials_at, date_at, contact_at;
};

struct StampedStyle {
  double emblem_height = 3 * kPointsPerCm;
  std::string reference_label = "ที่";
  std::string to_label = "ถึง";
  double label_gap = 0.2 * kPointsPerCm;
  double space_before_to = 6;
  double space_after_header = 6;
  double stamp_center = 0.62;                  // centre of the office's name, stamp and date (fraction of the text width)
  double office_space_before = 12;
  double stamp_outer = 4.5 * kPointsPerCm;     // the stamp's outer circle, across
  double stamp_inner = 3.5 * kPointsPerCm;     // its inner circle
  double stamp_line_width = 0.6;
  double stamp_space = 4;                      // above and below the stamp
  double initials_gap = 0.3 * kPointsPerCm;    // between the stamp and the initials
  double initials_line = 2 * kPointsPerCm;     // the dotted line for handwritten initials
  double contact_space_before = 18;
  std::string phone_label = "โทร.";
  std::string fax_label = "โทรสาร";
  std::string email_label = "ไปรษณีย์อิเล็กทรอนิกส์";
};

void read(const YamlNode& node, ContentReader& reader, Document& doc) {
  node.expect_map();
  node.check_keys({"emblem", "reference", "to", "body", "office", "stamp", "initials", "date", "contact"});
  Stamped s;
  if (auto n = node.get("emblem")) s.emblem = reader.image(*n);
  YamlNode ref = node.required("reference");
  s.reference = ref.as_nonempty_string();
  s.reference_at = ref.where();
  YamlNode to = node.required("to");
  s.to = to.as_nonempty_string();
  s.to_at = to.where();
  s.body = reader.blocks(node.required("body"));
  YamlNode office = node.required("office");
  s.office = office.as_nonempty_string();
  s.office_at = office.where();
  if (auto n = node.get("stamp")) s.stamp = reader.image(*n);
  if (auto n = node.get("initials")) {
    s.initials = n->as_nonempty_string();
    s.initials_at = n->where();
  }
  YamlNode date = node.required("date");
  s.date = ContentReader::date(date);
  s.date_at = date.where();
  if (auto c = node.get("contact")) {
    c->expect_map();
    c->check_keys({"unit", "phone", "fax", "email"});
    s.contact_at = c->where();
    s.contact.push_back(c->required("unit").as_nonempty_string());
    // "phone\t..." : the labels come from the template at layout time.
    for (const char* k : {"phone", "fax", "email"}) {
      if (auto n = c->get(k)) s.contact.push_back(std::string(k) + "\t" + n->as_string());
    }
  }
  std::vector<std::string>& words = doc.style.line_breaking.dictionary;
  add_name_entries(words, s.office, false);
  add_name_entries(words, s.to, false);
  set_default_info(doc, "หนังสือประทับตรา " + s.reference, s.office, s.date);
  doc.content = std::move(s);
}

void read_style(const YamlNode& node, std::any& slot) {
  StampedStyle& s = style_slot<StampedStyle>(slot);
  using namespace fields;
  apply_fields(node, {
      {"emblem_height", length(s.emblem_height)},
      {"reference_label", text(s.reference_label)},
      {"to_label", text(s.to_label)},
      {"label_gap", length(s.label_gap)},
      {"space_before_to", length(s.space_before_to)},
      {"space_after_header", length(s.space_after_header)},
      {"stamp_center", fraction(s.stamp_center)},
      {"office_space_before", length(s.office_space_before)},
      {"stamp_outer", length(s.stamp_outer)},
      {"stamp_inner", length(s.stamp_inner)},
      {"stamp_line_width", length(s.stamp_line_width)},
      {"stamp_space", length(s.stamp_space)},
      {"initials_gap", length(s.initials_gap)},
      {"initials_line", length(s.initials_line)},
      {"contact_space_before", length(s.contact_space_before)},
      {"phone_label", text(s.phone_label)},
      {"fax_label", text(s.fax_label)},
      {"email_label", text(s.email_label)},
  });
}

// A circle as a polygon of short lines.
void circle(std::vector<FrameItem>& items, double cx, double cy, double r, double width) {
  const int n = 72;
  for (int i = 0; i < n; ++i) {
    double a0 = 2 * M_PI * i / n, a1 = 2 * M_PI * (i + 1) / n;
    items.push_back(LineItem{cx + r * std::cos(a0), cy + r * std::sin(a0), cx + r * std::cos(a1),
                             cy + r * std::sin(a1), width, Color{}, {}});
  }
}

void layout(const Document& doc, BlockLayouter& b, std::vector<FlowBox>& out) {
  const Stamped& st = kind_content<Stamped>(doc);
  const Template& tpl = b.style();
  const StampedStyle& s = kind_style<StampedStyle>(tpl, "stamped");
  const double width = tpl.page.content_width();
  const double center = width * s.stamp_center;
  const double size = tpl.body.size;

  out.push_back(centred_emblem(st.emblem, s.emblem_height, tpl, b));
  FieldStyle fs;
  fs.label_size = fs.value_size = size;
  fs.label_gap = s.label_gap;
  append_rows(out, labelled_field(b, tpl, fs, s.reference_label, st.reference, 0, width, st.reference_at,
                                  "reference"),
              0, true);
  append_rows(out, labelled_field(b, tpl, fs, s.to_label, st.to, 0, width, st.to_at, "addressee"), s.space_before_to,
              true);
  b.set_pending_space(s.space_after_header);
  b.add_blocks(st.body, out, 0, width);

  // The office's name, the stamp with the initials beside it, and the date: one piece,
  // centred on stamp_center, kept with the end of the text.
  std::vector<FlowBox> parts;
  double half = std::min(center, width - center);
  append_rows(parts, text_rows(b, st.office, size, false, center - half, center + half, st.office_at, "office",
                               Align::Center),
              0, true);
  FlowBox stamp;
  stamp.height = s.stamp_outer + 2 * s.stamp_space;
  double cy = s.stamp_space + s.stamp_outer / 2;
  if (!st.stamp.empty()) {
    ImageItem img = emblem_item(b.base_dir(), st.stamp, 0, 0, s.stamp_outer);
    img.x = center - img.w / 2;
    img.y = s.stamp_space;
    stamp.items.push_back(img);
  } else {
    circle(stamp.items, center, cy, s.stamp_outer / 2, s.stamp_line_width);
    circle(stamp.items, center, cy, s.stamp_inner / 2, s.stamp_line_width);
  }
  double ix = center + s.stamp_outer / 2 + s.initials_gap;
  if (!st.initials.empty()) {
    auto rows = text_rows(b, st.initials, size, false, ix, width, st.initials_at, "initials");
    for (RowLine& r : rows) {
      translate_items(r.items, 0, cy);
      stamp.items.insert(stamp.items.end(), r.items.begin(), r.items.end());
    }
  } else {
    stamp.items.push_back(LineItem{ix, cy, std::min(width, ix + s.initials_line), cy, tpl.dotted_line_width, Color{},
                                   {tpl.dotted_line_dash, tpl.dotted_line_dash * 1.5}});
  }
  stamp.break_before = false;
  parts.push_back(std::move(stamp));
  append_rows(parts, text_rows(b, format_thai_date(st.date, tpl.months, b.digits()), size, false, center - half,
                               center + half, st.date_at, "date", Align::Center),
              0, true);
  FlowBox piece = merge_boxes(parts);
  piece.space_before = std::max(b.pending_space(), s.office_space_before);
  piece.break_before = false;
  out.push_back(std::move(piece));
  b.set_pending_space(0);

  if (!st.contact.empty()) {
    std::vector<FlowBox> lines;
    for (const std::string& c : st.contact) {
      std::string line = c;
      size_t tab = c.find('\t');
      if (tab != std::string::npos) {
        std::string key = c.substr(0, tab);
        const std::string& label = key == "phone" ? s.phone_label : key == "fax" ? s.fax_label : s.email_label;
        line = label + " " + c.substr(tab + 1);
      }
      append_rows(lines, text_rows(b, line, size, false, 0, width, st.contact_at, "contact"), 0, true);
    }
    FlowBox box = merge_boxes(lines);
    box.space_before = s.contact_space_before;
    box.break_before = false;
    out.push_back(std::move(box));
  }
}

}  // namespace

extern const Kind kStampedKind{"stamped", "stamped", "stamped", "หนังสือประทับตรา (stamped letter)", read, read_style,
                               layout, nullptr};

}  // namespace thaidoc
