// The scoring standard of seed 004 runs from its data file: mechanical parts are scored with
// reasons, judgement parts wait for the reviewer.
#include "review/scoring.h"

#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "review/checker.h"
#include "test_support.h"

namespace gongkai {
namespace {

std::vector<ScoreCard> ScoreText(const std::string& text, const ReviewerScores& reviewer = {}) {
  Department d = ParseSource(text, "score.yaml", testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  auto findings = RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"));
  static const ScoringStandard standard = ScoringStandard::Load(testing::DataDir(), "wuhan-2021");
  return ScoreDeclarations(d, findings, standard, reviewer);
}

std::string Base() { return testing::ReadFile(testing::SourceDir() + "/tests/rules/base.yaml"); }

// Replaces the first occurrence (the first project's declaration).
void ReplaceFirst(std::string* text, const std::string& from, const std::string& to) {
  size_t at = text->find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text->replace(at, from.size(), to);
}

const PartResult& Part(const ScoreCard& c, const std::string& item, const std::string& method) {
  for (const auto& ir : c.items) {
    if (ir.item->id != item) continue;
    for (const auto& pr : ir.parts) {
      if (pr.part->method == method) return pr;
    }
  }
  throw std::runtime_error("no part " + item + " " + method);
}

TEST(Scoring, StandardLoadsWithConsistentWeights) {
  auto s = ScoringStandard::Load(testing::DataDir(), "wuhan-2021");
  EXPECT_EQ(s.total, 100);
  EXPECT_EQ(s.items.size(), 19u);
  EXPECT_THROW(ScoringStandard::Load(testing::DataDir(), "no-such-standard"), CatalogError);
}

TEST(Scoring, CleanDeclarationGetsAllMechanicalPoints) {
  auto cards = ScoreText(Base());
  ASSERT_EQ(cards.size(), 4u);
  for (const auto& c : cards) {
    EXPECT_EQ(c.mechanical_score, c.mechanical_points) << c.project;
    EXPECT_EQ(c.mechanical_points, 26);
    EXPECT_EQ(c.open_points, 74);
    EXPECT_FALSE(c.total.has_value());
  }
}

TEST(Scoring, DeductionsCarryTheirReasons) {
  std::string text = Base();
  // 政务督查: a blank 项目负责人, an unparsed value, a detail that no longer adds up.
  ReplaceFirst(&text, "      leader: 张明\n", "");
  ReplaceFirst(&text, "value: \"≥120件\", basis", "value: \"统筹管理\", basis");
  ReplaceFirst(&text, "economic: 印刷费, amount: 10.05", "economic: 印刷费, amount: 12.05");
  auto cards = ScoreText(text);
  const ScoreCard& c = cards[0];
  EXPECT_EQ(c.project, "政务督查专项经费");
  EXPECT_EQ(*Part(c, "1.1", "required_fields").score, 3);
  EXPECT_NE(Part(c, "1.1", "required_fields").reason.find("项目负责人"), std::string::npos);
  EXPECT_EQ(*Part(c, "1.3", "calc_errors").score, 4);
  EXPECT_NE(Part(c, "1.3", "calc_errors").reason.find("支出明细测算合计52.17万元"),
            std::string::npos);
  EXPECT_EQ(*Part(c, "2.4", "unparsed_values").score, 3);
  EXPECT_NE(Part(c, "2.4", "unparsed_values").reason.find("「统筹管理」"), std::string::npos);
  EXPECT_EQ(*Part(c, "3.5", "quantified_share").score, 5);  // 6 of 7 quantified: 85.7%
}

TEST(Scoring, QuantifiedShareThresholds) {
  std::string text = Base();
  // Make three of the seven 政务督查 indicators qualitative: 4/7 = 57.1% → 扣3分.
  for (const char* v : {"name: 督查督办事项, value: \"≥120件\", basis",
                        "name: 重点工作按期完成率, value: \"≥95%\", basis",
                        "name: 被督查单位满意度, value: \"≥90%\", basis"}) {
    size_t at = text.find(v);
    ASSERT_NE(at, std::string::npos) << v;
    std::string replacement = std::string(v);
    replacement.replace(replacement.find("value: \"") + 8,
                        replacement.find("\", basis") - replacement.find("value: \"") - 8,
                        "有所提高");
    text.replace(at, std::string(v).size(), replacement);
  }
  auto cards = ScoreText(text);
  EXPECT_EQ(*Part(cards[0], "3.5", "quantified_share").score, 2);
  EXPECT_NE(Part(cards[0], "3.5", "quantified_share").reason.find("占比57.1%"), std::string::npos);
}

TEST(Scoring, ReviewerCompletesTheTotal) {
  ReviewerScores reviewer;
  for (const char* id : {"1.2", "1.4", "2.1", "2.2", "2.3", "2.5", "2.6", "2.7", "3.1", "3.2",
                         "3.3", "3.4", "4.1", "4.2", "4.3"}) {
    reviewer["*"][id] = 100;  // clamped to the judgement points of the item
  }
  reviewer["政务督查专项经费"]["4.3"] = 6;
  auto cards = ScoreText(Base(), reviewer);
  EXPECT_EQ(cards[0].total.value_or(-1), 98);  // 8 − 6 lost on 4.3 措施可行
  EXPECT_EQ(cards[1].total.value_or(-1), 100);
}

}  // namespace
}  // namespace gongkai
