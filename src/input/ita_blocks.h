// What a report generates from its ITA data: the values its text may quote as
// {{ita.*}} placeholders, and the tables of `ita_table:` blocks.
#pragma once
#include <map>
#include <string>

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

// Builds the table; `kind` must be one of ita_table_kinds().
Table ita_table(const std::string& kind, const ita::ItaData& data, const ita::Analysis& analysis);

}  // namespace thaidoc
