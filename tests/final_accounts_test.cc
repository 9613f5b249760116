// Final accounts (决算) beyond the golden files: regional template sets, the 决算's own rows of
// 收入支出决算总表, the “三公” table's regional layouts, the 年初预算 column, the reasons for the
// wholes, and declared (published) 决算 figures checked against the detail.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "disclosure/disclosure.h"
#include "engine/engine.h"
#include "model/synthetic_department.h"
#include "model/synthetic_final_accounts.h"
#include "review/checker.h"
#include "review/declare.h"
#include "source/source_loader.h"
#include "source/source_writer.h"
#include "test_support.h"

namespace gongkai {
namespace {

using testing::TheEngine;

Department LoadExample(const std::string& name) {
  Loaded loaded = TheEngine().Load(testing::ExamplePath(name));
  if (!loaded.ok()) throw std::runtime_error(loaded.diagnostics[0].ToString());
  return *loaded.department;
}

const Table& TableOf(const Document& doc, const std::string& id) {
  const Table* t = doc.FindTable(id);
  if (!t) throw std::runtime_error("no table " + id);
  return *t;
}

std::vector<std::string> Texts(const Row& r) {
  std::vector<std::string> out;
  for (const auto& c : r.cells) out.push_back(c.Display());
  return out;
}

std::vector<std::string> HeaderTexts(const Table& t) {
  std::vector<std::string> out;
  for (const auto& row : t.header) {
    for (const auto& c : row) out.push_back(c.text);
  }
  return out;
}

std::string Paragraphs(const Document& doc) {
  std::string out;
  for (const auto& s : doc.sections) {
    for (const auto& p : s.paragraphs) out += p.text + "\n";
  }
  return out;
}

std::vector<Finding> Check(const Department& d, const Document& doc) {
  return RunChecks(d, doc, CheckConfig::Load(testing::DataDir(), "default"));
}

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += "\n  " + f.rule + " " + f.message;
  return out;
}

TEST(RegionalTemplates, RegionNameChoosesTheLongestMatchingSetElseNational) {
  const std::string data = testing::DataDir();
  Templates national = Templates::Load(data, DocumentKind::kFinalAccounts, 2024);
  EXPECT_EQ(national.region, "");
  EXPECT_EQ(national.tables[0].number, "表1");

  Templates shanghai = Templates::Load(data, DocumentKind::kFinalAccounts, 2024, "上海市普陀区");
  EXPECT_EQ(shanghai.region, "上海市");
  EXPECT_EQ(shanghai.region_year, 2024);
  ASSERT_EQ(shanghai.tables.size(), 9u);
  EXPECT_EQ(shanghai.tables[0].number, "");
  EXPECT_EQ(shanghai.tables[6].layout, "pairs");
  // Files the region does not have are the national ones.
  EXPECT_EQ(shanghai.frame, national.frame);
  EXPECT_EQ(shanghai.glossary.size(), national.glossary.size());
  EXPECT_EQ(shanghai.tables[0].rows, national.tables[0].rows);

  Templates central = Templates::Load(data, DocumentKind::kFinalAccounts, 2024, "中央");
  EXPECT_EQ(central.region, "中央");
  EXPECT_EQ(central.tables[0].number, "公开01表");
  EXPECT_EQ(central.tables.back().id, "final_three_public");
  EXPECT_EQ(central.tables.back().title, "一般公共预算财政拨款“三公”经费支出决算表");
  EXPECT_EQ(central.tables[7].title, "国有资本经营预算财政拨款支出决算表");

  // A region without a set, and a year before the region's first set: national.
  EXPECT_EQ(Templates::Load(data, DocumentKind::kFinalAccounts, 2024, "北京市").region, "");
  EXPECT_EQ(Templates::Load(data, DocumentKind::kFinalAccounts, 2023, "上海市普陀区").region, "");
  // Budgets have no regional sets: the same national tables whatever the region.
  Templates budget = Templates::Load(data, DocumentKind::kBudget, 2024, "上海市普陀区");
  EXPECT_EQ(budget.region, "");
  EXPECT_EQ(budget.tables[0].number, "附表4-1");
}

TEST(FinalTables, SummaryPrintsTheFinalAccountsIncomeRowsAndEveryClass) {
  Department d = LoadExample("putuo-finance-2024-final.yaml");
  Document doc = TheEngine().Disclose(d);
  const Table& t = TableOf(doc, "final_summary");
  // The 决算's eight sources in its own words, the 26 功能 类 of the published table.
  EXPECT_EQ(Texts(t.rows[0]), (std::vector<std::string>{"一、一般公共预算财政拨款收入", "2,940.05",
                                                        "一、一般公共服务支出", "2,106.66"}));
  EXPECT_EQ(t.rows[5].cells[0].Display(), "六、经营收入");
  EXPECT_EQ(Texts(t.rows[7]),
            (std::vector<std::string>{"八、其他收入", "6.20", "八、社会保障和就业支出", "326.72"}));
  EXPECT_EQ(t.rows[18].cells[2].Display(), "十九、住房保障支出");
  EXPECT_EQ(t.rows[25].cells[2].Display(), "二十六、抗疫特别国债安排的支出");
  EXPECT_EQ(t.rows[26].cells[0].Display(), "本年收入合计");
}

TEST(FinalTables, ThreePublicLayoutsOfTheRegions) {
  Department d = LoadExample("putuo-finance-2024-final.yaml");
  // 上海: one row, 预算数 and 决算数 side by side under each item.
  const Document shanghai = TheEngine().Disclose(d);
  const Table& pairs = TableOf(shanghai, "final_three_public");
  ASSERT_EQ(pairs.rows.size(), 1u);
  EXPECT_EQ(pairs.header.size(), 4u);
  EXPECT_EQ(Texts(pairs.rows[0]),
            (std::vector<std::string>{"财政拨款“三公”经费", "0.95", "0.00", "0.00", "0.00", "0.00",
                                      "0.00", "0.00", "0.00", "0.00", "0.00", "0.95", "0.00"}));
  // 中央: the six 预算数, then the six 决算数.
  d.region_name = "中央";
  Document central = TheEngine().Disclose(d);
  const Table& groups = TableOf(central, "final_three_public");
  ASSERT_EQ(groups.rows.size(), 1u);
  EXPECT_EQ(groups.number, "公开09表");
  EXPECT_EQ(groups.header[0][1].text, "预算数");
  EXPECT_EQ(Texts(groups.rows[0])[1], "0.95");
  EXPECT_EQ(Texts(groups.rows[0])[6], "0.95");
  EXPECT_EQ(Texts(groups.rows[0])[12], "0.00");
  EXPECT_EQ(central.tables.back().id, "final_three_public");
  // National: two rows.
  d.region_name = "";
  const Document national = TheEngine().Disclose(d);
  EXPECT_EQ(TableOf(national, "final_three_public").rows.size(), 2u);
  EXPECT_EQ(TableOf(national, "final_three_public").rows[0].cells.size(), 7u);
  // 西安: two rows, 会议费 and 培训费 after the “三公” and outside their 合计; 0 where the source
  // gives none.
  d.region_name = "陕西省西安市";
  const Document xian_without = TheEngine().Disclose(d);
  EXPECT_EQ(Texts(TableOf(xian_without, "final_three_public").rows[0]),
            (std::vector<std::string>{"预算数", "0.95", "0.00", "0.00", "0.00", "0.00", "0.95",
                                      "0.00", "0.00"}));
  d.final_accounts.meeting =
      BudgetAndActual{Money::FromFen(86'810'000), Money::FromFen(86'810'000)};
  d.final_accounts.training =
      BudgetAndActual{Money::FromFen(2'795'780'000), Money::FromFen(2'795'780'000)};
  const Document xian = TheEngine().Disclose(d);
  const Table& both = TableOf(xian, "final_three_public");
  EXPECT_EQ(both.number, "公开09表");
  EXPECT_EQ(both.title, "财政拨款“三公”经费及会议费、培训费支出决算表");
  // Three header rows: 项目, the “三公” under 财政拨款安排的“三公”经费, 会议费, 培训费; then 栏次.
  ASSERT_EQ(both.header.size(), 4u);
  ASSERT_EQ(both.header[0].size(), 4u);
  EXPECT_EQ(both.header[0][2].text, "会议费");
  EXPECT_EQ(both.header[0][3].text, "培训费");
  ASSERT_EQ(both.rows.size(), 2u);
  EXPECT_EQ(Texts(both.rows[1]), (std::vector<std::string>{"决算数", "0.00", "0.00", "0.00", "0.00",
                                                           "0.00", "0.00", "86.81", "2,795.78"}));
  // Tables before it in 西安's order: 政府性基金 (公开07表), 国有资本经营 (公开08表).
  EXPECT_EQ(xian.tables.back().id, "final_three_public");
}

TEST(FinalTables, BudgetColumnWhereTheTemplateAsksForIt) {
  Department d = LoadExample("putuo-finance-2024-final.yaml");
  Templates tpl = Templates::Load(testing::DataDir(), DocumentKind::kFinalAccounts, d.year);
  for (auto& tt : tpl.tables) {
    if (tt.id == "final_general_expenditure") tt.columns = {"budget"};
  }
  Document doc = BuildDisclosure(d, tpl);
  const Table& t = TableOf(doc, "final_general_expenditure");
  EXPECT_EQ(t.header[0][2].text, "年初预算");
  int found = 0;
  for (const auto& r : t.rows) {
    if (r.cells[0].Display() == "2010601") {
      ++found;
      EXPECT_EQ(Texts(r)[2], "1,560.05");  // 年初预算
      EXPECT_EQ(Texts(r)[3], "1,511.89");  // 决算 合计
    }
    if (Texts(r)[1] == "合计") {
      EXPECT_EQ(Texts(r)[2], "2,993.92");
      ++found;
    }
  }
  EXPECT_EQ(found, 2);
  // Without the column, the national table.
  const Document national = TheEngine().Disclose(d);
  EXPECT_NE(TableOf(national, "final_general_expenditure").header[0][2].text, "年初预算");
}

TEST(FinalExplanation, ReasonsForTheWholesArePrintedWhereTheyDiffer) {
  Department d = LoadExample("putuo-finance-2024-final.yaml");
  std::string text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_NE(text.find("决算数小于预算数的主要原因是：因年度工作计划安排，个别信息化项目和中介机构"
                      "服务调减。"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("决算数小于预算数的主要原因是：当年度无“三公”经费支出。"), std::string::npos)
      << text;
  // Equal figures: no reason is printed.
  d.final_accounts.three_public["reception"].actual =
      d.final_accounts.three_public["reception"].budget;
  text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_EQ(text.find("当年度无“三公”经费支出"), std::string::npos) << text;
}

TEST(FinalDeclared, PublishedSummaryChecksToItsOneRoundingDifference) {
  Department d = LoadExample("putuo-finance-2024-final.yaml");
  ASSERT_TRUE(d.declared.present);
  ASSERT_FALSE(d.declared.cells.empty());
  Document doc = TheEngine().Disclose(d);
  std::vector<Finding> cells;
  for (const auto& f : Check(d, doc)) {
    if (f.rule == "FIN-006" || f.rule == "FIN-007" || f.rule == "FIN-008") cells.push_back(f);
  }
  // 八、社会保障和就业支出 printed 326.71 in the 总表, 326.72 from the detail.
  ASSERT_EQ(cells.size(), 1u) << Describe(cells);
  EXPECT_EQ(cells[0].severity, Severity::kInfo);
  EXPECT_NE(cells[0].message.find("326.71"), std::string::npos) << cells[0].message;
  EXPECT_EQ(cells[0].where.row, "八、社会保障和就业支出");

  // A figure typed wrong is an error at its row.
  for (auto& c : d.declared.cells) {
    std::string why;
    if (c.row == "本年支出合计") {
      c.amount = Money::Parse("2904.05", MoneyUnit::kWan, &why);
    }
  }
  bool found = false;
  for (const auto& f : Check(d, doc)) {
    if (f.rule == "FIN-006" && f.severity == Severity::kError && f.where.row == "本年支出合计")
      found = true;
  }
  EXPECT_TRUE(found);
}

// "决算为0.00万元，完成预算的0%" where the 预算 is 0 too (putuo's 七, as 上海 prints it) is a
// convention, not an error; a percentage of a 0 预算 where something was spent is one.
TEST(FinalDeclared, CompletionOfANothingBudgetIsNoError) {
  Department d = LoadExample("putuo-finance-2024-final.yaml");
  Document doc = TheEngine().Disclose(d);
  for (const auto& f : Check(d, doc)) EXPECT_NE(f.rule, "FIN-013") << f.message;
  bool changed = false;
  for (auto& f : d.declared.text) {
    if (f.key == "three_public.outbound") {
      f.completion = "100";
      changed = true;
    }
  }
  ASSERT_TRUE(changed);
  int wrong = 0;
  for (const auto& f : Check(d, doc)) wrong += f.rule == "FIN-013";
  EXPECT_EQ(wrong, 1);
}

// A data directory under the test's temporary directory holding the national 决算 templates
// with this layout.csv (only what Templates::Load reads).
std::filesystem::path DataWithLayout(const std::string& name, const std::string& layout) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / name;
  const fs::path dir = root / "templates" / "final-accounts" / "2021";
  fs::create_directories(dir);
  fs::copy(fs::path(testing::DataDir()) / "templates" / "final-accounts" / "2021", dir,
           fs::copy_options::overwrite_existing | fs::copy_options::recursive);
  std::ofstream(dir / "layout.csv") << layout;
  return root;
}

// The messages with which a source is refused, one a line; empty when it is accepted.
std::string RefusalOf(const std::string& yaml) {
  try {
    ParseSource(yaml, "refused.yaml", testing::Catalogs());
  } catch (const SourceError& e) {
    std::string all;
    for (const auto& m : e.messages()) all += m + "\n";
    return all;
  }
  return "";
}

Money Wan(const char* text) {
  std::string why;
  return *Money::Parse(text, MoneyUnit::kWan, &why);
}

// The science bureau's 科技创新 (年初预算 100.00, 决算 113.00) adjusted to 113.00.
Department AdjustedScienceBureau() {
  Department d = LoadExample("sample-science-bureau-2024-final.yaml");
  d.final_accounts.adjusted_by_item["2060199"] = Wan("113.00");
  return d;
}

TEST(AdjustedBudget, StatedBesideTheInitialBudgetWhereTheLayoutPrintsIt) {
  Department d = AdjustedScienceBureau();
  const Document doc = TheEngine().Disclose(d);
  const std::string text = Paragraphs(doc);
  // 总体: 年初预算 330.00, 调整预算 343.00 (the other 项 kept theirs), 决算 341.50.
  EXPECT_NE(text.find("一般公共预算财政拨款支出341.50万元，完成年初预算的103.48%，决算数大于年初"
                      "预算数，调整预算为343.00万元，完成调整预算的99.56%，决算数小于调整预算数。"
                      "决算数小于调整预算数的主要原因是：使用年初结转资金继续实施科技创新专项。"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("年初预算为100.00万元，调整预算为113.00万元，支出决算为113.00万元，完成年初"
                      "预算的113.00%，决算数大于年初预算数，完成调整预算的100.00%，决算数等于调整"
                      "预算数，主要原因是："),
            std::string::npos)
      << text;
  // A 项 not adjusted: its 调整预算 is its 年初预算.
  EXPECT_NE(text.find("年初预算为20.00万元，调整预算为20.00万元，支出决算为20.00万元"),
            std::string::npos)
      << text;
  // The national 表5 prints both budgets before 合计.
  const Table& t = TableOf(doc, "final_general_expenditure");
  EXPECT_EQ(t.header[0][2].text, "年初预算");
  EXPECT_EQ(t.header[0][3].text, "调整预算");
  EXPECT_EQ(t.header[0][4].text, "合计");
  bool item = false, total = false;
  for (const auto& r : t.rows) {
    if (r.cells[0].Display() == "2060199") {
      item = true;
      EXPECT_EQ(Texts(r)[2], "100.00");
      EXPECT_EQ(Texts(r)[3], "113.00");
      EXPECT_EQ(Texts(r)[4], "113.00");
    }
    if (Texts(r)[1] == "合计") {  // the 合计 row's label is in the name column
      total = true;
      EXPECT_EQ(Texts(r)[2], "330.00");
      EXPECT_EQ(Texts(r)[3], "343.00");
      EXPECT_EQ(Texts(r)[4], "341.50");
    }
  }
  EXPECT_TRUE(item && total) << [&] {
    std::string out;
    for (const auto& r : t.rows) {
      for (const auto& c : Texts(r)) out += c + "|";
      out += "\n";
    }
    return out;
  }();
}

TEST(AdjustedBudget, OmittedWhereTheRegionDoesNotPrintIt) {
  Department d = AdjustedScienceBureau();
  Department plain = LoadExample("sample-science-bureau-2024-final.yaml");
  for (const char* region : {"中央", "上海市普陀区"}) {
    d.region_name = plain.region_name = region;
    const Document adjusted = TheEngine().Disclose(d), initial = TheEngine().Disclose(plain);
    EXPECT_EQ(Paragraphs(adjusted), Paragraphs(initial)) << region;
    EXPECT_EQ(HeaderTexts(TableOf(adjusted, "final_general_expenditure")),
              HeaderTexts(TableOf(initial, "final_general_expenditure")))
        << region;
  }
  const std::string data = testing::DataDir();
  EXPECT_TRUE(Templates::Load(data, DocumentKind::kFinalAccounts, 2024).Prints("adjusted_budget"));
  EXPECT_FALSE(
      Templates::Load(data, DocumentKind::kFinalAccounts, 2024, "中央").Prints("adjusted_budget"));
}

TEST(AdjustedBudget, LayoutSettingsAreCheckedWithTheirFileAndLine) {
  const std::filesystem::path root =
      DataWithLayout("layout-data", "key,value\nadjusted_budget,sometimes\n");
  try {
    Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024);
    ADD_FAILURE() << "accepted a bad layout value";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("layout.csv:2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("sometimes"), std::string::npos) << e.what();
  }
  DataWithLayout("layout-data", "key,value\nadjusted_budgets,printed\n");
  EXPECT_THROW(Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024), CatalogError);
  std::filesystem::remove_all(root);
}

TEST(AdjustedBudget, ReadAndWrittenBySources) {
  Department d = AdjustedScienceBureau();
  const std::string yaml = WriteSourceYaml(d);
  EXPECT_NE(yaml.find("adjusted_items"), std::string::npos);
  Department back = ParseSource(yaml, "adjusted.yaml", testing::Catalogs());
  EXPECT_EQ(back.final_accounts.adjusted_by_item, d.final_accounts.adjusted_by_item);
  // A 调整预算 on a 款 is refused with its place.
  const std::string refusal = RefusalOf(
      "gongkai: 1\nkind: 决算\ndepartment: {name: 局, year: 2024, units: [{id: a, name: 局, "
      "kind: 行政单位}]}\nfinal_accounts:\n  adjusted_items: {\"20601\": 5}\n");
  EXPECT_NE(refusal.find("adjusted_items：功能分类科目「20601 "), std::string::npos) << refusal;
}

TEST(OperatingExpenses, StatedWithItsBudgetWhereTheLayoutPrintsIt) {
  // The budget source's 机关运行经费: 办公费 10.00 + 公务接待费 2.00 + 公务用车运行维护费 3.00.
  Department d = LoadExample("sample-science-bureau-2024-final.yaml");
  ASSERT_TRUE(d.final_accounts.operating_budget_of_budget.has_value());
  EXPECT_EQ(*d.final_accounts.operating_budget_of_budget, Wan("15.00"));
  EXPECT_FALSE(d.final_accounts.operating_budget.has_value());
  std::string text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_NE(text.find("2024年度机关运行经费预算15.00万元，支出决算13.50万元，完成预算的90.00%。"),
            std::string::npos)
      << text;
  // As the 决算 states it, with last year's 决算 and the reason for the change.
  d.final_accounts.operating_budget = Wan("14.00");
  d.comparisons["operating_expenses"] = {Wan("12.00"), "会议次数增加。", {}};
  text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_NE(text.find("2024年度机关运行经费预算14.00万元，支出决算13.50万元，完成预算的96.43%，比"
                      "2023年度决算增加1.50万元，增长12.50%，主要原因是：会议次数增加。"),
            std::string::npos)
      << text;
  // 中央 and 上海 state the 决算数 and its change only.
  for (const char* region : {"中央", "上海市普陀区"}) {
    d.region_name = region;
    text = Paragraphs(TheEngine().Disclose(d));
    EXPECT_NE(text.find("2024年度机关运行经费支出13.50万元，比2023年度决算增加1.50万元，增长12.50%"
                        "，主要原因是：会议次数增加。"),
              std::string::npos)
        << region << text;
    EXPECT_EQ(text.find("机关运行经费预算"), std::string::npos) << region;
  }
}

TEST(OperatingExpenses, NoneIsSaidSo) {
  // A 事业单位 has no 机关运行经费.
  Department d = LoadExample("sample-science-bureau-2024-final.yaml");
  d.units[0].kind = UnitKind::kInstitution;
  d.region_name = "上海市普陀区";
  const std::string text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_NE(text.find("示例区科学技术局2024年度无机关运行经费支出。"), std::string::npos) << text;
}

TEST(FinalExplanation, CentralSectionsInTheCentralOrder) {
  Department d = LoadExample("sample-science-bureau-2024-final.yaml");
  d.region_name = "中央";
  const Document central = TheEngine().Disclose(d);
  std::vector<std::string> titles;
  for (const auto& s : central.sections) titles.push_back(s.number + "、" + s.title);
  EXPECT_EQ(titles, (std::vector<std::string>{
                        "一、收入支出决算总体情况说明", "二、本年收入决算情况说明",
                        "三、本年支出决算情况说明", "四、财政拨款收入支出决算总体情况说明",
                        "五、一般公共预算财政拨款支出决算情况说明",
                        "六、一般公共预算财政拨款基本支出决算情况说明",
                        "七、一般公共预算财政拨款“三公”经费支出决算情况说明",
                        "八、机关运行经费支出说明", "九、政府采购支出说明",
                        "十、国有资产占用情况说明", "十一、关于2024年度预算绩效情况说明"}));
  // 机关运行经费 stands alone, without the heading it has under 其他重要事项.
  ASSERT_EQ(central.sections[7].paragraphs.size(), 1u);
  EXPECT_EQ(central.sections[7].paragraphs[0].text, "2024年度机关运行经费支出13.50万元。");
  // The national order keeps the three under 其他重要事项.
  d.region_name = "";
  const Document national = TheEngine().Disclose(d);
  EXPECT_EQ(national.sections.back().title, "其他重要事项的情况说明");
  EXPECT_EQ(national.sections.back().paragraphs[0].text, "（一）机关运行经费支出情况");

  const std::filesystem::path root =
      DataWithLayout("sections-data", "key,value\nsections,overview operations\n");
  try {
    Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024);
    ADD_FAILURE() << "accepted an unknown section";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("layout.csv:2: sections 中的「operations」"),
              std::string::npos)
        << e.what();
  }
  std::filesystem::remove_all(root);
}

