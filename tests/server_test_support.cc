// The server tests' fixture (server_test_support.h).
#include "server_test_support.h"

namespace gongkai::server::testing {

std::string InDepartment(const std::string& example, const std::string& department) {
  std::string text = ReadExample(example);
  const std::string from = "  name: " + std::string(kOwnDepartment) + "\n";
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos) text.replace(at, from.size(), "  name: " + department + "\n");
  return text;
}

void ServerTest::SetUp() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  database_ = std::make_unique<TestDatabase>(GetParam(), std::string(info->name()));
  if (database_->skipped()) GTEST_SKIP() << database_->skip_reason();
  ASSERT_TRUE(database_->error().empty()) << database_->error();
  store_ = database_->Open();
  store_->PutUser({"filer", kRoleFiler, HashPassword("filer-pw"), kOwnDepartment});
  store_->PutUser({"zhuguan", kRoleDepartmentReviewer, HashPassword("zhuguan-pw"), kOwnDepartment});
  store_->PutUser({"reviewer", kRoleReviewer, HashPassword("reviewer-pw"), ""});
  store_->PutUser({"admin", kRoleAdmin, HashPassword("admin-pw"), ""});
  store_->PutUser({"filer2", kRoleFiler, HashPassword("filer2-pw"), kOtherDepartment});
  store_->PutUser(
      {"zhuguan2", kRoleDepartmentReviewer, HashPassword("zhuguan2-pw"), kOtherDepartment});
  Start();
}

void ServerTest::Start() {
  ServerOptions options = options_;
  options.host = "127.0.0.1";
  options.port = 0;
  server_ = std::make_unique<Server>(engine_ ? *engine_ : SharedEngine(), *store_, options);
  std::string error;
  port_ = server_->Bind(&error);
  ASSERT_GT(port_, 0) << error;
  thread_ = std::thread([this] { server_->Run(); });
}

void ServerTest::Stop() {
  if (!server_) return;
  server_->Stop();
  thread_.join();
  server_.reset();
}

httplib::Client ServerTest::Client() {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(std::chrono::seconds(60));
  return c;
}

SignedIn ServerTest::Login(const std::string& name, const std::string& password) {
  auto res = Client().Post("/api/login", json{{"name", name}, {"password", password}}.dump(),
                           "application/json");
  SignedIn out;
  out.name = name;
  if (!res) return out;
  out.status = res->status;
  std::string set_cookie = res->get_header_value("Set-Cookie");
  out.cookie = set_cookie.substr(0, set_cookie.find(';'));
  if (res->status == 200) out.csrf = json::parse(res->body)["csrf_token"];
  return out;
}

SignedIn ServerTest::As(const std::string& name) {
  auto it = sessions_.find(name);
  if (it != sessions_.end()) return it->second;
  SignedIn who = Login(name, name + "-pw");
  EXPECT_EQ(who.status, 200) << name;
  if (who.status == 200) sessions_[name] = who;
  return who;
}

httplib::Result ServerTest::Post(const SignedIn& who, const std::string& path,
                                 const std::string& body, bool with_csrf, const std::string& type) {
  httplib::Headers headers = {{"Cookie", who.cookie}};
  if (with_csrf) headers.emplace("X-CSRF-Token", who.csrf);
  return Client().Post(path.c_str(), headers, body, type.c_str());
}

httplib::Result ServerTest::Get(const SignedIn& who, const std::string& path) {
  return Client().Get(path.c_str(), {{"Cookie", who.cookie}});
}

int64_t ServerTest::SubmitExample(const SignedIn& who, const std::string& example) {
  return Upload(who, ReadExample(example));
}

int64_t ServerTest::Upload(const SignedIn& who, const std::string& source) {
  auto res = Post(who, "/api/submissions", source);
  EXPECT_TRUE(res);
  if (!res) return 0;
  EXPECT_EQ(res->status, 201) << res->body;
  if (res->status != 201) return 0;
  return json::parse(res->body)["id"];
}

json ServerTest::ExplainAll(int64_t id) {
  json out = json::object();
  auto res = Get(As("admin"), "/api/submissions/" + std::to_string(id) + "/findings");
  EXPECT_TRUE(res && res->status == 200);
  if (!res || res->status != 200) return out;
  const json findings = json::parse(res->body)["findings"];
  for (const auto& f : findings) {
    if (f["severity"] == "error") out[f["key"].get<std::string>()] = "已核实，说明见附件。";
  }
  return out;
}

void ServerTest::Walk(int64_t id, const std::string& state, const std::string& suffix) {
  const std::string base = "/api/submissions/" + std::to_string(id);
  struct Step {
    const char* who;
    const char* action;
    const char* reaches;
  };
  const Step steps[] = {{"filer", "/submit", "主管部门审核"},
                        {"zhuguan", "/approve", "财政审核"},
                        {"reviewer", "/approve", "已批复"},
                        {"reviewer", "/publish", "已公开"}};
  for (const Step& step : steps) {
    if (StateOf(id) == state) return;
    json body = json::object();
    if (std::string(step.action) == "/submit") body["explanations"] = ExplainAll(id);
    std::string who = step.who;
    if (who != "reviewer") who += suffix;
    auto res = PostJson(As(who), base + step.action, body);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << who << step.action << " " << res->body;
    ASSERT_EQ(json::parse(res->body)["state"], step.reaches);
  }
  ASSERT_EQ(StateOf(id), state);
}

bool ServerTest::AuditHas(const std::string& who, const std::string& what_part) {
  for (const auto& e : store_->AuditLog(1000)) {
    if (e.who == who && e.what.find(what_part) != std::string::npos) return true;
  }
  return false;
}

// --- stores ---

TestDatabase::TestDatabase(const std::string& kind, const std::string& test_name) : kind_(kind) {
  std::string name = test_name;
  for (char& ch : name) {
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  if (kind == "sqlite") {
    uri_ = (FreshDir(name) / "t.db").string();
  } else if (kind == "postgres") {
    uri_ = PostgresTestDatabase(name, &skip_, &error_);
  } else {
    error_ = "unknown store kind " + kind;
  }
}

std::unique_ptr<Store> TestDatabase::Open(int readers) const {
  return kind_ == "postgres" ? OpenPostgresStore(uri_, readers) : OpenSqliteStore(uri_, readers);
}

std::vector<std::string> StoreKinds() { return {"sqlite", "postgres"}; }

}  // namespace gongkai::server::testing
