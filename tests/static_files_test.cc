// The web front end served at /app/ (server/static_files.h), from a small built directory
// made here: files with their content types and the front end's own Content-Security-Policy
// (once), the SPA fallback to index.html, 404 for a missing asset and for a directory, no way
// out of the directory (raw requests, since a client library would normalise the path), and
// the Chinese 404 page that says how to build when there is no build.
#include "server/static_files.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "server/server.h"
#include "server/store.h"
#include "test_support.h"

namespace gongkai::server {
namespace {

namespace fs = std::filesystem;

const Engine& SharedEngine() {
  static const Engine engine({testing::DataDir(), {}, &CairoDrawing()});
  return engine;
}

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

constexpr const char* kIndex = "<!DOCTYPE html><div id=\"app\"></div><!-- the app -->";
constexpr const char* kSecret = "secret outside the web directory";

class StaticFilesTest : public ::testing::Test {
 protected:
  void Start(const std::string& web_dir) {
    store_ = OpenSqliteStore(":memory:");
    ServerOptions options;
    options.port = 0;
    options.web_dir = web_dir;
    server_ = std::make_unique<Server>(SharedEngine(), *store_, options);
    std::string error;
    port_ = server_->Bind(&error);
    ASSERT_GT(port_, 0) << error;
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (server_) {
      server_->Stop();
      thread_.join();
    }
    for (const fs::path& dir : own_dirs_) fs::remove_all(dir);
  }
  httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path.c_str());
  }
  // A directory of this test's own: ctest runs the tests of this file in parallel processes,
  // which must not remove each other's files.
  fs::path OwnDir(const std::string& base) {
    own_dirs_.push_back(fs::temp_directory_path() /
                        (base + "-" +
                         ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
                         std::to_string(getpid())));
    return own_dirs_.back();
  }
  std::vector<fs::path> own_dirs_;  // removed by TearDown
  // A built front end in dist/, with a file beside it that must stay out of reach.
  fs::path Built() {
    fs::path root = OwnDir("gongkai-static-files-test");
    fs::remove_all(root);
    Write(root / "dist" / "index.html", kIndex);
    Write(root / "dist" / "assets" / "index-AbC123.js", "console.log('app')");
    Write(root / "dist" / "assets" / "index-AbC123.css", "body{margin:0}");
    Write(root / "secret.txt", kSecret);
    return root / "dist";
  }

  std::unique_ptr<Store> store_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(StaticFilesTest, ServesTheBuiltFilesWithTheirTypesAndTheAppPolicy) {
  Start(Built().string());
  auto index = Get("/app/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, kIndex);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  // One policy, the front end's: a browser would enforce a second (the portal's, no scripts).
  EXPECT_EQ(index->get_header_value_count("Content-Security-Policy"), 1u);
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");

  auto script = Get("/app/assets/index-AbC123.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->body, "console.log('app')");
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script->get_header_value_count("Cache-Control"), 1u);
  EXPECT_NE(script->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  auto style = Get("/app/assets/index-AbC123.css");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->get_header_value("Content-Type"), "text/css; charset=utf-8");

  auto bare = Get("/app");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->status, 302);
  EXPECT_EQ(bare->get_header_value("Location"), "/app/");
}

TEST_F(StaticFilesTest, PagesOfTheAppGetIndexHtmlButMissingAssetsAndDirectoriesAre404) {
  Start(Built().string());
  for (const char* page : {"/app/login", "/app/submissions/12", "/app/public/overview"}) {
    auto res = Get(page);
    ASSERT_TRUE(res) << page;
    EXPECT_EQ(res->status, 200) << page;
    EXPECT_EQ(res->body, kIndex) << page;
    EXPECT_EQ(res->get_header_value_count("Content-Security-Policy"), 1u) << page;
  }
  for (const char* missing : {"/app/assets/gone-123.js", "/app/assets/"}) {
    auto res = Get(missing);
    ASSERT_TRUE(res) << missing;
    EXPECT_EQ(res->status, 404) << missing;
    EXPECT_EQ(res->body.find("index-AbC123"), std::string::npos) << missing << ": a listing";
  }
  // The portal and the API are not the app's.
  auto portal = Get("/");
  ASSERT_TRUE(portal);
  EXPECT_NE(portal->body.find("href=\"/app/\""), std::string::npos) << "the portal links to /app/";
  EXPECT_EQ(portal->get_header_value("Content-Security-Policy").find("script-src"),
            std::string::npos);
}

TEST_F(StaticFilesTest, NoPathLeavesTheDirectory) {
  Start(Built().string());
  for (const char* target :
       {"/app/../secret.txt", "/app/assets/../../secret.txt", "/app/%2e%2e/secret.txt",
        "/app/assets/%2e%2e/%2e%2e/secret.txt", "/app/..%2fsecret.txt", "/app/%2e%2e%2fsecret.txt",
        "/app/assets/..%5c..%5csecret.txt", "/app/../../../../../etc/passwd"}) {
    std::string answer = testing::RawGet(port_, target);
    ASSERT_FALSE(answer.empty()) << target;
    EXPECT_EQ(answer.find(kSecret), std::string::npos) << target;
    EXPECT_EQ(answer.find("root:"), std::string::npos) << target;
    EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), std::string::npos) << target << "\n" << answer;
  }
}

TEST_F(StaticFilesTest, WithoutABuildTheAppSaysHowToBuildIt) {
  fs::path empty = OwnDir("gongkai-static-files-test-empty");
  fs::remove_all(empty);
  fs::create_directories(empty);
  Start(empty.string());
  for (const char* path : {"/app/", "/app/login"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_NE(res->body.find("make web"), std::string::npos) << res->body;
    EXPECT_NE(res->body.find("尚未构建"), std::string::npos) << res->body;
  }
  auto portal = Get("/");
  ASSERT_TRUE(portal);
  EXPECT_EQ(portal->status, 200);
}

TEST(StaticFiles, TheBundledDirectoryIsWebDistBesideTheData) {
  EXPECT_EQ(fs::path(BundledWebDir()).filename(), "dist");
  EXPECT_EQ(fs::path(BundledWebDir()).parent_path().filename(), "web");
}

}  // namespace
}  // namespace gongkai::server
