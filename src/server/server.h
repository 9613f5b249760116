// gongkai serve: the bureau's shared workspace (a JSON API under /api/, signed in) and the
// region's public portal (/ and /portal/, no sign-in) over HTTP, on loopback by default, and
// the web front end that uses both (/app/, static_files.h).
// Everything a request does to a document goes through the Engine; everything kept goes
// through the Store. The routes are listed in api.cc and portal.cc, and in the README.
#ifndef GONGKAI_SERVER_SERVER_H_
#define GONGKAI_SERVER_SERVER_H_

#include <memory>
#include <string>

#include "engine/engine.h"
#include "server/store.h"

namespace gongkai::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;              // 0: any free port (Bind says which)
  size_t max_body = 16 << 20;   // bytes of a request body (a batch of audit uploads: all files)
  size_t max_audit_files = 50;  // files in one audit upload
  // Audits running at once (each 10–350 ms of one core); 0: as many as the machine has cores.
  // The others wait for a slot in their worker thread while the rest of the server answers.
  int audit_jobs = 0;
  int failed_logins = 5;  // per user and per address in 15 minutes
  int64_t session_seconds = 8 * 3600;
  // The built web front end served at /app/ (static_files.h); empty: none built.
  std::string web_dir;
};

class Server {
 public:
  // `engine` and `store` must outlive the server.
  Server(const Engine& engine, Store& store, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket: the port, or -1 with *error.
  int Bind(std::string* error);
  // Serves (blocking) until Stop; false when it could not.
  bool Run();
  // From any thread: Run returns once the requests in flight are answered.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai::server

#endif  // GONGKAI_SERVER_SERVER_H_
