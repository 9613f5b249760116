// Every rule has a passing and a failing fixture (tests/rules/cases.yaml): the passing one
// (tests/rules/base.yaml, plus the case's `pass` edits) must give no finding of the rule, the
// failing one (base plus the `fail` edits) at least one, at the rule's severity unless the
// case says otherwise. base.yaml must check completely clean. A rule without a case fails.
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>
#include <set>

#include "disclosure/disclosure.h"
#include "review/checker.h"
#include "test_support.h"

namespace gongkai {
namespace {

std::string RulesDir() { return testing::SourceDir() + "/tests/rules"; }

const YAML::Node& Cases() {
  static const YAML::Node cases = YAML::LoadFile(RulesDir() + "/cases.yaml");
  return cases;
}

// Applies find/replace edits; each `find` must occur exactly once.
std::string Apply(std::string text, const YAML::Node& edits, const std::string& what) {
  if (!edits) return text;
  for (const auto& e : edits) {
    std::string find = e["find"].as<std::string>();
    std::string replace = e["replace"] ? e["replace"].as<std::string>() : "";
    size_t pos = text.find(find);
    if (pos == std::string::npos) throw std::runtime_error(what + ": 找不到「" + find + "」");
    if (text.find(find, pos + 1) != std::string::npos) {
      throw std::runtime_error(what + ": 「" + find + "」出现不止一次");
    }
    text.replace(pos, find.size(), replace);
  }
  return text;
}

std::vector<Finding> Check(const std::string& text, const std::string& rule,
                           const std::string& name) {
  Department d = ParseSource(text, name, testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  CheckConfig config = CheckConfig::Load(testing::DataDir(), "default");
  CheckOptions options;
  if (!rule.empty()) options.only = {rule};
  return RunChecks(d, doc, config, options);
}

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += "\n  " + f.rule + " " + SeverityName(f.severity) + " " + f.message;
    for (const auto& g : f.consequences) out += "\n    连带 " + g.rule + " " + g.message;
  }
  return out;
}

TEST(RuleFixtures, BaseChecksClean) {
  for (const char* base : {"base.yaml", "final_base.yaml"}) {
    auto findings = Check(testing::ReadFile(RulesDir() + "/" + base), "", base);
    EXPECT_TRUE(findings.empty()) << base << Describe(findings);
  }
}

// The budget's rules stay silent on a 决算 and the 决算's on a budget, except the
// classification rules (codes and their pairing), the 说明文字 rules that compare declared text
// figures with the detail (each kind with its own text keys) and the 中小企业 sentence of the
// 政府采购 text (TXT-017), which hold for both.
TEST(RuleFixtures, RulesApplyToTheirKindOnly) {
  static const std::set<std::string> kText = {"TXT-001", "TXT-002", "TXT-003", "TXT-004",
                                              "TXT-005", "TXT-008", "TXT-009", "TXT-010"};
  for (const auto& r : AllRules()) {
    const bool final_rule = r.id.rfind("FIN-", 0) == 0;
    const bool both = r.id.rfind("CLS-", 0) == 0 || kText.count(r.id) || r.id == "TXT-017";
    EXPECT_EQ(r.AppliesTo(DocumentKind::kFinalAccounts), final_rule || both) << r.id;
    EXPECT_EQ(r.AppliesTo(DocumentKind::kBudget), !final_rule) << r.id;
  }
}

TEST(RuleFixtures, EveryRuleHasACase) {
  for (const auto& r : AllRules())
    EXPECT_TRUE(Cases()[r.id]) << r.id << " has no case in cases.yaml";
  for (auto it = Cases().begin(); it != Cases().end(); ++it) {
    EXPECT_NE(FindRule(it->first.as<std::string>()), nullptr)
        << it->first.as<std::string>() << " is not a rule";
  }
}

class RuleCase : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleCase, PassesAndFails) {
  const std::string id = GetParam();
  const Rule* rule = FindRule(id);
  ASSERT_NE(rule, nullptr);
  YAML::Node c = Cases()[id];
  ASSERT_TRUE(c) << id << " has no case";
  const std::string base_name = c["base"] ? c["base"].as<std::string>() : "base.yaml";
  std::string base = testing::ReadFile(RulesDir() + "/" + base_name);
  auto pass = Check(Apply(base, c["pass"], id + " pass"), id, id + ".pass.yaml");
  EXPECT_TRUE(pass.empty()) << id << " fires on its passing fixture:" << Describe(pass);
  auto fail = Check(Apply(base, c["fail"], id + " fail"), id, id + ".fail.yaml");
  ASSERT_FALSE(fail.empty()) << id << " does not fire on its failing fixture";
  Severity expected = rule->severity;
  if (c["severity"]) {
    ASSERT_TRUE(ParseSeverity(c["severity"].as<std::string>(), &expected));
  }
  bool any = false;
  for (const auto& f : fail) any |= f.severity == expected;
  EXPECT_TRUE(any) << id << " fires, but not at " << SeverityName(expected) << ":"
                   << Describe(fail);
  if (c["message"]) {
    // The message may be that of a consequence grouped under its cause (cause_groups.h).
    bool found = false;
    for (const auto& f : fail) {
      found |= f.message.find(c["message"].as<std::string>()) != std::string::npos;
      for (const auto& g : f.consequences)
        found |= g.message.find(c["message"].as<std::string>()) != std::string::npos;
    }
    EXPECT_TRUE(found) << id << " message lacks 「" << c["message"].as<std::string>()
                       << "」:" << Describe(fail);
  }
}

