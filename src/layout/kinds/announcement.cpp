// kind: announcement — ประกาศ (or แถลงการณ์, with `title:`) (ระเบียบสำนักนายกรัฐมนตรีว่าด้วย
// งานสารบรรณ, แบบประกาศ): like an order without a number: the Garuda centred, "ประกาศ +
// issuer", "เรื่อง ...", the text, "ทั้งนี้ ตั้งแต่ ...", "ประกาศ ณ วันที่ ..." and the
// signature; speed and secrecy stamps. Template: announcement.yaml (section `announcement:`).
#include "layout/kinds/kind.h"

#include "layout/components/decree.h"

namespace thaidoc {

namespace {

struct AnnouncementStyle : DecreeStyle {
  AnnouncementStyle() {
    title = "ประกาศ";
    date_format = "ประกาศ ณ วันที่ {date}";
  }
};

void read(const YamlNode& node, ContentReader& reader, Document& doc) {
  node.expect_map();
  node.check_keys(decree_keys(false));
  doc.stamps = ContentReader::stamps(node);
  Decree d = read_decree(node, reader, false);
  add_name_entries(doc.style.line_breaking.dictionary, d.issuer, false);
  add_signer_names(doc.style.line_breaking.dictionary, d.signer);
  set_default_info(doc, d.subject, d.issuer, d.date);
  doc.content = std::move(d);
}

void read_style(const YamlNode& node, std::any& slot) {
  apply_fields(node, decree_fields(style_slot<AnnouncementStyle>(slot)));
}

void layout(const Document& doc, BlockLayouter& b, std::vector<FlowBox>& out) {
  layout_decree(kind_content<Decree>(doc), kind_style<AnnouncementStyle>(b.style(), "announcement"), b, out);
}

}  // namespace

extern const Kind kAnnouncementKind{"announcement", "announcement", "announcement",
                                    "ประกาศ, แถลงการณ์ (announcement)", read, read_style, layout, nullptr};

}  // namespace thaidoc
