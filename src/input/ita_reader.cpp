#include "input/ita_reader.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/digits.h"

namespace thaidoc {

using namespace ita;

namespace {

Origin origin_of(const YamlNode& n) { return Origin{n.where(), n.path()}; }

// An error located at a mapping entry's key.
Error key_error(const YamlNode& value, const std::string& message) {
  return Error(value.key_where(), value.path() + ": " + message, 2);
}

// A whole number written as a mapping key ("3", "๓", "2565"); nullopt if it is not one.
std::optional<int> key_number(const std::string& key) {
  std::string s = convert_digits(key, DigitStyle::Arabic);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  if (s.empty() || s.size() > 6) return std::nullopt;
  if (!std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); })) return std::nullopt;
  return std::stoi(s);
}

std::string fmt(Hundredths v) { return v.plain(); }

// A score-like value as exact hundredths, between lo and hi (whole numbers). Read from the
// text ("93.37", "๙๓.๓๗"), never through binary floating point.
Hundredths read_hundredths(const YamlNode& n, std::int64_t lo, std::int64_t hi) {
  if (!n.is_scalar()) n.fail("expected a number");
  std::string text = convert_digits(n.as_string(), DigitStyle::Arabic);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  auto v = Hundredths::parse(text);
  if (!v) {
    if (Hundredths::parse(text.substr(0, text.find('.') == std::string::npos ? text.size() : text.find('.') + 3))) {
      n.fail("'" + text + "' has more than 2 decimals (ITA values are published with 2, e.g. 87.72)");
    }
    n.fail("expected a number");
  }
  if (*v < Hundredths::whole(lo) || *v > Hundredths::whole(hi)) {
    n.fail("must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  }
  return *v;
}

// A fiscal year in the Buddhist era; a Common-era year gets a hint.
int check_year(int year, const YamlNode& where_node, bool at_key) {
  auto fail = [&](const std::string& m) { return at_key ? key_error(where_node, m) : where_node.error(m); };
  if (year >= 1900 && year <= 2300) {
    throw fail("expected a Buddhist-era year; " + std::to_string(year) + " looks like a Common-era year (" +
               std::to_string(year) + " + 543 = " + std::to_string(year + 543) + ")");
  }
  if (year < 2400 || year > 2800) throw fail("expected a fiscal year in the Buddhist era, e.g. 2565");
  return year;
}

int read_year_value(const YamlNode& n) {
  if (!n.is_scalar()) n.fail("expected a year (Buddhist era), e.g. 2565");
  auto v = key_number(n.as_string());
  if (!v) n.fail("expected a year (Buddhist era), e.g. 2565");
  return check_year(*v, n, false);
}

std::string read_level_name(const YamlNode& n, const Framework& fw) {
  std::string s = n.as_nonempty_string();
  std::vector<std::string> names = fw.level_names();
  if (std::find(names.begin(), names.end(), s) != names.end()) return s;
  std::string message = "unknown level '" + s + "' (expected " + join_alternatives(names);
  std::string upper = s;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // A case slip ("b"), or one letter off a name ("AAA", "AB"); one letter is no typo of another.
  std::string hint;
  if (std::find(names.begin(), names.end(), upper) != names.end()) {
    hint = upper;
  } else if (s.size() > 1) {
    hint = suggest(s, names);
    for (const auto& name : names) {
      if (hint.empty() && edit_distance(upper, name) == 1) hint = name;
    }
  }
  if (!hint.empty()) message += "; did you mean '" + hint + "'?";
  n.fail(message + ")");
}

// An instrument code as a mapping key. `fw`: it must be one of the framework's (else any
// well-formed code, for a new instrument).
Instrument read_instrument_key(const YamlNode& value, const std::string& key, const Framework* fw) {
  auto i = parse_instrument(key);
  if (i && (!fw || fw->instrument(*i))) return *i;
  if (!fw) {
    throw key_error(value, "'" + key + "' is not an instrument code (2-8 capital letters and digits, e.g. IIT, EIT, OIT)");
  }
  std::vector<std::string> codes = fw->instrument_codes();
  std::string hint = suggest(key, codes);
  throw key_error(value, "unknown instrument '" + key + "' (expected " + join_alternatives(codes) +
                             (hint.empty() ? "" : "; did you mean '" + hint + "'?") + ")");
}

void read_organisation(const YamlNode& n, Organisation& org) {
  n.expect_map();
  n.check_keys({"name", "district", "province", "type"});
  org.name = n.required("name").as_nonempty_string();
  if (auto v = n.get("district")) org.district = v->as_string();
  if (auto v = n.get("province")) org.province = v->as_string();
  if (auto v = n.get("type")) org.type = v->as_string();
}

int read_indicator_number(const YamlNode& n, const Framework& fw, bool at_key, const std::string& text) {
  auto range = [&] {
    std::vector<std::string> nums;
    for (const auto& d : fw.indicators) nums.push_back(std::to_string(d.number));
    return join_alternatives(nums);
  };
  auto fail = [&](const std::string& m) { return at_key ? key_error(n, m) : n.error(m); };
  auto v = key_number(text);
  if (!v) throw fail("'" + text + "' is not an indicator number (expected " + range() + ")");
  if (!fw.indicator(*v)) throw fail("unknown indicator " + std::to_string(*v) + " (expected " + range() + ")");
  return *v;
}

void read_scores(const YamlNode& n, const Framework& fw, std::vector<IndicatorScore>& out) {
  std::map<int, int> seen;  // number -> line
  auto add = [&](int number, const YamlNode& score_node, const YamlNode& at) {
    auto [it, inserted] = seen.emplace(number, at.key_where().line);
    if (!inserted) {
      throw key_error(at, "indicator " + std::to_string(number) + " is given twice (first on line " +
                              std::to_string(it->second) + ")");
    }
    out.push_back({number, read_hundredths(score_node, 0, 100), origin_of(score_node)});
  };
  if (n.is_map()) {
    for (const auto& [key, value] : n.entries()) {
      int number = read_indicator_number(value, fw, true, key);
      if (value.is_null()) value.fail("value is empty (expected the indicator's score)");
      add(number, value, value);
    }
  } else if (n.is_list()) {
    for (const YamlNode& item : n.items()) {
      item.expect_map();
      item.check_keys({"indicator", "score"});
      YamlNode num = item.required("indicator");
      if (!num.is_scalar()) num.fail("expected an indicator number");
      int number = read_indicator_number(num, fw, false, num.as_string());
      add(number, item.required("score"), item);
    }
  } else {
    n.fail("expected a mapping of indicator number to score ({1: 92.15, 2: 88.40, ...}) or a list of "
           "{indicator, score}");
  }
  for (const IndicatorDef& d : fw.indicators) {
    if (!seen.count(d.number)) n.fail("indicator " + std::to_string(d.number) + " (" + d.name + ") has no score");
  }
  std::sort(out.begin(), out.end(), [](const IndicatorScore& a, const IndicatorScore& b) { return a.number < b.number; });
}

void read_supplied(const YamlNode& n, const Framework& fw, SuppliedValues& out) {
  n.expect_map();
  std::vector<std::string> keys = fw.instrument_codes();
  keys.push_back("total");
  keys.push_back("level");
  n.check_keys(keys);
  for (const InstrumentDef& def : fw.instruments) {
    if (auto v = n.get(def.instrument.code())) {
      out.set_mean(def.instrument, Sourced<Hundredths>{read_hundredths(*v, 0, 100), origin_of(*v)});
    }
  }
  if (auto v = n.get("total")) out.total = Sourced<Hundredths>{read_hundredths(*v, 0, 100), origin_of(*v)};
  if (auto v = n.get("level")) out.level = Sourced<std::string>{read_level_name(*v, fw), origin_of(*v)};
}

void read_history(const YamlNode& n, const Framework& fw, std::vector<HistoryEntry>& out) {
  if (!n.is_map()) n.fail("expected a mapping of fiscal year to total ({2563: 71.52, 2564: 82.35})");
  std::map<int, int> seen;
  for (const auto& [key, value] : n.entries()) {
    auto year = key_number(key);
    if (!year) throw key_error(value, "'" + key + "' is not a year (expected a fiscal year BE, e.g. 2565)");
    check_year(*year, value, true);
    auto [it, inserted] = seen.emplace(*year, value.key_where().line);
    if (!inserted) {
      throw key_error(value, "year " + std::to_string(*year) + " is given twice (first on line " +
                                 std::to_string(it->second) + ")");
    }
    HistoryEntry e;
    e.year = *year;
    if (value.is_map()) {
      value.check_keys({"total", "level"});
      YamlNode total = value.required("total");
      e.total = {read_hundredths(total, 0, 100), origin_of(total)};
      if (auto lv = value.get("level")) e.level = Sourced<std::string>{read_level_name(*lv, fw), origin_of(*lv)};
    } else if (value.is_null()) {
      value.fail("value is empty (expected the year's total score)");
    } else {
      if (!value.is_scalar()) value.fail("expected the year's total score, or {total, level}");
      e.total = {read_hundredths(value, 0, 100), origin_of(value)};
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const HistoryEntry& a, const HistoryEntry& b) { return a.year < b.year; });
}

void read_recommendations(const YamlNode& n, const Framework& fw, std::vector<Recommendation>& out) {
  if (!n.is_map()) n.fail("expected a mapping of question code to text ({I20: \"...\", O33: \"...\"})");
  std::map<std::string, int> seen;
  for (const auto& [key, value] : n.entries()) {
    std::string code = convert_digits(key, DigitStyle::Arabic);
    if (!is_question_code(code)) {
      std::string upper = code;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      std::string message = "'" + key + "' is not a question code (expected I, E or O and a number, e.g. I20, E12, O33";
      if (is_question_code(upper)) message += "; did you mean '" + upper + "'?";
      throw key_error(value, message + ")");
    }
    if (!fw.instrument_of_question(code)) {
      throw key_error(value, "question " + code + " belongs to no instrument of the framework (" +
                                 join_alternatives(fw.instrument_codes(), ", ") + ": questions start with their letter)");
    }
    auto [it, inserted] = seen.emplace(code, value.key_where().line);
    if (!inserted) {
      throw key_error(value, code + " is given twice (first on line " + std::to_string(it->second) + ")");
    }
    if (value.is_null()) value.fail("value is empty (expected the recommendation's text)");
    out.push_back({code, value.as_nonempty_string(), origin_of(value)});
  }
}

void read_levels(const YamlNode& n, Framework& fw) {
  std::vector<LevelBand> levels;
  std::vector<bool> has_to;
  for (const YamlNode& item : n.items()) {
    item.expect_map();
    item.check_keys({"level", "from", "to"});
    LevelBand b;
    b.name = item.required("level").as_nonempty_string();
    b.from = read_hundredths(item.required("from"), 0, 100);
    auto to = item.get("to");
    if (to) b.to = read_hundredths(*to, 0, 100);
    if (to && b.to < b.from) to->fail("must not be below 'from' (" + fmt(b.from) + ")");
    for (const auto& other : levels) {
      if (other.name == b.name) item.required("level").fail("level " + b.name + " is given twice");
      if (other.from == b.from) item.required("from").fail("two levels start at " + fmt(b.from));
    }
    levels.push_back(b);
    has_to.push_back(to.has_value());
  }
  if (levels.empty()) n.fail("expected at least one level");
  // Best first; `to` defaults to just below the next better band (100 for the best).
  std::vector<size_t> order(levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return levels[a].from > levels[b].from; });
  fw.levels.clear();
  for (size_t k = 0; k < order.size(); ++k) {
    LevelBand b = levels[order[k]];
    if (!has_to[order[k]]) b.to = k == 0 ? Hundredths::whole(100) : std::max(b.from, fw.levels.back().from - Hundredths(1));
    fw.levels.push_back(b);
  }
  if (fw.levels.back().from > Hundredths(0)) n.fail("the lowest level must start from 0 (it starts from " + fmt(fw.levels.back().from) + ")");
}

void read_tiers(const YamlNode& n, Framework& fw) {
  fw.tiers.clear();
  int index = 0;
  for (const YamlNode& item : n.items()) {
    ++index;
    item.expect_map();
    item.check_keys({"from", "label", "key"});
    Tier t;
    YamlNode from = item.required("from");
    t.from = read_hundredths(from, 0, 100);
    t.label = item.required("label").as_nonempty_string();
    t.key = item.has("key") ? item.required("key").as_nonempty_string() : "tier" + std::to_string(index);
    if (fw.tiers.empty() && t.from > Hundredths(0)) from.fail("the first tier must start from 0");
    if (!fw.tiers.empty() && !(t.from > fw.tiers.back().from)) {
      from.fail("must be above the previous tier's 'from' (" + fmt(fw.tiers.back().from) + ")");
    }
    fw.tiers.push_back(t);
  }
  if (fw.tiers.empty()) n.fail("expected at least one tier");
}

// `remove: true` in an indicator's or instrument's entry.
bool removes(const YamlNode& value) {
  auto r = value.get("remove");
  if (!r) return false;
  if (!r->as_bool()) return false;
  for (const auto& [key, other] : value.entries()) {
    if (key != "remove") throw key_error(other, "an entry that removes has no other keys");
  }
  return true;
}

void read_indicator_defs(const YamlNode& n, Framework& fw) {
  n.expect_map();
  for (const auto& [key, value] : n.entries()) {
    auto number = key_number(key);
    if (!number || *number < 1 || *number > 99) throw key_error(value, "'" + key + "' is not an indicator number (1-99)");
    value.expect_map();
    value.check_keys({"name", "short", "instrument", "remove"});
    auto def_of = [&]() -> IndicatorDef* {
      for (auto& d : fw.indicators)
        if (d.number == *number) return &d;
      return nullptr;
    };
    if (removes(value)) {
      if (!def_of()) throw key_error(value, "indicator " + std::to_string(*number) + " is not in the framework");
      std::erase_if(fw.indicators, [&](const IndicatorDef& d) { return d.number == *number; });
      continue;
    }
    IndicatorDef* def = def_of();
    if (!def) {
      // A new indicator: name and instrument are required.
      value.required("name");
      value.required("instrument");
      fw.indicators.push_back({*number, "", "", Instrument::IIT});
      def = &fw.indicators.back();
    }
    if (auto v = value.get("name")) def->name = v->as_nonempty_string();
    if (auto v = value.get("short")) def->short_name = v->as_string();
    if (auto v = value.get("instrument")) {
      std::string code = v->as_nonempty_string();
      auto i = parse_instrument(code);
      if (!i || !fw.instrument(*i)) {
        std::vector<std::string> codes = fw.instrument_codes();
        std::string hint = suggest(code, codes);
        v->fail("unknown instrument '" + code + "' (expected " + join_alternatives(codes) +
                (hint.empty() ? "" : "; did you mean '" + hint + "'?") + "; define one under 'instruments:')");
      }
      def->instrument = *i;
    }
  }
  std::sort(fw.indicators.begin(), fw.indicators.end(),
            [](const IndicatorDef& a, const IndicatorDef& b) { return a.number < b.number; });
}

}  // namespace

