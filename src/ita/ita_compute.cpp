#include "ita/ita_compute.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace thaidoc::ita {

namespace {

std::string indicator_list(const std::vector<int>& numbers) {
  std::string s;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (i) s += i + 1 == numbers.size() ? " and " : ", ";
    s += std::to_string(numbers[i]);
  }
  return s;
}

std::string level_or_none(const std::string& level) { return level.empty() ? std::string("(none)") : level; }

std::string band_of(Hundredths total, const Framework& f) {
  if (const LevelBand* b = level_of(total, f)) return " (" + b->name + ": " + b->from.plain() + " - " + b->to.plain() + ")";
  return "";
}

class Checker {
 public:
  Checker(const ItaData& data, const ComputeOptions& options, std::vector<Warning>& out)
      : data_(data), options_(options), out_(out) {}

  // A supplied number against a computed one (`exact` unrounded, `computed` as printed).
  // Returns whether it warned.
  // `levels`: also name both levels when they (or pass/fail) differ (for totals).
  bool number(const Sourced<Hundredths>& supplied, const Exact& exact, Hundredths computed,
              const std::string& what_supplied, const std::string& what_computed, const std::string& consequence,
              bool levels = false) {
    Hundredths diff = (supplied.value - computed).abs();
    if (!(diff > options_.tolerance)) return false;
    std::string exact_text = Exact(computed) == exact ? "" : " (" + exact.str() + ")";
    std::string level_text;
    const Framework& f = data_.framework;
    std::string ls = level_name(supplied.value, f), lc = level_name(computed, f);
    bool ps = passes(supplied.value, f), pc = passes(computed, f);
    if (levels && (ls != lc || ps != pc)) {
      level_text = "; " + supplied.value.str() + " is level " + level_or_none(ls) + " (" + pass_word(ps) + "), " +
                   computed.str() + " is level " + level_or_none(lc) + " (" + pass_word(pc) + ")";
    }
    add(supplied.origin, supplied.value.str(), computed.str(),
        what_supplied + " " + supplied.value.str() + ", but " + what_computed + " " + computed.str() + exact_text +
            " (difference " + diff.str() + ", tolerance " + options_.tolerance.str() + ")" + level_text + "; " +
            consequence);
    return true;
  }

  // A supplied total within the tolerance whose level or pass/fail differs from the computed
  // total's: always a warning, naming both levels.
  void classification(const Sourced<Hundredths>& supplied, Hundredths computed, const std::string& what_supplied,
                      const std::string& what_computed) {
    const Framework& f = data_.framework;
    std::string ls = level_name(supplied.value, f), lc = level_name(computed, f);
    bool ps = passes(supplied.value, f), pc = passes(computed, f);
    if (ls == lc && ps == pc) return;
    std::string message = what_supplied + " " + supplied.value.str() + ", level " + level_or_none(ls) +
                          band_of(supplied.value, f) + ", " + pass_word(ps) + ", but " + what_computed + " " +
                          computed.str() + ", level " + level_or_none(lc) + band_of(computed, f) + ", " +
                          pass_word(pc) + " (pass mark " + f.pass_mark.plain() +
                          "); within the tolerance, but the level differs; the supplied value and its level are printed";
    add(supplied.origin, supplied.value.str() + " " + ls, computed.str() + " " + lc, message);
  }

  // A supplied level against the level of a total.
  void level(const Sourced<std::string>& supplied, Hundredths total, const std::string& what_total,
             const std::string& consequence) {
    std::string computed = level_name(total, data_.framework);
    if (supplied.value == computed) return;
    add(supplied.origin, supplied.value, computed,
        "level " + supplied.value + " is given, but " + what_total + " " + total.str() + " is level " +
            level_or_none(computed) + band_of(total, data_.framework) + "; " + consequence);
  }

 private:
  void add(const Origin& origin, std::string supplied, std::string computed, std::string message) {
    Warning w;
    w.file = origin.where.file.empty() ? data_.source : origin.where.file;
    w.key_path = origin.key_path;
    w.line = origin.where.line;
    w.column = origin.where.column;
    w.supplied = std::move(supplied);
    w.computed = std::move(computed);
    w.message = std::move(message);
    out_.push_back(std::move(w));
  }

  const ItaData& data_;
  const ComputeOptions& options_;
  std::vector<Warning>& out_;
};

}  // namespace

