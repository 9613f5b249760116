// The relations between the tables of a published document and its text against its tables
// (review/published_relations.h), on gongkai's own disclosures as pdftotext would give them
// (render/text_renderer.h): every relation holds on them, and changing one printed cell breaks
// the relation it is part of, reported once, with both tables named. Then the corpus
// (../shared/corpus, skipped when absent): no error on the documents judged correct, the real
// defects found where they are.
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>

#include <unistd.h>

#include "engine/engine.h"
#include "reader/reader.h"
#include "render/text_renderer.h"
#include "review/published_relations.h"
#include "test_support.h"

namespace gongkai {
namespace {

using reader::FindingLevel;
using reader::ReaderFinding;

using testing::TheEngine;

reader::ReaderOptions Options() {
  reader::ReaderOptions o;
  o.data_dir = testing::DataDir();
  return o;
}

std::string Rendered(const std::string& example) {
  Loaded l = TheEngine().Load(testing::ExamplePath(example));
  EXPECT_TRUE(l.ok()) << example;
  return l.ok() ? RenderText(TheEngine().Disclose(*l.department)) : "";
}

// What `gongkai audit` finds: the sums inside each table, the relations, grouped by cause.
std::vector<ReaderFinding> Audit(const std::string& text) {
  reader::PublishedDocument doc = reader::ReadPublishedText(text, "rendered.txt", Options());
  std::vector<ReaderFinding> all = reader::CheckPublished(doc, gongkai::testing::ThreePublic());
  AppendPublishedRelations(doc, &all);
  GroupPublishedFindings(&all);
  return all;
}

std::vector<const ReaderFinding*> Errors(const std::vector<ReaderFinding>& all) {
  std::vector<const ReaderFinding*> out;
  for (const auto& f : all) {
    if (f.level == FindingLevel::kError) out.push_back(&f);
  }
  return out;
}

std::string Describe(const std::vector<ReaderFinding>& all) {
  std::string out;
  for (const auto& f : all) {
    out += (f.level == FindingLevel::kError ? "错误 " : "提示 ") + f.message + "\n";
    for (const auto& c : f.consequences) out += "  由此引起 " + c.message + "\n";
  }
  return out;
}

// `text` with field `field` (0-based, tab-separated) of the first line starting with `row`
// after the title line `table` set to `value`.
std::string Mutate(const std::string& text, const std::string& table, const std::string& row,
                   size_t field, const std::string& value) {
  size_t at = text.find("\n" + table + "\n");
  EXPECT_NE(at, std::string::npos) << table;
  if (at == std::string::npos) return text;
  size_t line = text.find("\n" + row, at + 1);
  EXPECT_NE(line, std::string::npos) << table << " " << row;
  if (line == std::string::npos) return text;
  ++line;
  const size_t end = text.find('\n', line);
  std::vector<std::string> fields;
  for (size_t start = line;;) {
    size_t tab = text.find('\t', start);
    if (tab == std::string::npos || tab > end) {
      fields.push_back(text.substr(start, end - start));
      break;
    }
    fields.push_back(text.substr(start, tab - start));
    start = tab + 1;
  }
  EXPECT_LT(field, fields.size()) << table << " " << row;
  if (field >= fields.size()) return text;
  fields[field] = value;
  std::string joined;
  for (size_t i = 0; i < fields.size(); ++i) joined += (i ? "\t" : "") + fields[i];
  return text.substr(0, line) + joined + text.substr(end);
}

// The one error of `all` (a cause); fails unless there is exactly one.
const ReaderFinding* OneError(const std::vector<ReaderFinding>& all) {
  auto errors = Errors(all);
  EXPECT_EQ(errors.size(), 1u) << Describe(all);
  return errors.size() == 1 ? errors[0] : nullptr;
}

bool Mentions(const ReaderFinding& f, const std::string& rule, const std::string& table) {
  if (f.rule != rule) return false;
  if (f.table_id == table) return true;
  for (const auto& r : f.related) {
    if (r.table_id == table) return true;
  }
  return false;
}

// --- Passing: every relation holds on gongkai's own disclosures -----------------------------

TEST(PublishedRelations, HoldOnRenderedDisclosures) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const char* name :
       {"xinzhou-gov-office-2023.yaml", "dongxihu-finance-2023.yaml", "funing-finance-2021.yaml",
        "bazhou-finance-2022.yaml", "institution-transfers-2023.yaml",
        "sample-science-bureau-2024-budget.yaml", "sample-science-bureau-2024-final.yaml",
        "putuo-finance-2024-final.yaml"}) {
    texts.emplace_back(name, Rendered(name));
  }
  for (uint64_t seed = 0; seed < 30; ++seed) {
    texts.emplace_back("synthetic " + std::to_string(seed),
                       RenderText(TheEngine().Disclose(TheEngine().Synthetic(seed, 2023))));
  }
  for (const auto& [name, text] : texts) {
    reader::PublishedDocument doc = reader::ReadPublishedText(text, name, Options());
    std::vector<ReaderFinding> relations;
    AppendPublishedRelations(doc, &relations);
    for (const auto& f : relations) {
      EXPECT_NE(f.level, FindingLevel::kError) << name << ": " << f.message;
    }
  }
}

