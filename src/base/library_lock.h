// A lock for third-party C code that is not safe to run on two threads at once.
//
// libxlsxwriter's workbook_close writes the workbook's creation and modification times through
// gmtime(), which returns a pointer to one static struct shared by every thread of the process.
// Two XLSX renders closing at once (the server's worker threads; `render --jobs`) could write a
// torn time into each other's docProps/core.xml: ThreadSanitizer (scripts/tsan.sh) caught it in
// ServerTest.ConcurrentRequestsGiveTheAnswersOfOneAtATime. Every call of workbook_close holds
// this lock; nothing else of a render does, so renders still run in parallel until they close.
#ifndef GONGKAI_BASE_LIBRARY_LOCK_H_
#define GONGKAI_BASE_LIBRARY_LOCK_H_

#include <mutex>

namespace gongkai {

inline std::mutex& NonReentrantLibraryLock() {
  static std::mutex lock;
  return lock;
}

}  // namespace gongkai

#endif  // GONGKAI_BASE_LIBRARY_LOCK_H_
