// ITA analysis: the framework defaults, the computations (means, weighted total, level,
// pass, ranking with ties, tiers, trend), consistency warnings, and the `ita:` reader's
// errors. Every expected number below was worked out by hand from the indicator scores
// (the working is in the comments), never by the code under test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "base/error.h"
#include "input/ita_reader.h"
#include "ita/ita_compute.h"
#include "ita/ita_data.h"
#include "test_support.h"

using namespace thaidoc;
using namespace thaidoc::ita;

namespace {

std::string data_file(const std::string& name) { return test::source_dir() + "/data/ita/" + name; }

// A two-decimal literal as exact hundredths (test shorthand: H(93.37) is 9337 hundredths).
Hundredths H(double x) { return Hundredths(std::llround(x * 100)); }

// Indicator scores 1..10 in code (no reader involved).
ItaData make_data(const std::vector<double>& scores, int year = 2565) {
  ItaData d;
  d.source = "made.yaml";
  d.organisation.name = "หน่วยงานทดสอบ";
  d.year = year;
  for (size_t i = 0; i < scores.size(); ++i) d.scores.push_back({static_cast<int>(i) + 1, H(scores[i]), {}});
  return d;
}

// The seed-004 scores (อบต.คลองใหม่ FY2565).
const std::vector<double> kKlongmai = {93.37, 83.33, 89.17, 83.06, 89.65, 84.20, 82.10, 77.08, 87.00, 43.75};

std::vector<int> ranks(const Analysis& a) {
  std::vector<int> out;
  for (const auto& r : a.ranking) out.push_back(r.rank);
  return out;
}
std::vector<int> order(const Analysis& a) {
  std::vector<int> out;
  for (const auto& r : a.ranking) out.push_back(r.number);
  return out;
}
std::vector<int> numbers(const std::vector<RankRow>& rows) {
  std::vector<int> out;
  for (const auto& r : rows) out.push_back(r.number);
  return out;
}

// The error message of reading `yaml` as t.yaml; expects exit code 2.
std::string read_error(const std::string& yaml) {
  try {
    read_ita_string(yaml, "t.yaml");
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), 2) << e.what();
    return e.what();
  }
  return "(no error)";
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// A valid `ita:` file in the list form; tests change one thing in it.
const std::string kBase = R"Y(ita:
  organisation: {name: อบต.ทดสอบ, district: สามพราน, province: นครปฐม}
  year: 2565
  scores:
    - {indicator: 1, score: 93.37}
    - {indicator: 2, score: 83.33}
    - {indicator: 3, score: 89.17}
    - {indicator: 4, score: 83.06}
    - {indicator: 5, score: 89.65}
    - {indicator: 6, score: 84.20}
    - {indicator: 7, score: 82.10}
    - {indicator: 8, score: 77.08}
    - {indicator: 9, score: 87.00}
    - {indicator: 10, score: 43.75}
)Y";

}  // namespace

// ---------------------------------------------------------------- rounding, levels, tiers

TEST(ItaDecimal, ParseExactHundredths) {
  EXPECT_EQ(Hundredths::parse("93.37")->count(), 9337);
  EXPECT_EQ(Hundredths::parse("93.370")->count(), 9337);
  EXPECT_EQ(Hundredths::parse("85")->count(), 8500);
  EXPECT_EQ(Hundredths::parse("0.5")->count(), 50);
  EXPECT_EQ(Hundredths::parse("-0.01")->count(), -1);
  EXPECT_EQ(Hundredths::parse("100.00")->count(), 10000);
  EXPECT_FALSE(Hundredths::parse("87.716"));  // not a whole number of hundredths
  EXPECT_FALSE(Hundredths::parse(""));
  EXPECT_FALSE(Hundredths::parse("."));
  EXPECT_FALSE(Hundredths::parse("8e1"));
  EXPECT_FALSE(Hundredths::parse("12.3.4"));
  EXPECT_EQ(Hundredths(7680).str(), "76.80");
  EXPECT_EQ(Hundredths(-1).str(), "-0.01");
  EXPECT_EQ(Hundredths(9499).plain(), "94.99");
  EXPECT_EQ(Hundredths(9250).plain(), "92.5");
  EXPECT_EQ(Hundredths(3000).whole_or_2(), "30");
  EXPECT_EQ(Hundredths(3333).whole_or_2(), "33.33");
}

