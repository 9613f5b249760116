// The 中小企业 sentence of the 政府采购 text (TXT-017, review/prose.h FindSmeStatements): what is
// read from it, and how it is checked against the procurement items in a 预算 and a 决算 — the
// amount exactly, a rounding-level difference as a note, the share from the figures or from the
// amount as printed (a wrong amount is one finding, not two), 小微企业 within 中小企业. Silent
// on the sentence the 决算 disclosure writes itself.
#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "model/synthetic_department.h"
#include "model/synthetic_final_accounts.h"
#include "review/checker.h"
#include "review/prose.h"
#include "test_support.h"

namespace gongkai {
namespace {

const ProseWords& Words() {
  static const auto words = ProseWords::Load(testing::DataDir());
  return *words;
}

std::vector<SmeStatement> Find(const std::string& text) {
  return FindSmeStatements(SplitProse(text, Words()), Words());
}

TEST(SmeStatements, AmountsAndNamedShares) {
  auto s = Find(
      "2024年度政府采购支出总额2,001.35万元。授予中小企业合同金额1820.69万元，占政府采购支出总额的"
      "90.97%，其中：授予小微企业合同金额500.00万元，占授予中小企业合同金额的27.46%。");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].kind, SmeStatement::kSme);
  EXPECT_EQ(s[0].amount.printed, "1820.69");
  ASSERT_TRUE(s[0].share);
  EXPECT_EQ(s[0].share->printed, "90.97");
  EXPECT_TRUE(s[0].share_of_procurement);
  EXPECT_EQ(s[1].kind, SmeStatement::kSmallMicro);
  ASSERT_TRUE(s[1].share);
  EXPECT_FALSE(s[1].share_of_procurement);  // of the 中小企业 amount
  // 预算: 面向中小企业预留.
  s = Find("面向中小企业预留为43.2万元，占政府采购预算的40%。");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].amount.printed, "43.2");
  ASSERT_TRUE(s[0].share);
  // A share whose base is not named, or named otherwise, is left out; other amounts too.
  s = Find(
      "其中：授予小微企业合同金额500万元，占27.46%。授予中小企业合同金额1820万元，占支出的9%。");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_FALSE(s[0].share);
  EXPECT_FALSE(s[1].share);
  EXPECT_TRUE(Find("政府采购支出总额2001.35万元，其中货物类1000万元。").empty());
}

std::vector<Finding> Check(const Department& d) {
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  CheckOptions options;
  options.only = {"TXT-017"};
  return RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"), options);
}

std::vector<Finding> Check(const std::string& text) {
  return Check(ParseSource(text, "t.yaml", testing::Catalogs()));
}

std::string Messages(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.message + "\n";
  return out;
}

// base.yaml (预算): 政府采购 108.00万元, every item 40% for 中小企业: 43.20万元.
std::string BudgetWith(const std::string& note) {
  std::string text = testing::ReadFile(testing::SourceDir() + "/tests/rules/base.yaml");
  size_t at = text.find("contact: {address:");
  EXPECT_NE(at, std::string::npos);
  return text.insert(at, "notes:\n  八: " + note + "\n");
}

TEST(SmeText, BudgetAmountAndShare) {
  EXPECT_EQ(Messages(Check(BudgetWith("面向中小企业预留43.20万元，占政府采购预算的40.00%。"))), "");
  // The amount wrong and the share computed from it: one finding, for the amount.
  auto f = Check(BudgetWith("面向中小企业预留45.20万元，占政府采购预算的41.85%。"));
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_NE(f[0].message.find("相差+2.00万元"), std::string::npos) << f[0].message;
  // The share wrong alone.
  f = Check(BudgetWith("面向中小企业预留43.20万元，占政府采购预算的45.00%。"));
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_NE(f[0].message.find("43.20万元占政府采购总额108.00万元应为40.00%，文字为45.00%"),
            std::string::npos)
      << f[0].message;
  // A rounding-level difference is a note (the share follows from the amount as printed).
  f = Check(BudgetWith("面向中小企业预留43.21万元，占政府采购预算的40.01%。"));
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_EQ(f[0].severity, Severity::kInfo) << f[0].message;
  EXPECT_NE(f[0].message.find("尾数差异"), std::string::npos) << f[0].message;
}

TEST(SmeText, SmallAndMicroWithinTheSmeAmount) {
  EXPECT_EQ(Messages(Check(BudgetWith("面向中小企业预留43.20万元，其中：预留给小微企业30.00万元，"
                                      "占面向中小企业预留的69.44%。"))),
            "");
  auto f = Check(BudgetWith("面向中小企业预留43.20万元，其中：预留给小微企业50.00万元。"));
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_NE(f[0].message.find("不能超过"), std::string::npos) << f[0].message;
  // In a 预算 a share of an amount the text states is TXT-014's (one finding, not two).
  EXPECT_TRUE(Check(BudgetWith("面向中小企业预留43.20万元，其中：预留给小微企业30.00万元，"
                               "占面向中小企业预留的60.00%。"))
                  .empty());
}

