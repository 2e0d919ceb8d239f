// Writing an output file so that no partial file ever carries the final name:
// write to a temporary name in the same directory, then rename.
#pragma once
#include <functional>
#include <string>

#include "base/error.h"

namespace thaidoc {

// The disk (or the user's quota) is full: thrown by write_atomically instead of the
// writer's own Error, so that a batch can stop starting documents. Exit code 2.
class NoSpaceError : public Error {
 public:
  using Error::Error;
};

// Calls write(temp_path) and renames temp_path to path when it returns. temp_path is
// ".NAME.tmp-PID-N" next to path, NAME being temp_name_stem(path's file name), so it fits
// in NAME_MAX (255 bytes) whenever path's file name does.
// If write throws, the temporary file is removed and the exception passes on; an Error
// that names the temporary file is thrown again naming `path` (the file the user asked
// for), as a NoSpaceError when the disk is full. Throws Error if the directory cannot be
// created or the rename fails.
void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write);

// The part of a file name used in its temporary names: the name itself, or its first
// 200 bytes (cut at a UTF-8 character boundary) when it is longer.
std::string temp_name_stem(const std::string& file_name);

}  // namespace thaidoc
