// Rule selection by profile and per-region settings (data/check/<region>.csv).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "disclosure/disclosure.h"
#include "refdata/framework.h"
#include "review/checker.h"
#include "review/scoring.h"
#include "test_support.h"

namespace gongkai {
namespace {

std::vector<Finding> CheckMinimal(const CheckConfig& config, const CheckOptions& options = {}) {
  Department d = LoadSource(testing::ExamplePath("minimal.yaml"), testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  return RunChecks(d, doc, config, options);
}

int Count(const std::vector<Finding>& findings, const std::string& rule) {
  int n = 0;
  for (const auto& f : findings) n += f.rule == rule;
  return n;
}

TEST(CheckConfig, ProfilesSelectRules) {
  auto profiles = AllProfiles();
  ASSERT_EQ(profiles.size(), 2u);
  CheckConfig config = CheckConfig::Load(testing::DataDir(), "default");
  // minimal.yaml has no 三公 comparison: CMP-005, in both profiles, reports it.
  EXPECT_GT(Count(CheckMinimal(config, {"预算公开", {}}), "CMP-005"), 0);
  // PLS-006 (sudden changes) belongs to 内部审核 only.
  for (const auto& r : AllRules()) {
    if (r.id == "PLS-006") {
      EXPECT_EQ(r.profiles, std::vector<std::string>{"内部审核"});
    }
  }
  CheckOptions only;
  only.only = {"CMP-016"};
  auto findings = CheckMinimal(config, only);
  ASSERT_FALSE(findings.empty());
  for (const auto& f : findings) EXPECT_EQ(f.rule, "CMP-016");
}

TEST(CheckConfig, RegionFileChangesSeverityAndSwitchesRulesOff) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "gongkai-region-data";
  std::filesystem::create_directories(dir / "check");
  std::ofstream(dir / "check" / "testregion.csv") << "key,value,reason\n"
                                                     "severity.CMP-016,提示,本地区另行审核职能\n"
                                                     "disable.CMP-005,1,本地区只公开合计\n"
                                                     "threshold.change_percent,5,\n";
  CheckConfig config = CheckConfig::Load(dir.string(), "testregion");
  EXPECT_EQ(config.Reason("CMP-016"), "本地区另行审核职能");
  EXPECT_EQ(config.Reason("CMP-005"), "本地区只公开合计");
  EXPECT_EQ(config.Reason("BAL-001"), "");
  EXPECT_EQ(config.Number("threshold.change_percent", 30), 5);
  config.data_dir = testing::DataDir();  // frameworks from the bundled data
  auto findings = CheckMinimal(config);
  EXPECT_EQ(Count(findings, "CMP-005"), 0);
  ASSERT_GT(Count(findings, "CMP-016"), 0);
  for (const auto& f : findings) {
    if (f.rule == "CMP-016") {
      EXPECT_EQ(f.severity, Severity::kInfo);
    }
  }
  std::ofstream(dir / "check" / "badregion.csv") << "key,value\nseverity.CMP-016,严重\n";
  EXPECT_THROW(CheckConfig::Load(dir.string(), "badregion"), CatalogError);
  EXPECT_THROW(CheckConfig::Load(dir.string(), "nosuchregion"), CatalogError);
}

// A rule switched off or downgraded says why; without a reason the file is refused, naming
// the line. A file without the column is refused the same way when it changes a rule.
TEST(CheckConfig, ChangedRulesNeedAReason) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "gongkai-region-reason";
  std::filesystem::create_directories(dir / "check");
  std::ofstream(dir / "check" / "noreason.csv") << "key,value,reason\n"
                                                   "threshold.change_percent,5,\n"
                                                   "disable.CMP-005,1,\n";
  try {
    CheckConfig::Load(dir.string(), "noreason");
    ADD_FAILURE() << "a rule switched off without a reason was accepted";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("noreason.csv:3:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("disable.CMP-005"), std::string::npos) << e.what();
  }
  std::ofstream(dir / "check" / "nocolumn.csv") << "key,value\nseverity.CMP-016,提示\n";
  EXPECT_THROW(CheckConfig::Load(dir.string(), "nocolumn"), CatalogError);
  // Settings and rules left on need none.
  std::ofstream(dir / "check" / "plain.csv") << "key,value\nthreshold.change_percent,5\n"
                                                "disable.CMP-005,0\n";
  CheckConfig plain = CheckConfig::Load(dir.string(), "plain");
  EXPECT_TRUE(plain.reasons.empty());
  EXPECT_TRUE(plain.disabled.empty());
  // The bundled default file has the column.
  EXPECT_EQ(
      testing::ReadFile(testing::DataDir() + "/check/default.csv").rfind("key,value,reason\n", 0),
      0u);
}

// Names of data files are names: a path (absolute or with ..) never reaches outside the data
// directory, whichever way it arrives.
TEST(DataNames, PathsAreRefused) {
  for (const char* bad : {"/etc/ssl/x", "../../etc/passwd", "a/b", ".."}) {
    EXPECT_THROW(CheckConfig::Load(testing::DataDir(), bad), CatalogError) << bad;
    EXPECT_THROW(ScoringStandard::Load(testing::DataDir(), bad), CatalogError) << bad;
    try {
      Framework::Load(testing::DataDir(), bad);
      ADD_FAILURE() << bad;
    } catch (const CatalogError& e) {
      EXPECT_NE(std::string(e.what()).find("指标框架名称"), std::string::npos) << e.what();
    }
  }
  EXPECT_NO_THROW(Framework::Load(testing::DataDir(), "standard"));
}

// Data files may be the user's own: an alias cycle in a framework is refused, located.
TEST(DataNames, FrameworkWithAliasIsRefused) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "gongkai-alias-framework";
  fs::create_directories(dir / "perf" / "frameworks");
  std::ofstream(dir / "perf" / "frameworks" / "evil.yaml") << "name: x\nlevels: &a {a: [*a]}\n";
  try {
    Framework::Load(dir.string(), "evil");
    ADD_FAILURE() << "loaded";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("evil.yaml:2:17: 指标框架文件不支持 YAML 锚点与别名"),
              std::string::npos)
        << e.what();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
