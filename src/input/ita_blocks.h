// What a report generates from its ITA data: the values its text may quote as
// {{ita.*}} placeholders, and the tables of `ita_table:` blocks.
//
// A generated table is a *view*: a kind (which rows: indicators, instruments, level bands,
// years, recommendations) and a choice of columns, header texts, number formats, units,
// grouping, per-group comment cells, rank style and footer rows. Every kind has a default
// view; an `ita_table:` block may change any part of it (templates/README.md, "Generated
// tables"). The result is an ordinary Table (src/model/table.h), laid out like any other.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "input/yaml_reader.h"
#include "ita/ita_compute.h"
#include "ita/ita_data.h"
#include "model/blocks.h"

namespace thaidoc {

// ita.year, ita.total, ita.level, ita.passed, ita.pass_mark, ita.IIT / EIT / OIT (means),
// ita.IIT.weighted ..., ita.score.N, ita.name.N, ita.rank.N, ita.highest, ita.lowest,
// ita.tier.K (indicator names in tier K, 1-based), ita.organisation, ita.district, ita.province.
// Numbers with 2 decimals in Arabic digits (the document's digit style converts them).
std::map<std::string, std::string> ita_values(const ita::ItaData& data, const ita::Analysis& analysis);

// The kinds of generated table: scores, ranking, weighted, levels, history, tiers, recommendations.
const std::vector<std::string>& ita_table_kinds();

// One column of a view.
struct ItaViewColumn {
  std::string key;                  // what the column shows (see column_keys_for)
  std::string header;               // the header cell
  TableColumn width;                // width (a relative weight by default)
  std::optional<BlockAlign> align;  // body cells
  std::string format = "two";       // numbers: two (76.80), auto (30, 33.33), integer (94)
  std::string unit;                 // appended to each number ("92.95 คะแนน")
  std::string name_format;          // name columns: "{number}. {name}", "ตัวชี้วัดที่ {number} {name}" ...
  std::string text;                 // unit column: its text ("คะแนน")
  bool text_in_rows = false;        // unit column: also in body rows (else footers only)
};

// A footer row: highest, lowest or total.
struct ItaViewFooter {
  std::string row;    // highest | lowest | total
  std::string label;  // may hold {level}, {total}
  bool weight = true;  // total of a weighted table: also sum the printed weights
  bool bold = false;
};

struct ItaTableView {
  std::string kind;
  std::vector<ItaViewColumn> columns;
  std::vector<std::string> titles;      // header rows across all columns, above the column headers
  std::string groups;                   // none | instrument | tier
  std::string group_text;               // {instrument} {code} {mean} {tier} {range} {count}
  std::map<std::string, std::string> comments;     // group (IIT, urgent, ...) -> comment cell text
  std::map<std::string, std::string> instruments;  // IIT -> label in instrument/name cells
  std::map<int, std::string> names;                // indicator number -> name in this table
  ita::RankStyle rank_style = ita::RankStyle::Competition;
  std::vector<ItaViewFooter> footer;
  std::string separator = " - ";        // level ranges: "85 - 94.99"
};

// The default view of a kind (what `ita_table: KIND` alone prints).
ItaTableView ita_default_view(const std::string& kind);

// The column keys a kind's view may use.
const std::vector<std::string>& ita_column_keys(const std::string& kind);

// Builds the table of a view. Throws std::invalid_argument for a view that cannot be built
// (a footer row without a value column, ...); read_ita_table locates such errors.
Table build_ita_table(const ItaTableView& view, const ita::ItaData& data, const ita::Analysis& analysis);

// Builds the default view; `kind` must be one of ita_table_kinds().
Table ita_table(const std::string& kind, const ita::ItaData& data, const ita::Analysis& analysis);

// The keys an `ita_table:` block may have.
const std::vector<std::string>& ita_table_keys();

// Reads an `ita_table:` block (the block mapping) into its table.
Table read_ita_table(const YamlNode& block, const ita::ItaData& data, const ita::Analysis& analysis);

// The keys a `chart:` block may have (the texts only for `chart: score_card`).
const std::vector<std::string>& ita_chart_keys();

// Reads a `chart:` block (scores, trend, score_card).
Chart read_ita_chart(const YamlNode& block);

}  // namespace thaidoc
