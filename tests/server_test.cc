// gongkai serve, in-process on 127.0.0.1 with an ephemeral port: sign-in (good, bad, rate
// limited), submissions (a good source reviewed and stored, a broken one 422 with line and
// column), the CSRF token, the authorization matrix (every endpoint × every role × own and
// another department, each refusal in the audit log), the public portal (listing, search, PDF), and
// the SQLite store (migrations from an empty file, immutability and the append-only log, data kept
// across a restart).
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "server/auth.h"
#include "server/migrations.h"
#include "server/store.h"
#include "test_support.h"

namespace gongkai::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const Engine& SharedEngine() {
  static const Engine engine({testing::DataDir(), {}});
  return engine;
}

std::string ReadExample(const std::string& name) {
  std::ifstream in(testing::ExamplePath(name), std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path FreshDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("gongkai-server-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// minimal.yaml's department (it has no code: its name is its key), and another one's.
constexpr const char* kOwnDepartment = "示例区示例局";
constexpr const char* kOtherExample = "institution-transfers-2023.yaml";  // 示例区示例中心

bool HasChinese(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
}

struct SignedIn {
  int status = 0;
  std::string cookie, csrf;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = FreshDir(::testing::UnitTest::GetInstance()->current_test_info()->name()) / "t.db";
    store_ = OpenSqliteStore(db_.string());
    store_->PutUser({"filer", kRoleFiler, HashPassword("filer-pw"), kOwnDepartment});
    store_->PutUser(
        {"zhuguan", kRoleDepartmentReviewer, HashPassword("zhuguan-pw"), kOwnDepartment});
    store_->PutUser({"reviewer", kRoleReviewer, HashPassword("reviewer-pw"), ""});
    store_->PutUser({"admin", kRoleAdmin, HashPassword("admin-pw"), ""});
    Start();
  }
  void TearDown() override { Stop(); }

  void Start() {
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    server_ = std::make_unique<Server>(SharedEngine(), *store_, options);
    std::string error;
    port_ = server_->Bind(&error);
    ASSERT_GT(port_, 0) << error;
    thread_ = std::thread([this] { server_->Run(); });
  }
  void Stop() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(std::chrono::seconds(60));
    return c;
  }

  SignedIn Login(const std::string& name, const std::string& password) {
    auto res = Client().Post("/api/login", json{{"name", name}, {"password", password}}.dump(),
                             "application/json");
    SignedIn out;
    if (!res) return out;
    out.status = res->status;
    std::string set_cookie = res->get_header_value("Set-Cookie");
    out.cookie = set_cookie.substr(0, set_cookie.find(';'));
    if (res->status == 200) out.csrf = json::parse(res->body)["csrf_token"];
    return out;
  }

  httplib::Result Post(const SignedIn& who, const std::string& path, const std::string& body,
                       bool with_csrf = true) {
    httplib::Headers headers = {{"Cookie", who.cookie}};
    if (with_csrf) headers.emplace("X-CSRF-Token", who.csrf);
    return Client().Post(path.c_str(), headers, body, "application/yaml");
  }

  int64_t SubmitMinimal(const SignedIn& who) { return SubmitExample(who, "minimal.yaml"); }
  int64_t SubmitExample(const SignedIn& who, const std::string& example) {
    auto res = Post(who, "/api/submissions", ReadExample(example));
    EXPECT_TRUE(res);
    if (!res) return 0;
    EXPECT_EQ(res->status, 201) << res->body;
    return json::parse(res->body)["id"];
  }

  bool AuditHas(const std::string& who, const std::string& what_part) {
    for (const auto& e : store_->AuditLog(100)) {
      if (e.who == who && e.what.find(what_part) != std::string::npos) return true;
    }
    return false;
  }

  fs::path db_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(ServerTest, LoginGoodAndBad) {
  auto res =
      Client().Post("/api/login", R"({"name":"filer","password":"filer-pw"})", "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("gongkai_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  json body = json::parse(res->body);
  EXPECT_EQ(body["role"], kRoleFiler);
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64u);
  EXPECT_TRUE(AuditHas("filer", "登录"));

  EXPECT_EQ(Login("filer", "wrong").status, 401);
  EXPECT_EQ(Login("nobody", "filer-pw").status, 401);
  EXPECT_TRUE(AuditHas("filer", "登录失败"));
  const auto log = store_->AuditLog(1);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].who, "nobody");
  EXPECT_EQ(log[0].from.rfind("127.0.0.1:", 0), 0u) << log[0].from;  // from where
  EXPECT_GT(log[0].at, 0);
  // Not JSON: refused before any password is checked.
  auto form = Client().Post("/api/login", "name=filer&password=filer-pw",
                            "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
}

TEST_F(ServerTest, FailedLoginsAreLimited) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Login("reviewer", "guess").status, 401);
  auto res = Client().Post("/api/login", R"({"name":"reviewer","password":"reviewer-pw"})",
                           "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);  // even the right password, until the window passes
  EXPECT_FALSE(res->get_header_value("Retry-After").empty());
  EXPECT_TRUE(AuditHas("reviewer", "登录被限制"));
}

