// Memory for one large piece of data written once and then read: a PDF read whole, a stream
// inflated only to be measured. It is taken from the kernel (mmap) rather than from malloc, so
// that what lies past `huge_from` can be advised into transparent huge pages: each 4 KB page
// first written costs a page fault, about 4 µs on the shared test machine (memory cgroup
// charging included), and a 3.6 MB PDF with a 4.4 MB font program took some 2,000 of them
// (more time than inflating the font); a 2 MB huge page is one. Only address space is reserved
// up front (MAP_NORESERVE): pages are allocated as they are first written. Where huge pages are
// off (/sys/kernel/mm/transparent_hugepage) the advice is ignored and nothing else changes.
#ifndef GONGKAI_BASE_LARGE_BUFFER_H_
#define GONGKAI_BASE_LARGE_BUFFER_H_

#include <cstddef>

namespace gongkai {

class LargeBuffer {
 public:
  LargeBuffer() = default;
  // Reserves `capacity` bytes; those from `huge_from` on are advised into huge pages, those
  // before it kept in 4 KB pages, for uses that are often small: a huge page is 2 MB to clear,
  // about as long as 50 to 100 page faults. On failure data() is null and capacity() 0.
  explicit LargeBuffer(size_t capacity, size_t huge_from = 0);
  LargeBuffer(LargeBuffer&& other) noexcept;
  LargeBuffer& operator=(LargeBuffer&& other) noexcept;
  LargeBuffer(const LargeBuffer&) = delete;
  LargeBuffer& operator=(const LargeBuffer&) = delete;
  ~LargeBuffer();

  unsigned char* data() const { return data_; }
  size_t capacity() const { return capacity_; }

 private:
  void Release();
  void* mapping_ = nullptr;  // what mmap gave, `mapped_` bytes (data_ is 2 MB-aligned in it)
  size_t mapped_ = 0;
  unsigned char* data_ = nullptr;
  size_t capacity_ = 0;
};

}  // namespace gongkai

#endif  // GONGKAI_BASE_LARGE_BUFFER_H_