TEST(SmeText, NothingToCheckWithoutShares) {
  std::string text = BudgetWith("面向中小企业预留45.20万元。");
  for (size_t at; (at = text.find(", sme: 0.40}")) != std::string::npos;) text.erase(at, 11);
  EXPECT_TRUE(Check(text).empty());
}

// final_base.yaml (决算) with two procurement items: 60 × 100% + 40 × 50% = 80.00万元 of 100.00.
std::string FinalWith(const std::string& note) {
  std::string text = testing::ReadFile(testing::SourceDir() + "/tests/rules/final_base.yaml");
  size_t at = text.find("final_accounts:");
  EXPECT_NE(at, std::string::npos);
  std::string procurement =
      "procurement:\n"
      "  - {item: 科技服务, type: service, project: 科技创新, amount: 60, function: \"2060199\", "
      "economic: \"30227\", sme: 1}\n"
      "  - {item: 检测设备, type: goods, project: 科技创新, amount: 40, function: \"2060199\", "
      "economic: \"30227\", sme: 0.5}\n";
  if (!note.empty()) procurement += "notes:\n  八: " + note + "\n";
  return text.insert(at, procurement);
}

TEST(SmeText, FinalAccountsTextAndWhatTheDisclosureWrites) {
  auto f = Check(FinalWith("授予中小企业合同金额85.00万元，占政府采购支出总额的85.00%。"));
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_NE(f[0].message.find("合计80.00万元，文字为85.00万元"), std::string::npos) << f[0].message;
  // 小微企业's share of the 中小企业 amount: 30 ÷ 80.
  f = Check(
      FinalWith("授予中小企业合同金额80.00万元，占政府采购支出总额的80.00%，其中：授予小微企业合同"
                "金额30.00万元，占授予中小企业合同金额的60.00%。"));
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_NE(f[0].message.find("30.00万元占中小企业金额80.00万元应为37.50%，文字为60.00%"),
            std::string::npos)
      << f[0].message;
  // The sentence the 决算's own text prints agrees with the items.
  std::string source = FinalWith("");
  Department d = ParseSource(source, "t.yaml", testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  std::string written;
  for (const auto& section : doc.sections) {
    for (const auto& p : section.paragraphs) {
      if (p.text.find("授予中小企业合同金额") != std::string::npos) written = p.text;
    }
  }
  ASSERT_NE(written, "");
  EXPECT_NE(written.find("授予中小企业合同金额80.00万元，占政府采购支出总额的80.00%"),
            std::string::npos)
      << written;
  EXPECT_EQ(Messages(Check(FinalWith(written))), "") << written;
}

// The 小微企业 part in the model: items with `small_micro` (60 × 25% + 40 × 25% = 25.00万元 of
// the 80.00万元 for 中小企业). The 决算's text states it and its share of the 中小企业 amount;
// a text that gives another amount is wrong even below the 中小企业 amount (one finding: the
// share that follows from the printed amount is not a second), and a declared figure
// procurement.small_micro is checked against it, amount (TXT-001) and share (TXT-005).
std::string FinalWithSmallMicro(const std::string& note) {
  std::string text = FinalWith(note);
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"sme: 1}", "sme: 1, small_micro: 0.25}"},
        {"sme: 0.5}", "sme: 0.5, small_micro: 0.25}"}}) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
  }
  return text;
}

