#include "input/ita_blocks.h"

#include <stdexcept>

namespace thaidoc {

namespace {

using ita::format2;

// 30 for a whole number, else 2 decimals.
std::string whole_or_2(ita::Hundredths v) { return v.whole_or_2(); }

Block text_block(const std::string& text) {
  Block b;
  Paragraph p;
  if (!text.empty()) p.text.push_back(InlineSpan{text});
  b.content = std::move(p);
  return b;
}

TableCell cell(const std::string& text, std::optional<BlockAlign> align = std::nullopt, int colspan = 1) {
  TableCell c;
  c.blocks.push_back(text_block(text));
  c.align = align;
  c.colspan = colspan;
  return c;
}

TableRow row(std::vector<TableCell> cells) {
  TableRow r;
  r.cells = std::move(cells);
  return r;
}

TableRow group(const std::string& text) {
  TableRow r;
  r.kind = RowKind::Group;
  r.cells.push_back(cell(text));
  return r;
}

TableColumn col(double weight, std::optional<BlockAlign> align = std::nullopt) {
  TableColumn c;
  c.unit = TableColumn::Unit::Relative;
  c.value = weight;
  c.align = align;
  return c;
}

TableRow header(std::vector<std::string> titles) {
  TableRow r;
  for (auto& t : titles) r.cells.push_back(cell(t));
  return r;
}

std::string indicator_label(const ita::IndicatorResult& ind) {
  return std::to_string(ind.number) + ". " + ind.name;
}

// Thai style: "ก ข และ ค"; "-" for none.
std::string thai_list(const std::vector<std::string>& names) {
  if (names.empty()) return "-";
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " และ" : " ";
    out += names[i];
  }
  return out;
}

std::string names_of(const ita::Analysis& a, const std::vector<int>& numbers) {
  std::vector<std::string> names;
  for (int n : numbers)
    if (const ita::IndicatorResult* ind = a.indicator(n)) names.push_back(ind->name);
  return thai_list(names);
}

std::string names_of(const std::vector<ita::RankRow>& rows) {
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r.name);
  return thai_list(names);
}

const auto kCenter = BlockAlign::Center;

}  // namespace

std::map<std::string, std::string> ita_values(const ita::ItaData& data, const ita::Analysis& a) {
  std::map<std::string, std::string> v;
  v["ita.year"] = std::to_string(a.year);
  v["ita.total"] = format2(a.total());
  v["ita.level"] = a.level;
  v["ita.passed"] = ita::pass_word(a.passed);
  v["ita.pass_mark"] = whole_or_2(a.framework.pass_mark);
  v["ita.organisation"] = data.organisation.name;
  v["ita.district"] = data.organisation.district;
  v["ita.province"] = data.organisation.province;
  for (const auto& in : a.instruments) {
    std::string code(ita::instrument_code(in.instrument));
    v["ita." + code] = format2(in.value());
    v["ita." + code + ".weighted"] = format2(in.weighted());
    v["ita." + code + ".weight"] = whole_or_2(in.weight);
  }
  for (const auto& ind : a.indicators) {
    std::string n = std::to_string(ind.number);
    v["ita.score." + n] = format2(ind.score);
    v["ita.name." + n] = ind.name;
    v["ita.rank." + n] = std::to_string(ind.rank);
  }
  v["ita.highest"] = names_of(a.highest);
  v["ita.lowest"] = names_of(a.lowest);
  if (!a.highest.empty()) v["ita.highest.score"] = format2(a.highest.front().score);
  if (!a.lowest.empty()) v["ita.lowest.score"] = format2(a.lowest.front().score);
  for (size_t t = 0; t < a.tiers.size(); ++t) {
    v["ita.tier." + std::to_string(t + 1)] = names_of(a, a.tiers[t]);
    v["ita.tier." + std::to_string(t + 1) + ".count"] = std::to_string(a.tiers[t].size());
  }
  return v;
}

const std::vector<std::string>& ita_table_kinds() {
  static const std::vector<std::string> kinds = {"scores", "ranking",  "weighted",       "levels",
                                                 "history", "tiers", "recommendations"};
  return kinds;
}

