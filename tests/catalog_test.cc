// The classification catalogs: every bundled year loads and is well formed, the codes the
// seeds use exist with their names, renames are known, and a user's CSV replaces or extends
// the bundled rows.
#include "refdata/catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace gongkai {
namespace {

TEST(Catalog, EveryYearLoadsAndIsWellFormed) {
  for (int year : {2021, 2022, 2023, 2024, 2025}) {
    auto c = Catalog::Load(testing::DataDir(), year);
    EXPECT_GT(c->function_count(), 900u) << year;
    EXPECT_GT(c->economic_count(), 100u) << year;
    EXPECT_EQ(c->class_order().size(), 25u) << year;
    for (const auto& code : c->class_order()) EXPECT_NE(c->FindFunction(code), nullptr) << code;
    ASSERT_EQ(c->revenue_sources().size(), 9u);
    EXPECT_EQ(c->revenue_sources().front().id, "general");
    EXPECT_TRUE(c->revenue_sources().front().fiscal);
  }
}

TEST(Catalog, CodesOfTheSeedsExist) {
  auto c = Catalog::Load(testing::DataDir(), 2023);
  EXPECT_EQ(c->FindFunction("2010301")->name, "行政运行");
  EXPECT_EQ(c->FindFunction("2010301")->level(), FunctionLevel::kItem);
  EXPECT_EQ(c->FindFunction("20103")->level(), FunctionLevel::kSection);
  EXPECT_EQ(c->FindFunction("210")->name, "卫生健康支出");
  EXPECT_FALSE(c->FindFunction("2080505")->description.empty());
  EXPECT_EQ(c->FindEconomic("30231")->three_public, "vehicle_operation");
  EXPECT_EQ(c->FindEconomic("30217")->three_public, "reception");
  EXPECT_EQ(c->FindEconomic("30101")->gov_admin, "50101");
  EXPECT_EQ(c->FindEconomic("30101")->gov_institution, "50501");
  ASSERT_NE(c->FindGovEconomicName("50101"), nullptr);  // the 政府预算经济分类 it maps to
  EXPECT_EQ(*c->FindGovEconomicName("50101"), "工资奖金津补贴");
  EXPECT_EQ(c->FunctionPath("2010301"),
            "一般公共服务支出(类)政府办公厅（室）及相关机构事务(款)行政运行(项)");
  EXPECT_EQ(c->FindFunction("2019898"), nullptr);
}

TEST(Catalog, RenamesAreKnown) {
  auto c = Catalog::Load(testing::DataDir(), 2023);
  auto changes = c->ChangesOf("210");
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes.front()->change, "renamed");
  EXPECT_EQ(changes.front()->old_name, "医疗卫生与计划生育支出");
  EXPECT_EQ(changes.front()->year, 2019);
}

class CatalogFiles : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    std::string path =
        (std::filesystem::temp_directory_path() / ("gongkai-catalog-" + name)).string();
    std::ofstream(path) << text;
    return path;
  }
};

TEST_F(CatalogFiles, UserCsvReplacesAndExtends) {
  std::string path = Write("function.csv",
                           "code,name,description\n"
                           "2010301,行政运行（官方全本）,官方说明\n"
                           "2010397,新增测试项,测试\n");
  auto c = Catalog::Load(testing::DataDir(), 2023, {path});
  EXPECT_EQ(c->FindFunction("2010301")->name, "行政运行（官方全本）");
  EXPECT_EQ(c->FindFunction("2010397")->name, "新增测试项");
  EXPECT_EQ(c->FindFunction("2010302")->name, "一般行政管理事务");  // bundled rows kept
}

TEST_F(CatalogFiles, MalformedCsvIsLocated) {
  std::string bad_code =
      Write("bad-code.csv", "code,name,description\n2010301,行政运行,\n20103x1,坏编码,\n");
  try {
    Catalog::Load(testing::DataDir(), 2023, {bad_code});
    FAIL() << "expected an error";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("bad-code.csv:3: 功能分类科目编码「20103x1」"),
              std::string::npos)
        << e.what();
  }
  std::string short_row = Write("short.csv", "code,name,description\n2010301,行政运行\n");
  EXPECT_THROW(Catalog::Load(testing::DataDir(), 2023, {short_row}), CatalogError);
  std::string orphan = Write("orphan.csv", "code,name,description\n2990101,无上级,\n");
  try {
    Catalog::Load(testing::DataDir(), 2023, {orphan});
    FAIL() << "expected an error";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("缺少上级科目29901"), std::string::npos) << e.what();
  }
}

TEST(Catalog, UnknownYearListsTheYearsThereAre) {
  try {
    Catalog::Load(testing::DataDir(), 1999);
    FAIL() << "expected an error";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("没有1999年度的分类科目目录"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("2023"), std::string::npos);
  }
}

}  // namespace
}  // namespace gongkai
