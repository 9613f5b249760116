// Precision of the rule set: a consistent document gives no finding. 1,000 generated departments
// check clean, also after recording their own disclosure as declared figures; for the
// examples, declaring their own disclosure adds no finding to what the detail alone gives.
#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "model/synthetic_department.h"
#include "review/checker.h"
#include "review/declare.h"
#include "test_support.h"

namespace gongkai {
namespace {

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings)
    out += "\n  " + f.rule + " " + f.message + " @ " + f.where.ToString();
  return out;
}

std::vector<Finding> CheckDept(const Department& d) {
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  return RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"));
}

TEST(Precision, GeneratedDepartmentsCheckClean) {
  auto catalog = testing::Catalogs()(2023);
  for (uint64_t seed = 0; seed < 1000; ++seed) {
    Department d = MakeSyntheticDepartment(seed, catalog);
    d.source_path = "synthetic-" + std::to_string(seed);
    auto plain = CheckDept(d);
    EXPECT_TRUE(plain.empty()) << "seed " << seed << Describe(plain);
    Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
    d.declared = DeclareFromDisclosure(d, doc);
    ASSERT_FALSE(d.declared.cells.empty());
    auto declared = CheckDept(d);
    EXPECT_TRUE(declared.empty()) << "seed " << seed << " with its own disclosure declared"
                                  << Describe(declared);
  }
}

class ExamplePrecision : public ::testing::TestWithParam<std::string> {};

TEST_P(ExamplePrecision, OwnDisclosureAddsNoFinding) {
  Department d = LoadSource(testing::ExamplePath(GetParam()), testing::Catalogs());
  d.declared = Declared();  // the detail alone
  auto baseline = CheckDept(d);
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  d.declared = DeclareFromDisclosure(d, doc);
  auto declared = CheckDept(d);
  std::vector<std::string> a, b;
  for (const auto& f : baseline) a.push_back(f.rule + f.message);
  for (const auto& f : declared) b.push_back(f.rule + f.message);
  EXPECT_EQ(a, b) << "with declared:" << Describe(declared) << "\nwithout:" << Describe(baseline);
}

INSTANTIATE_TEST_SUITE_P(Examples, ExamplePrecision,
                         ::testing::Values("xinzhou-gov-office-2023.yaml",
                                           "dongxihu-finance-2023.yaml", "minimal.yaml",
                                           "institution-transfers-2023.yaml"),
                         testing::ExampleName());

}  // namespace
}  // namespace gongkai
