// Every test process gets a temporary directory of its own: before any test runs, TMPDIR is set
// to a fresh directory under the one given (or /tmp), removed when the process exits. Tests put
// their scratch files under std::filesystem::temp_directory_path() with fixed names (for example
// "gongkai-audit-extract-corpus"), and the programs they run inherit TMPDIR; two suites run at
// once (two worktrees, or two ctest runs) collided there.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace {

class PerProcessTempDir {
 public:
  PerProcessTempDir() : owner_(getpid()) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/gongkai-tests-XXXXXX";
    std::vector<char> path(pattern.begin(), pattern.end());
    path.push_back('\0');
    if (mkdtemp(path.data()) == nullptr) return;  // then the tests share the given one, as before
    dir_ = path.data();
    setenv("TMPDIR", dir_.c_str(), 1);
  }
  ~PerProcessTempDir() {
    // Only the process that made it: a forked child that exits must not remove it.
    if (dir_.empty() || getpid() != owner_) return;
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

 private:
  pid_t owner_;
  std::string dir_;
};

const PerProcessTempDir per_process_temp_dir;

}  // namespace