// 会议费 and 培训费 where a source gives them, in the wording of the layout (西安: 九（二）培训费
// and （三）会议费 of its “三公” section; nationally after the “三公”), every figure computed.
TEST(MeetingAndTraining, StatedInTheWordingOfTheLayout) {
  Department d = LoadExample("sample-xian-bureau-2022-final.yaml");
  const Document xian = TheEngine().Disclose(d);
  const Section* three_public = nullptr;
  for (const auto& s : xian.sections) {
    if (s.id == "three_public") three_public = &s;
  }
  ASSERT_NE(three_public, nullptr);
  EXPECT_EQ(three_public->number, "九");
  EXPECT_EQ(three_public->title, "财政拨款“三公”经费及会议费、培训费支出决算情况说明");
  std::vector<std::string> texts;
  for (const auto& p : three_public->paragraphs) texts.push_back(p.text);
  ASSERT_GE(texts.size(), 8u);
  EXPECT_EQ(texts[0], "（一）“三公”经费支出决算情况说明。");
  EXPECT_EQ(texts[texts.size() - 4], "（二）培训费支出情况说明。");
  // With last year's 决算 (prior_year.training, meeting) the change from it and its reason.
  EXPECT_EQ(texts[texts.size() - 3],
            "2022年度财政拨款安排培训费预算45.20万元，支出决算45.20万元，完成预算的100.00%。"
            "决算数较上年增加5.20万元，主要原因是：扩大基层卫生健康人员培训覆盖面。");
  EXPECT_EQ(texts[texts.size() - 2], "（三）会议费支出情况说明。");
  EXPECT_EQ(texts.back(),
            "2022年度财政拨款安排会议费预算9.00万元，支出决算8.60万元，完成预算的95.56%，"
            "决算数较预算数减少0.40万元，主要原因是：压缩会议数量和规模。决算数较上年减少1.20万元，"
            "主要原因是：推行视频会议，压减会议数量。");
  // Without them no comparison with last year is made.
  {
    Department without = d;
    without.comparisons.erase("meeting");
    without.comparisons.erase("training");
    const std::string plain = Paragraphs(TheEngine().Disclose(without));
    EXPECT_NE(plain.find("完成预算的100.00%。\n（三）会议费"), std::string::npos) << plain;
    EXPECT_NE(plain.find("主要原因是：压缩会议数量和规模。\n"), std::string::npos) << plain;
  }
  // The figures follow the source: more spent than budgeted, no reason given.
  d.final_accounts.meeting->actual = Wan("9.30");
  d.final_accounts.reasons.erase("meeting");
  std::string text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_NE(text.find("2022年度财政拨款安排会议费预算9.00万元，支出决算9.30万元，完成预算的"
                      "103.33%，决算数较预算数增加0.30万元。"),
            std::string::npos)
      << text;
  // Only 会议费: it is （二）; a 预算数 of 0 has no 完成%.
  d.final_accounts.training.reset();
  d.final_accounts.meeting = BudgetAndActual{Money(), Wan("1.20")};
  text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_NE(text.find("（二）会议费支出情况说明。\n2022年度财政拨款安排会议费预算0.00万元，支出决算"
                      "1.20万元，决算数较预算数增加1.20万元。"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("培训费支出情况说明"), std::string::npos) << text;
  // Neither: no paragraph, and the “三公” without a lone （一）.
  d.final_accounts.meeting.reset();
  text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_EQ(text.find("会议费预算"), std::string::npos) << text;
  EXPECT_EQ(text.find("（一）“三公”经费支出决算情况说明"), std::string::npos) << text;
  // The national wording, without headings.
  Department national = LoadExample("sample-xian-bureau-2022-final.yaml");
  national.region_name = "";
  text = Paragraphs(TheEngine().Disclose(national));
  EXPECT_NE(
      text.find("2022年度会议费财政拨款支出预算为9.00万元，支出决算为8.60万元，完成预算的"
                "95.56%，决算数小于预算数，主要原因是：压缩会议数量和规模。\n2022年度培训费财政"
                "拨款支出预算为45.20万元，支出决算为45.20万元，完成预算的100.00%。"),
      std::string::npos)
      << text;
  EXPECT_EQ(text.find("培训费支出情况说明"), std::string::npos) << text;
}

// Last year's 会议费 and 培训费 (prior_year.meeting, training) are a 决算's: written back by the
// source writer, refused in a budget.
TEST(MeetingAndTraining, LastYearReadWrittenAndRefusedInABudget) {
  const Department d = LoadExample("sample-xian-bureau-2022-final.yaml");
  ASSERT_TRUE(d.comparisons.count("meeting"));
  EXPECT_EQ(d.comparisons.at("meeting").amount, Wan("9.80"));
  const Department back = ParseSource(WriteSourceYaml(d), "xian.yaml", testing::Catalogs());
  ASSERT_TRUE(back.comparisons.count("training"));
  EXPECT_EQ(back.comparisons.at("training").amount, Wan("40.00"));
  EXPECT_EQ(back.comparisons.at("training").reason, "扩大基层卫生健康人员培训覆盖面。");
  const std::string refusal = RefusalOf(
      "gongkai: 1\ndepartment: {name: 局, year: 2024, units: [{id: a, name: 局, kind: "
      "行政单位}]}\nprior_year:\n  meeting: {amount: 1}\n");
  EXPECT_NE(refusal.find("prior_year.meeting 只用于决算"), std::string::npos) << refusal;
}

// 西安 states the “三公” in its own words (layout.csv three_public.*): the whole, then each item
// under its numbered heading with its 预算数, 决算数, 完成%, difference and reason, and the
// change from last year's 决算 (three_public.prior_year); an item with neither figure in one
// sentence. Every figure computed; the national wording stays where the region has none.
TEST(ThreePublicWording, XianStatesEachItemInItsOwnWords) {
  Department d = LoadExample("sample-xian-bureau-2022-final.yaml");
  const Document xian = TheEngine().Disclose(d);
  const Section* three_public = nullptr;
  for (const auto& s : xian.sections) {
    if (s.id == "three_public") three_public = &s;
  }
  ASSERT_NE(three_public, nullptr);
  std::vector<std::string> texts;
  for (const auto& p : three_public->paragraphs) texts.push_back(p.text);
  ASSERT_GE(texts.size(), 10u);
  EXPECT_EQ(std::vector<std::string>(texts.begin(), texts.begin() + 10),
            (std::vector<std::string>{
                "（一）“三公”经费支出决算情况说明。",
                "2022年度财政拨款安排“三公”经费支出预算11.50万元，支出决算10.20万元，完成预算的"
                "88.70%，决算数较预算数减少1.30万元，主要原因是：厉行节约，压缩公务用车运行和公务"
                "接待支出。决算数较上年减少0.80万元。",
                "1．因公出国（境）费支出情况说明。", "本年度无财政拨款因公出国（境）费支出。",
                "2．公务用车购置费支出情况说明。", "本年度无财政拨款公务用车购置费支出。",
                "3．公务用车运行维护费支出情况说明。",
                "2022年度财政拨款安排公务用车运行维护费预算10.00万元，支出决算9.40万元，完成预算"
                "的94.00%，决算数较预算数减少0.60万元，主要原因是：压缩成本，厉行节约。决算数较上年"
                "减少0.40万元，主要原因是：公务用车使用管理更加严格。",
                "4．公务接待费支出情况说明。",
                "2022年度财政拨款安排公务接待费预算1.50万元，支出决算0.80万元，完成预算的53.33%，"
                "决算数较预算数减少0.70万元，主要原因是：严格执行公务接待标准，接待批次减少。决算数"
                "较上年减少0.40万元。其中：国内公务接待支出0.80万元，共接待国内来访团组4个，来宾26"
                "人次。"}));
  EXPECT_EQ(three_public->paragraphs[2].kind, Paragraph::kHeading);
  // The figures follow the source: a car bought, no last year.
  d.final_accounts.three_public["vehicle_purchase"] = {Wan("20.00"), Wan("20.00")};
  d.final_accounts.counts.vehicles_purchased = 1;
  d.three_public.prior_year.clear();
  const std::string text = Paragraphs(TheEngine().Disclose(d));
  EXPECT_NE(text.find("2．公务用车购置费支出情况说明。\n2022年度财政拨款安排购置公务用车1辆，预算"
                      "20.00万元，支出决算20.00万元，完成预算的100.00%。\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("压缩公务用车运行和公务接待支出。\n1．"), std::string::npos) << text;
  // The national wording where the region gives none.
  Department national = LoadExample("sample-xian-bureau-2022-final.yaml");
  national.region_name = "";
  const std::string plain = Paragraphs(TheEngine().Disclose(national));
  EXPECT_NE(plain.find("因公出国（境）费支出预算为0.00万元，支出决算为0.00万元。全年安排因公出国"
                       "（境）团组0个，累计0人次。"),
            std::string::npos)
      << plain;
  EXPECT_EQ(plain.find("1．因公出国（境）费支出情况说明"), std::string::npos) << plain;
}

TEST(ThreePublicWording, LayoutIsCheckedWithItsFileAndLine) {
  const std::filesystem::path root = DataWithLayout(
      "three-public-data", "key,value\nthree_public.order,outbound lodging reception\n");
  try {
    Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024);
    ADD_FAILURE() << "accepted an unknown item";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("layout.csv:2: three_public.order 中的「lodging」"),
              std::string::npos)
        << e.what();
  }
  DataWithLayout("three-public-data", "key,value\nthree_public.heading.reception,{m}．接待\n");
  EXPECT_THROW(Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024), CatalogError);
  DataWithLayout("three-public-data", "key,value\nchange.less,较上年减少{amonut}\n");
  EXPECT_THROW(Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024), CatalogError);
  std::filesystem::remove_all(root);
}