TEST(ItaDecimal, RoundHalfUpExactly) {
  // Halves that binary floating point gets wrong (2.675 is 2.67499999... as a double).
  EXPECT_EQ(Exact(65375, 1000).round2().str(), "65.38");
  EXPECT_EQ(Exact(2675, 1000).round2().str(), "2.68");
  EXPECT_EQ(Exact(1005, 1000).round2().str(), "1.01");
  EXPECT_EQ(Exact(-1005, 1000).round2().str(), "-1.01");
  EXPECT_EQ(Exact(28695, 1000).round2().str(), "28.70");  // 0.3 x 95.65
  EXPECT_EQ(Exact(84995, 1000).round2().str(), "85.00");
  EXPECT_EQ(Exact(84994, 1000).round2().str(), "84.99");
  EXPECT_EQ(Exact(24338, 300).round2().str(), "81.13");  // 243.38 / 3 = 81.1266...
  EXPECT_EQ(Exact(1, 3).round2().str(), "0.33");
  EXPECT_EQ(Exact(2, 3).round2().str(), "0.67");
  // Arithmetic is exact: 0.1 + 0.2 is 0.3, and 3 x (1/3) is 1.
  EXPECT_EQ(Exact(Hundredths(10)) + Exact(Hundredths(20)), Exact(Hundredths(30)));
  EXPECT_EQ(Exact(1, 3) * Exact(3, 1), Exact(1, 1));
  EXPECT_EQ((Exact(Hundredths(43858)) / Exact(5, 1)).str(), "87.716");
  EXPECT_EQ(Exact(768028, 10000).str(), "76.8028");
}

TEST(ItaLevels, DefaultBandsAndEdges) {
  Framework f = Framework::defaults();
  ASSERT_EQ(f.levels.size(), 7u);
  EXPECT_EQ(level_name(H(100), f), "AA");
  EXPECT_EQ(level_name(H(95), f), "AA");
  EXPECT_EQ(level_name(H(94.99), f), "A");
  EXPECT_EQ(level_name(H(85), f), "A");
  EXPECT_EQ(level_name(H(84.99), f), "B");
  EXPECT_EQ(level_name(H(75), f), "B");
  EXPECT_EQ(level_name(H(74.99), f), "C");
  EXPECT_EQ(level_name(H(65), f), "C");
  EXPECT_EQ(level_name(H(64.99), f), "D");
  EXPECT_EQ(level_name(H(55), f), "D");
  EXPECT_EQ(level_name(H(54.99), f), "E");
  EXPECT_EQ(level_name(H(50), f), "E");
  EXPECT_EQ(level_name(H(49.99), f), "F");
  EXPECT_EQ(level_name(H(0), f), "F");
  EXPECT_TRUE(passes(H(85), f));
  EXPECT_FALSE(passes(H(84.99), f));
}

TEST(ItaTiers, DefaultThresholds) {
  Framework f = Framework::defaults();
  ASSERT_EQ(f.tiers.size(), 3u);
  EXPECT_EQ(tier_of(H(0), f), 0u);
  EXPECT_EQ(tier_of(H(89.99), f), 0u);
  EXPECT_EQ(tier_of(H(90), f), 1u);
  EXPECT_EQ(tier_of(H(94.99), f), 1u);
  EXPECT_EQ(tier_of(H(95), f), 2u);
  EXPECT_EQ(tier_of(H(100), f), 2u);
  EXPECT_EQ(tier_range(f, 0), "< 90");
  EXPECT_EQ(tier_range(f, 1), "90 - < 95");
  EXPECT_EQ(tier_range(f, 2), ">= 95");
}

TEST(ItaFramework, Defaults) {
  Framework f = Framework::defaults();
  ASSERT_EQ(f.indicators.size(), 10u);
  EXPECT_EQ(f.indicator(1)->name, "การปฏิบัติหน้าที่");
  EXPECT_EQ(f.indicator(10)->name, "การป้องกันการทุจริต");
  EXPECT_EQ(f.indicator(5)->instrument, Instrument::IIT);
  EXPECT_EQ(f.indicator(6)->instrument, Instrument::EIT);
  EXPECT_EQ(f.indicator(8)->instrument, Instrument::EIT);
  EXPECT_EQ(f.indicator(9)->instrument, Instrument::OIT);
  EXPECT_EQ(f.instrument(Instrument::IIT)->weight, H(30));
  EXPECT_EQ(f.instrument(Instrument::EIT)->weight, H(30));
  EXPECT_EQ(f.instrument(Instrument::OIT)->weight, H(40));
  EXPECT_EQ(f.pass_mark, H(85));
  EXPECT_NO_THROW(f.validate());
  EXPECT_TRUE(is_question_code("I20"));
  EXPECT_TRUE(is_question_code("O33"));
  EXPECT_FALSE(is_question_code("i20"));
  EXPECT_TRUE(is_question_code("X1"));  // a well-formed code; no instrument of the presets starts with X
  EXPECT_FALSE(is_question_code("I2000"));
  EXPECT_EQ(f.instrument_of_question("E12"), Instrument::EIT);
  EXPECT_EQ(f.instrument_of_question("O33"), Instrument::OIT);
  EXPECT_EQ(f.instrument_of_question("X1"), std::nullopt);
}

// ---------------------------------------------------------------- computations

