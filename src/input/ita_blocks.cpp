#include "input/ita_blocks.h"

#include <algorithm>
#include <stdexcept>

#include "base/digits.h"
#include "input/table_reader.h"

namespace thaidoc {

namespace {

using ita::format2;

// 30 for a whole number, else 2 decimals.
std::string whole_or_2(ita::Hundredths v) { return v.whole_or_2(); }

Block text_block(const std::string& text) {
  Block b;
  Paragraph p;
  if (!text.empty()) {
    InlineSpan span;
    span.text = text;
    p.text.push_back(std::move(span));
  }
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

// One paragraph per line of the text.
TableCell lines_cell(const std::string& text, std::optional<BlockAlign> align) {
  TableCell c;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    c.blocks.push_back(text_block(text.substr(start, end - start)));
    start = end + 1;
  }
  c.align = align;
  return c;
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
  // The trend: every year's total and level, and which years are first, last, best, worst.
  for (const auto& h : a.history) {
    std::string y = "ita.history." + std::to_string(h.year);
    v[y + ".total"] = h.total.str();
    v[y + ".level"] = h.level;
  }
  if (!a.history.empty()) {
    v["ita.history.count"] = std::to_string(a.history.size());
    v["ita.history.first"] = std::to_string(a.history.front().year);
    v["ita.history.last"] = std::to_string(a.history.back().year);
    auto best = a.history.front(), worst = a.history.front();
    for (const auto& h : a.history) {
      if (h.total > best.total) best = h;
      if (h.total < worst.total) worst = h;
    }
    v["ita.history.highest"] = std::to_string(best.year);
    v["ita.history.highest.total"] = best.total.str();
    v["ita.history.lowest"] = std::to_string(worst.year);
    v["ita.history.lowest.total"] = worst.total.str();
  }
  v["ita.indicators"] = std::to_string(a.indicators.size());
  v["ita.levels"] = std::to_string(a.framework.levels.size());
  v["ita.instruments"] = std::to_string(a.instruments.size());
  v["ita.highest"] = names_of(a.highest);
  v["ita.lowest"] = names_of(a.lowest);
  if (!a.highest.empty()) v["ita.highest.score"] = format2(a.highest.front().score);
  if (!a.lowest.empty()) v["ita.lowest.score"] = format2(a.lowest.front().score);
  for (size_t t = 0; t < a.tiers.size(); ++t) {
    v["ita.tier." + std::to_string(t + 1)] = names_of(a, a.tiers[t]);
    v["ita.tier." + std::to_string(t + 1) + ".count"] = std::to_string(a.tiers[t].size());
    v["ita.tier." + std::to_string(t + 1) + ".from"] = a.framework.tiers[t].from.str();
  }
  return v;
}

const std::vector<std::string>& ita_table_kinds() {
  static const std::vector<std::string> kinds = {"scores",  "ranking", "weighted",        "levels",
                                                 "history", "tiers",   "recommendations", "oit"};
  return kinds;
}

namespace {

bool indicator_kind(const std::string& kind) { return kind == "scores" || kind == "ranking" || kind == "tiers"; }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

std::string fill(std::string s, const std::map<std::string, std::string>& values) {
  for (const auto& [k, v] : values) s = replace_all(s, "{" + k + "}", v);
  return s;
}

ItaViewColumn column(const std::string& key, const std::string& header, double weight,
                     std::optional<BlockAlign> align = std::nullopt, const std::string& format = "two") {
  ItaViewColumn c;
  c.key = key;
  c.header = header;
  c.width = col(weight);
  c.align = align;
  c.format = format;
  return c;
}

// A number as the column formats it.
std::string number(ita::Hundredths v, const std::string& format) {
  if (format == "auto") return v.whole_or_2();
  if (format == "integer") return std::to_string(v.count() / 100);
  return v.str();
}

// Ranks of rows sorted best first (equal scores adjacent), in a style.
std::vector<int> ranks_of(const std::vector<ita::Hundredths>& scores, ita::RankStyle style) {
  std::vector<int> out;
  int dense = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    bool tie = i > 0 && scores[i] == scores[i - 1];
    if (!tie) ++dense;
    switch (style) {
      case ita::RankStyle::Competition: out.push_back(tie ? out.back() : static_cast<int>(i) + 1); break;
      case ita::RankStyle::Dense: out.push_back(dense); break;
      case ita::RankStyle::Ordinal: out.push_back(static_cast<int>(i) + 1); break;
    }
  }
  return out;
}

// One body row of an indicator table, before it becomes cells.
struct IndicatorRow {
  const ita::IndicatorResult* ind = nullptr;
  int rank = 0;
  std::string group;  // the group it belongs to (IIT, urgent, ...), for comment cells
};

std::string instrument_label(const ItaTableView& view, const ita::InstrumentResult& in) {
  std::string code(ita::instrument_code(in.instrument));
  auto it = view.instruments.find(code);
  if (it != view.instruments.end()) return it->second;
  return in.name + " (" + code + ")";
}

std::string indicator_name(const ItaTableView& view, const ItaViewColumn& c, const ita::IndicatorResult& ind) {
  std::string format = c.name_format.empty() ? "{number}. {name}" : c.name_format;
  auto it = view.names.find(ind.number);
  return fill(format, {{"number", std::to_string(ind.number)},
                       {"name", it != view.names.end() ? it->second : ind.name},
                       {"short", ind.short_name},
                       {"code", std::string(ita::instrument_code(ind.instrument))}});
}

std::string with_unit(const std::string& text, const ItaViewColumn& c) {
  return c.unit.empty() ? text : text + " " + c.unit;
}

// The footer rows: the label spans the columns before the first value column.
void add_footers(const ItaTableView& view, const ita::Analysis& a, Table& t) {
  auto is_value = [](const std::string& key) {
    return key == "score" || key == "weighted" || key == "weight" || key == "total" || key == "mean";
  };
  size_t first = view.columns.size();
  for (size_t i = 0; i < view.columns.size(); ++i) {
    if (is_value(view.columns[i].key)) {
      first = i;
      break;
    }
  }
  for (const ItaViewFooter& f : view.footer) {
    if (first == 0 || first == view.columns.size()) {
      throw std::invalid_argument("footer row '" + f.row + "' needs a value column (score, weighted) after a first column");
    }
    std::optional<ita::Hundredths> value;
    if (f.row == "highest" && !a.highest.empty()) value = a.highest.front().score;
    if (f.row == "lowest" && !a.lowest.empty()) value = a.lowest.front().score;
    if (f.row == "total") value = a.total();
    if (!value) continue;
    std::string label = fill(f.label, {{"level", a.level}, {"total", value->str()}});
    TableRow r;
    r.kind = RowKind::Footer;
    if (f.bold) r.bold = true;
    r.cells.push_back(cell(label, std::nullopt, static_cast<int>(first)));
    for (size_t i = first; i < view.columns.size(); ++i) {
      const ItaViewColumn& c = view.columns[i];
      std::string text;
      if (c.key == "unit") {
        text = c.text;
      } else if (c.key == "weight" && f.row == "total" && f.weight) {
        ita::Hundredths sum;  // the column's printed values, added up
        for (const auto& in : a.instruments) sum += *ita::Hundredths::parse(number(in.percent(), c.format));
        text = with_unit(number(sum, c.format), c);
      } else if ((c.key == "score" || c.key == "weighted" || c.key == "total") &&
                 (f.row != "total" || c.key != "score" || view.kind != "weighted")) {
        text = with_unit(number(*value, c.format), c);
      }
      r.cells.push_back(cell(text, c.align));
    }
    t.footer.push_back(std::move(r));
  }
}

// Rows of an indicator kind, with group rows in between.
void indicator_rows(const ItaTableView& view, const ita::Analysis& a, Table& t) {
  struct Group {
    std::string key, text;
    std::vector<IndicatorRow> rows;
  };
  std::vector<Group> groups;
  const std::string grouping = view.groups;
  if (view.kind == "ranking" || (grouping == "none" && view.kind != "tiers")) {
    Group g;
    std::vector<ita::Hundredths> scores;
    std::vector<const ita::IndicatorResult*> order;
    if (view.kind == "ranking") {
      for (const auto& r : a.ranking) order.push_back(a.indicator(r.number));
    } else {
      for (const auto& ind : a.indicators) order.push_back(&ind);
    }
    for (const auto* ind : order) scores.push_back(ind->score);
    std::vector<int> ranks = ranks_of(scores, view.rank_style);
    for (size_t i = 0; i < order.size(); ++i) {
      g.rows.push_back({order[i], ranks[i], std::string(ita::instrument_code(order[i]->instrument))});
    }
    groups.push_back(std::move(g));
  } else if (grouping == "tier" || (view.kind == "tiers" && grouping != "instrument")) {
    for (size_t k = a.tiers.size(); k-- > 0;) {
      if (a.tiers[k].empty()) continue;
      Group g;
      g.key = a.framework.tiers[k].key;
      g.text = fill(view.group_text, {{"tier", a.framework.tiers[k].label},
                                      {"range", ita::tier_range(a.framework, k)},
                                      {"count", std::to_string(a.tiers[k].size())}});
      for (int n : a.tiers[k]) g.rows.push_back({a.indicator(n), a.indicator(n)->rank, g.key});
      groups.push_back(std::move(g));
    }
  } else {  // by instrument
    for (const auto& in : a.instruments) {
      Group g;
      g.key = std::string(ita::instrument_code(in.instrument));
      g.text = fill(view.group_text, {{"instrument", in.name},
                                      {"code", g.key},
                                      {"label", instrument_label(view, in)},
                                      {"mean", in.value().str()},
                                      {"count", std::to_string(in.indicators.size())}});
      for (int n : in.indicators) g.rows.push_back({a.indicator(n), a.indicator(n)->rank, g.key});
      groups.push_back(std::move(g));
    }
  }

  int no = 0;
  for (const Group& g : groups) {
    if (!g.text.empty()) t.body.push_back(group(g.text));
    for (size_t i = 0; i < g.rows.size(); ++i) {
      const IndicatorRow& row = g.rows[i];
      const ita::IndicatorResult& ind = *row.ind;
      ++no;
      TableRow r;
      for (const ItaViewColumn& c : view.columns) {
        if (c.key == "no") r.cells.push_back(cell(std::to_string(no), c.align));
        else if (c.key == "rank") r.cells.push_back(cell(std::to_string(row.rank), c.align));
        else if (c.key == "number") r.cells.push_back(cell(std::to_string(ind.number), c.align));
        else if (c.key == "name") r.cells.push_back(cell(indicator_name(view, c, ind), c.align));
        else if (c.key == "score") r.cells.push_back(cell(with_unit(number(ind.score, c.format), c), c.align));
        else if (c.key == "tier") r.cells.push_back(cell(a.framework.tiers[ind.tier].label, c.align));
        else if (c.key == "unit") r.cells.push_back(cell(c.text_in_rows ? c.text : "", c.align));
        else if (c.key == "instrument" || c.key == "comment") {
          // One cell for the run of rows of the same instrument (or group), spanning them.
          std::string key = c.key == "instrument" ? std::string(ita::instrument_code(ind.instrument)) : row.group;
          bool first_of_run = i == 0 || (c.key == "instrument" ? g.rows[i - 1].ind->instrument != ind.instrument
                                                               : g.rows[i - 1].group != row.group);
          if (!first_of_run) continue;
          size_t run = 1;
          while (i + run < g.rows.size() &&
                 (c.key == "instrument" ? g.rows[i + run].ind->instrument == ind.instrument
                                        : g.rows[i + run].group == row.group)) {
            ++run;
          }
          std::string text;
          if (c.key == "instrument") {
            text = instrument_label(view, *a.instrument(ind.instrument));
          } else if (auto it = view.comments.find(key); it != view.comments.end()) {
            text = it->second;
          }
          TableCell tc = cell(text, c.align);
          tc.rowspan = static_cast<int>(run);
          r.cells.push_back(std::move(tc));
        }
      }
      t.body.push_back(std::move(r));
    }
  }
}

}  // namespace

const std::vector<std::string>& ita_column_keys(const std::string& kind) {
  static const std::vector<std::string> indicators = {"no",   "rank",       "number",  "name", "score",
                                                      "unit", "instrument", "comment", "tier"};
  static const std::vector<std::string> weighted = {"no", "name", "weight", "mean", "weighted", "unit"};
  static const std::vector<std::string> levels = {"level", "range"};
  static const std::vector<std::string> history = {"year", "total", "level", "unit"};
  static const std::vector<std::string> recommendations = {"code", "text"};
  static const std::vector<std::string> oit = {"code", "item", "components", "responsible"};
  if (kind == "oit") return oit;
  static const std::vector<std::string> none;
  if (indicator_kind(kind)) return indicators;
  if (kind == "weighted") return weighted;
  if (kind == "levels") return levels;
  if (kind == "history") return history;
  if (kind == "recommendations") return recommendations;
  return none;
}

ItaTableView ita_default_view(const std::string& kind) {
  ItaTableView v;
  v.kind = kind;
  v.groups = "none";
  const auto C = BlockAlign::Center;
  if (kind == "scores") {
    v.columns = {column("name", "ตัวชี้วัด", 5), column("score", "คะแนน", 1.4, C),
                 column("tier", "ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ", 3.6)};
    v.groups = "instrument";
    v.group_text = "{instrument} ({code}) คะแนนเฉลี่ย {mean}";
    v.footer = {{"total", "คะแนนรวม (ระดับ {level})", true, true}};
  } else if (kind == "ranking") {
    v.columns = {column("rank", "อันดับ", 1.2, C), column("name", "ตัวชี้วัด", 5), column("score", "คะแนน", 1.5, C)};
    v.footer = {{"highest", "คะแนนสูงสุด", true, false}, {"lowest", "คะแนนต่ำสุด", true, false}};
  } else if (kind == "weighted") {
    v.columns = {column("name", "ประเด็นการประเมิน", 4), column("weight", "น้ำหนัก (ร้อยละ)", 1.7, C, "auto"),
                 column("mean", "คะแนนเฉลี่ยที่ได้รับ", 2, C), column("weighted", "คะแนนถ่วงน้ำหนัก", 2, C)};
    v.footer = {{"total", "รวม", true, true}};
  } else if (kind == "levels") {
    v.columns = {column("level", "ระดับ", 1, C), column("range", "ช่วงคะแนน", 2, C)};
  } else if (kind == "history") {
    v.columns = {column("year", "ปีงบประมาณ", 2, C), column("total", "คะแนน", 2, C), column("level", "ระดับ", 1.5, C)};
  } else if (kind == "tiers") {
    v.columns = {column("name", "ตัวชี้วัด", 5), column("score", "คะแนน", 1.5, C)};
    v.groups = "tier";
    v.group_text = "{tier} ({range})";
  } else if (kind == "recommendations") {
    v.columns = {column("code", "ข้อคำถาม", 1.6, C), column("text", "ข้อเสนอแนะ", 6)};
  } else if (kind == "oit") {
    // Seed 003's responsibility tables: ข้อ | ข้อมูล | องค์ประกอบด้านข้อมูล | หน่วยงานรับผิดชอบ,
    // under sub-indicator and topic headings, with the topics' footnotes.
    v.columns = {column("code", "ข้อ", 1.1, C), column("item", "ข้อมูล", 3), column("components", "องค์ประกอบด้านข้อมูล", 6),
                 column("responsible", "หน่วยงานรับผิดชอบ", 3)};
    v.groups = "subindicator";
    v.group_text = "ตัวชี้วัดย่อยที่ {number} {name}";
  } else {
    throw std::invalid_argument("unknown ITA table kind " + kind);
  }
  return v;
}

Table build_ita_table(const ItaTableView& view, const ita::ItaData& data, const ita::Analysis& a) {
  Table t;
  for (const ItaViewColumn& c : view.columns) {
    TableColumn tc = c.width;
    tc.align = c.align;
    t.columns.push_back(tc);
  }
  const int ncols = static_cast<int>(view.columns.size());
  for (const std::string& title : view.titles) {
    TableRow r;
    r.cells.push_back(cell(title, std::nullopt, ncols));
    t.header.push_back(std::move(r));
  }
  bool any_header = std::any_of(view.columns.begin(), view.columns.end(),
                                [](const ItaViewColumn& c) { return !c.header.empty(); });
  if (any_header || view.titles.empty()) {
    TableRow h;
    for (const ItaViewColumn& c : view.columns) h.cells.push_back(cell(c.header));
    t.header.push_back(std::move(h));
  }

  if (indicator_kind(view.kind)) {
    indicator_rows(view, a, t);
  } else if (view.kind == "weighted") {
    int no = 0;
    for (const auto& in : a.instruments) {
      ++no;
      TableRow r;
      for (const ItaViewColumn& c : view.columns) {
        std::string text;
        if (c.key == "no") text = std::to_string(no);
        else if (c.key == "name") text = instrument_label(view, in);
        else if (c.key == "weight") text = with_unit(number(in.percent(), c.format), c);
        else if (c.key == "mean") text = with_unit(number(in.value(), c.format), c);
        else if (c.key == "weighted") text = with_unit(number(in.weighted(), c.format), c);
        else if (c.key == "unit") text = c.text_in_rows ? c.text : "";
        r.cells.push_back(cell(text, c.align));
      }
      t.body.push_back(std::move(r));
    }
  } else if (view.kind == "levels") {
    for (const auto& band : a.framework.levels) {
      TableRow r;
      for (const ItaViewColumn& c : view.columns) {
        if (c.key == "level") r.cells.push_back(cell(band.name, c.align));
        else r.cells.push_back(cell(with_unit(number(band.from, c.format) + view.separator + number(band.to, c.format), c), c.align));
      }
      t.body.push_back(std::move(r));
    }
  } else if (view.kind == "history") {
    for (const auto& h : a.history) {
      TableRow r;
      for (const ItaViewColumn& c : view.columns) {
        if (c.key == "year") r.cells.push_back(cell(std::to_string(h.year), c.align));
        else if (c.key == "total") r.cells.push_back(cell(with_unit(number(h.total, c.format), c), c.align));
        else if (c.key == "level") r.cells.push_back(cell(h.level, c.align));
        else r.cells.push_back(cell(c.text_in_rows ? c.text : "", c.align));
      }
      t.body.push_back(std::move(r));
    }
  } else if (view.kind == "oit") {
    if (a.framework.oit_items.empty()) {
      throw std::invalid_argument("the " + (a.framework.name.empty() ? std::string("document's") : a.framework.name) +
                                  " framework has no OIT checklist (the FY2566 preset has one)");
    }
    std::string sub, topic;
    for (const ita::OitItem& item : a.framework.oit_items) {
      if (item.subindicator != sub && view.groups != "none") {
        sub = item.subindicator;
        std::string name;
        for (const auto& [n, nm] : a.framework.subindicators)
          if (n == sub) name = nm;
        t.body.push_back(group(fill(view.group_text, {{"number", sub}, {"name", name}})));
        topic.clear();
      }
      if (item.topic != topic && view.groups != "none") {
        topic = item.topic;
        std::string text = topic;
        const ita::OitTopicNote* note = nullptr;
        for (const auto& n : a.framework.oit_notes)
          if (n.topic == topic) note = &n;
        if (note) text += "*";
        TableRow tr = group(text);
        tr.bold = false;
        t.body.push_back(std::move(tr));
        if (note) {
          TableRow nr;
          TableCell nc = cell(note->footnote, std::nullopt, ncols);
          nr.cells.push_back(std::move(nc));
          t.body.push_back(std::move(nr));
        }
      }
      TableRow r;
      for (const ItaViewColumn& c : view.columns) {
        if (c.key == "code") r.cells.push_back(cell(item.code, c.align));
        else if (c.key == "item") r.cells.push_back(cell(item.item, c.align));
        else if (c.key == "components") r.cells.push_back(lines_cell(item.components, c.align));
        else {
          std::string unit;
          for (const auto& [code, text] : data.responsible)
            if (code == item.code) unit = text;
          r.cells.push_back(cell(unit, c.align));
        }
      }
      t.body.push_back(std::move(r));
    }
  } else if (view.kind == "recommendations") {
    for (const auto& rec : data.recommendations) {
      TableRow r;
      for (const ItaViewColumn& c : view.columns) r.cells.push_back(cell(c.key == "code" ? rec.code : rec.text, c.align));
      t.body.push_back(std::move(r));
    }
    if (t.body.empty()) {
      TableRow r;
      for (const ItaViewColumn& c : view.columns) r.cells.push_back(cell("-", c.align));
      t.body.push_back(std::move(r));
    }
  } else {
    throw std::invalid_argument("unknown ITA table kind " + view.kind);
  }
  add_footers(view, a, t);
  return t;
}

Table ita_table(const std::string& kind, const ita::ItaData& data, const ita::Analysis& a) {
  return build_ita_table(ita_default_view(kind), data, a);
}

const std::vector<std::string>& ita_table_keys() {
  static const std::vector<std::string> keys = {"ita_table", "digits",   "font_size", "caption",    "continued",
                                                "columns",   "title",    "groups",    "group",      "comments",
                                                "instruments", "rank_style", "footer", "separator", "names"};
  return keys;
}

namespace {

TableColumn read_width(const YamlNode& n) {
  TableColumn c;
  std::string s = n.as_string();
  if (!s.empty() && s.back() == '%') {
    auto v = ita::Hundredths::parse(s.substr(0, s.size() - 1));
    if (!v || *v <= ita::Hundredths(0)) n.fail("expected a percentage, e.g. 20%");
    c.unit = TableColumn::Unit::Percent;
    c.value = v->to_double();
    return c;
  }
  if (auto v = ita::Hundredths::parse(s)) {
    if (*v <= ita::Hundredths(0)) n.fail("a column weight must be above 0");
    c.unit = TableColumn::Unit::Relative;
    c.value = v->to_double();
    return c;
  }
  c.unit = TableColumn::Unit::Points;
  c.value = n.as_length(1, 10000);
  return c;
}

ItaViewColumn read_view_column(const YamlNode& n, const ItaTableView& defaults) {
  const auto& keys = ita_column_keys(defaults.kind);
  auto check_key = [&](const YamlNode& at, const std::string& key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string hint = suggest(key, keys);
      at.fail("unknown column '" + key + "' for ita_table: " + defaults.kind + " (expected " +
              join_alternatives(keys) + (hint.empty() ? "" : "; did you mean '" + hint + "'?") + ")");
    }
  };
  auto base = [&](const std::string& key) {
    for (const auto& c : defaults.columns)
      if (c.key == key) return c;
    ItaViewColumn c = column(key, "", 1.5);
    if (key != "name" && key != "comment" && key != "instrument" && key != "text" && key != "tier") c.align = BlockAlign::Center;
    if (key == "no") c.header = "ที่";
    if (key == "rank") c.header = "อันดับ";
    if (key == "number") c.header = "ตัวชี้วัดที่";
    if (key == "instrument") c.header = "เครื่องมือการประเมิน";
    if (key == "comment") c.header = "ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ";
    if (key == "score" || key == "total") c.header = "คะแนน";
    if (key == "level") c.header = "ระดับ";
    if (key == "name") c.header = defaults.kind == "weighted" ? "ประเด็นการประเมิน" : "ตัวชี้วัด";
    if (key == "no" || key == "rank" || key == "number") c.width = col(1);
    if (key == "name" || key == "comment" || key == "instrument") c.width = col(4);
    return c;
  };
  if (n.is_scalar()) {
    std::string key = n.as_nonempty_string();
    check_key(n, key);
    return base(key);
  }
  n.expect_map();
  n.check_keys({"key", "header", "width", "align", "format", "unit", "name", "text", "rows"});
  YamlNode k = n.required("key");
  std::string key = k.as_nonempty_string();
  check_key(k, key);
  ItaViewColumn c = base(key);
  if (auto v = n.get("header")) c.header = v->as_string();
  if (auto v = n.get("width")) c.width = read_width(*v);
  if (auto v = n.get("align")) c.align = read_align(*v);
  if (auto v = n.get("format")) {
    c.format = v->as_enum<std::string>({{"two", "two"}, {"auto", "auto"}, {"integer", "integer"}});
  }
  if (auto v = n.get("unit")) c.unit = v->as_string();
  if (auto v = n.get("name")) {
    if (key != "name") v->fail("only a 'name' column has a name format");
    c.name_format = v->as_nonempty_string();
  }
  if (auto v = n.get("text")) {
    if (key != "unit") v->fail("only a 'unit' column has a text");
    c.text = v->as_string();
  }
  if (auto v = n.get("rows")) {
    if (key != "unit") v->fail("only a 'unit' column is printed in rows or not");
    c.text_in_rows = v->as_bool();
  }
  return c;
}

}  // namespace