TEST(MeetingAndTraining, WordingIsCheckedWithItsFileAndLine) {
  const std::filesystem::path root =
      DataWithLayout("wording-data", "key,value\nmeeting_training.more,，较预算增加{amonut}\n");
  try {
    Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024);
    ADD_FAILURE() << "accepted an unknown placeholder";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("layout.csv:2: meeting_training.more 中的「{amonut}」"),
              std::string::npos)
        << e.what();
  }
  DataWithLayout("wording-data", "key,value\nmeeting_training.order,meeting lodging\n");
  EXPECT_THROW(Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024), CatalogError);
  std::filesystem::remove_all(root);
}

// 西安's own header: its labels, 项目 over 科目代码 and 科目名称, 本年支出 over the amounts, the
// “三公” table three rows deep, and the 栏次 row numbering the amount columns.
TEST(RegionalLabels, XianHeadersAsXianPrintsThem) {
  const Document doc = TheEngine().Disclose(LoadExample("sample-xian-bureau-2022-final.yaml"));
  const Table& three = TableOf(doc, "final_three_public");
  ASSERT_EQ(three.header.size(), 4u);
  EXPECT_EQ(HeaderTexts(three), (std::vector<std::string>{"项目",
                                                          "财政拨款安排的“三公”经费",
                                                          "会议费",
                                                          "培训费",
                                                          "小计",
                                                          "因公出国（境）费用",
                                                          "公务用车购置及运行维护费",
                                                          "公务接待费",
                                                          "小计",
                                                          "公务用车购置费",
                                                          "公务用车运行维护费",
                                                          "栏次",
                                                          "1",
                                                          "2",
                                                          "3",
                                                          "4",
                                                          "5",
                                                          "6",
                                                          "7",
                                                          "8"}));
  EXPECT_EQ(three.header[0][0].rowspan, 3);
  EXPECT_EQ(three.header[0][1].colspan, 6);
  EXPECT_EQ(Texts(three.rows[1]),
            (std::vector<std::string>{"决算数", "10.20", "0.00", "9.40", "0.00", "9.40", "0.80",
                                      "8.60", "45.20"}));
  const Table& general = TableOf(doc, "final_general_expenditure");
  EXPECT_EQ(HeaderTexts(general),
            (std::vector<std::string>{"项目", "本年支出", "科目代码", "科目名称", "小计",
                                      "基本支出", "项目支出", "", "栏次", "1", "2", "3"}));
  const Table& income = TableOf(doc, "final_income");
  ASSERT_EQ(income.header.size(), 3u);
  EXPECT_EQ(income.header[0][0].text, "项目");
  EXPECT_EQ(income.header[0][1].text, "本年收入合计");
  EXPECT_EQ(income.header[0][1].rowspan, 2);
  EXPECT_EQ(HeaderTexts(income)[income.header[0].size()], "科目代码");
  // The national tables keep their own.
  Department national = LoadExample("sample-xian-bureau-2022-final.yaml");
  national.region_name = "";
  const Document plain = TheEngine().Disclose(national);
  EXPECT_EQ(TableOf(plain, "final_three_public").header.size(), 2u);
  EXPECT_EQ(TableOf(plain, "final_income").header[0][0].text, "科目编码");

  // A group the table cannot have is an error naming the file and line.
  namespace fs = std::filesystem;
  const fs::path root = DataWithLayout("labels-data", "key,value\n");
  const fs::path dir = root / "templates" / "final-accounts" / "2021";
  std::ofstream(dir / "labels.csv") << "table,key,label\nfinal_income,group.three_public,x\n";
  try {
    Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024);
    ADD_FAILURE() << "accepted a group of another table";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("labels.csv:2"), std::string::npos) << e.what();
  }
  fs::remove_all(root);
}

