// kind: letter — หนังสือภายนอก, the external letter (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงาน
// สารบรรณ, แบบหนังสือภายนอก): the Garuda 3 cm high centred at the top; ที่ at the left and the
// office's name and address at the right; the date from the centre; เรื่อง; เรียน; อ้างถึง;
// สิ่งที่ส่งมาด้วย; the body; ขอแสดงความนับถือ; the signature block; ส่วนราชการเจ้าของเรื่อง,
// โทร., โทรสาร and e-mail at the lower left; speed and secrecy stamps; continuation pages
// numbered. Template: letter.yaml (section `letter:`).
#include "layout/kinds/kind.h"

#include "layout/components/header_fields.h"
#include "layout/components/letterhead.h"
#include "layout/components/signature_block.h"

namespace thaidoc {

namespace {

struct Contact {
  std::string unit, phone, fax, email;  // ส่วนราชการเจ้าของเรื่อง, โทร., โทรสาร, ไปรษณีย์อิเล็กทรอนิกส์
  SourceLocation where;
};

struct Letter {
  std::string emblem;
  std::string reference;              // ที่
  std::vector<std::string> office;    // the office's name and address, one line each
  ThaiDate date;
  std::string subject, to;            // เรื่อง, เรียน
  std::vector<std::string> references;   // อ้างถึง
  std::vector<std::string> enclosures;   // สิ่งที่ส่งมาด้วย
  std::vector<Block> body;
  std::string closing;                // ขอแสดงความนับถือ (template default if empty)
  Signature signer;
  Contact contact;
  SourceLocation reference_at, office_at, date_at, subject_at, to_at, references_at, enclosures_at, closing_at;
};

struct LetterStyle {
  double emblem_height = 3 * kPointsPerCm;
  double space_after_emblem = 0;
  std::string reference_label = "ที่";
  double office_x = 7.5 * kPointsPerCm;    // the office's lines start here (from the left margin)
  double date_x = 7.5 * kPointsPerCm;      // the date starts here: the centre of the paper
  double space_before_date = 0;
  std::string subject_label = "เรื่อง";
  std::string to_label = "เรียน";
  std::string references_label = "อ้างถึง";
  std::string enclosures_label = "สิ่งที่ส่งมาด้วย";
  double label_size = 16;
  bool label_bold = false;
  double value_size = 16;
  double label_gap = 0.2 * kPointsPerCm;
  double space_before_subject = 6;
  double space_before_to = 6;
  double space_after_header = 6;
  std::string closing = "ขอแสดงความนับถือ";
  double closing_x = 7.5 * kPointsPerCm;   // from the left margin
  double closing_space_before = 6;
  double signature_center = 0.62;           // fraction of the text width
  double signature_space = 1.6 * kPointsPerCm;
  double signature_space_before = 0;
  double contact_space_before = 18;
  std::string phone_label = "โทร.";
  std::string fax_label = "โทรสาร";
  std::string email_label = "ไปรษณีย์อิเล็กทรอนิกส์";
  double contact_size = 16;
};

std::vector<std::string> lines_of(const YamlNode& n) { return n.as_string_list(); }

void read(const YamlNode& node, ContentReader& reader, Document& doc) {
  node.expect_map();
  node.check_keys({"speed", "secrecy", "emblem", "reference", "office", "date", "subject", "to", "references",
                   "enclosures", "body", "closing", "signer", "contact"});
  doc.stamps = ContentReader::stamps(node);
  Letter l;
  if (auto n = node.get("emblem")) l.emblem = reader.image(*n);
  YamlNode ref = node.required("reference");
  l.reference = ref.as_nonempty_string();
  l.reference_at = ref.where();
  YamlNode office = node.required("office");
  l.office = lines_of(office);
  l.office_at = office.where();
  YamlNode date = node.required("date");
  l.date = ContentReader::date(date);
  l.date_at = date.where();
  YamlNode subject = node.required("subject");
  l.subject = subject.as_nonempty_string();
  l.subject_at = subject.where();
  YamlNode to = node.required("to");
  l.to = to.as_nonempty_string();
  l.to_at = to.where();
  if (auto n = node.get("references")) {
    l.references = lines_of(*n);
    l.references_at = n->where();
  }
  if (auto n = node.get("enclosures")) {
    l.enclosures = lines_of(*n);
    l.enclosures_at = n->where();
  }
  l.body = reader.blocks(node.required("body"));
  l.closing_at = node.where();
  if (auto n = node.get("closing")) {
    l.closing = n->as_nonempty_string();
    l.closing_at = n->where();
  }
  l.signer = reader.signature(node.required("signer"));
  if (auto c = node.get("contact")) {
    c->expect_map();
    c->check_keys({"unit", "phone", "fax", "email"});
    l.contact.where = c->where();
    l.contact.unit = c->required("unit").as_nonempty_string();
    if (auto n = c->get("phone")) l.contact.phone = n->as_string();
    if (auto n = c->get("fax")) l.contact.fax = n->as_string();
    if (auto n = c->get("email")) l.contact.email = n->as_string();
  }
  std::vector<std::string>& words = doc.style.line_breaking.dictionary;
  for (const auto& line : l.office) add_name_entries(words, line, false);
  add_name_entries(words, l.to, false);
  add_name_entries(words, l.contact.unit, false);
  add_signer_names(words, l.signer);
  set_default_info(doc, l.subject, l.office.empty() ? "" : l.office.front(), l.date);
  doc.content = std::move(l);
}

void read_style(const YamlNode& node, std::any& slot) {
  LetterStyle& s = style_slot<LetterStyle>(slot);
  using namespace fields;
  apply_fields(node, {
      {"emblem_height", length(s.emblem_height)},
      {"space_after_emblem", length(s.space_after_emblem)},
      {"reference_label", text(s.reference_label)},
      {"office_x", length(s.office_x)},
      {"date_x", length(s.date_x)},
      {"space_before_date", length(s.space_before_date)},
      {"subject_label", text(s.subject_label)},
      {"to_label", text(s.to_label)},
      {"references_label", text(s.references_label)},
      {"enclosures_label", text(s.enclosures_label)},
      {"label_size", font_size(s.label_size)},
      {"label_bold", flag(s.label_bold)},
      {"value_size", font_size(s.value_size)},
      {"label_gap", length(s.label_gap)},
      {"space_before_subject", length(s.space_before_subject)},
      {"space_before_to", length(s.space_before_to)},
      {"space_after_header", length(s.space_after_header)},
      {"closing", text(s.closing)},
      {"closing_x", length(s.closing_x)},
      {"closing_space_before", length(s.closing_space_before)},
      {"signature_center", fraction(s.signature_center)},
      {"signature_space", length(s.signature_space)},
      {"signature_space_before", length(s.signature_space_before)},
      {"contact_space_before", length(s.contact_space_before)},
      {"phone_label", text(s.phone_label)},
      {"fax_label", text(s.fax_label)},
      {"email_label", text(s.email_label)},
      {"contact_size", font_size(s.contact_size)},
  });
}

// อ้างถึง / สิ่งที่ส่งมาด้วย: one item after the label, several numbered under each other.
void listed_field(BlockLayouter& b, const FieldStyle& fs, const std::string& label,
                  const std::vector<std::string>& items, const SourceLocation& at, std::vector<FlowBox>& out) {
  if (items.empty()) return;
  const Template& tpl = b.style();
  const double width = tpl.page.content_width();
  if (items.size() == 1) {
    append_rows(out, labelled_field(b, tpl, fs, label, items[0], 0, width, at, label.c_str()), 0, true);
    return;
  }
  ParagraphLayout lab = single_line(b, label, fs.label_size, fs.label_bold);
  double x = lab.lines[0].natural_width + fs.label_gap;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string text = convert_digits(std::to_string(i + 1), b.digits()) + ". " + items[i];
    auto rows = text_rows(b, text, fs.value_size, false, x, width, at, label.c_str());
    if (i == 0 && !rows.empty()) {
      std::vector<FrameItem> items0 = lab.lines[0].items;
      rows[0].items.insert(rows[0].items.begin(), items0.begin(), items0.end());
      rows[0].ascent = std::max(rows[0].ascent, lab.lines[0].ascent);
      rows[0].height = std::max(rows[0].height, lab.lines[0].height);
    }
    append_rows(out, rows, 0, true);
  }
}

void layout(const Document& doc, BlockLayouter& b, std::vector<FlowBox>& out) {
  const Letter& l = kind_content<Letter>(doc);
  const Template& tpl = b.style();
  const LetterStyle& s = kind_style<LetterStyle>(tpl, "letter");
  const double width = tpl.page.content_width();

  out.push_back(centred_emblem(l.emblem, s.emblem_height, tpl, b));
  FieldStyle fs;
  fs.label_size = s.label_size;
  fs.label_bold = s.label_bold;
  fs.value_size = s.value_size;
  fs.label_gap = s.label_gap;
  reference_and_office(b, fs, s.reference_label, l.reference, l.reference_at, l.office, l.office_at, s.office_x,
                       s.space_after_emblem, out);
  text_from(b, format_thai_date(l.date, tpl.months, b.digits()), s.date_x, s.value_size, false, l.date_at,
            "letter date", s.space_before_date, out);
  append_rows(out, labelled_field(b, tpl, fs, s.subject_label, l.subject, 0, width, l.subject_at, "letter subject"),
              s.space_before_subject, true);
  append_rows(out, labelled_field(b, tpl, fs, s.to_label, l.to, 0, width, l.to_at, "letter addressee"),
              s.space_before_to, true);
  listed_field(b, fs, s.references_label, l.references, l.references_at, out);
  listed_field(b, fs, s.enclosures_label, l.enclosures, l.enclosures_at, out);
  b.set_pending_space(s.space_after_header);

  b.add_blocks(l.body, out, 0, width);
  b.keep_with_next();
  text_from(b, l.closing.empty() ? s.closing : l.closing, s.closing_x, tpl.body.size, false, l.closing_at,
            "letter closing", std::max(b.pending_space(), s.closing_space_before), out);
  b.set_pending_space(0);
  out.push_back(signature_box(l.signer, {s.signature_space, s.signature_space_before}, tpl, b,
                              width * s.signature_center));

  // ส่วนราชการเจ้าของเรื่อง, โทร., โทรสาร, e-mail: at the lower left, one piece.
  if (!l.contact.unit.empty()) {
    std::vector<std::string> lines = {l.contact.unit};
    if (!l.contact.phone.empty()) lines.push_back(s.phone_label + " " + l.contact.phone);
    if (!l.contact.fax.empty()) lines.push_back(s.fax_label + " " + l.contact.fax);
    if (!l.contact.email.empty()) lines.push_back(s.email_label + " " + l.contact.email);
    std::vector<FlowBox> parts;
    for (const std::string& line : lines)
      append_rows(parts, text_rows(b, line, s.contact_size, false, 0, width, l.contact.where, "letter contact"), 0,
                  true);
    FlowBox box = merge_boxes(parts);
    box.space_before = s.contact_space_before;
    box.break_before = false;
    out.push_back(std::move(box));
  }
}

}  // namespace

extern const Kind kLetterKind{"letter", "letter", "letter", "หนังสือภายนอก (external letter)", read, read_style,
                              layout, nullptr};

}  // namespace thaidoc
