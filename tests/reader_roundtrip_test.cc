// The reader against documents whose every figure is known: gongkai's own disclosures, as the
// text pdftotext would give of them (render/text_renderer.h) and as the workbook `render
// --format xlsx` writes. Reading one back recovers every amount of the 功能 and 经济 tree
// tables (of the workbook: every cell of every standard table, exactly) and finds no error;
// changing one printed figure is found, in the right table. (Issue 13: round trip and mutation
// tests.)
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <map>
#include <random>

#include "draw/pdf_renderer.h"
#include "engine/engine.h"
#include "reader/reader.h"
#include "render/text_renderer.h"
#include "review/published_relations.h"
#include "test_support.h"

namespace gongkai {
namespace {

using testing::TheEngine;

reader::ReaderOptions Options() {
  reader::ReaderOptions o;
  o.data_dir = testing::DataDir();
  return o;
}

// The tree tables whose every row the reader must recover.
const char* kTreeTables[] = {"expenditure_summary", "general_expenditure",
                             "general_basic_expenditure"};

std::vector<Document> Documents() {
  std::vector<Document> docs;
  for (const char* name :
       {"xinzhou-gov-office-2023.yaml", "dongxihu-finance-2023.yaml", "funing-finance-2021.yaml",
        "bazhou-finance-2022.yaml", "institution-transfers-2023.yaml"}) {
    Loaded l = TheEngine().Load(testing::ExamplePath(name));
    EXPECT_TRUE(l.ok()) << name;
    if (l.ok()) docs.push_back(TheEngine().Disclose(*l.department));
  }
  for (uint64_t seed = 0; seed < 40; ++seed) {
    docs.push_back(TheEngine().Disclose(TheEngine().Synthetic(seed, 2023)));
  }
  return docs;
}

int Errors(const std::vector<reader::ReaderFinding>& findings) {
  int n = 0;
  for (const auto& f : findings) n += f.level == reader::FindingLevel::kError;
  return n;
}

TEST(ReaderRoundTrip, RecoversEveryTreeAmountAndFindsNoError) {
  for (const Document& doc : Documents()) {
    const std::string text = RenderText(doc);
    reader::PublishedDocument read = reader::ReadPublishedText(text, doc.title + ".txt", Options());
    auto findings = reader::CheckPublished(read, gongkai::testing::ThreePublic());
    for (const auto& f : findings) {
      EXPECT_NE(f.level, reader::FindingLevel::kError) << doc.title << ": " << f.message;
    }
    for (const char* id : kTreeTables) {
      const Table* ours = doc.FindTable(id);
      if (!ours || !ours->has_data) continue;
      const reader::PublishedTable* theirs = read.Find(id);
      ASSERT_NE(theirs, nullptr) << doc.title << ": " << id << " not found";
      for (const Row& row : ours->rows) {
        const std::string code = row.cells[0].text;
        if (code.empty()) continue;  // 合计
        const reader::PublishedRow* r = theirs->Row(code);
        ASSERT_NE(r, nullptr) << doc.title << " " << id << " row " << code;
        std::vector<Money> expected;
        for (const auto& c : row.cells) {
          if (c.money) expected.push_back(*c.money);
        }
        ASSERT_EQ(r->amounts.size(), expected.size()) << doc.title << " " << id << " " << code;
        for (size_t i = 0; i < expected.size(); ++i) {
          // Printed to 0.01万元: the reader recovers the printed figure.
          EXPECT_EQ(r->amounts[i].value.RoundedWan(2), expected[i].RoundedWan(2))
              << doc.title << " " << id << " " << code << " column " << i;
        }
      }
    }
  }
}

std::string NoSpaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += c;
  }
  return out;
}

