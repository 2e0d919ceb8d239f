// kind: order — คำสั่ง (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ, แบบคำสั่ง): the Garuda
// centred, "คำสั่ง + issuer", "ที่ number/year", "เรื่อง ...", the text with numbered clauses,
// "ทั้งนี้ ตั้งแต่ ...", "สั่ง ณ วันที่ ..." and the signature; speed and secrecy stamps.
// The parts are those of components/decree.h. Template: order.yaml (section `order:`).
#include "layout/kinds/kind.h"

#include "layout/components/decree.h"

namespace thaidoc {

namespace {

struct OrderStyle : DecreeStyle {
  OrderStyle() {
    title = "คำสั่ง";
    date_format = "สั่ง ณ วันที่ {date}";
  }
};

void read(const YamlNode& node, ContentReader& reader, Document& doc) {
  node.expect_map();
  node.check_keys(decree_keys(true));
  doc.stamps = ContentReader::stamps(node);
  Decree d = read_decree(node, reader, true);
  add_name_entries(doc.style.line_breaking.dictionary, d.issuer, false);
  add_signer_names(doc.style.line_breaking.dictionary, d.signer);
  set_default_info(doc, d.subject, d.issuer, d.date);
  doc.content = std::move(d);
}

void read_style(const YamlNode& node, std::any& slot) { apply_fields(node, decree_fields(style_slot<OrderStyle>(slot))); }

void layout(const Document& doc, BlockLayouter& b, std::vector<FlowBox>& out) {
  layout_decree(kind_content<Decree>(doc), kind_style<OrderStyle>(b.style(), "order"), b, out);
}

}  // namespace

extern const Kind kOrderKind{"order", "order", "order", "คำสั่ง (order)", read, read_style, layout, nullptr};

}  // namespace thaidoc
