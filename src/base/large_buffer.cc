#include "base/large_buffer.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace gongkai {
namespace {

constexpr size_t kSmallPage = 4096;
constexpr size_t kHugePage = size_t{2} << 20;

size_t RoundUp(size_t n, size_t to) { return (n + to - 1) / to * to; }

}  // namespace

LargeBuffer::LargeBuffer(size_t capacity, size_t huge_from) {
  if (capacity == 0) return;
  // Huge pages back only 2 MB ranges aligned to 2 MB, so the data is placed so that its byte
  // `huge_from` starts one: one huge page more than asked is mapped for that.
  const size_t from = RoundUp(std::min(huge_from, capacity), kSmallPage);
  const size_t mapped = RoundUp(capacity, kHugePage) + kHugePage;
  void* mapping = mmap(nullptr, mapped, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapping == MAP_FAILED) return;
  mapping_ = mapping;
  mapped_ = mapped;
  const auto start = reinterpret_cast<uintptr_t>(mapping);
  data_ = reinterpret_cast<unsigned char*>(RoundUp(start + from, kHugePage) - from);
  capacity_ = capacity;
#ifdef MADV_HUGEPAGE
  // To the last whole huge page the mapping holds, so that the end of the data gets one too.
  const uintptr_t huge = reinterpret_cast<uintptr_t>(data_) + from;
  const uintptr_t end = (start + mapped) / kHugePage * kHugePage;
  if (from < capacity && huge < end) madvise(data_ + from, end - huge, MADV_HUGEPAGE);
#endif
}

LargeBuffer::LargeBuffer(LargeBuffer&& other) noexcept { *this = std::move(other); }

LargeBuffer& LargeBuffer::operator=(LargeBuffer&& other) noexcept {
  if (this != &other) {
    Release();
    mapping_ = std::exchange(other.mapping_, nullptr);
    mapped_ = std::exchange(other.mapped_, 0);
    data_ = std::exchange(other.data_, nullptr);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

LargeBuffer::~LargeBuffer() { Release(); }

void LargeBuffer::Release() {
  if (mapping_) munmap(mapping_, mapped_);
  mapping_ = nullptr;
  data_ = nullptr;
  mapped_ = capacity_ = 0;
}

}  // namespace gongkai
