// Every indicator value of every re-encoded seed either parses (number, range, reference or
// graded value) or is reported by PRF-004 — none is silently dropped.
#include <gtest/gtest.h>

#include <filesystem>

#include "disclosure/disclosure.h"
#include "review/checker.h"
#include "test_support.h"

namespace gongkai {
namespace {

TEST(SeedValues, EveryValueParsesOrIsReported) {
  int files = 0, values = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourceDir() + "/examples")) {
    if (entry.path().extension() != ".yaml") continue;
    Department d = LoadSource(entry.path().string(), testing::Catalogs());
    if (!d.performance.present) continue;
    ++files;
    int unparsed = 0;
    auto count = [&](const std::vector<Goal>& goals) {
      for (const auto& g : goals) {
        for (const auto& i : g.indicators) {
          for (const IndicatorValue* v : {&i.value, &i.last, &i.before_last}) {
            if (v->kind == IndicatorValue::kEmpty) continue;
            ++values;
            if (v->kind == IndicatorValue::kUnparsed) {
              ++unparsed;
              EXPECT_FALSE(v->error.empty()) << v->raw;
            }
          }
        }
      }
    };
    count(d.performance.department.long_term);
    count(d.performance.department.annual);
    for (const auto& p : d.performance.projects) {
      count(p.long_term);
      count(p.annual);
    }
    Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
    CheckOptions only;
    only.only = {"PRF-004"};
    auto findings = RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"), only);
    EXPECT_EQ(static_cast<int>(findings.size()), unparsed) << entry.path();
  }
  EXPECT_EQ(files, 4);     // seeds 000, 002, 003, 004
  EXPECT_GT(values, 800);  // all their indicator values (831 when written) were looked at
}

}  // namespace
}  // namespace gongkai
