// Reading the ITA data of an analysis report (the `ita:` section) from YAML into
// ita::ItaData. The shape is described in data/ita/README.md. Errors are thaidoc::Error
// (exit code 2) at file:line:col with the key path, e.g.
//   klongmai.yaml:14:23: ita.scores[3].score: expected a number
//   klongmai.yaml:9:3: ita.scores: indicator 7 (ประสิทธิภาพการสื่อสาร) has no score
// Values that contradict each other are NOT errors here: they are kept as supplied and
// reported as warnings by ita::analyse (src/ita/ita_compute.h).
#pragma once
#include <string>

#include "input/yaml_reader.h"
#include "ita/ita_data.h"

namespace thaidoc {

// Reads the value of an `ita:` key (a mapping). `framework:` is read first, whatever
// its place in the mapping, since scores, levels and tiers are checked against it.
ita::ItaData read_ita(const YamlNode& node);

// Reads the value of a `framework:` key: overrides applied to `base`.
ita::Framework read_ita_framework(const YamlNode& node, ita::Framework base = ita::Framework::defaults());

// A file whose only top-level key is `ita:` (the files in data/ita). Exit code 1 if the
// file can't be read.
ita::ItaData read_ita_file(const std::string& path);
ita::ItaData read_ita_string(const std::string& yaml, const std::string& path_for_messages);

}  // namespace thaidoc
