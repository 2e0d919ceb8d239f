// `thaidoc batch TEMPLATE.yaml... --data DATA -o PATTERN`: one PDF per data record and
// template, rendered by parallel workers that share one Resources (fonts and shaping
// cache). See README.md (Batch) for the options, the placeholder and pattern syntax.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/warning_level.h"
#include "frame/pdf_standard.h"
#include "layout/resources.h"

namespace thaidoc {

struct BatchOptions {
  std::vector<std::string> templates;  // documents with {{placeholders}}
  std::string data;                    // .csv or .yaml
  // Output patterns: "PATTERN" (for every template without its own; with several
  // templates it must use {template}) or "TEMPLATE=PATTERN" (TEMPLATE: the path as given,
  // its file name or its file name without extension).
  std::vector<std::string> outputs;
  int jobs = 0;        // worker threads; 0 = the number of cores
  bool resume = false; // skip complete outputs newer than the templates and the data
  std::string shard;   // "K/N": only records with (number - 1) % N == K - 1
  std::string report;  // JSON report file, "" = none
  bool quiet = false;  // no progress lines (errors and the summary are still printed)
  bool allow_outside = false;  // templates, fonts, images may lie outside the allowed folders
  bool strict = false;  // layout violations fail the record (otherwise they are warnings)
  WarningLevel warnings = WarningLevel::All;  // --warnings
  std::optional<PdfStandard> pdf_standard;  // --pdf-standard; unset: each template's own
};

// Runs the batch and returns the exit code: 0 if every document was written or skipped,
// 2 if any record failed, 130 if interrupted (SIGINT/SIGTERM: the documents in progress
// are finished, the report is written). Throws Error for problems that stop the whole
// batch (unreadable data, a malformed template or pattern, a placeholder naming a column
// the CSV does not have, a bad --shard).
int run_batch_command(const BatchOptions& options, Resources& resources);

}  // namespace thaidoc
