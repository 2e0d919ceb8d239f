// รายงานการประชุม (meeting minutes), as ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ lays them out:
// the title, ครั้งที่, the date and the place; ผู้มาประชุม, ผู้ไม่มาประชุม (with the reason) and
// ผู้เข้าร่วมประชุม as numbered tables; เริ่มประชุมเวลา; ระเบียบวาระที่ ๑ ... each with its
// discussion and มติที่ประชุม; เลิกประชุมเวลา; the signatures of ผู้จดรายงานการประชุม and
// ผู้ตรวจรายงานการประชุม. The layout is in layout/minutes_layout.h, the numbers in the
// template's `minutes:` section (templates/minutes.yaml).
#pragma once
#include <string>
#include <vector>

#include "base/error.h"
#include "model/blocks.h"
#include "model/memo.h"
#include "model/minutes_style.h"
#include "model/thai_date.h"

namespace thaidoc {

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

}  // namespace thaidoc