TEST_F(ServerTest, SubmitsAGoodSourceAndKeepsItsFindings) {
  SignedIn filer = Login("filer", "filer-pw");
  auto res = Post(filer, "/api/submissions", ReadExample("minimal.yaml"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  json body = json::parse(res->body);
  EXPECT_EQ(body["department"], "示例区示例局");
  EXPECT_EQ(body["year"], 2023);
  EXPECT_TRUE(body["findings"].is_array());
  EXPECT_EQ(body["counts"]["error"].get<size_t>() + body["counts"]["warning"].get<size_t>() +
                body["counts"]["info"].get<size_t>(),
            body["findings"].size());
  const int64_t id = body["id"];
  EXPECT_TRUE(AuditHas("filer", "提交 #" + std::to_string(id)));

  auto findings = Client().Get(("/api/submissions/" + std::to_string(id) + "/findings").c_str(),
                               {{"Cookie", filer.cookie}});
  ASSERT_TRUE(findings);
  ASSERT_EQ(findings->status, 200);
  json stored = json::parse(findings->body);
  EXPECT_EQ(stored["findings"], body["findings"]);
  EXPECT_EQ(stored["published"], false);
  auto stranger = Client().Get(("/api/submissions/" + std::to_string(id) + "/findings").c_str());
  ASSERT_TRUE(stranger);
  EXPECT_EQ(stranger->status, 401);
  EXPECT_EQ(store_->GetSubmission(id)->source, ReadExample("minimal.yaml"));

  // The same source as JSON is read as JSON and gives the same findings.
  Loaded loaded = SharedEngine().Load(testing::ExamplePath("minimal.yaml"));
  ASSERT_TRUE(loaded.ok());
  auto as_json = Post(filer, "/api/submissions",
                      SharedEngine().SourceText(*loaded.department, SourceFormat::kJson));
  ASSERT_TRUE(as_json);
  ASSERT_EQ(as_json->status, 201) << as_json->body;
  EXPECT_EQ(json::parse(as_json->body)["counts"], body["counts"]);
  EXPECT_EQ(store_->GetSubmission(id + 1)->source_name, "submission.json");
}

TEST_F(ServerTest, ABrokenSourceIs422WithLineAndColumn) {
  SignedIn filer = Login("filer", "filer-pw");
  std::string text = ReadExample("minimal.yaml");
  const std::string good = "amount: 100.00";
  text.replace(text.find(good), good.size(), "amount: 一百");
  auto res = Post(filer, "/api/submissions", text);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 422) << res->body;
  json d = json::parse(res->body)["diagnostics"];
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0]["line"], 9) << d.dump();
  EXPECT_GT(d[0]["column"].get<int>(), 0);
  EXPECT_FALSE(d[0]["message"].get<std::string>().empty());
  EXPECT_EQ(store_->CountSubmissions(), 0);
}