TEST(ItaCompute, KlongmaiMeansTotalLevel) {
  Analysis a = analyse(make_data(kKlongmai));
  // IIT = (93.37 + 83.33 + 89.17 + 83.06 + 89.65) / 5 = 438.58 / 5 = 87.716
  // EIT = (84.20 + 82.10 + 77.08) / 3 = 243.38 / 3 = 81.12666...
  // OIT = (87.00 + 43.75) / 2 = 130.75 / 2 = 65.375
  // Printed means (rule 1): 87.72, 81.13, 65.38.
  // total (rule 3) = 0.3 x 87.72 + 0.3 x 81.13 + 0.4 x 65.38 = 26.316 + 24.339 + 26.152 = 76.807
  // -> 76.81, what seed 004 publishes (the unrounded means would give 76.8028 -> 76.80).
  ASSERT_EQ(a.instruments.size(), 3u);
  EXPECT_EQ(a.instrument(Instrument::IIT)->mean, Exact(87716, 1000));
  EXPECT_EQ(a.instrument(Instrument::EIT)->mean, Exact(24338, 300));
  EXPECT_EQ(a.instrument(Instrument::OIT)->mean, Exact(65375, 1000));
  EXPECT_EQ(a.instrument(Instrument::IIT)->computed, H(87.72));
  EXPECT_EQ(a.instrument(Instrument::EIT)->computed, H(81.13));
  EXPECT_EQ(a.instrument(Instrument::OIT)->computed, H(65.38));
  EXPECT_EQ(a.instrument(Instrument::IIT)->indicators, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(a.instrument(Instrument::OIT)->indicators, (std::vector<int>{9, 10}));
  EXPECT_EQ(a.total_exact, Exact(76807, 1000));
  EXPECT_EQ(format2(a.total()), "76.81");
  // Weighted column (rule 2, from the printed means): 26.316 -> 26.32, 24.339 -> 24.34,
  // 26.152 -> 26.15; it adds up to the printed total, 76.81.
  EXPECT_EQ(format2(a.instrument(Instrument::IIT)->weighted()), "26.32");
  EXPECT_EQ(format2(a.instrument(Instrument::EIT)->weighted()), "24.34");
  EXPECT_EQ(format2(a.instrument(Instrument::OIT)->weighted()), "26.15");
  EXPECT_EQ(format2(a.instrument(Instrument::IIT)->percent()), "30.00");
  EXPECT_EQ(a.level, "B");
  EXPECT_EQ(a.level_computed, "B");
  EXPECT_FALSE(a.passed);
  EXPECT_TRUE(a.warnings.empty());
}

TEST(ItaCompute, NakhonpathomMeansTotalLevel) {
  // 94.56, 88.13, 90.81, 88.09, 90.53 | 96.03, 96.20, 94.74 | 100, 100
  Analysis a = analyse(make_data({94.56, 88.13, 90.81, 88.09, 90.53, 96.03, 96.20, 94.74, 100, 100}));
  // IIT = 452.12 / 5 = 90.424 -> 90.42; EIT = 286.97 / 3 = 95.65666... -> 95.66; OIT = 100
  // total = 0.3 x 90.42 + 0.3 x 95.66 + 0.4 x 100 = 27.126 + 28.698 + 40 = 95.824 -> 95.82
  EXPECT_EQ(a.instrument(Instrument::IIT)->computed, H(90.42));
  EXPECT_EQ(a.instrument(Instrument::EIT)->computed, H(95.66));
  EXPECT_EQ(a.instrument(Instrument::OIT)->computed, H(100));
  EXPECT_EQ(a.total_exact, Exact(95824, 1000));
  EXPECT_EQ(format2(a.total()), "95.82");
  EXPECT_EQ(a.level, "AA");
  EXPECT_TRUE(a.passed);
}

TEST(ItaCompute, CustomWeights) {
  ItaData d = make_data(kKlongmai);
  for (auto& in : d.framework.instruments) in.weight = H(in.instrument == Instrument::OIT ? 2 : 1);
  Analysis a = analyse(d);
  // (87.72 + 81.13 + 2 x 65.38) / 4 = 299.61 / 4 = 74.9025 -> 74.90, level C
  EXPECT_EQ(a.total_exact, Exact(749025, 10000));
  EXPECT_EQ(format2(a.total()), "74.90");
  EXPECT_EQ(a.level, "C");
  EXPECT_EQ(a.instrument(Instrument::OIT)->share, Exact(1, 2));
  EXPECT_EQ(format2(a.instrument(Instrument::OIT)->percent()), "50.00");
  EXPECT_EQ(format2(a.instrument(Instrument::IIT)->percent()), "25.00");
}

TEST(ItaCompute, ThirdsAreExact) {
  // Three equal weights: each share is exactly 1/3, printed 33.33 %.
  ItaData d = make_data(kKlongmai);
  for (auto& in : d.framework.instruments) in.weight = H(1);
  Analysis a = analyse(d);
  // (87.72 + 81.13 + 65.38) / 3 = 234.23 / 3 = 78.0766... -> 78.08
  EXPECT_EQ(a.total_exact, Exact(23423, 300));
  EXPECT_EQ(format2(a.total()), "78.08");
  EXPECT_EQ(format2(a.instrument(Instrument::EIT)->percent()), "33.33");
  // 81.13 / 3 = 27.0433... -> 27.04; 65.38 / 3 = 21.7933... -> 21.79; 87.72 / 3 = 29.24
  EXPECT_EQ(format2(a.instrument(Instrument::IIT)->weighted()), "29.24");
  EXPECT_EQ(format2(a.instrument(Instrument::EIT)->weighted()), "27.04");
  EXPECT_EQ(format2(a.instrument(Instrument::OIT)->weighted()), "21.79");
}

TEST(ItaCompute, RankingKlongmaiMatchesTheSeed) {
  Analysis a = analyse(make_data(kKlongmai));
  // Seed 004's table: 93.37, 89.65, 89.17, 87.00, 84.20, 83.33, 83.06, 82.10, 77.08, 43.75
  EXPECT_EQ(order(a), (std::vector<int>{1, 5, 3, 9, 6, 2, 4, 7, 8, 10}));
  EXPECT_EQ(ranks(a), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(numbers(a.highest), (std::vector<int>{1}));
  EXPECT_EQ(numbers(a.lowest), (std::vector<int>{10}));
  EXPECT_EQ(a.indicator(9)->rank, 4);
}

TEST(ItaCompute, RankingWithTies) {
  // 10: 99 | 2, 5: 95 | 1, 3, 7: 90 | 4: 80 | 6: 70 | 8, 9: 60
  std::vector<double> s = {90, 95, 90, 80, 95, 70, 90, 60, 60, 99};
  Analysis a = analyse(make_data(s));
  EXPECT_EQ(order(a), (std::vector<int>{10, 2, 5, 1, 3, 7, 4, 6, 8, 9}));
  EXPECT_EQ(ranks(a), (std::vector<int>{1, 2, 2, 4, 4, 4, 7, 8, 9, 9}));
  EXPECT_EQ(numbers(a.highest), (std::vector<int>{10}));
  EXPECT_EQ(numbers(a.lowest), (std::vector<int>{8, 9}));

  ComputeOptions dense;
  dense.rank_style = RankStyle::Dense;
  EXPECT_EQ(ranks(analyse(make_data(s), dense)), (std::vector<int>{1, 2, 2, 3, 3, 3, 4, 5, 6, 6}));
  ComputeOptions ordinal;
  ordinal.rank_style = RankStyle::Ordinal;
  EXPECT_EQ(ranks(analyse(make_data(s), ordinal)), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));

  // Two 100s at the top (seed 003): both highest, sharing rank 1.
  Analysis b = analyse(make_data({94.56, 88.13, 90.81, 88.09, 90.53, 96.03, 96.20, 94.74, 100, 100}));
  EXPECT_EQ(numbers(b.highest), (std::vector<int>{9, 10}));
  EXPECT_EQ(ranks(b), (std::vector<int>{1, 1, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(numbers(b.lowest), (std::vector<int>{4}));
}

TEST(ItaCompute, TiersOfSeed003) {
  Analysis a = analyse(make_data({94.56, 88.13, 90.81, 88.09, 90.53, 96.03, 96.20, 94.74, 100, 100}));
  // As seed 003 groups them: < 90: 2, 4; 90 to < 95: 1, 3, 5, 8; >= 95: 6, 7, 9, 10.
  ASSERT_EQ(a.tiers.size(), 3u);
  EXPECT_EQ(a.tiers[0], (std::vector<int>{2, 4}));
  EXPECT_EQ(a.tiers[1], (std::vector<int>{1, 3, 5, 8}));
  EXPECT_EQ(a.tiers[2], (std::vector<int>{6, 7, 9, 10}));
  EXPECT_EQ(a.indicator(8)->tier, 1u);
}

TEST(ItaCompute, CustomTiers) {
  ItaData d = make_data({79.99, 80, 89.99, 90, 100, 50, 60, 70, 85, 95});
  d.framework.tiers = {{"low", "ต่ำ", H(0)}, {"mid", "กลาง", H(80)}, {"high", "สูง", H(90)}};
  Analysis a = analyse(d);
  EXPECT_EQ(a.tiers[0], (std::vector<int>{1, 6, 7, 8}));
  EXPECT_EQ(a.tiers[1], (std::vector<int>{2, 3, 9}));
  EXPECT_EQ(a.tiers[2], (std::vector<int>{4, 5, 10}));
}

TEST(ItaCompute, HistoryAddsTheAssessedYear) {
  ItaData d = make_data(kKlongmai);
  d.history = {{2563, {H(84.05), {}}, {}}, {2564, {H(80.95), {}}, {}}};
  Analysis a = analyse(d);
  ASSERT_EQ(a.history.size(), 3u);
  EXPECT_EQ(a.history[2].year, 2565);
  EXPECT_TRUE(a.history[2].current);
  EXPECT_TRUE(a.history[2].added);
  EXPECT_EQ(format2(a.history[2].total), "76.81");
  EXPECT_EQ(a.history[0].level, "B");  // 84.05
  ComputeOptions no_add;
  no_add.add_current_year_to_history = false;
  EXPECT_EQ(analyse(d, no_add).history.size(), 2u);
}

TEST(ItaCompute, MissingScoreIsAnError) {
  ItaData d = make_data({90, 90, 90, 90, 90, 90, 90, 90, 90});  // no indicator 10
  try {
    analyse(d);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "made.yaml: ita.scores: indicator 10 (การป้องกันการทุจริต) has no score");
  }
}

// ---------------------------------------------------------------- supplied values and warnings

TEST(ItaWarnings, SuppliedWithinToleranceIsPrintedWithoutWarning) {
  ItaData d = make_data(kKlongmai);
  d.supplied.total = Sourced<Hundredths>{H(76.80), {}};  // computed 76.81: 1 hundredth
  d.supplied.level = Sourced<std::string>{"B", {}};
  Analysis a = analyse(d);
  EXPECT_TRUE(a.warnings.empty());
  EXPECT_EQ(format2(a.total()), "76.80");  // the supplied value is printed
  EXPECT_EQ(a.total_computed, H(76.81));
}

TEST(ItaWarnings, ToleranceIsConfigurable) {
  ItaData d = make_data(kKlongmai);
  d.supplied.total = Sourced<Hundredths>{H(76.83), {SourceLocation{"x.yaml", 5, 12}, "ita.supplied.total"}};
  // |76.83 - 76.81| = 2 hundredths > 1
  Analysis a = analyse(d);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].supplied, "76.83");
  EXPECT_EQ(a.warnings[0].computed, "76.81");
  EXPECT_NE(a.warnings[0].message.find("(difference 0.02, tolerance 0.01)"), std::string::npos) << a.warnings[0].message;
  ComputeOptions loose;
  loose.tolerance = Hundredths(2);
  EXPECT_TRUE(analyse(d, loose).warnings.empty());
}

TEST(ItaWarnings, InconsistentFixtureNamesFileKeyPathAndBothValues) {
  // fixtures/klongmai-2565-inconsistent.yaml: supplied IIT 88.50, total 85.03 labelled B,
  // history 2562 = 85.03 labelled B.
  const std::string file = data_file("fixtures/klongmai-2565-inconsistent.yaml");
  ItaData d = read_ita_file(file);
  Analysis a = analyse(d);
  ASSERT_EQ(a.warnings.size(), 4u);
  for (const Warning& w : a.warnings) EXPECT_EQ(w.file, file);

  const Warning& iit = a.warnings[0];
  EXPECT_EQ(iit.key_path, "ita.supplied.IIT");
  EXPECT_EQ(iit.line, 13);
  EXPECT_EQ(iit.column, 10);
  EXPECT_EQ(iit.supplied, "88.50");
  EXPECT_EQ(iit.computed, "87.72");  // 438.58 / 5 = 87.716

  const Warning& total = a.warnings[1];
  EXPECT_EQ(total.key_path, "ita.supplied.total");
  EXPECT_EQ(total.line, 14);
  EXPECT_EQ(total.column, 12);
  EXPECT_EQ(total.supplied, "85.03");
  EXPECT_EQ(total.computed, "76.81");
  EXPECT_NE(total.message.find("85.03"), std::string::npos) << total.message;
  EXPECT_NE(total.message.find("76.81 (76.807)"), std::string::npos) << total.message;
  // It changes the level and pass/fail, so both levels are named.
  EXPECT_NE(total.message.find("85.03 is level A (ผ่าน), 76.81 is level B (ไม่ผ่าน)"), std::string::npos)
      << total.message;
  EXPECT_EQ(total.to_string().rfind(file + ":14:12: warning: ita.supplied.total: ", 0), 0u) << total.to_string();

  const Warning& level = a.warnings[2];  // B next to a printed 85.03, which is A
  EXPECT_EQ(level.key_path, "ita.supplied.level");
  EXPECT_EQ(level.line, 15);
  EXPECT_EQ(level.column, 12);
  EXPECT_EQ(level.supplied, "B");
  EXPECT_EQ(level.computed, "A");

  const Warning& hist = a.warnings[3];
  EXPECT_EQ(hist.key_path, "ita.history.2562.level");
  EXPECT_EQ(hist.line, 18);
  EXPECT_EQ(hist.column, 33);
  EXPECT_EQ(hist.supplied, "B");
  EXPECT_EQ(hist.computed, "A");

  // What gets printed is what the source says; the computed values are kept alongside.
  EXPECT_EQ(format2(a.total()), "85.03");
  EXPECT_EQ(a.level, "B");
  EXPECT_EQ(format2(a.instrument(Instrument::IIT)->value()), "88.50");
  EXPECT_EQ(format2(a.instrument(Instrument::IIT)->computed), "87.72");
  EXPECT_EQ(a.level_computed, "B");  // 76.81
  EXPECT_EQ(a.history[1].level, "B");
  EXPECT_EQ(format2(a.history[1].total), "85.03");
}

TEST(ItaWarnings, SuppliedTotalThatChangesTheLevelAlwaysWarns) {
  // Every score 84.99: every mean 84.99, total 84.99 (B, ไม่ผ่าน).
  std::vector<double> all(10, 84.99);
  ItaData d = make_data(all);
  d.supplied.total = Sourced<Hundredths>{H(85.00), {SourceLocation{"s.yaml", 7, 12}, "ita.supplied.total"}};
  Analysis a = analyse(d);
  EXPECT_EQ(a.total_computed, H(84.99));
  // 1 hundredth is within the tolerance, but it makes B into A and ไม่ผ่าน into ผ่าน.
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].key_path, "ita.supplied.total");
  EXPECT_EQ(a.warnings[0].to_string(),
            "s.yaml:7:12: warning: ita.supplied.total: the source gives the total as 85.00, level A (A: 85 - 94.99), "
            "ผ่าน, but the weighted total of the instrument means (IIT 30, EIT 30, OIT 40) is 84.99, level B "
            "(B: 75 - 84.99), ไม่ผ่าน (pass mark 85); within the tolerance, but the level differs; the supplied "
            "value and its level are printed");
  EXPECT_EQ(a.level, "A");  // printed as supplied
  EXPECT_TRUE(a.passed);
  EXPECT_FALSE(a.passed_computed);

  // 50.00 against 49.99: E against F (both ไม่ผ่าน) warns the same way.
  ItaData e = make_data(std::vector<double>(10, 49.99));
  e.supplied.total = Sourced<Hundredths>{H(50.00), {}};
  Analysis b = analyse(e);
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_EQ(b.warnings[0].supplied, "50.00 E");
  EXPECT_EQ(b.warnings[0].computed, "49.99 F");

  // 84.98 against 84.99: same level, within the tolerance: no warning.
  d.supplied.total = Sourced<Hundredths>{H(84.98), {}};
  EXPECT_TRUE(analyse(d).warnings.empty());
}

