// gongkai serve, in-process on 127.0.0.1 with an ephemeral port, against every store kind
// (server_test_support.h): sign-in (good, bad, rate limited), uploads (a good source reviewed
// and stored, a broken one 422 with line and column), the CSRF token, the public portal
// (listing, search, PDF), data kept across a restart; and the SQLite store alone (migrations
// from an empty file and from version 1, immutability and the append-only log), the command
// `gongkai serve --demo`, argon2id. The workflow, the administration, scoring, the public JSON
// and the authorization matrix have their own files (server_*_test.cc).
#include <signal.h>
#include <sqlite3.h>

#include <regex>

#include "server/migrations.h"
#include "server/workflow.h"
#include "server_test_support.h"

namespace gongkai::server::testing {
namespace {

TEST_P(ServerTest, LoginGoodAndBad) {
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

TEST_P(ServerTest, FailedLoginsAreLimited) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Login("reviewer", "guess").status, 401);
  auto res = Client().Post("/api/login", R"({"name":"reviewer","password":"reviewer-pw"})",
                           "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);  // even the right password, until the window passes
  EXPECT_FALSE(res->get_header_value("Retry-After").empty());
  EXPECT_TRUE(AuditHas("reviewer", "登录被限制"));
}

TEST_P(ServerTest, SubmitsAGoodSourceAndKeepsItsFindings) {
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
  EXPECT_TRUE(AuditHas("filer", "上传 #" + std::to_string(id)));
  EXPECT_EQ(body["state"], kStateDraft);
  EXPECT_EQ(body["department_code"], kOwnDepartment);

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
  Loaded loaded = SharedEngine().Load(gongkai::testing::ExamplePath("minimal.yaml"));
  ASSERT_TRUE(loaded.ok());
  auto as_json = Post(filer, "/api/submissions",
                      SharedEngine().SourceText(*loaded.department, SourceFormat::kJson));
  ASSERT_TRUE(as_json);
  ASSERT_EQ(as_json->status, 201) << as_json->body;
  EXPECT_EQ(json::parse(as_json->body)["counts"], body["counts"]);
  EXPECT_EQ(store_->GetSubmission(id + 1)->source_name, "submission.json");
}

TEST_P(ServerTest, ABrokenSourceIs422WithLineAndColumn) {
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

// A filled workbook (the Excel input) is uploaded like a source: read by the same rules, its
// errors at their sheet!cell, kept as the YAML it reads as.
TEST_P(ServerTest, AWorkbookIsUploadedLikeASource) {
  SignedIn filer = Login("filer", "filer-pw");
  auto workbook = [&](const std::function<void(Department&)>& change) {
    Loaded loaded = SharedEngine().Load(gongkai::testing::ExamplePath("minimal.yaml"));
    EXPECT_TRUE(loaded.ok());
    if (!loaded.ok()) return std::string();
    change(*loaded.department);
    const fs::path path = FreshDir("workbook-" + GetParam()) / "w.xlsx";
    std::string error;
    EXPECT_TRUE(
        SharedEngine().WriteSource(*loaded.department, SourceFormat::kXlsx, path.string(), &error))
        << error;
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  auto res = Post(filer, "/api/submissions", workbook([](Department&) {}), true, xlsx_type);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const json from_workbook = json::parse(res->body);
  auto yaml = Post(filer, "/api/submissions", ReadExample("minimal.yaml"));
  ASSERT_TRUE(yaml && yaml->status == 201);
  const json from_yaml = json::parse(yaml->body);
  EXPECT_EQ(from_workbook["department"], from_yaml["department"]);
  EXPECT_EQ(from_workbook["counts"], from_yaml["counts"]);
  EXPECT_EQ(from_workbook["findings"].size(), from_yaml["findings"].size());
  // Stored as YAML that loads again: its document renders.
  const int64_t id = from_workbook["id"];
  EXPECT_EQ(store_->GetSubmission(id)->source_name, "submission.yaml");
  auto html = Get(filer, "/api/submissions/" + std::to_string(id) + "/document");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200) << html->body;

  // Recognised by its first bytes too; an error is located at its cell.
  auto broken = Post(filer, "/api/submissions", workbook([](Department& d) { d.name = ""; }), true,
                     "application/octet-stream");
  ASSERT_TRUE(broken);
  ASSERT_EQ(broken->status, 422) << broken->body;
  const json diagnostics = json::parse(broken->body)["diagnostics"];
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_NE(diagnostics.dump().find("基本信息!"), std::string::npos) << diagnostics.dump();
  // A damaged zip is refused with the reader's message, nothing stored.
  const size_t stored = store_->CountSubmissions();
  std::string cut = workbook([](Department&) {});
  cut.resize(cut.size() / 2);
  auto damaged = Post(filer, "/api/submissions", cut, true, xlsx_type);
  ASSERT_TRUE(damaged);
  EXPECT_EQ(damaged->status, 422) << damaged->body;
  EXPECT_EQ(store_->CountSubmissions(), stored);
}

TEST_P(ServerTest, ChangesNeedTheCsrfToken) {
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

// Publishing: only 财政审核人 and 管理员, only from 已批复 (409 before, and again after), with
// the CSRF token.
TEST_P(ServerTest, OnlyReviewersAndAdminsPublishAnApprovedSubmission) {
  SignedIn filer = Login("filer", "filer-pw");
  const int64_t id = SubmitMinimal(filer);
  const std::string path = "/api/submissions/" + std::to_string(id) + "/publish";

  auto denied = Post(filer, path, "");
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);
  EXPECT_TRUE(AuditHas("filer", "拒绝公开 #" + std::to_string(id)));
  SignedIn reviewer = Login("reviewer", "reviewer-pw");
  auto too_early = Post(reviewer, path, "");
  ASSERT_TRUE(too_early);
  EXPECT_EQ(too_early->status, 409) << too_early->body;
  EXPECT_NE(too_early->body.find("编制"), std::string::npos) << too_early->body;
  EXPECT_FALSE(store_->GetSubmission(id)->published_at);

  Walk(id, kStateApproved);
  auto without_csrf = Post(reviewer, path, "", false);
  ASSERT_TRUE(without_csrf);
  EXPECT_EQ(without_csrf->status, 403);
  EXPECT_FALSE(store_->GetSubmission(id)->published_at);
  auto ok = Post(reviewer, path, "");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(json::parse(ok->body)["state"], kStatePublished);
  EXPECT_TRUE(store_->GetSubmission(id)->published_at);
  EXPECT_TRUE(AuditHas("reviewer", "公开 #" + std::to_string(id)));

  SignedIn admin = Login("admin", "admin-pw");
  auto again = Post(admin, path, "");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
  auto missing = Post(admin, "/api/submissions/999/publish", "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  // A reviewer does not upload.
  auto reviewer_submits = Post(reviewer, "/api/submissions", ReadExample("minimal.yaml"));
  ASSERT_TRUE(reviewer_submits);
  EXPECT_EQ(reviewer_submits->status, 403);
}

// A department with a code is known by its code, not its name; a filer bound to none (a user
// from before departments were kept) is refused everything, saying why.
TEST_P(ServerTest, DepartmentsAreKnownByCodeAndUnboundUsersAreRefused) {
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

TEST_P(ServerTest, PortalListsPublishedDocumentsAndServesThePdf) {
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

  Walk(id, kStatePublished);
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

TEST_P(ServerTest, DataPersistsAcrossARestart) {
  SignedIn filer = Login("filer", "filer-pw");
  const int64_t id = SubmitMinimal(filer);
  Walk(id, kStatePublished);
  Stop();
  store_.reset();

  store_ = database_->Open();
  Start();
  auto index = Client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_NE(index->body.find("示例区示例局"), std::string::npos);
  auto findings = Client().Get(("/api/submissions/" + std::to_string(id) + "/findings").c_str(),
                               {{"Cookie", filer.cookie}});  // the session survived too
  ASSERT_TRUE(findings);
  EXPECT_EQ(findings->status, 200);
  EXPECT_TRUE(AuditHas("reviewer", "公开 #" + std::to_string(id)));
  EXPECT_EQ(store_->History(id).size(), 4u);
  EXPECT_EQ(store_->FindUser("reviewer")->role, kRoleReviewer);
}

// --- the store alone ---

// A released migration is never edited (migrations.h): the SQL each database is given, both
// expanded from migrations.cc's one description, stays as it was released.
TEST(ServerStore, ReleasedMigrationsStayAsReleased) {
  auto joined = [](const std::vector<std::string_view>& migrations) {
    std::string all;
    for (std::size_t i = 0; i < migrations.size(); ++i)
      all += "-- migration " + std::to_string(i + 1) + std::string(migrations[i]);
    return all;
  };
  gongkai::testing::CompareGolden(joined(SqliteMigrations()), "schema-sqlite.txt");
  gongkai::testing::CompareGolden(joined(PostgresMigrations()), "schema-postgres.txt");
}

TEST(ServerStore, MigratesAnEmptyDatabaseOnceAndRefusesANewerOne) {
  fs::path db = FreshDir("migrate") / "empty.db";
  {
    auto store = OpenSqliteStore(db.string());
    EXPECT_EQ(store->SchemaVersion(), static_cast<int>(SqliteMigrations().size()));
  }
  {
    auto again = OpenSqliteStore(db.string());  // nothing left to apply
    EXPECT_EQ(again->SchemaVersion(), static_cast<int>(SqliteMigrations().size()));
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
      std::string(SqliteMigrations()[0]) +
      "INSERT INTO schema_version(version) VALUES(1);"
      "INSERT INTO users(name, role, password_hash) VALUES('old', '单位填报人', 'x');";
  ASSERT_EQ(sqlite3_exec(raw, v1.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(raw);
  sqlite3_close(raw);

  auto store = OpenSqliteStore(db.string());
  EXPECT_EQ(store->SchemaVersion(), static_cast<int>(SqliteMigrations().size()));
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
  const int64_t id = store->AddSubmission(SampleSubmission());
  store->Audit("filer", "提交", "127.0.0.1", 1);
  ASSERT_EQ(
      store->AddTransition({id, 0, 2, "filer", "提交", kStateDraft, kStateDepartmentReview, ""},
                           {{"CMP-016-1", "说明"}}),
      TransitionResult::kDone);
  // From a state it is not in: refused, nothing written.
  EXPECT_EQ(store->AddTransition({id, 0, 3, "x", "提交", kStateDraft, kStateDepartmentReview, ""},
                                 {{"CMP-016-1", "另一说明"}}),
            TransitionResult::kConflict);
  EXPECT_EQ(store->AddTransition(
                {id + 1, 0, 3, "x", "提交", kStateDraft, kStateDepartmentReview, ""}, {}),
            TransitionResult::kNotFound);
  store->AddComment({0, id, 4, "zhuguan", "CMP-016-1", "请补充"});
  store->AddScores(id, {{"1/1.2", {4, "较完整", "reviewer", 5}}});
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &raw), SQLITE_OK);
  for (const char* sql : {"UPDATE submissions SET source = 'y'", "DELETE FROM submissions",
                          "UPDATE audit_log SET who = 'x'", "DELETE FROM audit_log",
                          "UPDATE transitions SET to_state = '已公开'", "DELETE FROM transitions",
                          "UPDATE explanations SET text = ''", "DELETE FROM explanations",
                          "UPDATE comments SET text = ''", "DELETE FROM comments",
                          "UPDATE scores SET score = 9", "DELETE FROM scores"}) {
    EXPECT_NE(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }
  sqlite3_close(raw);
  EXPECT_EQ(store->GetSubmission(id)->source, "x: 1\n");
  EXPECT_EQ(store->AuditLog(10).size(), 1u);
  EXPECT_FALSE(store->GetSubmission(id + 1));
  EXPECT_EQ(store->GetSubmission(id)->state, kStateDepartmentReview);
  EXPECT_EQ(store->History(id).size(), 1u);
  EXPECT_EQ(store->Explanations(id).at("CMP-016-1"), "说明");
  EXPECT_EQ(store->Comments(id).size(), 1u);
  EXPECT_EQ(store->Scores(id).at("1/1.2").score, 4);
}

// A database of version 2 with a published submission: after the workflow's migration it is
// 已公开 with one transition from the migration, and no 批复 time.
TEST(ServerStore, MigratesPublishedSubmissionsIntoTheWorkflow) {
  fs::path db = FreshDir("migrate-v2") / "v2.db";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &raw), SQLITE_OK);
  const std::string v2 =
      "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL "
      "DEFAULT 0);" +
      std::string(SqliteMigrations()[0]) + std::string(SqliteMigrations()[1]) +
      "INSERT INTO schema_version(version) VALUES(1), (2);"
      "INSERT INTO departments VALUES('A01', '示例局');"
      "INSERT INTO submissions(department, year, kind, source_name, source, submitted_by, "
      "created_at) VALUES('A01', 2023, '预算', 'a.yaml', 'x', 'filer', 100), "
      "('A01', 2023, '预算', 'a.yaml', 'y', 'filer', 200);"
      "INSERT INTO findings VALUES(1, 0, 0, 0, '[]'), (2, 0, 0, 0, '[]');"
      "INSERT INTO published VALUES(1, 150);";
  ASSERT_EQ(sqlite3_exec(raw, v2.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(raw);
  sqlite3_close(raw);

  auto store = OpenSqliteStore(db.string());
  auto published = store->GetSubmission(1), draft = store->GetSubmission(2);
  ASSERT_TRUE(published && draft);
  EXPECT_EQ(published->state, kStatePublished);
  EXPECT_EQ(published->published_at, 150);
  EXPECT_FALSE(published->approved_at);
  ASSERT_EQ(store->History(1).size(), 1u);
  EXPECT_EQ(store->History(1)[0].who, "migration");
  EXPECT_EQ(draft->state, kStateDraft);
  EXPECT_EQ(store->ListPublished("").size(), 1u);
}

// The command itself: `gongkai serve --demo` prints its users and shows the portal at once.
TEST(ServeCommand, DemoPublishesTheExamplesAndPrintsItsUsers) {
  const fs::path db = FreshDir("demo") / "demo.db";
  const std::string command = std::string("sh -c 'echo $$; exec timeout 120 ") + GONGKAI_CLI +
                              " serve --demo --port 0 --max-upload-mb 1 --database " + db.string() +
                              "' 2>&1";
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
    // --max-upload-mb 1: a 2 MB body is refused unread, with the limit in the message.
    auto big = client.Post("/api/submissions", std::string(2 << 20, 'a'), "text/yaml");
    EXPECT_TRUE(big && big->status == 413);
    EXPECT_TRUE(big && big->body.find("1 MB") != std::string::npos) << (big ? big->body : "");
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
  for (const auto& s : published) {  // through the workflow: 批复 and 公开 both recorded
    EXPECT_EQ(store->GetSubmission(s.id)->state, kStatePublished);
    EXPECT_TRUE(store->GetSubmission(s.id)->approved_at);
  }
  for (const auto& user : {*tianbao, *tianbao2}) {
    EXPECT_TRUE(std::any_of(published.begin(), published.end(), [&](const Submission& s) {
      return s.department_code == user.department;
    })) << user.department;
  }
}

// A session found with its user and the units below the user's department, in one query
// (every signed-in request asks): every level down, each once, whatever the order of the rows;
// a loop in the imported parents ends; an expired or unknown session is not found.
TEST_P(ServerTest, ASessionIsFoundWithItsUserAndTheUnitsBelow) {
  store_->PutDepartments({{"101001001", "所", "101001"},
                          {"101", "局", ""},
                          {"101001", "处", "101"},
                          {"101002", "中心", "101"},
                          {"102", "另一局", ""},
                          {"102001", "另一处", "102"},
                          {"L1", "环一", "L2"},
                          {"L2", "环二", "L1"}});
  store_->PutUser({"u101", kRoleDepartmentReviewer, "h", "101"});
  store_->PutUser({"u101001", kRoleDepartmentReviewer, "h", "101001"});
  store_->PutUser({"uL1", kRoleDepartmentReviewer, "h", "L1"});
  store_->PutUser({"leaf", kRoleFiler, "h", "101001001"});
  store_->PutUser({"unbound", kRoleReviewer, "h", ""});
  auto below = [&](const std::string& user) {
    store_->AddSession("hash-" + user, {user, "csrf-" + user, 2000});
    auto found = store_->FindSessionUser("hash-" + user, 1000);
    EXPECT_TRUE(found) << user;
    if (!found) return std::vector<std::string>{"(none)"};
    EXPECT_EQ(found->session.user, user);
    EXPECT_EQ(found->session.csrf_token, "csrf-" + user);
    EXPECT_EQ(found->session.expires_at, 2000);
    EXPECT_EQ(found->user.name, user);
    EXPECT_EQ(found->user.password_hash, "h");
    std::vector<std::string> codes = found->units_below;
    std::sort(codes.begin(), codes.end());
    return codes;
  };
  EXPECT_EQ(below("u101"), (std::vector<std::string>{"101001", "101001001", "101002"}));
  EXPECT_EQ(below("u101001"), std::vector<std::string>{"101001001"});
  EXPECT_EQ(below("uL1"), (std::vector<std::string>{"L1", "L2"}));
  EXPECT_EQ(below("leaf"), std::vector<std::string>{});
  EXPECT_EQ(below("unbound"), std::vector<std::string>{});
  EXPECT_EQ(store_->FindSessionUser("hash-u101", 1000)->user.role, kRoleDepartmentReviewer);
  EXPECT_EQ(store_->FindSessionUser("hash-u101", 1000)->user.department, "101");
  EXPECT_FALSE(store_->FindSessionUser("hash-u101", 2000));  // expired
  EXPECT_FALSE(store_->FindSessionUser("hash-nobody", 1000));
}

INSTANTIATE_TEST_SUITE_P(Stores, ServerTest, ::testing::ValuesIn(StoreKinds()), StoreKindName);

// The units a user reads: its own; a 主管部门审核人 also those below it, its own once when a
// loop in the imported parents leads back to it; nothing when not bound.
TEST(ServerAuth, ReadScopeFollowsTheUnitsDown) {
  EXPECT_EQ(ReadScope(kRoleDepartmentReviewer, "101", {"101001", "101002", "101001001"}),
            (std::vector<std::string>{"101", "101001", "101002", "101001001"}));
  EXPECT_EQ(ReadScope(kRoleDepartmentReviewer, "101001", {}), std::vector<std::string>{"101001"});
  EXPECT_EQ(ReadScope(kRoleFiler, "101", {"101001"}), std::vector<std::string>{"101"});
  EXPECT_EQ(ReadScope(kRoleDepartmentReviewer, "L1", {"L2", "L1"}),
            (std::vector<std::string>{"L1", "L2"}));
  EXPECT_TRUE(ReadScope(kRoleDepartmentReviewer, "", {"101"}).empty());
  EXPECT_TRUE(ReadScope(kRoleReviewer, "101", {"101001"}).empty());
  EXPECT_TRUE(MayRead(kRoleDepartmentReviewer, {"101", "101001"}, "101001"));
  EXPECT_FALSE(MayRead(kRoleDepartmentReviewer, {"101", "101001"}, "102"));
  EXPECT_TRUE(MayRead(kRoleReviewer, {}, "102"));
}

TEST(ServerAuth, PasswordsAreArgon2id) {
  std::string hash = HashPassword("秘密 password");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(VerifyPassword("秘密 password", hash));
  EXPECT_FALSE(VerifyPassword("秘密 passwore", hash));
  EXPECT_NE(HashPassword("秘密 password"), hash);  // a fresh salt each time
}

}  // namespace
}  // namespace gongkai::server::testing