const LevelBand* level_of(Hundredths score, const Framework& f) {
  const LevelBand* best = nullptr;
  for (const auto& b : f.levels) {
    if (score >= b.from && (!best || b.from > best->from)) best = &b;
  }
  return best;
}

std::string level_name(Hundredths score, const Framework& f) {
  const LevelBand* b = level_of(score, f);
  return b ? b->name : std::string();
}

size_t tier_of(Hundredths score, const Framework& f) {
  size_t tier = 0;
  for (size_t i = 0; i < f.tiers.size(); ++i) {
    if (score >= f.tiers[i].from) tier = i;
  }
  return tier;
}

std::string tier_range(const Framework& f, size_t tier) {
  if (tier >= f.tiers.size()) return "";
  bool last = tier + 1 == f.tiers.size();
  std::string from = f.tiers[tier].from.plain();
  if (tier == 0 && !last) return "< " + f.tiers[1].from.plain();
  if (last) return ">= " + from;
  return from + " - < " + f.tiers[tier + 1].from.plain();
}

bool passes(Hundredths total, const Framework& f) { return total >= f.pass_mark; }

std::string pass_word(bool passed) { return passed ? "ผ่าน" : "ไม่ผ่าน"; }

std::string Warning::to_string() const {
  SourceLocation loc{file, line, column};
  std::string where = loc.to_string();
  std::string s = where.empty() ? "" : where + ": ";
  s += "warning: ";
  if (!key_path.empty()) s += key_path + ": ";
  return s + message;
}

const IndicatorResult* Analysis::indicator(int number) const {
  for (const auto& r : indicators) {
    if (r.number == number) return &r;
  }
  return nullptr;
}

const InstrumentResult* Analysis::instrument(const Instrument& i) const {
  for (const auto& r : instruments) {
    if (r.instrument == i) return &r;
  }
  return nullptr;
}