TEST_F(ServerTest, ChangesNeedTheCsrfToken) {
  SignedIn filer = Login("filer", "filer-pw");
  auto none = Post(filer, "/api/submissions", ReadExample("minimal.yaml"), false);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 403);
  SignedIn wrong = filer;
  wrong.csrf = std::string(64, '0');
  auto bad = Post(wrong, "/api/submissions", ReadExample("minimal.yaml"));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 403);
  EXPECT_EQ(store_->CountSubmissions(), 0);
  EXPECT_TRUE(AuditHas("filer", "CSRF"));
  // Not signed in at all: 401.
  auto anonymous = Client().Post("/api/submissions", ReadExample("minimal.yaml"), "text/yaml");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(ServerTest, OnlyReviewersAndAdminsPublish) {
  SignedIn filer = Login("filer", "filer-pw");
  const int64_t id = SubmitMinimal(filer);
  const std::string path = "/api/submissions/" + std::to_string(id) + "/publish";

  auto denied = Post(filer, path, "");
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);
  EXPECT_TRUE(AuditHas("filer", "拒绝发布 #" + std::to_string(id)));
  EXPECT_FALSE(store_->GetSubmission(id)->published_at);

  SignedIn reviewer = Login("reviewer", "reviewer-pw");
  auto without_csrf = Post(reviewer, path, "", false);
  ASSERT_TRUE(without_csrf);
  EXPECT_EQ(without_csrf->status, 403);
  EXPECT_FALSE(store_->GetSubmission(id)->published_at);
  auto ok = Post(reviewer, path, "");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_TRUE(store_->GetSubmission(id)->published_at);
  EXPECT_TRUE(AuditHas("reviewer", "发布 #" + std::to_string(id)));

  SignedIn admin = Login("admin", "admin-pw");
  auto again = Post(admin, path, "");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  auto missing = Post(admin, "/api/submissions/999/publish", "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  // A reviewer does not submit.
  auto reviewer_submits = Post(reviewer, "/api/submissions", ReadExample("minimal.yaml"));
  ASSERT_TRUE(reviewer_submits);
  EXPECT_EQ(reviewer_submits->status, 403);
}