TEST(ItaWarnings, ToleranceIsExactHundredths) {
  // 2 hundredths always exceed a 1-hundredth tolerance, 1 never does, at any magnitude
  // (in binary, 85.00 - 84.99 and 50.00 - 49.99 differ on either side of 0.01).
  for (double base : {84.99, 49.99, 0.01, 99.98, 76.81, 64.99}) {
    ItaData d = make_data(std::vector<double>(10, base));
    d.supplied.set_mean(Instrument::IIT, Sourced<Hundredths>{H(base) + Hundredths(1), {}});
    EXPECT_TRUE(analyse(d).warnings.empty()) << base;
    d.supplied.set_mean(Instrument::IIT, Sourced<Hundredths>{H(base) + Hundredths(2), {}});
    EXPECT_EQ(analyse(d).warnings.size(), 1u) << base;
    d.supplied.set_mean(Instrument::IIT, Sourced<Hundredths>{H(base) - Hundredths(2), {}});
    EXPECT_EQ(analyse(d).warnings.size(), 1u) << base;
  }
}

TEST(ItaWarnings, HistoryOfTheAssessedYearIsChecked) {
  ItaData d = make_data(kKlongmai);
  d.history = {{2565, {H(77.00), {SourceLocation{"h.yaml", 20, 11}, "ita.history.2565"}}, {}}};
  Analysis a = analyse(d);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].key_path, "ita.history.2565");
  EXPECT_EQ(a.warnings[0].supplied, "77.00");
  EXPECT_EQ(a.warnings[0].computed, "76.81");
  EXPECT_EQ(a.warnings[0].to_string().rfind("h.yaml:20:11: warning: ita.history.2565: ", 0), 0u);
  ASSERT_EQ(a.history.size(), 1u);
  EXPECT_FALSE(a.history[0].added);
  EXPECT_EQ(format2(a.history[0].total), "77.00");
}

