#include "input/fields.h"

namespace thaidoc {

void apply_fields(const YamlNode& map, const std::vector<Field>& fields) {
  map.expect_map();
  std::vector<std::string> names;
  for (const auto& f : fields) names.emplace_back(f.key);
  map.check_keys(names);
  for (const auto& f : fields) {
    if (auto node = map.get(f.key)) f.set(*node);
  }
}

namespace fields {
std::function<void(const YamlNode&)> text(std::string& out) {
  return [&out](const YamlNode& n) { out = n.as_string(); };
}
std::function<void(const YamlNode&)> length(double& out) {
  return [&out](const YamlNode& n) { out = n.as_length(0, kMaxLength); };
}
std::function<void(const YamlNode&)> signed_length(double& out) {
  return [&out](const YamlNode& n) { out = n.as_length(-kMaxLength, kMaxLength); };
}
std::function<void(const YamlNode&)> font_size(double& out) {
  return [&out](const YamlNode& n) { out = n.as_length(1, 500); };
}
std::function<void(const YamlNode&)> flag(bool& out) {
  return [&out](const YamlNode& n) { out = n.as_bool(); };
}
std::function<void(const YamlNode&)> fraction(double& out) {
  return [&out](const YamlNode& n) { out = n.as_number(0, 1); };
}
std::function<void(const YamlNode&)> factor(double& out) {
  return [&out](const YamlNode& n) { out = n.as_number(0.5, 5); };
}
std::function<void(const YamlNode&)> count(int& out, int min, int max) {
  return [&out, min, max](const YamlNode& n) { out = n.as_int(min, max); };
}
}  // namespace fields

}  // namespace thaidoc
