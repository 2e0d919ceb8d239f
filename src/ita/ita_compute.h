// Everything an ITA analysis report prints that follows from the indicator scores:
// instrument means, the weighted total, the level, pass/fail, the ranking, the tiers,
// the yearly trend — and warnings wherever a value the source printed disagrees.
//
// Rounding rule (one rule everywhere):
//  * Computations are in double, on the scores as given; nothing computed is rounded
//    before it is used in another computation (the total uses the unrounded means).
//  * Printing uses 2 decimals, rounded half away from zero (format2 / round2). A tiny
//    nudge (1e-7 of a hundredth) undoes binary representation error, so 65.375 -> 65.38
//    and 2.675 -> 2.68, as by hand.
//  * Classification (level, tier, pass, rank ties) uses the value rounded to 2 decimals,
//    so a printed number and its level never contradict each other: 84.995 prints as
//    85.00 and is level A; 84.99 is B; 95.00 is AA.
//  * A supplied value disagrees with the computed one when |supplied - computed| >
//    tolerance (0.01 by default, compared on unrounded values); levels disagree on any
//    difference. The supplied value is what gets printed (data is never silently
//    changed); the computed one is reported in the Warning.
//  * The weighted column (คะแนนถ่วงน้ำหนัก) of an instrument is weight/sum(weights) x its
//    printed mean; rounded for print, the column may differ from the printed total by
//    0.01 per row, as in the published reports.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ita/ita_data.h"

namespace thaidoc::ita {

// --- rounding and formatting (see the rule above) ---
double round2(double x);
// "76.80", "100.00", "-0.50" (Arabic digits; the caller converts them for print).
std::string format2(double x);

// --- classification on their own ---
// The level band of a score (rounded to 2 decimals first); nullptr if below every band.
const LevelBand* level_of(double score, const Framework& f);
std::string level_name(double score, const Framework& f);  // "" if below every band
// The index into f.tiers of a score (rounded to 2 decimals first).
size_t tier_of(double score, const Framework& f);
// A tier's range for captions: "< 90", "90 - < 95", ">= 95" (Arabic digits).
std::string tier_range(const Framework& f, size_t tier);
bool passes(double total, const Framework& f);

// A supplied value that disagrees with what the data says.
struct Warning {
  std::string file;      // the input file
  std::string key_path;  // e.g. "ita.supplied.total"
  int line = 0, column = 0;
  std::string supplied;  // as printed, e.g. "85.03", "B"
  std::string computed;  // e.g. "76.80", "A"
  std::string message;   // a sentence saying what disagrees and what is printed
  // "file:line:col: warning: key.path: message"
  std::string to_string() const;
};

enum class RankStyle {
  Competition,  // ties share a rank, the next rank skips: 1, 1, 3 (default)
  Dense,        // ties share a rank, no gap: 1, 1, 2
  Ordinal,      // every row its own rank, ties in indicator order: 1, 2, 3
};

struct ComputeOptions {
  double tolerance = 0.01;  // for scores; levels must match exactly
  RankStyle rank_style = RankStyle::Competition;
  // Add the assessed year to the trend (with the printed total) when the history lacks it.
  bool add_current_year_to_history = true;
};

struct IndicatorResult {
  int number = 0;
  std::string name, short_name;
  Instrument instrument = Instrument::IIT;
  double score = 0;
  int rank = 0;     // in the ranking
  size_t tier = 0;  // index into framework.tiers
};

struct InstrumentResult {
  Instrument instrument = Instrument::IIT;
  std::string name;
  double weight = 0;         // as configured (30)
  double share = 0;          // weight / sum of weights (0.3)
  std::vector<int> indicators;  // its indicator numbers
  double computed = 0;       // mean of its indicators' scores, unrounded
  std::optional<double> supplied;  // as the source printed it
  double value() const { return supplied ? *supplied : computed; }  // what to print
  double weighted() const { return share * value(); }               // คะแนนถ่วงน้ำหนัก
};

struct RankRow {
  int rank = 0;
  int number = 0;
  std::string name;
  Instrument instrument = Instrument::IIT;
  double score = 0;
};

struct HistoryPoint {
  int year = 0;
  double total = 0;       // as printed (supplied history value, or the assessed year's total)
  std::string level;      // as printed if given, else the level of `total`
  bool current = false;   // the assessed year
  bool added = false;     // not in the input's history: added from the computed data
};

struct Analysis {
  Framework framework;
  std::string source;
  int year = 0;
  std::vector<IndicatorResult> indicators;  // by indicator number
  std::vector<InstrumentResult> instruments;  // framework order

  double total_computed = 0;               // sum(weight x computed mean) / sum(weights), unrounded
  std::optional<double> total_supplied;
  double total() const { return total_supplied ? *total_supplied : total_computed; }  // to print

  std::string level_computed;              // level of total_computed
  std::optional<std::string> level_supplied;
  std::string level;                       // to print: supplied, else the level of total()
  bool passed = false;                     // total() >= pass mark (rounded to 2 decimals)

  std::vector<RankRow> ranking;            // best first; ties in indicator order
  std::vector<RankRow> highest, lowest;    // the rows with the max / min score (ties included)
  std::vector<std::vector<int>> tiers;     // per framework tier: indicator numbers, ascending
  std::vector<HistoryPoint> history;       // by year

  std::vector<Warning> warnings;

  const IndicatorResult* indicator(int number) const;
  const InstrumentResult* instrument(Instrument i) const;
};

// Computes the analysis. Throws Error (exit code 2, located at the data's file) if the
// framework is unusable or an indicator of the framework has no score.
Analysis analyse(const ItaData& data, const ComputeOptions& options = {});

}  // namespace thaidoc::ita