// 西安's 公开01表 and 公开04表 number their lines (labels.csv column.line_numbers: 行次 after each
// side's 项目, the income side 1 … n, the spending side n+1 … 2n, blank lines too), the 栏次
// label staying under 项目.
TEST(RegionalLabels, XianLineNumbersBesideEachSide) {
  const Document doc = TheEngine().Disclose(LoadExample("sample-xian-bureau-2022-final.yaml"));
  const Table& summary = TableOf(doc, "final_summary");
  EXPECT_EQ(HeaderTexts(summary),
            (std::vector<std::string>{"收　入", "支　出", "项　目", "行次", "决算数", "项　目",
                                      "行次", "决算数", "栏次", "", "1", "栏次", "", "2"}));
  EXPECT_EQ(summary.header[0][0].colspan, 3);
  ASSERT_EQ(summary.rows.size(), 30u);  // as 西安's: 26 功能 类 and four totals
  EXPECT_EQ(Texts(summary.rows[0]),
            (std::vector<std::string>{"一、一般公共预算财政拨款收入", "1", "851.40",
                                      "一、一般公共服务支出", "31", "0.00"}));
  EXPECT_EQ(Texts(summary.rows[10]),
            (std::vector<std::string>{"", "11", "", "十一、城乡社区支出", "41", "0.00"}));
  EXPECT_EQ(Texts(summary.rows.back()),
            (std::vector<std::string>{"总计", "30", "871.40", "总计", "60", "871.40"}));
  EXPECT_EQ(summary.numeric_columns, (std::vector<bool>{false, true, true, false, true, true}));
  const Table& fiscal = TableOf(doc, "final_fiscal_summary");
  const size_t n = fiscal.rows.size();
  EXPECT_EQ(Texts(fiscal.rows[0])[1], "1");
  EXPECT_EQ(Texts(fiscal.rows[0])[4], std::to_string(n + 1));
  EXPECT_EQ(Texts(fiscal.rows.back())[4], std::to_string(2 * n));
  // The other tables and the national ones have none.
  const std::vector<std::string> income = HeaderTexts(TableOf(doc, "final_income"));
  EXPECT_EQ(std::count(income.begin(), income.end(), "行次"), 0);
  Department national = LoadExample("sample-xian-bureau-2022-final.yaml");
  national.region_name = "";
  EXPECT_EQ(TableOf(TheEngine().Disclose(national), "final_summary").header[1].size(), 4u);

  namespace fs = std::filesystem;
  const fs::path root = DataWithLayout("line-numbers-data", "key,value\n");
  std::ofstream(root / "templates" / "final-accounts" / "2021" / "labels.csv")
      << "table,key,label\nfinal_summary,column.lines,行次\n";
  try {
    Templates::Load(root.string(), DocumentKind::kFinalAccounts, 2024);
    ADD_FAILURE() << "accepted an unknown column";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("labels.csv:2: 「column.lines」"), std::string::npos)
        << e.what();
  }
  fs::remove_all(root);
}

