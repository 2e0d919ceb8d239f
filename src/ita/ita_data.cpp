#include "ita/ita_data.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <stdexcept>

namespace thaidoc::ita {

const Instrument Instrument::IIT{"IIT"};
const Instrument Instrument::EIT{"EIT"};
const Instrument Instrument::OIT{"OIT"};

std::string_view instrument_code(const Instrument& i) { return i.code(); }

bool is_instrument_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 8 || code[0] < 'A' || code[0] > 'Z') return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::optional<Instrument> parse_instrument(std::string_view code) {
  if (!is_instrument_code(code)) return std::nullopt;
  return Instrument(std::string(code));
}

bool is_question_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  if (code[0] < 'A' || code[0] > 'Z') return false;
  return std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The FY2565 framework. Where each number comes from (seeds in /work/shared/seeds/):
Framework Framework::defaults() {
  Framework f;
  using I = Instrument;
  // Indicators 1-10 and their instruments: seed 003, lines 30-62 (ส่วนที่ 1: 1-5 IIT, ส่วนที่ 2:
  // 6-8 EIT, ส่วนที่ 3: 9-10 OIT); the same names in seed 004's table, lines 80-97.
  f.indicators = {
      {1, "การปฏิบัติหน้าที่", "ปฏิบัติหน้าที่", I::IIT},
      {2, "การใช้งบประมาณ", "ใช้งบประมาณ", I::IIT},
      {3, "การใช้อำนาจ", "ใช้อำนาจ", I::IIT},
      {4, "การใช้ทรัพย์สินของราชการ", "ใช้ทรัพย์สินราชการ", I::IIT},
      {5, "การแก้ไขปัญหาการทุจริต", "แก้ไขปัญหาทุจริต", I::IIT},
      {6, "คุณภาพการดำเนินงาน", "คุณภาพการดำเนินงาน", I::EIT},
      {7, "ประสิทธิภาพการสื่อสาร", "ประสิทธิภาพการสื่อสาร", I::EIT},
      {8, "การปรับปรุงการทำงาน", "ปรับปรุงการทำงาน", I::EIT},
      {9, "การเปิดเผยข้อมูล", "เปิดเผยข้อมูล", I::OIT},
      {10, "การป้องกันการทุจริต", "ป้องกันการทุจริต", I::OIT},
  };
  // Weights 30 / 30 / 40: seed 003's weighted table, lines 105-110 (30, 30, 40; 0.3 x 90.42 =
  // 27.13 and 0.4 x 100 = 40 as printed); seed 004's total 76.81 = 0.3 x 87.72 + 0.3 x 81.13 +
  // 0.4 x 65.38 (lines 43-50) and seed 000's 90.74 (line 13) follow them too.
  f.instruments = {
      {I::IIT, "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", Hundredths::whole(30)},
      {I::EIT, "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", Hundredths::whole(30)},
      {I::OIT, "แบบวัดการเปิดเผยข้อมูลสาธารณะ", Hundredths::whole(40)},
  };
  // The seven bands: seed 003, lines 65-75 (95 – 100 AA, 85 – 94 A, 75 – 84 B, 65 – 74 C,
  // 55 – 64 D, 50 – 54 E, 0 – 49 F; printed in whole numbers, the upper bounds are x.99).
  auto h = [](std::int64_t n) { return Hundredths(n); };
  f.levels = {
      {"AA", h(9500), h(10000)}, {"A", h(8500), h(9499)}, {"B", h(7500), h(8499)}, {"C", h(6500), h(7499)},
      {"D", h(5500), h(6499)},   {"E", h(5000), h(5499)}, {"F", h(0), h(4999)},
  };
  // Pass mark 85: seed 003, line 77 ("ต้องมีผลคะแนนการประเมิน 85 คะแนน (ระดับ A) ขึ้นไป").
  f.pass_mark = Hundredths::whole(85);
  f.name = "FY2565";
  // Tiers below 90 / 90 to below 95 / 95 and above: seed 003's analysis groups, lines 172-213.
  f.tiers = {
      {"urgent", "จุดอ่อนที่ต้องแก้ไขอย่างเร่งด่วน", Hundredths(0)},
      {"develop", "ประเด็นที่ต้องพัฒนาให้ดียิ่งขึ้น", Hundredths::whole(90)},
      {"maintain", "ควรรักษามาตรฐานไว้", Hundredths::whole(95)},
  };
  return f;
}