// --- Failing: one printed cell changed ---------------------------------------------------------

class MutatedXinzhou : public ::testing::Test {
 public:
  static const std::string& Text() {
    static const std::string text = Rendered("xinzhou-gov-office-2023.yaml");
    return text;
  }
};

TEST_F(MutatedXinzhou, UnchangedHasNoError) { EXPECT_TRUE(Errors(Audit(Text())).empty()); }

// BAL-013 by 类: the 收支总表 prints 一般公共服务支出 1,288.73, the 支出总表 1,287.73.
TEST_F(MutatedXinzhou, SummaryClassAgainstExpenditureSummary) {
  auto all = Audit(Mutate(Text(), "收支总表", "一、一般公共预算拨款收入", 3, "1,288.73"));
  const ReaderFinding* f = OneError(all);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->rule, "BAL-013");
  EXPECT_EQ(f->table_id, "income_expenditure_summary");
  EXPECT_EQ(f->row, "201 一般公共服务支出");
  ASSERT_EQ(f->related.size(), 1u);
  EXPECT_EQ(f->related[0].table_id, "expenditure_summary");
  EXPECT_EQ(f->related[0].row, "201 一般公共服务支出");
  EXPECT_EQ(f->related[0].column, "合计");
  EXPECT_GT(f->page, 0);
  EXPECT_GT(f->related[0].page, 0);
}

// The same change by 0.01: rounding, a note.
TEST_F(MutatedXinzhou, RoundingDifferenceIsANote) {
  auto all = Audit(Mutate(Text(), "收支总表", "一、一般公共预算拨款收入", 3, "1,287.74"));
  EXPECT_TRUE(Errors(all).empty()) << Describe(all);
  bool note = false;
  for (const auto& f : all) note |= f.rule == "BAL-013" && f.level == FindingLevel::kNote;
  EXPECT_TRUE(note) << Describe(all);
}

// The 支出总表's 合计 wrong: one cause (its own sum) and the relations that follow from it
// (收支总表, 一般公共预算支出表) beneath it, not beside it.
TEST_F(MutatedXinzhou, WrongTotalIsOneCause) {
  auto all = Audit(Mutate(Text(), "支出总表", "\t合计", 2, "1,599.66"));
  const ReaderFinding* f = OneError(all);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->table_id, "expenditure_summary");
  EXPECT_EQ(f->rule, "BAL-007");  // its own sum: 合计 ≠ Σ 类, as check names it
  bool summary = false, general = false;
  for (const auto& c : f->consequences) {
    summary |= Mentions(c, "BAL-013", "income_expenditure_summary");
    general |= Mentions(c, "BAL-013", "general_expenditure");
  }
  EXPECT_TRUE(summary && general) << Describe(all);
}

