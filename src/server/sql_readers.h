// The store's read-only connections (sql.h), beside its one writer: in WAL mode SQLite lets any
// number of readers run while one writer holds its transaction, each reader seeing the database
// as last committed when its statement began; PostgreSQL's MVCC does the same. So the store's
// reads (every GET: lists, documents, findings, the portal, the session of each request) take a
// connection of their own from this pool and no longer queue behind a write on the writer's
// mutex. A client that writes and then reads sees its write: the writer commits before the
// store's call returns, and a reader's next statement starts from the latest commit.
//
// Connections are opened when first needed, up to `size` (`gongkai serve --db-readers`), so a
// store read one at a time holds one; a read that finds all of them busy waits for one, and the
// waiting reads are served in the order they came: a returned connection is handed to the
// longest waiting one. (A condition variable shared by all wakes an arbitrary waiter; with 200
// reviewers' requests on 2 cores some waited a dozen turns, and the p99 was three times the
// mean: bench/server_bench.sh.) A
// connection whose call threw is closed rather than handed out again (a PostgreSQL connection
// that broke would fail every later read); the next read opens a fresh one. Internal to the
// server layer.
#ifndef GONGKAI_SERVER_SQL_READERS_H_
#define GONGKAI_SERVER_SQL_READERS_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "server/sql.h"

namespace gongkai::server {

class SqlReaders {
 public:
  using Opener = std::function<std::unique_ptr<SqlConnection>()>;
  // `open` makes one read-only connection (throws StoreError); `size` ≥ 1.
  SqlReaders(Opener open, int size);
  SqlReaders(const SqlReaders&) = delete;
  SqlReaders& operator=(const SqlReaders&) = delete;

  // One connection, the caller's until the lease ends.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    SqlConnection& operator*() const { return *connection_; }
    SqlConnection* operator->() const { return connection_.get(); }

   private:
    friend class SqlReaders;
    Lease(SqlReaders* pool, std::unique_ptr<SqlConnection> connection);
    SqlReaders* pool_;
    std::unique_ptr<SqlConnection> connection_;
    int exceptions_;  // std::uncaught_exceptions() when leased: more at its end, it failed
  };

  // An idle connection, a new one while fewer than `size` are open, or the next one returned.
  // Throws StoreError when a new one cannot be opened.
  Lease Acquire();

  int size() const { return size_; }
  // Reads waiting for a connection now (for tests).
  int waiting();

 private:
  // A read waiting its turn, on its own stack: the one that returns a connection hands it over
  // (or, when that connection failed, leave to open a new one) and wakes this one only.
  struct Waiter {
    std::condition_variable woken;
    std::unique_ptr<SqlConnection> handed;
    bool may_open = false;  // open_count_ already counts the connection it opens
  };

  void Return(std::unique_ptr<SqlConnection> connection, bool failed);
  // Hands idle connections, then leave to open new ones, to the waiters in order. Under mutex_.
  void ServeWaiters();
  Lease Open(std::unique_lock<std::mutex>& lock);  // open_count_ already counts it

  const Opener open_;
  const int size_;
  std::mutex mutex_;
  std::deque<Waiter*> waiters_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
  int open_count_ = 0;  // idle, leased and being opened
};

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_SQL_READERS_H_
