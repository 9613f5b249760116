// The arithmetic of prose (review/prose.h): the relations it recognises, the ones it must not
// guess at, and its silence on every sentence the disclosure generates (1,000 synthetic
// departments and the examples: those sentences are right by construction).
#include "review/prose.h"

#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "model/synthetic_department.h"
#include "test_support.h"

namespace gongkai {
namespace {

const ProseWords& Words() {
  static const auto words = ProseWords::Load(testing::DataDir());
  return *words;
}

std::vector<ProseRelation> Check(const std::string& text, ProseContext context = {2023, {}, {}}) {
  return CheckProse(text, Words(), context);
}

// The one relation of `kind` the text states.
ProseRelation One(const std::string& text, ProseRelationKind kind,
                  ProseContext context = {2023, {}, {}}) {
  std::vector<ProseRelation> of_kind;
  for (auto& r : Check(text, context)) {
    if (r.kind == kind) of_kind.push_back(r);
  }
  EXPECT_EQ(of_kind.size(), 1u) << text;
  return of_kind.empty() ? ProseRelation{kind, Agreement::kExact, "", "(none)", "", ""}
                         : of_kind[0];
}

std::string Mismatches(const std::vector<ProseRelation>& relations) {
  std::string out;
  for (const auto& r : relations) {
    if (r.agreement == Agreement::kMismatch) out += "\n  " + r.message;
  }
  return out;
}

TEST(Prose, SentencesAndFigures) {
  auto s =
      SplitProse("2023 年预算 1,597.66 万元，增长７．２５％。其中：办公费3万元\n第二句", Words());
  ASSERT_EQ(s.size(), 2u);  // 其中 stays with its sentence
  ASSERT_EQ(s[0].figures.size(), 4u);
  EXPECT_EQ(s[0].figures[0].kind, ProseFigure::kYear);
  EXPECT_EQ(s[0].figures[1].amount, Money::FromFen(1597660000));
  EXPECT_EQ(s[0].figures[2].printed, "7.25");
  EXPECT_EQ(s[0].figures[3].amount, Money::FromWan(3));
  auto chinese = SplitProse("比上年减少百分之四十", Words());
  ASSERT_EQ(chinese[0].figures.size(), 1u);
  EXPECT_EQ(chinese[0].figures[0].printed, "40");
  // Codes and item numbers are not figures.
  EXPECT_TRUE(SplitProse("品目C1900，1.劳务派遣，12345热线", Words())[0].figures.empty());
}

TEST(Prose, Adjustment) {
  auto wrong = One("原安排36万元，调减9万元，安排26万元。", ProseRelationKind::kAdjustment);
  EXPECT_EQ(wrong.agreement, Agreement::kMismatch);
  EXPECT_EQ(wrong.expected, "27");
  EXPECT_EQ(
      One("年初预算为36万元，追加9万元，调整后为45万元", ProseRelationKind::kAdjustment).agreement,
      Agreement::kExact);
  EXPECT_EQ(One("原安排36.01万元，调减9万元，安排27万元", ProseRelationKind::kAdjustment).agreement,
            Agreement::kRounding);
  // Three amounts without the words of an adjustment are not one.
  EXPECT_TRUE(Check("办公费36万元，印刷费9万元，安排培训26万元").empty());
}

TEST(Prose, ChangeAgainstTheYearsTheSentenceGives) {
  EXPECT_EQ(
      One("2022年预算为20万元，2023年预算为25万元，比上年增加6万元。", ProseRelationKind::kChange)
          .agreement,
      Agreement::kMismatch);
  EXPECT_EQ(
      One("2023年预算为25万元，比2022年预算减少5万元，2022年预算30万元", ProseRelationKind::kChange)
          .agreement,
      Agreement::kExact);
  // The direction counts too.
  EXPECT_EQ(
      One("2022年预算为20万元，2023年预算为25万元，比上年减少5万元", ProseRelationKind::kChange)
          .agreement,
      Agreement::kMismatch);
  // Without last year's figure nothing is compared.
  for (const auto& r : Check("2023年预算为25万元，比上年增加5万元"))
    EXPECT_NE(r.kind, ProseRelationKind::kChange) << r.message;
}

TEST(Prose, ProjectChangeTextAgainstTheForm) {
  // Seed 004, 重点办项目: 2022年预算9.1万元, 当年预算6.37万元.
  ProseContext form{2023,
                    {{2021, Money::FromFen(9100000)},
                     {2022, Money::FromFen(9100000)},
                     {2023, Money::FromFen(6370000)}},
                    "项目"};
  EXPECT_EQ(One("本年预算减少2.73万元，原因为根据预算编制的相关规定，压减开支",
                ProseRelationKind::kChange, form)
                .agreement,
            Agreement::kExact);
  EXPECT_EQ(One("2021年预算9.1万元，2022年预算9.1万元，本年预算减少2.37万元",
                ProseRelationKind::kChange, form)
                .agreement,
            Agreement::kMismatch);
  EXPECT_EQ(One("本年无变动", ProseRelationKind::kChange, form).agreement, Agreement::kMismatch);
  form.known[2023] = Money::FromFen(9100000);
  EXPECT_EQ(One("与上年持平。", ProseRelationKind::kChange, form).agreement, Agreement::kExact);
}

TEST(Prose, ListAgainstItsTotal) {
  EXPECT_EQ(One("督查经费包括第三方评估40万元、通报印刷10万元，合计52万元。",
                ProseRelationKind::kListTotal)
                .agreement,
            Agreement::kMismatch);
  // Seed 000, 二: the two parts of 区级一般公共预算收入 add up.
  EXPECT_EQ(One("区级一般公共预算收入完成1,301,160万元，比上年预算增长5%。其中：税收收入1,131,"
                "160万元，比上年预算增长5.79%；非税收入170,000万元，与上年预算持平。",
                ProseRelationKind::kListTotal)
                .agreement,
            Agreement::kExact);
  // 其中 may name only some parts: fewer is fine, more is not.
  EXPECT_EQ(One("支出合计100万元，其中：办公费20万元、印刷费10万元", ProseRelationKind::kListTotal)
                .agreement,
            Agreement::kExact);
  EXPECT_EQ(One("支出合计100万元，其中：办公费80万元、印刷费30万元", ProseRelationKind::kListTotal)
                .agreement,
            Agreement::kMismatch);
  // A breakdown of one item written inside the list is not counted twice.
  for (const auto& r :
       Check("支出合计100万元，其中：基本支出80万元，人员经费60万元，公用经费20万元"))
    EXPECT_NE(r.kind, ProseRelationKind::kListTotal) << r.message;
  // Changes inside the list make it something else.
  for (const auto& r :
       Check("支出合计100万元，其中：人员经费60万元，比上年减少5万元；公用经费40万元"))
    EXPECT_NE(r.kind, ProseRelationKind::kListTotal) << r.message;
}

TEST(Prose, Shares) {
  EXPECT_EQ(One("政府采购预算108万元，其中：货物类20万元，占20%；服务类88万元。",
                ProseRelationKind::kShare)
                .agreement,
            Agreement::kMismatch);
  // The 国家信访局 2024 决算 sentence: the base is named and stated before.
  auto sme = Check(
      "授予中小企业合同金额1820.69万元，占政府采购支出总额的92.54%，其中：授予小微企业合同金额"
      "1015.5万元，占授予中小企业合同金额的55.78%");
  ASSERT_EQ(sme.size(), 1u) << Mismatches(sme);  // 政府采购支出总额 is not stated: not checked
  EXPECT_EQ(sme[0].kind, ProseRelationKind::kShare);
  EXPECT_EQ(sme[0].agreement, Agreement::kExact);
  EXPECT_EQ(One("政府采购支出总额2000万元。授予中小企业合同金额1820.69万元，占政府采购支出总额的"
                "92.54%。",
                ProseRelationKind::kShare)
                .agreement,
            Agreement::kMismatch);  // 91.03%
}

TEST(Prose, ChangeRates) {
  // Seed 004, 四: 124.81 / 1722.47 = 7.246% → 7.25; printed 7.24 is a rounding difference.
  EXPECT_EQ(One("2023年一般公共预算财政拨款支出预算数1597.66万元，比2022年预算减少124.81万元，"
                "下降7.24%",
                ProseRelationKind::kChangeRate)
                .agreement,
            Agreement::kRounding);
  EXPECT_EQ(
      One("机关运行经费85.91万元，比上年减少4.33万元，下降4.8%", ProseRelationKind::kChangeRate)
          .agreement,
      Agreement::kExact);
  EXPECT_EQ(
      One("机关运行经费85.91万元，比上年减少4.33万元，下降5.8%", ProseRelationKind::kChangeRate)
          .agreement,
      Agreement::kMismatch);
  EXPECT_EQ(
      One("机关运行经费85.91万元，比上年减少4.33万元，增长4.8%", ProseRelationKind::kChangeRate)
          .agreement,
      Agreement::kMismatch);
  // A rate with no amount to relate it to is left alone.
  EXPECT_TRUE(Check("一般公共预算总收入完成2,365,308万元，比上年增长4.6%").empty());
}

// Every sentence the disclosure writes is right by construction: the analyser finds no
// error in them (a false error there would be one in a published document too).
void ExpectGeneratedProseClean(const Department& d, const std::string& what) {
  Document doc = BuildDisclosure(d, Templates::Load(testing::DataDir(), d.kind, d.year));
  for (const auto& section : doc.sections) {
    for (const auto& p : section.paragraphs) {
      auto relations = Check(p.text, {d.year, {}, {}});
      EXPECT_EQ(Mismatches(relations), "") << what << " " << section.number << ": " << p.text;
    }
  }
}

TEST(Prose, SilentOnGeneratedDisclosures) {
  auto catalog = testing::Catalogs()(2023);
  for (uint64_t seed = 0; seed < 1000; ++seed) {
    Department d = MakeSyntheticDepartment(seed, catalog);
    ExpectGeneratedProseClean(d, "synthetic " + std::to_string(seed));
    if (HasFailure()) break;
  }
  for (const char* name : {"minimal.yaml", "institution-transfers-2023.yaml",
                           "sample-science-bureau-2024-budget.yaml"}) {
    ExpectGeneratedProseClean(LoadSource(testing::ExamplePath(name), testing::Catalogs()), name);
  }
}

}  // namespace
}  // namespace gongkai
