// The document kinds: one table (registry.cpp), consulted by the reader (which kind,
// its content key, its template section), the template reader and the layout.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "layout/kinds/kind.h"

namespace thaidoc {

// Every kind, in the order error messages list them.
const std::vector<Kind>& document_kinds();

// The kind named `name`, or null.
const Kind* find_kind(std::string_view name);

// The kinds' names: "memo", "document", ...
std::vector<std::string> kind_names();

}  // namespace thaidoc