// ---------------------------------------------------------------- the example data

TEST(ItaData, KlongmaiExample) {
  ItaData d = read_ita_file(data_file("klongmai-2565.yaml"));  // written in Thai digits
  EXPECT_EQ(d.organisation.name, "องค์การบริหารส่วนตำบลคลองใหม่");
  EXPECT_EQ(d.organisation.district, "สามพราน");
  EXPECT_EQ(d.year, 2565);
  ASSERT_EQ(d.scores.size(), 10u);
  EXPECT_EQ(d.score(1)->score, Hundredths(9337));
  EXPECT_EQ(d.score(10)->score, Hundredths(4375));
  ASSERT_EQ(d.history.size(), 5u);
  EXPECT_EQ(d.history[0].year, 2561);
  EXPECT_EQ(d.history[1].total.value, Hundredths(8503));
  ASSERT_NE(d.recommendation("O42"), nullptr);
  EXPECT_EQ(d.recommendations_for(Instrument::OIT).size(), 2u);

  Analysis a = analyse(d);
  EXPECT_TRUE(a.warnings.empty()) << a.warnings[0].to_string();
  EXPECT_EQ(format2(a.total()), "76.81");  // published, and computed from the printed means
  EXPECT_EQ(a.level, "B");
  EXPECT_FALSE(a.passed);
  EXPECT_EQ(a.history.size(), 5u);
  EXPECT_EQ(a.history[1].level, "A");  // 85.03 is A, whatever the seed's text says
}

