// The data of an ITA (Integrity and Transparency Assessment) analysis report and the
// framework it is measured against. What the input says, nothing computed: the
// computations (instrument means, weighted total, level, ranking, tiers, consistency
// warnings) are in ita_compute.h, so that every number a report prints comes from one
// source, the ten indicator scores.
//
// Every default here (indicator names, weights IIT 30 / EIT 30 / OIT 40, the level bands,
// the pass mark 85, the tiers) is the ITA framework as the NACC (สำนักงาน ป.ป.ช.) used it in
// FY2565 and as the seeds print it; all of it can be overridden per document (`framework:`).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "ita/decimal.h"

namespace thaidoc::ita {

// An assessment instrument (แบบวัด), named by its code. The presets have IIT, EIT and OIT; a
// document's own framework may define others ("SIT"): any code of 2-8 capital letters and
// digits starting with a letter (it is also a placeholder name, {{ita.SIT}}).
class Instrument {
 public:
  Instrument() : code_("IIT") {}
  explicit Instrument(std::string code) : code_(std::move(code)) {}
  const std::string& code() const { return code_; }
  bool operator==(const Instrument&) const = default;
  auto operator<=>(const Instrument&) const = default;
  static const Instrument IIT, EIT, OIT;  // the presets' three

 private:
  std::string code_;
};

// "IIT", "EIT", "OIT", or a document's own code.
std::string_view instrument_code(const Instrument& i);
// 2-8 capital ASCII letters and digits, the first a letter ("IIT", "SIT2").
bool is_instrument_code(std::string_view code);
// The instrument of a code that is_instrument_code accepts; nullopt otherwise (whether a
// framework has it is Framework::instrument's question).
std::optional<Instrument> parse_instrument(std::string_view code);
// A question code: a capital letter followed by 1-3 ASCII digits ("I20", "E12", "O33").
bool is_question_code(std::string_view code);

// Where a value came from in the input (for warnings). Empty for data built in code.
struct Origin {
  SourceLocation where;  // file:line:col of the value
  std::string key_path;  // e.g. "ita.supplied.total", "ita.history.2562.level"
};

// A value as the source printed it, with where it was given.
template <class T>
struct Sourced {
  T value{};
  Origin origin;
};

// ---------------------------------------------------------------- framework

struct IndicatorDef {
  int number = 0;            // 1..10
  std::string name;          // การปฏิบัติหน้าที่
  std::string short_name;    // for chart labels (the name if empty)
  Instrument instrument = Instrument::IIT;
  const std::string& label() const { return short_name.empty() ? name : short_name; }
};

struct InstrumentDef {
  Instrument instrument = Instrument::IIT;
  std::string name;      // แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน
  Hundredths weight;     // relative weight (30 / 30 / 40); the total divides by the sum
};

// A level band: scores from `from` (inclusive) up to the next band's `from`. `to` is
// only what the criteria table prints ("85 – 94.99").
struct LevelBand {
  std::string name;  // AA, A, B, ...
  Hundredths from;
  Hundredths to = Hundredths::whole(100);
};

// A tier of indicators for the analysis: scores from `from` (inclusive) up to the next
// tier's `from` (exclusive).
struct Tier {
  std::string key;    // a stable name for styling and references, e.g. "urgent"
  std::string label;  // what the report prints, e.g. จุดอ่อนที่ต้องแก้ไขอย่างเร่งด่วน
  Hundredths from;
};

// An item of the OIT checklist (แบบตรวจการเปิดเผยข้อมูลสาธารณะ) of a fiscal year.
struct OitItem {
  std::string code;          // O1 .. O43
  std::string subindicator;  // 9.1 .. 10.2
  std::string topic;         // ข้อมูลพื้นฐาน, การให้บริการ ...
  std::string item;          // โครงสร้าง
  std::string components;    // องค์ประกอบด้านข้อมูล, "• ..." lines
};

struct OitTopicNote {
  std::string topic;     // การให้บริการ
  std::string footnote;  // "* การให้บริการ หมายถึง ..."
};

struct Framework {
  std::string name;                        // the preset's name (FY2565, FY2566); "" if defined in the document
  std::vector<IndicatorDef> indicators;    // in number order
  std::vector<InstrumentDef> instruments;  // in print order (IIT, EIT, OIT, or the document's own)
  std::vector<LevelBand> levels;           // best first (AA, A, ..., F)
  Hundredths pass_mark = Hundredths::whole(85);  // a total at or above this passes
  std::vector<Tier> tiers;                 // lowest first; the first starts at 0

