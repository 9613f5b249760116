// Demo users and the bundled examples published (demo.h).
#include "server/demo.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/auth.h"
#include "server/documents.h"
#include "server/workflow.h"

namespace gongkai::server {

namespace fs = std::filesystem;

std::string BundledExamplesDir() {
  return (fs::path(BundledDataDir()).parent_path() / "examples").string();
}

DemoSeed SeedDemo(const Engine& engine, Store& store, const std::string& examples_dir) {
  DemoSeed seed;
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  // The examples are published only into a store without submissions; they are read in any
  // case, for the departments the users are bound to.
  const bool publish = store.CountSubmissions() == 0;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(examples_dir, ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> departments;  // distinct, in file order
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string name = path.filename().string();
    std::string department;
    if (publish) {
      ReviewedSource reviewed = ReviewSource(engine, text.str(), name);
      if (!reviewed.submission) {
        seed.skipped.push_back(name + "：" + reviewed.diagnostics[0].ToString());
        continue;
      }
      Submission& s = *reviewed.submission;
      department = s.department_code;
      s.submitted_by = "demo";
      s.created_at = now;
      int64_t id = store.AddSubmission(s);
      // Through the workflow, so that the history and the ledger show it 批复 and 公开.
      const std::pair<const char*, const char*> steps[] = {
          {kStateDraft, kStateDepartmentReview},
          {kStateDepartmentReview, kStateFinanceReview},
          {kStateFinanceReview, kStateApproved},
          {kStateApproved, kStatePublished}};
      for (auto [from, to] : steps) {
        store.AddTransition({id, 0, now, "demo", "演示数据", from, to, ""}, {});
      }
      store.Audit("demo", "演示数据：提交、批复并公开 #" + std::to_string(id) + "（" + name + "）",
                  "local", now);
      seed.published.push_back(name + " → #" + std::to_string(id));
    } else {
      Loaded loaded = engine.LoadText(text.str(), name);
      if (!loaded.ok()) continue;
      department = DepartmentKey(*loaded.department);
    }
    if (std::find(departments.begin(), departments.end(), department) == departments.end()) {
      departments.push_back(department);
    }
  }

  auto nth = [&](size_t i) { return i < departments.size() ? departments[i] : std::string(); };
  const DemoUser users[] = {{"tianbao", kRoleFiler, "", nth(0)},
                            {"zhuguan", kRoleDepartmentReviewer, "", nth(0)},
                            {"tianbao2", kRoleFiler, "", nth(1)},
                            {"shenhe", kRoleReviewer, "", ""},
                            {"admin", kRoleAdmin, "", ""}};
  for (DemoUser user : users) {
    user.password = RandomToken(6);
    store.PutUser({user.name, user.role, HashPassword(user.password), user.department});
    store.Audit("demo",
                "演示用户 " + user.name + "（" + user.role +
                    (user.department.empty() ? "" : "，所属 " + user.department) + "）",
                "local", now);
    seed.users.push_back(std::move(user));
  }
  return seed;
}

}  // namespace gongkai::server
