// gongkai-serve — `gongkai serve`: the workspace's HTTP API and the public portal.
//
//   gongkai serve [--port 8080] [--host 127.0.0.1] [--database FILE|postgresql://…] [--demo]
//                 [--web DIR] [--max-upload-mb 16] [--max-audit-files 50] [--audit-jobs N]
//                 [--db-readers N]
//
// A program of its own, which `gongkai serve` runs in its place (main.cc, with --data and
// --catalog passed on): the server's libraries (cpp-httplib and OpenSSL's TLS, SQLite, libpqxx
// with libpq's Kerberos and LDAP, argon2) are about twenty-five shared objects that every other
// command would otherwise load and relocate at start-up, about 18 M instructions — more than a
// whole `pdftotext` of a small PDF (bench/audit_instructions.sh).
//
// Exit codes as gongkai's: 0 stopped, 2 the database or the port could not be opened, 3 the
// command line is wrong.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <thread>

#include "draw/drawing.h"
#include "engine/engine.h"
#include "engine_options.h"
#include "server/demo.h"
#include "server/server.h"
#include "server/static_files.h"

using namespace gongkai;
using namespace gongkai::cli;

namespace {

// The workspace and the portal until SIGINT or SIGTERM. With --demo: demo users (printed
// with their passwords) and the bundled examples published.
int Serve(const Engine& engine, gongkai::server::ServerOptions options, const std::string& database,
          int db_readers, bool demo) {
  namespace srv = gongkai::server;
  std::unique_ptr<srv::Store> store;
  try {
    store = srv::OpenStore(database, db_readers);
  } catch (const srv::StoreError& e) {
    std::cerr << e.what() << "\n";
    return kExitUnreadable;
  }
  if (demo) {
    srv::DemoSeed seed = srv::SeedDemo(engine, *store, srv::BundledExamplesDir());
    std::cout << "演示用户（密码每次启动重新生成）：\n";
    for (const auto& u : seed.users) {
      std::cout << fmt::format("  {:<8} {}  密码 {}{}\n", u.name, u.role, u.password,
                               u.department.empty() ? "" : "  所属部门 " + u.department);
    }
    for (const auto& p : seed.published) std::cout << "已发布示例 " << p << "\n";
    for (const auto& s : seed.skipped) std::cout << "未发布（无法读取）" << s << "\n";
  }
  // Signals are taken by this thread with sigwait; the server runs on another.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  srv::Server server(engine, *store, options);
  std::string error;
  int bound = server.Bind(&error);
  if (bound < 0) {
    std::cerr << error << "\n";
    return kExitUnreadable;
  }
  // A PostgreSQL URI may carry a password (user:secret@host): not printed.
  std::string shown = database;
  if (size_t at = shown.find('@'), colon = shown.find(':', shown.find("://") + 3);
      shown.find("://") != std::string::npos && at != std::string::npos && colon < at) {
    shown.replace(colon, at - colon, ":***");
  }
  std::cout << fmt::format("公开门户：http://{}:{}/  （数据库 {}，Ctrl-C 停止）", options.host,
                           bound, shown)
            << std::endl;
  if (srv::IsWebBuild(options.web_dir)) {
    std::cout << fmt::format("工作台：http://{}:{}/app/", options.host, bound) << std::endl;
  } else {
    std::cout << fmt::format("工作台未构建（{} 中没有 index.html）：运行 make web", options.web_dir)
              << std::endl;
  }
  std::thread serving([&] { server.Run(); });
  int received = 0;
  sigwait(&signals, &received);
  server.Stop();
  serving.join();
  std::cout << "已停止\n";
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"启动工作台与公开门户（HTTP）：提交、审核、发布部门预算与决算，公众按年度和部门查阅",
               "gongkai serve"};
  EngineOptions common;
  cli::AddEngineOptions(app, &common);
  common.drawing = &CairoDrawing();  // the portal's PDFs
  std::string serve_host = "127.0.0.1", database = "gongkai.db";
  std::string web_dir = gongkai::server::BundledWebDir();
  int serve_port = 8080;
  bool serve_demo = false;
  CLI::App* serve = &app;
  serve->add_option("--port", serve_port, "端口（默认 8080；0 为任一空闲端口）")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--host", serve_host, "监听地址（默认 127.0.0.1，只供本机访问）");
  serve->add_option("--database", database,
                    "SQLite 数据库文件（默认 gongkai.db，不存在时创建），或 PostgreSQL 数据库 "
                    "postgresql://用户@主机/库名");
  serve->add_option("--web", web_dir,
                    "网页前端的构建目录（默认为内置的 web/dist，用 make web 构建）");
  serve->add_flag("--demo", serve_demo, "演示：创建各角色的用户并打印其密码，发布内置示例");
  gongkai::server::ServerOptions serve_options;
  size_t max_upload_mb = serve_options.max_body >> 20;
  serve->add_option("--max-upload-mb", max_upload_mb, "一次上传的上限（MB，默认 16）")
      ->check(CLI::Range(1, 1024));
  serve
      ->add_option("--max-audit-files", serve_options.max_audit_files,
                   "一次审核上传的文件数上限（默认 50）")
      ->check(CLI::Range(1, 10000));
  serve
      ->add_option("--audit-jobs", serve_options.audit_jobs,
                   "同时审核的公开文件数（默认 0：与 CPU 核数相同）")
      ->check(CLI::Range(0, 256));
  int db_readers = gongkai::server::DefaultStoreReaders();
  serve
      ->add_option("--db-readers", db_readers,
                   fmt::format("数据库的只读连接数：读取不等待写入，也不互相等待（默认为 CPU "
                               "线程数减一、至少 1，本机 {}；0 为读写共用一个连接）",
                               db_readers))
      ->check(CLI::Range(0, 256));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;  // --help is not an error
  }
  try {
    Engine engine(common);
    serve_options.host = serve_host;
    serve_options.port = serve_port;
    serve_options.web_dir = web_dir;
    serve_options.max_body = max_upload_mb << 20;
    return Serve(engine, serve_options, database, db_readers, serve_demo);
  } catch (const std::exception& e) {
    std::cerr << "gongkai serve: " << e.what() << "\n";
    return kExitUnreadable;
  }
}
