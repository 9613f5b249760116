// Writing output files so that nobody ever sees half of one.
//
// Every file gongkai writes (disclosures, reports, conversions, templates) goes through an
// AtomicFile: the bytes go to a temporary file in the same directory, named
// `.<name>.gongkai-tmp-<pid>`, which is written, checked, flushed, fsync'ed and renamed over
// the final name; on any failure, or when the object dies uncommitted, the temporary file is
// removed and the final name is untouched. A run killed with -9 leaves at most such a
// temporary file, which the next run writing into that directory removes
// (RemoveStaleTemporaries: only files whose process is gone).
#ifndef GONGKAI_BASE_ATOMIC_FILE_H_
#define GONGKAI_BASE_ATOMIC_FILE_H_

#include <string>
#include <string_view>

namespace gongkai {

class AtomicFile {
 public:
  // Creates the parent directories of `path` if needed (an error is reported by Commit).
  explicit AtomicFile(std::string path);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::string& path() const { return path_; }
  // Where to write; a writer that needs a file name (libxlsxwriter) writes here.
  const std::string& temporary_path() const { return temp_; }

  // Writes `bytes` to the temporary file (replacing what it held). False and *error on failure.
  bool Write(std::string_view bytes, std::string* error);
  // fsyncs the temporary file, renames it to path() and fsyncs the directory. False and
  // *error (with the system's reason) on failure; the temporary file is then removed.
  bool Commit(std::string* error);

 private:
  std::string path_, temp_;
  bool committed_ = false;
};

// Writes `bytes` to `path` through an AtomicFile.
bool WriteFileAtomically(const std::string& path, std::string_view bytes, std::string* error);

// Removes temporary files of AtomicFile in `directory` whose writing process no longer runs.
void RemoveStaleTemporaries(const std::string& directory);

// Whether `a` and `b` name the same existing file (same device and inode: hard and symbolic
// links included).
bool SameFile(const std::string& a, const std::string& b);

// The system's reason for the last failed call (strerror(errno)), in the locale's language.
std::string SystemReason(int error_number);

}  // namespace gongkai

#endif  // GONGKAI_BASE_ATOMIC_FILE_H_