// BAL-013: 收入总表 合计 against the 收支总表 (beneath the 收入总表's own sum).
TEST_F(MutatedXinzhou, IncomeSummaryAgainstSummary) {
  auto all = Audit(Mutate(Text(), "收入总表", "\t合计", 2, "1,600.66"));
  const ReaderFinding* f = OneError(all);
  ASSERT_NE(f, nullptr);
  bool relation = false;
  for (const auto& c : f->consequences) {
    relation |= Mentions(c, "BAL-013", "income_summary") &&
                Mentions(c, "BAL-013", "income_expenditure_summary");
  }
  EXPECT_TRUE(relation) << Describe(all);
}

// Whether `f` or a finding beneath it mentions `table` under `rule`.
bool GroupMentions(const ReaderFinding& f, const std::string& rule, const std::string& table) {
  if (Mentions(f, rule, table)) return true;
  return std::any_of(f.consequences.begin(), f.consequences.end(),
                     [&](const ReaderFinding& c) { return Mentions(c, rule, table); });
}

// BAL-012: the 财政拨款收支总表's 一般公共预算拨款 against the 一般公共预算支出表 合计. The
// changed cell is also one of the items of its table's 本年收入 (BAL-011): one finding, the
// other beneath it, both naming the cell.
TEST_F(MutatedXinzhou, FiscalSummaryAgainstGeneralExpenditure) {
  auto all = Audit(Mutate(Text(), "财政拨款收支总表", "（一）一般公共预算拨款", 1, "1,590.66"));
  const ReaderFinding* f = OneError(all);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->rule, "BAL-011");
  EXPECT_TRUE(Mentions(*f, "BAL-011", "fiscal_summary"));
  EXPECT_TRUE(GroupMentions(*f, "BAL-012", "general_expenditure")) << Describe(all);
  EXPECT_TRUE(GroupMentions(*f, "BAL-012", "fiscal_summary")) << Describe(all);
}

// BAL-014: the 基本支出表's 人员经费 合计 against the 一般公共预算支出表's (beneath its own sums).
TEST_F(MutatedXinzhou, BasicExpenditureAgainstGeneralExpenditure) {
  auto all = Audit(Mutate(Text(), "一般公共预算基本支出表", "\t合计", 3, "990.62"));
  auto errors = Errors(all);
  ASSERT_FALSE(errors.empty());
  bool relation = false;
  for (const auto* f : errors) {
    relation |= Mentions(*f, "BAL-014", "general_expenditure");
    for (const auto& c : f->consequences) relation |= Mentions(c, "BAL-014", "general_expenditure");
  }
  EXPECT_TRUE(relation) << Describe(all);
}

// BAL-002: 收入总计 = 本年收入合计 + 上年结转结余, inside the 收支总表.
TEST_F(MutatedXinzhou, CarriedOverIdentity) {
  auto all = Audit(Mutate(Text(), "收支总表", "上年结转结余", 1, "10.00"));
  const ReaderFinding* f = OneError(all);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->rule, "BAL-002");
  EXPECT_EQ(f->table_id, "income_expenditure_summary");
  EXPECT_EQ(f->row, "收入总计");
}

// TXT-007: the 公开说明 says 41.00万元 of “三公”经费, the table 40.00.
TEST_F(MutatedXinzhou, TextAgainstTable) {
  std::string text = Text();
  const std::string from = "“三公”经费预算40.00万元";
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  auto unchanged = Audit(text);
  text.replace(at, from.size(), "“三公”经费预算41.00万元");
  auto all = Audit(text);
  const ReaderFinding* f = OneError(all);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->rule, "TXT-007");
  EXPECT_GT(f->line, 0);
  EXPECT_GT(f->page, 0);
  ASSERT_FALSE(f->related.empty());
  EXPECT_EQ(f->related[0].table_id, "three_public");
}