// The workbook: every standard table the reader knows is found on its sheet, and each of its
// body rows comes back — the same labels, every amount exact to 0.01 元 (a workbook holds the
// values, not their print), in the same order — with no finding at all, not even a rounding
// note. Rows are matched by their sheet row: a row of a two-sided table is read as two halves.
TEST(ReaderRoundTrip, WorkbookRecoversEveryCellAndFindsNothing) {
  // Our table id → the reader's (a 决算 table is read as the budget table it corresponds to).
  const std::map<std::string, std::string> known = {
      {"income_expenditure_summary", "income_expenditure_summary"},
      {"income_summary", "income_summary"},
      {"expenditure_summary", "expenditure_summary"},
      {"fiscal_summary", "fiscal_summary"},
      {"general_expenditure", "general_expenditure"},
      {"general_basic_expenditure", "general_basic_expenditure"},
      {"three_public", "three_public"},
      {"gov_fund_expenditure", "gov_fund_expenditure"},
      {"soe_expenditure", "soe_expenditure"},
      {"final_summary", "income_expenditure_summary"},
      {"final_income", "income_summary"},
      {"final_expenditure", "expenditure_summary"},
      {"final_fiscal_summary", "fiscal_summary"},
      {"final_general_expenditure", "general_expenditure"},
      {"final_general_basic_expenditure", "general_basic_expenditure"},
      {"final_three_public", "three_public"},
      {"final_gov_fund", "gov_fund_expenditure"},
      {"final_soe", "soe_expenditure"}};
  int tables = 0, cells = 0;
  std::vector<Document> documents = Documents();
  // Final accounts (决算) too: the examples, and 决算 of synthetic budgets.
  for (const char* name : {"putuo-finance-2024-final.yaml", "sample-science-bureau-2024-final.yaml",
                           "sample-xian-bureau-2022-final.yaml"}) {
    Loaded l = TheEngine().Load(testing::ExamplePath(name));
    ASSERT_TRUE(l.ok()) << name;
    documents.push_back(TheEngine().Disclose(*l.department));
  }
  for (uint64_t seed = 0; seed < 10; ++seed) {
    Department budget = TheEngine().Synthetic(seed, 2023);
    documents.push_back(
        TheEngine().Disclose(TheEngine().SyntheticFinalAccounts(budget, seed, "budget.yaml")));
  }
  for (const Document& doc : documents) {
    std::string bytes, error;
    ASSERT_TRUE(TheEngine().Render(doc, DisclosureFormat::kXlsx, {}, &bytes, &error)) << error;
    reader::PublishedDocument read =
        reader::ReadPublishedWorkbook(bytes, doc.title + ".xlsx", Options());
    EXPECT_EQ(read.year, doc.year) << doc.title;
    EXPECT_FALSE(read.IsBlankForm()) << doc.title;
    std::vector<reader::ReaderFinding> findings =
        reader::CheckPublished(read, gongkai::testing::ThreePublic());
    AppendPublishedRelations(read, &findings);
    for (const auto& f : findings) {
      ADD_FAILURE() << doc.title << ": " << f.message;
    }
    for (const Table& ours : doc.tables) {
      auto id = known.find(ours.id);
      if (id == known.end()) continue;
      const reader::PublishedTable* theirs = read.Find(id->second);
      ASSERT_NE(theirs, nullptr) << doc.title << ": " << ours.id << " not found";
      EXPECT_FALSE(theirs->sheet.empty());
      ++tables;
      // The reader's rows by sheet row: labels and amounts (side 0, then side 1).
      std::map<int, std::pair<std::string, std::vector<Money>>> by_row;
      for (const reader::PublishedRow& r : theirs->rows) {
        int at = r.where.row;
        for (const auto& a : r.amounts) at = at ? at : a.where.row;
        auto& [labels, amounts] = by_row[at];
        labels += r.code + r.name;
        for (const auto& a : r.amounts) {
          if (!a.blank) amounts.push_back(a.value);
        }
      }
      auto next = by_row.begin();
      for (const Row& row : ours.rows) {
        std::string labels;
        std::vector<Money> amounts;
        size_t col = 0;  // a text in an amount column is a 行次 (西安's 公开01表), no label
        for (const auto& c : row.cells) {
          if (c.money) {
            amounts.push_back(*c.money);
          } else if (col >= ours.numeric_columns.size() || !ours.numeric_columns[col]) {
            labels += NoSpaces(c.text);
          }
          col += static_cast<size_t>(std::max(c.colspan, 1));
        }
        if (labels.empty() && amounts.empty()) continue;
        ASSERT_NE(next, by_row.end())
            << doc.title << " " << ours.id << ": row " << labels << " not read";
        EXPECT_EQ(next->second.first, labels) << doc.title << " " << ours.id;
        EXPECT_EQ(next->second.second, amounts) << doc.title << " " << ours.id << " " << labels;
        cells += static_cast<int>(amounts.size());
        ++next;
      }
      EXPECT_EQ(next, by_row.end())
          << doc.title << " " << ours.id << ": rows read beyond " << ours.rows.size();
    }
  }
  std::cout << tables << " tables, " << cells << " amounts read back from workbooks\n";
  EXPECT_GE(tables, 300);
}

