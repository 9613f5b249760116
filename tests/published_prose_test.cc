// The arithmetic of a published document's prose (review/published_prose.h): sentences joined
// across lines and pages as printed, checked as a source's texts are (TXT-011 … TXT-015), each
// finding at the page and line where its sentence begins; rows of tables, broken figures and
// gongkai's own disclosures give none. Then the corpus (../shared/corpus, skipped when absent).
#include <gtest/gtest.h>

#include <filesystem>

#include "draw/pdf_renderer.h"
#include "reader/reader.h"
#include "review/published_prose.h"
#include "review/published_relations.h"
#include "test_support.h"

namespace gongkai {
namespace {

using reader::FindingLevel;
using reader::ReaderFinding;
using testing::TheEngine;

const ProseWords& Words() {
  static const std::shared_ptr<const ProseWords> words = ProseWords::Load(testing::DataDir());
  return *words;
}

// The 政府采购 text of a 决算 as 国家信访局 printed it for 2024, wrapped as on its page 26 (the
// figures are theirs; they hold).
std::vector<std::string> ProcurementLines() {
  return {
      "九、政府采购支出说明",
      "2024年度国家信访局政府采购支出总额1967.42万元，全部",
      "为财政资金，其中：政府采购货物支出171.7万元、政府采购工",
      "程支出3万元、政府采购服务支出1792.72万元。授予中小企业",
      "合同金额1820.69万元，占政府采购支出总额的92.54%，其中：",
      "授予小微企业合同金额1015.5万元，占授予中小企业合同金额的",
      "55.78%。",
      "- 26 -",
  };
}

std::vector<ReaderFinding> Check(const std::vector<reader::NarrativePage>& pages, int year = 2024) {
  reader::PublishedDocument doc;
  doc.year = year;
  doc.narrative = pages;
  std::vector<ReaderFinding> out;
  AppendPublishedProse(doc, Words(), &out);
  return out;
}

std::string Describe(const std::vector<ReaderFinding>& all) {
  std::string out;
  for (const auto& f : all) out += f.rule + " " + f.message + "\n";
  return out;
}

TEST(PublishedProseTest, SentencesThatHoldGiveNothing) {
  EXPECT_TRUE(Check({{26, ProcurementLines()}}).empty())
      << Describe(Check({{26, ProcurementLines()}}));
}

TEST(PublishedProseTest, AWrongShareIsFoundWhereItsSentenceBegins) {
  std::vector<std::string> lines = ProcurementLines();
  lines[4] = "合同金额1820.69万元，占政府采购支出总额的92.45%，其中：";
  const auto found = Check({{26, lines}});
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].rule, "TXT-014");
  EXPECT_EQ(found[0].row, "第4行");
  EXPECT_EQ(found[0].level, FindingLevel::kError);
  EXPECT_EQ(found[0].page, 26);
  EXPECT_EQ(found[0].line, 4);  // 授予中小企业 begins at the end of the fourth line
  EXPECT_NE(found[0].message.find("92.54%"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("92.45%"), std::string::npos) << found[0].message;
}

TEST(PublishedProseTest, AListLargerThanItsTotal) {
  std::vector<std::string> lines = ProcurementLines();
  lines[2] = "为财政资金，其中：政府采购货物支出179.7万元、政府采购工";
  const auto found = Check({{26, lines}});
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].rule, "TXT-013");
  EXPECT_EQ(found[0].line, 2);
}

TEST(PublishedProseTest, ASentenceContinuesOnTheNextPage) {
  const std::vector<std::string> all = ProcurementLines();
  std::vector<std::string> first(all.begin(), all.begin() + 5);
  first[4] = "合同金额1820.69万元，占政府采购支出总额的";
  const auto found = Check({{26, first}, {27, {"92.45%。"}}});
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].page, 26);
  EXPECT_EQ(found[0].line, 4);
  // A page between them that is not narrative (a table) ends the sentence: nothing to check.
  EXPECT_TRUE(Check({{26, first}, {28, {"92.45%。"}}}).empty());
}

