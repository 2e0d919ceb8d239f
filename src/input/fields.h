// Reading a mapping of settings (a template section such as `memo:` or `letter:`):
// each known key with the function that applies it. Used by the template reader and by
// each kind's own template section (src/layout/kinds/*.cpp).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "input/yaml_reader.h"

namespace thaidoc {

struct Field {
  std::string_view key;
  std::function<void(const YamlNode&)> set;
};

// Checks the keys of `map` against `fields` and applies those present (empty values
// are ignored, so `body:` with nothing under it changes nothing).
void apply_fields(const YamlNode& map, const std::vector<Field>& fields);

// Field setters for the usual kinds of setting.
namespace fields {
constexpr double kMaxLength = 10000;  // points
std::function<void(const YamlNode&)> text(std::string& out);           // any string
std::function<void(const YamlNode&)> length(double& out);             // 0 .. 10000 pt
std::function<void(const YamlNode&)> signed_length(double& out);      // -10000 .. 10000 pt
std::function<void(const YamlNode&)> font_size(double& out);          // 1 .. 500 pt
std::function<void(const YamlNode&)> flag(bool& out);                 // true | false
std::function<void(const YamlNode&)> fraction(double& out);           // 0 .. 1
std::function<void(const YamlNode&)> factor(double& out);             // 0.5 .. 5 (line heights)
std::function<void(const YamlNode&)> count(int& out, int min, int max);
}  // namespace fields

}  // namespace thaidoc
