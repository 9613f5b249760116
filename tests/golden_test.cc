// Golden files: the rendered HTML and JSON of both examples must not change unnoticed.
// After an intended change, regenerate with:  GONGKAI_UPDATE_GOLDEN=1 build/tests/gongkai_tests
// and review the diff in tests/golden/.
#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "engine/engine.h"
#include "render/html_renderer.h"
#include "render/json_renderer.h"
#include "test_support.h"

namespace gongkai {
namespace {

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, HtmlAndJson) {
  // Through the engine, so that a 决算 gets its 年初预算 from the budget it names.
  static const Engine engine({testing::DataDir(), {}, &CairoDrawing()});
  Loaded loaded = engine.Load(testing::ExamplePath(GetParam() + ".yaml"));
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics[0].ToString();
  Document doc = engine.Disclose(*loaded.department);
  testing::CompareGolden(RenderJson(doc), GetParam() + ".json");
  testing::CompareGolden(RenderHtml(doc), GetParam() + ".html");
}

INSTANTIATE_TEST_SUITE_P(
    Examples, GoldenTest,
    ::testing::Values("xinzhou-gov-office-2023", "dongxihu-finance-2023", "funing-finance-2021",
                      "bazhou-finance-2022", "minimal", "institution-transfers-2023",
                      "sample-science-bureau-2024-budget", "sample-science-bureau-2024-final",
                      "putuo-finance-2024-final", "sample-central-bureau-2024-final",
                      "sample-xian-bureau-2022-final"),
    testing::ExampleName());

}  // namespace
}  // namespace gongkai