TEST(ItaData, NakhonpathomExample) {
  ItaData d = read_ita_file(data_file("nakhonpathom-2565.yaml"));
  EXPECT_EQ(d.organisation.name, "เทศบาลนครนครปฐม");
  ASSERT_EQ(d.recommendations.size(), 6u);
  EXPECT_EQ(d.recommendations[0].code, "I20");
  EXPECT_EQ(d.recommendations_for(Instrument::EIT).size(), 3u);
  Analysis a = analyse(d);
  EXPECT_TRUE(a.warnings.empty()) << a.warnings[0].to_string();
  EXPECT_EQ(format2(a.instrument(Instrument::IIT)->value()), "90.42");
  EXPECT_EQ(format2(a.instrument(Instrument::EIT)->value()), "95.65");   // published
  EXPECT_EQ(format2(a.instrument(Instrument::EIT)->computed), "95.66");  // 286.97 / 3
  EXPECT_EQ(format2(a.instrument(Instrument::IIT)->weighted()), "27.13");  // 0.3 x 90.42 = 27.126
  EXPECT_EQ(format2(a.instrument(Instrument::EIT)->weighted()), "28.70");  // 0.3 x 95.65 = 28.695
  EXPECT_EQ(format2(a.instrument(Instrument::OIT)->weighted()), "40.00");
  EXPECT_EQ(format2(a.total()), "95.82");
  EXPECT_EQ(a.level, "AA");
  EXPECT_TRUE(a.passed);
  ASSERT_EQ(a.history.size(), 1u);
  EXPECT_TRUE(a.history[0].added);
}

