// kind: certificate — หนังสือรับรอง (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ, แบบหนังสือ
// รับรอง): the Garuda centred at the top; ที่ at the left and the office's name and address at
// the right; "หนังสือรับรอง" centred; the text ("หนังสือฉบับนี้ให้ไว้เพื่อรับรองว่า ..."); "ให้ไว้ ณ
// วันที่ ..." from the centre; the signature; for a certificate given to a person, the
// person's photograph (4 x 6 cm) at the lower left, beside the signature, with their
// signature and name under it.
// Template: certificate.yaml (section `certificate:`).
#include "layout/kinds/kind.h"

#include "layout/components/emblem.h"
#include "layout/components/header_fields.h"
#include "layout/components/letterhead.h"
#include "layout/components/signature_block.h"

namespace thaidoc {

namespace {

struct Certificate {
  std::string emblem;
  std::string reference;              // ที่
  std::vector<std::string> office;    // name and address, one line each
  std::string title;                  // หนังสือรับรอง (template default if empty)
  std::vector<Block> body;
  ThaiDate date;                      // ให้ไว้ ณ วันที่
  Signature signer;
  std::string holder, photo;          // the person certified: name, photograph ("" = a frame)
  SourceLocation reference_at, office_at, title_at, date_at, holder_at;
};

struct CertificateStyle {
  double emblem_height = 3 * kPointsPerCm;
  std::string reference_label = "ที่";
  double office_x = 7.5 * kPointsPerCm;  // from the left margin: the centre of the paper
  std::string title = "หนังสือรับรอง";
  double title_size = 20;
  bool title_bold = true;
  double title_space_before = 12;
  double title_space_after = 6;
  std::string date_format = "ให้ไว้ ณ วันที่ {date}";
  std::string year_prefix = "พ.ศ. ";
  double date_x = 7.5 * kPointsPerCm;
  double date_space_before = 12;
  double signature_center = 0.62;
  double signature_space = 1.6 * kPointsPerCm;
  double signature_space_before = 0;
  double photo_width = 4 * kPointsPerCm;
  double photo_height = 6 * kPointsPerCm;
  double photo_space_before = 12;
  double holder_signature_space = 1.2 * kPointsPerCm;  // under the photo, for the holder to sign
  double holder_name_width = 6 * kPointsPerCm;         // the (name) under it, from the left margin
};

void read(const YamlNode& node, ContentReader& reader, Document& doc) {
  node.expect_map();
  node.check_keys({"emblem", "reference", "office", "title", "body", "date", "signer", "holder", "photo"});
  Certificate c;
  if (auto n = node.get("emblem")) c.emblem = reader.image(*n);
  YamlNode ref = node.required("reference");
  c.reference = ref.as_nonempty_string();
  c.reference_at = ref.where();
  YamlNode office = node.required("office");
  c.office = office.as_string_list();
  c.office_at = office.where();
  c.title_at = node.where();
  if (auto n = node.get("title")) {
    c.title = n->as_nonempty_string();
    c.title_at = n->where();
  }
  c.body = reader.blocks(node.required("body"));
  YamlNode date = node.required("date");
  c.date = ContentReader::date(date);
  c.date_at = date.where();
  c.signer = reader.signature(node.required("signer"));
  if (auto n = node.get("holder")) {
    c.holder = n->as_nonempty_string();
    c.holder_at = n->where();
  }
  if (auto n = node.get("photo")) {
    if (c.holder.empty()) n->fail("a photograph goes with the person certified: add 'holder' (their name)");
    c.photo = reader.image(*n);
  }
  std::vector<std::string>& words = doc.style.line_breaking.dictionary;
  for (const auto& line : c.office) add_name_entries(words, line, false);
  add_name_entries(words, c.holder, true);
  add_signer_names(words, c.signer);
  set_default_info(doc, c.title.empty() ? "หนังสือรับรอง" : c.title, c.office.empty() ? "" : c.office.front(),
                   c.date);
  doc.content = std::move(c);
}

void read_style(const YamlNode& node, std::any& slot) {
  CertificateStyle& s = style_slot<CertificateStyle>(slot);
  using namespace fields;
  apply_fields(node, {
      {"emblem_height", length(s.emblem_height)},
      {"reference_label", text(s.reference_label)},
      {"office_x", length(s.office_x)},
      {"title", text(s.title)},
      {"title_size", font_size(s.title_size)},
      {"title_bold", flag(s.title_bold)},
      {"title_space_before", length(s.title_space_before)},
      {"title_space_after", length(s.title_space_after)},
      {"date_format", text(s.date_format)},
      {"year_prefix", text(s.year_prefix)},
      {"date_x", length(s.date_x)},
      {"date_space_before", length(s.date_space_before)},
      {"signature_center", fraction(s.signature_center)},
      {"signature_space", length(s.signature_space)},
      {"signature_space_before", length(s.signature_space_before)},
      {"photo_width", length(s.photo_width)},
      {"photo_height", length(s.photo_height)},
      {"photo_space_before", length(s.photo_space_before)},
      {"holder_signature_space", length(s.holder_signature_space)},
      {"holder_name_width", length(s.holder_name_width)},
  });
}

void layout(const Document& doc, BlockLayouter& b, std::vector<FlowBox>& out) {
  const Certificate& c = kind_content<Certificate>(doc);
  const Template& tpl = b.style();
  const CertificateStyle& s = kind_style<CertificateStyle>(tpl, "certificate");
  const double width = tpl.page.content_width();
  const double size = tpl.body.size;

  out.push_back(centred_emblem(c.emblem, s.emblem_height, tpl, b));
  FieldStyle fs;
  fs.label_size = fs.value_size = size;
  reference_and_office(b, fs, s.reference_label, c.reference, c.reference_at, c.office, c.office_at, s.office_x, 0,
                       out);
  centred_text(b, c.title.empty() ? s.title : c.title, s.title_size, s.title_bold, c.title_at, "title",
               s.title_space_before, out);
  b.set_pending_space(s.title_space_after);
  b.add_blocks(c.body, out, 0, width);
  b.keep_with_next();

  // ให้ไว้ ณ วันที่ ๑๐ มิถุนายน พ.ศ. ๒๕๖๘
  std::string date = format_thai_date(c.date, tpl.months, b.digits());
  if (size_t space = date.rfind(' '); space != std::string::npos) date.insert(space + 1, s.year_prefix);
  std::string line = s.date_format;
  if (size_t at = line.find("{date}"); at != std::string::npos) line.replace(at, 6, date);
  text_from(b, line, s.date_x, size, false, c.date_at, "date", std::max(b.pending_space(), s.date_space_before), out);
  b.set_pending_space(0);
  FlowBox signature = signature_box(c.signer, {s.signature_space, s.signature_space_before}, tpl, b,
                                    width * s.signature_center);
  if (c.holder.empty()) {
    out.push_back(std::move(signature));
    return;
  }
  // The person certified, at the lower left beside the signature: the photograph (or a
  // frame to paste it in), space for them to sign, (name).
  std::vector<FlowBox> parts;
  FlowBox photo;
  photo.height = s.photo_height;
  if (!c.photo.empty()) {
    ImageItem img = emblem_item(b.base_dir(), c.photo, 0, 0, s.photo_height);
    img.w = s.photo_width;
    photo.items.push_back(img);
  } else {
    photo.items.push_back(
        RectItem{0, 0, s.photo_width, s.photo_height, false, Color{}, true, Color{}, tpl.dotted_line_width});
  }
  parts.push_back(std::move(photo));
  FlowBox space;
  space.height = s.holder_signature_space;
  space.break_before = false;
  parts.push_back(std::move(space));
  append_rows(parts, text_rows(b, "(" + c.holder + ")", size, false, 0, s.holder_name_width, c.holder_at, "holder"),
              0, true);
  FlowBox holder = merge_boxes(parts);
  holder.items.insert(holder.items.end(), signature.items.begin(), signature.items.end());
  holder.height = std::max(holder.height, signature.height);
  holder.space_before = std::max(s.photo_space_before, signature.space_before);
  holder.break_before = false;
  out.push_back(std::move(holder));
}

}  // namespace

extern const Kind kCertificateKind{"certificate", "certificate", "certificate", "หนังสือรับรอง (certificate)", read,
                                   read_style, layout, nullptr};

}  // namespace thaidoc