// A 情况说明 published without its tables, and the tables in a file of their own (北京's 附件1
// and 附件2): audited together, the text's figures are checked against the other file's tables.
class TextApartFromTables : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string text = MutatedXinzhou::Text();
    // The cover names the department and year; the 公开表 begin with 第二部分.
    const size_t tables = text.find("第二部分");
    ASSERT_NE(tables, std::string::npos);
    const size_t cover = text.find("公开说明");
    ASSERT_LT(cover, tables);
    // The standard tables only: the 绩效目标表 after them name other years in short lines, which
    // a text of one page (no page breaks) would take for the document's year.
    const size_t goals = text.find("部门整体支出绩效目标表", tables);
    ASSERT_NE(goals, std::string::npos);
    explanation_ = text.substr(0, tables);
    tables_ = text.substr(0, cover) + "\n" + text.substr(tables, goals - tables);
    dir_ = std::filesystem::temp_directory_path() / ("gongkai-apart-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::vector<AuditedDocument> AuditBoth() const {
    const std::string a = (dir_ / "说明.txt").string(), b = (dir_ / "报表.txt").string();
    testing::WriteFile(a, explanation_);
    testing::WriteFile(b, tables_);
    return TheEngine().AuditAll({a, b}, 1);
  }

  std::string explanation_, tables_;
  std::filesystem::path dir_;
};

TEST_F(TextApartFromTables, TheTextIsCheckedAgainstTheOtherFilesTables) {
  const std::vector<AuditedDocument> both = AuditBoth();
  ASSERT_EQ(both.size(), 2u);
  ASSERT_TRUE(both[0].document && both[1].document);
  EXPECT_TRUE(both[0].document->tables.empty());
  EXPECT_FALSE(both[0].document->text_figures.empty());
  EXPECT_FALSE(both[1].document->tables.empty());
  EXPECT_EQ(both[0].tables_from, "报表.txt");
  EXPECT_EQ(both[1].tables_from, "");
  EXPECT_EQ(both[0].Errors(), 0) << Describe(both[0].findings);
}

TEST_F(TextApartFromTables, AWrongFigureOfTheTextIsFound) {
  const std::string from = "“三公”经费预算40.00万元";
  const size_t at = explanation_.find(from);
  ASSERT_NE(at, std::string::npos);
  explanation_.replace(at, from.size(), "“三公”经费预算41.00万元");
  const std::vector<AuditedDocument> both = AuditBoth();
  ASSERT_TRUE(both[0].document);
  std::vector<const ReaderFinding*> errors = Errors(both[0].findings);
  ASSERT_EQ(errors.size(), 1u) << Describe(both[0].findings);
  EXPECT_EQ(errors[0]->rule, "TXT-007");
  ASSERT_FALSE(errors[0]->related.empty());
  EXPECT_EQ(errors[0]->related[0].table_id, "three_public");
  EXPECT_EQ(errors[0]->related[0].file, "报表.txt");
  EXPECT_EQ(reader::FindingPlace(errors[0]->related[0]).rfind("《报表.txt》第", 0), 0u);
  EXPECT_NE(errors[0]->message.find("《报表.txt》中"), std::string::npos) << errors[0]->message;
  EXPECT_EQ(both[1].Errors(), 0) << Describe(both[1].findings);
}

TEST_F(TextApartFromTables, AnotherDepartmentsTablesAreNotPaired) {
  const std::string name = "武汉市新洲区人民政府办公室";
  for (size_t at = tables_.find(name); at != std::string::npos; at = tables_.find(name, at)) {
    tables_.replace(at, name.size(), "武汉市新洲区财政局");
  }
  const std::vector<AuditedDocument> both = AuditBoth();
  ASSERT_TRUE(both[0].document && both[1].document);
  ASSERT_NE(both[1].document->department, both[0].document->department);
  EXPECT_EQ(both[0].tables_from, "");
}

