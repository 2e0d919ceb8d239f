// The parts orders (คำสั่ง) and announcements (ประกาศ, แถลงการณ์) share: the centred head
// (Garuda, "คำสั่ง/ประกาศ + issuer", "ที่ number/year", "เรื่อง subject", a short rule), the
// body with its numbered clauses, "ทั้งนี้ ตั้งแต่ ...", the date line from the centre
// ("สั่ง ณ วันที่ ..." / "ประกาศ ณ วันที่ ...") and the signature.
#pragma once
#include <string>
#include <vector>

#include "input/content_reader.h"
#include "input/fields.h"
#include "layout/block_layout.h"
#include "layout/components/signature_block.h"

namespace thaidoc {

struct Decree {
  std::string emblem;
  std::string title;                 // "คำสั่ง", "ประกาศ", "แถลงการณ์" (template default if empty)
  std::string issuer;                // องค์การบริหารส่วนตำบล...
  std::string number;                // ที่ (orders): "๑๕๒"; the year is added
  std::string year;                  // "" = the Buddhist-era year of the date
  std::string subject;               // เรื่อง
  std::vector<Block> body;
  std::vector<std::vector<Block>> clauses;  // numbered ๑. ๒. ...
  std::vector<Block> after;          // text after the clauses
  ThaiDate effective;                // ทั้งนี้ ตั้งแต่วันที่ ... เป็นต้นไป
  std::string effective_text;        // ... or in the document's own words
  ThaiDate date;                     // สั่ง / ประกาศ ณ วันที่
  Signature signer;
  SourceLocation title_at, number_at, subject_at, effective_at, date_at;
};

struct DecreeStyle {
  double emblem_height = 3 * kPointsPerCm;
  std::string title;                       // "คำสั่ง" / "ประกาศ"
  double title_size = 16;
  bool title_bold = true;
  std::string number_label = "ที่";
  std::string subject_label = "เรื่อง";
  double space_after_emblem = 0;
  double rule_width = 3.5 * kPointsPerCm;  // the short rule under เรื่อง, centred
  double rule_space = 6;                   // above and below it
  double rule_line_width = 0.5;
  std::string effective_format = "ทั้งนี้ ตั้งแต่วันที่ {date} เป็นต้นไป";
  std::string date_format;                 // "สั่ง ณ วันที่ {date}" / "ประกาศ ณ วันที่ {date}"
  std::string year_prefix = "พ.ศ. ";      // before the year in the dates
  double date_x = 7.5 * kPointsPerCm;      // the date line starts here (the centre of the paper)
  double date_space_before = 12;
  double signature_center = 0.62;
  double signature_space = 1.6 * kPointsPerCm;
  double signature_space_before = 0;
};

// The keys read_decree reads (a kind adds its own to these).
std::vector<std::string> decree_keys(bool numbered);
// Reads the decree's parts from the kind's content mapping.
Decree read_decree(const YamlNode& node, ContentReader& reader, bool numbered);
// The template section's settings.
std::vector<Field> decree_fields(DecreeStyle& s);
// Lays out the whole decree.
void layout_decree(const Decree& d, const DecreeStyle& s, BlockLayouter& b, std::vector<FlowBox>& out);

}  // namespace thaidoc
