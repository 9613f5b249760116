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
  if (waiters_.empty()) {  // else wait behind those who came first
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }
    if (open_count_ < size_) {
      ++open_count_;
      return Open(lock);
    }
  }
  Waiter me;
  waiters_.push_back(&me);
  me.woken.wait(lock, [&] { return me.handed || me.may_open; });  // ServeWaiters dequeued me
  if (me.handed) return Lease(this, std::move(me.handed));
  return Open(lock);
}

SqlReaders::Lease SqlReaders::Open(std::unique_lock<std::mutex>& lock) {
  lock.unlock();  // opening a PostgreSQL connection takes a round trip: not under the lock
  try {
    return Lease(this, open_());
  } catch (...) {
    lock.lock();
    --open_count_;
    ServeWaiters();
    throw;
  }
}

int SqlReaders::waiting() {
  std::lock_guard lock(mutex_);
  return static_cast<int>(waiters_.size());
}

void SqlReaders::ServeWaiters() {
  while (!waiters_.empty()) {
    Waiter* next = waiters_.front();
    if (!idle_.empty()) {
      next->handed = std::move(idle_.back());
      idle_.pop_back();
    } else if (open_count_ < size_) {
      ++open_count_;
      next->may_open = true;
    } else {
      return;
    }
    waiters_.pop_front();
    // Under the lock: the waiter cannot leave (and destroy its Waiter) before we release it.
    next->woken.notify_one();
  }
}

void SqlReaders::Return(std::unique_ptr<SqlConnection> connection, bool failed) {
  std::lock_guard lock(mutex_);
  if (failed) {
    // Closed when the parameter `connection` is destroyed, after the lock_guard (a local) has
    // released the lock: closing may wait on the network.
    --open_count_;
  } else {
    idle_.push_back(std::move(connection));
  }
  ServeWaiters();
}

}  // namespace gongkai::server