Framework read_ita_framework(const YamlNode& n, Framework fw) {
  n.expect_map();
  n.check_keys({"preset", "weights", "instruments", "pass", "levels", "tiers", "indicators"});
  if (auto v = n.get("instruments")) {
    v->expect_map();
    for (const auto& [key, value] : v->entries()) {
      value.expect_map();
      value.check_keys({"name", "weight", "remove"});
      if (removes(value)) {
        Instrument i = read_instrument_key(value, key, &fw);
        std::erase_if(fw.instruments, [&](const InstrumentDef& d) { return d.instrument == i; });
        continue;
      }
      Instrument i = read_instrument_key(value, key, nullptr);
      InstrumentDef* def = nullptr;
      for (auto& d : fw.instruments) {
        if (d.instrument == i) def = &d;
      }
      if (!def) {
        // A new instrument: its name and weight are required.
        value.required("name");
        value.required("weight");
        fw.instruments.push_back({i, key, Hundredths(0)});
        def = &fw.instruments.back();
      }
      if (auto x = value.get("name")) def->name = x->as_nonempty_string();
      if (auto x = value.get("weight")) def->weight = read_hundredths(*x, 0, 1000);
    }
  }
  if (auto v = n.get("weights")) {
    v->expect_map();
    for (const auto& [key, value] : v->entries()) {
      Instrument i = read_instrument_key(value, key, &fw);
      for (auto& d : fw.instruments) {
        if (d.instrument == i) d.weight = read_hundredths(value, 0, 1000);
      }
    }
  }
  if (auto v = n.get("pass")) fw.pass_mark = read_hundredths(*v, 0, 100);
  if (auto v = n.get("indicators")) read_indicator_defs(*v, fw);
  if (auto v = n.get("levels")) read_levels(*v, fw);
  if (auto v = n.get("tiers")) read_tiers(*v, fw);
  try {
    fw.validate();
  } catch (const std::invalid_argument& e) {
    std::string m = e.what();
    const std::string prefix = "ITA framework: ";
    if (m.rfind(prefix, 0) == 0) m = m.substr(prefix.size());
    n.fail(m);
  }
  return fw;
}

