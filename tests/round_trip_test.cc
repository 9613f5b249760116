// Round trips of the source format: YAML → model → JSON → model → YAML gives back the same
// model and the same text, for every example.
#include <gtest/gtest.h>

#include "source/source_writer.h"
#include "test_support.h"

namespace gongkai {
namespace {

class RoundTripTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RoundTripTest, YamlJsonYaml) {
  Department original = LoadSource(testing::ExamplePath(GetParam()), testing::Catalogs());
  std::string yaml = WriteSourceYaml(original);
  std::string json = WriteSourceJson(original);
  Department from_json = ParseSource(json, "roundtrip.json", testing::Catalogs());
  Department from_yaml = ParseSource(yaml, "roundtrip.yaml", testing::Catalogs());
  // Same model: the writers are deterministic, so equal text means equal content.
  EXPECT_EQ(WriteSourceYaml(from_json), yaml);
  EXPECT_EQ(WriteSourceJson(from_yaml), json);
  EXPECT_EQ(WriteSourceYaml(from_yaml), yaml);
  // And nothing was lost on the way: line count, amounts and texts.
  ASSERT_EQ(from_json.lines.size(), original.lines.size());
  for (size_t i = 0; i < original.lines.size(); ++i) {
    EXPECT_EQ(from_json.lines[i].amount, original.lines[i].amount);
    EXPECT_EQ(from_json.lines[i].function, original.lines[i].function);
    EXPECT_EQ(from_json.lines[i].project_id, original.lines[i].project_id);
  }
  EXPECT_EQ(from_json.functions, original.functions);
  EXPECT_EQ(from_json.goals, original.goals);
  EXPECT_EQ(from_json.comparisons.size(), original.comparisons.size());
  EXPECT_EQ(from_json.procurement.size(), original.procurement.size());
  EXPECT_EQ(from_json.staffing.actual, original.staffing.actual);
}

INSTANTIATE_TEST_SUITE_P(
    Examples, RoundTripTest,
    ::testing::Values("xinzhou-gov-office-2023.yaml", "dongxihu-finance-2023.yaml",
                      "funing-finance-2021.yaml", "bazhou-finance-2022.yaml", "minimal.yaml",
                      "institution-transfers-2023.yaml", "sample-science-bureau-2024-budget.yaml",
                      "sample-science-bureau-2024-final.yaml", "putuo-finance-2024-final.yaml",
                      "sample-central-bureau-2024-final.yaml",
                      "sample-xian-bureau-2022-final.yaml"),
    testing::ExampleName());

}  // namespace
}  // namespace gongkai