// 西安's 公开02表 has one 财政拨款收入 column (rows.csv: final_income's columns by source, several
// sources in one), as its 收入支出决算总表 has; the national one a column per source.
TEST(RegionalRows, XianIncomeColumnsAsXianPrintsThem) {
  Department d = LoadExample("sample-xian-bureau-2022-final.yaml");
  const Document doc = TheEngine().Disclose(d);
  const Table& income = TableOf(doc, "final_income");
  EXPECT_EQ(
      HeaderTexts(income),
      (std::vector<std::string>{"项目", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
                                "经营收入", "附属单位上缴收入", "其他收入", "科目代码", "科目名称",
                                "", "栏次", "1", "2", "3", "4", "5", "6", "7"}));
  EXPECT_EQ(Texts(income.rows[0]), (std::vector<std::string>{"", "合计", "851.40", "851.40", "0.00",
                                                             "0.00", "0.00", "0.00", "0.00"}));
  // 财政拨款 of every budget in the one column; 财政专户管理资金 with the 事业收入.
  d.final_accounts.income.push_back({"2100101", "fund", Wan("5.00"), 0});
  d.final_accounts.income.push_back({"2100101", "special", Wan("2.00"), 0});
  const Document with_more = TheEngine().Disclose(d);
  const Table& more = TableOf(with_more, "final_income");
  EXPECT_EQ(Texts(more.rows[0]), (std::vector<std::string>{"", "合计", "858.40", "856.40", "0.00",
                                                           "2.00", "0.00", "0.00", "0.00"}));
  Department national = LoadExample("sample-xian-bureau-2022-final.yaml");
  national.region_name = "";
  EXPECT_EQ(HeaderTexts(TableOf(TheEngine().Disclose(national), "final_income"))[3],
            "一般公共预算拨款收入");
}

