// Writing an output file so that no partial file ever carries the final name:
// write to a temporary name in the same directory, then rename.
#pragma once
#include <functional>
#include <string>

namespace thaidoc {

// Calls write(temp_path) and renames temp_path to path when it returns.
// If write throws, the temporary file is removed and the exception passes on.
// Throws Error if the directory is not writable or the rename fails.
void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write);

}  // namespace thaidoc