// Every endpoint × every role × a submission of the caller's own department (minimal.yaml,
// 示例区示例局) and of another (示例区示例中心): the status, and for every refusal a 403 with a
// Chinese message and one new audit_log entry saying who, what and from where. 财政审核人
// and 管理员 belong to no department; for them "own" and "other" are just the two sources.
TEST_F(ServerTest, AuthorizationMatrix) {
  struct Row {
    const char* name;
    const char* password;
    int submit_own, submit_other, read_own, read_other, publish_own, publish_other;
  };
  const Row rows[] = {
      {"filer", "filer-pw", 201, 403, 200, 403, 403, 403},
      {"zhuguan", "zhuguan-pw", 403, 403, 200, 403, 403, 403},
      {"reviewer", "reviewer-pw", 403, 403, 200, 200, 200, 200},
      {"admin", "admin-pw", 201, 201, 200, 200, 200, 200},
  };
  SignedIn admin = Login("admin", "admin-pw");
  const int64_t own = SubmitExample(admin, "minimal.yaml");
  const int64_t other = SubmitExample(admin, kOtherExample);
  ASSERT_GT(own, 0);
  ASSERT_GT(other, 0);
  ASSERT_EQ(store_->GetSubmission(own)->department_code, kOwnDepartment);
  ASSERT_NE(store_->GetSubmission(other)->department_code, kOwnDepartment);

  for (const Row& row : rows) {
    SignedIn who = Login(row.name, row.password);
    ASSERT_EQ(who.status, 200) << row.name;
    // One request: its status, and (when refused) its message and its audit entry.
    auto check = [&](const std::string& what, const httplib::Result& res, int expected,
                     const std::string& logged) {
      SCOPED_TRACE(std::string(row.name) + " " + what);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, expected) << res->body;
      if (res->status != 403) return;
      const json body = json::parse(res->body, nullptr, false);
      ASSERT_TRUE(body.is_object()) << res->body;
      EXPECT_TRUE(HasChinese(body.value("error", ""))) << res->body;
      const auto log = store_->AuditLog(1);
      ASSERT_EQ(log.size(), 1u);
      EXPECT_EQ(log[0].who, row.name);
      EXPECT_NE(log[0].what.find(logged), std::string::npos) << log[0].what;
      EXPECT_EQ(log[0].from.rfind("127.0.0.1:", 0), 0u) << log[0].from;
    };
    auto audit_size = [&] { return store_->AuditLog(1000).size(); };

    for (auto [example, expected] :
         {std::pair{"minimal.yaml", row.submit_own}, std::pair{kOtherExample, row.submit_other}}) {
      const size_t before = audit_size();
      const int64_t count = store_->CountSubmissions();
      check(std::string("submits ") + example, Post(who, "/api/submissions", ReadExample(example)),
            expected, "拒绝提交");
      EXPECT_EQ(store_->CountSubmissions(), count + (expected == 201 ? 1 : 0));
      EXPECT_EQ(audit_size(), before + 1);  // the refusal, or the submission
    }
    for (auto [id, expected] : {std::pair{own, row.read_own}, std::pair{other, row.read_other}}) {
      const size_t before = audit_size();
      const std::string path = "/api/submissions/" + std::to_string(id) + "/findings";
      auto res = Client().Get(path.c_str(), {{"Cookie", who.cookie}});
      check("reads #" + std::to_string(id), res, expected, "拒绝查看 #" + std::to_string(id));
      if (res && res->status == 200) {
        EXPECT_TRUE(json::parse(res->body)["findings"].is_array());
      }
      EXPECT_EQ(audit_size(), before + (expected == 403 ? 1 : 0));
    }
    for (auto [id, expected] :
         {std::pair{own, row.publish_own}, std::pair{other, row.publish_other}}) {
      const size_t before = audit_size();
      const std::string path = "/api/submissions/" + std::to_string(id) + "/publish";
      check("publishes #" + std::to_string(id), Post(who, path, ""), expected,
            "拒绝发布 #" + std::to_string(id));
      EXPECT_EQ(audit_size(), before + 1);  // the refusal, or the publication
      // The refused rows come first: nothing is published before the reviewer's.
      if (expected == 403) {
        EXPECT_FALSE(store_->GetSubmission(id)->published_at);
      }
    }
  }
  EXPECT_TRUE(AuditHas("reviewer", "发布 #" + std::to_string(own)));
}

