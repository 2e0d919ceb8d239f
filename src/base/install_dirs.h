// Where the shipped templates and fonts are: relative to the installed binary
// (PREFIX/bin/thaidoc finds PREFIX/share/thaidoc/templates and .../fonts, from the
// executable's real path, so a symlink to it works too), then, for a binary that is still
// in its build tree (build/thaidoc, the tests), the source tree.
#pragma once
#include <string>
#include <vector>

namespace thaidoc {

// The folders that may hold the shipped `kind` ("templates" or "fonts"), most specific
// first: PREFIX/share/thaidoc/KIND when the executable is installed there, and the source
// tree's KIND folder when the executable lies in the build tree it was built in. Only
// folders that exist are listed.
std::vector<std::string> shipped_data_dirs(const std::string& kind);

// The real path of the running executable ("" if unknown).
std::string executable_path();

}  // namespace thaidoc
