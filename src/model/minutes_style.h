// The template's `minutes:` section (รายงานการประชุม, model/minutes.h).
#pragma once
#include <string>

namespace thaidoc {

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
  double number_width = 1.0 * (72.0 / 2.54);
  double signature_width = 3.0 * (72.0 / 2.54);  // also the reason column
  double name_weight = 6;      // the name and position columns share the rest in this proportion
  double position_weight = 5;
  double table_font_size = 15;
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
  double signature_space_before = 18;
};

}  // namespace thaidoc