// One printed amount of a tree table changed by 1.00万元 at a time: the reader must report an
// error in that table. Mutations are spread over every document and every tree table.
TEST(ReaderRoundTrip, FindsOneChangedFigure) {
  std::mt19937 random(20261127);
  int mutations = 0, found = 0;
  std::string missed;
  for (const Document& doc : Documents()) {
    const std::string text = RenderText(doc);
    // Amount cells of the tree tables: (offset, length) in the text.
    std::vector<std::pair<size_t, size_t>> cells;
    for (const char* id : kTreeTables) {
      const Table* t = doc.FindTable(id);
      if (!t || !t->has_data) continue;
      size_t at = text.find("\n" + t->title + "\n");
      if (at == std::string::npos) continue;
      size_t end = text.find("\n\n", text.find(t->unit_label, at) + t->unit_label.size() + 2);
      for (size_t line = text.find('\n', text.find(t->unit_label, at)) + 1; line < end;) {
        size_t eol = text.find('\n', line);
        const std::string l = text.substr(line, eol - line);
        size_t tab = 0;
        for (int column = 0; (tab = l.find('\t', tab)) != std::string::npos; ++column) {
          size_t start = ++tab, stop = l.find('\t', start);
          if (stop == std::string::npos) stop = l.size();
          if (column >= 1 && stop > start && isdigit(static_cast<unsigned char>(l[start]))) {
            cells.emplace_back(line + start, stop - start);
          }
        }
        line = eol + 1;
      }
    }
    std::shuffle(cells.begin(), cells.end(), random);
    for (size_t k = 0; k < cells.size() && k < 25; ++k) {
      auto [offset, length] = cells[k];
      std::optional<Money> m =
          reader::ParsePublishedAmount(text.substr(offset, length), MoneyUnit::kWan);
      ASSERT_TRUE(m) << text.substr(offset, length);
      std::string mutated = text;
      mutated.replace(offset, length, (*m + Money::FromWan(1)).Wan(2, true));
      auto read = reader::ReadPublishedText(mutated, "mutated.txt", Options());
      ++mutations;
      if (Errors(reader::CheckPublished(read, gongkai::testing::ThreePublic())) > 0) {
        ++found;
      } else if (missed.size() < 6000) {
        size_t bol = text.rfind('\n', offset) + 1;
        missed += doc.title + " [" + text.substr(bol, text.find('\n', offset) - bol) + "] at " +
                  text.substr(offset, length) + "; ";
      }
    }
  }
  std::cout << found << " of " << mutations << " changed figures found\n";
  EXPECT_GE(mutations, 1000);
  EXPECT_GE(found * 100, mutations * 99)
      << found << " of " << mutations << " found; missed: " << missed;
}

