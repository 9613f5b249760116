// docs/rules.md is generated from the registry: `build/gongkai rules --markdown > docs/rules.md`.
#include <gtest/gtest.h>

#include "review/checker.h"
#include "test_support.h"

namespace gongkai {
namespace {

TEST(RulesDoc, IsUpToDate) {
  std::string doc = testing::ReadFile(testing::SourceDir() + "/docs/rules.md");
  EXPECT_EQ(doc, RulesMarkdown())
      << "docs/rules.md is stale: run build/gongkai rules --markdown > docs/rules.md";
}

TEST(RulesDoc, AtLeastSixtyRulesWithRationale) {
  EXPECT_GE(AllRules().size(), 60u);
  for (const auto& r : AllRules()) {
    EXPECT_FALSE(r.rationale.empty()) << r.id;
    EXPECT_FALSE(r.basis.empty()) << r.id;
    EXPECT_FALSE(r.profiles.empty()) << r.id;
  }
}

}  // namespace
}  // namespace gongkai
