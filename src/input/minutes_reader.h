// Reading kind: minutes (รายงานการประชุม): the document's `minutes:` section into
// model/minutes.h, and the template's `minutes:` section into MinutesStyle.
// Only code in src/input includes this header.
#pragma once
#include <functional>
#include <vector>

#include "model/minutes.h"

namespace thaidoc {

class YamlNode;

struct MinutesReaders {
  std::function<std::vector<Block>(const YamlNode&)> blocks;  // a list of blocks or one string
  std::function<Signature(const YamlNode&)> signature;       // name, position, acting, image
};

Minutes read_minutes(const YamlNode& node, const MinutesReaders& readers);

// Only the keys present change `style`.
void read_minutes_style(const YamlNode& node, MinutesStyle& style);

// The names the minutes give (attendees, positions, signers, the place): never broken.
void add_minutes_names(const Minutes& m, std::vector<std::string>& words);

}  // namespace thaidoc
