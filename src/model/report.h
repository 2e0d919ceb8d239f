// The analysis report: cover, คำนำ, สารบัญ (generated from the headings), body.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/blocks.h"

namespace thaidoc {

struct ReportCover {
  std::vector<std::string> title;         // big centred lines: the report's name, year
  std::string by;                         // "โดย" + working group, under the title
  std::vector<std::string> organisation;  // lines at the foot: organisation, district, province
  std::string logo;                       // optional image above the title
};

struct ReportPreface {
  std::string heading = "คำนำ";
  std::vector<Block> body;
  std::vector<std::string> closing;  // lines at the right: ผู้จัดทำ, the working group, a date
};

struct Report {
  std::optional<ReportCover> cover;
  std::optional<ReportPreface> preface;
  bool contents = true;  // สารบัญ from the headings
  std::vector<Block> body;
};

}  // namespace thaidoc