// Sources of the presets:
//  * FY2565: seed 003 (เทศบาลนครนครปฐม, lines 30-75: the ten indicators, three instruments, the
//    7 level bands, pass 85) and seed 004 (อบต.คลองใหม่: weights 30/30/40, which its total 76.81
//    follows); the tiers <90 / 90-<95 / >=95 are seed 003's analysis groups (lines 172-213).
//    Neither seed lists the FY2565 OIT checklist, so this preset has none.
//  * FY2566: seed 000 (เทศบาลตำบลวังสมบูรณ์, FY2566 results: the same ten indicators, and its
//    total 90.74 follows the weights 30/30/40) and seed 003's responsibility tables (lines
//    262-409), which list the FY2566 OIT checklist O1-O43 with the sub-indicators 9.1-10.2.
std::optional<Framework> Framework::preset(std::string_view name) {
  if (name == "FY2565") {
    Framework f = defaults();
    f.name = "FY2565";
    // Seed 003, lines 46-62: the FY2565 sub-indicators (9.3 and 10.2 differ from FY2566's).
    f.subindicators = {{"9.1", "ข้อมูลพื้นฐาน"},
                       {"9.2", "การบริหารงาน"},
                       {"9.3", "การบริหารเงินงบประมาณ"},
                       {"9.4", "การบริหารและพัฒนาทรัพยากรบุคคล"},
                       {"9.5", "การส่งเสริมความโปร่งใส"},
                       {"10.1", "การดำเนินการเพื่อป้องกันการทุจริต"},
                       {"10.2", "มาตรการภายในเพื่อป้องกันการทุจริต"}};
    return f;
  }
  if (name == "FY2566") {
    Framework f = defaults();
    f.name = "FY2566";
    f.oit_items = {
#include "ita/oit_fy2566.inc"
    };
    f.oit_notes = {
#include "ita/oit_fy2566_notes.inc"
    };
    // Seed 003's responsibility tables, lines 262-396 (their sub-indicator headings).
    f.subindicators = {{"9.1", "ข้อมูลพื้นฐาน"},
                       {"9.2", "การบริหารงาน"},
                       {"9.3", "การจัดซื้อจัดจ้าง"},
                       {"9.4", "การบริหารและพัฒนาทรัพยากรบุคคล"},
                       {"9.5", "การส่งเสริมความโปร่งใส"},
                       {"10.1", "การดำเนินการเพื่อป้องกันการทุจริต"},
                       {"10.2", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"}};
    return f;
  }
  return std::nullopt;
}

const std::vector<std::string>& Framework::preset_names() {
  static const std::vector<std::string> names = {"FY2565", "FY2566"};
  return names;
}

std::optional<std::string> Framework::preset_for_year(int year) {
  std::string name = "FY" + std::to_string(year);
  if (preset(name)) return name;
  return std::nullopt;
}

const IndicatorDef* Framework::indicator(int number) const {
  for (const auto& d : indicators) {
    if (d.number == number) return &d;
  }
  return nullptr;
}

const InstrumentDef* Framework::instrument(const Instrument& i) const {
  for (const auto& d : instruments) {
    if (d.instrument == i) return &d;
  }
  return nullptr;
}

std::optional<Instrument> Framework::instrument_of_question(std::string_view code) const {
  if (!is_question_code(code)) return std::nullopt;
  for (const auto& d : instruments) {
    if (d.instrument.code()[0] == code[0]) return d.instrument;
  }
  return std::nullopt;
}

std::vector<std::string> Framework::instrument_codes() const {
  std::vector<std::string> out;
  for (const auto& d : instruments) out.push_back(d.instrument.code());
  return out;
}

const LevelBand* Framework::level(std::string_view name) const {
  for (const auto& b : levels) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

std::vector<std::string> Framework::level_names() const {
  std::vector<std::string> out;
  for (const auto& b : levels) out.push_back(b.name);
  return out;
}

Hundredths Framework::weight_sum() const {
  Hundredths s;
  for (const auto& d : instruments) s += d.weight;
  return s;
}

void Framework::validate() const {
  auto bad = [](const std::string& m) { throw std::invalid_argument("ITA framework: " + m); };
  if (indicators.empty()) bad("no indicators");
  std::set<int> numbers;
  for (const auto& d : indicators) {
    if (!numbers.insert(d.number).second) bad("indicator " + std::to_string(d.number) + " is defined twice");
    if (!instrument(d.instrument)) {
      bad("indicator " + std::to_string(d.number) + " belongs to " + std::string(instrument_code(d.instrument)) +
          ", which the framework does not have");
    }
  }
  std::set<Instrument> seen;
  for (const auto& in : instruments) {
    std::string code(instrument_code(in.instrument));
    if (!seen.insert(in.instrument).second) bad("instrument " + code + " is defined twice");
    if (in.weight < Hundredths(0)) bad("the weight of " + code + " is negative");
    bool used = std::any_of(indicators.begin(), indicators.end(),
                            [&](const IndicatorDef& d) { return d.instrument == in.instrument; });
    if (!used) bad("instrument " + code + " has no indicators");
  }
  if (!(weight_sum() > Hundredths(0))) bad("the instrument weights add up to 0");
  if (levels.empty()) bad("no levels");
  std::set<std::string> names;
  std::set<Hundredths> froms;
  Hundredths lowest = Hundredths::whole(1000000);
  for (const auto& b : levels) {
    if (!names.insert(b.name).second) bad("level " + b.name + " is defined twice");
    if (!froms.insert(b.from).second) bad("two levels start at the same score");
    lowest = std::min(lowest, b.from);
  }
  if (lowest > Hundredths(0)) bad("the lowest level must start at 0");
  if (tiers.empty()) bad("no tiers");
  if (tiers.front().from > Hundredths(0)) bad("the first tier must start at 0");
  for (size_t i = 1; i < tiers.size(); ++i) {
    if (!(tiers[i].from > tiers[i - 1].from)) bad("tiers must be in increasing order of their lower bounds");
  }
}

const Sourced<Hundredths>* SuppliedValues::mean(const Instrument& i) const {
  for (const auto& [in, value] : means) {
    if (in == i) return &value;
  }
  return nullptr;
}

void SuppliedValues::set_mean(const Instrument& i, Sourced<Hundredths> value) {
  for (auto& [in, v] : means) {
    if (in == i) {
      v = std::move(value);
      return;
    }
  }
  means.emplace_back(i, std::move(value));
}

const IndicatorScore* ItaData::score(int number) const {
  for (const auto& s : scores) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

const Recommendation* ItaData::recommendation(std::string_view code) const {
  for (const auto& r : recommendations) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

std::vector<const Recommendation*> ItaData::recommendations_for(const Instrument& i) const {
  std::vector<const Recommendation*> out;
  for (const auto& r : recommendations) {
    if (framework.instrument_of_question(r.code) == i) out.push_back(&r);
  }
  return out;
}

}  // namespace thaidoc::ita
