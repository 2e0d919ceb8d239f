// Everything an ITA analysis report prints that follows from the indicator scores:
// instrument means, the weighted total, the level, pass/fail, the ranking, the tiers,
// the yearly trend — and warnings wherever a value the source printed disagrees.
//
// Arithmetic (one rule everywhere; decimal.h):
//  * Scores, supplied values, weights, bands, tiers and the pass mark are exact hundredths
//    (Hundredths), read from the input's text; computations are exact fractions (Exact).
//    No binary floating point decides anything.
//  * Rounding is to 2 decimals, half up (65.375 -> 65.38, 28.695 -> 28.70), at exactly
//    these points:
//      1. an instrument's mean (mean of its indicators' scores) -> the printed mean;
//      2. an instrument's weighted value, share x printed mean (share = weight / sum of
//         weights) -> the คะแนนถ่วงน้ำหนัก column;
//      3. the total, the sum of the unrounded weighted values of the computed means
//         (sum of weight x round(mean) / sum of weights) -> the printed total;
//      4. a weight's share in percent (100 x share) -> the น้ำหนัก (ร้อยละ) column.
//    The total is computed from the printed means, as the published reports do: seed 004
//    prints IIT 87.72, EIT 81.13, OIT 65.38 and the total 76.81 = 0.3 x 87.72 + 0.3 x 81.13
//    + 0.4 x 65.38 (76.807); the unrounded means give 76.8028, which prints 76.80. Its
//    weighted column (26.32 + 24.34 + 26.15) then adds up to the printed total.
//  * Classification (level, tier, pass, rank ties) uses the printed (2-decimal) values, so a
//    printed number and its level never contradict each other: 84.99 is B, 85.00 is A.
//  * A supplied value disagrees with the computed one when |supplied - printed computed|,
//    in whole hundredths, exceeds the tolerance (1 hundredth by default): 85.00 against
//    84.99 is within it, 85.00 against 84.98 is not. A supplied total whose level or
//    pass/fail differs from the computed total's is always a warning naming both levels,
//    whatever the tolerance. Levels disagree on any difference. The supplied value is what
//    gets printed (data is never silently changed); the computed one is in the Warning.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ita/decimal.h"
#include "ita/ita_data.h"

namespace thaidoc::ita {

// --- formatting ---
// "76.80", "100.00" (Arabic digits; the caller converts them for print).
inline std::string format2(Hundredths x) { return x.str(); }

// --- classification on their own (on printed values) ---
// The level band of a score; nullptr if below every band.
const LevelBand* level_of(Hundredths score, const Framework& f);
std::string level_name(Hundredths score, const Framework& f);  // "" if below every band
// The index into f.tiers of a score.
size_t tier_of(Hundredths score, const Framework& f);
// A tier's range for captions: "< 90", "90 - < 95", ">= 95" (Arabic digits).
std::string tier_range(const Framework& f, size_t tier);
bool passes(Hundredths total, const Framework& f);
// "ผ่าน" / "ไม่ผ่าน".
std::string pass_word(bool passed);

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
  Hundredths tolerance{1};  // for scores, in whole hundredths; levels must match exactly
  RankStyle rank_style = RankStyle::Competition;
  // Add the assessed year to the trend (with the printed total) when the history lacks it.
  bool add_current_year_to_history = true;
};

struct IndicatorResult {
  int number = 0;
  std::string name, short_name;
  Instrument instrument = Instrument::IIT;
  Hundredths score;
  int rank = 0;     // in the ranking
  size_t tier = 0;  // index into framework.tiers
};

struct InstrumentResult {
  Instrument instrument = Instrument::IIT;
  std::string name;
  Hundredths weight;         // as configured (30)
  Exact share;               // weight / sum of weights (3/10)
  std::vector<int> indicators;  // its indicator numbers
  Exact mean;                // mean of its indicators' scores, unrounded (87.716)
  Hundredths computed;       // the mean rounded (rule 1): 87.72
  std::optional<Hundredths> supplied;  // as the source printed it
  Hundredths value() const { return supplied ? *supplied : computed; }  // what to print
  Exact weighted_exact() const { return share * Exact(value()); }
  Hundredths weighted() const { return weighted_exact().round2(); }    // คะแนนถ่วงน้ำหนัก (rule 2)
  Hundredths percent() const { return (share * Exact(100, 1)).round2(); }  // น้ำหนัก (ร้อยละ) (rule 4)
};

struct RankRow {
  int rank = 0;
  int number = 0;
  std::string name;
  Instrument instrument = Instrument::IIT;
  Hundredths score;
};

struct HistoryPoint {
  int year = 0;
  Hundredths total;       // as printed (supplied history value, or the assessed year's total)
  std::string level;      // as printed if given, else the level of `total`
  bool current = false;   // the assessed year
  bool added = false;     // not in the input's history: added from the computed data
};

struct Analysis {
  Framework framework;
  std::string source;
  std::string organisation;  // the organisation's name (score card)
  int year = 0;
  std::vector<IndicatorResult> indicators;  // by indicator number
  std::vector<InstrumentResult> instruments;  // framework order

  Exact total_exact;                       // sum(weight x printed computed mean) / sum(weights)
  Hundredths total_computed;               // total_exact rounded (rule 3)
  std::optional<Hundredths> total_supplied;
  Hundredths total() const { return total_supplied ? *total_supplied : total_computed; }  // to print

  std::string level_computed;              // level of total_computed
  std::optional<std::string> level_supplied;
  std::string level;                       // to print: supplied, else the level of total()
  bool passed = false;                     // total() >= pass mark
  bool passed_computed = false;            // total_computed >= pass mark

  std::vector<RankRow> ranking;            // best first; ties in indicator order
  std::vector<RankRow> highest, lowest;    // the rows with the max / min score (ties included)
  std::vector<std::vector<int>> tiers;     // per framework tier: indicator numbers, ascending
  std::vector<HistoryPoint> history;       // by year

  std::vector<Warning> warnings;

  const IndicatorResult* indicator(int number) const;
  const InstrumentResult* instrument(const Instrument& i) const;
};

// Computes the analysis. Throws Error (exit code 2, located at the data's file) if the
// framework is unusable or an indicator of the framework has no score.
Analysis analyse(const ItaData& data, const ComputeOptions& options = {});

}  // namespace thaidoc::ita
