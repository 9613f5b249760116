// The portal's cache (src/server/public_cache.h): an entry is used until Invalidate or its ttl;
// an expired one is remade by one reader while the others answer with it.
#include "server/public_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <thread>

namespace gongkai::server {
namespace {

using namespace std::chrono_literals;

std::shared_ptr<const int> Value(int v) { return std::make_shared<const int>(v); }

TEST(TimedCache, RemembersUntilInvalidated) {
  TimedCache<int> cache(1h, 8);
  int made = 0;
  auto make = [&] { return Value(++made); };
  EXPECT_EQ(*cache.Get("a", make), 1);
  EXPECT_EQ(*cache.Get("a", make), 1);
  cache.Invalidate();
  EXPECT_EQ(*cache.Get("a", make), 2);
  EXPECT_EQ(made, 2);
}

TEST(TimedCache, AnExpiredEntryIsRemadeByOneReaderWhileOthersAnswerWithIt) {
  // Long enough that the remade entry is still fresh when read at the end on a busy machine
  // (with 1 ms it had expired again there, and was remade once more: a flaky test).
  TimedCache<int> cache(500ms, 8);
  ASSERT_EQ(*cache.Get("a", [] { return Value(1); }), 1);
  std::this_thread::sleep_for(550ms);
  std::latch remaking(1), release(1);
  auto slow = std::async(std::launch::async, [&] {
    return *cache.Get("a", [&] {
      remaking.count_down();
      release.wait();
      return Value(2);
    });
  });
  remaking.wait();
  // Meanwhile: the old value, and make is not called again.
  std::atomic<int> also_made = 0;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(*cache.Get("a", [&] { return ++also_made, Value(3); }), 1);
  }
  EXPECT_EQ(also_made, 0);
  release.count_down();
  EXPECT_EQ(slow.get(), 2);
  EXPECT_EQ(*cache.Get("a", [] { return Value(4); }), 2);
}

TEST(TimedCache, ARemakingThatMakesNothingLetsTheNextReaderTry) {
  TimedCache<int> cache(1ms, 8);
  ASSERT_EQ(*cache.Get("a", [] { return Value(1); }), 1);
  std::this_thread::sleep_for(5ms);
  EXPECT_EQ(cache.Get("a", [] { return std::shared_ptr<const int>(); }), nullptr);
  EXPECT_EQ(*cache.Get("a", [] { return Value(2); }), 2);
}

}  // namespace
}  // namespace gongkai::server