ItaData read_ita(const YamlNode& n) {
  n.expect_map();
  n.check_keys({"organisation", "year", "scores", "supplied", "history", "recommendations", "framework",
                "responsible"});
  ItaData data;
  data.source = n.source().path();
  YamlNode year_node = n.required("year");
  data.year = read_year_value(year_node);
  // The framework: a named preset (by `framework: NAME` / `framework: {preset: NAME}`, else
  // the fiscal year's own), with the document's overrides on top.
  auto fw_node = n.get("framework");
  std::optional<YamlNode> preset_node;
  if (fw_node && fw_node->is_scalar()) preset_node = *fw_node;
  if (fw_node && fw_node->is_map()) preset_node = fw_node->get("preset");
  std::string preset;
  if (preset_node) {
    preset = preset_node->as_nonempty_string();
    if (preset != "none" && !Framework::preset(preset)) {
      std::vector<std::string> names = Framework::preset_names();
      std::string hint = suggest(preset, names);
      names.push_back("none");
      preset_node->fail("unknown ITA framework '" + preset + "' (expected " + join_alternatives(names) +
                        (hint.empty() ? "" : "; did you mean '" + hint + "'?") + ")");
    }
    if (preset == "none" && !(fw_node && fw_node->is_map())) {
      preset_node->fail("'framework: none' defines no framework: give 'framework: {preset: none, instruments: ..., "
                        "indicators: ..., levels: ..., tiers: ...}'");
    }
  } else if (auto p = Framework::preset_for_year(data.year)) {
    preset = *p;
  } else {
    const auto& names = Framework::preset_names();
    preset = data.year > 2566 ? names.back() : names.front();
    data.notes.push_back({Origin{year_node.where(), year_node.path()},
                          "there is no ITA framework preset for fiscal year " + std::to_string(data.year) +
                              " (presets: " + join_alternatives(names, " and ") + "); the " + preset +
                              " framework is used (select one with 'framework: {preset: ...}' or define it)"});
  }
  // `preset: none`: the document defines the whole framework (instruments, indicators,
  // levels, tiers; the pass mark defaults to 85).
  if (preset == "none") {
    data.framework = Framework{};
    data.framework.levels.clear();
    data.framework.tiers.clear();
  } else {
    data.framework = *Framework::preset(preset);
  }
  if (fw_node && fw_node->is_map()) data.framework = read_ita_framework(*fw_node, data.framework);
  if (auto v = n.get("responsible")) {
    v->expect_map();
    for (const auto& [key, value] : v->entries()) {
      std::string code = convert_digits(key, DigitStyle::Arabic);
      bool known = std::any_of(data.framework.oit_items.begin(), data.framework.oit_items.end(),
                               [&](const OitItem& o) { return o.code == code; });
      if (!known) {
        throw key_error(value, "'" + key + "' is not an item of the " +
                                   (data.framework.name.empty() ? std::string("document's") : data.framework.name) +
                                   " OIT checklist" + (data.framework.oit_items.empty() ? " (it has none)" : ""));
      }
      data.responsible.emplace_back(code, value.as_nonempty_string());
    }
  }
  read_organisation(n.required("organisation"), data.organisation);
  read_scores(n.required("scores"), data.framework, data.scores);
  if (auto v = n.get("supplied")) read_supplied(*v, data.framework, data.supplied);
  if (auto v = n.get("history")) read_history(*v, data.framework, data.history);
  if (auto v = n.get("recommendations")) read_recommendations(*v, data.framework, data.recommendations);
  return data;
}

namespace {
ItaData read_root(const YamlDocument& doc) {
  YamlNode root = doc.root_node();
  if (root.is_null()) throw Error(SourceLocation{doc.source->path()}, "the file is empty (expected an 'ita:' section)", 2);
  root.expect_map();
  root.check_keys({"ita"});
  return read_ita(root.required("ita"));
}
}  // namespace

ItaData read_ita_file(const std::string& path) { return read_root(load_yaml_file(path)); }

ItaData read_ita_string(const std::string& yaml, const std::string& path_for_messages) {
  return read_root(load_yaml_string(yaml, path_for_messages));
}

}  // namespace thaidoc
