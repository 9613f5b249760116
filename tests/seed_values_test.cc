// Every indicator value of every re-encoded seed is understood: it parses (number, range,
// reference, graded value or a placeholder for "not filled"), or it is a description written
// into the value column — one of the cases below, which PRF-004 reports once per indicator. No
// value is left unparsed, and none is silently dropped.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "disclosure/disclosure.h"
#include "review/checker.h"
#include "test_support.h"

namespace gongkai {
namespace {

// Values the published documents really hold that are no indicator value: a sentence written
// into the value column. They are classified as descriptions, so that the review says so.
const std::map<std::string, std::string>& Descriptions() {
  static const std::map<std::string, std::string> kExceptions = {
      {"统筹管理区级预算资金", "seed 002: the indicator's description written as its value"},
      {"提高财政资金的使用效率，做到节俭高效", "seed 002: a goal sentence written as the value"},
  };
  return kExceptions;
}

TEST(SeedValues, EveryValueParsesOrIsReported) {
  int files = 0, values = 0;
  std::set<std::string> exceptions_seen;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourceDir() + "/examples")) {
    if (entry.path().extension() != ".yaml") continue;
    Department d = LoadSource(entry.path().string(), testing::Catalogs());
    if (!d.performance.present) continue;
    ++files;
    int described = 0;
    auto count = [&](const std::vector<Goal>& goals) {
      for (const auto& g : goals) {
        for (const auto& i : g.indicators) {
          bool any = false;
          for (const IndicatorValue* v : {&i.value, &i.last, &i.before_last}) {
            if (v->kind == IndicatorValue::kEmpty) continue;
            ++values;
            EXPECT_NE(v->kind, IndicatorValue::kUnparsed)
                << entry.path() << ": 「" << v->raw << "」 is unparsed: " << v->error;
            if (v->kind == IndicatorValue::kDescription) {
              any = true;
              EXPECT_FALSE(v->error.empty()) << v->raw;
              EXPECT_TRUE(Descriptions().count(v->raw))
                  << entry.path() << ": 「" << v->raw << "」 is taken for a description";
              exceptions_seen.insert(v->raw);
            }
          }
          described += any;  // PRF-004 reports an indicator once, whatever its columns
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
    EXPECT_EQ(static_cast<int>(findings.size()), described) << entry.path();
  }
  // An exception no example holds any more is stale.
  for (const auto& [raw, why] : Descriptions())
    EXPECT_TRUE(exceptions_seen.count(raw)) << "stale exception 「" << raw << "」 (" << why << ")";
  EXPECT_EQ(files, 4);     // seeds 000, 002, 003, 004
  EXPECT_GT(values, 800);  // all their indicator values (831 when written) were looked at
}

}  // namespace
}  // namespace gongkai
