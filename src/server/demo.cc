// Demo users and the bundled examples published (demo.h).
#include "server/demo.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/auth.h"
#include "server/documents.h"

namespace gongkai::server {

namespace fs = std::filesystem;

std::string BundledExamplesDir() {
  return (fs::path(BundledDataDir()).parent_path() / "examples").string();
}

DemoSeed SeedDemo(const Engine& engine, Store& store, const std::string& examples_dir) {
  DemoSeed seed;
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  for (auto [name, role] : {std::pair{"tianbao", kRoleFiler}, std::pair{"shenhe", kRoleReviewer},
                            std::pair{"admin", kRoleAdmin}}) {
    DemoUser user{name, role, RandomToken(6)};
    store.PutUser({user.name, user.role, HashPassword(user.password)});
    store.Audit("demo", "演示用户 " + user.name + "（" + user.role + "）", "local", now);
    seed.users.push_back(std::move(user));
  }
  if (store.CountSubmissions() > 0) return seed;

  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(examples_dir, ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string name = path.filename().string();
    ReviewedSource reviewed = ReviewSource(engine, text.str(), name);
    if (!reviewed.submission) {
      seed.skipped.push_back(name + "：" + reviewed.diagnostics[0].ToString());
      continue;
    }
    Submission& s = *reviewed.submission;
    s.submitted_by = "demo";
    s.created_at = now;
    int64_t id = store.AddSubmission(s);
    store.Publish(id, now);
    store.Audit("demo", "演示数据：提交并发布 #" + std::to_string(id) + "（" + name + "）", "local",
                now);
    seed.published.push_back(name + " → #" + std::to_string(id));
  }
  return seed;
}

}  // namespace gongkai::server