TEST(PublishedProseTest, RowsOfTablesEndAParagraph) {
  // "合计 10万元" then the rows of a table: the reader keeps a table's row as an empty line.
  const std::vector<std::string> lines = {"项目资金合计10万元，分别为：", "", "3万元、", "4万元。"};
  EXPECT_TRUE(Check({{5, lines}}).empty()) << Describe(Check({{5, lines}}));
  // Without the row between them, the list is one sentence, and it does not add up.
  const auto found = Check({{5, {"项目资金合计10万元，分别为：", "3万元、", "4万元。"}}});
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].rule, "TXT-013");
}

TEST(PublishedProseTest, AHeadingStartsAParagraph) {
  // The heading's number is not part of the sentence before it.
  const auto found = Check({{3,
                             {"其他支出合计8万元，分别为5万元、", "3万元", "（二）机关运行经费",
                              "2024年机关运行经费12.5万元。"}}});
  EXPECT_TRUE(found.empty()) << Describe(found);
}

TEST(PublishedProseTest, ABrokenFigureIsNotRead) {
  // 重庆市商务委员会 2026, page 4: the page number's dashes printed into "121.55万元".
  const auto found = Check(
      {{4,
        {"其中一般公共预算拨款政府采购5,499.84万元:政府采购货物预算564.79万元、政府采购工程预算"
         "—121—.55万元、政府采购服务预算4,813.5万元。"}}});
  EXPECT_TRUE(found.empty()) << Describe(found);
}

TEST(PublishedProseTest, TextAboveAndBelowATableIsChecked) {
  // A 情况说明 that prints a sentence, the “三公” table and the next sentence on one page: the
  // table's lines are not text, the sentences around it are (a rate wrong in each, 10 of 50 is
  // 20%, 2 of 8 is 25%).
  const std::string text =
      "2026年“三公”经费预算40.00万元，比2025年减少10.00万元，下降25.00%。\n"
      "一般公共预算“三公”经费支出表\n单位：万元\n"
      "“三公”经费合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费\n"
      "\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
      "40.00\t5.00\t25.00\t0.00\t25.00\t10.00\n"
      "其中，公务接待费10.00万元，比2025年增加2.00万元，增长20.00%。\n";
  reader::ReaderOptions options;
  options.data_dir = testing::DataDir();
  const reader::PublishedDocument doc = reader::ReadPublishedText(text, "page.txt", options);
  ASSERT_EQ(doc.tables.size(), 1u);
  ASSERT_EQ(doc.tables[0].rows.size(), 1u);
  ASSERT_EQ(doc.narrative.size(), 1u);
  const std::vector<std::string>& lines = doc.narrative[0].lines;
  ASSERT_EQ(lines.size(), 7u);
  for (size_t i = 1; i < 6; ++i) EXPECT_EQ(lines[i], "") << "line " << i + 1 << " is the table's";
  std::vector<ReaderFinding> found;
  AppendPublishedProse(doc, Words(), &found);
  ASSERT_EQ(found.size(), 2u) << Describe(found);
  EXPECT_EQ(found[0].rule, "TXT-015");
  EXPECT_EQ(found[0].line, 1);
  EXPECT_NE(found[0].message.find("20.00%"), std::string::npos) << found[0].message;
  EXPECT_EQ(found[1].rule, "TXT-015");
  EXPECT_EQ(found[1].line, 7);
  EXPECT_NE(found[1].message.find("25.00%"), std::string::npos) << found[1].message;
}

TEST(PublishedProseTest, APageOfTablesHasNoText) {
  const std::string text =
      "一般公共预算“三公”经费支出表\n单位：万元\n"
      "“三公”经费合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费\n"
      "\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
      "40.00\t5.00\t25.00\t0.00\t25.00\t10.00\n"
      "- 5 -\n";
  reader::ReaderOptions options;
  options.data_dir = testing::DataDir();
  EXPECT_TRUE(reader::ReadPublishedText(text, "page.txt", options).narrative.empty());
}

TEST(PublishedProseTest, RoundingIsANote) {
  std::vector<std::string> lines = ProcurementLines();
  // 171.71 + 3 + 1792.72 = 1967.43 against 1967.42: within 0.01 per item, a rounding
  // difference.
  lines[2] = "为财政资金，其中：政府采购货物支出171.71万元、政府采购工";
  const auto found = Check({{26, lines}});
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].level, FindingLevel::kNote);
  EXPECT_NE(found[0].message.find("尾数差异"), std::string::npos);
}

