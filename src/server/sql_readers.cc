// The pool of read-only connections (sql_readers.h).
#include "server/sql_readers.h"

#include <exception>

namespace gongkai::server {

SqlReaders::SqlReaders(Opener open, int size)
    : open_(std::move(open)), size_(size < 1 ? 1 : size) {}

SqlReaders::Lease::Lease(SqlReaders* pool, std::unique_ptr<SqlConnection> connection)
    : pool_(pool), connection_(std::move(connection)), exceptions_(std::uncaught_exceptions()) {}

SqlReaders::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_),
      connection_(std::move(other.connection_)),
      exceptions_(other.exceptions_) {}

SqlReaders::Lease::~Lease() {
  if (connection_) pool_->Return(std::move(connection_), std::uncaught_exceptions() > exceptions_);
}

SqlReaders::Lease SqlReaders::Acquire() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty() || open_count_ < size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
  }
  ++open_count_;
  lock.unlock();  // opening a PostgreSQL connection takes a round trip: not under the lock
  try {
    return Lease(this, open_());
  } catch (...) {
    lock.lock();
    --open_count_;
    returned_.notify_one();
    throw;
  }
}

void SqlReaders::Return(std::unique_ptr<SqlConnection> connection, bool failed) {
  {
    std::lock_guard lock(mutex_);
    if (failed) {
      --open_count_;
    } else {
      idle_.push_back(std::move(connection));
    }
  }
  returned_.notify_one();
  // A failed connection is closed here, after the lock: closing may wait on the network.
}

}  // namespace gongkai::server