// ---------------------------------------------------------------- the reader

TEST(ItaReader, MapAndListFormsAgree) {
  ItaData list = read_ita_string(kBase, "t.yaml");
  ItaData map = read_ita_string(R"Y(ita:
  organisation: {name: อบต.ทดสอบ}
  year: 2565
  scores: {1: 93.37, 2: 83.33, 3: 89.17, 4: 83.06, 5: 89.65, 6: 84.20, 7: 82.10, 8: 77.08, 9: 87.00, 10: 43.75}
)Y",
                                "t.yaml");
  ASSERT_EQ(list.scores.size(), 10u);
  ASSERT_EQ(map.scores.size(), 10u);
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(list.scores[i].number, map.scores[i].number);
    EXPECT_EQ(list.scores[i].score, map.scores[i].score);
  }
  EXPECT_EQ(list.scores[2].origin.key_path, "ita.scores[3].score");
  EXPECT_EQ(map.scores[2].origin.key_path, "ita.scores.3");
  EXPECT_EQ(list.source, "t.yaml");
}

TEST(ItaReader, FrameworkOverrides) {
  ItaData d = read_ita_string(kBase + R"Y(  framework:
    weights: {IIT: 1, EIT: 1, OIT: 2}
    pass: 80
    levels:
      - {level: ดีมาก, from: 90}
      - {level: ดี, from: 75}
      - {level: ปรับปรุง, from: 0}
    tiers:
      - {from: 0, label: เร่งแก้ไข, key: fix}
      - {from: 85, label: รักษามาตรฐาน}
    indicators:
      4: {short: ทรัพย์สินราชการ}
)Y",
                              "t.yaml");
  const Framework& f = d.framework;
  EXPECT_EQ(f.instrument(Instrument::OIT)->weight, H(2));
  EXPECT_EQ(f.pass_mark, H(80));
  ASSERT_EQ(f.levels.size(), 3u);
  EXPECT_EQ(f.levels[0].name, "ดีมาก");
  EXPECT_EQ(f.levels[0].to, H(100));
  EXPECT_EQ(f.levels[1].to, H(89.99));
  EXPECT_EQ(f.tiers[1].key, "tier2");
  EXPECT_EQ(f.indicator(4)->short_name, "ทรัพย์สินราชการ");
  EXPECT_EQ(f.indicator(4)->name, "การใช้ทรัพย์สินของราชการ");
  Analysis a = analyse(d);
  EXPECT_EQ(format2(a.total()), "74.90");  // (87.72 + 81.13 + 2 x 65.38) / 4 = 74.9025
  EXPECT_EQ(a.level, "ปรับปรุง");  // 74.90 is below ดี (75)
  EXPECT_FALSE(a.passed);
  EXPECT_EQ(a.tiers[1], (std::vector<int>{1, 3, 5, 9}));
}