TEST(OperatingExpenses, BudgetReadAndWrittenBySources) {
  Department d = LoadExample("sample-science-bureau-2024-final.yaml");
  d.final_accounts.operating_budget = Wan("14.00");
  const std::string yaml = WriteSourceYaml(d);
  EXPECT_NE(yaml.find("operating_expenses_budget: \"14\""), std::string::npos) << yaml;
  EXPECT_EQ(yaml.rfind("# gongkai 部门决算源文件", 0), 0u) << yaml.substr(0, 80);
  Department back = ParseSource(yaml, "operating.yaml", testing::Catalogs());
  EXPECT_EQ(back.final_accounts.operating_budget, d.final_accounts.operating_budget);
}

TEST(FinalDeclared, TextFiguresAreCheckedUnderTheFinalAccountsKeys) {
  Department d = LoadExample("sample-science-bureau-2024-final.yaml");
  Document doc = TheEngine().Disclose(d);
  d.declared = DeclareFromDisclosure(d, doc);
  auto find = [&](const std::string& key) -> DeclaredFigure& {
    for (auto& f : d.declared.text) {
      if (f.key == key) return f;
    }
    throw std::runtime_error("no declared " + key);
  };
  // As 五（三） prints 科技创新: 年初预算 100.00, 决算 113.00, 113.00%.
  EXPECT_EQ(find("item.2060199").budget, Wan("100.00"));
  EXPECT_EQ(find("item.2060199").completion, "113.00");
  EXPECT_EQ(find("operating_expenses.total").budget, Wan("15.00"));
  EXPECT_EQ(find("operating_expenses.total").completion, "90.00");
  EXPECT_EQ(find("class.206").share, "89.69");
  ASSERT_TRUE(Check(d, doc).empty()) << Describe(Check(d, doc));
  // Typed wrong: the amount (TXT-001), a share (TXT-005), an unknown key.
  find("spending.total").amount = Wan("314.50");
  find("class.206").share = "98.69";
  find("fiscal.closing").key = "fiscal.balance";
  std::string rules;
  for (const auto& f : Check(d, doc)) rules += f.rule + " " + f.message + "\n";
  EXPECT_NE(rules.find("TXT-001 「spending.total」文字为314.50万元，按明细应为341.50万元"),
            std::string::npos)
      << rules;
  EXPECT_NE(rules.find("TXT-005 「class.206」占比文字为98.69%"), std::string::npos) << rules;
  for (const auto& f : Check(d, doc)) {
    if (f.rule == "TXT-005") {
      EXPECT_EQ(f.where.section, "情况说明 五（二）");
    }
  }
  EXPECT_NE(rules.find("未知的财政拨款项「balance」"), std::string::npos) << rules;
}