  // The FY2565 framework: 10 indicators, IIT 30 / EIT 30 / OIT 40, AA 95-100, A 85-94.99,
  // B 75-84.99, C 65-74.99, D 55-64.99, E 50-54.99, F 0-49.99, pass 85, tiers
  // <90 (urgent) / 90 to <95 (develop) / >=95 (maintain).
  static Framework defaults();

  // Named presets of the frameworks the seeds show: FY2565 (seeds 003 and 004) and FY2566
  // (seed 000's results, seed 003's O1-O43 checklist). nullopt for an unknown name.
  static std::optional<Framework> preset(std::string_view name);
  static const std::vector<std::string>& preset_names();
  // The preset of a fiscal year (2565 -> FY2565); nullopt if there is none.
  static std::optional<std::string> preset_for_year(int year);

  std::vector<OitItem> oit_items;          // the OIT checklist (empty if the preset has none)
  std::vector<std::pair<std::string, std::string>> subindicators;  // 9.1 -> ข้อมูลพื้นฐาน
  std::vector<OitTopicNote> oit_notes;

  const IndicatorDef* indicator(int number) const;     // nullptr if unknown
  const InstrumentDef* instrument(const Instrument& i) const;  // nullptr if not in the framework
  // The instrument a question code belongs to: the first whose code starts with the
  // question's letter (I20 -> IIT, E12 -> EIT, O33 -> OIT); nullopt if none does.
  std::optional<Instrument> instrument_of_question(std::string_view code) const;
  // The codes of the instruments, in order ("IIT, EIT or OIT" in messages).
  std::vector<std::string> instrument_codes() const;
  const LevelBand* level(std::string_view name) const;  // nullptr if unknown
  std::vector<std::string> level_names() const;
  Hundredths weight_sum() const;
  // Throws std::invalid_argument if the framework can't be computed with (no indicators,
  // an instrument without indicators or with a negative weight, all weights zero, no
  // levels or tiers, a lowest level or tier that does not start at 0, duplicates).
  void validate() const;
};

// ---------------------------------------------------------------- data

struct Organisation {
  std::string name;      // องค์การบริหารส่วนตำบลคลองใหม่
  std::string district;  // อำเภอ (สามพราน)
  std::string province;  // จังหวัด (นครปฐม)
  std::string type;      // optional, free text (e.g. อบต., เทศบาลนคร)
};

struct IndicatorScore {
  int number = 0;
  Hundredths score;  // 0..100, as published (two decimals)
  Origin origin;
};

// Values the source printed that can also be computed from the indicator scores.
// They are printed as given; a disagreement becomes a warning (see ita_compute.h).
struct SuppliedValues {
  std::vector<std::pair<Instrument, Sourced<Hundredths>>> means;  // instrument means, in input order
  std::optional<Sourced<Hundredths>> total;
  std::optional<Sourced<std::string>> level;
  const Sourced<Hundredths>* mean(const Instrument& i) const;  // nullptr if not given
  void set_mean(const Instrument& i, Sourced<Hundredths> value);
};

struct HistoryEntry {
  int year = 0;  // fiscal year BE
  Sourced<Hundredths> total;
  std::optional<Sourced<std::string>> level;  // as printed next to the total, if given
};

struct Recommendation {
  std::string code;  // I20, E12, O33
  std::string text;
  Origin origin;
};

// A remark about the data that is not an error (a fiscal year without a framework preset).
struct DataNote {
  Origin origin;
  std::string message;
};

struct ItaData {
  std::string source;  // the file the data came from (for messages); may be empty
  Organisation organisation;
  int year = 0;  // fiscal year BE (2565)
  std::vector<IndicatorScore> scores;  // sorted by indicator number
  SuppliedValues supplied;
  std::vector<HistoryEntry> history;  // sorted by year
  std::vector<Recommendation> recommendations;  // in input order
  Framework framework = Framework::defaults();
  std::vector<DataNote> notes;  // become warnings in the analysis
  std::vector<std::pair<std::string, std::string>> responsible;  // O1 -> the unit responsible (input order)

  const IndicatorScore* score(int number) const;  // nullptr if not given
  const Recommendation* recommendation(std::string_view code) const;
  // The recommendations whose code belongs to the instrument, in input order.
  std::vector<const Recommendation*> recommendations_for(const Instrument& i) const;
};

}  // namespace thaidoc::ita
