// What the API and the portal share: the context a handler works in (engine, store, renderer,
// login limiter, clock, options), and small HTTP helpers (JSON answers, cookies, HTML escapes,
// the client's address). Internal to the server layer.
#ifndef GONGKAI_SERVER_HTTP_SUPPORT_H_
#define GONGKAI_SERVER_HTTP_SUPPORT_H_

#include <httplib.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <semaphore>
#include <string>
#include <string_view>
#include <thread>

#include "engine/engine.h"
#include "render/html_renderer.h"
#include "server/auth.h"
#include "server/documents.h"
#include "server/overview.h"
#include "server/public_cache.h"
#include "server/server.h"
#include "server/store.h"

namespace gongkai::server {

struct Context {
  Context(const Engine& e, Store& s, const ServerOptions& o)
      : engine(e),
        store(s),
        options(o),
        renderer(e),
        limiter(o.failed_logins),
        audit_slots(std::clamp(
            o.audit_jobs > 0 ? o.audit_jobs : static_cast<int>(std::thread::hardware_concurrency()),
            1, 1024)) {}
  const Engine& engine;
  Store& store;
  ServerOptions options;
  Renderer renderer;
  LoginLimiter limiter;
  FiguresCache figures;  // of published budgets, for the public overview
  // The portal's answers and published submissions (public_cache.h); emptied by every change.
  TimedCache<CachedAnswer> public_answers{std::chrono::seconds(1), 256};
  TimedCache<Submission> published{std::chrono::seconds(1), 256};
  // A submission's findings with their keys (finding_keys.h) as JSON text, by submission id. A
  // submission never changes once stored, so neither do they: never invalidated (the day only
  // bounds how long an entry is kept). Reviewers open the findings of the same few submissions
  // again and again; parsing and keying them was most of such a request.
  TimedCache<std::string> keyed_findings{std::chrono::hours(24), 64};
  // Audit uploads take a slot each while the engine reads and checks a document (audits_api.cc).
  std::counting_semaphore<1024> audit_slots;
  int64_t Now() const { return static_cast<int64_t>(std::time(nullptr)); }
};

void RegisterApi(httplib::Server& http, Context& context);     // api.cc
void RegisterPortal(httplib::Server& http, Context& context);  // portal.cc

void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
// {"error": message} with `status`.
void SendError(httplib::Response& res, int status, const std::string& message);
// The value of cookie `name` in the request's Cookie header, or "".
std::string CookieValue(const httplib::Request& req, std::string_view name);

// "127.0.0.1:53412": where a request came from, for the audit log.
std::string ClientAddress(const httplib::Request& req);

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_HTTP_SUPPORT_H_
