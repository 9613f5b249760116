#include "base/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>

namespace gongkai {

ReadStatus ReadFileAtMost(const std::string& path, uint64_t max_bytes, std::string* bytes) {
  bytes->clear();
  std::ifstream in(path, std::ios::binary);
  if (!in) return ReadStatus::kCannotOpen;
  std::array<char, 1 << 16> block;
  while (in.read(block.data(), block.size()) || in.gcount() > 0) {
    bytes->append(block.data(), static_cast<size_t>(in.gcount()));
    if (bytes->size() > max_bytes) return ReadStatus::kTooLarge;
  }
  return ReadStatus::kOk;
}

ReadStatus ReadFileAtMost(const std::string& path, uint64_t max_bytes, FileBytes* bytes) {
  constexpr size_t kBlock = size_t{1} << 16;
  // Huge pages past the first 256 KB (large_buffer.h): below that 4 KB pages cost less.
  constexpr size_t kHugeFrom = size_t{256} << 10;
  bytes->size = 0;
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ReadStatus::kCannotOpen;
  // A regular file's length sizes the buffer (one block more, so that the end is seen in place
  // and a file that grew is read on); anything else (a FIFO, a device) starts at one block.
  struct stat st {};
  const bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  // Never more than one block past the limit.
  const uint64_t cap = max_bytes > UINT64_MAX - kBlock ? UINT64_MAX : max_bytes + kBlock;
  const uint64_t expected = regular ? static_cast<uint64_t>(st.st_size) : 0;
  size_t capacity = static_cast<size_t>(std::min(cap, expected + kBlock));
  bytes->buffer = LargeBuffer(capacity, kHugeFrom);
  ReadStatus status = ReadStatus::kOk;
  while (true) {
    if (!bytes->buffer.data()) {
      status = ReadStatus::kCannotOpen;  // no memory for it
      break;
    }
    if (bytes->size == bytes->buffer.capacity()) {
      // Full before the end: the file is longer than it said (or not a regular file).
      LargeBuffer larger(static_cast<size_t>(std::min<uint64_t>(cap, uint64_t{capacity} * 2)),
                         kHugeFrom);
      if (larger.data()) std::memcpy(larger.data(), bytes->buffer.data(), bytes->size);
      bytes->buffer = std::move(larger);
      capacity = bytes->buffer.capacity();
      continue;
    }
    const size_t room = std::min(bytes->buffer.capacity() - bytes->size, kBlock * 64);
    const ssize_t n = read(fd, bytes->buffer.data() + bytes->size, room);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the end, or an error: what was read is kept, as the stream version does
    bytes->size += static_cast<size_t>(n);
    if (bytes->size > max_bytes) {
      status = ReadStatus::kTooLarge;
      break;
    }
  }
  close(fd);
  return status;
}

}  // namespace gongkai
