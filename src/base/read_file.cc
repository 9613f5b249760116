#include "base/read_file.h"

#include <array>
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

}  // namespace gongkai
