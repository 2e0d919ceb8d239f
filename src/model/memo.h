// บันทึกข้อความ: the internal memo and its parts, top to bottom.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/blocks.h"
#include "model/thai_date.h"

namespace thaidoc {

struct Signature {
  std::string name;                    // printed in parentheses: (นางสาวเสาวนิตย์ ประยูรพันธ์)
  std::vector<std::string> positions;  // position lines under the name
  std::string acting;                  // e.g. "ปลัดองค์การบริหารส่วนตำบลตาเนิน รักษาการแทน", above the last position
  std::string image;                   // optional signature image (PNG/JPEG)
  SourceLocation where;                // the signer in the YAML file
};

struct MemoComment {
  std::string heading;                 // ความคิดเห็นของหัวหน้าสำนักปลัด
  std::vector<Block> text;             // optional printed comment
  int dotted_lines = -1;               // lines for handwriting; -1 = template default
  Signature signer;
  SourceLocation where;
};

struct Memo {
  std::string emblem;                  // path to the Garuda PNG; empty = none
  std::string agency;                  // ส่วนราชการ
  std::string reference;               // ที่
  ThaiDate date;                       // วันที่
  std::string subject;                 // เรื่อง
  std::string to;                      // เรียน
  std::vector<Block> body;
  std::string closing;                 // จึงเรียนมาเพื่อโปรดพิจารณา (template default if empty)
  Signature signer;
  std::vector<MemoComment> comments;
  // Where each header field was written (for layout warnings).
  SourceLocation agency_at, reference_at, date_at, subject_at, to_at, closing_at;
};

}  // namespace thaidoc