// A department with a code is known by its code, not its name; a filer bound to none (a user
// from before departments were kept) is refused everything, saying why.
TEST_F(ServerTest, DepartmentsAreKnownByCodeAndUnboundUsersAreRefused) {
  std::string coded = ReadExample("minimal.yaml");
  const std::string name_line = "  name: 示例区示例局\n";
  ASSERT_NE(coded.find(name_line), std::string::npos);
  coded.replace(coded.find(name_line), name_line.size(), name_line + "  code: \"A01\"\n");
  store_->PutUser({"coded", kRoleFiler, HashPassword("coded-pw"), "A01"});
  store_->PutUser({"unbound", kRoleFiler, HashPassword("unbound-pw"), ""});
  store_->PutUser({"unbound-dept", kRoleDepartmentReviewer, HashPassword("unbound-pw"), ""});

  SignedIn by_name = Login("filer", "filer-pw");  // bound to 示例区示例局, the name
  auto refused = Post(by_name, "/api/submissions", coded);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403) << refused->body;
  EXPECT_TRUE(AuditHas("filer", "拒绝提交「A01」"));
  SignedIn by_code = Login("coded", "coded-pw");
  auto res = Post(by_code, "/api/submissions", coded);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const int64_t id = json::parse(res->body)["id"];
  EXPECT_EQ(store_->GetSubmission(id)->department_code, "A01");
  const std::string findings = "/api/submissions/" + std::to_string(id) + "/findings";
  EXPECT_EQ(Client().Get(findings.c_str(), {{"Cookie", by_code.cookie}})->status, 200);
  EXPECT_EQ(Client().Get(findings.c_str(), {{"Cookie", by_name.cookie}})->status, 403);

  SignedIn unbound = Login("unbound", "unbound-pw");
  auto unbound_submit = Post(unbound, "/api/submissions", ReadExample("minimal.yaml"));
  ASSERT_TRUE(unbound_submit);
  EXPECT_EQ(unbound_submit->status, 403);
  EXPECT_NE(unbound_submit->body.find("未绑定部门"), std::string::npos) << unbound_submit->body;
  EXPECT_TRUE(AuditHas("unbound", "未绑定部门"));
  SignedIn unbound_dept = Login("unbound-dept", "unbound-pw");
  auto unbound_read = Client().Get(findings.c_str(), {{"Cookie", unbound_dept.cookie}});
  ASSERT_TRUE(unbound_read);
  EXPECT_EQ(unbound_read->status, 403);
  EXPECT_TRUE(AuditHas("unbound-dept", "拒绝查看 #" + std::to_string(id)));

  // The login answer says which department the user belongs to.
  auto login = Client().Post("/api/login", R"({"name":"zhuguan","password":"zhuguan-pw"})",
                             "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(json::parse(login->body)["department"], kOwnDepartment);
  EXPECT_EQ(json::parse(login->body)["role"], kRoleDepartmentReviewer);
}

TEST_F(ServerTest, PortalListsPublishedDocumentsAndServesThePdf) {
  SignedIn filer = Login("filer", "filer-pw");
  const int64_t id = SubmitMinimal(filer);
  const std::string doc = "/portal/" + std::to_string(id);
  auto before = Client().Get("/");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 200);
  EXPECT_EQ(before->body.find("示例区示例局"), std::string::npos);
  auto unpublished = Client().Get((doc + ".pdf").c_str());
  ASSERT_TRUE(unpublished);
  EXPECT_EQ(unpublished->status, 404);

  SignedIn reviewer = Login("reviewer", "reviewer-pw");
  ASSERT_EQ(Post(reviewer, "/api/submissions/" + std::to_string(id) + "/publish", "")->status, 200);
  auto index = Client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_NE(index->body.find("示例区示例局"), std::string::npos);
  EXPECT_NE(index->body.find("2023年"), std::string::npos);
  EXPECT_NE(index->body.find(doc + ".pdf"), std::string::npos);
  auto found = Client().Get("/?q=%E7%A4%BA%E4%BE%8B");  // 示例
  ASSERT_TRUE(found);
  EXPECT_NE(found->body.find(doc + ".html"), std::string::npos);
  auto not_found = Client().Get("/?q=%3Cscript%3E");  // <script>: escaped, and no match
  ASSERT_TRUE(not_found);
  EXPECT_EQ(not_found->body.find(doc + ".html"), std::string::npos);
  EXPECT_EQ(not_found->body.find("<script>"), std::string::npos);

  auto pdf = Client().Get((doc + ".pdf").c_str());
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->body.substr(0, 4), "%PDF");
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_NE(pdf->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  auto html = Client().Get((doc + ".html").c_str());
  ASSERT_TRUE(html);
  EXPECT_NE(html->body.find("示例区示例局"), std::string::npos);
  auto xlsx = Client().Get((doc + ".xlsx").c_str());
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  auto js = Client().Get((doc + ".json").c_str());
  ASSERT_TRUE(js);
  EXPECT_TRUE(json::accept(js->body));
}