// CMP-004 also finds a heading printed twice under different numbers (seed 004's 八).
TEST(RuleFixtures, DuplicatedSectionTitle) {
  std::string base = testing::ReadFile(RulesDir() + "/base.yaml");
  YAML::Node titled = YAML::Load(
      "- {find: '八（一）, 八（二）, 八（三）', replace: '八（一） 机关运行经费情况, 八（二） "
      "政府采购预算情况, "
      "八（三） 政府采购预算情况'}");
  auto findings = Check(Apply(base, titled, "duplicated title"), "CMP-004", "titled.yaml");
  ASSERT_EQ(findings.size(), 1u) << Describe(findings);
  EXPECT_NE(findings[0].message.find("小节标题「政府采购预算情况」重复：八（二）和八（三）"),
            std::string::npos)
      << findings[0].message;
  YAML::Node distinct = YAML::Load(
      "- {find: '八（一）, 八（二）, 八（三）', replace: '八（一） 机关运行经费情况, 八（二） "
      "政府采购预算情况, "
      "八（三） 政府购买服务预算情况'}");
  EXPECT_TRUE(Check(Apply(base, distinct, "distinct titles"), "CMP-004", "distinct.yaml").empty());
}

// PRF-011 also holds the department-wide goals' cost indicators to the tasks' funds.
TEST(RuleFixtures, DepartmentCostIndicatorWithinTasks) {
  std::string base = testing::ReadFile(RulesDir() + "/base.yaml");
  YAML::Node over = YAML::Load(
      "- {find: '- {level1: 产出指标, level2: 时效指标, name: 会议纪要按时印发率, before_last: "
      "\"100%\", last: "
      "\"100%\", value: \"100%\", basis: 历史数据}', replace: '- {level1: 产出指标, level2: "
      "成本指标, name: "
      "运转成本, value: \"≤1500万元\", basis: 历史数据}'}");
  auto findings = Check(Apply(base, over, "department cost"), "PRF-011", "dept-cost.yaml");
  ASSERT_EQ(findings.size(), 1u) << Describe(findings);
  EXPECT_NE(findings[0].message.find("超过年度工作任务资金合计1274.64万元"), std::string::npos)
      << findings[0].message;
}

