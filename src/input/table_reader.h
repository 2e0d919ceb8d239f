// Reads `table:` blocks (and the enum/colour values tables use) from YAML.
#pragma once
#include <functional>
#include <vector>

#include "frame/frame.h"
#include "input/yaml_reader.h"
#include "model/blocks.h"

namespace thaidoc {

BlockAlign read_align(const YamlNode& node);       // left | center | right | justify
VerticalAlign read_valign(const YamlNode& node);   // top | middle | bottom
TableBorders read_borders(const YamlNode& node);   // all | none | outer | horizontal
Color read_color(const YamlNode& node);            // "#rrggbb" or [r, g, b] in 0..1

// `table` is the value of the `table:` key. `cell_blocks` reads a cell's content
// given as a list of blocks (the document parser's own block reader).
Table read_table(const YamlNode& table, const std::function<std::vector<Block>(const YamlNode&)>& cell_blocks,
                 const std::function<Block(const YamlNode&)>& paragraph);

}  // namespace thaidoc