TEST(FinalDeclared, BudgetFiguresOfTextOnlyInFinalAccounts) {
  try {
    ParseSource(
        "gongkai: 1\ndepartment: {name: 局, year: 2024, units: [{id: a, name: 局, kind: "
        "行政单位}]}\ndeclared:\n  text:\n    - {key: general.total, amount: 1, budget: 2}\n",
        "budget.yaml", testing::Catalogs());
    ADD_FAILURE() << "a budget accepted a declared budget figure";
  } catch (const SourceError& e) {
    std::string all;
    for (const auto& m : e.messages()) all += m + "\n";
    EXPECT_NE(all.find("budget 只用于决算"), std::string::npos) << all;
  }
}

// A 决算's own tables declared add no finding, for the examples and generated ones.
TEST(FinalDeclared, OwnTablesDeclaredAddNoFinding) {
  for (const char* name : {"putuo-finance-2024-final.yaml", "sample-science-bureau-2024-final.yaml",
                           "sample-xian-bureau-2022-final.yaml"}) {
    Department d = LoadExample(name);
    d.declared = Declared();
    Document doc = TheEngine().Disclose(d);
    std::vector<std::string> before, after;
    for (const auto& f : Check(d, doc)) before.push_back(f.rule + f.message);
    d.declared = DeclareFromDisclosure(d, doc);
    ASSERT_FALSE(d.declared.cells.empty());
    EXPECT_FALSE(d.declared.text.empty());
    EXPECT_TRUE(d.declared.sections.empty());
    EXPECT_FALSE(d.declared.has_glossary);
    // Both 总计 of 收入支出决算总表 are recorded, the 支出 one by its column.
    EXPECT_TRUE(std::any_of(d.declared.cells.begin(), d.declared.cells.end(), [](auto& c) {
      return c.table == "final_summary" && c.row == "总计" && !c.column.empty();
    }));
    auto findings = Check(d, doc);
    for (const auto& f : findings) after.push_back(f.rule + f.message);
    EXPECT_EQ(before, after) << name << Describe(findings);
  }
  auto catalog = testing::Catalogs()(2023);
  for (uint64_t seed = 0; seed < 40; ++seed) {
    Department budget = MakeSyntheticDepartment(seed, catalog);
    Department d = MakeSyntheticFinalAccounts(budget, seed, "budget.yaml");
    d.source_path = "synthetic-final-" + std::to_string(seed);
    Document doc = TheEngine().Disclose(d);
    d.declared = DeclareFromDisclosure(d, doc);
    auto findings = Check(d, doc);
    EXPECT_TRUE(findings.empty()) << "seed " << seed << Describe(findings);
  }
}