// BAL-016: a department with a 政府性基金 project; the 财政拨款收支总表's 政府性基金预算拨款
// changed.
TEST(PublishedRelationsFund, FundTableAgainstFiscalSummary) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "gongkai-relations-fund.yaml").string();
  testing::WriteFile(path, testing::MinimalSource() +
                               "      - {function: \"2120803\", economic: \"30905\", amount: 25, "
                               "fund: fund}\n");
  Loaded l = TheEngine().Load(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(l.ok());
  const std::string text = RenderText(TheEngine().Disclose(*l.department));
  auto unchanged = Audit(text);
  EXPECT_TRUE(Errors(unchanged).empty()) << Describe(unchanged);
  auto all = Audit(Mutate(text, "财政拨款收支总表", "（二）政府性基金预算拨款", 1, "26.00"));
  // One finding (the changed cell is also an item of its table's 本年收入, BAL-011).
  const ReaderFinding* f = OneError(all);
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(GroupMentions(*f, "BAL-016", "gov_fund_expenditure")) << Describe(all);
  EXPECT_TRUE(GroupMentions(*f, "BAL-016", "fiscal_summary")) << Describe(all);
}

// A 收支总表's sides list their items numbered: this year's total is the sum of the items
// (一、二、…), an item the sum of its parts (1. 2. …); rows not numbered under an item are its
// detail (the 款 and 项 of a 类), in no sum.
std::string NumberedSummary(const std::string& fund, const std::string& education,
                            const std::string& running) {
  return "收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
         "一、财政拨款收入\t100.00\t一、一般公共服务支出\t90.00\n"
         "1.一般公共预算\t80.00\t行政运行\t" +
         running +
         "\n"
         "2.政府性基金预算\t" +
         fund +
         "\t一般行政管理事务\t30.00\n"
         "二、事业收入\t10.00\t二、教育支出\t" +
         education +
         "\n"
         "本年收入合计\t110.00\t本年支出合计\t110.00\n收入总计\t110.00\t支出总计\t110.00\n";
}

TEST(PublishedRelationsSummary, ThisYearIsTheSumOfTheNumberedItems) {
  auto unchanged = Audit(NumberedSummary("20.00", "20.00", "60.00"));
  EXPECT_TRUE(unchanged.empty()) << Describe(unchanged);
  // A part of an item: found at the item.
  auto part = Audit(NumberedSummary("21.00", "20.00", "60.00"));
  const ReaderFinding* f = OneError(part);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->rule, "BAL-002");
  EXPECT_EQ(f->row, "一、财政拨款收入");
  EXPECT_EQ(f->printed.Wan(2), "100.00");
  EXPECT_EQ(f->computed.Wan(2), "101.00");
  // An item: found at 本年支出合计.
  auto item = Audit(NumberedSummary("20.00", "21.00", "60.00"));
  f = OneError(item);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->row, "本年支出合计");
  EXPECT_EQ(f->computed.Wan(2), "111.00");
  EXPECT_NE(f->message.find("本年支出合计应等于所列各项之和"), std::string::npos) << f->message;
  // The detail of a 类 is in no sum of this table (the 支出总表 checks it).
  auto detail = Audit(NumberedSummary("20.00", "20.00", "61.00"));
  EXPECT_TRUE(Errors(detail).empty()) << Describe(detail);
}

// The same in each amount column of a side (上海's 支出 half: 合计 | 基本支出 | 项目支出).
TEST(PublishedRelationsSummary, EachColumnOfASideSums) {
  auto text = [](const char* basic) {
    return std::string(
               "收支总表\n单位：万元\n收入\t\t支出\t\t\t\n项目\t预算数\t项目\t合计\t基本支出\t"
               "项目支出\n一、财政拨款收入\t110.00\t一、一般公共服务支出\t90.00\t60.00\t30.00\n"
               "二、事业收入\t0.00\t二、教育支出\t20.00\t") +
           basic +
           "\t10.00\n本年收入合计\t110.00\t本年支出合计\t110.00\t70.00\t40.00\n"
           "收入总计\t110.00\t支出总计\t110.00\t70.00\t40.00\n";
  };
  auto unchanged = Audit(text("10.00"));
  EXPECT_TRUE(Errors(unchanged).empty()) << Describe(unchanged);
  auto changed = Audit(text("11.00"));
  bool found = false;
  for (const ReaderFinding* f : Errors(changed)) {
    found |= f->rule == "BAL-002" && f->row == "本年支出合计" && f->column == "基本支出" &&
             f->computed.Wan(2) == "71.00";
  }
  EXPECT_TRUE(found) << Describe(changed);
}