// One figure changed in a PDF gongkai renders, read back through poppler: the total of a table
// (its 合计 row in its first amount column, or the “三公” 合计) printed 1.00万元 more. Every
// error the table's sums report is at exactly that cell — its page and box — and names the
// figure as printed; the unchanged PDF reports none. The figure is changed in the disclosure
// before it is laid out, so the PDF is one a producer could have printed (the renderer
// compresses its text; its glyphs are not edited in place).
TEST(ReaderPdfMutation, FindsTheChangedTotalAtItsCell) {
  std::vector<Document> docs;
  for (const char* name : {"xinzhou-gov-office-2023.yaml", "dongxihu-finance-2023.yaml"}) {
    Loaded l = TheEngine().Load(testing::ExamplePath(name));
    ASSERT_TRUE(l.ok()) << name;
    docs.push_back(TheEngine().Disclose(*l.department));
  }
  docs.push_back(TheEngine().Disclose(TheEngine().Synthetic(7, 2023)));
  int mutations = 0;
  for (const Document& doc : docs) {
    SCOPED_TRACE(doc.title);
    std::string pdf, error;
    ASSERT_TRUE(RenderPdf(doc, &pdf, &error)) << error;
    const reader::PublishedDocument clean = reader::ReadPublishedPdf(pdf, "clean.pdf", Options());
    ASSERT_EQ(Errors(reader::CheckPublished(clean, gongkai::testing::ThreePublic())), 0);
    for (const char* id : {"expenditure_summary", "general_expenditure", "three_public"}) {
      SCOPED_TRACE(id);
      const reader::PublishedTable* read = clean.Find(id);
      const Table* printed = doc.FindTable(id);
      if (!read || !printed || !printed->has_data || read->rows.empty()) continue;
      // The cell: the total row (the only row of the “三公” table), its first amount.
      const reader::PublishedRow* row =
          id == std::string("three_public") ? &read->rows.front() : read->Total();
      ASSERT_NE(row, nullptr);
      const reader::PublishedAmount& cell = row->amounts.at(0);
      Document changed = doc;
      Table* t = nullptr;
      for (Table& candidate : changed.tables) {
        if (candidate.id == id) t = &candidate;
      }
      ASSERT_NE(t, nullptr);
      Row* total = nullptr;
      for (Row& r : t->rows) {
        if (!total && (r.kind == RowKind::kTotal || id == std::string("three_public"))) total = &r;
      }
      ASSERT_NE(total, nullptr);
      Cell* amount = nullptr;
      for (Cell& c : total->cells) {
        if (!amount && c.money) amount = &c;
      }
      ASSERT_NE(amount, nullptr);
      // The disclosure keeps exact amounts; the page prints them rounded to 0.01万元.
      ASSERT_EQ(amount->money->Wan(2), cell.value.Wan(2)) << "the row's first amount is the cell";
      amount->money = *amount->money + Money::FromWan(1);
      ASSERT_TRUE(RenderPdf(changed, &pdf, &error)) << error;
      const reader::PublishedDocument mutated =
          reader::ReadPublishedPdf(pdf, "mutated.pdf", Options());
      ++mutations;
      int errors = 0;
      for (const reader::ReaderFinding& f :
           reader::CheckPublished(mutated, gongkai::testing::ThreePublic())) {
        if (f.level != reader::FindingLevel::kError) continue;
        ++errors;
        EXPECT_EQ(f.table_id, id) << f.message;
        EXPECT_EQ(f.page, cell.where.page) << f.message;
        EXPECT_LT(std::abs(f.box.x1 - cell.where.box.x1), 1.0) << f.message;
        EXPECT_LT(std::abs(f.box.y0 - cell.where.box.y0), 1.0) << f.message;
        EXPECT_EQ(f.printed, cell.value + Money::FromWan(1)) << f.message;
      }
      EXPECT_GE(errors, 1);
    }
  }
  EXPECT_GE(mutations, 8);
}

}  // namespace
}  // namespace gongkai