TEST(SmeText, SmallMicroAmountFromTheItems) {
  Department d = ParseSource(FinalWithSmallMicro(""), "t.yaml", testing::Catalogs());
  ASSERT_EQ(d.procurement.size(), 2u);
  EXPECT_EQ(d.procurement[0].small_micro, "0.25");
  ASSERT_TRUE(SmallMicroAmount(d.procurement));
  EXPECT_EQ(*SmallMicroAmount(d.procurement), Money::FromWan(25));
  // The 决算's text computes it.
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  std::string written;
  for (const auto& section : doc.sections) {
    for (const auto& p : section.paragraphs) {
      if (p.text.find("授予中小企业合同金额") != std::string::npos) written = p.text;
    }
  }
  EXPECT_NE(written.find("授予中小企业合同金额80.00万元，占政府采购支出总额的80.00%，其中：授予"
                         "小微企业合同金额25.00万元，占授予中小企业合同金额的31.25%。"),
            std::string::npos)
      << written;
  EXPECT_EQ(Messages(Check(FinalWithSmallMicro(written))), "") << written;
  // 30.00 is within 80.00 but not the items' 25.00.
  auto f = Check(FinalWithSmallMicro(
      "授予中小企业合同金额80.00万元，占政府采购支出总额的80.00%，其中：授予小微企业合同金额30.00"
      "万元，占授予中小企业合同金额的37.50%。"));
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_NE(
      f[0].message.find("「30.00万元」：政府采购明细各项金额 × 小微企业份额合计25.00万元，文字为"
                        "30.00万元，相差+5.00万元"),
      std::string::npos)
      << f[0].message;
  // The right amount with a wrong share.
  f = Check(FinalWithSmallMicro(
      "授予中小企业合同金额80.00万元，占政府采购支出总额的80.00%，其中：授予小微企业合同金额25.00"
      "万元，占授予中小企业合同金额的25.00%。"));
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_NE(f[0].message.find("25.00万元占中小企业金额80.00万元应为31.25%，文字为25.00%"),
            std::string::npos)
      << f[0].message;
}

TEST(SmeText, DeclaredSmallMicroFigure) {
  // final_base.yaml declares a few figures of its own: these go beside them.
  auto with_figures = [](std::string text, const std::string& figures) {
    const size_t at = text.find("\n  text:\n");
    EXPECT_NE(at, std::string::npos);
    return text.insert(at + 9, figures);
  };
  auto declared = [&](const std::string& figures) {
    std::string text = with_figures(FinalWithSmallMicro(""), figures);
    Department d = ParseSource(text, "t.yaml", testing::Catalogs());
    Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
    CheckOptions options;
    options.only = {"TXT-001", "TXT-005"};
    return RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"), options);
  };
  EXPECT_EQ(
      Messages(declared("    - {key: procurement.sme, amount: 80, share: \"80.00\"}\n"
                        "    - {key: procurement.small_micro, amount: 25, share: \"31.25\"}\n")),
      "");
  // The amount wrong: its share, computed from it, is listed beneath it (one cause).
  auto f = declared("    - {key: procurement.small_micro, amount: 30, share: \"31.25\"}\n");
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_NE(f[0].message.find("文字为30.00万元，按明细应为25.00万元"), std::string::npos)
      << f[0].message;
  ASSERT_EQ(f[0].consequences.size(), 1u);
  EXPECT_NE(f[0].consequences[0].message.find("30.00万元占80.00万元应为37.50%"), std::string::npos)
      << f[0].consequences[0].message;
  // Without 小微企业 shares in the items the figure cannot be checked, and says why.
  std::string text =
      with_figures(FinalWith(""), "    - {key: procurement.small_micro, amount: 30}\n");
  Department d = ParseSource(text, "t.yaml", testing::Catalogs());
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  CheckOptions options;
  options.only = {"TXT-001"};
  f = RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"), options);
  ASSERT_EQ(f.size(), 1u) << Messages(f);
  EXPECT_NE(f[0].message.find("政府采购明细没有填写小微企业份额（small_micro）"), std::string::npos)
      << f[0].message;
}

// The 决算 text gongkai writes is right by construction: 200 generated 决算 with shares of
// every kind (whole, halves, six decimals), their own 政府采购 paragraph put back as a note,
// give no finding — amounts that are the exact sum rounded to 0.01万元 are not even notes.
TEST(SmeText, SilentOnGeneratedFinalAccounts) {
  auto catalog = testing::Catalogs()(2023);
  const char* shares[] = {"0.4", "1", "0.333333", "0.123457", "0.5", "0"};
  int checked = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    Department d =
        MakeSyntheticFinalAccounts(MakeSyntheticDepartment(seed, catalog), seed, "budget.yaml");
    if (d.procurement.empty()) continue;
    for (size_t i = 0; i < d.procurement.size(); ++i) {
      d.procurement[i].sme = shares[(seed + i) % std::size(shares)];
      // Half the departments give the 小微企业 part too: all of it, or none.
      if (seed % 2) d.procurement[i].small_micro = i % 2 ? d.procurement[i].sme : "0";
    }
    Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
    for (const auto& section : doc.sections) {
      for (const auto& p : section.paragraphs) {
        if (p.text.find("授予中小企业合同金额") != std::string::npos) d.notes["八"] = p.text;
      }
    }
    ASSERT_FALSE(d.notes["八"].empty()) << "seed " << seed;
    ++checked;
    auto f = Check(d);
    EXPECT_TRUE(f.empty()) << "seed " << seed << ": " << d.notes["八"] << "\n" << Messages(f);
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace gongkai