Table ita_table(const std::string& kind, const ita::ItaData& data, const ita::Analysis& a) {
  Table t;
  if (kind == "scores") {
    // Grouped by instrument, each group with its mean; the tier says what to do.
    t.columns = {col(5), col(1.4, kCenter), col(3.6)};
    t.header.push_back(header({"ตัวชี้วัด", "คะแนน", "ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ"}));
    for (const auto& in : a.instruments) {
      t.body.push_back(group(in.name + " (" + std::string(ita::instrument_code(in.instrument)) +
                             ") คะแนนเฉลี่ย " + format2(in.value())));
      for (int n : in.indicators) {
        const ita::IndicatorResult* ind = a.indicator(n);
        if (!ind) continue;
        t.body.push_back(row({cell(indicator_label(*ind)), cell(format2(ind->score)),
                              cell(a.framework.tiers[ind->tier].label)}));
      }
    }
    TableRow total = row({cell("คะแนนรวม (ระดับ " + a.level + ")"), cell(format2(a.total())), cell("")});
    total.kind = RowKind::Footer;
    total.bold = true;
    t.footer.push_back(total);
  } else if (kind == "ranking") {
    t.columns = {col(1.2, kCenter), col(5), col(1.5, kCenter)};
    t.header.push_back(header({"อันดับ", "ตัวชี้วัด", "คะแนน"}));
    for (const auto& r : a.ranking)
      t.body.push_back(row({cell(std::to_string(r.rank)), cell(std::to_string(r.number) + ". " + r.name),
                            cell(format2(r.score))}));
    if (!a.highest.empty()) {
      TableRow hi = row({cell("คะแนนสูงสุด", std::nullopt, 2), cell(format2(a.highest.front().score))});
      hi.kind = RowKind::Footer;
      t.footer.push_back(hi);
    }
    if (!a.lowest.empty()) {
      TableRow lo = row({cell("คะแนนต่ำสุด", std::nullopt, 2), cell(format2(a.lowest.front().score))});
      lo.kind = RowKind::Footer;
      t.footer.push_back(lo);
    }
  } else if (kind == "weighted") {
    t.columns = {col(4), col(1.7, kCenter), col(2, kCenter), col(2, kCenter)};
    t.header.push_back(header({"ประเด็นการประเมิน", "น้ำหนัก (ร้อยละ)", "คะแนนเฉลี่ยที่ได้รับ", "คะแนนถ่วงน้ำหนัก"}));
    for (const auto& in : a.instruments) {
      t.body.push_back(row({cell(in.name + " (" + std::string(ita::instrument_code(in.instrument)) + ")"),
                            cell(whole_or_2(in.percent())), cell(format2(in.value())), cell(format2(in.weighted()))}));
    }
    TableRow total = row({cell("รวม"), cell("100"), cell(""), cell(format2(a.total()))});
    total.kind = RowKind::Footer;
    total.bold = true;
    t.footer.push_back(total);
  } else if (kind == "levels") {
    t.columns = {col(1, kCenter), col(2, kCenter)};
    t.header.push_back(header({"ระดับ", "ช่วงคะแนน"}));
    for (const auto& band : a.framework.levels)
      t.body.push_back(row({cell(band.name), cell(format2(band.from) + " - " + format2(band.to))}));
  } else if (kind == "history") {
    t.columns = {col(2, kCenter), col(2, kCenter), col(1.5, kCenter)};
    t.header.push_back(header({"ปีงบประมาณ", "คะแนน", "ระดับ"}));
    for (const auto& h : a.history)
      t.body.push_back(row({cell(std::to_string(h.year)), cell(format2(h.total)), cell(h.level)}));
  } else if (kind == "tiers") {
    t.columns = {col(5), col(1.5, kCenter)};
    t.header.push_back(header({"ตัวชี้วัด", "คะแนน"}));
    for (size_t k = a.tiers.size(); k-- > 0;) {
      if (a.tiers[k].empty()) continue;
      t.body.push_back(group(a.framework.tiers[k].label + " (" + ita::tier_range(a.framework, k) + ")"));
      for (int n : a.tiers[k]) {
        const ita::IndicatorResult* ind = a.indicator(n);
        if (ind) t.body.push_back(row({cell(indicator_label(*ind)), cell(format2(ind->score))}));
      }
    }
  } else if (kind == "recommendations") {
    t.columns = {col(1.6, kCenter), col(6)};
    t.header.push_back(header({"ข้อคำถาม", "ข้อเสนอแนะ"}));
    for (const auto& r : data.recommendations) t.body.push_back(row({cell(r.code), cell(r.text)}));
    if (t.body.empty()) t.body.push_back(row({cell("-"), cell("-")}));
  } else {
    throw std::invalid_argument("unknown ITA table kind " + kind);
  }
  return t;
}

}  // namespace thaidoc
