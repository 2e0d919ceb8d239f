// Writing an output file so that no partial file ever carries the final name:
// write to a temporary name in the same directory, then rename.
#pragma once
#include <functional>
#include <string>
#include <vector>

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
// Refuses (check_output_path) a path that is not a regular file or a new name, or one
// of `inputs`, before anything is written.
void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      const std::vector<std::string>& inputs = {});

// Output goes only to a regular file or a new path. Throws Error (exit code 2), naming the
// path, if it is a symbolic link (e.g. /dev/stdout: use "-o -"), a directory, a device, a
// FIFO or a socket, which the rename would replace, or the same file as one of `inputs`
// (same device and inode, however spelt). Nothing happens for a path that does not exist.
void check_output_path(const std::string& path, const std::vector<std::string>& inputs = {});

// "-o -": calls write(temp_path) with a new temporary file (in $TMPDIR or /tmp), then
// copies it to standard output and removes it, so nothing reaches standard output unless
// the whole output was written. Throws Error (exit code 2) if standard output is a
// terminal, exit code 1 if writing it fails.
void write_to_stdout(const std::function<void(const std::string&)>& write);

// True for the output name "-" (standard output) and the input name "-" (standard input).
inline bool is_std_stream(const std::string& path) { return path == "-"; }

// The part of a file name used in its temporary names: the name itself, or its first
// 200 bytes (cut at a UTF-8 character boundary) when it is longer.
std::string temp_name_stem(const std::string& file_name);

}  // namespace thaidoc
