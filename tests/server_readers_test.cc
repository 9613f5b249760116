// The store's pool of read connections (src/server/sql_readers.h), on SQLite and PostgreSQL: a
// read answers while a write waits for a lock (and, with no readers, waits behind it), and
// threads that write and then read at once each see their own write.
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <pqxx/pqxx>
#include <thread>

#include "server/sql_readers.h"
#include "server_test_support.h"

namespace gongkai::server::testing {

namespace {

using namespace std::chrono_literals;

// Another client of the same database holding the lock the store's next comment needs: SQLite's
// write lock (BEGIN IMMEDIATE), or PostgreSQL's EXCLUSIVE lock on the comments table, which
// blocks inserts and leaves plain reads alone.
class LockHolder {
 public:
  LockHolder(const std::string& kind, const std::string& uri) {
    if (kind == "sqlite") {
      EXPECT_EQ(sqlite3_open(uri.c_str(), &sqlite_), SQLITE_OK);
      EXPECT_EQ(sqlite3_exec(sqlite_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    } else {
      pg_ = std::make_unique<pqxx::connection>(uri);
      work_ = std::make_unique<pqxx::work>(*pg_);
      work_->exec("LOCK TABLE comments IN EXCLUSIVE MODE");
    }
  }
  ~LockHolder() { Release(); }
  void Release() {
    if (sqlite_) {
      sqlite3_exec(sqlite_, "COMMIT", nullptr, nullptr, nullptr);
      sqlite3_close(sqlite_);
      sqlite_ = nullptr;
    }
    if (work_) {
      work_->commit();
      work_.reset();
      pg_.reset();
    }
  }

 private:
  sqlite3* sqlite_ = nullptr;
  std::unique_ptr<pqxx::connection> pg_;
  std::unique_ptr<pqxx::work> work_;
};

class StoreReadersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    database_ = std::make_unique<TestDatabase>(GetParam(), "readers_" + std::string(info->name()));
    if (database_->skipped()) GTEST_SKIP() << database_->skip_reason();
    ASSERT_TRUE(database_->error().empty()) << database_->error();
  }

  // With `readers`, a comment is written while another client holds the lock it needs; whether
  // a read of the comments answered within two seconds, the write still waiting. Afterwards the
  // write has gone through and the next read sees it.
  bool ReadAnswersDuringAWrite(int readers) {
    auto store = database_->Open(readers);
    const int64_t id = store->AddSubmission(SampleSubmission());
    auto holder = std::make_unique<LockHolder>(GetParam(), database_->uri());
    std::atomic<bool> written = false;
    std::string write_error;
    std::thread writer([&] {
      try {
        store->AddComment({0, id, 1, "zhuguan", "", "请补充"});
        written = true;
      } catch (const StoreError& e) {
        write_error = e.what();
      }
    });
    std::this_thread::sleep_for(300ms);  // the writer is waiting for the lock, holding the store's
    auto read = std::async(std::launch::async, [&] { return store->Comments(id).size(); });
    const bool answered = read.wait_for(2s) == std::future_status::ready;
    EXPECT_FALSE(written) << "the write should still wait for the other client's lock";
    holder->Release();
    writer.join();
    EXPECT_TRUE(write_error.empty()) << write_error;
    // A read that answered began before the comment was committed; one that waited, after.
    EXPECT_EQ(read.get(), answered ? 0u : 1u);
    EXPECT_EQ(store->Comments(id).size(), 1u);  // and once it is, every read sees it
    return answered;
  }

