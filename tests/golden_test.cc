// Golden files: the rendered HTML and JSON of both examples must not change unnoticed.
// After an intended change, regenerate with:  GONGKAI_UPDATE_GOLDEN=1 build/tests/gongkai_tests
// and review the diff in tests/golden/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "disclosure/disclosure.h"
#include "engine/engine.h"
#include "render/html_renderer.h"
#include "render/json_renderer.h"
#include "test_support.h"

namespace gongkai {
namespace {

void CompareGolden(const std::string& actual, const std::string& name) {
  std::string path = testing::SourceDir() + "/tests/golden/" + name;
  if (const char* update = std::getenv("GONGKAI_UPDATE_GOLDEN");
      update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::string expected = testing::ReadFile(path);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << path;
  if (expected == actual) return;
  // Point at the first differing line rather than dumping both documents.
  size_t line = 1, i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
    if (expected[i] == '\n') ++line;
    ++i;
  }
  auto excerpt = [&](const std::string& s) { return s.substr(s.rfind('\n', i) + 1, 160); };
  FAIL() << name << " differs from the golden file at line " << line
         << "\n  expected: " << excerpt(expected) << "\n  actual:   " << excerpt(actual);
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, HtmlAndJson) {
  // Through the engine, so that a 决算 gets its 年初预算 from the budget it names.
  static const Engine engine({testing::DataDir(), {}});
  Loaded loaded = engine.Load(testing::ExamplePath(GetParam() + ".yaml"));
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics[0].ToString();
  Document doc = engine.Disclose(*loaded.department);
  CompareGolden(RenderJson(doc), GetParam() + ".json");
  CompareGolden(RenderHtml(doc), GetParam() + ".html");
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenTest,
                         ::testing::Values("xinzhou-gov-office-2023", "dongxihu-finance-2023",
                                           "funing-finance-2021", "bazhou-finance-2022", "minimal",
                                           "institution-transfers-2023",
                                           "sample-science-bureau-2024-budget",
                                           "sample-science-bureau-2024-final",
                                           "putuo-finance-2024-final",
                                           "sample-central-bureau-2024-final"),
                         testing::ExampleName());

}  // namespace
}  // namespace gongkai