// FIN-001: a 决算's 收入支出决算总表, 年初结转和结余 changed.
TEST(PublishedRelationsFinal, OpeningBalanceIdentity) {
  const std::string text = Rendered("sample-science-bureau-2024-final.yaml");
  auto unchanged = Audit(text);
  EXPECT_TRUE(Errors(unchanged).empty()) << Describe(unchanged);
  auto all = Audit(Mutate(text, "收入支出决算总表", "年初结转和结余", 1, "9,999.00"));
  bool found = false;
  for (const auto* f : Errors(all)) found |= f->rule == "FIN-001";
  EXPECT_TRUE(found) << Describe(all);
}

// --- The corpus ----------------------------------------------------------------------------------

std::string CorpusDir() { return testing::SourceDir() + "/../shared/corpus"; }

// No error from a relation or the text on the documents judged correct (each new finding
// checked against the page images); the two real defects found where they are printed.
// The 情况说明 names the projects with their amounts (深圳: "2.预算准备金 945.03 万元,主要用于…");
// each is its row of the 项目支出表, in the table's first column (TXT-007). A name inside a
// longer word, or not followed by an amount, is not a statement of that project's amount.
std::string ProjectsText(const std::string& amount) {
  return "（五）项目支出100.00万元，具体包括：\n"
         "1.交通管理业务" +
         amount +
         "万元，主要用于交通指挥管理。\n"
         "2.预算准备金40.00万元，主要用于临时支出。\n"
         "智慧交通管理业务30.00万元。\n"
         "\f项目支出总表\n单位：万元\n项目名称\t总计\t一般公共预算拨款\t其他收入\n"
         "交通管理业务\t60.00\t50.00\t10.00\n预算准备金\t40.00\t40.00\t\n";
}

TEST(PublishedRelationsProjects, AProjectTheTextNamesIsItsRowOfTheProjectTable) {
  EXPECT_TRUE(Audit(ProjectsText("60.00")).empty()) << Describe(Audit(ProjectsText("60.00")));
  EXPECT_TRUE(Audit(ProjectsText("60.0")).empty());  // as many digits as the text prints
  std::vector<ReaderFinding> all = Audit(ProjectsText("61.00"));
  ASSERT_EQ(all.size(), 1u) << Describe(all);
  const ReaderFinding& f = all[0];
  EXPECT_EQ(f.level, FindingLevel::kError);
  EXPECT_EQ(f.rule, "TXT-007");
  EXPECT_EQ(f.page, 1);
  EXPECT_EQ(f.line, 2);
  ASSERT_EQ(f.related.size(), 1u);
  EXPECT_EQ(f.related[0].table_id, "project_expenditure");
  EXPECT_EQ(f.related[0].row, "交通管理业务");
  EXPECT_NE(f.message.find("“交通管理业务61.00万元”"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("“交通管理业务”行“总计”列 60.00万元"), std::string::npos) << f.message;
}

TEST(PublishedRelationsCorpus, NoFalseErrors) {
  if (!std::filesystem::exists(CorpusDir())) {
    GTEST_SKIP() << "../shared/corpus is absent: corpus relations skipped";
  }
  // Documents with a real defect a relation or the text finds.
  const std::string putuo_final = "上海市普陀区/上海市普陀区财政局2024年度部门决算.pdf";
  int documents = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(CorpusDir())) {
    if (entry.path().extension() != ".pdf") continue;
    ++documents;
    const std::string relative = std::filesystem::relative(entry.path(), CorpusDir()).string();
    reader::PublishedDocument doc = reader::ReadPublished(entry.path().string(), Options());
    const std::vector<ReaderFinding> in_table =
        reader::CheckPublished(doc, gongkai::testing::ThreePublic());
    std::vector<ReaderFinding> all = in_table;
    AppendPublishedRelations(doc, &all);
    GroupPublishedFindings(&all);
    // The sums inside a table carry rule ids too (BAL-002 …): a relation's finding is one that
    // CheckPublished did not make.
    auto inside_a_table = [&](const ReaderFinding& f) {
      return std::any_of(in_table.begin(), in_table.end(),
                         [&](const ReaderFinding& g) { return g.message == f.message; });
    };
    std::vector<const ReaderFinding*> relation_errors;
    for (const auto& f : all) {
      if (f.level == FindingLevel::kError && !inside_a_table(f)) relation_errors.push_back(&f);
    }
    if (relative == putuo_final) {
      // 第21页: “财政拨款收入支出总计0.3万元”; the table's 总计 is 2,961.68万元 (p.13).
      ASSERT_EQ(relation_errors.size(), 1u) << relative << "\n" << Describe(all);
      EXPECT_EQ(relation_errors[0]->rule, "TXT-007");
      EXPECT_EQ(relation_errors[0]->page, 21);
      EXPECT_EQ(relation_errors[0]->related.at(0).table_id, "fiscal_summary");
      continue;
    }
    EXPECT_TRUE(relation_errors.empty()) << relative << "\n" << Describe(all);
  }
  EXPECT_EQ(documents, 28);
}