TEST_F(ServerTest, DataPersistsAcrossARestart) {
  SignedIn filer = Login("filer", "filer-pw");
  const int64_t id = SubmitMinimal(filer);
  SignedIn admin = Login("admin", "admin-pw");
  ASSERT_EQ(Post(admin, "/api/submissions/" + std::to_string(id) + "/publish", "")->status, 200);
  Stop();
  store_.reset();

  store_ = OpenSqliteStore(db_.string());
  Start();
  auto index = Client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_NE(index->body.find("示例区示例局"), std::string::npos);
  auto findings = Client().Get(("/api/submissions/" + std::to_string(id) + "/findings").c_str(),
                               {{"Cookie", filer.cookie}});  // the session survived too
  ASSERT_TRUE(findings);
  EXPECT_EQ(findings->status, 200);
  EXPECT_TRUE(AuditHas("admin", "发布 #" + std::to_string(id)));
  EXPECT_EQ(store_->FindUser("reviewer")->role, kRoleReviewer);
}

// --- the store alone ---

TEST(ServerStore, MigratesAnEmptyDatabaseOnceAndRefusesANewerOne) {
  fs::path db = FreshDir("migrate") / "empty.db";
  {
    auto store = OpenSqliteStore(db.string());
    EXPECT_EQ(store->SchemaVersion(), static_cast<int>(Migrations().size()));
  }
  {
    auto again = OpenSqliteStore(db.string());  // nothing left to apply
    EXPECT_EQ(again->SchemaVersion(), static_cast<int>(Migrations().size()));
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_exec(raw, "INSERT INTO schema_version(version) VALUES(999)", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  EXPECT_THROW(OpenSqliteStore(db.string()), StoreError);
}

// A database made before users had departments: migrated on open, its users kept, bound to
// none (and so refused, see above) until given one.
TEST(ServerStore, MigratesAVersion1DatabaseWithItsUsers) {
  fs::path db = FreshDir("migrate-v1") / "v1.db";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &raw), SQLITE_OK);
  const std::string v1 =
      "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL "
      "DEFAULT 0);" +
      std::string(Migrations()[0]) +
      "INSERT INTO schema_version(version) VALUES(1);"
      "INSERT INTO users(name, role, password_hash) VALUES('old', '单位填报人', 'x');";
  ASSERT_EQ(sqlite3_exec(raw, v1.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(raw);
  sqlite3_close(raw);

  auto store = OpenSqliteStore(db.string());
  EXPECT_EQ(store->SchemaVersion(), static_cast<int>(Migrations().size()));
  auto old = store->FindUser("old");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->role, kRoleFiler);
  EXPECT_EQ(old->department, "");
  store->PutUser({"old", kRoleFiler, "x", "示例区示例局"});
  EXPECT_EQ(store->FindUser("old")->department, "示例区示例局");
  store->PutUser({"old", kRoleReviewer, "x", ""});  // and unbound again
  EXPECT_EQ(store->FindUser("old")->department, "");
}

TEST(ServerStore, SubmissionsAreImmutableAndTheAuditLogAppendOnly) {
  fs::path db = FreshDir("immutable") / "s.db";
  auto store = OpenSqliteStore(db.string());
  Submission s;
  s.department_code = s.department_name = "示例局";
  s.year = 2024;
  s.kind = "预算";
  s.source_name = "a.yaml";
  s.source = "x: 1\n";
  s.submitted_by = "filer";
  s.findings_json = "[]";
  const int64_t id = store->AddSubmission(s);
  store->Audit("filer", "提交", "127.0.0.1", 1);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &raw), SQLITE_OK);
  for (const char* sql : {"UPDATE submissions SET source = 'y'", "DELETE FROM submissions",
                          "UPDATE audit_log SET who = 'x'", "DELETE FROM audit_log"}) {
    EXPECT_NE(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }
  sqlite3_close(raw);
  EXPECT_EQ(store->GetSubmission(id)->source, "x: 1\n");
  EXPECT_EQ(store->AuditLog(10).size(), 1u);
  EXPECT_FALSE(store->GetSubmission(id + 1));
}

