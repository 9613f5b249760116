// Reading a whole file whose size is bounded: a device (/dev/zero), a FIFO or a file that grows
// while it is read stops one block past the limit instead of exhausting memory.
#ifndef GONGKAI_BASE_READ_FILE_H_
#define GONGKAI_BASE_READ_FILE_H_

#include <cstdint>
#include <string>

namespace gongkai {

enum class ReadStatus { kOk, kCannotOpen, kTooLarge };

// Reads `path` into `*bytes`; kTooLarge once more than `max_bytes` have been read.
ReadStatus ReadFileAtMost(const std::string& path, uint64_t max_bytes, std::string* bytes);

}  // namespace gongkai

#endif  // GONGKAI_BASE_READ_FILE_H_