Table read_ita_table(const YamlNode& block, const ita::ItaData& data, const ita::Analysis& a) {
  YamlNode kind_node = block.required("ita_table");
  std::string kind = kind_node.as_string();
  const auto& kinds = ita_table_kinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    kind_node.fail("unknown ITA table '" + kind + "' (expected " + join_alternatives(kinds, ", ") + ")");
  }
  ItaTableView view = ita_default_view(kind);
  if (auto n = block.get("columns")) {
    std::vector<ItaViewColumn> cols;
    for (const YamlNode& item : n->items()) cols.push_back(read_view_column(item, view));
    if (cols.empty()) n->fail("expected at least one column");
    view.columns = std::move(cols);
  }
  if (auto n = block.get("title")) view.titles = n->as_string_list();
  if (auto n = block.get("groups")) {
    if (!indicator_kind(kind) && kind != "oit") n->fail("only ita_table: scores, ranking, tiers or oit have groups");
    view.groups = n->as_enum<std::string>(
        {{"none", "none"}, {"instrument", "instrument"}, {"tier", "tier"}, {"subindicator", "subindicator"}});
    if (kind == "oit" ? view.groups != "subindicator" && view.groups != "none" : view.groups == "subindicator") {
      n->fail("ita_table: oit groups by subindicator (or none); the others by instrument or tier");
    }
    if (kind == "ranking" && view.groups != "none") n->fail("a ranking is not grouped (it is in rank order)");
    if (view.groups == "instrument" && block.get("group") == std::nullopt) view.group_text = "{label}";
    if (view.groups == "tier" && block.get("group") == std::nullopt) view.group_text = "{tier} ({range})";
  }
  if (auto n = block.get("group")) view.group_text = n->as_string();
  if (auto n = block.get("comments")) {
    n->expect_map();
    std::vector<std::string> groups = a.framework.instrument_codes();  // a comment's group: an instrument or a tier
    for (const auto& t : a.framework.tiers) groups.push_back(t.key);
    for (const auto& [key, value] : n->entries()) {
      if (std::find(groups.begin(), groups.end(), key) == groups.end()) {
        std::string hint = suggest(key, groups);
        throw Error(value.key_where(), value.path() + ": unknown group '" + key + "' (expected " +
                                           join_alternatives(groups) + (hint.empty() ? "" : "; did you mean '" + hint + "'?") + ")",
                    2);
      }
      view.comments[key] = value.as_string();
    }
  }
  if (auto n = block.get("instruments")) {
    n->expect_map();
    for (const auto& [key, value] : n->entries()) {
      auto i = ita::parse_instrument(key);
      if (!i || !a.framework.instrument(*i)) {
        throw Error(value.key_where(), value.path() + ": unknown instrument '" + key + "' (expected " +
                                           join_alternatives(a.framework.instrument_codes()) + ")", 2);
      }
      view.instruments[key] = value.as_string();
    }
  }
  if (auto n = block.get("names")) {
    if (!indicator_kind(kind)) n->fail("only ita_table: scores, ranking or tiers name indicators");
    n->expect_map();
    for (const auto& [key, value] : n->entries()) {
      std::string digits = convert_digits(key, DigitStyle::Arabic);
      auto number = ita::Hundredths::parse(digits);
      if (!number || number->count() % 100 != 0 || !a.framework.indicator(static_cast<int>(number->count() / 100))) {
        throw Error(value.key_where(), value.path() + ": '" + key + "' is not an indicator of the framework", 2);
      }
      view.names[static_cast<int>(number->count() / 100)] = value.as_nonempty_string();
    }
  }
  if (auto n = block.get("rank_style")) {
    view.rank_style = n->as_enum<ita::RankStyle>({{"shared", ita::RankStyle::Competition},
                                                  {"competition", ita::RankStyle::Competition},
                                                  {"dense", ita::RankStyle::Dense},
                                                  {"ordinal", ita::RankStyle::Ordinal}});
  }
  if (auto n = block.get("separator")) view.separator = n->as_string();
  if (auto n = block.get("footer")) {
    view.footer.clear();
    if (!n->is_null()) {
      for (const YamlNode& item : n->items()) {
        ItaViewFooter f;
        if (item.is_map()) item.check_keys({"row", "label", "weight", "bold"});
        // (A YamlNode is not re-assigned: assigning a yaml-cpp node writes through to the document.)
        const YamlNode row = item.is_map() ? item.required("row") : item;
        f.row = row.as_enum<std::string>({{"highest", "highest"}, {"lowest", "lowest"}, {"total", "total"}});
        f.label = f.row == "highest" ? "คะแนนสูงสุด" : f.row == "lowest" ? "คะแนนต่ำสุด" : kind == "scores" ? "คะแนนรวม (ระดับ {level})" : "รวม";
        f.bold = f.row == "total";
        if (item.is_map()) {
          if (auto v = item.get("label")) f.label = v->as_string();
          if (auto v = item.get("weight")) f.weight = v->as_bool();
          if (auto v = item.get("bold")) f.bold = v->as_bool();
        }
        if (f.row != "total" && !indicator_kind(kind)) row.fail("only indicator tables have highest and lowest rows");
        if (f.row == "total" && kind != "scores" && kind != "weighted") row.fail("only ita_table: scores or weighted have a total row");
        view.footer.push_back(f);
      }
    }
  }
  Table t;
  try {
    t = build_ita_table(view, data, a);
  } catch (const std::invalid_argument& e) {
    block.fail(e.what());
  }
  if (auto n = block.get("font_size")) t.font_size = n->as_length(4, 72);
  if (auto n = block.get("caption")) t.caption = n->as_string();
  if (auto n = block.get("continued")) t.continued = n->as_string();
  return t;
}

const std::vector<std::string>& ita_chart_keys() {
  static const std::vector<std::string> keys = {"chart", "width", "height", "title", "unit", "label", "remark"};
  return keys;
}

Chart read_ita_chart(const YamlNode& block) {
  Chart c;
  c.kind = block.required("chart").as_enum<Chart::Kind>({{"scores", Chart::Kind::IndicatorScores},
                                                         {"trend", Chart::Kind::YearlyTotals},
                                                         {"score_card", Chart::Kind::ScoreCard}});
  if (auto n = block.get("width")) c.width = n->as_length(50, 5000);
  if (auto n = block.get("height")) c.height = n->as_length(50, 5000);
  for (const char* key : {"title", "unit", "label", "remark"}) {  // `note:` is a block type
    auto n = block.get(key);
    if (!n) continue;
    if (c.kind != Chart::Kind::ScoreCard) n->fail(std::string("only a 'chart: score_card' has a ") + key);
    std::string text = n->as_string();
    if (std::string(key) == "title") c.title = text;
    if (std::string(key) == "unit") c.unit = text;
    if (std::string(key) == "label") c.label = text;
    if (std::string(key) == "remark") c.note = text;
  }
  return c;
}

}  // namespace thaidoc