// The command itself: `gongkai serve --demo` prints its users and shows the portal at once.
TEST(ServeCommand, DemoPublishesTheExamplesAndPrintsItsUsers) {
  const fs::path db = FreshDir("demo") / "demo.db";
  const std::string command = std::string("sh -c 'echo $$; exec timeout 120 ") + GONGKAI_CLI +
                              " serve --demo --port 0 --database " + db.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_TRUE(pipe);
  std::string output, line;
  char buffer[4096];
  int port = 0;
  const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
  while (port == 0 && fgets(buffer, sizeof buffer, pipe)) {
    output += buffer;
    std::smatch m;
    line = buffer;
    if (std::regex_search(line, m, url)) port = std::stoi(m[1]);
  }
  const pid_t pid = static_cast<pid_t>(std::stol(output));
  std::smatch admin;
  const bool has_admin =
      std::regex_search(output, admin, std::regex(R"(admin\s+管理员\s+密码 (\w+))"));
  if (port > 0) {  // no ASSERT before the kill below
    httplib::Client client("127.0.0.1", port);
    auto index = client.Get("/");
    EXPECT_TRUE(index && index->body.find("武汉市新洲区人民政府办公室") != std::string::npos);
    EXPECT_TRUE(index && index->body.find("2024年部门决算") != std::string::npos);
    if (has_admin) {
      auto login =
          client.Post("/api/login", json{{"name", "admin"}, {"password", admin[1].str()}}.dump(),
                      "application/json");
      EXPECT_TRUE(login && login->status == 200);
    }
  }
  kill(pid, SIGTERM);
  while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
  pclose(pipe);
  ASSERT_GT(port, 0) << output;
  EXPECT_TRUE(has_admin) << output;
  EXPECT_NE(output.find("已发布示例 xinzhou-gov-office-2023.yaml"), std::string::npos) << output;
  EXPECT_NE(output.find("已停止"), std::string::npos) << output;
  // The users bound to a department are bound to the examples' departments.
  for (const char* user : {"tianbao ", "zhuguan ", "tianbao2", "shenhe "}) {
    EXPECT_NE(output.find(user), std::string::npos) << user << output;
  }
  auto store = OpenSqliteStore(db.string());
  auto tianbao = store->FindUser("tianbao"), zhuguan = store->FindUser("zhuguan"),
       tianbao2 = store->FindUser("tianbao2"), shenhe = store->FindUser("shenhe");
  ASSERT_TRUE(tianbao && zhuguan && tianbao2 && shenhe);
  EXPECT_EQ(zhuguan->role, kRoleDepartmentReviewer);
  EXPECT_FALSE(tianbao->department.empty());
  EXPECT_EQ(zhuguan->department, tianbao->department);
  EXPECT_FALSE(tianbao2->department.empty());
  EXPECT_NE(tianbao2->department, tianbao->department);
  EXPECT_EQ(shenhe->department, "");
  const auto published = store->ListPublished("");
  for (const auto& user : {*tianbao, *tianbao2}) {
    EXPECT_TRUE(std::any_of(published.begin(), published.end(), [&](const Submission& s) {
      return s.department_code == user.department;
    })) << user.department;
  }
}

TEST(ServerAuth, PasswordsAreArgon2id) {
  std::string hash = HashPassword("秘密 password");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(VerifyPassword("秘密 password", hash));
  EXPECT_FALSE(VerifyPassword("秘密 passwore", hash));
  EXPECT_NE(HashPassword("秘密 password"), hash);  // a fresh salt each time
}

}  // namespace
}  // namespace gongkai::server
