#include "ita/ita_data.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <stdexcept>

namespace thaidoc::ita {

std::string_view instrument_code(Instrument i) {
  switch (i) {
    case Instrument::IIT: return "IIT";
    case Instrument::EIT: return "EIT";
    case Instrument::OIT: return "OIT";
  }
  return "?";
}

std::optional<Instrument> parse_instrument(std::string_view code) {
  if (code == "IIT") return Instrument::IIT;
  if (code == "EIT") return Instrument::EIT;
  if (code == "OIT") return Instrument::OIT;
  return std::nullopt;
}

bool is_question_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  if (code[0] != 'I' && code[0] != 'E' && code[0] != 'O') return false;
  return std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Instrument> instrument_of_question(std::string_view code) {
  if (!is_question_code(code)) return std::nullopt;
  switch (code[0]) {
    case 'I': return Instrument::IIT;
    case 'E': return Instrument::EIT;
    default: return Instrument::OIT;
  }
}

Framework Framework::defaults() {
  Framework f;
  using I = Instrument;
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
  f.instruments = {
      {I::IIT, "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", Hundredths::whole(30)},
      {I::EIT, "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", Hundredths::whole(30)},
      {I::OIT, "แบบวัดการเปิดเผยข้อมูลสาธารณะ", Hundredths::whole(40)},
  };
  auto h = [](std::int64_t n) { return Hundredths(n); };
  f.levels = {
      {"AA", h(9500), h(10000)}, {"A", h(8500), h(9499)}, {"B", h(7500), h(8499)}, {"C", h(6500), h(7499)},
      {"D", h(5500), h(6499)},   {"E", h(5000), h(5499)}, {"F", h(0), h(4999)},
  };
  f.pass_mark = Hundredths::whole(85);
  f.tiers = {
      {"urgent", "จุดอ่อนที่ต้องแก้ไขอย่างเร่งด่วน", Hundredths(0)},
      {"develop", "ประเด็นที่ต้องพัฒนาให้ดียิ่งขึ้น", Hundredths::whole(90)},
      {"maintain", "ควรรักษามาตรฐานไว้", Hundredths::whole(95)},
  };
  return f;
}

const IndicatorDef* Framework::indicator(int number) const {
  for (const auto& d : indicators) {
    if (d.number == number) return &d;
  }
  return nullptr;
}

const InstrumentDef* Framework::instrument(Instrument i) const {
  for (const auto& d : instruments) {
    if (d.instrument == i) return &d;
  }
  return nullptr;
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

const std::optional<Sourced<Hundredths>>& SuppliedValues::mean(Instrument i) const {
  switch (i) {
    case Instrument::IIT: return iit;
    case Instrument::EIT: return eit;
    case Instrument::OIT: return oit;
  }
  return iit;
}

std::optional<Sourced<Hundredths>>& SuppliedValues::mean(Instrument i) {
  return const_cast<std::optional<Sourced<Hundredths>>&>(static_cast<const SuppliedValues*>(this)->mean(i));
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

std::vector<const Recommendation*> ItaData::recommendations_for(Instrument i) const {
  std::vector<const Recommendation*> out;
  for (const auto& r : recommendations) {
    if (instrument_of_question(r.code) == i) out.push_back(&r);
  }
  return out;
}

}  // namespace thaidoc::ita