// gongkai's own disclosures, printed as PDF and read back: their prose holds.
TEST(PublishedProseTest, OwnDisclosuresGiveNothing) {
  for (const std::string example :
       {"sample-science-bureau-2024-budget.yaml", "sample-central-bureau-2024-final.yaml",
        "putuo-finance-2024-final.yaml", "dongxihu-finance-2023.yaml",
        "sample-xian-bureau-2022-final.yaml"}) {
    const std::string path = testing::ExamplePath(example);
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    Loaded l = TheEngine().Load(path);
    ASSERT_TRUE(l.ok()) << example;
    reader::ReaderOptions options;
    options.data_dir = testing::DataDir();
    std::string pdf, error;
    ASSERT_TRUE(RenderPdf(TheEngine().Disclose(*l.department), &pdf, &error)) << error;
    const reader::PublishedDocument doc = reader::ReadPublishedPdf(pdf, "rendered.pdf", options);
    EXPECT_FALSE(doc.narrative.empty()) << example;
    // Figures rounded for print may add up to a cent more or less: a note at most.
    std::vector<ReaderFinding> errors;
    for (const ReaderFinding& f : Check(doc.narrative, doc.year)) {
      if (f.level == FindingLevel::kError) errors.push_back(f);
    }
    EXPECT_TRUE(errors.empty()) << example << "\n" << Describe(errors);
  }
}

// The corpus: the prose findings of every document (../shared/corpus; skipped when absent),
// written down from the pages. 江苏省检察院 2017, p. 22: 机关运行经费 6032.55万元 “比2016年增加
// 3401.59万元，增长129.97%” — on 2630.96万元 the rate is 129.29%. 2018, p. 25: 基本支出
// 13,994.31万元 of 21,955.35万元 is 63.74%, printed 63.75%. 国家信访局 2024's 政府采购 text
// (its shares and its list) holds.
TEST(PublishedProseTest, Corpus) {
  const std::string corpus = testing::SourceDir() + "/../shared/corpus/";
  if (!std::filesystem::exists(corpus)) GTEST_SKIP() << "../shared/corpus is absent, skipped";
  reader::ReaderOptions options;
  options.data_dir = testing::DataDir();
  // The errors (a share printed cut off rather than rounded, 0.06% for 0.0655%, is a note).
  const auto prose = [&](const std::string& file) {
    std::vector<ReaderFinding> all, out;
    AppendPublishedProse(reader::ReadPublished(corpus + file, options), Words(), &all);
    for (ReaderFinding& f : all) {
      if (f.level == FindingLevel::kError) out.push_back(std::move(f));
    }
    return out;
  };
  auto found = prose("江苏/2017年省检察院部门预算.pdf");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].rule, "TXT-015");
  EXPECT_EQ(found[0].page, 22);
  EXPECT_EQ(found[0].line, 6);
  EXPECT_NE(found[0].message.find("129.29%"), std::string::npos) << found[0].message;
  found = prose("江苏/2018年省检察院部门预算公开.pdf");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].rule, "TXT-014");
  EXPECT_EQ(found[0].page, 25);
  EXPECT_EQ(found[0].line, 14);
  EXPECT_NE(found[0].message.find("63.74%"), std::string::npos) << found[0].message;
  // Every other document: nothing.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    const std::string name = entry.path().string().substr(corpus.size());
    if (entry.path().extension() != ".pdf" || name.find("省检察院") != std::string::npos) continue;
    EXPECT_TRUE(prose(name).empty()) << name << "\n" << Describe(prose(name));
  }
  // The 政府采购 text of 国家信访局 is read and checked: one share changed is found.
  reader::PublishedDocument doc =
      reader::ReadPublished(corpus + "中央/信访局_国家信访局2024年度部门决算公开.pdf", options);
  bool changed = false;
  for (auto& page : doc.narrative) {
    for (auto& line : page.lines) {
      if (const size_t at = line.find("92.54%"); at != std::string::npos) {
        line.replace(at, 6, "92.45%");
        changed = true;
      }
    }
  }
  ASSERT_TRUE(changed);
  std::vector<ReaderFinding> all;
  AppendPublishedProse(doc, Words(), &all);
  found.clear();
  for (const ReaderFinding& f : all) {
    if (f.level == FindingLevel::kError) found.push_back(f);
  }
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].rule, "TXT-014");
}

}  // namespace
}  // namespace gongkai
