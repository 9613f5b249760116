#include "base/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>

namespace gongkai {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMarker = ".gongkai-tmp-";

std::string TemporaryFor(const std::string& path) {
  fs::path p(path);
  std::string name = "." + p.filename().string() + std::string(kMarker) + std::to_string(getpid());
  return (p.parent_path() / name).string();
}

// fsync of a directory makes a rename durable; not every file system allows it, and a failure
// there does not undo the rename, so it is not reported.
void SyncDirectory(const fs::path& dir) {
  int fd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

// Left-overs are looked for once per directory and process: a batch writes thousands of files
// into one directory.
void CleanOnce(const fs::path& dir) {
  static std::mutex mutex;
  static std::set<std::string> cleaned;
  std::error_code ec;
  std::string key = fs::weakly_canonical(dir.empty() ? fs::path(".") : dir, ec).string();
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (!cleaned.insert(key).second) return;
  }
  RemoveStaleTemporaries(dir.empty() ? "." : dir.string());
}

}  // namespace

std::string SystemReason(int error_number) { return std::strerror(error_number); }

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), temp_(TemporaryFor(path_)) {
  fs::path parent = fs::path(path_).parent_path();
  std::error_code ec;
  if (!parent.empty()) fs::create_directories(parent, ec);
  CleanOnce(parent);
}

AtomicFile::~AtomicFile() {
  if (!committed_) unlink(temp_.c_str());
}

bool AtomicFile::Write(std::string_view bytes, std::string* error) {
  int fd = open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "无法写入文件：" + SystemReason(errno);
    return false;
  }
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "写入文件失败：" + SystemReason(n < 0 ? errno : ENOSPC);
      close(fd);
      unlink(temp_.c_str());
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (close(fd) != 0) {
    *error = "写入文件失败：" + SystemReason(errno);
    unlink(temp_.c_str());
    return false;
  }
  return true;
}

bool AtomicFile::Commit(std::string* error) {
  int fd = open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "无法写入文件：" + SystemReason(errno);
    return false;
  }
  // A full disk may surface only here, when delayed blocks are allocated.
  if (fsync(fd) != 0) {
    *error = "写入文件失败：" + SystemReason(errno);
    close(fd);
    unlink(temp_.c_str());
    return false;
  }
  close(fd);
  if (rename(temp_.c_str(), path_.c_str()) != 0) {
    *error = "无法写入文件：" + SystemReason(errno);
    unlink(temp_.c_str());
    return false;
  }
  committed_ = true;
  SyncDirectory(fs::path(path_).parent_path());
  return true;
}

bool WriteFileAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  AtomicFile file(path);
  return file.Write(bytes, error) && file.Commit(error);
}

void RemoveStaleTemporaries(const std::string& directory) {
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    size_t at = name.rfind(kMarker);
    if (name.empty() || name[0] != '.' || at == std::string::npos) continue;
    const std::string pid_text = name.substr(at + kMarker.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    long pid = std::strtol(pid_text.c_str(), nullptr, 10);
    // A running process (ours included) may still be writing it.
    if (pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
    std::error_code remove_ec;
    fs::remove(it->path(), remove_ec);
  }
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  if (stat(a.c_str(), &sa) != 0 || stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace gongkai
