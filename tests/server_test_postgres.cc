// The PostgreSQL side of the server tests: a throwaway server started once per test process
// from Debian's postgresql package (initdb in a fresh directory under /tmp, pg_ctl listening
// only on a unix socket in that directory, fsync off, trust authentication for the one user
// `gongkai`), stopped and removed at exit. PostgreSQL refuses to run as root, so as root it is
// run as the `postgres` user (runuser). Each test gets a database of its own. Where the server
// binaries are not installed the PostgreSQL tests are skipped, saying so.
#include <pwd.h>
#include <unistd.h>

#include <glob.h>
#include <cstdlib>
#include <pqxx/pqxx>

#include "server/migrations.h"
#include "server_test_support.h"

namespace gongkai::server::testing {

namespace {

class PostgresServer {
 public:
  static PostgresServer& Get() {
    static PostgresServer server;
    return server;
  }
  const std::string& skip() const { return skip_; }
  const std::string& error() const { return error_; }

  // A fresh, empty database named after `name`: its URI, or "" with *error.
  std::string CreateDatabase(const std::string& name, std::string* error) {
    std::string db = "t_" + name.substr(0, 50);
    for (char& ch : db) ch = static_cast<char>(tolower(static_cast<unsigned char>(ch)));
    try {
      pqxx::connection admin(Uri("postgres"));
      pqxx::nontransaction t(admin);
      t.exec("DROP DATABASE IF EXISTS " + db);
      t.exec("CREATE DATABASE " + db);
    } catch (const std::exception& e) {
      *error = e.what();
      return "";
    }
    return Uri(db);
  }

 private:
  PostgresServer() {
    const std::string bin = BinDir();
    if (bin.empty()) {
      skip_ =
          "PostgreSQL tests skipped: no PostgreSQL server binaries (initdb, pg_ctl) under "
          "/usr/lib/postgresql/*/bin — apt-get install postgresql (scripts/bootstrap.sh)";
      return;
    }
    char dir_template[] = "/tmp/gongkai-pg-XXXXXX";
    if (!mkdtemp(dir_template)) {
      error_ = "mkdtemp failed";
      return;
    }
    dir_ = dir_template;
    if (geteuid() == 0) {  // as root: run the server as postgres
      const passwd* pw = getpwnam("postgres");
      if (!pw || chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
        error_ = "running as root and cannot hand " + dir_ + " to the user postgres";
        return;
      }
      as_ = "runuser -u postgres -- ";
    }
    ctl_ = as_ + bin + "/pg_ctl -D " + dir_ + "/data";
    const std::string init = as_ + bin + "/initdb -D " + dir_ +
                             "/data -A trust -U gongkai -E UTF8 --locale=C >" + dir_ +
                             "/initdb.log 2>&1";
    const std::string start = ctl_ + " -l " + dir_ + "/server.log -w -o \"-k " + dir_ +
                              " -c listen_addresses='' -F\" start >/dev/null 2>&1";
    if (std::system(init.c_str()) != 0) {
      error_ = "initdb failed, see " + dir_ + "/initdb.log";
      return;
    }
    if (std::system(start.c_str()) != 0) {
      error_ = "pg_ctl start failed, see " + dir_ + "/server.log";
      return;
    }
    started_ = true;
  }
  ~PostgresServer() { Stop(); }  // at exit, as the function's static

  void Stop() {
    if (!started_) return;
    started_ = false;
    std::system((ctl_ + " -m immediate stop >/dev/null 2>&1").c_str());
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string Uri(const std::string& db) const {
    return "postgresql:///" + db + "?host=" + dir_ + "&user=gongkai";
  }

  // The newest /usr/lib/postgresql/<version>/bin with initdb, or $GONGKAI_PG_BIN.
  static std::string BinDir() {
    if (const char* env = std::getenv("GONGKAI_PG_BIN")) return env;
    glob_t g{};
    std::string found;
    if (glob("/usr/lib/postgresql/*/bin/initdb", 0, nullptr, &g) == 0 && g.gl_pathc > 0) {
      found = fs::path(g.gl_pathv[g.gl_pathc - 1]).parent_path().string();
    }
    globfree(&g);
    return found;
  }

  std::string dir_, as_, ctl_, skip_, error_;
  bool started_ = false;
};

}  // namespace

std::string PostgresTestDatabase(const std::string& name, std::string* skip, std::string* error) {
  PostgresServer& server = PostgresServer::Get();
  if (!server.skip().empty()) {
    *skip = server.skip();
    return "";
  }
  if (!server.error().empty()) {
    *error = server.error();
    return "";
  }
  return server.CreateDatabase(name, error);
}

namespace {

// What the SQLite triggers refuse, PostgreSQL's refuse too; a second open migrates nothing.
TEST(ServerStorePostgres, ImmutableAndAppendOnlyTablesRefuseChanges) {
  std::string skip, error;
  const std::string uri = PostgresTestDatabase("append_only", &skip, &error);
  if (!skip.empty()) GTEST_SKIP() << skip;
  ASSERT_TRUE(error.empty()) << error;
  auto store = OpenPostgresStore(uri);
  EXPECT_EQ(store->SchemaVersion(), static_cast<int>(PostgresMigrations().size()));
  const int64_t id = store->AddSubmission(SampleSubmission());
  store->Audit("filer", "上传", "127.0.0.1", 1);
  ASSERT_EQ(store->AddTransition({id, 0, 2, "filer", "提交", "编制", "主管部门审核", ""},
                                 {{"CMP-016-1", "说明"}}),
            TransitionResult::kDone);
  store->AddComment({0, id, 3, "zhuguan", "", "请补充"});
  store->AddScores(id, {{"1/1.2", {4, "", "reviewer", 4}}});
  pqxx::connection raw(uri);
  for (const char* sql :
       {"UPDATE submissions SET source = 'y'", "DELETE FROM submissions",
        "TRUNCATE submissions CASCADE", "UPDATE audit_log SET who = 'x'", "DELETE FROM audit_log",
        "TRUNCATE audit_log", "UPDATE transitions SET to_state = '已公开'",
        "DELETE FROM transitions", "TRUNCATE transitions", "TRUNCATE comments",
        "UPDATE explanations SET text = ''", "DELETE FROM explanations",
        "UPDATE comments SET text = ''", "DELETE FROM comments", "UPDATE scores SET score = 9",
        "DELETE FROM scores"}) {
    pqxx::nontransaction t(raw);
    EXPECT_THROW(t.exec(sql), pqxx::sql_error) << sql;
  }
  EXPECT_EQ(store->GetSubmission(id)->source, "x: 1\n");
  EXPECT_EQ(store->AuditLog(10).size(), 1u);
  EXPECT_EQ(store->History(id).size(), 1u);
  auto again = OpenStore(uri);  // what `serve --database postgresql://…` opens
  EXPECT_EQ(again->SchemaVersion(), static_cast<int>(PostgresMigrations().size()));
  EXPECT_EQ(again->GetSubmission(id)->state, "主管部门审核");
}

}  // namespace

}  // namespace gongkai::server::testing