TEST(ItaReader, ErrorsHaveFileLineColumnAndKeyPath) {
  EXPECT_EQ(read_error(replace(kBase, "score: 89.17", "score: high")),
            "t.yaml:7:29: ita.scores[3].score: expected a number");
  EXPECT_EQ(read_error(replace(kBase, "score: 89.17", "score: 101")),
            "t.yaml:7:29: ita.scores[3].score: must be between 0 and 100");
  EXPECT_EQ(read_error(replace(kBase, "    - {indicator: 7, score: 82.10}\n", "")),
            "t.yaml:5:5: ita.scores: indicator 7 (ประสิทธิภาพการสื่อสาร) has no score");
  EXPECT_EQ(read_error(replace(kBase, "{indicator: 10,", "{indicator: 11,")),
            "t.yaml:14:19: ita.scores[10].indicator: unknown indicator 11 (expected 1, 2, 3, 4, 5, 6, 7, 8, 9 or 10)");
  EXPECT_EQ(read_error(replace(kBase, "{indicator: 10,", "{indicator: 9,")),
            "t.yaml:14:7: ita.scores[10]: indicator 9 is given twice (first on line 13)");
  EXPECT_EQ(read_error(replace(kBase, "year: 2565", "year: 2022")),
            "t.yaml:3:9: ita.year: expected a Buddhist-era year; 2022 looks like a Common-era year (2022 + 543 = 2565)");
  EXPECT_EQ(read_error(replace(kBase, "  year: 2565\n", "")), "t.yaml:2:3: ita.year: required field is missing");
  EXPECT_EQ(read_error(replace(kBase, "organisation:", "organization:")),
            "t.yaml:2:3: ita.organization: unknown key (did you mean 'organisation'?)");
  EXPECT_EQ(read_error(replace(kBase, "{name: อบต.ทดสอบ, ", "{")),
            "t.yaml:2:17: ita.organisation.name: required field is missing");
}

TEST(ItaReader, ErrorsInOptionalSections) {
  EXPECT_EQ(read_error(kBase + "  supplied: {total: 76.81, level: AAA}\n"),
            "t.yaml:15:35: ita.supplied.level: unknown level 'AAA' (expected AA, A, B, C, D, E or F; did you mean "
            "'AA'?)");
  EXPECT_EQ(read_error(kBase + "  supplied: {total: 76.81, level: b}\n"),
            "t.yaml:15:35: ita.supplied.level: unknown level 'b' (expected AA, A, B, C, D, E or F; did you mean 'B'?)");
  EXPECT_EQ(read_error(kBase + "  supplied: {IIT: x}\n"), "t.yaml:15:19: ita.supplied.IIT: expected a number");
  EXPECT_EQ(read_error(kBase + "  supplied: {ITT: 80}\n"),
            "t.yaml:15:14: ita.supplied.ITT: unknown key (expected one of: IIT, EIT, OIT, total, level)");
  EXPECT_EQ(read_error(kBase + "  history: {2564: 80.95, 2021: 70}\n"),
            "t.yaml:15:26: ita.history.2021: expected a Buddhist-era year; 2021 looks like a Common-era year "
            "(2021 + 543 = 2564)");
  EXPECT_EQ(read_error(kBase + "  history: {2564: {total: 80.95, level: Q}}\n"),
            "t.yaml:15:41: ita.history.2564.level: unknown level 'Q' (expected AA, A, B, C, D, E or F)");
  EXPECT_EQ(read_error(kBase + "  recommendations: {i20: ข้อความ}\n"),
            "t.yaml:15:21: ita.recommendations.i20: 'i20' is not a question code (expected I, E or O and a number, "
            "e.g. I20, E12, O33; did you mean 'I20'?)");
  EXPECT_EQ(read_error(kBase + "  framework: {tiers: [{from: 50, label: x}]}\n"),
            "t.yaml:15:30: ita.framework.tiers[1].from: the first tier must start from 0");
  EXPECT_EQ(read_error(kBase + "  framework: {weights: {IT: 30}}\n"),
            "t.yaml:15:25: ita.framework.weights.IT: unknown instrument 'IT' (expected IIT, EIT or OIT)");
  EXPECT_EQ(read_error(kBase + "  framework: {weights: {IIT: 0, EIT: 0, OIT: 0}}\n"),
            "t.yaml:15:14: ita.framework: the instrument weights add up to 0");
}

TEST(ItaReader, ThaiDigitsInKeysAndValues) {
  ItaData d = read_ita_string(replace(replace(kBase, "year: 2565", "year: ๒๕๖๕"), "score: 93.37", "score: ๙๓.๓๗") +
                                  "  history: {๒๕๖๔: ๘๐.๙๕}\n",
                              "t.yaml");
  EXPECT_EQ(d.year, 2565);
  EXPECT_EQ(d.score(1)->score, Hundredths(9337));
  ASSERT_EQ(d.history.size(), 1u);
  EXPECT_EQ(d.history[0].year, 2564);
  EXPECT_EQ(d.history[0].total.value, Hundredths(8095));
}