Analysis analyse(const ItaData& data, const ComputeOptions& options) {
  const Framework& fw = data.framework;
  auto fail = [&](const std::string& message) { return Error(SourceLocation{data.source}, message, 2); };
  try {
    fw.validate();
  } catch (const std::invalid_argument& e) {
    throw fail(e.what());
  }

  Analysis a;
  a.framework = fw;
  a.source = data.source;
  a.organisation = data.organisation.name;
  a.year = data.year;
  Checker check(data, options, a.warnings);
  for (const DataNote& note : data.notes) {
    Warning w;
    w.file = note.origin.where.file.empty() ? data.source : note.origin.where.file;
    w.key_path = note.origin.key_path;
    w.line = note.origin.where.line;
    w.column = note.origin.where.column;
    w.message = note.message;
    a.warnings.push_back(std::move(w));
  }

  // Indicators, in number order.
  for (const IndicatorDef& def : fw.indicators) {
    const IndicatorScore* s = data.score(def.number);
    if (!s) throw fail("ita.scores: indicator " + std::to_string(def.number) + " (" + def.name + ") has no score");
    IndicatorResult r;
    r.number = def.number;
    r.name = def.name;
    r.short_name = def.label();
    r.instrument = def.instrument;
    r.score = s->score;
    r.tier = tier_of(s->score, fw);
    a.indicators.push_back(r);
  }
  for (const IndicatorScore& s : data.scores) {
    if (!fw.indicator(s.number)) throw fail("ita.scores: indicator " + std::to_string(s.number) + " is not in the framework");
  }
  std::sort(a.indicators.begin(), a.indicators.end(),
            [](const IndicatorResult& x, const IndicatorResult& y) { return x.number < y.number; });

  // Instrument means and the weighted total.
  const Exact weight_sum(fw.weight_sum());
  Exact total;
  for (const InstrumentDef& def : fw.instruments) {
    InstrumentResult r;
    r.instrument = def.instrument;
    r.name = def.name;
    r.weight = def.weight;
    r.share = Exact(def.weight) / weight_sum;
    Exact sum;
    for (const IndicatorResult& ind : a.indicators) {
      if (ind.instrument != def.instrument) continue;
      r.indicators.push_back(ind.number);
      sum += Exact(ind.score);
    }
    r.mean = sum / Exact(static_cast<std::int64_t>(r.indicators.size()), 1);
    r.computed = r.mean.round2();  // rule 1
    const auto& supplied = data.supplied.mean(def.instrument);
    if (supplied) {
      r.supplied = supplied->value;
      std::string code(instrument_code(def.instrument));
      check.number(*supplied, r.mean, r.computed, "the source gives the " + code + " mean as",
                   "the mean of indicators " + indicator_list(r.indicators) + " is",
                   "the supplied value is printed");
    }
    total += r.share * Exact(r.computed);  // rule 3: from the printed means
    a.instruments.push_back(r);
  }
  a.total_exact = total;
  a.total_computed = total.round2();

  std::string weights;
  for (const InstrumentDef& def : fw.instruments) {
    weights += (weights.empty() ? "" : ", ") + std::string(instrument_code(def.instrument)) + " " + def.weight.plain();
  }
  const std::string what_total = "the weighted total of the instrument means (" + weights + ") is";
  if (data.supplied.total) {
    a.total_supplied = data.supplied.total->value;
    if (!check.number(*data.supplied.total, a.total_exact, a.total_computed, "the source gives the total as",
                      what_total, "the supplied value is printed", true)) {
      check.classification(*data.supplied.total, a.total_computed, "the source gives the total as", what_total);
    }
  }

  // Level and pass.
  a.level_computed = level_name(a.total_computed, fw);
  if (data.supplied.level) {
    a.level_supplied = data.supplied.level->value;
    check.level(*data.supplied.level, a.total(),
                a.total_supplied ? "the printed total" : "the total computed from the indicator scores",
                "the supplied level is printed");
  }
  a.level = a.level_supplied ? *a.level_supplied : level_name(a.total(), fw);
  a.passed = passes(a.total(), fw);
  a.passed_computed = passes(a.total_computed, fw);

  // Ranking: best first, ties (equal to 2 decimals) in indicator order.
  for (const IndicatorResult& r : a.indicators) a.ranking.push_back({0, r.number, r.name, r.instrument, r.score});
  std::stable_sort(a.ranking.begin(), a.ranking.end(), [](const RankRow& x, const RankRow& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.number < y.number;
  });
  int dense = 0;
  for (size_t i = 0; i < a.ranking.size(); ++i) {
    bool tie = i > 0 && a.ranking[i].score == a.ranking[i - 1].score;
    if (!tie) ++dense;
    switch (options.rank_style) {
      case RankStyle::Competition: a.ranking[i].rank = tie ? a.ranking[i - 1].rank : static_cast<int>(i) + 1; break;
      case RankStyle::Dense: a.ranking[i].rank = dense; break;
      case RankStyle::Ordinal: a.ranking[i].rank = static_cast<int>(i) + 1; break;
    }
  }
  for (const RankRow& row : a.ranking) {
    for (IndicatorResult& r : a.indicators) {
      if (r.number == row.number) r.rank = row.rank;
    }
    if (row.score == a.ranking.front().score) a.highest.push_back(row);
  }
  for (const RankRow& row : a.ranking) {
    if (row.score == a.ranking.back().score) a.lowest.push_back(row);
  }

  // Tiers.
  a.tiers.assign(fw.tiers.size(), {});
  for (const IndicatorResult& r : a.indicators) a.tiers[r.tier].push_back(r.number);

  // The yearly trend.
  bool have_current = false;
  for (const HistoryEntry& h : data.history) {
    HistoryPoint p;
    p.year = h.year;
    p.total = h.total.value;
    p.current = h.year == data.year;
    p.level = h.level ? h.level->value : level_name(h.total.value, fw);
    if (p.current) {
      have_current = true;
      std::string what = "the history gives " + std::to_string(h.year) + " (the assessed year) as";
      if (!check.number(h.total, a.total_exact, a.total_computed, what, what_total,
                        "the history value is printed in the trend", true)) {
        check.classification(h.total, a.total_computed, what, what_total);
      }
    }
    if (h.level) {
      check.level(*h.level, h.total.value, "the history's " + std::to_string(h.year) + " total",
                  "the supplied level is printed");
    }
    a.history.push_back(p);
  }
  if (!have_current && options.add_current_year_to_history && data.year > 0) {
    a.history.push_back({data.year, a.total(), a.level, true, true});
  }
  std::stable_sort(a.history.begin(), a.history.end(),
                   [](const HistoryPoint& x, const HistoryPoint& y) { return x.year < y.year; });
  return a;
}

}  // namespace thaidoc::ita