// 北京市财政局 2026 published its 情况说明 (附件1) and its 报表 (附件2) as two files: audited
// together, the text's “三公” (223.80) is checked against 附件2's 三公 table (223.799250) and
// holds; changed by 0.10万元, it is an error naming 附件2. Its 机关运行经费 (1158.60) is in no
// table of 附件2.
TEST(PublishedRelationsCorpus, BeijingTextAgainstItsTablesPublishedApart) {
  if (!std::filesystem::exists(CorpusDir())) {
    GTEST_SKIP() << "../shared/corpus is absent: corpus relations skipped";
  }
  const std::string text_pdf =
      CorpusDir() + "/北京市/财政局_附件1：北京市财政局2026年度部门预算情况说明.pdf";
  const std::string tables_pdf =
      CorpusDir() + "/北京市/财政局_附件2：北京市财政局2026年度部门预算报表.pdf";
  const std::vector<AuditedDocument> both = TheEngine().AuditAll({text_pdf, tables_pdf}, 1);
  ASSERT_TRUE(both[0].document && both[1].document);
  EXPECT_EQ(both[0].tables_from, "财政局_附件2：北京市财政局2026年度部门预算报表.pdf");
  EXPECT_EQ(both[0].Errors(), 0) << Describe(both[0].findings);
  const reader::PublishedDocument& text = *both[0].document;
  std::string why;
  const Money step = *Money::Parse("0.10", MoneyUnit::kWan, &why);
  int checked = 0;
  for (size_t i = 0; i < text.text_figures.size(); ++i) {
    reader::PublishedDocument changed = text;
    changed.text_figures[i].amount += step;
    std::vector<ReaderFinding> found;
    AppendTextAgainstTables(changed, *both[1].document, "附件2.pdf", &found);
    // 附件2 prints no 机关运行经费: that figure has nothing to be checked against.
    if (text.text_figures[i].key == "operating_expenses") {
      EXPECT_TRUE(found.empty()) << Describe(found);
      continue;
    }
    ASSERT_EQ(Errors(found).size(), 1u) << text.text_figures[i].key << "\n" << Describe(found);
    EXPECT_EQ(found[0].rule, "TXT-007");
    EXPECT_EQ(found[0].related.at(0).file, "附件2.pdf");
    ++checked;
  }
  EXPECT_EQ(checked, 1);  // the “三公”
}

}  // namespace
}  // namespace gongkai
