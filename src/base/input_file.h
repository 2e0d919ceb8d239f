// Reading an input file (a document, template, data file or text) so that no input can
// block or exhaust memory: only regular files are read (a FIFO, a device or a socket is
// refused without waiting for it), and at most a given number of bytes.
#pragma once
#include <cstddef>
#include <string>

namespace thaidoc {

// The limits every command applies to its input (yaml_limits in input/yaml_reader.h uses
// the same numbers): the size of one input file, and of one value (a YAML scalar, a batch
// record's field, a paragraph of `thaidoc text`).
// How messages name standard input (gcc's spelling).
inline constexpr const char* kStdinName = "<stdin>";

namespace input_limits {
inline constexpr size_t kMaxFileBytes = 50u << 20;
inline constexpr size_t kMaxValueBytes = 1u << 20;
}  // namespace input_limits

// The file's bytes. Throws Error: exit code 1 if it cannot be opened or read or is a
// directory; 2 "is not a regular file (...)" for a FIFO, device or socket; 2 "file too
// large (at most N MB)" if it holds more than max_bytes.
std::string read_input_file(const std::string& path, size_t max_bytes);

// Standard input ("-" on the command line) read to its end, at most max_bytes (else exit
// code 2 "file too large", naming `name`); exit code 1 if it cannot be read.
std::string read_standard_input(size_t max_bytes, const std::string& name = kStdinName);

// The same check without reading: throws the same errors for a directory, a FIFO, a
// device, a socket or a file over max_bytes (0: no size check); nothing for a regular file.
void check_input_file(const std::string& path, size_t max_bytes = 0);

// "file too large (at most N MB)" for a limit of N MB.
std::string file_too_large_message(size_t max_bytes);

}  // namespace thaidoc
