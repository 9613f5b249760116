// The HTTP server (server.h): cpp-httplib's server with the API and portal routes, security
// headers on every answer, a JSON 500 instead of a dropped connection when a handler throws
// (a StoreError, a CatalogError), and a Stop that is safe to call before Run has started.
#include "server/server.h"

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "server/http_support.h"
#include "server/static_files.h"

namespace gongkai::server {

struct Server::Impl {
  Impl(const Engine& engine, Store& store, const ServerOptions& options)
      : context(engine, store, options) {}
  Context context;
  httplib::Server http;
  // The listening socket, as cpp-httplib's socket-options hook saw it (-1 before Bind).
  std::atomic<int> listening_socket{-1};
  std::atomic<bool> run_started{false}, run_finished{false}, stop_requested{false};
};

Server::Server(const Engine& engine, Store& store, ServerOptions options)
    : impl_(std::make_unique<Impl>(engine, store, options)) {
  httplib::Server& http = impl_->http;
  http.set_payload_max_length(options.max_body);
  http.set_read_timeout(std::chrono::seconds(30));
  // cpp-httplib writes an answer's headers and body separately; with Nagle's algorithm on, the
  // body waits for the client's delayed ACK (40 ms on Linux) on every kept-alive request
  // (bench/server_bench.sh: 37 requests/s on one connection, 43 ms each, instead of < 1 ms).
  http.set_tcp_nodelay(true);
  // Kept-alive connections hold a worker thread each (cpp-httplib serves a connection on one
  // thread until it closes): with fewer workers than connections, a connection waits for another
  // to end its 1,000 requests (200 reviewers on 64 workers: seconds, or wrk's timeouts). Hence
  // 256 workers (mostly asleep in poll; the work is bounded by the cores, not by them).
  http.set_keep_alive_max_count(1000);
  // Debian's cpp-httplib is a compiled library that listens with a backlog of 5. When 64
  // kept-alive clients reconnect at once (each after its 1,000 requests), the kernel drops the
  // SYNs beyond 5 and each waits the 1 s SYN retransmission: a p99 of 0.8–1.4 s even on a
  // static file (bench/server_bench.sh). Keep the listening socket here (the hook runs before
  // bind, with cpp-httplib's default options replaced, so set them too) and listen again with
  // the kernel's maximum once bound (Bind).
  http.set_socket_options([impl = impl_.get()](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof(yes));
    impl->listening_socket = sock;
  });
  http.new_task_queue = [] { return new httplib::ThreadPool(256); };
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"X-Frame-Options", "DENY"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Cache-Control", "no-store"},
                            // The portal's pages have no script and load nothing from elsewhere
                            // (the front end under /app/ has its own: static_files.h).
                            {"Content-Security-Policy",
                             "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                             "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"}});
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "内部错误";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what += std::string("：") + e.what();
        } catch (...) {
        }
        SendError(res, 500, what);
      });
  http.set_error_handler(
      [max_body = options.max_body](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;  // a handler already said why
        if (req.path.rfind("/api/", 0) == 0) {
          SendError(res, res.status,
                    res.status == 404   ? "没有这个接口"
                    : res.status == 413 ? "请求体超过 " + std::to_string(max_body >> 20) +
                                              " MB 的上限，未读取（可分批上传）"
                                        : "请求有误");
        } else if (res.status == 404) {
          res.set_content("<!DOCTYPE html><meta charset=\"utf-8\"><p>没有这个页面。</p>",
                          "text/html; charset=utf-8");
        }
      });
  // Every change that succeeded empties the portal's cache (public_cache.h) before its answer is
  // sent, so the next read after it sees it. Sign-ins change nothing the portal shows.
  http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD" || res.status >= 400) return;
    if (req.path == "/api/login" || req.path == "/api/logout") return;
    impl_->context.public_answers.Invalidate();
    impl_->context.published.Invalidate();
  });
  RegisterApi(http, impl_->context);
  RegisterPortal(http, impl_->context);
  RegisterStaticFiles(http, options.web_dir);
}

Server::~Server() { Stop(); }

int Server::Bind(std::string* error) {
  const auto& o = impl_->context.options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
  } else if (!impl_->http.bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port < 0) {
    *error = "无法在 " + o.host + ":" + std::to_string(o.port) + " 上监听";
    return port;
  }
  // Listening again on a listening socket only changes its backlog (Linux, POSIX allows it);
  // SOMAXCONN is capped by net.core.somaxconn.
  if (impl_->listening_socket >= 0) ::listen(impl_->listening_socket, SOMAXCONN);
  return port;
}

bool Server::Run() {
  impl_->run_started = true;
  bool ok = impl_->stop_requested || impl_->http.listen_after_bind();
  impl_->run_finished = true;
  return ok;
}

void Server::Stop() {
  impl_->stop_requested = true;
  // cpp-httplib's stop() does nothing until the listening loop runs: wait for it (briefly).
  for (int i = 0;
       i < 500 && impl_->run_started && !impl_->run_finished && !impl_->http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  impl_->http.stop();
}

}  // namespace gongkai::server
