// What the public portal answers, remembered: the portal is read far more than it changes (a
// region publishes a few hundred documents a year and the public reads them all year), and every
// portal answer otherwise waits for the store's one connection and rebuilds the same page.
//
// An entry is used until the first of:
//   - any change through this server (every non-GET request that reached a handler calls
//     Invalidate: a publication, a renamed department, a new user — simpler and safer than
//     knowing which changes touch which page);
//   - `ttl` after it was made, for changes made by another server process sharing the same
//     PostgreSQL database: such a change appears on this server's portal within `ttl` (and the
//     time one reader takes to remake the entry, while the others still answer with it).
// Entries are whole answers (status, type, body) or a published submission; the cache holds at
// most `capacity` of each and is emptied when full (the portal's keys are few: the index, its
// searches, a year's list and overview, the published documents).
#ifndef GONGKAI_SERVER_PUBLIC_CACHE_H_
#define GONGKAI_SERVER_PUBLIC_CACHE_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace gongkai::server {

// A portal answer as it is sent.
struct CachedAnswer {
  int status = 200;
  std::string content_type;
  std::string body;
};

// Values of type V by string key, each valid for `ttl` or until Invalidate.
template <typename V>
class TimedCache {
 public:
  using Clock = std::chrono::steady_clock;
  explicit TimedCache(Clock::duration ttl, size_t capacity) : ttl_(ttl), capacity_(capacity) {}

  // The value remembered for `key`, or make()'s (remembered unless it is nullptr). make runs
  // without the lock held: two first readers of a key may both make it, and that is harmless.
  // An entry only older than `ttl` (not invalidated) is remade by one reader while the others
  // keep answering with it: at 45,000 requests/s, every reader that found the index expired
  // rebuilt it at once, once a second, and those requests were the p99 (60–80 ms against 10 ms
  // with no expiry; bench/server_bench.sh).
  std::shared_ptr<const V> Get(const std::string& key,
                               const std::function<std::shared_ptr<const V>()>& make) {
    uint64_t generation;
    std::shared_ptr<std::atomic<bool>> remaking;
    {
      // Readers share the lock: on two cores with 64 worker threads, one reader preempted while
      // holding an exclusive lock would stall every other reader (seen as p99 latency).
      std::shared_lock lock(mutex_);
      auto it = entries_.find(key);
      if (it != entries_.end() && it->second.generation == generation_) {
        const Entry& entry = it->second;
        if (Clock::now() - entry.made < ttl_) return entry.value;
        // Expired: the first reader to see it remakes it, the others answer with it meanwhile.
        if (entry.remaking->exchange(true)) return entry.value;
        remaking = entry.remaking;
      }
      generation = generation_;
    }
    // Whatever becomes of the remaking (nothing made, a change meanwhile, an exception), the
    // next reader of an entry still expired tries again.
    struct Done {
      std::shared_ptr<std::atomic<bool>> flag;
      ~Done() {
        if (flag) *flag = false;
      }
    } done{remaking};
    const Clock::time_point made = Clock::now();
    std::shared_ptr<const V> value = make();
    if (!value) return value;
    std::unique_lock lock(mutex_);
    // A change while it was made: the value may predate it, so it is not remembered.
    if (generation != generation_) return value;
    if (entries_.size() >= capacity_ && !entries_.count(key)) entries_.clear();
    entries_[key] = Entry{value, made, generation, std::make_shared<std::atomic<bool>>(false)};
    return value;
  }

  // Forgets every entry (entries being made now are not remembered either).
  void Invalidate() {
    std::unique_lock lock(mutex_);
    ++generation_;
    entries_.clear();
  }

 private:
  struct Entry {
    std::shared_ptr<const V> value;
    Clock::time_point made;
    uint64_t generation;
    // Set by the reader that remakes it once expired (shared: an Entry is copied into the map).
    std::shared_ptr<std::atomic<bool>> remaking;
  };
  const Clock::duration ttl_;
  const size_t capacity_;
  std::shared_mutex mutex_;
  uint64_t generation_ = 0;
  std::map<std::string, Entry> entries_;
};

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_PUBLIC_CACHE_H_
