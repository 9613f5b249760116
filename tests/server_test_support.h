// The fixture of the server's tests: a server on 127.0.0.1 (an ephemeral port) over a fresh
// store of the kind the test is instantiated with, users of every role (filer and zhuguan in
// 示例区示例局, minimal.yaml's department), and helpers to sign in, post, get, move a
// submission through the workflow, and read the audit log.
#ifndef GONGKAI_TESTS_SERVER_TEST_SUPPORT_H_
#define GONGKAI_TESTS_SERVER_TEST_SUPPORT_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/auth.h"
#include "server/server.h"
#include "server/store.h"
#include "test_support.h"

namespace gongkai::server::testing {

namespace fs = std::filesystem;
using nlohmann::json;

inline const Engine& SharedEngine() {
  static const Engine engine({gongkai::testing::DataDir(), {}, &CairoDrawing()});
  return engine;
}

inline std::string ReadExample(const std::string& name) {
  std::ifstream in(gongkai::testing::ExamplePath(name), std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline fs::path FreshDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("gongkai-server-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// minimal.yaml's department (it has no code: its name is its key), and another one's, whose
// users are filer2 and zhuguan2.
inline constexpr const char* kOwnDepartment = "示例区示例局";
inline constexpr const char* kOtherExample = "institution-transfers-2023.yaml";
inline constexpr const char* kOtherDepartment = "示例区示例中心";

inline bool HasChinese(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
}

// A submission of 示例局 2024 with the source "x: 1\n" and no findings, for the store alone.
inline Submission SampleSubmission() {
  Submission s;
  s.department_code = s.department_name = "示例局";
  s.year = 2024;
  s.kind = "预算";
  s.source_name = "a.yaml";
  s.source = "x: 1\n";
  s.submitted_by = "filer";
  s.findings_json = "[]";
  return s;
}

// A source of `name` with its department renamed (another department, same content).
std::string InDepartment(const std::string& example, const std::string& department);

// Where a test's stores come from: "sqlite" (a file in a fresh directory) or "postgres" (a
// fresh database on a throwaway server, server_test_postgres.cc). Open() may be called again
// to reopen the same database (a restart); `readers` as OpenStore takes it.
class TestDatabase {
 public:
  TestDatabase(const std::string& kind, const std::string& test_name);
  std::unique_ptr<Store> Open(int readers = DefaultStoreReaders()) const;
  const std::string& uri() const { return uri_; }
  bool skipped() const { return !skip_.empty(); }
  const std::string& skip_reason() const { return skip_; }
  const std::string& error() const { return error_; }  // could not be made

 private:
  std::string kind_, uri_, skip_, error_;
};

// A fresh database on the tests' PostgreSQL server (server_test_postgres.cc): its URI, or ""
// with *skip (no server binaries) or *error.
std::string PostgresTestDatabase(const std::string& name, std::string* skip, std::string* error);

// The store kinds every server test runs against ("sqlite", and "postgres").
std::vector<std::string> StoreKinds();

struct SignedIn {
  int status = 0;
  std::string name, cookie, csrf;
};

class ServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override { Stop(); }
  void Start();
  void Stop();

  httplib::Client Client();
  SignedIn Login(const std::string& name, const std::string& password);
  // Signed in as `name` (password name-pw), once per test: the session is kept.
  SignedIn As(const std::string& name);
  httplib::Result Post(const SignedIn& who, const std::string& path, const std::string& body,
                       bool with_csrf = true, const std::string& type = "application/yaml");
  httplib::Result PostJson(const SignedIn& who, const std::string& path, const json& body) {
    return Post(who, path, body.dump(), true, "application/json");
  }
  httplib::Result Get(const SignedIn& who, const std::string& path);

  int64_t SubmitMinimal(const SignedIn& who) { return SubmitExample(who, "minimal.yaml"); }
  int64_t SubmitExample(const SignedIn& who, const std::string& example);
  int64_t Upload(const SignedIn& who, const std::string& source);
  // Explanations for every 错误 finding of `id` ({key: text}).
  json ExplainAll(int64_t id);
  // Moves `id` along the workflow to `state` as the right people would (filer and zhuguan, or
  // with `suffix` "2" filer2 and zhuguan2 of the other department), asserting each step's 200.
  void Walk(int64_t id, const std::string& state, const std::string& suffix = "");
  std::string StateOf(int64_t id) { return store_->GetSubmission(id)->state; }

  bool AuditHas(const std::string& who, const std::string& what_part);
  size_t AuditSize() { return store_->AuditLog(100000).size(); }

  std::map<std::string, SignedIn> sessions_;
  ServerOptions options_;  // what Start() serves with (host and port are set there)
  // The engine Start() serves with when set (a test of cold caches), else SharedEngine().
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

inline std::string StoreKindName(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

}  // namespace gongkai::server::testing

#endif  // GONGKAI_TESTS_SERVER_TEST_SUPPORT_H_
