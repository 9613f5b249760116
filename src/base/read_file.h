// Reading a whole file whose size is bounded: a device (/dev/zero), a FIFO or a file that grows
// while it is read stops one block past the limit instead of exhausting memory.
#ifndef GONGKAI_BASE_READ_FILE_H_
#define GONGKAI_BASE_READ_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/large_buffer.h"

namespace gongkai {

enum class ReadStatus { kOk, kCannotOpen, kTooLarge };

// Reads `path` into `*bytes`; kTooLarge once more than `max_bytes` have been read.
ReadStatus ReadFileAtMost(const std::string& path, uint64_t max_bytes, std::string* bytes);

// A file read whole into memory of its own (large_buffer.h): sized from the file's length, so
// read in one piece, without the copies of a string that grows, and in huge pages from 2 MB.
// For the large files read only to be parsed (a PDF).
struct FileBytes {
  LargeBuffer buffer;
  size_t size = 0;
  std::string_view view() const { return {reinterpret_cast<const char*>(buffer.data()), size}; }
};

// The same limits and results as above.
ReadStatus ReadFileAtMost(const std::string& path, uint64_t max_bytes, FileBytes* bytes);

}  // namespace gongkai

#endif  // GONGKAI_BASE_READ_FILE_H_
