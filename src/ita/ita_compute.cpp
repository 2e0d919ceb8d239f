#include "ita/ita_compute.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace thaidoc::ita {

namespace {

// Half a hundredth's worth of binary error is far below 1e-7 hundredths for scores 0..100.
constexpr double kNudge = 1e-7;

// Up to 4 decimals, trailing zeros dropped: "8.2272", "0.65", "30".
std::string format_short(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", x);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

bool same2(double a, double b) { return round2(a) == round2(b); }

std::string indicator_list(const std::vector<int>& numbers) {
  std::string s;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (i) s += i + 1 == numbers.size() ? " and " : ", ";
    s += std::to_string(numbers[i]);
  }
  return s;
}

class Checker {
 public:
  Checker(const ItaData& data, const ComputeOptions& options, std::vector<Warning>& out)
      : data_(data), options_(options), out_(out) {}

  // A supplied number against a computed one.
  void number(const Sourced<double>& supplied, double computed, const std::string& what_supplied,
              const std::string& what_computed, const std::string& consequence) {
    double diff = std::fabs(supplied.value - computed);
    if (!(diff > options_.tolerance)) return;
    add(supplied.origin, format2(supplied.value), format2(computed),
        what_supplied + " " + format2(supplied.value) + ", but " + what_computed + " " + format2(computed) +
            " (difference " + format_short(diff) + ", tolerance " + format_short(options_.tolerance) + "); " +
            consequence);
  }

  // A supplied level against the level of a total.
  void level(const Sourced<std::string>& supplied, double total, const std::string& what_total,
             const std::string& consequence) {
    std::string computed = level_name(total, data_.framework);
    if (supplied.value == computed) return;
    std::string band;
    if (const LevelBand* b = level_of(total, data_.framework)) {
      band = " (" + b->name + ": " + format_short(b->from) + " - " + format_short(b->to) + ")";
    }
    add(supplied.origin, supplied.value, computed,
        "level " + supplied.value + " is given, but " + what_total + " " + format2(total) + " is level " +
            (computed.empty() ? std::string("(none)") : computed) + band + "; " + consequence);
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

double round2(double x) {
  double scaled = x * 100.0;
  scaled += scaled >= 0 ? kNudge : -kNudge;
  double r = std::round(scaled) / 100.0;
  return r == 0 ? 0.0 : r;  // no "-0.00"
}

std::string format2(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", round2(x));
  return buf;
}

const LevelBand* level_of(double score, const Framework& f) {
  double v = round2(score);
  const LevelBand* best = nullptr;
  for (const auto& b : f.levels) {
    if (v >= b.from && (!best || b.from > best->from)) best = &b;
  }
  return best;
}

std::string level_name(double score, const Framework& f) {
  const LevelBand* b = level_of(score, f);
  return b ? b->name : std::string();
}

size_t tier_of(double score, const Framework& f) {
  double v = round2(score);
  size_t tier = 0;
  for (size_t i = 0; i < f.tiers.size(); ++i) {
    if (v >= f.tiers[i].from) tier = i;
  }
  return tier;
}

std::string tier_range(const Framework& f, size_t tier) {
  if (tier >= f.tiers.size()) return "";
  bool last = tier + 1 == f.tiers.size();
  std::string from = format_short(f.tiers[tier].from);
  if (tier == 0 && !last) return "< " + format_short(f.tiers[1].from);
  if (last) return ">= " + from;
  return from + " - < " + format_short(f.tiers[tier + 1].from);
}

bool passes(double total, const Framework& f) { return round2(total) >= f.pass_mark; }

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

const InstrumentResult* Analysis::instrument(Instrument i) const {
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
  a.year = data.year;
  Checker check(data, options, a.warnings);

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
  const double weight_sum = fw.weight_sum();
  double total = 0;
  for (const InstrumentDef& def : fw.instruments) {
    InstrumentResult r;
    r.instrument = def.instrument;
    r.name = def.name;
    r.weight = def.weight;
    r.share = def.weight / weight_sum;
    double sum = 0;
    for (const IndicatorResult& ind : a.indicators) {
      if (ind.instrument != def.instrument) continue;
      r.indicators.push_back(ind.number);
      sum += ind.score;
    }
    r.computed = sum / static_cast<double>(r.indicators.size());
    const auto& supplied = data.supplied.mean(def.instrument);
    if (supplied) {
      r.supplied = supplied->value;
      std::string code(instrument_code(def.instrument));
      check.number(*supplied, r.computed, "the source gives the " + code + " mean as",
                   "the mean of indicators " + indicator_list(r.indicators) + " is",
                   "the supplied value is printed");
    }
    total += def.weight * r.computed;
    a.instruments.push_back(r);
  }
  a.total_computed = total / weight_sum;

  std::string weights;
  for (const InstrumentDef& def : fw.instruments) {
    weights += (weights.empty() ? "" : ", ") + std::string(instrument_code(def.instrument)) + " " +
               format_short(def.weight);
  }
  if (data.supplied.total) {
    a.total_supplied = data.supplied.total->value;
    check.number(*data.supplied.total, a.total_computed, "the source gives the total as",
                 "the weighted total of the indicator scores (" + weights + ") is", "the supplied value is printed");
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

  // Ranking: best first, ties (equal to 2 decimals) in indicator order.
  for (const IndicatorResult& r : a.indicators) a.ranking.push_back({0, r.number, r.name, r.instrument, r.score});
  std::stable_sort(a.ranking.begin(), a.ranking.end(), [](const RankRow& x, const RankRow& y) {
    double rx = round2(x.score), ry = round2(y.score);
    if (rx != ry) return rx > ry;
    return x.number < y.number;
  });
  int dense = 0;
  for (size_t i = 0; i < a.ranking.size(); ++i) {
    bool tie = i > 0 && same2(a.ranking[i].score, a.ranking[i - 1].score);
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
    if (same2(row.score, a.ranking.front().score)) a.highest.push_back(row);
  }
  for (const RankRow& row : a.ranking) {
    if (same2(row.score, a.ranking.back().score)) a.lowest.push_back(row);
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
      check.number(h.total, a.total_computed,
                   "the history gives " + std::to_string(h.year) + " (the assessed year) as",
                   "the weighted total of the indicator scores is", "the history value is printed in the trend");
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