// Each figure of the 情况说明 is located where the document states it, in the national layout
// (机关运行经费 and 政府采购 under 十一 其他重要事项), in the 中央 one (sections 八 and 九) and in
// 西安's (the “三公” under 九（一）, 机关运行经费 and 政府采购 sections 十 and 十一).
TEST(FinalDeclared, TextFiguresAreLocatedAsTheLayoutNumbersTheSections) {
  for (const auto& [name, operating, procurement, three_public] :
       {std::tuple{"sample-science-bureau-2024-final.yaml", "十一（一）", "十一（二）", "七"},
        std::tuple{"sample-central-bureau-2024-final.yaml", "八", "九", "七"},
        // 西安: the “三公” under 九（一）, before 培训费 and 会议费.
        std::tuple{"sample-xian-bureau-2022-final.yaml", "十", "十一", "九（一）"}}) {
    Department d = LoadExample(name);
    Document doc = TheEngine().Disclose(d);
    d.declared = DeclareFromDisclosure(d, doc);
    std::map<std::string, std::string> at;
    for (const auto& f : d.declared.text) at[f.key] = f.at;
    EXPECT_EQ(at["operating_expenses.total"], operating) << name;
    if (at.count("procurement.total")) {
      EXPECT_EQ(at["procurement.total"], procurement) << name;
    }
    EXPECT_EQ(at["three_public.total"], three_public) << name;
    EXPECT_EQ(at["total"], "一") << name;
    // Every place is a section of the document, or a heading of one.
    std::set<std::string> places;
    for (const Section& s : doc.sections) {
      places.insert(s.number);
      for (const Paragraph& p : s.paragraphs) {
        if (p.kind == Paragraph::kHeading && p.text.rfind("（", 0) == 0) {
          places.insert(s.number + p.text.substr(0, p.text.find("）") + 3));
        }
      }
    }
    for (const auto& f : d.declared.text) {
      EXPECT_TRUE(places.count(f.at)) << name << ": " << f.key << " at 「" << f.at << "」";
    }
  }
}

}  // namespace
}  // namespace gongkai