// TXT-016 also reads 上年（…）, asset statements in the text and the years of a 项目申报表's
// 前两年预算; a date of the year before (截至2022年8月31日) is right.
TEST(RuleFixtures, YearsNamedInText) {
  std::string base = testing::ReadFile(RulesDir() + "/base.yaml");
  auto with = [&](const std::string& sentence) {
    YAML::Node edit;
    edit.push_back(YAML::Load("{}"));
    edit[0]["find"] = "完成电子政务外网升级改造，推进政务数据共享。";
    edit[0]["replace"] = "完成电子政务外网升级改造，推进政务数据共享。" + sentence;
    return Check(Apply(base, edit, sentence), "TXT-016", "years.yaml");
  };
  EXPECT_TRUE(with("上年（2022年）完成督查任务48项。").empty());
  EXPECT_TRUE(with("截至2022年8月31日，共有车辆3辆。").empty());
  EXPECT_TRUE(with("截至2021年12月31日，共有车辆3辆。").empty());
  auto prior = with("上年（2021年）完成督查任务48项。");
  ASSERT_EQ(prior.size(), 1u) << Describe(prior);
  EXPECT_NE(prior[0].message.find("2023年预算的上年是2022年，文字写作2021年"), std::string::npos);
  auto assets = with("截至2023年12月31日，共有车辆3辆。");
  ASSERT_EQ(assets.size(), 1u) << Describe(assets);
  EXPECT_NE(assets[0].message.find("晚于预算年度开始"), std::string::npos) << assets[0].message;
  EXPECT_EQ(with("截至2020年12月31日，共有车辆3辆。").size(), 1u);
  YAML::Node years = YAML::Load(
      "- {find: 'prior_budgets: [{year: 2021, amount: 50.17}, {year: 2022, amount: 50.17}]', "
      "replace: 'prior_budgets: [{year: 2020, amount: 50.17}, {year: 2021, amount: 50.17}]'}");
  auto budgets = Check(Apply(base, years, "prior budgets"), "TXT-016", "budgets.yaml");
  ASSERT_EQ(budgets.size(), 1u) << Describe(budgets);
  EXPECT_NE(budgets[0].message.find("前两年预算写作2020年"), std::string::npos);
}

// TXT-012 holds a 项目申报表's 变动情况 to its own 当年预算 and 前两年预算.
TEST(RuleFixtures, ProjectChangeText) {
  std::string base = testing::ReadFile(RulesDir() + "/base.yaml");
  auto with = [&](const std::string& prior, const std::string& text) {
    YAML::Node edit;
    edit.push_back(YAML::Load("{}"));
    edit[0]["find"] =
        "prior_budgets: [{year: 2021, amount: 50.17}, {year: 2022, amount: 50.17}]\n"
        "      change_text: 与上年持平";
    edit[0]["replace"] = "prior_budgets: [{year: 2021, amount: " + prior +
                         "}, {year: 2022, amount: " + prior + "}]\n      change_text: " + text;
    return Check(Apply(base, edit, text), "TXT-012", "change.yaml");
  };
  EXPECT_TRUE(with("60.17", "本年预算减少10万元").empty());
  EXPECT_TRUE(
      with("60.17", "2021年预算60.17万元，2022年预算60.17万元，本年预算减少10万元").empty());
  auto wrong = with("60.17", "本年预算减少12万元");
  ASSERT_EQ(wrong.size(), 1u) << Describe(wrong);
  EXPECT_NE(wrong[0].message.find("应为减少10万元"), std::string::npos) << wrong[0].message;
  EXPECT_EQ(with("60.17", "本年无变动").size(), 1u);
}

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const auto& r : AllRules()) ids.push_back(r.id);
  return ids;
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleCase, ::testing::ValuesIn(RuleIds()),
                         [](const auto& param_info) {
                           std::string s = param_info.param;
                           for (auto& ch : s) ch = ch == '-' ? '_' : ch;
                           return s;
                         });

}  // namespace
}  // namespace gongkai