  std::unique_ptr<TestDatabase> database_;
};

TEST_P(StoreReadersTest, AReadDoesNotWaitForAWrite) {
  EXPECT_TRUE(ReadAnswersDuringAWrite(2)) << "the read waited for the write";
}

// The same store without readers: its one connection is the writer's, so the read waits (what
// the pool is for, and what shows the test above can fail).
TEST_P(StoreReadersTest, WithoutReadersAReadWaitsForTheWrite) {
  EXPECT_FALSE(ReadAnswersDuringAWrite(0));
}

// Eight threads on two readers, each writing comments and at once reading them back: every
// read sees its own thread's write (and all those committed before), none is lost.
TEST_P(StoreReadersTest, EachThreadReadsItsOwnWritesBack) {
  auto store = database_->Open(2);
  const int64_t id = store->AddSubmission(SampleSubmission());
  constexpr int kThreads = 8, kEach = 15;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string who = "reviewer" + std::to_string(t);
      for (int i = 0; i < kEach; ++i) {
        const int64_t mine =
            store->AddComment({0, id, i, who, "", "第" + std::to_string(i) + "条"});
        const auto comments = store->Comments(id);
        const int own = static_cast<int>(std::count_if(
            comments.begin(), comments.end(), [&](const Comment& c) { return c.who == who; }));
        const bool seen = std::any_of(comments.begin(), comments.end(),
                                      [&](const Comment& c) { return c.id == mine; });
        if (!seen || own != i + 1) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(store->Comments(id).size(), static_cast<size_t>(kThreads * kEach));
}

// A connection that answers every query with no rows, or throws when told to.
class FakeConnection final : public SqlConnection {
 public:
  explicit FakeConnection(int* open) : open_(open) { ++*open_; }
  ~FakeConnection() override { --*open_; }
  std::vector<SqlRow> Query(std::string_view sql, const std::vector<SqlValue>&) override {
    if (sql == "fail") throw StoreError("connection lost");
    return {};
  }
  void Script(std::string_view) override {}
  void Begin() override {}
  void Commit() override {}
  void Rollback() noexcept override {}
  void LockSchema() override {}
  const std::vector<std::string_view>& Migrations() const override {
    static const std::vector<std::string_view> none;
    return none;
  }
  std::string Contains(const std::string&) const override { return ""; }

 private:
  int* open_;
};

// Opened as needed up to the size, reused, and a connection whose call threw is closed: the
// next read opens a fresh one.
TEST(StoreReaders, PoolOpensAsNeededAndClosesAFailedConnection) {
  int open = 0, opened = 0;
  SqlReaders pool(
      [&] {
        ++opened;
        return std::make_unique<FakeConnection>(&open);
      },
      2);
  {
    auto a = pool.Acquire();
    EXPECT_EQ(open, 1);
  }
  {
    auto a = pool.Acquire();  // the idle one again
    auto b = pool.Acquire();  // a second
    EXPECT_EQ(opened, 2);
    // A third waits until one of the two is returned.
    auto c = std::async(std::launch::async, [&] {
      auto lease = pool.Acquire();
      return lease->Query("ok", {}).size();
    });
    EXPECT_EQ(c.wait_for(200ms), std::future_status::timeout);
    { auto released = std::move(b); }
    EXPECT_EQ(c.get(), 0u);
    EXPECT_EQ(opened, 2);
  }
  EXPECT_EQ(open, 2);
  EXPECT_THROW(
      {
        auto lease = pool.Acquire();
        lease->Query("fail", {});
      },
      StoreError);
  EXPECT_EQ(open, 1);  // the failed one closed, the other kept
  auto a = pool.Acquire();
  auto b = pool.Acquire();
  EXPECT_EQ(opened, 3);
  EXPECT_EQ(open, 2);
}

// Reads that find every connection busy are served in the order they came, and a read that comes
// while others wait queues behind them even when a connection has just been returned.
TEST(StoreReaders, WaitingReadsAreServedInTheOrderTheyCame) {
  int open = 0;
  SqlReaders pool([&] { return std::make_unique<FakeConnection>(&open); }, 1);
  std::mutex mutex;
  std::vector<int> served;
  std::vector<std::future<void>> readers;
  {
    auto held = pool.Acquire();
    for (int i = 0; i < 8; ++i) {
      readers.push_back(std::async(std::launch::async, [&, i] {
        auto lease = pool.Acquire();
        std::lock_guard lock(mutex);
        served.push_back(i);
      }));
      // The next one starts only when this one waits.
      for (int tries = 0; pool.waiting() < i + 1 && tries < 2000; ++tries) {
        std::this_thread::sleep_for(1ms);
      }
      ASSERT_EQ(pool.waiting(), i + 1);
    }
  }
  for (auto& r : readers) r.get();
  EXPECT_EQ(served, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(pool.waiting(), 0);
  EXPECT_EQ(open, 1);
}

// A read asks only for the long texts it needs; the rest of the submission is the same.
TEST_P(StoreReadersTest, ASubmissionIsReadWithTheTextsAskedFor) {
  auto store = database_->Open(1);
  const int64_t id = store->AddSubmission(SampleSubmission());
  auto all = store->GetSubmission(id);
  auto findings = store->GetSubmission(id, SubmissionTexts::kFindings);
  auto none = store->GetSubmission(id, SubmissionTexts::kNone);
  ASSERT_TRUE(all && findings && none);
  EXPECT_EQ(all->source, "x: 1\n");
  EXPECT_EQ(all->findings_json, "[]");
  EXPECT_EQ(findings->source, "");
  EXPECT_EQ(findings->findings_json, "[]");
  EXPECT_EQ(none->source, "");
  EXPECT_EQ(none->findings_json, "");
  EXPECT_EQ(none->department_name, all->department_name);
  EXPECT_EQ(none->state, all->state);
  EXPECT_EQ(none->counts.errors, all->counts.errors);
}

TEST(StoreReaders, AnInMemoryStoreReadsThroughItsWriter) {
  auto store = OpenSqliteStore(":memory:", 4);  // no second connection could see its tables
  const int64_t id = store->AddSubmission(SampleSubmission());
  EXPECT_EQ(store->GetSubmission(id)->source, "x: 1\n");
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreReadersTest, ::testing::ValuesIn(StoreKinds()),
                         StoreKindName);

}  // namespace

}  // namespace gongkai::server::testing
